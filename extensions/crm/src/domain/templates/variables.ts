// The variables a template may use, as a schema the validator checks names against, and the builder that fills them
// from a customer's data. Every known top-level name is always present (null when unknown) so templates never fail
// on a missing field at send time; unknown names are rejected when the template is saved.
import { firstNameOf } from './helpers';

/** null = a value; an object = named fields; a one-element array = a list of that shape. */
export type VarSchema = null | { [key: string]: VarSchema } | [VarSchema];

const ORDER: VarSchema = {
	id: null,
	total: null,
	currency: null,
	ordered_at: null,
	status: null,
	products: null,
	product_names: [null],
	lines: [{ name: null, quantity: null, unit_price: null, line_total: null, category: null }],
};

export const TEMPLATE_VARIABLES: { [key: string]: VarSchema } = {
	first_name: null,
	full_name: null,
	customer: {
		id: null,
		first_name: null,
		last_name: null,
		full_name: null,
		email: null,
		phone: null,
		language: null,
		birthday: null,
		company: null,
		order_count: null,
		total_spent: null,
		first_order_at: null,
		last_order_at: null,
		points_balance: null,
		tags: [null],
	},
	last_order: ORDER,
	order: ORDER,
	interaction: { id: null, type: null, subject: null, occurred_at: null },
	feedback: { id: null, kind: null, score: null, comment: null },
	points: { balance: null, expiring: null, expiring_at: null },
	segment: { id: null, name: null },
	// "Customers who bought … also bought": the customer's top recommendations (see domain/recommendations).
	recommended: [{ id: null, name: null, because: null }],
	recommended_names: [null],
	sender: { name: null, email: null, phone: null, address: null },
	rule: { id: null, name: null },
	today: null,
	unsubscribe_url: null,
	survey_url: null,
};

type Row = Record<string, unknown>;

export interface OrderFacts {
	id: unknown;
	total: unknown;
	currency?: unknown;
	ordered_at: unknown;
	status?: unknown;
	lines: {
		product_name?: unknown;
		quantity?: unknown;
		unit_price?: unknown;
		line_total?: unknown;
		category?: unknown;
		kind?: unknown;
	}[];
}

export interface ContextInput {
	customer: Row;
	lastOrder?: OrderFacts | null;
	order?: OrderFacts | null;
	interaction?: Row | null;
	feedback?: Row | null;
	points?: { balance?: unknown; expiring?: unknown; expiring_at?: unknown } | null;
	segment?: Row | null;
	recommended?: { product: unknown; name: unknown; because?: { name?: unknown } | null }[] | null;
	sender?: { name?: unknown; email?: unknown; phone?: unknown; address?: unknown } | null;
	rule?: Row | null;
	today: string;
	unsubscribeUrl?: string | null;
	surveyUrl?: string | null;
}

const pick = (row: Row | null | undefined, schema: VarSchema): unknown => {
	if (!row || schema === null || Array.isArray(schema)) return null;
	return Object.fromEntries(Object.keys(schema).map((key) => [key, row[key] ?? null]));
};

function orderVars(order: OrderFacts | null | undefined): Row | null {
	if (!order) return null;
	const lines = order.lines.filter((line) => (line.kind ?? 'product') === 'product');
	const names = lines.map((line) => String(line.product_name ?? '')).filter(Boolean);
	return {
		id: order.id ?? null,
		total: order.total ?? null,
		currency: order.currency ?? null,
		ordered_at: order.ordered_at ?? null,
		status: order.status ?? null,
		products: names.join(', '),
		product_names: names,
		lines: lines.map((line) => ({
			name: line.product_name ?? null,
			quantity: line.quantity ?? null,
			unit_price: line.unit_price ?? null,
			line_total: line.line_total ?? null,
			category: line.category ?? null,
		})),
	};
}

export function buildTemplateContext(input: ContextInput): Row {
	const customer = pick(input.customer, TEMPLATE_VARIABLES.customer) as Row;
	const tags = input.customer.tags;
	customer.tags = Array.isArray(tags) ? tags : typeof tags === 'string' && tags.startsWith('[') ? JSON.parse(tags) : [];
	return {
		first_name: firstNameOf(input.customer.first_name, input.customer.full_name),
		full_name: input.customer.full_name ?? null,
		customer,
		last_order: orderVars(input.lastOrder),
		order: orderVars(input.order),
		interaction: pick(input.interaction, TEMPLATE_VARIABLES.interaction),
		feedback: pick(input.feedback, TEMPLATE_VARIABLES.feedback),
		points: input.points
			? {
					balance: input.points.balance ?? null,
					expiring: input.points.expiring ?? null,
					expiring_at: input.points.expiring_at ?? null,
				}
			: { balance: input.customer.points_balance ?? null, expiring: null, expiring_at: null },
		segment: pick(input.segment, TEMPLATE_VARIABLES.segment),
		recommended: (input.recommended ?? []).map((r) => ({
			id: r.product ?? null,
			name: r.name ?? null,
			because: r.because?.name ?? null,
		})),
		recommended_names: (input.recommended ?? []).map((r) => String(r.name ?? '')).filter(Boolean),
		sender: {
			name: input.sender?.name ?? null,
			email: input.sender?.email ?? null,
			phone: input.sender?.phone ?? null,
			address: input.sender?.address ?? null,
		},
		rule: pick(input.rule, TEMPLATE_VARIABLES.rule),
		today: input.today,
		unsubscribe_url: input.unsubscribeUrl ?? null,
		survey_url: input.surveyUrl ?? null,
	};
}
