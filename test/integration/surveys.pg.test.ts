// Surveys and unsubscribe links on PostgreSQL: the shared suite, then real concurrency: the same link submitted ten
// times at once (one answer, one Support task) and the same unsubscribe link clicked ten times at once (one change).
import { readItem } from '@directus/sdk';
import { expect, it } from 'vitest';
import { unsubscribeUrl } from '../../extensions/crm/src/api/signed-links.ts';
import { surveysSuite } from './surveys-suite.ts';

surveysSuite('postgres', (h) => {
	it('stores one answer and one task when the same link is submitted ten times at once', async () => {
		const c = await h.customer('동시 응답 고객');
		const { token } = await h.link(c.id);
		const results = await Promise.all(
			Array.from({ length: 10 }, (_, i) => h.answer(token, i % 2 ? 2 : 4, `동시 ${i}`)),
		);
		expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
		expect(await h.feedbackOf(c.id)).toHaveLength(1);
		expect((await h.tasksOf(c.id)).map((t) => t.status)).toEqual(['open']);
	});

	it('withdraws consent once when the same unsubscribe link is clicked ten times at once', async () => {
		const c = await h.customer('동시 수신거부', { consent_kakao: true });
		const token = new URL(
			unsubscribeUrl(h.crm().url, c.id, 'kakao', new Date(Date.now() + 86_400_000), h.crm().env.SECRET),
		).searchParams.get('token')!;
		const results = await Promise.all(
			Array.from({ length: 10 }, () => h.send('/crm/unsubscribe', { ip: h.freshIp(), json: { token } })),
		);
		expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
		expect(results.filter((r) => JSON.parse(r.text).data.changed)).toHaveLength(1);
		expect((await h.rows('crm_history', { customer: { _eq: c.id } })).map((row) => row.reason)).toEqual([
			'unsubscribe link (kakao)',
		]);
		expect(
			(
				(await h
					.crm()
					.client.request(readItem('crm_customers' as never, c.id, { fields: ['consent_kakao'] } as never))) as {
					consent_kakao: boolean;
				}
			).consent_kakao,
		).toBe(false);
	});
});
