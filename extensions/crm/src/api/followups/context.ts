// Builds the dispatcher's dependencies from a Directus extension context (hook or endpoint): e-mail through
// Directus's MailService (the project's EMAIL_TRANSPORT), SMS/KakaoTalk through the webhook adapters configured in
// env, the signed links, one template cache per process and the data-cache purge.
import type { Knex } from 'knex';
import { TemplateCache } from '../../domain/templates';
import { cachePurger } from '../cache';
import type { DispatchDeps } from './dispatcher';
import { messageLinks } from './links';
import { adaptersFromEnv, mailAdapter } from './providers';
import { awardCaps } from '../../domain/loyalty';

type MailServiceClass = new (options: { schema: unknown; knex: Knex; accountability: null }) => {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- loose row shape, kept from before the linter
	send(data: Record<string, unknown>): Promise<any>;
};

export interface DirectusContext {
	database: Knex;
	services: unknown;
	getSchema: () => Promise<unknown>;
	env: Record<string, unknown>;
	logger: { error: (error: unknown, message: string) => void };
}

const templates = new TemplateCache();

export function dispatchDeps(context: DirectusContext): DispatchDeps {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- loose row shape, kept from before the linter
	let mailer: Promise<{ send(data: Record<string, unknown>): Promise<any> }> | null = null;
	const mail = mailAdapter(
		() => {
			// A failed schema read (database down) is not kept: the next send tries again rather than failing until a restart.
			mailer ??= context.getSchema().then(
				(schema) =>
					new (context.services as { MailService: MailServiceClass }).MailService({
						schema,
						knex: context.database,
						accountability: null,
					}),
				(error) => {
					mailer = null;
					throw error;
				},
			);
			return mailer;
		},
		typeof context.env.EMAIL_FROM === 'string' ? context.env.EMAIL_FROM : undefined,
	);
	return {
		knex: context.database,
		adapters: adaptersFromEnv(context.env, mail),
		links: messageLinks(context.env),
		caps: awardCaps(context.env),
		cache: templates,
		purgeCache: cachePurger(context.services, context.getSchema, context.env),
		log: { error: (error, message) => context.logger.error(error, message) },
	};
}

/** The lease after which a row stuck in 'sending' is recovered (CRM_OUTBOX_LEASE_SECONDS, default 600). */
export function leaseMs(env: Record<string, unknown>): number {
	const seconds = Number(env.CRM_OUTBOX_LEASE_SECONDS ?? 600);
	return (Number.isFinite(seconds) && seconds > 0 ? seconds : 600) * 1000;
}

/**
 * The clock. Only when CRM_TEST_CLOCK=1 may a request choose "now" (tests of quiet hours, birthdays, retries);
 * in production the body's `now` is refused.
 */
export function requestNow(env: Record<string, unknown>, value: unknown): Date | { error: string } {
	if (value === undefined || value === null) return new Date();
	if (String(env.CRM_TEST_CLOCK ?? '') !== '1')
		return { error: 'now: only accepted when the server runs with CRM_TEST_CLOCK=1' };
	const date = new Date(String(value));
	return Number.isNaN(date.getTime()) ? { error: 'now: not a date' } : date;
}
