import { describe, expect, it } from 'vitest';
import { categoryItems, choiceItems, lookupFor, namedItems, pickedValue, productItems, withCurrent } from './lookups';

describe('lookupFor', () => {
	it('offers real values for products, categories, segments, tiers and select fields', () => {
		expect(lookupFor({ type: 'bought' }, 'product')).toEqual({ name: 'products' });
		expect(lookupFor({ type: 'bought' }, 'category')).toEqual({ name: 'categories' });
		expect(lookupFor({ type: 'segment', segment: '' }, 'segment')).toEqual({ name: 'segments' });
		expect(lookupFor({ type: 'interaction' }, 'interactionType')).toEqual({
			name: 'choices',
			collection: 'crm_interactions',
			field: 'type',
		});
		expect(lookupFor({ type: 'field', field: 'tier', op: 'eq', value: 1 }, 'value')).toEqual({ name: 'tiers' });
		expect(lookupFor({ type: 'field', field: 'stage', op: 'in', value: [] }, 'value')).toEqual({
			name: 'choices',
			collection: 'crm_customers',
			field: 'stage',
		});
	});
	it('keeps free text where a list does not fit', () => {
		expect(lookupFor({ type: 'field', field: 'email', op: 'contains', value: '' }, 'value')).toBeNull();
		expect(lookupFor({ type: 'field', field: 'order_count', op: 'eq', value: 1 }, 'value')).toBeNull();
		expect(lookupFor({ type: 'orders', metric: 'count', op: 'gte', value: 1 }, 'value')).toBeNull();
		expect(lookupFor({ type: 'bought' }, 'minQuantity')).toBeNull();
	});
});

describe('lookup items', () => {
	it('turns API rows into select items', () => {
		expect(
			productItems([
				{ id: 2, name: '토너', sku: 'T-1' },
				{ id: '1', name: '세럼', sku: null },
			]),
		).toEqual([
			{ text: '세럼', value: 1 },
			{ text: '토너 (T-1)', value: 2 },
		]);
		expect(
			categoryItems([
				{ category: 'skincare' },
				{ category: null },
				{ category: ' ' },
				{ category: 'hair' },
				{ category: 'hair' },
			]),
		).toEqual([
			{ text: 'hair', value: 'hair' },
			{ text: 'skincare', value: 'skincare' },
		]);
		expect(
			namedItems(
				[
					{ id: 1, name: 'VIP' },
					{ id: 2, name: '단골' },
				],
				2,
			),
		).toEqual([{ text: 'VIP', value: 1 }]);
	});
	it('translates choice keys, falling back to the raw value when a key has no translation', () => {
		const fields = [
			{
				field: 'stage',
				meta: {
					options: {
						choices: [
							{ text: '$t:crm_choice_vip', value: 'vip' },
							{ text: '$t:crm_choice_lost', value: 'lost' },
							{ text: 'Plain', value: 'plain' },
						],
					},
				},
			},
			{ field: 'email', meta: { options: {} } },
			{ field: 'note', meta: null },
		];
		const translate = (key: string) => (({ crm_choice_vip: 'VIP 고객' }) as Record<string, string>)[key] ?? key;
		expect(choiceItems(fields, translate)).toEqual({
			stage: [
				{ text: 'VIP 고객', value: 'vip' },
				{ text: 'lost', value: 'lost' },
				{ text: 'Plain', value: 'plain' },
			],
		});
	});
	it('keeps the current value visible and reads picked or typed values', () => {
		expect(withCurrent([{ text: 'A', value: 1 }], 9)).toEqual([
			{ text: 'A', value: 1 },
			{ text: '#9', value: 9 },
		]);
		expect(withCurrent([{ text: 'A', value: 'a' }], ['a', 'b'])).toEqual([
			{ text: 'A', value: 'a' },
			{ text: 'b', value: 'b' },
		]);
		expect(withCurrent([{ text: 'A', value: 1 }], '')).toEqual([{ text: 'A', value: 1 }]);
		expect(pickedValue({ name: 'products' }, '12')).toBe(12);
		expect(pickedValue({ name: 'categories' }, '12')).toBe('12');
		expect(pickedValue({ name: 'segments' }, null)).toBeUndefined();
		expect(pickedValue({ name: 'choices', collection: 'crm_customers', field: 'stage' }, ['vip', ''])).toEqual(['vip']);
	});
});
