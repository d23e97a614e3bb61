// Possible duplicates, found in SQL: the same phone in any of the formats shops store, the same e-mail ignoring case
// and spaces, or the same name and birthday. One statement per reason, each a self-join on a computed key, then
// grouped by pair; scored in the domain.
import type { Knex } from 'knex';
import { DUPLICATE_REASONS, duplicateScore, phoneKey, type DuplicateReason } from '../../domain/merge';

export interface DuplicatePair {
	a: number;
	b: number;
	reasons: DuplicateReason[];
	score: number;
}

/** The phone's national digits, as domain/merge phoneKey computes them (for the separators shops use). */
function phoneKeySql(knex: Knex, column: string): Knex.Raw {
	let digits = knex.raw('??', [column]).toQuery();
	for (const separator of ['-', ' ', '+', '(', ')', '.']) digits = `REPLACE(${digits}, '${separator}', '')`;
	return knex.raw(`CASE WHEN ${digits} LIKE '82%' THEN '0' || SUBSTR(${digits}, 3) ELSE ${digits} END`);
}

function keysOf(knex: Knex, alias: string): Record<DuplicateReason, Knex.Raw> {
	return {
		phone: phoneKeySql(knex, `${alias}.phone`),
		email: knex.raw('LOWER(TRIM(??))', [`${alias}.email`]),
		name_birthday: knex.raw(`LOWER(TRIM(??)) || '|' || ${isoDay(knex, `${alias}.birthday`)}`, [`${alias}.full_name`]),
	};
}

/** Directus stores SQLite dates as epoch ms; compare a birthday by its day on both databases. */
function isoDay(knex: Knex, column: string): string {
	const quoted = knex.raw('??', [column]).toQuery();
	return String(knex.client.config.client).includes('sqlite')
		? `(CASE WHEN typeof(${quoted}) = 'integer' THEN date(${quoted} / 1000, 'unixepoch') ELSE substr(${quoted}, 1, 10) END)`
		: `CAST(${quoted} AS TEXT)`;
}

const PRESENT: Record<DuplicateReason, (alias: string) => string[]> = {
	phone: (alias) => [`${alias}.phone`],
	email: (alias) => [`${alias}.email`],
	name_birthday: (alias) => [`${alias}.full_name`, `${alias}.birthday`],
};

const text = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : '');

/** The formats a Korean mobile or landline number is commonly stored in, from its national digits. */
function phoneForms(national: string): string[] {
	const international = `+82${national.slice(1)}`;
	const groups =
		national.length === 11
			? [national.slice(0, 3), national.slice(3, 7), national.slice(7)]
			: [national.slice(0, 3), national.slice(3, 6), national.slice(6)];
	return [
		national,
		international,
		groups.join('-'),
		groups.join(' '),
		`+82 ${national.slice(1, 3)}-${groups.slice(1).join('-')}`,
	];
}

/**
 * One customer's possible duplicates (the customer page's card): a single statement whose phone and name + birthday
 * tests can use the indexes; the e-mail test compares ignoring case (one pass over e-mails at most).
 */
async function duplicatesOf(knex: Knex, customer: number, limit: number): Promise<DuplicatePair[]> {
	const me = await knex('crm_customers').first('id', 'phone', 'email', 'full_name', 'birthday').where('id', customer);
	if (!me) return [];
	const phone = phoneKey(me.phone);
	const email = text(me.email);
	const name = text(me.full_name);
	if (!phone && !email && !(name && me.birthday != null)) return [];
	const candidates = await knex('crm_customers')
		.select('id', 'phone', 'email', 'full_name', 'birthday')
		.whereNot('id', customer)
		.where((any) => {
			if (phone) any.orWhereIn('phone', phoneForms(phone));
			if (email) any.orWhereRaw('LOWER(TRIM(??)) = ?', ['email', email]);
			if (name && me.birthday != null)
				any.orWhere((both) => both.whereRaw('LOWER(TRIM(??)) = ?', ['full_name', name]).where('birthday', me.birthday));
		})
		.limit(limit * 4);
	return candidates
		.map((other) => {
			const reasons: DuplicateReason[] = [];
			if (phone && phoneKey(other.phone) === phone) reasons.push('phone');
			if (email && text(other.email) === email) reasons.push('email');
			if (
				name &&
				me.birthday != null &&
				text(other.full_name) === name &&
				String(other.birthday) === String(me.birthday)
			)
				reasons.push('name_birthday');
			const [a, b] = customer < Number(other.id) ? [customer, Number(other.id)] : [Number(other.id), customer];
			return { a, b, reasons, score: duplicateScore(reasons) };
		})
		.filter((pair) => pair.reasons.length > 0)
		.sort((x, y) => y.score - x.score || x.a + x.b - (y.a + y.b))
		.slice(0, limit);
}

/** Pairs of possible duplicates (a < b), strongest first; `customer` asks for the pairs that include it. */
export async function findDuplicatePairs(
	knex: Knex,
	options: { limit: number; customer?: number; minScore?: number },
): Promise<DuplicatePair[]> {
	if (options.customer !== undefined) return duplicatesOf(knex, options.customer, options.limit);
	const reasons = Object.keys(PRESENT) as DuplicateReason[];
	const perReason = reasons.map((reason) => {
		const left = keysOf(knex, 'a')[reason];
		const right = keysOf(knex, 'b')[reason];
		const query = knex('crm_customers as a')
			.join('crm_customers as b', (join) => join.on(knex.raw(`${left.toQuery()} = ${right.toQuery()}`)))
			.select({ a: 'a.id', b: 'b.id' })
			.select(knex.raw('? AS reason', [reason]))
			.whereRaw('?? < ??', ['a.id', 'b.id']);
		for (const column of [...PRESENT[reason]('a'), ...PRESENT[reason]('b')]) query.whereNotNull(column);
		if (reason !== 'name_birthday') query.whereRaw(`${left.toQuery()} <> ''`);
		return query;
	});
	const union = perReason.slice(1).reduce((all, next) => all.unionAll(next), perReason[0]);
	// Grouped by pair in SQL, strongest first (the weights' sum orders the sets of reasons as the combined score does).
	const flag = (reason: DuplicateReason) =>
		knex.raw(`MAX(CASE WHEN reason = ? THEN 1 ELSE 0 END) AS ??`, [reason, `by_${reason}`]);
	const weight = reasons.map(
		(reason) => `MAX(CASE WHEN reason = '${reason}' THEN ${Math.round(DUPLICATE_REASONS[reason] * 10)} ELSE 0 END)`,
	);
	const rows: Record<string, unknown>[] = await knex
		.select('a', 'b', ...reasons.map(flag))
		.from(union.as('pairs'))
		.groupBy('a', 'b')
		.orderByRaw(`${weight.join(' + ')} DESC, a, b`)
		.limit(options.limit);
	return rows
		.map((row) => {
			const found = reasons.filter((reason) => Number(row[`by_${reason}`]) === 1);
			return { a: Number(row.a), b: Number(row.b), reasons: found, score: duplicateScore(found) };
		})
		.filter((pair) => pair.score >= (options.minScore ?? 0));
}
