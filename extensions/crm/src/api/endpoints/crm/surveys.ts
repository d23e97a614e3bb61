// Surveys by signed link. Staff: POST /crm/surveys/links (needs create on crm_feedback) → { url, expires_at }.
// Public, no login, rate limited per IP: GET /crm/surveys/answer?token=… (the answer page, the earlier answer
// preselected) and POST /crm/surveys/answer (form or JSON: token, score, comment) → thank-you page.
import type { Accountability, SchemaOverview } from '@directus/types';
import type { Request, Response, Router } from 'express';
import type { Knex } from 'knex';
import { isLinkableSurveyKey, type SurveyLink } from '../../../domain/signed-links';
import { parseComment, parseScore, surveySourceKey } from '../../../domain/surveys';
import {
	customerLanguage,
	orderOfCustomer,
	storedAnswer,
	surveyCustomer,
	surveySettings,
	surveyTemplate,
	type SurveyCustomer,
	type SurveySettings,
	type SurveyTemplate,
} from '../../../data/surveys';
import { canAccess, forbidden, invalid } from '../../access';
import { publicRateLimit } from '../../rate-limit';
import { publicBase, surveyUrl, verifyToken } from '../../signed-links';
import type { PurgeCache } from '../../cache';
import { readPublicBody, wantsJson } from '../../public-pages/form-body';
import { sendHtml } from '../../public-pages/html';
import { fail, invalidJson, publicGuard } from '../../public-pages/respond';
import { introText, surveyFormPage, thanksPage, type SurveyForm } from '../../public-pages/survey-page';
import { recordAnswer, type ItemsServiceClass } from '../../surveys/record-answer';

/** What the public pages need of the CRM context (the signed-link key is configured when the context is built). */
export interface PublicRouteContext {
	database: Knex;
	purgeCache: PurgeCache;
	services: { ItemsService: unknown };
	getSchema: () => Promise<unknown>;
	env: Record<string, unknown>;
	logger: { error(error: unknown, message?: string): void };
}

type Loaded =
	| { ok: true; link: SurveyLink; customer: SurveyCustomer; template: SurveyTemplate; settings: SurveySettings }
	| { ok: false; send(req: Request, res: Response): void };

const DAY_MS = 86_400_000;
const LINK_CHANNELS = ['email', 'sms', 'kakao', 'web', 'store', 'phone', 'social', 'visit'];
const positiveInt = (value: unknown) => {
	const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
	return typeof number === 'number' && Number.isSafeInteger(number) && number > 0 ? number : null;
};

/** The link, its customer, survey and the settings, or the failure page to send. */
async function loadSurvey(database: Knex, token: unknown, now: Date): Promise<Loaded> {
	const verdict = verifyToken(token, 'survey', now);
	if (!verdict.ok) {
		// Only a genuine (expired) link says whose it is; a forged one could name anyone, so its page is bilingual.
		const lang = verdict.link ? await customerLanguage(database, verdict.link.customer) : null;
		return { ok: false, send: (req, res) => fail(req, res, verdict.reason, lang) };
	}
	const { link } = verdict;
	const settings = await surveySettings(database);
	const [customer, template] = await Promise.all([
		surveyCustomer(database, link.customer, settings.lang),
		surveyTemplate(database, link.survey),
	]);
	if (!customer || !template) return { ok: false, send: (req, res) => fail(req, res, 'gone', customer?.lang ?? null) };
	return { ok: true, link, customer, template, settings };
}

