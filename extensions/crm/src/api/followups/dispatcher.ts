// The dispatcher: recovers rows stuck past their lease, claims due rows atomically and carries each out.
// Runs every minute (one replica per tick with Redis synchronisation) and on POST /crm/followups/dispatch; two
// dispatchers running at once never take the same row (see data/outbox/claim.ts).
import { hostname } from 'node:os';
import type { FollowupSettings } from '../../data/followups/rules-repo';
import { followupSettings, rulesById } from '../../data/followups/rules-repo';
import { claimDue, recoverStuck, type OutboxRow } from '../../data/outbox/claim';
import { markFailure, markSent } from '../../data/outbox/complete';
import { htmlToText } from '../../domain/templates';
import { executeRow, type ExecuteDeps, type Outcome } from './execute';

export interface DispatchDeps extends ExecuteDeps {
	purgeCache: () => Promise<void>;
	log: { error: (error: unknown, message: string) => void };
}

export interface DispatchOptions {
	now: Date;
	/** Rows per claim. */
	batch?: number;
	/** Stop claiming new batches after this long (the schedule leaves room before the next tick). */
	budgetMs?: number;
	/** A row in 'sending' longer than this belongs to a dead process (default 10 min, far above any send timeout). */
	leaseMs?: number;
	worker?: string;
}

export type DispatchSummary = Record<Outcome, number> & {
	claimed: number;
	recovered: { requeued: number; unknown: number; completed: number };
};

export const DEFAULT_LEASE_MS = 10 * 60_000;
export const WORKER_ID = `${hostname()}:${process.pid}`;
/** Actions that are safe to redo after an interrupted attempt: their effects are keyed by the outbox row. */
const IDEMPOTENT_ACTIONS = ['task', 'points', 'tag'];

export async function dispatchDue(deps: DispatchDeps, options: DispatchOptions): Promise<DispatchSummary> {
	const { knex } = deps;
	const started = Date.now();
	const summary: DispatchSummary = {
		claimed: 0,
		sent: 0,
		retry: 0,
		failed: 0,
		cancelled: 0,
		deferred: 0,
		lost: 0,
		recovered: { requeued: 0, unknown: 0, completed: 0 },
	};
	const idempotentChannels = [
		...Object.values(deps.adapters)
			.filter((adapter) => adapter.idempotent)
			.map((adapter) => adapter.channel),
		...IDEMPOTENT_ACTIONS,
	];
	const recovery = await recoverStuck(knex, {
		now: options.now,
		leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
		idempotentChannels,
	});
	for (const row of recovery.completed) await finishAccepted(deps, row, options.now);
	summary.recovered = {
		requeued: recovery.requeued.length,
		unknown: recovery.unknown.length,
		completed: recovery.completed.length,
	};

	let settings: FollowupSettings | null = null;
	const budget = options.budgetMs ?? 0;
	do {
		const rows = await claimDue(knex, {
			now: options.now,
			limit: options.batch ?? 50,
			worker: options.worker ?? WORKER_ID,
		});
		if (!rows.length) break;
		summary.claimed += rows.length;
		settings ??= await followupSettings(knex);
		const rules = await rulesById(knex, [...new Set(rows.map((row) => Number(row.rule)).filter(Number.isFinite))]);
		for (const row of rows) {
			try {
				summary[await executeRow(deps, row, { rules, settings, now: options.now })]++;
			} catch (error) {
				deps.log.error(error, `crm: follow-up outbox row ${row.id} failed unexpectedly`);
				const outcome = await markFailure(knex, row, (error as Error).message ?? String(error), {
					now: options.now,
					permanent: false,
					attempts: Number(row.attempts ?? 0) + 1,
				}).catch(() => null);
				summary[outcome?.status === 'failed' ? 'failed' : 'retry']++;
			}
		}
	} while (budget > 0 && Date.now() - started < budget);
	if (summary.claimed || recovery.completed.length || recovery.requeued.length)
		await deps.purgeCache().catch((error) => deps.log.error(error, 'crm: cache purge failed'));
	return summary;
}

/** A row whose provider id was recorded before its process died: the provider has it, so only the books remain. */
async function finishAccepted(deps: DispatchDeps, row: OutboxRow, now: Date) {
	const message = ['email', 'sms', 'kakao'].includes(row.channel);
	const body = typeof row.body === 'string' ? (row.channel === 'email' ? htmlToText(row.body) : row.body) : null;
	await markSent(deps.knex, row, {
		providerId: row.provider_id,
		now,
		timeline: message
			? {
					channel: row.channel,
					type: 'message',
					status: 'done',
					direction: 'outbound',
					subject: row.subject ?? null,
					body,
				}
			: null,
	});
}
