// Shared by the follow-up integration tests: items, the dispatcher with an injected clock (CRM_TEST_CLOCK=1), polling.
import { createItem, customEndpoint, readItems, updateItem } from '@directus/sdk';
import type { CrmInstance } from '../harness/crm.ts';

export type Row = Record<string, any>;
export const MINUTE = 60_000;
export const DAY = 86_400_000;

export function followupHelpers(crm: () => CrmInstance) {
	const client = () => crm().client;
	const create = (collection: string, body: Row) =>
		client().request(createItem(collection as never, body as never)) as Promise<Row>;
	const update = (collection: string, id: number, body: Row) =>
		client().request(updateItem(collection as never, id, body as never)) as Promise<Row>;
	const rows = (collection: string, filter: Row) =>
		client().request(readItems(collection as never, { filter, limit: -1, sort: ['id'] } as never)) as Promise<Row[]>;
	/** POST to a /crm route; the SDK unwraps the answer's `data`. */
	const call = <T = Row>(path: string, body: Row = {}) =>
		client().request(customEndpoint({ path, method: 'POST', body: JSON.stringify(body) })) as Promise<T>;
	const dispatch = (now: Date) => call('/crm/followups/dispatch', { now: now.toISOString(), limit: 200 });
	const outboxOf = (customer: number) => rows('crm_outbox', { customer: { _eq: customer } });
	/** Waits until `check` returns a truthy value (hooks run after the response). */
	const eventually = async <T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> => {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const value = await check();
			if (value) return value;
			if (Date.now() > deadline) throw new Error('condition not met in time');
			await new Promise((resolve) => setTimeout(resolve, 150));
		}
	};
	const outboxRow = (customer: number, rule: number) =>
		eventually(async () => (await rows('crm_outbox', { customer: { _eq: customer }, rule: { _eq: rule } }))[0]);
	const failure = async (promise: Promise<unknown>) => {
		const error = (await promise.then(
			() => null,
			(e) => e,
		)) as { response?: Response; errors?: { message: string }[] } | null;
		if (!error) throw new Error('the request should have failed');
		return { status: error.response?.status, message: error.errors?.map((e) => e.message).join('; ') ?? '' };
	};
	let n = 0;
	const customer = (extra: Row = {}) =>
		create('crm_customers', {
			full_name: '김민준',
			first_name: '민준',
			email: `c${Date.now()}-${++n}@example.kr`,
			consent_email: true,
			...extra,
		});
	const paidOrder = (customerId: number, total = 45_000) =>
		create('crm_orders', {
			customer: customerId,
			status: 'paid',
			ordered_at: new Date().toISOString(),
			total,
			lines: [
				{ kind: 'product', product_name: '텀블러', quantity: 1, unit_price: 30_000, line_total: 30_000 },
				{ kind: 'product', product_name: '머그컵', quantity: 1, unit_price: 15_000, line_total: 15_000 },
			],
		});
	const template = (extra: Row) =>
		create('crm_templates', {
			key: `t${Date.now()}${++n}`,
			name: 'Template',
			kind: 'email',
			purpose: 'marketing',
			language: 'ko-KR',
			...extra,
		});
	const rule = (extra: Row) =>
		create('crm_followup_rules', {
			name: `Rule ${++n}`,
			status: 'active',
			action: 'email',
			delay_minutes: 0,
			...extra,
		});
	const archive = (ruleId: number) => update('crm_followup_rules', ruleId, { status: 'archived' });
	/** Archives every active rule, so a test starts without rules left over by an earlier (failed) one. */
	const archiveAll = async () => {
		for (const rule of await rows('crm_followup_rules', { status: { _eq: 'active' } })) await archive(rule.id);
	};
	return {
		create,
		update,
		rows,
		call,
		dispatch,
		outboxOf,
		outboxRow,
		eventually,
		failure,
		customer,
		paidOrder,
		template,
		rule,
		archive,
		archiveAll,
	};
}

/** The next instant at local Seoul wall time hh:mm that is at least `minAheadMs` away. */
export function nextSeoul(hh: number, mm: number, minAheadMs: number, from = new Date()): Date {
	const day = new Date(from.getTime() + 9 * 3_600_000);
	for (let i = 0; ; i++) {
		const candidate = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + i, hh - 9, mm));
		if (candidate.getTime() - from.getTime() >= minAheadMs) return candidate;
	}
}
