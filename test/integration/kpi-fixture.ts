// The small fixed data set the KPI tests compute by hand, inserted through Directus's API (so the CRM's own hooks keep
// first_order_at and the rest). All times are Korean (the CRM's default time zone, UTC+9).
//
//  customer  purchases (paid / fulfilled)                                  other orders             tier    segment S
//  A         Jan 10 100,000 web · Feb 5 50,000 web · Mar 3 30,000 web ·                             gold    member
//            Mar 20 70,000 store
//  B         Feb 10 40,000 store · Mar 1 00:30 60,000 store (= Feb 28 UTC)                          silver
//  C         Feb 20 20,000 web                                          Mar 5 99,000 refunded            member
//  D         Mar 12 50,000 app
//  E         Jan 15 80,000 web                                          Mar 9 10,000 pending
//  F         (none)
//
// Feedback: March NPS A 10 (web), B 9, C 7, D 3; February NPS A 6 (web), B 8; March CSAT A 5 (web), B 4, C 2; a review.
// Follow-ups (rule cost 1,000 per message): sent A Mar 2 12:00, A Mar 2 18:00, A Mar 4, D Mar 8, B Mar 25, B Feb 25;
// held out C Mar 2, B Mar 1 00:10, E Mar 3; one failed message to A on Mar 10.
import { createItem, createItems, readItems, updateSingleton } from '@directus/sdk';
import { directDatabase, type CrmInstance } from '../harness/crm.ts';
import { toDbTimestamp } from '../../extensions/crm/src/data/timestamps.ts';

type Row = Record<string, any>;
export const kst = (day: string, time = '12:00') => `${day}T${time}:00+09:00`;

export interface KpiFixture {
	customers: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F', number>;
	segment: number;
	tiers: Record<string, number>;
	rule: number;
}

