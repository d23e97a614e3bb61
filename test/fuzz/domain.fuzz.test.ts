// Fuzzing the pure input boundaries, seeded (CRM_FUZZ_SEED to vary): segment rules, event payloads, CSV files and
// loyalty formulas. Every input must be accepted or rejected with issues; nothing may throw, and values from the input
// must reach SQL only as bound parameters.
import knexFactory from 'knex';
import { describe, expect, it } from 'vitest';
import { CASES } from '../../extensions/crm/src/data/segments/segment-query-cases.ts';
import { compileSegmentQuery } from '../../extensions/crm/src/data/segments/segment-query.ts';
import { validateRule } from '../../extensions/crm/src/domain/segments/validate-rule.ts';
import { validateEvent } from '../../extensions/crm/src/domain/events/validate-event.ts';
import { parseCsv } from '../../extensions/crm/src/domain/csv-import/csv.ts';
import { CUSTOMER_FIELDS, rowsToEvents } from '../../extensions/crm/src/domain/csv-import/mapping.ts';
import { compileFormula } from '../../extensions/crm/src/domain/loyalty/formula.ts';
import { validateEarningRule } from '../../extensions/crm/src/domain/loyalty/rules.ts';
import { fuzzer, HOSTILE_STRINGS } from './generators.ts';

const CASES_PER_TARGET = 2000;
const NOW = new Date('2026-03-01T00:00:00Z');
const dialects = [knexFactory({ client: 'sqlite3', useNullAsDefault: true }), knexFactory({ client: 'pg' })];

