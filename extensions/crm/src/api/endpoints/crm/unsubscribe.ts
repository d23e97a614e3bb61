// One-click unsubscribe by signed link (public, rate limited per IP): GET /crm/unsubscribe?token=… shows a confirm
// page (a GET never changes anything, so mail scanners that open links do not unsubscribe anyone); POST (the form,
// or JSON { token }) withdraws the channel's consent with its timestamp and one history row. Idempotent.
// The links come from `unsubscribeUrl()` in api/signed-links.ts.
import type { Request, Response, Router } from 'express';
import type { Knex } from 'knex';
import { customerLanguage } from '../../../data/surveys';
import { withdrawConsent } from '../../../data/consent';
import { publicRateLimit } from '../../rate-limit';
import { verifyToken } from '../../signed-links';
import { readPublicBody, wantsJson } from '../../public-pages/form-body';
import { sendHtml } from '../../public-pages/html';
import { fail, publicGuard } from '../../public-pages/respond';
import { unsubscribeConfirmPage, unsubscribedPage } from '../../public-pages/unsubscribe-page';
import type { PublicRouteContext } from './surveys';

async function check(database: Knex, token: unknown, now: Date) {
	const verdict = verifyToken(token, 'unsubscribe', now);
	if (!verdict.ok) {
		const lang = verdict.link ? await customerLanguage(database, verdict.link.customer) : null;
		return { ok: false as const, send: (req: Request, res: Response) => fail(req, res, verdict.reason, lang) };
	}
	const lang = await customerLanguage(database, verdict.link.customer);
	if (!lang) return { ok: false as const, send: (req: Request, res: Response) => fail(req, res, 'gone', null) };
	return { ok: true as const, link: verdict.link, lang };
}

// Consent is written with SQL, so Directus's data cache (when auto-purged) is purged after a change (purgeCache).
export function unsubscribeRoutes(router: Router, { database, env, logger, purgeCache }: PublicRouteContext) {
	const limit = publicRateLimit(env, (req, res) => fail(req, res, 'rate', null));
	const guard = publicGuard(logger, 'unsubscribe');

	router.get(
		'/unsubscribe',
		limit,
		guard(async (req, res) => {
			const checked = await check(database, req.query.token, new Date());
			if (!checked.ok) return checked.send(req, res);
			sendHtml(res, 200, unsubscribeConfirmPage(checked.lang, String(req.query.token), checked.link.channel));
		}),
	);

	router.post(
		'/unsubscribe',
		limit,
		guard(async (req, res) => {
			const body = await readPublicBody(req);
			// RFC 8058 one-click (List-Unsubscribe-Post) sends the token in the URL and "List-Unsubscribe=One-Click" as the body.
			const token = body.token ?? req.query.token;
			const now = new Date();
			const checked = await check(database, token, now);
			if (!checked.ok) return checked.send(req, res);
			const result = await withdrawConsent(database, checked.link.customer, checked.link.channel, now);
			if (result === 'no-customer') return fail(req, res, 'gone', null);
			if (result === 'withdrawn') await purgeCache().catch(() => undefined);
			if (wantsJson(req))
				return res.status(200).json({
					data: { customer: checked.link.customer, channel: checked.link.channel, changed: result === 'withdrawn' },
				});
			sendHtml(res, 200, unsubscribedPage(checked.lang, checked.link.channel));
		}),
	);
}
