// POST /crm/import/preview: the dry run of a CSV import. Parses and maps the file, validates every row exactly as the
// events API will, and reports what would be created, updated or refused (by row and field), writing nothing.
// The import itself sends the returned events to POST /crm/events in chunks (the admin's import page shows progress);
// their keys derive from the file's content, so an interrupted import can simply be run again.
import { createHash } from 'node:crypto';
import type { Router } from 'express';
import type { Knex } from 'knex';
import { encodingWarning, parseCsv } from '../../../domain/csv-import/csv';
import { CUSTOMER_KEYS, storedCustomerKeys } from '../../../data/csv-import/known-customers';
import {
	CUSTOMER_FIELDS,
	ORDER_FIELDS,
	rowsToEvents,
	suggestMapping,
	type ImportKind,
	type RowIssue,
} from '../../../domain/csv-import/mapping';
import { validateEvent } from '../../../domain/events/validate-event';
import { crmTimeZone } from '../../../data/settings';
import { canAccess, forbidden, invalid } from '../../access';

const MAX_ISSUES = 500;

export function importRoutes(router: Router, database: Knex) {
	router.post('/import/preview', async (req, res, next) => {
		try {
			const body = (req.body ?? {}) as { kind?: unknown; csv?: unknown; mapping?: unknown };
			if (body.kind !== 'customers' && body.kind !== 'orders')
				return invalid(res, [{ path: 'kind', message: 'must be "customers" or "orders"' }]);
			const kind = body.kind as ImportKind;
			const collection = kind === 'customers' ? 'crm_customers' : 'crm_orders';
			if (!(await canAccess(database, (req as { accountability?: never }).accountability, collection, 'create')))
				return forbidden(res, collection, 'create');
			if (typeof body.csv !== 'string') return invalid(res, [{ path: 'csv', message: 'must be the CSV text' }]);
			const parsed = parseCsv(body.csv);
			if (!parsed.ok) return invalid(res, [{ path: 'csv', message: `line ${parsed.line}: ${parsed.message}` }]);
			const { header, rows } = parsed.csv;
			const fields: readonly string[] = kind === 'customers' ? CUSTOMER_FIELDS : ORDER_FIELDS;
			const mapping =
				body.mapping === undefined ? suggestMapping(kind, header) : (body.mapping as Record<string, string>);
			if (typeof mapping !== 'object' || mapping === null)
				return invalid(res, [{ path: 'mapping', message: 'must map CSV columns to CRM fields' }]);
			for (const [column, field] of Object.entries(mapping)) {
				if (!header.includes(column))
					return invalid(res, [{ path: `mapping.${column}`, message: 'is not a column of the file' }]);
				if (!fields.includes(field))
					return invalid(res, [{ path: `mapping.${column}`, message: `must be one of: ${fields.join(', ')}` }]);
			}

			const now = new Date();
			const fileKey = createHash('sha256').update(body.csv).digest('hex').slice(0, 16);
			const mapped = rowsToEvents(kind, header, rows, mapping, { fileKey, timeZone: await crmTimeZone(database) });
			const issues: RowIssue[] = [...mapped.issues];
			// Validated and normalised (e-mail lower case, phones in E.164) exactly as the events API will.
			const valid: {
				rows: number[];
				event: { type: string; idempotency_key: string; data: Record<string, unknown> };
			}[] = [];
			for (const { rows: eventRows, event } of mapped.events) {
				const check = validateEvent(event, '', { now });
				if (check.ok) valid.push({ rows: eventRows, event: check.event });
				else
					for (const issue of check.issues)
						issues.push({ row: eventRows[0], field: issue.path.replace(/^data\./, ''), message: issue.message });
			}
			const known =
				kind === 'customers'
					? await existingCustomers(
							database,
							valid.map((e) => e.event.data),
						)
					: await unknownCustomers(database, valid, issues);
			const accepted = kind === 'customers' ? valid : valid.filter((e) => !known.has(e.rows[0]));
			issues.sort((a, b) => a.row - b.row);
			res.json({
				data: {
					kind,
					header,
					mapping,
					fields,
					rows: rows.length,
					file_key: fileKey,
					valid_rows: accepted.reduce((sum, e) => sum + e.rows.length, 0),
					invalid_rows: new Set(issues.map((issue) => issue.row)).size,
					...(kind === 'customers'
						? { updates: known.size, creates: accepted.length - known.size }
						: { orders: accepted.length }),
					issues: issues.slice(0, MAX_ISSUES),
					// Not errors: the rows import, but staff should know (mojibake, formula cells given an apostrophe).
					warnings: {
						encoding: encodingWarning(body.csv),
						formula_cells: mapped.neutralised.length,
						neutralised: mapped.neutralised.slice(0, MAX_ISSUES),
					},
					events: accepted.map((e) => e.event),
				},
			});
		} catch (error) {
			next(error);
		}
	});
}

/** Indexes of the customer events that match an existing customer (by external id, e-mail or phone): updates. */
async function existingCustomers(knex: Knex, records: Record<string, unknown>[]): Promise<Set<number>> {
	const values = (field: string) => records.map((r) => r[field]).filter((v): v is string => typeof v === 'string');
	const keys = await storedCustomerKeys(
		knex,
		{
			external_id: values('external_id'),
			email: values('email').map((v) => v.toLowerCase()),
			phone: values('phone'),
		},
		true,
	);
	const matches = new Set<number>();
	records.forEach((record, index) => {
		if (CUSTOMER_KEYS.some((f) => record[f] !== undefined && keys.has(`${f}:${String(record[f]).toLowerCase()}`)))
			matches.add(index);
	});
	return matches;
}

/** Order events whose customer does not exist: reported as issues (by first row), and left out of the import. */
async function unknownCustomers(
	knex: Knex,
	events: { rows: number[]; event: { data: Record<string, unknown> } }[],
	issues: RowIssue[],
): Promise<Set<number>> {
	const refs = events.map((e) => e.event.data.customer as Record<string, string>);
	const byField = (field: string) => refs.filter((ref) => ref?.[field] !== undefined).map((ref) => ref[field]);
	const keys = await storedCustomerKeys(
		knex,
		{ external_id: byField('external_id'), email: byField('email'), phone: byField('phone') },
		false,
	);
	const missing = new Set<number>();
	events.forEach((e, index) => {
		const ref = refs[index] ?? {};
		const [field] = Object.keys(ref);
		if (!field || !keys.has(`${field}:${ref[field]}`)) {
			missing.add(e.rows[0]);
			issues.push({
				row: e.rows[0],
				field: field ? `customer_${field}` : 'customer',
				message: 'no such customer: import customers first',
			});
		}
	});
	return missing;
}
