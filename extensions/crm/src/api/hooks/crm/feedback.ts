// Keeps last_nps right when an NPS answer is updated (a survey link re-submitted, or staff correcting a score);
// creates are handled in stats.ts. Runs inside the update's transaction, like the other stats hooks.
import type { RegisterFunctions } from '@directus/types';
import { syncLastNpsAfterUpdate } from '../../../data/last-nps';
import type { CrmContext } from '../../context';

const WATCHED = ['score', 'kind', 'customer', 'answered_at'];

export function register({ filter }: RegisterFunctions, _ctx: CrmContext) {
	filter('crm_feedback.items.update', async (payload, meta, { database }) => {
		const changes = (payload ?? {}) as Record<string, unknown>;
		if (!WATCHED.some((field) => field in changes)) return payload;
		const keys = ((meta.keys ?? []) as (string | number)[]).filter((key) => key != null);
		if (keys.length) await syncLastNpsAfterUpdate(database, keys, changes);
		return payload;
	});
}
