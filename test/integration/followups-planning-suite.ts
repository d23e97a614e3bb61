// Planning paths shared by the SQLite and PostgreSQL runs: the one-minute sweeper planning causes whose action hook
// was lost, anniversaries (customer since the first purchase) and inactivity relative to the customer's own rhythm.
import { expect, it } from 'vitest';
import type { CrmInstance } from '../harness/crm.ts';
import { followupHelpers } from './followups-helpers.ts';

export function planningSuite(crm: () => CrmInstance) {
	const h = followupHelpers(crm);
	const plan = (now?: Date) => h.call('/crm/followups/plan', now ? { now: now.toISOString() } : {});
	const keys = async (customer: number) =>
		(await h.outboxOf(customer)).map((row) => row.dedupe_key.split(':').slice(4).join(':')).sort();

	it('the sweeper plans orders, closed inquiries, low scores and segment entries whose action hook was lost', async () => {
		const segment = await h.create('crm_segments', { name: `VIP ${Date.now()}`, kind: 'static' });
		const template = await h.template({ purpose: 'transactional', subject: '감사', body: '감사합니다' });
		// Rules saved inactive, so the hooks plan nothing: the causes look exactly like ones whose action was lost.
		const rules = [
			await h.rule({ status: 'archived', trigger: 'order_paid', template: template.id, delay_minutes: 60 }),
			await h.rule({ status: 'archived', trigger: 'inquiry_closed', action: 'task' }),
			await h.rule({ status: 'archived', trigger: 'low_score', action: 'task' }),
			await h.rule({ status: 'archived', trigger: 'segment_entered', action: 'tag', tag: 'vip', segment: segment.id }),
		];
		const c = await h.customer();
		const order = await h.paidOrder(c.id);
		const inquiry = await h.create('crm_interactions', {
			customer: c.id,
			channel: 'web',
			type: 'inquiry',
			status: 'done',
			subject: '문의',
			occurred_at: new Date().toISOString(),
		});
		const answer = await h.create('crm_feedback', {
			customer: c.id,
			kind: 'nps',
			score: 2,
			answered_at: new Date().toISOString(),
		});
		const member = await h.create('crm_segment_members', {
			segment: segment.id,
			customer: c.id,
			entered_at: new Date().toISOString(),
			source: 'manual',
		});
		for (const rule of rules) await h.update('crm_followup_rules', rule.id, { status: 'active' });
		await plan();
		expect(await keys(c.id)).toEqual([
			`feedback:${answer.id}`,
			`interaction:${inquiry.id}`,
			`member:${member.id}:entered`,
			`order:${order.id}`,
		]);
		await plan();
		expect(await h.outboxOf(c.id)).toHaveLength(4);
		for (const rule of rules) await h.archive(rule.id);
	});

	it('a manual run plans one row per current segment member, once per run key (held-out members recorded)', async () => {
		const segment = await h.create('crm_segments', { name: `Manual ${Date.now()}`, kind: 'static' });
		const members = [];
		for (let i = 0; i < 12; i++) members.push(await h.customer());
		for (const c of members)
			await h.create('crm_segment_members', {
				segment: segment.id,
				customer: c.id,
				entered_at: new Date().toISOString(),
				source: 'manual',
			});
		const rule = await h.rule({
			trigger: 'manual',
			action: 'tag',
			tag: 'spring',
			segment: segment.id,
			holdout_percent: 50,
			delay_minutes: 24 * 60,
		});
		expect(await h.call(`/crm/followups/rules/${rule.id}/run`, { key: 'spring-2026' })).toEqual({
			members: 12,
			planned: 12,
		});
		expect(await h.call(`/crm/followups/rules/${rule.id}/run`, { key: 'spring-2026' })).toEqual({
			members: 12,
			planned: 0,
		});
		const rows = await h.rows('crm_outbox', { rule: { _eq: rule.id } });
		expect(rows.map((row) => row.dedupe_key)).toEqual(
			members.map((c) => `rule:${rule.id}:customer:${c.id}:manual:spring-2026`),
		);
		const held = rows.filter((row) => row.status === 'held_out').length;
		expect(held).toBeGreaterThan(0);
		expect(held).toBeLessThan(12);
		expect(rows.filter((row) => row.status === 'scheduled')).toHaveLength(12 - held);
		await h.archive(rule.id);
	});

	it('plans customer-since anniversaries and inactivity at k × the median gap between purchases', async () => {
		const anniversary = await h.rule({ trigger: 'anniversary', action: 'tag', tag: 'anniversary' });
		const lapsing = await h.rule({
			trigger: 'inactivity',
			action: 'task',
			inactivity_factor: 2,
			inactivity_floor_days: 30,
		});
		const c = await h.customer();
		// Purchases 30 days apart (the last on 2 March 2025, 12:00 Seoul): the median gap is 30 days, so 60 days of silence.
		for (const at of ['2025-01-01T03:00:00Z', '2025-01-31T03:00:00Z', '2025-03-02T03:00:00Z']) {
			await h.create('crm_orders', { customer: c.id, status: 'paid', ordered_at: at, total: 10_000 });
		}
		await plan(new Date('2025-04-20T03:00:00Z'));
		expect(await keys(c.id)).toEqual([]);
		await plan(new Date('2025-05-02T03:00:00Z'));
		expect(await keys(c.id)).toEqual(['inactive:2025-03-02']);
		// One year after the first purchase (1 January 2025, 12:00 in Seoul).
		await plan(new Date('2025-12-31T14:30:00Z')); // 23:30 on 31 December in Seoul: not yet
		expect(await keys(c.id)).toEqual(['inactive:2025-03-02']);
		await plan(new Date('2025-12-31T15:30:00Z')); // 00:30 on 1 January 2026 in Seoul
		await plan(new Date('2026-01-01T10:00:00Z'));
		expect(await keys(c.id)).toEqual(['anniversary:2026', 'inactive:2025-03-02']);
		for (const rule of [anniversary, lapsing]) await h.archive(rule.id);
	});
}
