import { describe, expect, it } from 'vitest';
import { localToIso, rowsToEvents, suggestMapping } from './mapping';

describe('CSV import mapping', () => {
	it('suggests a mapping from Korean and English headers', () => {
		expect(suggestMapping('customers', ['이름', '이메일', '휴대폰', '생년월일', '비고'])).toEqual({
			이름: 'full_name',
			이메일: 'email',
			휴대폰: 'phone',
			생년월일: 'birthday',
		});
		expect(suggestMapping('orders', ['Order ID', 'Customer Email', 'Date', 'Product', 'Qty', 'Unit price'])).toEqual({
			'Order ID': 'order_external_id',
			'Customer Email': 'customer_email',
			Date: 'ordered_at',
			Product: 'product_name',
			Qty: 'quantity',
			'Unit price': 'unit_price',
		});
	});

	it('turns local times in the CRM time zone into instants', () => {
		expect(localToIso('2026-03-01 14:30', 'Asia/Seoul')).toBe('2026-03-01T05:30:00.000Z');
		expect(localToIso('2026/03/01', 'Asia/Seoul')).toBe('2026-02-28T15:00:00.000Z');
		expect(localToIso('2026-03-01T10:00:00+09:00', 'Asia/Seoul')).toBe('2026-03-01T10:00:00+09:00');
		expect(localToIso('March 1st', 'Asia/Seoul')).toBeNull();
	});

	it('maps customers into upsert events, parsing yes/no and tags, and flags duplicates within the file', () => {
		const header = ['이름', '이메일', '문자동의', '태그'];
		const mapping = { 이름: 'full_name', 이메일: 'email', 문자동의: 'consent_sms', 태그: 'tags' };
		const result = rowsToEvents(
			'customers',
			header,
			[
				['김민준', 'MJ@example.com', '예', 'vip; 커피'],
				['박서연', 'sy@example.com', 'maybe', ''],
				['김민준2', 'mj@example.com', 'n', ''],
			],
			mapping,
			{ fileKey: 'f1', timeZone: 'Asia/Seoul' },
		);
		expect(result.events.map((e) => e.event)).toEqual([
			{
				type: 'customer.upsert',
				idempotency_key: 'import:f1:1',
				data: { full_name: '김민준', email: 'MJ@example.com', consent_sms: true, tags: ['vip', '커피'] },
			},
			{
				type: 'customer.upsert',
				idempotency_key: 'import:f1:2',
				data: { full_name: '박서연', email: 'sy@example.com' },
			},
		]);
		expect(result.issues).toEqual([
			{ row: 2, field: 'consent_sms', message: '"maybe" is not yes/no' },
			{ row: 3, field: 'email', message: 'duplicate of row 1 in this file' },
		]);
	});

	it('groups order lines by order number and sums the lines when no total is given', () => {
		const header = ['주문번호', '고객이메일', '주문일시', '상품명', '수량', '단가'];
		const mapping = suggestMapping('orders', header);
		const rows = [
			['A-1', 'mj@example.com', '2026-03-01 10:00', '아메리카노', '2', '4,500'],
			['A-1', 'mj@example.com', '2026-03-01 10:00', '베이글', '1', '3500'],
			['', 'x@example.com', '2026-03-01', '라떼', '1', '5000'],
		];
		const result = rowsToEvents('orders', header, rows, mapping, { fileKey: 'f2', timeZone: 'Asia/Seoul' });
		expect(result.events).toHaveLength(1);
		expect(result.events[0]).toEqual({
			rows: [1, 2],
			event: {
				type: 'order.placed',
				idempotency_key: 'import:f2:order:A-1',
				data: {
					external_id: 'A-1',
					customer: { email: 'mj@example.com' },
					ordered_at: '2026-03-01T01:00:00.000Z',
					total: 12_500,
					status: 'paid',
					lines: [
						{ quantity: 2, product_name: '아메리카노', unit_price: 4500 },
						{ quantity: 1, product_name: '베이글', unit_price: 3500 },
					],
				},
			},
		});
		expect(result.issues).toEqual([
			{ row: 3, field: 'order_external_id', message: 'every row needs the order number (one row per order line)' },
		]);
	});
});
