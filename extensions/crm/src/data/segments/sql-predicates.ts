// Operator → SQL predicate over an expression (a column or a scalar subquery). Every user value is a bound `?`.
import type { Knex } from 'knex';
import type { FieldType } from '../../domain/segments/field-catalogue';
import type { FieldOp } from '../../domain/segments/rule-types';
import {
	birthdayMonthRange,
	birthdayRange,
	daysBefore,
	isoRange,
	type MonthDayRange,
} from '../../domain/segments/time-windows';
import { toDbTimestamp } from '../timestamps';
import { isSqlite } from '../dialect';

export interface PredicateContext {
	knex: Knex;
	now: Date;
	timeZone: string;
}

/** Stands for the compared expression inside a template. */
const X = Symbol('expr');
interface Template {
	sql: string;
	bindings: unknown[];
	/** True when the predicate already yields TRUE/FALSE for NULL inputs (it handles NULL itself). */
	nullAware: boolean;
}

/** Builds SQL from a template: `X` becomes the expression, arrays become `(?, ?, …)`, everything else a `?`. */
function tpl(nullAware: boolean) {
	return (strings: TemplateStringsArray, ...values: unknown[]): Template => {
		let sql = strings[0];
		const bindings: unknown[] = [];
		values.forEach((value, i) => {
			if (Array.isArray(value)) {
				sql += value.map(() => '?').join(', ');
				bindings.push(...value);
			} else {
				sql += '?';
				bindings.push(value);
			}
			sql += strings[i + 1];
		});
		return { sql, bindings, nullAware };
	};
}
const nullable = tpl(false);
const total = tpl(true);

const escapeLike = (text: string) => text.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`);

function template(ctx: PredicateContext, type: FieldType, op: FieldOp, value: unknown): Template {
	const ts = (date: Date) => toDbTimestamp(ctx.knex, date);
	const start = (iso: unknown) => (type === 'timestamp' ? ts(isoRange(String(iso)).start) : String(iso).slice(0, 10));
	const end = (iso: unknown) => ts(isoRange(String(iso)).end);
	const pair = value as [unknown, unknown];
	switch (op) {
		case 'eq':
			return type === 'boolean' && value === false
				? total`(${X} IS NULL OR ${X} = ${false})`
				: nullable`${X} = ${value}`;
		case 'neq':
			if (type === 'boolean') return template(ctx, type, 'eq', !value);
			return total`(${X} IS NULL OR ${X} <> ${value})`;
		case 'in':
			return nullable`${X} IN (${value})`;
		case 'not_in':
			return total`(${X} IS NULL OR ${X} NOT IN (${value}))`;
		case 'contains':
			return nullable`LOWER(${X}) LIKE ${`%${escapeLike(String(value))}%`} ESCAPE '!'`;
		case 'starts_with':
			return nullable`LOWER(${X}) LIKE ${`${escapeLike(String(value))}%`} ESCAPE '!'`;
		case 'gt':
			return nullable`${X} > ${value}`;
		case 'gte':
			return nullable`${X} >= ${value}`;
		case 'lt':
			return nullable`${X} < ${value}`;
		case 'lte':
			return nullable`${X} <= ${value}`;
		case 'between':
			if (type === 'number')
				return nullable`${X} BETWEEN ${Math.min(...(pair as number[]))} AND ${Math.max(...(pair as number[]))}`;
			if (type === 'date') return nullable`${X} >= ${start(pair[0])} AND ${X} <= ${start(pair[1])}`;
			return nullable`${X} >= ${start(pair[0])} AND ${X} < ${end(pair[1])}`;
		case 'before':
			return nullable`${X} < ${start(value)}`;
		case 'after':
			return type === 'date' ? nullable`${X} > ${start(value)}` : nullable`${X} >= ${end(value)}`;
		case 'within_last_days':
			return nullable`${X} >= ${ts(daysBefore(ctx.now, value as number))}`;
		case 'not_within_last_days':
			return total`(${X} IS NULL OR ${X} < ${ts(daysBefore(ctx.now, value as number))})`;
		case 'is_empty':
			return type === 'string' ? total`(${X} IS NULL OR ${X} = '')` : total`${X} IS NULL`;
		case 'is_not_empty':
			return type === 'string' ? total`(${X} IS NOT NULL AND ${X} <> '')` : total`${X} IS NOT NULL`;
		case 'birthday_in_next_days':
			return birthdayTemplate(ctx, birthdayRange(ctx.now, value as number, ctx.timeZone));
		case 'birthday_this_month':
			return birthdayTemplate(ctx, birthdayMonthRange(ctx.now, ctx.timeZone));
	}
}

/** Month-day comparison on 'YYYY-MM-DD' dates; strftime on SQLite, to_char on PostgreSQL. */
function birthdayTemplate(ctx: PredicateContext, range: MonthDayRange): Template {
	if (range.kind === 'all') return total`${X} IS NOT NULL`;
	const md = isSqlite(ctx.knex) ? "strftime('%m-%d', ?)" : "to_char(?, 'MM-DD')";
	const joiner = range.from <= range.to ? 'AND' : 'OR'; // from > to: the range crosses New Year
	const sql = `(${md} >= ? ${joiner} ${md} <= ?)`;
	return { sql, bindings: [X, range.from, X, range.to], nullAware: false };
}

/**
 * A WHERE-able raw predicate that is TRUE or FALSE (never NULL), so `not` is an exact complement.
 * Columns get an `IS NOT NULL` guard (index friendly); subqueries a CASE (evaluated once).
 */
export function predicate(
	ctx: PredicateContext,
	expr: Knex.Raw,
	kind: 'column' | 'subquery',
	type: FieldType,
	op: FieldOp,
	value: unknown,
): Knex.Raw {
	const t = template(ctx, type, op, value);
	let sql = t.sql;
	let bindings = t.bindings;
	if (!t.nullAware && kind === 'column') {
		sql = `(? IS NOT NULL AND ${sql})`;
		bindings = [X, ...bindings];
	} else if (!t.nullAware) {
		sql = `(CASE WHEN ${sql} THEN 1 ELSE 0 END) = 1`;
	}
	const compared = type === 'date' && isSqlite(ctx.knex) ? sqliteDateText(ctx.knex, expr) : expr;
	return ctx.knex.raw(sql, bindings.map((b) => (b === X ? compared : b)) as Knex.RawBinding[]);
}

/**
 * Directus 12 stores `date` fields on SQLite as epoch milliseconds (rows written by other means may hold
 * 'YYYY-MM-DD' text): both become 'YYYY-MM-DD' text so date comparisons and month-day matching work on either.
 */
function sqliteDateText(knex: Knex, expr: Knex.Raw): Knex.Raw {
	return knex.raw(
		"(CASE WHEN typeof(?) IN ('integer', 'real') THEN strftime('%Y-%m-%d', ? / 1000, 'unixepoch') ELSE ? END)",
		[expr, expr, expr],
	);
}
