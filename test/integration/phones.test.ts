// Customer phones through the items API, as the admin form and the list search use it: stored in E.164 whatever the
// spelling, refused (400 naming the field) when not a number, and found by the spellings staff type.
import { createItem, readItems, updateItem } from '@directus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCrm, userWithRole, type CrmInstance } from '../harness/crm.ts';

let crm: CrmInstance;
type Customer = { id: number; full_name: string; phone: string | null };

const create = async (body: Record<string, unknown>) =>
	(await crm.client.request(createItem('crm_customers' as never, body as never))) as Customer;
const search = async (client: CrmInstance['client'], text: string, filter?: Record<string, unknown>) =>
	(
		(await client.request(
			readItems(
				'crm_customers' as never,
				{
					search: text,
					fields: ['full_name'],
					sort: ['full_name'],
					...(filter ? { filter } : {}),
				} as never,
			),
		)) as Customer[]
	).map((c) => c.full_name);
const refusal = async (promise: Promise<unknown>) => {
	try {
		await promise;
		return 'accepted';
	} catch (error) {
		const { response, errors } = error as { response?: Response; errors?: { message: string }[] };
		return `${response?.status} ${errors?.map((e) => e.message).join('; ')}`;
	}
};

beforeAll(async () => {
	crm = await bootCrm('phones');
});
afterAll(async () => {
	await crm?.stop();
});

describe('customer phones', () => {
	it('stores a number typed in any usual spelling in E.164, and an empty one as none', async () => {
		const minjun = await create({ full_name: '김민준', phone: '010-9712-4198' });
		expect(minjun.phone).toBe('+821097124198');
		const seoyeon = await create({ full_name: '이서연', phone: '+82 10 2345 6701' });
		expect(seoyeon.phone).toBe('+821023456701');
		const updated = (await crm.client.request(
			updateItem('crm_customers' as never, seoyeon.id, { phone: '(010) 2345.6702' } as never),
		)) as Customer;
		expect(updated.phone).toBe('+821023456702');
		expect((await create({ full_name: '박지호', phone: '  ' })).phone).toBeNull();
		expect((await create({ full_name: 'Jane Doe', phone: '+1 212 555 1234' })).phone).toBe('+12125551234');
	});

	it('refuses what is not a phone number with a 400 naming the field, in Korean and English', async () => {
		for (const bad of ['010-12', 'call me', '+82 99 1234 5678', 12345]) {
			const answer = await refusal(create({ full_name: '최유나', phone: bad }));
			expect(answer, String(bad)).toMatch(/^400 .*phone: .*not a valid phone number.*전화번호/);
		}
		const [row] = (await crm.client.request(
			readItems('crm_customers' as never, { filter: { full_name: { _eq: '이서연' } }, fields: ['id'] } as never),
		)) as Customer[];
		expect(
			await refusal(crm.client.request(updateItem('crm_customers' as never, row!.id, { phone: 'x' } as never))),
		).toMatch(/^400 .*phone:/);
	});

	it('finds a customer by the spellings staff type, as the list search does', async () => {
		await create({ full_name: '정하은', phone: '01023456701', email: 'haeun-0102@example.kr' });
		expect(await search(crm.client, '010-9712-4198')).toEqual(['김민준']);
		expect(await search(crm.client, '01097124198')).toEqual(['김민준']);
		expect(await search(crm.client, '+821097124198')).toEqual(['김민준']);
		expect(await search(crm.client, '9712-4198')).toEqual(['김민준']);
		expect(await search(crm.client, '01023456701')).toEqual(['정하은']);
		// Part of a number finds every customer whose number contains it; the e-mail still matches its own digits.
		expect(await search(crm.client, '010-2345')).toEqual(['이서연', '정하은']);
		expect(await search(crm.client, '0102')).toEqual(['이서연', '정하은']);
		// Other searches and the query's own filter work as before.
		expect(await search(crm.client, '김민')).toEqual(['김민준']);
		expect(await search(crm.client, '010-2345', { full_name: { _eq: '정하은' } })).toEqual(['정하은']);
	});

	it('searches the same way for a staff role', async () => {
		const sales = await userWithRole(crm.client, crm.url, 'CRM Sales', 'phones-sales');
		expect(await search(sales, '01097124198')).toEqual(['김민준']);
	});
});
