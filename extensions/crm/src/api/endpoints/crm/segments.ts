import type { Accountability } from '@directus/types';
import type { Router } from 'express';
import type { Knex } from 'knex';
import { validateRule } from '../../../domain/segments/validate-rule';
import { civilDateOf, formatCivil } from '../../../domain/kpi/period';
import { matchRows, readMemberUpload } from '../../../domain/segments/member-import';
import { parseSizeRange, SEGMENT_SIZE_KPI, sizeSeries } from '../../../domain/segments/segment-size';
import { loadSegmentRules, refreshSegment } from '../../../data/segments/segment-membership';
import { previewSegment } from '../../../data/segments/preview';
import { findCustomers, uploadMembers } from '../../../data/segments/member-upload';
import { readSnapshots } from '../../../data/kpi/snapshots';
import type { Rule } from '../../../domain/segments/rule-types';
import { canAccess, forbidden, invalid } from '../../access';
import { crmTimeZone } from '../../../data/settings';
import { emitSegmentChanges, type ActionEmitter } from '../../segment-events';
import { segmentKind } from '../../../data/lookups';

const PREVIEW_SAMPLE = 20;
/** Rows listed by number in an upload's answer (the counts are always complete). */
const MAX_LISTED_ROWS = 500;

type Req = { accountability?: Accountability | null };
type Res = Parameters<typeof forbidden>[0];

/** The segment's id and kind, or null after answering 404. */
async function segmentOr404(database: Knex, raw: string, res: Res): Promise<{ id: number; kind: string } | null> {
	const id = Number(raw);
	const segment = Number.isInteger(id) ? await segmentKind(database, id) : undefined;
	if (segment) return { id, kind: segment.kind };
	res.status(404).json({ errors: [{ message: `Segment ${raw} not found.`, extensions: { code: 'ROUTE_NOT_FOUND' } }] });
	return null;
}

export function segmentRoutes(router: Router, database: Knex, emitter: ActionEmitter) {
	// POST /crm/segments/preview { rule }: how many customers match and a sample, without saving anything.
	router.post('/segments/preview', async (req, res, next) => {
		try {
			if (!(await canAccess(database, (req as { accountability?: never }).accountability, 'crm_customers', 'read')))
				return forbidden(res, 'crm_customers', 'read');
			const rules = await loadSegmentRules(database);
			const issues = validateRule(req.body?.rule, { resolveSegment: (id) => rules.get(String(id)) ?? null });
			if (issues.length)
				return invalid(
					res,
					issues.map((issue) => ({ ...issue, path: issue.path ? `rule.${issue.path}` : 'rule' })),
				);
			const options = { now: new Date(), timeZone: await crmTimeZone(database), sample: PREVIEW_SAMPLE };
			const data = await previewSegment(database, req.body.rule as Rule, options);
			res.json({ data });
		} catch (error) {
			next(error);
		}
	});

	// POST /crm/segments/:id/refresh: recompute membership now; emits crm.segment.entered / crm.segment.left.
	router.post('/segments/:id/refresh', async (req, res, next) => {
		try {
			if (
				!(await canAccess(
					database,
					(req as { accountability?: never }).accountability,
					'crm_segment_members',
					'update',
				))
			)
				return forbidden(res, 'crm_segment_members', 'update');
			const segment = await segmentOr404(database, req.params.id, res);
			if (!segment) return;
			const id = segment.id;
			const result = await refreshSegment(database, id, { now: new Date(), timeZone: await crmTimeZone(database) });
			emitSegmentChanges(emitter, result);
			res.json({
				data: { segment: id, members: result.members, entered: result.entered.length, left: result.left.length },
			});
		} catch (error) {
			next(error);
		}
	});

	// POST /crm/segments/:id/members/import { csv | rows, column?, match?, mode: add|replace, dry_run }: a static
	// segment's members from a list of customers (by id, e-mail, phone or external id); rows reported by number.
	router.post('/segments/:id/members/import', async (req, res, next) => {
		try {
			const accountability = (req as Req).accountability;
			for (const [collection, action] of [
				['crm_customers', 'read'],
				['crm_segment_members', 'create'],
			] as const) {
				if (!(await canAccess(database, accountability, collection, action))) return forbidden(res, collection, action);
			}
			const segment = await segmentOr404(database, req.params.id, res);
			if (!segment) return;
			if (segment.kind !== 'static')
				return invalid(res, [
					{
						path: 'kind',
						message: `members can be uploaded to static segments only; this segment is ${segment.kind} (its rule decides who is a member)`,
					},
				]);
			const read = readMemberUpload(req.body);
			if (!read.ok) return invalid(res, read.issues);
			const { upload } = read;
			if (upload.mode === 'replace' && !(await canAccess(database, accountability, 'crm_segment_members', 'update')))
				return forbidden(res, 'crm_segment_members', 'update');
			const keys = upload.rows.flatMap((row) => (row.value === null ? [] : [row.value]));
			const report = matchRows(upload.rows, upload.key, await findCustomers(database, upload.key, keys));
			const source = req.body?.csv !== undefined ? 'csv' : 'rows';
			if (upload.mode === 'replace' && report.customers.length === 0)
				return invalid(res, [
					{ path: source, message: 'no row matches a customer, so replace would remove every member' },
				]);
			const result = await uploadMembers(database, segment.id, report.customers, {
				mode: upload.mode,
				now: new Date(),
				dryRun: upload.dryRun,
			});
			if (!upload.dryRun) emitSegmentChanges(emitter, result);
			res.json({
				data: {
					segment: segment.id,
					mode: upload.mode,
					dry_run: upload.dryRun,
					column: upload.column,
					match: upload.key,
					rows: upload.rows.length,
					matched: report.matched.length,
					unmatched: report.unmatched.length,
					customers: report.customers.length,
					added: result.entered.length,
					removed: result.left.length,
					members_before: result.before,
					members: result.members,
					matched_rows: report.matched.slice(0, MAX_LISTED_ROWS),
					unmatched_rows: report.unmatched.slice(0, MAX_LISTED_ROWS),
				},
			});
		} catch (error) {
			next(error);
		}
	});

	// GET /crm/segments/:id/sizes?from=&to=: the segment's daily size (kpi segment_size in crm_kpi_snapshots), one
	// point per local day (null where none was recorded); the labels come along for charts.
	router.get('/segments/:id/sizes', async (req, res, next) => {
		try {
			if (!(await canAccess(database, (req as Req).accountability, 'crm_kpi_snapshots', 'read')))
				return forbidden(res, 'crm_kpi_snapshots', 'read');
			const segment = await segmentOr404(database, req.params.id, res);
			if (!segment) return;
			const timeZone = await crmTimeZone(database);
			const { issues, range } = parseSizeRange(
				req.query as { from?: unknown; to?: unknown },
				civilDateOf(new Date(), timeZone),
			);
			if (!range) return invalid(res, issues);
			const stored = await readSnapshots(
				database,
				SEGMENT_SIZE_KPI.id,
				formatCivil(range.from),
				formatCivil(range.to),
				segment.id,
			);
			res.json({
				data: {
					segment: segment.id,
					kpi: SEGMENT_SIZE_KPI.id,
					label: SEGMENT_SIZE_KPI.label,
					unit: SEGMENT_SIZE_KPI.unit,
					time_zone: timeZone,
					from: formatCivil(range.from),
					to: formatCivil(range.to),
					points: sizeSeries(range, stored),
				},
			});
		} catch (error) {
			next(error);
		}
	});
}
