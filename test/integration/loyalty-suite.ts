// The loyalty programme on a real Directus, shared by the SQLite and PostgreSQL runs: the default programme
// (1 % back, first-purchase bonus, four tiers, two coupons) earning on orders, refunds reversing exactly, redemption,
// coupons consumed once, manual adjustment, expiry oldest-first, tiers, reconciliation and bad input.
import { createItem, customEndpoint, readItem, readItems, updateItem } from '@directus/sdk';
import { expect, it } from 'vitest';
import { directDatabase, type CrmInstance } from '../harness/crm.ts';

const DAY = 86_400_000;
type Row = Record<string, any>;

export function loyaltyHelpers(crm: () => CrmInstance) {
	const call = <T = Row>(path: string, method: 'GET' | 'POST' = 'GET', body?: unknown) =>
		crm().client.request(
			customEndpoint({ path, method, ...(body ? { body: JSON.stringify(body) } : {}) }),
		) as Promise<T>;
	const failure = async (promise: Promise<unknown>) => {
		const error = (await promise.then(
			() => null,
			(e) => e,
		)) as { response?: Response; errors?: { message: string; extensions: Row }[] } | null;
		expect(error, 'the request should have failed').not.toBeNull();
		return {
			status: error!.response?.status,
			code: error!.errors?.[0]?.extensions?.code,
			field: error!.errors?.[0]?.extensions?.field,
			message: error!.errors?.[0]?.message ?? '',
		};
	};
	const customer = async (name: string, extra: Row = {}) =>
		(await crm().client.request(createItem('crm_customers' as never, { full_name: name, ...extra } as never))) as Row;
	/** Waits until the order's points are settled (the action hook right after commit, or the sweeper). */
	const settled = async (orderId: number) => {
		for (let attempt = 0; attempt < 200; attempt++) {
			const order = (await crm().client.request(
				readItem('crm_orders' as never, orderId, { fields: ['points_pending'] } as never),
			)) as Row;
			if (order.points_pending === false || order.points_pending === 0) return;
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		throw new Error(`order ${orderId} never settled`);
	};
	const order = async (customerId: number, lines: Row[], extra: Row = {}) => {
		const total = lines.reduce((sum, line) => sum + line.line_total, 0);
		const created = (await crm().client.request(
			createItem(
				'crm_orders' as never,
				{ customer: customerId, status: 'paid', ordered_at: new Date().toISOString(), total, lines, ...extra } as never,
			),
		)) as Row;
		await settled(created.id);
		return created;
	};
	const setStatus = async (orderId: number, status: string) => {
		await crm().client.request(updateItem('crm_orders' as never, orderId, { status } as never));
		await settled(orderId);
	};
	const card = (customerId: number) => call<Row>(`/crm/loyalty/customers/${customerId}`);
	const ledger = async (customerId: number) =>
		(await crm().client.request(
			readItems(
				'crm_points_ledger' as never,
				{ filter: { customer: { _eq: customerId } }, sort: ['id'], limit: -1 } as never,
			),
		)) as Row[];
	const product = (lineTotal: number, extra: Row = {}) => ({
		kind: 'product',
		product_name: 'Item',
		quantity: 1,
		unit_price: lineTotal,
		line_total: lineTotal,
		...extra,
	});
	return { call, failure, customer, order, setStatus, card, ledger, product, settled };
}

export function loyaltySuite(crm: () => CrmInstance) {
	const h = loyaltyHelpers(crm);

	it('earns 1 % on product lines only, plus the first-purchase bonus once, and places the customer in the base tier', async () => {
		const c = await h.customer('적립 고객');
		const first = await h.order(c.id, [
			h.product(45_000),
			{ kind: 'shipping', line_total: 3_000, quantity: 1 },
			{ kind: 'discount', line_total: -5_000, quantity: 1 },
		]);
		const rows = await h.ledger(c.id);
		expect(rows.map((r) => [r.kind, r.points, r.source_key.split(':')[0]])).toEqual([
			['earn', 450, 'earn'],
			['earn', 1000, 'bonus'],
		]);
		expect(rows.every((r) => Number(r.order) === first.id)).toBe(true);
		const view = await h.card(c.id);
		expect(view).toMatchObject({
			balance: 1450,
			earned_lifetime: 1450,
			tier: { code: 'basic' },
			next_tier: { code: 'silver' },
			points_to_next_tier: 1550,
		});

		// A second order: base points only, no second first-purchase bonus; re-settling the same order adds nothing.
		const second = await h.order(c.id, [h.product(20_000)]);
		await h.setStatus(second.id, 'fulfilled');
		expect((await h.ledger(c.id)).map((r) => r.points)).toEqual([450, 1000, 200]);
		expect((await h.card(c.id)).balance).toBe(1650);
	});

	it('reverses exactly what a refunded order earned, taking the points back from its own lot', async () => {
		const c = await h.customer('환불 고객');
		await h.order(c.id, [h.product(10_000)]);
		const refunded = await h.order(c.id, [h.product(80_000)]);
		await h.setStatus(refunded.id, 'refunded');
		const rows = await h.ledger(c.id);
		const reversal = rows.filter((r) => r.kind === 'reverse');
		expect(reversal.map((r) => r.points)).toEqual([-800]);
		const earnedByRefunded = rows.find((r) => r.kind === 'earn' && Number(r.order) === refunded.id);
		expect(earnedByRefunded?.lot_remaining).toBe(0);
		expect(await h.card(c.id)).toMatchObject({ balance: 1100, earned_lifetime: 1100 });
		// Refunded twice (a retry): still one reversal.
		await h.setStatus(refunded.id, 'refunded');
		expect((await h.ledger(c.id)).filter((r) => r.kind === 'reverse')).toHaveLength(1);
	});

	it('redeems a reward into a single-use coupon, refuses when points are short, and replays by idempotency key', async () => {
		const c = await h.customer('쿠폰 고객');
		const [reward] = (await crm().client.request(
			readItems('crm_rewards' as never, { filter: { points_cost: { _eq: 5000 } } } as never),
		)) as Row[];
		const short = await h.failure(h.call('/crm/loyalty/redeem', 'POST', { customer: c.id, reward: reward.id }));
		expect(short).toMatchObject({ status: 409, code: 'INSUFFICIENT_POINTS', field: 'reward' });
		expect(
			await crm().client.request(readItems('crm_coupons' as never, { filter: { customer: { _eq: c.id } } } as never)),
		).toEqual([]);

		const adjusted = await h.call<Row>('/crm/loyalty/adjust', 'POST', {
			customer: c.id,
			points: 6000,
			reason: '가입 이벤트 보상',
			idempotency_key: `adj-${c.id}`,
		});
		expect(adjusted).toMatchObject({ points: 6000, balance: 6000 });
		expect(
			await h.call<Row>('/crm/loyalty/adjust', 'POST', {
				customer: c.id,
				points: 6000,
				reason: '가입 이벤트 보상',
				idempotency_key: `adj-${c.id}`,
			}),
		).toMatchObject({ replayed: true });

		const redeemed = await h.call<Row>('/crm/loyalty/redeem', 'POST', {
			customer: c.id,
			reward: reward.id,
			idempotency_key: `redeem-${c.id}`,
		});
		expect(redeemed.coupon.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
		expect(redeemed.coupon).toMatchObject({ status: 'issued', points_cost: 5000 });
		const again = await h.call<Row>('/crm/loyalty/redeem', 'POST', {
			customer: c.id,
			reward: reward.id,
			idempotency_key: `redeem-${c.id}`,
		});
		expect(again).toMatchObject({ replayed: true, coupon: { code: redeemed.coupon.code } });
		expect((await h.card(c.id)).balance).toBe(1000);

		const checked = await h.call<Row>('/crm/coupons/validate', 'POST', {
			code: redeemed.coupon.code.toLowerCase().replaceAll('-', ' '),
			amount: 30_000,
		});
		expect(checked).toMatchObject({ state: 'valid', discount: 5000 });

		// Consumed once: two shops racing for the same code, exactly one wins.
		const paid = await h.order(c.id, [h.product(30_000)]);
		const race = await Promise.allSettled(
			[1, 2].map(() => h.call('/crm/coupons/consume', 'POST', { code: redeemed.coupon.code, order: paid.id })),
		);
		expect(race.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const used = await h.failure(h.call('/crm/coupons/consume', 'POST', { code: redeemed.coupon.code }));
		expect(used).toMatchObject({ status: 409, code: 'COUPON_USED', field: 'code' });

		// Cancelling the order the coupon paid for voids it and gives the 5,000 points back (its own 300 + first-purchase 1,000 go).
		const before = (await h.card(c.id)).balance;
		await h.setStatus(paid.id, 'cancelled');
		const coupon = (await crm().client.request(readItem('crm_coupons' as never, redeemed.coupon.id))) as Row;
		expect(coupon.status).toBe('voided');
		expect((await h.card(c.id)).balance).toBe(before - 1300 + 5000);
	});

	it('rejects bad input with a 4xx naming the field and writes nothing', async () => {
		const c = await h.customer('검증 고객');
		expect(
			await h.failure(h.call('/crm/loyalty/adjust', 'POST', { customer: c.id, points: 100, reason: ' ' })),
		).toMatchObject({ status: 400, field: 'reason' });
		expect(
			await h.failure(h.call('/crm/loyalty/adjust', 'POST', { customer: c.id, points: 1.5, reason: 'x' })),
		).toMatchObject({ status: 400, field: 'points' });
		expect(
			await h.failure(h.call('/crm/loyalty/adjust', 'POST', { customer: c.id, points: '100', reason: 'x' })),
		).toMatchObject({ status: 400, field: 'points' });
		expect(
			await h.failure(h.call('/crm/loyalty/adjust', 'POST', { customer: c.id, points: -100, reason: 'x' })),
		).toMatchObject({ status: 409, code: 'INSUFFICIENT_POINTS' });
		expect(await h.failure(h.call('/crm/loyalty/redeem', 'POST', { customer: c.id, reward: 999_999 }))).toMatchObject({
			status: 404,
			field: 'reward',
		});
		expect(await h.failure(h.call('/crm/loyalty/redeem', 'POST', { customer: 'abc', reward: 1 }))).toMatchObject({
			status: 400,
			field: 'customer',
		});
		expect(await h.failure(h.call('/crm/coupons/consume', 'POST', { code: 'not a code!' }))).toMatchObject({
			status: 400,
			field: 'code',
		});
		expect(await h.failure(h.call('/crm/coupons/consume', 'POST', { code: 'AAAA-BBBB-CCCC' }))).toMatchObject({
			status: 404,
			field: 'code',
		});
		expect(
			await h.failure(h.call('/crm/loyalty/preview', 'POST', { order: { lines: [{ line_total: -5 }] } })),
		).toMatchObject({ status: 400, field: 'order.lines[0].line_total' });
		expect(await h.ledger(c.id)).toEqual([]);

		// The ledger is append-only through the API, and a rule whose formula does not compile is refused on save.
		const direct = await h.failure(
			crm().client.request(
				createItem(
					'crm_points_ledger' as never,
					{
						customer: c.id,
						kind: 'adjust',
						points: 100,
						source_key: 'x',
						occurred_at: new Date().toISOString(),
					} as never,
				),
			),
		);
		expect(direct.status).toBe(400);
		expect(direct.message).toContain('/crm/loyalty/adjust');
		const rule = await h.failure(
			crm().client.request(
				createItem(
					'crm_loyalty_rules' as never,
					{ name: 'Broken', kind: 'spend', formula: 'floor(amount / ' } as never,
				),
			),
		);
		expect(rule.status).toBe(400);
		expect(rule.message).toContain('formula');
		expect(
			await crm().client.request(
				readItems('crm_loyalty_rules' as never, { filter: { name: { _eq: 'Broken' } } } as never),
			),
		).toEqual([]);
	});

	it('places every customer in the base tier from creation, and a survey-answer bonus re-checks the tier at once', async () => {
		const until = async (what: string, check: () => Promise<boolean>) => {
			for (let attempt = 0; attempt < 200; attempt++) {
				if (await check()) return;
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
			throw new Error(`never happened: ${what}`);
		};
		// Never bought, yet in the base tier (threshold 0): a tier = basic segment finds them too.
		const c = await h.customer('설문 보너스 고객');
		await until('the base tier', async () => (await h.card(c.id)).tier?.code === 'basic');
		// 1,800 base points + the 1,000 first-purchase bonus: 2,800 of silver's 3,000.
		await h.order(c.id, [h.product(180_000)]);
		expect((await h.card(c.id)).tier.code).toBe('basic');
		// The survey bonus (200) reaches 3,000: silver now, not at the next order.
		await crm().client.request(
			createItem(
				'crm_feedback' as never,
				{ customer: c.id, kind: 'nps', score: 9, answered_at: new Date().toISOString() } as never,
			),
		);
		await until('the survey bonus', async () =>
			(await h.ledger(c.id)).some((row) => String(row.source_key).startsWith('bonus:survey_answered:')),
		);
		const card = await h.card(c.id);
		expect(card).toMatchObject({ earned_in_window: 3000, tier: { code: 'silver' }, next_tier: { code: 'gold' } });
		const history = (await crm().client.request(
			readItems(
				'crm_history' as never,
				{ filter: { customer: { _eq: c.id }, kind: { _eq: 'tier' } }, sort: ['id'] } as never,
			),
		)) as Row[];
		expect(history.map((row) => [row.from_value, row.to_value])).toEqual([['basic', 'silver']]);
	});

	it('previews what an order would earn', async () => {
		const preview = await h.call<Row>('/crm/loyalty/preview', 'POST', {
			order: {
				lines: [
					{ kind: 'product', line_total: 12_345 },
					{ kind: 'reward', line_total: 5000 },
				],
			},
		});
		expect(preview.points).toBe(123);
	});

	it('expires old lots oldest-first and upgrades the tier from points earned in the window', async () => {
		const c = await h.customer('소멸 고객');
		// Earned 400 days ago: its points expired 35 days ago. Earned now: 3,000 base + 1,000 bonus on the first order.
		await h.order(c.id, [h.product(50_000)], { ordered_at: new Date(Date.now() - 400 * DAY).toISOString() });
		await h.order(c.id, [h.product(300_000)]);
		const upgraded = await h.card(c.id);
		expect(upgraded.tier.code).toBe('silver');
		expect(upgraded.earned_in_window).toBe(3000);
		// Before the nightly run the old lots are still there, but "expiring soon" lists no date already past.
		expect(upgraded.expiring.filter((lot: Row) => Date.parse(lot.expires_at) < Date.now())).toEqual([]);
		const history = (await crm().client.request(
			readItems(
				'crm_history' as never,
				{ filter: { customer: { _eq: c.id }, kind: { _eq: 'tier' } }, sort: ['id'] } as never,
			),
		)) as Row[];
		// Basic from creation is not a change; silver is.
		expect(history.map((row) => row.to_value)).toEqual(['silver']);

		const nightly = await h.call<Row>('/crm/loyalty/run-nightly', 'POST');
		expect(nightly.expiredPoints).toBeGreaterThanOrEqual(1500);
		const rows = await h.ledger(c.id);
		const expired = rows.filter((r) => r.kind === 'expire');
		// One expire movement per lot (base points and the first-purchase bonus were separate lots).
		expect(expired.map((r) => r.points)).toEqual([-500, -1000]);
		expect((await h.card(c.id)).balance).toBe(3000);
		// Running it again expires nothing more.
		await h.call('/crm/loyalty/run-nightly', 'POST');
		expect((await h.ledger(c.id)).filter((r) => r.kind === 'expire')).toHaveLength(2);
	});

	it("gives a tier's birthday coupon, free, once a year in the customer's birthday month", async () => {
		const [gold] = (await crm().client.request(
			readItems('crm_tiers' as never, { filter: { code: { _eq: 'gold' } } } as never),
		)) as Row[];
		const [reward] = (await crm().client.request(
			readItems('crm_rewards' as never, { filter: { points_cost: { _eq: 5000 } } } as never),
		)) as Row[];
		await crm().client.request(updateItem('crm_tiers' as never, gold.id, { birthday_reward: reward.id } as never));
		const seoulMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', month: '2-digit' }).format(
			new Date(),
		);
		const otherMonth = String((Number(seoulMonth) % 12) + 1).padStart(2, '0');
		const birthdayNow = await h.customer('생일 고객', { birthday: `1990-${seoulMonth}-15` });
		const birthdayLater = await h.customer('다음 달 생일 고객', { birthday: `1990-${otherMonth}-15` });
		// The tier is CRM-owned (refused through the API): the fixture sets it in the database.
		const db = await directDatabase(crm());
		try {
			await db('crm_customers').whereIn('id', [birthdayNow.id, birthdayLater.id]).update({ tier: gold.id });
		} finally {
			await db.destroy();
		}
		const first = await h.call<Row>('/crm/loyalty/run-nightly', 'POST');
		expect(first.birthdayCoupons).toBe(1);
		await h.call('/crm/loyalty/run-nightly', 'POST');
		const coupons = (await crm().client.request(
			readItems('crm_coupons' as never, { filter: { customer: { _in: [birthdayNow.id, birthdayLater.id] } } } as never),
		)) as Row[];
		expect(coupons.map((c) => [Number(c.customer), c.points_cost, c.status])).toEqual([[birthdayNow.id, 0, 'issued']]);
		expect((await h.card(birthdayNow.id)).balance).toBe(0);
	});

	it('reconciles: every cached balance equals its ledger sum', async () => {
		expect(await h.call<Row>('/crm/loyalty/reconcile')).toEqual({ ok: true, drift: [] });
	});
}
