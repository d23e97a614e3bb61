// Duplicates and merge. GET /crm/duplicates lists possible duplicates (strongest first), GET
// /crm/customers/:id/duplicates those of one customer; POST /crm/customers/merge/preview shows what a merge would
// do, POST /crm/customers/merge does it. Who may call them: api/route-access.ts. After the merge the survivor's tier,
// stage and dynamic segments are decided again from the combined history.
import type { Router } from 'express';
import { mergeCustomers, MergeError, previewMerge } from '../../../data/merge/merge-customers';
import { findDuplicatePairs } from '../../../data/merge/find-duplicates';
import { reevaluateAfterMerge, customerNames } from '../../../data/merge/after-merge';
import { parseMergeRequest } from '../../../domain/merge';
import type { CrmContext } from '../../context';
import { asyncHandler, ConflictError, InvalidFieldError, NotFoundError } from '../../http';

const MAX_LIMIT = 500;

function limitOf(value: unknown): number {
	if (value === undefined) return 50;
	const limit = Number(value);
	if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_LIMIT)
		throw new InvalidFieldError({
			field: 'limit',
			reason: `must be a whole number from 1 to ${MAX_LIMIT} / 1~${MAX_LIMIT} 사이의 정수여야 합니다`,
		});
	return limit;
}

function requestOf(body: unknown) {
	const parsed = parseMergeRequest(body);
	if ('issues' in parsed) {
		const [first] = parsed.issues;
		throw new InvalidFieldError({ field: first.field, reason: parsed.issues.map((i) => i.message).join('; ') });
	}
	return parsed;
}

function rethrow(error: unknown): never {
	if (error instanceof MergeError) {
		const reason = `${error.message} / ${error.code === 'ALREADY_MERGED' ? '이미 병합된 고객입니다' : '고객을 찾을 수 없습니다'}`;
		if (error.code === 'ALREADY_MERGED') throw new ConflictError({ field: error.field, reason });
		throw new NotFoundError({ field: error.field, reason });
	}
	throw error;
}

export function mergeRoutes(router: Router, { database, emitter, purgeCache }: CrmContext) {
	const withNames = async (pairs: Awaited<ReturnType<typeof findDuplicatePairs>>) => {
		const names = await customerNames(
			database,
			pairs.flatMap((pair) => [pair.a, pair.b]),
		);
		return pairs.map((pair) => ({ ...pair, a_name: names.get(pair.a) ?? null, b_name: names.get(pair.b) ?? null }));
	};

	router.get(
		'/duplicates',
		asyncHandler(async (req, res) => {
			res.json({ data: await withNames(await findDuplicatePairs(database, { limit: limitOf(req.query.limit) })) });
		}),
	);

	router.get(
		'/customers/:id/duplicates',
		asyncHandler(async (req, res) => {
			const customer = Number(req.params.id);
			if (!Number.isSafeInteger(customer) || customer < 1)
				throw new InvalidFieldError({ field: 'id', reason: 'must be a customer id / 고객 ID여야 합니다' });
			const pairs = await findDuplicatePairs(database, { limit: limitOf(req.query.limit), customer });
			res.json({ data: await withNames(pairs) });
		}),
	);

	router.post(
		'/customers/merge/preview',
		asyncHandler(async (req, res) => {
			const preview = await previewMerge(database, requestOf(req.body)).catch(rethrow);
			res.json({ data: preview });
		}),
	);

	router.post(
		'/customers/merge',
		asyncHandler(async (req, res) => {
			const request = requestOf(req.body);
			const now = new Date();
			const result = await mergeCustomers(database, request, {
				now,
				staff: req.accountability?.user ?? null,
			}).catch(rethrow);
			const after = await reevaluateAfterMerge(database, request.survivor, now);
			for (const change of after.segments)
				emitter.emitAction(
					`crm.segment.${change.change}`,
					{ segment: change.segment, customer: request.survivor },
					null,
				);
			if (after.stage) emitter.emitAction('crm.stage.changed', { ...after.stage }, null);
			emitter.emitAction('crm.customer.merged', { survivor: request.survivor, merged: request.merged }, null);
			await purgeCache();
			res.json({
				data: {
					survivor: request.survivor,
					merged: request.merged,
					moves: result.moves,
					points: result.points,
					outbox: result.outbox,
					memberships: result.memberships,
					debt_repaid: result.debtRepaid,
					tier: after.tier,
					stage: after.stage,
					segments: after.segments,
				},
			});
		}),
	);
}