export function surveyRoutes(router: Router, { database, services, getSchema, env, logger }: PublicRouteContext) {
	const limit = publicRateLimit(env, (req, res) => fail(req, res, 'rate', null));
	const guard = publicGuard(logger, 'survey page');

	router.post('/surveys/links', async (req, res, next) => {
		try {
			const accountability = (req as Request & { accountability?: Accountability | null }).accountability;
			if (!(await canAccess(database, accountability, 'crm_feedback', 'create')))
				return forbidden(res, 'crm_feedback', 'create');
			const body = (req.body ?? {}) as Record<string, unknown>;
			const customer = positiveInt(body.customer);
			const order = body.order == null ? null : positiveInt(body.order);
			const channel =
				body.channel == null ? null : LINK_CHANNELS.includes(String(body.channel)) ? String(body.channel) : undefined;
			const issues = [
				customer ? null : { path: 'customer', message: 'must be a customer id (a positive whole number).' },
				isLinkableSurveyKey(body.survey)
					? null
					: { path: 'survey', message: 'must be a survey template key (1-64 letters, digits, "_", "." or "-").' },
				order === null && body.order != null
					? { path: 'order', message: 'must be an order id (a positive whole number).' }
					: null,
				channel === undefined ? { path: 'channel', message: `must be one of ${LINK_CHANNELS.join(', ')}.` } : null,
			].filter((issue) => issue !== null);
			if (issues.length) return invalid(res, issues);
			const settings = await surveySettings(database);
			const [found, template] = await Promise.all([
				surveyCustomer(database, customer!, settings.lang),
				surveyTemplate(database, body.survey as string),
			]);
			const missing = !found
				? ['customer', `customer ${customer} does not exist.`]
				: !template
					? ['survey', `"${body.survey}" is not an active survey template (kind survey, with a scale).`]
					: order && !(await orderOfCustomer(database, order, customer!))
						? ['order', `order ${order} is not an order of customer ${customer}.`]
						: null;
			if (missing)
				return res.status(404).json({
					errors: [{ message: `${missing[0]}: ${missing[1]}`, extensions: { code: 'NOT_FOUND', field: missing[0] } }],
				});
			const expiresAt = new Date(Date.now() + settings.linkDays * DAY_MS);
			const base = publicBase(env.PUBLIC_URL, `${req.protocol}://${req.get('host')}`);
			const url = surveyUrl(base, {
				customer: customer!,
				survey: body.survey as string,
				order,
				channel: channel ?? null,
				expiresAt,
			});
			res
				.status(201)
				.json({ data: { url, expires_at: new Date(Math.floor(expiresAt.getTime() / 1000) * 1000).toISOString() } });
		} catch (error) {
			next(error);
		}
	});

	router.get(
		'/surveys/answer',
		limit,
		guard(async (req, res) => {
			const token = req.query.token;
			const loaded = await loadSurvey(database, token, new Date());
			if (!loaded.ok) return loaded.send(req, res);
			const { link, customer, template } = loaded;
			const previous = await storedAnswer(database, surveySourceKey(customer.id, template.key, link.order));
			sendHtml(
				res,
				200,
				surveyFormPage({
					lang: customer.lang,
					token: String(token),
					scale: template.scale,
					question: template.question,
					intro: introText(template.body, customer),
					selected: previous?.score ?? null,
					comment: previous?.comment ?? null,
					answered: Boolean(previous),
				}),
			);
		}),
	);

	router.post(
		'/surveys/answer',
		limit,
		guard(async (req, res) => {
			const body = await readPublicBody(req);
			const now = new Date();
			const loaded = await loadSurvey(database, body.token, now);
			if (!loaded.ok) return loaded.send(req, res);
			const { customer, template } = loaded;
			const score = parseScore(body.score, template.scale);
			const comment = parseComment(body.comment);
			if (score === null || comment === undefined) {
				const error: SurveyForm['error'] = score === null ? 'choose_score' : 'comment_too_long';
				if (wantsJson(req))
					return invalidJson(
						res,
						score === null ? 'score' : 'comment',
						score === null
							? `must be a whole number from ${template.scale === 'nps' ? '0 to 10' : '1 to 5'}.`
							: 'must be text of at most 2,000 characters.',
					);
				return sendHtml(
					res,
					400,
					surveyFormPage({
						lang: customer.lang,
						token: String(body.token),
						scale: template.scale,
						question: template.question,
						intro: introText(template.body, customer),
						selected: score,
						comment: typeof body.comment === 'string' ? body.comment.slice(0, 2000) : null,
						answered: false,
						error,
					}),
				);
			}
			const schema = (await getSchema()) as SchemaOverview;
			const recorded = await recordAnswer(database, services.ItemsService as ItemsServiceClass, schema, {
				...loaded,
				score,
				comment,
				now,
			});
			if (wantsJson(req))
				return res.status(recorded.updated ? 200 : 201).json({ data: { ...recorded, score, comment } });
			sendHtml(res, 200, thanksPage(customer.lang, score, template.scale));
		}),
	);
}
