// CSV import on a real Directus: the dry run reports by row and field and writes nothing; the import goes through the
// events API (same validation and duplicate matching), and importing the same file again changes nothing.
import { createItem, customEndpoint, readItems } from '@directus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCrm, type CrmInstance } from '../harness/crm.ts';
import { testDatabase } from '../harness/database.ts';

let crm: CrmInstance;
beforeAll(async () => {
	crm = await bootCrm('csv-import', { db: testDatabase() });
	await crm.client.request(
		createItem('crm_customers' as never, { full_name: '기존 고객', email: 'existing@example.com' } as never),
	);
});
afterAll(async () => {
	await crm?.stop();
});

type Row = Record<string, any>;
const post = <T = Row>(path: string, body: unknown) =>
	crm.client.request(customEndpoint({ path, method: 'POST', body: JSON.stringify(body) })) as Promise<T>;
const customers = async () =>
	(await crm.client.request(readItems('crm_customers' as never, { limit: -1, sort: ['id'] } as never))) as Row[];

const CUSTOMERS_CSV = [
	'이름,이메일,휴대폰,문자수신동의',
	'김민준,minjun@example.com,010-1234-5678,예',
	'박서연,seoyeon@example.com,010-9876-5432,아니오',
	'기존 고객 (수정),EXISTING@example.com,,',
	'이도윤,doyun@example.com,12345,',
	'김민준 중복,minjun@example.com,,',
].join('\r\n');

describe('CSV import', () => {
	it('previews customers: suggested mapping, creates vs updates, and every bad row named by row and field, writing nothing', async () => {
		const before = (await customers()).length;
		const preview = await post('/crm/import/preview', { kind: 'customers', csv: CUSTOMERS_CSV });
		expect(preview.mapping).toEqual({
			이름: 'full_name',
			이메일: 'email',
			휴대폰: 'phone',
			문자수신동의: 'consent_sms',
		});
		expect(preview).toMatchObject({ rows: 5, valid_rows: 3, invalid_rows: 2, creates: 2, updates: 1 });
		expect(preview.issues).toEqual([
			{ row: 4, field: 'phone', message: expect.any(String) },
			{ row: 5, field: 'email', message: 'duplicate of row 1 in this file' },
		]);
		expect((await customers()).length).toBe(before);
	});

	it('rejects a broken file or mapping with a 400 naming it', async () => {
		const broken = await post('/crm/import/preview', { kind: 'customers', csv: 'a,b\n"open' }).catch((e) => e);
		expect(broken.response.status).toBe(400);
		expect(broken.errors[0].extensions.field).toBe('csv');
		const mapping = await post('/crm/import/preview', {
			kind: 'customers',
			csv: CUSTOMERS_CSV,
			mapping: { 이름: 'shoe_size' },
		}).catch((e) => e);
		expect(mapping.errors[0].extensions.field).toBe('mapping.이름');
	});

	it('imports through the events API, and importing the same file again creates nothing', async () => {
		const preview = await post('/crm/import/preview', { kind: 'customers', csv: CUSTOMERS_CSV });
		const first = await post<Row[]>('/crm/events', { events: preview.events });
		expect(first.map((r) => r.status)).toEqual(['processed', 'processed', 'processed']);
		const all = await customers();
		expect(all.find((c) => c.email === 'minjun@example.com')).toMatchObject({
			full_name: '김민준',
			phone: '+821012345678',
			consent_sms: true,
		});
		expect(all.find((c) => c.email === 'existing@example.com')).toMatchObject({ full_name: '기존 고객 (수정)' });
		const again = await post<Row[]>('/crm/events', {
			events: (await post('/crm/import/preview', { kind: 'customers', csv: CUSTOMERS_CSV })).events,
		});
		expect(again.map((r) => r.status)).toEqual(['replayed', 'replayed', 'replayed']);
		expect((await customers()).length).toBe(all.length);
	});

	it('imports orders one row per line, refusing orders of unknown customers', async () => {
		const csv = [
			'주문번호,고객이메일,주문일시,상품명,카테고리,수량,단가',
			'A-100,minjun@example.com,2026-03-01 10:00,아메리카노,커피,2,"4,500"',
			'A-100,minjun@example.com,2026-03-01 10:00,베이글,베이커리,1,3500',
			'A-101,nobody@example.com,2026-03-02,라떼,커피,1,5000',
		].join('\n');
		const preview = await post('/crm/import/preview', { kind: 'orders', csv });
		expect(preview).toMatchObject({ rows: 3, orders: 1, valid_rows: 2 });
		expect(preview.issues).toEqual([
			{ row: 3, field: 'customer_email', message: 'no such customer: import customers first' },
		]);
		const result = await post<Row[]>('/crm/events', { events: preview.events });
		expect(result[0].status).toBe('processed');
		const [order] = (await crm.client.request(
			readItems(
				'crm_orders' as never,
				{
					filter: { external_id: { _eq: 'A-100' } },
					fields: ['total', 'status', 'ordered_at', 'lines.product_name', 'lines.line_total'],
				} as never,
			),
		)) as Row[];
		expect(order).toMatchObject({ total: expect.anything(), status: 'paid' });
		expect(Number(order.total)).toBe(12_500);
		expect(new Date(order.ordered_at).toISOString()).toBe('2026-03-01T01:00:00.000Z');
		expect(order.lines.map((line: Row) => [line.product_name, Number(line.line_total)])).toEqual([
			['아메리카노', 9000],
			['베이글', 3500],
		]);
	});
});
