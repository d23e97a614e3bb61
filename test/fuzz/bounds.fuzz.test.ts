// Seeded fuzzing at the bounds of issue #15 (CRM_FUZZ_SEED to vary): values just inside and just beyond every bound
// of rules, templates, events, CSV files and settings. Inside is accepted, beyond is refused with an issue that names
// the field, and nothing throws. Oversized inputs are built larger than the bound, never only at it.
import { describe, expect, it } from 'vitest';
import { parseCsv, encodingWarning } from '../../extensions/crm/src/domain/csv-import/csv.ts';
import { rowsToEvents, suggestMapping } from '../../extensions/crm/src/domain/csv-import/mapping.ts';
import { validateEvent } from '../../extensions/crm/src/domain/events/validate-event.ts';
import { orderTotalMismatch } from '../../extensions/crm/src/domain/events/order-totals.ts';
import { validateRule } from '../../extensions/crm/src/domain/segments/validate-rule.ts';
import { RULE_LIMITS } from '../../extensions/crm/src/domain/segments/value-checks.ts';
import { checkSettings } from '../../extensions/crm/src/domain/settings/validate.ts';
import { TEMPLATE_LIMITS, templateLimitIssue } from '../../extensions/crm/src/domain/templates/limits.ts';
import { validateTemplate } from '../../extensions/crm/src/domain/templates/validate.ts';
import { fuzzer, FUZZ_SEED, HOSTILE_STRINGS } from './generators.ts';

const CASES = 300;
const NOW = new Date('2026-03-01T00:00:00Z');
const leaf = () => ({ type: 'field', field: 'stage', op: 'eq', value: 'customer' });

describe('fuzz: rule bounds', () => {
	it(`${CASES} rules of random size around every bound: beyond is refused, inside is accepted`, () => {
		const f = fuzzer(FUZZ_SEED + 101);
		for (let n = 0; n < CASES; n++) {
			const kind = f.pick(['list', 'children', 'days', 'text', 'count', 'number'] as const);
			const beyond = f.random() < 0.5;
			const size = (limit: number) => (beyond ? limit + f.int(1, limit) : f.int(1, limit));
			const rule =
				kind === 'list'
					? {
							type: 'field',
							field: 'email',
							op: 'in',
							value: Array.from({ length: size(RULE_LIMITS.maxListValues) }, (_, i) => `u${i}@e.kr`),
						}
					: kind === 'children'
						? { any: Array.from({ length: size(RULE_LIMITS.maxChildren) }, leaf) }
						: kind === 'days'
							? {
									type: 'orders',
									metric: 'count',
									op: 'gte',
									value: 1,
									window: {
										lastDays: beyond ? f.pick([36_501, 1e300, 2 ** 53, -1, 1.5]) : f.int(0, RULE_LIMITS.maxDays),
									},
								}
							: kind === 'text'
								? {
										type: 'field',
										field: 'full_name',
										op: 'contains',
										value: 'x'.repeat(size(RULE_LIMITS.maxStringLength)),
									}
								: kind === 'count'
									? {
											type: 'interaction',
											minCount: beyond ? f.pick([0, 1_000_001, 1e18, 2.5]) : f.int(1, RULE_LIMITS.maxCount),
										}
									: {
											type: 'field',
											field: 'total_spent',
											op: 'gt',
											value: beyond ? f.pick([1e13, -1e15, 1e300]) : f.int(-1e9, 1e9),
										};
			const issues = validateRule(rule);
			expect(issues.length > 0, `case ${n} ${kind} beyond=${beyond}`).toBe(beyond);
			for (const issue of issues) expect(issue.path, `case ${n}`).toBeTruthy();
		}
	});
});

describe('fuzz: template bounds', () => {
	it(`${CASES} templates around the size, tag and depth bounds: refused before parsing beyond them`, () => {
		const f = fuzzer(FUZZ_SEED + 102);
		for (let n = 0; n < CASES; n++) {
			const kind = f.pick(['length', 'tags', 'depth'] as const);
			const beyond = f.random() < 0.5;
			const source =
				kind === 'length'
					? `{{first_name}}${'가'.repeat(beyond ? TEMPLATE_LIMITS.maxLength + f.int(0, 5000) : f.int(0, 5000))}`
					: kind === 'tags'
						? '{{first_name}} '.repeat(
								beyond ? TEMPLATE_LIMITS.maxTags + f.int(1, 100) : f.int(1, TEMPLATE_LIMITS.maxTags),
							)
						: (() => {
								const depth = beyond
									? TEMPLATE_LIMITS.maxBlockDepth + f.int(1, 3000)
									: f.int(1, TEMPLATE_LIMITS.maxBlockDepth);
								return `${'{{#if first_name}}'.repeat(depth)}${f.pick(HOSTILE_STRINGS).replace(/[{}]/g, '')}${'{{/if}}'.repeat(depth)}`;
							})();
			expect(templateLimitIssue(source) !== null, `case ${n} ${kind} beyond=${beyond}`).toBe(beyond);
			if (beyond) expect(validateTemplate(source), `case ${n}`).toHaveLength(1);
		}
	});
});

