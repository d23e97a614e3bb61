// A small vocabulary for describing the CRM schema once, in Korean and English.
// `generate.ts` turns these descriptions into Directus collections through the API and snapshots the result.

export interface Label {
	en: string;
	ko: string;
}

export interface Choice {
	value: string;
	en: string;
	ko: string;
	color?: string;
}

export interface FieldDef {
	field: string;
	type: string;
	label: Label;
	note?: Label;
	schema?: Record<string, unknown> | null;
	meta?: Record<string, unknown>;
	/** m2o target collection; creates the relation. */
	relatedCollection?: string;
	onDelete?: 'SET NULL' | 'CASCADE' | 'NO ACTION';
	/** For an o2m alias: the many collection and its foreign key field. */
	oneToMany?: { collection: string; field: string };
}

export interface CollectionDef {
	collection: string;
	label: { en: string; ko: string; enSingular: string; koSingular: string };
	note: Label;
	icon: string;
	color: string;
	singleton?: boolean;
	displayTemplate?: string;
	sortField?: string;
	archive?: { field: string; value: string; unarchive: string };
	group?: string;
	hidden?: boolean;
	/**
	 * What the CRM owns here (written only by its own SQL, refused through Directus for everyone; shown read-only):
	 * computed `fields`, or `appendOnly` rows whose only permitted change is `transitions` of one field.
	 * The API reads the same declaration from extensions/crm/src/domain/owned-fields.ts (kept equal by a test).
	 */
	owned?: {
		appendOnly?: true;
		fields?: string[];
		transitions?: { field: string; allowed: Record<string, string[]> };
	};
	fields: FieldDef[];
}

export const noteKey = (collection: string, field: string) => `crm_note_${collection}_${field}`;

interface Options {
	note?: Label;
	required?: boolean;
	width?: 'half' | 'full' | 'fill';
	unique?: boolean;
	indexed?: boolean;
	nullable?: boolean;
	defaultValue?: unknown;
	readonly?: boolean;
	hidden?: boolean;
	interface?: string;
	options?: Record<string, unknown>;
	display?: string;
	displayOptions?: Record<string, unknown>;
	maxLength?: number;
	special?: string[];
	group?: string;
}

function base(
	field: string,
	type: string,
	label: Label,
	o: Options,
	schema: Record<string, unknown> | null,
	meta: Record<string, unknown>,
): FieldDef {
	return {
		field,
		type,
		label,
		note: o.note,
		schema:
			schema === null
				? null
				: {
						is_nullable: o.nullable ?? !o.required,
						is_unique: o.unique ?? false,
						is_indexed: o.indexed ?? false,
						...(o.defaultValue !== undefined ? { default_value: o.defaultValue } : {}),
						...(o.maxLength ? { max_length: o.maxLength } : {}),
						...schema,
					},
		meta: {
			width: o.width ?? 'half',
			required: o.required ?? false,
			readonly: o.readonly ?? false,
			hidden: o.hidden ?? false,
			...(o.special ? { special: o.special } : {}),
			...(o.group ? { group: o.group } : {}),
			...meta,
			...(o.interface ? { interface: o.interface } : {}),
			...(o.options ? { options: { ...(meta.options as object), ...o.options } } : {}),
			...(o.display ? { display: o.display } : {}),
			...(o.displayOptions ? { display_options: o.displayOptions } : {}),
		},
	};
}

const choiceList = (choices: Choice[]) =>
	choices.map((c) => ({ text: `$t:crm_choice_${c.value}`, value: c.value, ...(c.color ? { color: c.color } : {}) }));

