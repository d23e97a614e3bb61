// Money needs the right to it wherever it starts: saving (or activating) a follow-up rule that awards points, or any
// earning rule, takes the saver's permission to create ledger movements, and a follow-up award stays within the
// per-award cap. Points granted by a rule are checked again when it runs (manual run endpoint: the caller's right;
// every award: the per-award and per-customer daily caps, see followups/execute.ts and the bonus hook).
import { ForbiddenError, InvalidPayloadError } from '@directus/errors';
import type { Accountability, RegisterFunctions } from '@directus/types';
import type { Knex } from 'knex';
import { awardCaps } from '../../../domain/loyalty';
import { canAccess } from '../../access';
import type { CrmContext } from '../../context';
import { storedFollowupRule } from '../../../data/followups/hook-reads';

type Row = Record<string, unknown>;

const LEDGER_RIGHT = {
	reason:
		'crm_points_ledger: a rule that awards points needs the right to create points movements / 포인트를 지급하는 규칙은 포인트 원장 생성 권한이 있어야 저장할 수 있습니다',
};

/** Internal writes (no accountability) are the CRM's or Directus's own; every caller is checked. */
async function mayAwardPoints(knex: Knex, accountability: Accountability | null | undefined) {
	return accountability == null || (await canAccess(knex, accountability, 'crm_points_ledger', 'create'));
}

export function register({ filter }: RegisterFunctions, { env }: CrmContext) {
	const caps = awardCaps(env);
	const checkFollowup = async (rule: Row, knex: Knex, accountability: Accountability | null | undefined) => {
		if (rule.action !== 'points') return;
		if (!(await mayAwardPoints(knex, accountability))) throw new ForbiddenError(LEDGER_RIGHT);
		const points = Number(rule.award_points);
		if (rule.award_points != null && (!Number.isSafeInteger(points) || points < 1 || points > caps.perAward))
			throw new InvalidPayloadError({
				reason: `award_points: a whole number from 1 to ${caps.perAward} (the per-award cap) / 지급 포인트는 1~${caps.perAward} 사이의 정수여야 합니다 (1회 지급 한도)`,
			});
	};
	filter('crm_followup_rules.items.create', async (payload, _meta, context) => {
		await checkFollowup({ action: 'email', ...(payload as Row) }, context.database as Knex, context.accountability);
		return payload;
	});
	filter('crm_followup_rules.items.update', async (payload, meta, context) => {
		const knex = context.database as Knex;
		for (const key of (meta.keys ?? []) as (string | number)[]) {
			const stored = await storedFollowupRule(knex, Number(key));
			await checkFollowup({ ...stored, ...(payload as Row) }, knex, context.accountability);
		}
		return payload;
	});
	// Every earning rule (order rules and event bonuses alike) gives points.
	for (const event of ['create', 'update'])
		filter(`crm_loyalty_rules.items.${event}`, async (payload, _meta, context) => {
			if (!(await mayAwardPoints(context.database as Knex, context.accountability)))
				throw new ForbiddenError(LEDGER_RIGHT);
			return payload;
		});
}