/** Hostile strings that could never appear in compiled SQL text unless a value were concatenated into it. */
// eslint-disable-next-line no-control-regex -- the range starts at NUL on purpose (any non-ASCII character)
const looksInjected = (text: string) => HOSTILE_STRINGS.includes(text) && /['";{<$\\]|[^\x00-\x7F]/.test(text);

/** Every string leaf in a JSON value. */
function strings(value: unknown, out: string[] = []): string[] {
	if (typeof value === 'string') out.push(value);
	else if (Array.isArray(value)) for (const item of value) strings(item, out);
	else if (value && typeof value === 'object') for (const item of Object.values(value)) strings(item, out);
	return out;
}

/** A random all/any/not tree of known-good conditions, with every string value swapped for a hostile string. */
function hostileTree(f: ReturnType<typeof fuzzer>, depth = 0): unknown {
	if (depth < 2 && f.random() < 0.4) {
		const children = Array.from({ length: f.int(1, 3) }, () => hostileTree(f, depth + 1));
		const group = f.pick(['all', 'any', 'not']);
		return group === 'not' ? { not: children[0] } : { [group]: children };
	}
	const leaf = structuredClone(f.pick(CASES)[1]) as Record<string, unknown>;
	if (typeof leaf.value === 'string' && !/^\d{4}-/.test(leaf.value))
		leaf.value = f.pick(HOSTILE_STRINGS.filter(looksInjected));
	if (Array.isArray(leaf.value) && leaf.value.every((v) => typeof v === 'string' && !/^\d{4}-/.test(v)))
		leaf.value = leaf.value.map(() => f.pick(HOSTILE_STRINGS.filter(looksInjected)));
	if (typeof leaf.category === 'string') leaf.category = f.pick(HOSTILE_STRINGS.filter(looksInjected));
	return leaf;
}

describe('fuzz: segment rules', () => {
	it(`validates ${CASES_PER_TARGET} mutated rules without throwing, and compiles the valid ones with bound values only`, () => {
		const f = fuzzer();
		let compiled = 0;
		for (let n = 0; n < CASES_PER_TARGET; n++) {
			// Half the cases: a mutated rule (mostly invalid); half: a valid tree whose string values are hostile.
			const rule = n % 2 ? f.mutate(f.pick(CASES)[1]) : hostileTree(f);
			const issues = validateRule(rule);
			expect(Array.isArray(issues), `case ${n}`).toBe(true);
			for (const issue of issues) expect(typeof issue.message, `case ${n}`).toBe('string');
			if (issues.length) continue;
			for (const knex of dialects) {
				const { sql } = compileSegmentQuery(knex, rule as never, { now: NOW, timeZone: 'Asia/Seoul' }).toSQL();
				for (const text of strings(rule).filter(looksInjected)) expect(sql, `case ${n}: ${text}`).not.toContain(text);
			}
			compiled += 1;
		}
		// The mutations must also exercise the compiler, not only the validator.
		expect(compiled).toBeGreaterThan(CASES_PER_TARGET / 4);
	});
});

describe('fuzz: events API payloads', () => {
	const valid = [
		{
			type: 'customer.upsert',
			idempotency_key: 'k-1',
			data: { email: 'a@example.com', full_name: '김민준', phone: '010-1234-5678', tags: ['vip'] },
		},
		{
			type: 'order.placed',
			idempotency_key: 'k-2',
			data: {
				external_id: 'A-1',
				customer: { email: 'a@example.com' },
				ordered_at: '2026-02-01T10:00:00+09:00',
				total: 12000,
				lines: [{ sku: 'X', quantity: 2, unit_price: 6000 }],
			},
		},
		{ type: 'order.refunded', idempotency_key: 'k-3', data: { external_id: 'A-1' } },
		{
			type: 'interaction.logged',
			idempotency_key: 'k-4',
			data: { customer: { phone: '+821012345678' }, channel: 'phone', type: 'call', subject: '문의' },
		},
	];

	it(`accepts or rejects ${CASES_PER_TARGET} mutated events with issues that name a path`, () => {
		const f = fuzzer(7);
		for (const event of valid) expect(validateEvent(event, '', { now: NOW }).ok).toBe(true);
		let rejected = 0;
		for (let n = 0; n < CASES_PER_TARGET; n++) {
			const check = validateEvent(f.mutate(f.pick(valid)), 'events[0]', { now: NOW });
			if (check.ok) continue;
			rejected += 1;
			expect(check.issues.length, `case ${n}`).toBeGreaterThan(0);
			for (const issue of check.issues)
				expect(issue.path.startsWith('events[0]'), `case ${n}: ${issue.path}`).toBe(true);
		}
		expect(rejected).toBeGreaterThan(CASES_PER_TARGET / 2);
	});
});

describe('fuzz: CSV files', () => {
	it(`parses ${CASES_PER_TARGET} random files and maps them without throwing`, () => {
		const f = fuzzer(11);
		const alphabet = ['a', '김', ',', '"', '\n', '\r\n', ' ', '\t', '1', '@', '-', '\uFEFF', ';'];
		for (let n = 0; n < CASES_PER_TARGET; n++) {
			const text = Array.from({ length: f.int(0, 200) }, () =>
				f.random() < 0.05 ? f.string() : f.pick(alphabet),
			).join('');
			const parsed = parseCsv(text);
			if (!parsed.ok) {
				expect(parsed.line, `case ${n}`).toBeGreaterThanOrEqual(1);
				continue;
			}
			const mapping = Object.fromEntries(parsed.csv.header.map((column) => [column, f.pick(CUSTOMER_FIELDS)]));
			const mapped = rowsToEvents(
				f.random() < 0.5 ? 'customers' : 'orders',
				parsed.csv.header,
				parsed.csv.rows,
				mapping,
				{ fileKey: 'fuzz', timeZone: 'Asia/Seoul' },
			);
			for (const { event } of mapped.events) validateEvent(event, '', { now: NOW });
		}
	});
});

describe('fuzz: loyalty formulas and rules', () => {
	it(`compiles ${CASES_PER_TARGET} random formulas safely: an error with a position, or a finite result`, () => {
		const f = fuzzer(13);
		const tokens = [
			'amount',
			'quantity',
			'lines',
			'floor(',
			'max(',
			'min(',
			',',
			')',
			'(',
			'+',
			'-',
			'*',
			'/',
			'2',
			'0',
			'1000',
			'.5',
			'constructor',
			'process',
			' ',
		];
		for (let n = 0; n < CASES_PER_TARGET; n++) {
			const source =
				f.random() < 0.1 ? f.string() : Array.from({ length: f.int(0, 15) }, () => f.pick(tokens)).join('');
			const compiled = compileFormula(source);
			if (!compiled.ok) {
				expect(compiled.position, `case ${n}`).toBeGreaterThanOrEqual(0);
				continue;
			}
			expect(
				Number.isFinite(compiled.evaluate({ amount: f.int(0, 1e7), quantity: f.int(0, 50), lines: f.int(0, 10) })),
				`case ${n}: ${source}`,
			).toBe(true);
		}
	});

	it(`validates ${CASES_PER_TARGET} mutated earning rules without throwing`, () => {
		const f = fuzzer(17);
		const rule = {
			id: 1,
			name: 'Base',
			kind: 'spend',
			points: 10,
			per_amount: 1000,
			stacking: 'additive',
			priority: 10,
			categories: ['커피'],
			weekdays: [1, 2],
		};
		for (let n = 0; n < CASES_PER_TARGET; n++) {
			const result = validateEarningRule(f.mutate(rule) as Record<string, unknown>);
			if ('errors' in result)
				for (const error of result.errors) expect(error.field.length, `case ${n}`).toBeGreaterThan(0);
		}
	});
});
