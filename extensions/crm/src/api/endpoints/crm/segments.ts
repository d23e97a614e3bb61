import type { Router } from 'express';
import type { Knex } from 'knex';
import { validateRule } from '../../../domain/segments/validate-rule';
import { limitStatementTime, loadSegmentRules, refreshSegment } from '../../../data/segments/segment-membership';
import { compileSegmentQuery } from '../../../data/segments/segment-query';
import type { Rule } from '../../../domain/segments/rule-types';
import { canAccess, forbidden, invalid } from '../../access';
import { crmTimeZone } from '../../../data/settings';
import { emitSegmentChanges, type ActionEmitter } from '../../segment-events';

const PREVIEW_SAMPLE = 20;

export function segmentRoutes(router: Router, database: Knex, emitter: ActionEmitter) {
	// POST /crm/segments/preview { rule }: how many customers match and a sample, without saving anything.
	router.post('/segments/preview', async (req, res, next) => {
		try {
			if (!(await canAccess(database, (req as { accountability?: never }).accountability, 'crm_customers', 'read'))) return forbidden(res, 'crm_customers', 'read');
			const rules = await loadSegmentRules(database);
			const issues = validateRule(req.body?.rule, { resolveSegment: (id) => rules.get(String(id)) ?? null });
			if (issues.length) return invalid(res, issues.map((issue) => ({ ...issue, path: issue.path ? `rule.${issue.path}` : 'rule' })));
			const options = { now: new Date(), timeZone: await crmTimeZone(database) };
			const data = await database.transaction(async (trx) => {
				await limitStatementTime(trx);
				const matching = () => compileSegmentQuery(trx, req.body.rule as Rule, options);
				const [row] = (await trx.count({ count: '*' }).from(matching().as('matches'))) as { count: number | string }[];
				const sample = await trx('crm_customers').select('id', 'full_name', 'email').whereIn('id', matching()).orderBy('id').limit(PREVIEW_SAMPLE);
				return { count: Number(row.count), sample };
			});
			res.json({ data });
		} catch (error) {
			next(error);
		}
	});

	// POST /crm/segments/:id/refresh: recompute membership now; emits crm.segment.entered / crm.segment.left.
	router.post('/segments/:id/refresh', async (req, res, next) => {
		try {
			if (!(await canAccess(database, (req as { accountability?: never }).accountability, 'crm_segment_members', 'update'))) return forbidden(res, 'crm_segment_members', 'update');
			const id = Number(req.params.id);
			if (!Number.isInteger(id) || !(await database('crm_segments').first('id').where('id', id))) return res.status(404).json({ errors: [{ message: `Segment ${req.params.id} not found.`, extensions: { code: 'ROUTE_NOT_FOUND' } }] });
			const result = await refreshSegment(database, id, { now: new Date(), timeZone: await crmTimeZone(database) });
			emitSegmentChanges(emitter, result);
			res.json({ data: { segment: id, members: result.members, entered: result.entered.length, left: result.left.length } });
		} catch (error) {
			next(error);
		}
	});
}
