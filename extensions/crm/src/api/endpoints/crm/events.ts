// POST /crm/events: order, customer and interaction events from shops, POS and apps, with idempotency keys.
// One event `{ type, idempotency_key, data }` or a batch `{ events: [...] }` (1-1000); see docs/openapi/crm-events.yaml.
import type { Accountability, SchemaOverview } from '@directus/types';
import type { Router } from 'express';
import type { Knex } from 'knex';
import { parseRequest, validateEvent } from '../../../domain/events/validate-event';
import type { EventOutcome } from '../../../domain/events/types';
import { EventPermissions } from '../../events/permissions';
import { processEvent, type Processed } from '../../events/process';
import { itemsWriters, type ItemsServiceClass } from '../../events/writers';
import { invalid } from '../../access';

type Request = { accountability?: Accountability | null; schema?: SchemaOverview; body?: unknown };
type Reply = { status(code: number): { json(body: unknown): void } };

const directusErrors = (outcome: EventOutcome) =>
	(outcome.errors ?? []).map((error) => ({
		message: `${error.path}: ${error.message}`,
		extensions: { code: error.code, field: error.path },
	}));

function error(res: Reply, status: number, code: string, message: string) {
	res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

export function eventRoutes(router: Router, database: Knex, services: { ItemsService: unknown }) {
	router.post('/events', async (req, res, next) => {
		try {
			const { accountability, schema, body } = req as Request;
			if (!accountability || (!accountability.user && !accountability.admin)) {
				return error(
					res,
					401,
					'INVALID_CREDENTIALS',
					'Authentication required: send a static token of a user with the "CRM Events API" role (Authorization: Bearer <token>).',
				);
			}
			const parsed = parseRequest(body);
			if (!parsed.ok) {
				if (parsed.status === 413)
					return error(res, 413, 'REQUEST_TOO_LARGE', `${parsed.issues[0].path}: ${parsed.issues[0].message}`);
				return invalid(res, parsed.issues);
			}
			const permissions = new EventPermissions(database, accountability);
			if (!(await permissions.canSendAny()))
				return error(
					res,
					403,
					'FORBIDDEN',
					'You don\'t have permission to send CRM events (the "CRM Events API" role has what is needed).',
				);

			const now = new Date();
			const context = {
				database,
				now,
				writers: itemsWriters(services.ItemsService as ItemsServiceClass, schema as SchemaOverview, accountability),
			};
			const results: Processed[] = [];
			for (const { path, value } of parsed.events) {
				const check = validateEvent(value, path, { now });
				if (!check.ok) {
					const errors = check.issues.map((issue) => ({ ...issue, code: 'INVALID_PAYLOAD' }));
					results.push({
						httpStatus: 400,
						outcome: { idempotency_key: check.idempotency_key, type: check.type, status: 'rejected', errors },
					});
					continue;
				}
				const missing = await permissions.missing(check.event);
				if (missing) {
					const message = `You don't have permission to ${missing[1]} "${missing[0]}".`;
					results.push({
						httpStatus: 403,
						outcome: {
							idempotency_key: check.event.idempotency_key,
							type: check.event.type,
							status: 'rejected',
							errors: [{ path: path ? `${path}.type` : 'type', message, code: 'FORBIDDEN' }],
						},
					});
					continue;
				}
				results.push(await processEvent(context, check.event, path));
			}
			if (parsed.batch) return res.status(200).json({ data: results.map((r) => r.outcome) });
			const [only] = results;
			const failed = only.outcome.status === 'rejected';
			res
				.status(only.httpStatus)
				.json({ data: [only.outcome], ...(failed ? { errors: directusErrors(only.outcome) } : {}) });
		} catch (err) {
			next(err);
		}
	});
}
