// docs/openapi/crm-events.yaml agrees with the code: its examples pass both its own schemas and the API's validator,
// bad events fail both, and its event types are the API's.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../domain/events/types';
import { validateEvent } from '../domain/events/validate-event';

const doc = parse(readFileSync(resolve(import.meta.dirname, '../../../../docs/openapi/crm-events.yaml'), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
ajv.addSchema({ $id: 'crm-events', components: doc.components });
const schema = (name: string) => ajv.getSchema(`crm-events#/components/schemas/${name}`)!;
const post = doc.paths['/crm/events'].post;
const requestExamples = Object.entries(
	post.requestBody.content['application/json'].examples as Record<string, { value: Record<string, unknown> }>,
);
const now = new Date('2026-03-02T00:00:00Z');
const eventsOf = (body: Record<string, unknown>) => (Array.isArray(body.events) ? body.events : [body]);

describe('OpenAPI description of POST /crm/events', () => {
	it("names the API's event types and resolves every $ref", () => {
		expect(doc.openapi).toBe('3.1.0');
		expect(doc.components.schemas.EventType.enum).toEqual([...EVENT_TYPES]);
		expect(Object.keys(doc.components.schemas.Event.discriminator.mapping).sort()).toEqual([...EVENT_TYPES].sort());
		const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"/]+)/g)].map((m) => m[1]);
		for (const ref of new Set(refs)) expect(doc.components.schemas[ref], ref).toBeDefined();
	});

	it.each(requestExamples)('request example %s passes the schema and the validator', (_name, example) => {
		const validate = schema(Array.isArray(example.value.events) ? 'Batch' : 'Event');
		expect(validate(example.value), JSON.stringify(validate.errors)).toBe(true);
		for (const event of eventsOf(example.value)) expect(validateEvent(event, '', { now })).toMatchObject({ ok: true });
	});

	it('response examples fit their schemas', () => {
		for (const [status, response] of Object.entries(
			post.responses as Record<
				string,
				{
					content?: Record<
						string,
						{ schema: { $ref: string }; example?: unknown; examples?: Record<string, { value: unknown }> }
					>;
				}
			>,
		)) {
			const content = response.content?.['application/json'];
			if (!content) continue;
			const validate = schema(content.schema.$ref.split('/').pop()!);
			const examples = [content.example, ...Object.values(content.examples ?? {}).map((e) => e.value)].filter(
				(e) => e !== undefined,
			);
			for (const example of examples)
				expect(validate(example), `${status}: ${JSON.stringify(validate.errors)}`).toBe(true);
		}
	});

	it('bad events fail the schema and the validator alike', () => {
		const base = {
			type: 'order.placed',
			idempotency_key: 'k-1',
			data: { customer: { id: 1 }, ordered_at: '2026-03-01T10:00:00Z', total: 1000 },
		};
		const bad = [
			{ ...base, data: { ...base.data, total: -1 } },
			{ ...base, data: { ...base.data, totl: 1 } },
			{ ...base, data: { ...base.data, lines: [{ sku: 'X' }] } },
			{ ...base, data: { ...base.data, lines: [{ sku: 'X', quantity: 0 }] } },
			{ ...base, data: { ...base.data, customer: { id: 1, email: 'a@b.co' } } },
			{ ...base, idempotency_key: 'has space' },
			{ ...base, type: 'order.shipped' },
			{ type: 'order.refunded', idempotency_key: 'k', data: { external_id: 'A', total: 1 } },
			{ type: 'order.paid', idempotency_key: 'k', data: { ...base.data } },
			{ type: 'interaction.logged', idempotency_key: 'k', data: { customer: { id: 1 }, channel: 'fax', type: 'call' } },
			{ type: 'customer.upsert', idempotency_key: 'k', data: { full_name: 'no key' } },
		];
		for (const event of bad) {
			expect(schema('Event')(event), JSON.stringify(event)).toBe(false);
			expect(validateEvent(event, '', { now }).ok, JSON.stringify(event)).toBe(false);
		}
		expect(schema('Event')(base)).toBe(true);
		expect(schema('Event')({ ...base, data: { ...base.data, status: 'paid' } })).toBe(true);
		expect(schema('Batch')({ events: Array.from({ length: 1001 }, () => base) })).toBe(false);
	});
});
