// Segment rules are checked when saved (400 naming the bad node) and refreshed on their schedule.
import { InvalidPayloadError } from '@directus/errors';
import type { RegisterFunctions } from '@directus/types';
import type { Knex } from 'knex';
import type { Rule } from '../../../domain/segments/rule-types';
import { validateRule } from '../../../domain/segments/validate-rule';
import {
	loadSegmentRules,
	parseRule,
	refreshSegment,
	segmentsWithSchedule,
} from '../../../data/segments/segment-membership';
import { clearSegmentError, recordSegmentError } from '../../../data/segments/segment-errors';
import { crmTimeZone } from '../../../data/settings';
import type { CrmContext } from '../../context';
import { forEachIsolated } from '../../../domain/shared/isolate';
import { emitSegmentChanges } from '../../segment-events';

async function checkRule(knex: Knex, payload: Record<string, unknown>, segmentId?: string) {
	// Not an object: Directus itself refuses the payload; this hook has nothing to check (found by fuzzing).
	if (typeof payload !== 'object' || payload === null || !('rule' in payload) || payload.rule === null) return;
	let rule: unknown;
	try {
		rule = parseRule(payload.rule);
	} catch {
		throw new InvalidPayloadError({ reason: 'rule: is not valid JSON' });
	}
	const rules = await loadSegmentRules(knex);
	const issues = validateRule(rule, {
		resolveSegment: (id) => (String(id) === segmentId ? (rule as Rule) : (rules.get(String(id)) ?? null)),
		segmentId,
	});
	if (issues.length)
		throw new InvalidPayloadError({
			reason: issues.map((issue) => `rule${issue.path ? `.${issue.path}` : ''}: ${issue.message}`).join('; '),
		});
}

export function register({ filter, schedule }: RegisterFunctions, { database, emitter, logger }: CrmContext) {
	filter('crm_segments.items.create', async (payload, _meta, context) => {
		await checkRule(context.database, payload as Record<string, unknown>);
		return payload;
	});
	filter('crm_segments.items.update', async (payload, meta, context) => {
		const keys = (meta.keys ?? []) as (string | number)[];
		for (const key of keys) await checkRule(context.database, payload as Record<string, unknown>, String(key));
		return payload;
	});

	// One failing segment never stops the others: its failure is recorded on it (last_error) and logged by id, without
	// the SQL; the next refresh that works clears it.
	const refreshAll = (refresh: 'hourly' | 'nightly') => async () => {
		const timeZone = await crmTimeZone(database);
		const failed = await forEachIsolated(
			await segmentsWithSchedule(database, refresh),
			async (id) => {
				emitSegmentChanges(emitter, await refreshSegment(database, id, { now: new Date(), timeZone }));
				await clearSegmentError(database, id).catch(() => undefined);
			},
			async (id, reason) => {
				logger.warn(`crm: segment ${id} refresh failed: ${reason}`);
				await recordSegmentError(database, id, reason, new Date());
			},
		);
		logger.info(
			`crm: ${refresh} segment refresh done${failed.length ? ` (segments ${failed.join(', ')} failed, see their last_error)` : ''}`,
		);
	};
	schedule('5 * * * *', refreshAll('hourly'));
	schedule('30 3 * * *', refreshAll('nightly'));
}
