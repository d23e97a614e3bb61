import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../snapshot/definition.ts';
import { FOLDERS, folderOf } from '../snapshot/definition-folders.ts';
import { LIST_PRESETS, presetRow } from './presets.ts';

const fieldsOf = (collection: string) => {
	const def = COLLECTIONS.find((c) => c.collection === collection);
	return new Map((def?.fields ?? []).map((field) => [field.field, field]));
};

/** Whether a column path (`customer.full_name`) names real fields, following m2o relations. */
function resolves(collection: string, path: string): boolean {
	const [head, ...rest] = path.split('.');
	if (head === 'id') return rest.length === 0;
	const field = fieldsOf(collection).get(head!);
	if (!field) return false;
	if (!rest.length) return field.type !== 'alias';
	return Boolean(field.relatedCollection) && resolves(field.relatedCollection!, rest.join('.'));
}

describe('list presets', () => {
	it('give every collection with a list its columns, and every column and sort names a real field', () => {
		const lists = COLLECTIONS.filter((c) => !c.singleton).map((c) => c.collection);
		expect(LIST_PRESETS.map((p) => p.collection).sort()).toEqual([...lists].sort());
		for (const preset of LIST_PRESETS) {
			expect(preset.fields.length, preset.collection).toBeGreaterThanOrEqual(3);
			for (const path of [...preset.fields, ...preset.sort.map((s) => s.replace(/^-/, ''))])
				expect(resolves(preset.collection, path), `${preset.collection}: ${path}`).toBe(true);
		}
	});

	it('shows customers and orders with the columns staff scan for', () => {
		const columns = (collection: string) => LIST_PRESETS.find((p) => p.collection === collection)?.fields;
		expect(columns('crm_customers')).toEqual(['full_name', 'phone', 'tier', 'stage', 'total_spent', 'last_order_at']);
		expect(columns('crm_orders')?.slice(0, 4)).toEqual(['ordered_at', 'customer', 'total', 'status']);
		expect(presetRow(LIST_PRESETS[0]!)).toMatchObject({ user: null, role: null, layout: 'tabular' });
	});
});

describe('navigation folders', () => {
	it('hold every CRM collection exactly once, customers first', () => {
		const children = FOLDERS.flatMap((folder) => folder.children);
		expect([...children].sort()).toEqual(COLLECTIONS.map((c) => c.collection).sort());
		expect(new Set(children).size).toBe(children.length);
		expect(folderOf('crm_customers')).toEqual({ folder: 'crm_folder_customers', sort: 1 });
		expect(FOLDERS.map((folder) => folder.label.ko)).toEqual(['고객', '마케팅', '멤버십', '분석/시스템']);
	});
});
