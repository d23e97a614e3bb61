// The CRM's Flow operations in a real Directus flow (webhook trigger): "award points" adds one ledger movement per
// key, and "enqueue follow-up" plans one outbox row through the CRM's planner; bad options fail the run, write nothing.
import { createFlow, createItem, createOperation, readItems, readRevisions, updateFlow } from '@directus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCrm, type CrmInstance } from '../harness/crm.ts';

let crm: CrmInstance;
let customer: number;
type Row = Record<string, any>;

beforeAll(async () => {
	crm = await bootCrm('flow-operations');
	customer = (
		(await crm.client.request(
			createItem('crm_customers' as never, { full_name: '플로우 고객', email: 'flow@example.com' } as never),
		)) as Row
	).id;
});
afterAll(async () => {
	await crm?.stop();
});

/** A webhook flow (POST, awaited) whose one operation is `type` with `options` rendered from the request body. */
async function webhookFlow(name: string, type: string, options: Record<string, string>) {
	const flow = (await crm.client.request(
		createFlow({
			name,
			status: 'active',
			trigger: 'webhook',
			accountability: 'all',
			options: { method: 'POST', async: false },
		} as never),
	)) as Row;
	const operation = (await crm.client.request(
		createOperation({ flow: flow.id, key: 'crm', name, type, position_x: 19, position_y: 1, options } as never),
	)) as Row;
	await crm.client.request(updateFlow(flow.id, { operation: operation.id } as never));
	const token = (await crm.client.getToken()) as string;
	return (body: unknown) =>
		fetch(`${crm.url}/flows/trigger/${flow.id}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
			body: JSON.stringify(body),
		});
}

describe('CRM flow operations', () => {
	it('awards points once per key, and refuses bad options without writing', async () => {
		const run = await webhookFlow('Award', 'crm-award-points', {
			customer: '{{$trigger.body.customer}}',
			points: '{{$trigger.body.points}}',
			reason: '리뷰 이벤트',
			key: '{{$trigger.body.key}}',
		});
		expect((await run({ customer, points: 300, key: 'review-1' })).status).toBe(200);
		expect((await run({ customer, points: 300, key: 'review-1' })).status).toBe(200);
		// A failed operation ends the flow run on its reject path; Directus logs the error with the run.
		await run({ customer, points: 'lots', key: 'review-2' });
		const logs = (await crm.client.request(
			readRevisions({ filter: { collection: { _eq: 'directus_flows' } }, fields: ['data'], limit: -1 } as never),
		)) as Row[];
		expect(JSON.stringify(logs)).toContain('points: must be a non-zero whole number');
		const ledger = (await crm.client.request(
			readItems('crm_points_ledger' as never, { filter: { customer: { _eq: customer } } } as never),
		)) as Row[];
		expect(ledger.map((row) => [row.kind, row.points, row.source_key])).toEqual([
			['adjust', 300, 'adjust:flow:review-1'],
		]);
	});

	it('enqueues a follow-up for a customer once per key', async () => {
		const template = (await crm.client.request(
			createItem(
				'crm_templates' as never,
				{
					key: 'flow_thanks',
					name: 'Thanks',
					kind: 'email',
					purpose: 'transactional',
					subject: '감사합니다',
					body: '{{first_name}}님 감사합니다',
				} as never,
			),
		)) as Row;
		// A manual rule planned by the flow (its segment is where the staff's own manual sends would go).
		const segment = (await crm.client.request(
			createItem('crm_segments' as never, { name: 'Flow segment', kind: 'static' } as never),
		)) as Row;
		const rule = (await crm.client.request(
			createItem(
				'crm_followup_rules' as never,
				{
					name: 'Flow thanks',
					trigger: 'manual',
					action: 'email',
					template: template.id,
					status: 'active',
					segment: segment.id,
				} as never,
			),
		)) as Row;
		const run = await webhookFlow('Enqueue', 'crm-enqueue-followup', {
			rule: String(rule.id),
			customer: '{{$trigger.body.customer}}',
			key: '{{$trigger.body.key}}',
		});
		expect((await run({ customer, key: 'visit-1' })).status).toBe(200);
		expect((await run({ customer, key: 'visit-1' })).status).toBe(200);
		const outbox = (await crm.client.request(
			readItems('crm_outbox' as never, { filter: { customer: { _eq: customer } } } as never),
		)) as Row[];
		expect(outbox.map((row) => [Number(row.rule), row.channel, row.status])).toEqual([[rule.id, 'email', 'scheduled']]);
		expect(outbox[0].dedupe_key).toContain('flow:visit-1');
	});
});
