// /crm/loyalty and /crm/coupons: validate input, check the caller's Directus permissions, call data/loyalty.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Request, Response, Router } from 'express';
import type { Knex } from 'knex';
import { awardCaps, earnForOrder } from '../../../domain/loyalty';
import { adjustPoints, MAX_REASON_LENGTH } from '../../../data/loyalty/adjust';
import { loyaltyCard } from '../../../data/loyalty/card';
import { consumeCoupon, redeemReward, validateCoupon, voidCoupon } from '../../../data/loyalty/coupons';
import { LoyaltyError } from '../../../data/loyalty/errors';
import { balanceDrift } from '../../../data/loyalty/reconcile';
import { runLoyaltyNightly } from '../../../data/loyalty/nightly';
import { activeRules, allTiers } from '../../../data/loyalty/rules-repo';
import { loyaltySettings } from '../../../data/loyalty/settings';
import { canAccess, forbidden, type Action } from '../../access';
import type { PurgeCache } from '../../cache';
import { customerTier } from '../../../data/lookups';
import type { CrmRequest } from '../../http';

type Accountable = Request & { accountability?: { user?: string | null } & Record<string, unknown> };
type Handler = (req: Accountable, res: Response) => Promise<unknown>;

const bad = (field: string, message: string) => new LoyaltyError('INVALID_PAYLOAD', 400, message, field);

function positiveId(value: unknown, field: string): number {
	const id = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
	if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0)
		throw bad(field, `${field} must be a positive whole number.`);
	return id;
}

function requestKey(value: unknown): string {
	if (value === undefined || value === null) return randomUUID();
	if (typeof value !== 'string' || !value.trim() || value.length > 200)
		throw bad('idempotency_key', 'idempotency_key must be a non-empty string of at most 200 characters.');
	return value;
}

