// The body of a public POST: JSON (already parsed by Directus) or an HTML form (application/x-www-form-urlencoded),
// which Directus does not parse; read here with a size cap.
import type { Request } from 'express';

const MAX_FORM_BYTES = 64 * 1024;

export class BodyTooLarge extends Error {}

export async function readPublicBody(req: Request): Promise<Record<string, unknown>> {
	const type = String(req.headers['content-type'] ?? '');
	if (!/^application\/x-www-form-urlencoded\b/i.test(type))
		return req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? req.body : {};
	if (req.readableEnded) return {};
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req as AsyncIterable<Buffer>) {
		size += chunk.length;
		if (size > MAX_FORM_BYTES) throw new BodyTooLarge('form too large');
		chunks.push(chunk);
	}
	return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
}

/** Whether the caller wants JSON back (an app posting JSON) rather than a page (a browser posting the form). */
export function wantsJson(req: Request): boolean {
	const type = String(req.headers['content-type'] ?? '');
	const accept = String(req.headers.accept ?? '');
	return /json/i.test(type) && !/text\/html/i.test(accept);
}
