// Segment sizes tracked daily, members uploaded to static segments, and the referrals condition, on a real Directus;
// shared by the SQLite and PostgreSQL runs (the size upsert, the upload's chunked lookups and inserts and the
// referrals SQL differ by dialect).
import { customEndpoint, readItems, updateSingleton } from '@directus/sdk';
import { beforeAll, expect, it } from 'vitest';
import { userWithRole, type CrmInstance } from '../harness/crm.ts';
import { DAY, followupHelpers, type Row } from './followups-helpers.ts';

export function segmentFeaturesSuite(crm: () => CrmInstance) {
	const h = followupHelpers(crm);
	const run = Date.now();
	const get = (path: string) => crm().client.request(customEndpoint({ path, method: 'GET' })) as Promise<Row>;
	const upload = (segment: number, body: Row) => h.call(`/crm/segments/${segment}/members/import`, body);
	const openMembers = async (segment: number) =>
		(await h.rows('crm_segment_members', { segment: { _eq: segment }, left_at: { _null: true } }))
			.map((m) => Number(m.customer))
			.sort((a, b) => a - b);
	const preview = (rule: unknown) => h.call('/crm/segments/preview', { rule });

	// One user per role for the whole suite: Directus 12's core tier limits seats.
	let sales: Awaited<ReturnType<typeof userWithRole>>;
	let marketing: Awaited<ReturnType<typeof userWithRole>>;
	beforeAll(async () => {
		// Local days in UTC keep the day arithmetic below plain.
		await crm().client.request(updateSingleton('crm_settings' as never, { timezone: 'UTC' } as never));
		sales = await userWithRole(crm().client, crm().url, 'CRM Sales', `segments-sales-${run}`);
		marketing = await userWithRole(crm().client, crm().url, 'CRM Marketing', `segments-marketing-${run}`);
	});

	it("stores every active segment's size per day from membership history, once per day, and reads it as a series", async () => {
		const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
		const day = (n: number) => new Date(today - n * DAY).toISOString().slice(0, 10);
		const at = (ms: number) => new Date(ms).toISOString();
		const a = await h.create('crm_segments', { name: `Sizes A ${run}`, kind: 'static' });
		const b = await h.create('crm_segments', {
			name: `Sizes B ${run}`,
			kind: 'dynamic',
			refresh: 'manual',
			rule: { type: 'field', field: 'company', op: 'eq', value: `none-${run}` },
		});
		const archived = await h.create('crm_segments', { name: `Sizes C ${run}`, kind: 'static', status: 'archived' });
		const c = [];
		for (let i = 0; i < 6; i++) c.push(await h.customer());
		const member = (segment: number, customer: number, entered: number, left: number | null = null) =>
			h.create('crm_segment_members', {
				segment,
				customer,
				entered_at: at(entered),
				left_at: left === null ? null : at(left),
				source: 'manual',
			});
		await member(a.id, c[0].id, today - 10 * DAY, today - 1.5 * DAY); // left during day -2
		await member(a.id, c[1].id, today - 10 * DAY); // all along
		await member(a.id, c[2].id, today - 1.25 * DAY); // entered during day -2
		await member(a.id, c[3].id, today - 0.5 * DAY); // entered during day -1 (yesterday)
		await member(a.id, c[4].id, Date.now()); // today: in no complete day
		await member(archived.id, c[0].id, today - 10 * DAY);

		const first = (await h.call('/crm/kpi/snapshots', { days: 3 })) as Row;
		expect(first.written).toEqual([day(3), day(2), day(1)]);
		const series = await get(`/crm/segments/${a.id}/sizes?from=${day(4)}&to=${day(1)}`);
		expect(series).toMatchObject({
			segment: a.id,
			kpi: 'segment_size',
			label: { ko: '세그먼트 규모', en: 'Segment size' },
			unit: 'count',
			from: day(4),
			to: day(1),
		});
		expect(series.points).toEqual([
			{ day: day(4), value: null },
			{ day: day(3), value: 2 },
			{ day: day(2), value: 2 },
			{ day: day(1), value: 3 },
		]);
		expect(
			(await get(`/crm/segments/${b.id}/sizes?from=${day(3)}&to=${day(1)}`)).points.map((p: Row) => p.value),
		).toEqual([0, 0, 0]);
		const stored = (segment: number) =>
			crm().client.request(
				readItems(
					'crm_kpi_snapshots' as never,
					{
						filter: { kpi: { _eq: 'segment_size' }, segment: { _eq: segment } },
						fields: ['snapshot_key', 'value'],
						limit: -1,
					} as never,
				),
			) as Promise<Row[]>;
		expect(await stored(archived.id)).toEqual([]);
		expect((await stored(a.id)).map((r) => r.snapshot_key).sort()).toEqual(
			[1, 2, 3].map((n) => `${day(n)}:segment_size:${a.id}`).reverse(),
		);

		// A second run the same day writes no KPI day again; yesterday's sizes are upserted: same rows, new value.
		await member(a.id, c[5].id, today - 0.25 * DAY);
		expect(((await h.call('/crm/kpi/snapshots', { days: 3 })) as Row).written).toEqual([]);
		expect(await stored(a.id)).toHaveLength(3);
		expect(
			(await get(`/crm/segments/${a.id}/sizes?from=${day(3)}&to=${day(1)}`)).points.map((p: Row) => p.value),
		).toEqual([2, 2, 4]);
	});

	it('guards the sizes endpoint: range checked, unknown segment 404, read on crm_kpi_snapshots required', async () => {
		const a = await h.create('crm_segments', { name: `Sizes guard ${run}`, kind: 'static' });
		expect(await h.failure(get(`/crm/segments/${a.id}/sizes?from=2026-02-30`))).toMatchObject({
			status: 400,
			message: expect.stringContaining('from'),
		});
		expect((await h.failure(get('/crm/segments/999999/sizes'))).status).toBe(404);
		expect(
			(await h.failure(sales.request(customEndpoint({ path: `/crm/segments/${a.id}/sizes`, method: 'GET' })))).status,
		).toBe(403);
		expect(
			((await marketing.request(customEndpoint({ path: `/crm/segments/${a.id}/sizes`, method: 'GET' }))) as Row).points,
		).toHaveLength(30);
	});

	it("uploads members to a static segment: dry run, add, replace, with history and the refresh's events", async () => {
		const segment = await h.create('crm_segments', { name: `Upload ${run}`, kind: 'static' });
		const byEmail = await h.customer({ email: `Upload.One.${run}@Example.kr` });
		const byPhone = await h.customer({ phone: `+8210${String(run).slice(-8)}` });
		const byExternal = await h.customer({ external_id: `EXT-${run}` });
		const entered = await h.rule({ trigger: 'segment_entered', action: 'tag', tag: 'uploaded', segment: segment.id });
		const left = await h.rule({ trigger: 'segment_left', action: 'tag', tag: 'dropped', segment: segment.id });

		const csv = `이름,이메일\r\n하나,upload.one.${run}@EXAMPLE.kr\r\n둘,nobody.${run}@example.kr\r\n셋,not-an-email\r\n넷,\r\n`;
		const dry = (await upload(segment.id, { csv, dry_run: true })) as Row;
		expect(dry).toMatchObject({
			dry_run: true,
			mode: 'add',
			column: '이메일',
			match: 'email',
			rows: 4,
			matched: 1,
			unmatched: 3,
			added: 1,
			removed: 0,
			members_before: 0,
			members: 1,
		});
		expect(dry.matched_rows).toEqual([{ row: 1, customer: byEmail.id }]);
		expect(dry.unmatched_rows).toEqual([
			{ row: 2, value: `nobody.${run}@example.kr`, reason: 'no customer with this email' },
			{ row: 3, value: 'not-an-email', reason: 'not a valid e-mail address' },
			{ row: 4, value: '', reason: 'empty' },
		]);
		expect(await openMembers(segment.id)).toEqual([]);

		expect(await upload(segment.id, { csv })).toMatchObject({ dry_run: false, added: 1, members: 1 });
		const [row] = await h.rows('crm_segment_members', { segment: { _eq: segment.id } });
		expect(row).toMatchObject({ customer: byEmail.id, source: 'csv', left_at: null });
		expect(row.entered_at).toBeTruthy();
		expect((await h.rows('crm_segments', { id: { _eq: segment.id } }))[0].member_count).toBe(1);
		// crm.segment.entered reaches the follow-up rule exactly as after a refresh.
		expect(await h.outboxRow(byEmail.id, entered.id)).toMatchObject({ status: expect.any(String) });
		expect(await upload(segment.id, { csv })).toMatchObject({ added: 0, members: 1 });

		// JSON rows, phones written the Korean way, and replace: the e-mail customer leaves, keeping the history row.
		const phone = `010-${String(run).slice(-8, -4)}-${String(run).slice(-4)}`;
		const replaced = (await upload(segment.id, {
			rows: [{ 휴대폰: phone }, { 휴대폰: phone }],
			mode: 'replace',
		})) as Row;
		expect(replaced).toMatchObject({
			column: '휴대폰',
			match: 'phone',
			matched: 2,
			customers: 1,
			added: 1,
			removed: 1,
			members: 1,
		});
		expect(await openMembers(segment.id)).toEqual([byPhone.id]);
		const history = await h.rows('crm_segment_members', {
			segment: { _eq: segment.id },
			customer: { _eq: byEmail.id },
		});
		expect(history).toHaveLength(1);
		expect(history[0].left_at).toBeTruthy();
		expect(await h.outboxRow(byEmail.id, left.id)).toBeTruthy();

		// A named column and key: CRM ids and external ids.
		expect(
			await upload(segment.id, { csv: `customer\n${byExternal.id}\n`, column: 'customer', match: 'id' }),
		).toMatchObject({ matched: 1, added: 1, members: 2 });
		expect(await upload(segment.id, { csv: `external_id\nEXT-${run}\n`, mode: 'replace' })).toMatchObject({
			matched: 1,
			added: 0,
			removed: 1,
			members: 1,
		});
		expect(await openMembers(segment.id)).toEqual([byExternal.id]);
		for (const rule of [entered, left]) await h.archive(rule.id);
	});

	it('refuses uploads to dynamic segments and bad input with 400 naming the field, and checks permissions', async () => {
		const dynamic = await h.create('crm_segments', {
			name: `Upload dynamic ${run}`,
			kind: 'dynamic',
			refresh: 'manual',
			rule: { type: 'orders', metric: 'count', op: 'gte', value: 1 },
		});
		const kind = await h.failure(upload(dynamic.id, { csv: 'email\na@b.co\n' }));
		expect(kind).toMatchObject({ status: 400, message: expect.stringMatching(/^kind: .*static/) });
		const segment = await h.create('crm_segments', { name: `Upload checks ${run}`, kind: 'static' });
		for (const [body, field] of [
			[{ csv: 'email\na@b.co\n', mode: 'merge' }, 'mode'],
			[{ csv: '메모\n안녕\n' }, 'column'],
			[{ rows: 'a@b.co' }, 'rows'],
			[{ csv: `email\nnobody.${run}@example.kr\n`, mode: 'replace' }, 'csv'],
		] as const) {
			expect(await h.failure(upload(segment.id, body)), field).toMatchObject({
				status: 400,
				message: expect.stringMatching(new RegExp(`^${field}: `)),
			});
		}
		expect((await h.failure(upload(999999, { csv: 'email\na@b.co\n' }))).status).toBe(404);
		const asSales = sales.request(
			customEndpoint({
				path: `/crm/segments/${segment.id}/members/import`,
				method: 'POST',
				body: JSON.stringify({ csv: 'email\na@b.co\n', dry_run: true }),
			}),
		);
		expect((await h.failure(asSales)).status).toBe(403);
		const asMarketing = (await marketing.request(
			customEndpoint({
				path: `/crm/segments/${segment.id}/members/import`,
				method: 'POST',
				body: JSON.stringify({ csv: 'email\na@b.co\n', dry_run: true }),
			}),
		)) as Row;
		expect(asMarketing).toMatchObject({ rows: 1, unmatched: 1 });
	});

	it('segments by referrals, agreeing with Directus filters on referred_by, and refreshes such a segment', async () => {
		const company = `ref-${run}`;
		const [r1, r2, lone] = [
			await h.customer({ company }),
			await h.customer({ company }),
			await h.customer({ company }),
		];
		const buyer = await h.customer({ company, referred_by: r1.id });
		await h.customer({ company, referred_by: r1.id });
		await h.customer({ company, referred_by: r2.id });
		await h.paidOrder(buyer.id);
		const ours = (rule: Row) => ({ all: [rule, { type: 'field', field: 'company', op: 'eq', value: company }] });
		const ids = async (rule: Row) =>
			((await preview(ours(rule))) as Row).sample.map((c: Row) => Number(c.id)).sort((x: number, y: number) => x - y);

		// Independently: the referrers as Directus's own filter on referred_by sees them.
		const referred = await h.rows('crm_customers', { company: { _eq: company }, referred_by: { _nnull: true } });
		const referrers = [...new Set(referred.map((c) => Number(c.referred_by)))].sort((x, y) => x - y);
		expect(await ids({ type: 'referrals', buyersOnly: false })).toEqual(referrers);
		const buyers = await h.rows('crm_customers', {
			company: { _eq: company },
			referred_by: { _nnull: true },
			order_count: { _gt: 0 },
		});
		expect(await ids({ type: 'referrals' })).toEqual([...new Set(buyers.map((c) => Number(c.referred_by)))]);
		expect(await ids({ type: 'referrals', buyersOnly: false, minCount: 2 })).toEqual([r1.id]);
		expect(await ids({ type: 'referrals', buyersOnly: false, window: { lastDays: 1 } })).toEqual([r1.id, r2.id]);
		expect(
			await ids({ type: 'referrals', buyersOnly: false, window: { from: '2020-01-01', to: '2020-12-31' } }),
		).toEqual([]);
		expect(await ids({ not: { type: 'referrals', buyersOnly: false } })).not.toContain(r1.id);
		expect(await ids({ not: { type: 'referrals', buyersOnly: false } })).toContain(lone.id);

		expect(await h.failure(preview({ type: 'referrals', minCount: 0 }))).toMatchObject({
			status: 400,
			message: expect.stringContaining('rule.minCount'),
		});
		const segment = await h.create('crm_segments', {
			name: `Referrers ${run}`,
			kind: 'dynamic',
			refresh: 'manual',
			rule: ours({ type: 'referrals', minCount: 1 }),
		});
		expect(await h.call(`/crm/segments/${segment.id}/refresh`)).toMatchObject({ members: 1, entered: 1 });
		expect(await openMembers(segment.id)).toEqual([r1.id]);

		// The first purchase of someone r2 referred takes r2 in at once, without a refresh (the order event
		// re-evaluates the buyer's referrer against the segments that count referrals).
		const [referredByR2] = await h.rows('crm_customers', { referred_by: { _eq: r2.id } });
		await h.paidOrder(referredByR2.id);
		const members = await h.eventually(async () => {
			const open = await openMembers(segment.id);
			return open.includes(r2.id) && open;
		});
		expect(members).toEqual([r1.id, r2.id]);
		const [entry] = await h.rows('crm_segment_members', { segment: { _eq: segment.id }, customer: { _eq: r2.id } });
		expect(entry).toMatchObject({ source: 'rule', left_at: null });
		expect(await h.call(`/crm/segments/${segment.id}/refresh`)).toMatchObject({ members: 2, entered: 0, left: 0 });
	});
}
