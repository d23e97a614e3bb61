// One way for /crm handlers to answer: an async handler whose thrown errors reach Directus's error handler (which
// renders them as { errors: [{ message, extensions: { code, field } }] }), and the CRM's own error kinds built with
// @directus/errors so they carry their HTTP status.
import { createError } from '@directus/errors';
import type { Accountability } from '@directus/types';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** The field a request got wrong and why, in English and Korean (the admin shows the message as it is). */
export interface FieldExtensions {
	field: string;
	reason: string;
}

const named = (e: FieldExtensions) => `${e.field}: ${e.reason}`;
export const InvalidFieldError = createError<FieldExtensions>('INVALID_PAYLOAD', named, 400);
export const NotFoundError = createError<FieldExtensions>('NOT_FOUND', named, 404);
export const ConflictError = createError<FieldExtensions>('CONFLICT', named, 409);

export type CrmRequest = Request & { accountability?: Accountability | null };

export const asyncHandler =
	(handler: (req: CrmRequest, res: Response) => Promise<unknown>): RequestHandler =>
	(req: Request, res: Response, next: NextFunction) => {
		handler(req as CrmRequest, res).catch(next);
	};