async function settled(crm: CrmInstance, ids: number[]) {
	for (let attempt = 0; attempt < 300; attempt++) {
		const rows = (await crm.client.request(
			readItems(
				'crm_orders' as never,
				{ filter: { id: { _in: ids } }, fields: ['points_pending'], limit: -1 } as never,
			),
		)) as Row[];
		if (rows.every((r) => r.points_pending === false || r.points_pending === 0 || r.points_pending === null)) return;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error('orders never settled');
}

export async function seedKpiFixture(crm: CrmInstance): Promise<KpiFixture> {
	const request = crm.client.request.bind(crm.client) as (command: unknown) => Promise<any>;
	const names = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
	const created = (await request(
		createItems('crm_customers' as never, names.map((n) => ({ full_name: `KPI 고객 ${n}` })) as never),
	)) as Row[];
	const customers = Object.fromEntries(names.map((n, i) => [n, Number(created[i].id)])) as KpiFixture['customers'];
	const { A, B, C, D, E } = customers;

	const order = (customer: number, day: string, total: number, channel: string, status = 'paid', time = '12:00') => ({
		customer,
		ordered_at: kst(day, time),
		total,
		channel,
		status,
	});
	const orders = (await request(
		createItems(
			'crm_orders' as never,
			[
				order(A, '2026-01-10', 100_000, 'web'),
				order(A, '2026-02-05', 50_000, 'web', 'fulfilled'),
				order(A, '2026-03-03', 30_000, 'web'),
				order(A, '2026-03-20', 70_000, 'store'),
				order(B, '2026-02-10', 40_000, 'store'),
				order(B, '2026-03-01', 60_000, 'store', 'paid', '00:30'),
				order(C, '2026-02-20', 20_000, 'web'),
				order(C, '2026-03-05', 99_000, 'web', 'refunded'),
				order(D, '2026-03-12', 50_000, 'app'),
				order(E, '2026-01-15', 80_000, 'web'),
				order(E, '2026-03-09', 10_000, 'web', 'pending'),
			] as never,
		),
	)) as Row[];
	await settled(
		crm,
		orders.map((o) => Number(o.id)),
	);

	// Tiers are the loyalty programme's; set them by hand after the orders settled so they are what the test says.
	const tierRows = (await request(
		readItems('crm_tiers' as never, { fields: ['id', 'code'], limit: -1 } as never),
	)) as Row[];
	const tiers = Object.fromEntries(tierRows.map((t) => [t.code, Number(t.id)]));
	const others = tierRows.find((t) => t.code !== 'gold' && t.code !== 'silver');
	// The tier is CRM-owned (refused through the API), so the fixture writes it straight into the database.
	const db = await directDatabase(crm);
	try {
		await db('crm_customers').where('id', A).update({ tier: tiers.gold });
		await db('crm_customers').where('id', B).update({ tier: tiers.silver });
		await db('crm_customers')
			.whereIn('id', [C, D, E])
			.update({ tier: others?.id ?? null });
	} finally {
		await db.destroy();
	}

	const segment = Number(
		(
			(await request(
				createItem(
					'crm_segments' as never,
					{ name: 'KPI 테스트 S', kind: 'static', refresh: 'manual', status: 'active' } as never,
				),
			)) as Row
		).id,
	);
	await request(
		createItems(
			'crm_segment_members' as never,
			[A, C].map((customer) => ({
				segment,
				customer,
				entered_at: new Date().toISOString(),
				source: 'manual',
			})) as never,
		),
	);

	const answer = (customer: number, kind: string, score: number, day: string, channel = 'store') => ({
		customer,
		kind,
		score,
		answered_at: kst(day),
		channel,
	});
	await request(
		createItems(
			'crm_feedback' as never,
			[
				answer(A, 'nps', 10, '2026-03-10', 'web'),
				answer(B, 'nps', 9, '2026-03-11'),
				answer(C, 'nps', 7, '2026-03-12'),
				answer(D, 'nps', 3, '2026-03-13'),
				answer(A, 'nps', 6, '2026-02-14', 'web'),
				answer(B, 'nps', 8, '2026-02-15'),
				answer(A, 'csat', 5, '2026-03-14', 'web'),
				answer(B, 'csat', 4, '2026-03-15'),
				answer(C, 'csat', 2, '2026-03-16'),
				answer(D, 'review', 1, '2026-03-17'),
			] as never,
		),
	);

	await request(
		updateSingleton(
			'crm_settings' as never,
			{ kpi_goals: { retention_rate: 0.8, churn_rate: 0.25, nps: { target: 50 }, aov: { change: 0.2 } } } as never,
		),
	);

	// An archived manual rule (a tag action, so it needs no template), so no follow-up automation plans anything from it;
	// only its cost matters here.
	const rule = Number(
		(
			(await request(
				createItem(
					'crm_followup_rules' as never,
					{
						name: 'KPI 테스트 규칙',
						status: 'archived',
						trigger: 'manual',
						segment,
						action: 'tag',
						tag: 'kpi-test',
						cost_per_message: 1000,
					} as never,
				),
			)) as Row
		).id,
	);
	// Outbox rows are the CRM's delivery facts (no create or delete through the API): written straight into the database.
	const db2 = await directDatabase(crm);
	let n = 0;
	const at = (day: string, time: string) => toDbTimestamp(db2, new Date(kst(day, time)));
	const message = (customer: number, status: string, day: string, time = '12:00') => ({
		dedupe_key: `kpi-test:${++n}`,
		rule,
		customer,
		channel: 'sms',
		status,
		marketing: false,
		attempts: 0,
		due_at: at(day, time),
		sent_at: status === 'sent' || status === 'failed' ? at(day, time) : null,
		date_created: toDbTimestamp(db2, new Date()),
	});
	try {
		await db2('crm_outbox').delete();
		await db2('crm_outbox').insert([
			message(A, 'sent', '2026-03-02'),
			message(A, 'sent', '2026-03-02', '18:00'),
			message(A, 'sent', '2026-03-04'),
			message(D, 'sent', '2026-03-08'),
			message(B, 'sent', '2026-03-25'),
			message(B, 'sent', '2026-02-25'),
			message(C, 'held_out', '2026-03-02'),
			message(B, 'held_out', '2026-03-01', '00:10'),
			message(E, 'held_out', '2026-03-03'),
			message(A, 'failed', '2026-03-10'),
		]);
	} finally {
		await db2.destroy();
	}
	return { customers, segment, tiers, rule };
}