export const f = {
	string: (field: string, label: Label, o: Options = {}) =>
		base(field, 'string', label, o, { max_length: o.maxLength ?? 255 }, { interface: 'input', display: 'raw' }),
	text: (field: string, label: Label, o: Options = {}) =>
		base(
			field,
			'text',
			label,
			{ width: 'full', ...o },
			{},
			{ interface: 'input-multiline', display: 'formatted-value' },
		),
	markdown: (field: string, label: Label, o: Options = {}) =>
		base(
			field,
			'text',
			label,
			{ width: 'full', ...o },
			{},
			{ interface: 'input-rich-text-md', display: 'formatted-value' },
		),
	integer: (field: string, label: Label, o: Options = {}) =>
		base(field, 'integer', label, o, {}, { interface: 'input', display: 'formatted-value' }),
	decimal: (field: string, label: Label, o: Options = {}) =>
		base(
			field,
			'decimal',
			label,
			o,
			{ numeric_precision: 14, numeric_scale: 2 },
			{
				interface: 'input',
				display: 'formatted-value',
				display_options: { format: true },
			},
		),
	float: (field: string, label: Label, o: Options = {}) =>
		base(
			field,
			'float',
			label,
			o,
			{},
			{ interface: 'input', display: 'formatted-value', display_options: { format: true } },
		),
	boolean: (field: string, label: Label, o: Options = {}) =>
		base(
			field,
			'boolean',
			label,
			{ defaultValue: false, nullable: false, ...o },
			{},
			{ interface: 'boolean', display: 'boolean', special: ['cast-boolean'] },
		),
	date: (field: string, label: Label, o: Options = {}) =>
		base(
			field,
			'date',
			label,
			o,
			{},
			{ interface: 'datetime', display: 'datetime', display_options: { format: 'long' } },
		),
	timestamp: (field: string, label: Label, o: Options = {}) =>
		base(
			field,
			'timestamp',
			label,
			o,
			{},
			{ interface: 'datetime', display: 'datetime', display_options: { relative: true } },
		),
	time: (field: string, label: Label, o: Options = {}) =>
		base(field, 'time', label, o, {}, { interface: 'datetime', display: 'datetime' }),
	json: (field: string, label: Label, o: Options = {}) =>
		base(
			field,
			'json',
			label,
			{ width: 'full', ...o },
			{},
			{ interface: 'input-code', options: { language: 'json' }, display: 'raw', special: ['cast-json'] },
		),
	tags: (field: string, label: Label, o: Options = {}) =>
		base(
			field,
			'json',
			label,
			{ width: 'full', ...o },
			{},
			{ interface: 'tags', display: 'labels', special: ['cast-json'] },
		),
	select: (field: string, label: Label, choices: Choice[], o: Options = {}) =>
		base(
			field,
			'string',
			label,
			o,
			{ max_length: 32 },
			{
				interface: 'select-dropdown',
				options: { choices: choiceList(choices) },
				display: 'labels',
				display_options: { showAsDot: false, choices: choiceList(choices) },
			},
		),
	m2o: (
		field: string,
		label: Label,
		relatedCollection: string,
		template: string,
		o: Options & { onDelete?: FieldDef['onDelete'] } = {},
	) => ({
		...base(
			field,
			relatedCollection === 'directus_users' ? 'uuid' : 'integer',
			label,
			{ indexed: true, ...o },
			{},
			{
				interface: 'select-dropdown-m2o',
				options: { template },
				display: 'related-values',
				display_options: { template },
				special: ['m2o'],
			},
		),
		relatedCollection,
		onDelete: o.onDelete ?? 'SET NULL',
	}),
	o2m: (
		field: string,
		label: Label,
		many: { collection: string; field: string },
		template: string,
		o: Options = {},
	) => ({
		...base(field, 'alias', label, { width: 'full', ...o }, null, {
			interface: 'list-o2m',
			options: { template, enableLink: true },
			display: 'related-values',
			display_options: { template },
			special: ['o2m'],
		}),
		oneToMany: many,
	}),
	divider: (field: string, label: Label) =>
		base(field, 'alias', label, { width: 'full' }, null, {
			interface: 'presentation-divider',
			options: { title: `$t:crm_field_${field}`, icon: 'label' },
			special: ['alias', 'no-data'],
		}),
	created: () =>
		base(
			'date_created',
			'timestamp',
			{ en: 'Created', ko: '생성일' },
			{ readonly: true, hidden: true, special: ['date-created'] },
			{},
			{ interface: 'datetime', display: 'datetime', display_options: { relative: true } },
		),
	updated: () =>
		base(
			'date_updated',
			'timestamp',
			{ en: 'Updated', ko: '수정일' },
			{ readonly: true, hidden: true, special: ['date-updated'] },
			{},
			{ interface: 'datetime', display: 'datetime', display_options: { relative: true } },
		),
};
