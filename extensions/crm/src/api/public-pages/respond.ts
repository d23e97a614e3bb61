// Answers of the public routes: a page for browsers, or Directus-shaped JSON for apps that post JSON.
import type { Request, Response } from 'express';
import type { Lang } from '../../domain/surveys';
import { sendHtml } from './html';
import { BodyTooLarge, wantsJson } from './form-body';
import { failurePage, type PageFailure } from './survey-page';

const CODES: Record<PageFailure, [string, string]> = {
	malformed: ['INVALID_LINK', 'The link is malformed.'],
	tampered: ['LINK_TAMPERED', "The link's signature does not match: it was changed or damaged."],
	'wrong-purpose': ['LINK_TAMPERED', 'The link is not valid for this page.'],
	expired: ['LINK_EXPIRED', 'The link has expired.'],
	gone: ['SURVEY_CLOSED', 'The survey or the customer no longer exists.'],
	rate: ['TOO_MANY_REQUESTS', 'Too many requests from this address; try again in a moment.'],
	error: ['INTERNAL_SERVER_ERROR', 'Something went wrong.'],
};

export function fail(req: Request, res: Response, failure: PageFailure, lang: Lang | null) {
	const { status, html } = failurePage(failure, lang);
	if (wantsJson(req)) {
		const [code, message] = CODES[failure];
		return res.status(status).json({ errors: [{ message, extensions: { code } }] });
	}
	sendHtml(res, status, html);
}

/** A 400 for a bad field in a JSON post (a browser gets the form back with the message instead). */
export function invalidJson(res: Response, field: string, message: string) {
	res
		.status(400)
		.json({ errors: [{ message: `${field}: ${message}`, extensions: { code: 'INVALID_PAYLOAD', field } }] });
}

/** Wraps a public route: an oversized body is a malformed link, anything unexpected is logged and a plain error page. */
export function publicGuard(logger: { error: (error: unknown, message: string) => void }, what: string) {
	return (handler: (req: Request, res: Response) => Promise<unknown>) => async (req: Request, res: Response) => {
		try {
			await handler(req, res);
		} catch (error) {
			if (error instanceof BodyTooLarge) return fail(req, res, 'malformed', null);
			logger.error(error, `crm: ${what} failed`);
			if (!res.headersSent) fail(req, res, 'error', null);
		}
	};
}