export function loyaltyRoutes(
	router: Router,
	database: Knex,
	purgeCache: PurgeCache,
	env: Record<string, unknown> = {},
) {
	const caps = awardCaps(env);
	// Runs the handler after checking every permission it needs; LoyaltyErrors become 4xx naming the field.
	const guarded =
		(needs: [string, Action][], handler: Handler) =>
		async (req: Accountable, res: Response, next: (error: unknown) => void) => {
			try {
				for (const [collection, action] of needs)
					if (!(await canAccess(database, (req as CrmRequest).accountability, collection, action)))
						return forbidden(res, collection, action);
				await handler(req, res);
				// The answer is already sent; a failed purge only leaves cached reads stale until their TTL.
				if (req.method !== 'GET') await purgeCache().catch(() => undefined);
			} catch (error) {
				if (error instanceof LoyaltyError)
					return res
						.status(error.status)
						.json({ errors: [{ message: error.message, extensions: { code: error.code, field: error.field } }] });
				next(error);
			}
		};

	router.get(
		'/loyalty/customers/:id',
		guarded(
			[
				['crm_customers', 'read'],
				['crm_points_ledger', 'read'],
			],
			async (req, res) => {
				res.json({
					data: await loyaltyCard(
						database,
						positiveId(req.params.id, 'id'),
						await loyaltySettings(database),
						new Date(),
					),
				});
			},
		),
	);

	// "This order would earn ...": evaluates the rules on an order that is not saved.
	router.post(
		'/loyalty/preview',
		guarded([['crm_loyalty_rules', 'read']], async (req, res) => {
			const order = req.body?.order;
			if (!order || typeof order !== 'object' || !Array.isArray(order.lines))
				throw bad('order.lines', 'order.lines must be a list of order lines.');
			const settings = await loyaltySettings(database);
			const tiers = await allTiers(database);
			const customer =
				req.body.customer === undefined
					? null
					: await customerTier(database, positiveId(req.body.customer, 'customer'));
			const tier = tiers.find((candidate) => String(candidate.id) === String(customer?.tier)) ?? null;
			const orderedAt = order.ordered_at ? new Date(order.ordered_at) : new Date();
			if (Number.isNaN(orderedAt.getTime())) throw bad('order.ordered_at', 'order.ordered_at must be an ISO date.');
			const lines = order.lines.map((line: Record<string, unknown>, index: number) => {
				if (typeof line !== 'object' || line === null || Array.isArray(line))
					throw bad(`order.lines[${index}]`, 'each line must be an object { kind, line_total, … }.');
				const lineTotal = Number(line.line_total);
				if (!Number.isFinite(lineTotal) || lineTotal < 0)
					throw bad(`order.lines[${index}].line_total`, 'line_total must be a number ≥ 0.');
				return {
					kind: String(line.kind ?? 'product'),
					product: (line.product as string) ?? null,
					category: (line.category as string) ?? null,
					quantity: Number(line.quantity ?? 1),
					lineTotal,
				};
			});
			const total = lines.reduce((sum: number, line: { lineTotal: number }) => sum + line.lineTotal, 0);
			const awards = earnForOrder(
				await activeRules(database),
				{ orderedAt, channel: order.channel ?? null, lines, total },
				{
					tierCode: tier?.code ?? null,
					tierMultiplier: tier?.multiplier ?? 1,
					timeZone: settings.timeZone,
					earnedTodayByRule: {},
					earnedTotalByRule: {},
				},
			);
			res.json({ data: { points: awards.reduce((sum, award) => sum + award.points, 0), awards } });
		}),
	);

	router.post(
		'/loyalty/adjust',
		guarded([['crm_points_ledger', 'create']], async (req, res) => {
			const points = req.body?.points;
			if (typeof points !== 'number' || !Number.isSafeInteger(points) || points === 0 || Math.abs(points) > caps.adjust)
				throw bad(
					'points',
					`points must be a non-zero whole number from -${caps.adjust} to ${caps.adjust} / 포인트는 -${caps.adjust}~${caps.adjust} 사이의 0이 아닌 정수여야 합니다.`,
				);
			if (typeof req.body?.reason !== 'string' || !req.body.reason.trim())
				throw bad('reason', 'A reason is required for a manual adjustment.');
			if (req.body.reason.length > MAX_REASON_LENGTH)
				throw bad(
					'reason',
					`reason must be at most ${MAX_REASON_LENGTH} characters / 사유는 ${MAX_REASON_LENGTH}자 이하여야 합니다.`,
				);
			const result = await adjustPoints(
				database,
				{
					customer: positiveId(req.body.customer, 'customer'),
					points,
					reason: req.body.reason,
					requestKey: requestKey(req.body.idempotency_key),
					staff: req.accountability?.user ?? null,
					now: new Date(),
					caps,
				},
				await loyaltySettings(database),
			);
			res.status(result.replayed ? 200 : 201).json({ data: result });
		}),
	);

	router.post(
		'/loyalty/redeem',
		guarded([['crm_coupons', 'create']], async (req, res) => {
			const result = await redeemReward(database, {
				customer: positiveId(req.body?.customer, 'customer'),
				reward: positiveId(req.body?.reward, 'reward'),
				requestKey: requestKey(req.body?.idempotency_key),
				now: new Date(),
				staff: req.accountability?.user ?? null,
				randomBytes: () => randomBytes(16),
			});
			res.status(result.replayed ? 200 : 201).json({ data: result });
		}),
	);

	router.get(
		'/loyalty/reconcile',
		guarded(
			[
				['crm_points_ledger', 'read'],
				['crm_customers', 'read'],
			],
			async (_req, res) => {
				const drift = await balanceDrift(database);
				res.json({ data: { ok: drift.length === 0, drift } });
			},
		),
	);

	// Runs the nightly job now (expiry, tier reviews, reconciliation); for managers and operations.
	router.post(
		'/loyalty/run-nightly',
		guarded(
			[
				['crm_points_ledger', 'create'],
				['crm_customers', 'update'],
			],
			async (_req, res) => {
				const result = await runLoyaltyNightly(database, new Date(), () => randomBytes(16));
				res.json({ data: { ...result, notices: result.notices.length } });
			},
		),
	);

	router.post(
		'/coupons/validate',
		guarded([['crm_coupons', 'read']], async (req, res) => {
			const amount = req.body?.amount === undefined ? null : Number(req.body.amount);
			if (amount !== null && (!Number.isFinite(amount) || amount < 0))
				throw bad('amount', 'amount must be a number ≥ 0.');
			res.json({ data: await validateCoupon(database, req.body?.code, amount, new Date()) });
		}),
	);

	router.post(
		'/coupons/consume',
		guarded([['crm_coupons', 'update']], async (req, res) => {
			const order =
				req.body?.order === undefined || req.body.order === null ? null : positiveId(req.body.order, 'order');
			res.json({ data: await consumeCoupon(database, req.body?.code, order, new Date()) });
		}),
	);

	router.post(
		'/coupons/void',
		guarded([['crm_coupons', 'update']], async (req, res) => {
			if (typeof req.body?.reason !== 'string' || !req.body.reason.trim())
				throw bad('reason', 'A reason is required to void a coupon.');
			res.json({ data: await voidCoupon(database, req.body?.code, req.body.reason.trim(), new Date()) });
		}),
	);
}
