// Seeded generators for fuzzing: hostile strings, random JSON, and mutations of valid inputs. Every run with the same
// seed sees the same cases, so a failure names a reproducible case number.
import { randomInt, seededRandom } from '../../extensions/crm/src/domain/shared/seeded-random.ts';

export const FUZZ_SEED = Number(process.env.CRM_FUZZ_SEED ?? 20261123);

/** Strings that have broken other systems: SQL, template and prototype injection, odd unicode, huge and empty. */
export const HOSTILE_STRINGS = [
	"'; DROP TABLE crm_customers; --",
	'" OR 1=1 --',
	'\\',
	'%',
	'_',
	'{{constructor.constructor("return process")()}}',
	'{{#each this}}{{/each}}',
	'__proto__',
	'constructor',
	'prototype',
	'<script>alert(1)</script>',
	'\u0000',
	'\uFEFF',
	'😀',
	'김민준',
	' ',
	'',
	'NaN',
	'Infinity',
	'-0',
	'1e309',
	'2026-02-30',
	'9999-12-31T23:59:59Z',
	'x'.repeat(5000),
	'+82',
	'010',
	'${process.exit(1)}',
	'../../etc/passwd',
	'null',
	'true',
];

export interface Fuzzer {
	random: () => number;
	int(min: number, max: number): number;
	pick<T>(items: readonly T[]): T;
	string(): string;
	value(depth?: number): unknown;
	mutate(value: unknown): unknown;
}

export function fuzzer(seed = FUZZ_SEED): Fuzzer {
	const random = seededRandom(seed);
	const int = (min: number, max: number) => randomInt(random, min, max);
	const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)];
	const string = () =>
		random() < 0.5
			? pick(HOSTILE_STRINGS)
			: Array.from({ length: int(0, 12) }, () => String.fromCharCode(int(32, 0x3200))).join('');
	const value = (depth = 0): unknown => {
		const roll = random();
		if (roll < 0.15) return null;
		if (roll < 0.3) return pick([0, -1, 1, 2.5, -1e9, 1e15, Number.MAX_SAFE_INTEGER, 3]);
		if (roll < 0.4) return random() < 0.5;
		if (roll < 0.65 || depth > 3) return string();
		if (roll < 0.82) return Array.from({ length: int(0, 4) }, () => value(depth + 1));
		return Object.fromEntries(
			Array.from({ length: int(0, 4) }, () => [
				pick(['type', 'op', 'value', 'all', 'any', 'not', 'field', 'data', string()]),
				value(depth + 1),
			]),
		);
	};
	/** Replaces, removes or corrupts one node somewhere in a JSON value. */
	const mutate = (input: unknown): unknown => {
		if (random() < 0.2) return value();
		if (Array.isArray(input)) {
			if (!input.length || random() < 0.2) return [...input, value()];
			const index = int(0, input.length - 1);
			return input.map((item, i) => (i === index ? mutate(item) : item));
		}
		if (input && typeof input === 'object') {
			const keys = Object.keys(input);
			if (!keys.length || random() < 0.15)
				return { ...(input as object), [pick(['extra', '__proto__', string()])]: value() };
			const key = pick(keys);
			if (random() < 0.2) {
				const { [key]: _removed, ...rest } = input as Record<string, unknown>;
				return rest;
			}
			return { ...(input as object), [key]: mutate((input as Record<string, unknown>)[key]) };
		}
		return value();
	};
	return { random, int, pick, string, value, mutate };
}