describe('fuzz: events API bounds', () => {
	it(`${CASES} events with control characters, inherited names and line sums: refused naming a path`, () => {
		const f = fuzzer(FUZZ_SEED + 103);
		const controls = ['\u0000', '\u0001', '\u001b', '\u007f', '\u0008'];
		for (let n = 0; n < CASES; n++) {
			const kind = f.pick(['control', 'inherited', 'sum'] as const);
			const data: Record<string, unknown> =
				kind === 'sum'
					? {
							external_id: `O-${n}`,
							customer: { external_id: 'C-1' },
							ordered_at: '2026-02-01T10:00:00Z',
							total: f.pick([0, 1, 10_000, 999_999]),
							lines: [
								{ product_name: 'x', quantity: f.int(1, 100), unit_price: f.pick([0, 100, 10_000, 999_999_999_999]) },
							],
						}
					: { external_id: `C-${n}` };
			if (kind === 'control') data.full_name = `김${f.pick(controls)}민준`;
			if (kind === 'inherited') data[f.pick(['constructor', 'toString', 'hasOwnProperty', 'valueOf'])] = f.value();
			const result = validateEvent(
				{ type: kind === 'sum' ? 'order.placed' : 'customer.upsert', idempotency_key: `k${n}`, data },
				'',
				{ now: NOW },
			);
			if (kind === 'sum') {
				const mismatch = orderTotalMismatch({
					total: data.total as number,
					lines: data.lines as Record<string, unknown>[],
				});
				expect(result.ok, `case ${n}`).toBe(mismatch === null);
			} else expect(result.ok, `case ${n} ${kind}`).toBe(false);
			if (!result.ok) for (const issue of result.issues) expect(issue.path, `case ${n}`).toMatch(/^data\./);
		}
	});
});

describe('fuzz: CSV bounds', () => {
	it(`${CASES} files with inherited header names, formula cells and replacement characters`, () => {
		const f = fuzzer(FUZZ_SEED + 104);
		const headers = ['constructor', 'toString', '__proto__', 'valueOf', '이름', 'email', 'notes', 'phone'];
		for (let n = 0; n < CASES; n++) {
			const header = Array.from({ length: f.int(1, 6) }, () => f.pick(headers));
			const cell = () =>
				f.pick(['=1+1', '+82 10 1234 5678', '-5', '@SUM(A1)', '김민준', 'a@example.kr', '\uFFFD', f.string()]);
			const text = [
				header.join(','),
				...Array.from({ length: f.int(0, 5) }, () => header.map(() => `"${cell().replace(/"/g, '""')}"`).join(',')),
			].join('\n');
			const parsed = parseCsv(text);
			if (!parsed.ok) continue;
			const mapping = suggestMapping('customers', parsed.csv.header);
			expect(Object.getPrototypeOf(mapping), `case ${n}`).toBe(Object.prototype);
			const mapped = rowsToEvents('customers', parsed.csv.header, parsed.csv.rows, mapping, {
				fileKey: 'f',
				timeZone: 'Asia/Seoul',
			});
			for (const { event } of mapped.events) {
				for (const field of ['full_name', 'notes']) {
					const value = event.data[field];
					if (typeof value === 'string') expect(value, `case ${n}`).not.toMatch(/^[=+\-@]/);
				}
				validateEvent(event, '', { now: NOW });
			}
			expect(encodingWarning(text) !== null, `case ${n}`).toBe(text.includes('\uFFFD'));
		}
	});
});

describe('fuzz: settings bounds', () => {
	it(`${CASES} settings patches around every range: refused naming exactly the fields beyond`, () => {
		const f = fuzzer(FUZZ_SEED + 105);
		const ranges: Record<string, [number, number]> = {
			survey_link_days: [1, 365],
			nps_low_threshold: [0, 10],
			frequency_cap_per_week: [0, 100],
			points_expiry_days: [0, 36_500],
			tier_grace_days: [0, 36_500],
		};
		for (let n = 0; n < CASES; n++) {
			const patch: Record<string, unknown> = {};
			const bad = new Set<string>();
			for (const [field, [min, max]] of Object.entries(ranges)) {
				if (f.random() < 0.5) continue;
				const beyond = f.random() < 0.4;
				patch[field] = beyond
					? f.pick([min - 1, max + 1, 1e9, 1.5, 'abc', Number.MAX_SAFE_INTEGER + 2])
					: f.int(min, max);
				if (beyond) bad.add(field);
			}
			if (f.random() < 0.5) {
				const zone = f.pick(['Asia/Seoul', 'UTC', 'Mars/Olympus_Mons', '', 'Asia/Seoul\u0000', f.string()]);
				patch.timezone = zone;
				let valid = zone.length > 0;
				try {
					new Intl.DateTimeFormat('en-US', { timeZone: zone });
				} catch {
					valid = false;
				}
				if (!valid) bad.add('timezone');
			}
			if (f.random() < 0.5) {
				const time = f.pick(['21:00', '08:00:00', '25:99', '7:00', '23:59', '24:00', f.string()]);
				patch.quiet_hours_start = time;
				if (time !== '' && !/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(time)) bad.add('quiet_hours_start');
			}
			expect(new Set(checkSettings(patch).map((issue) => issue.field)), `case ${n}: ${JSON.stringify(patch)}`).toEqual(
				bad,
			);
		}
	});
});
