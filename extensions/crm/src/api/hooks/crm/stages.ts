// Relationship stages glue.
// - After an order, survey answer, interaction (when the rules read them) or customer change, the customers it concerns
//   and their referrers (when the rules count referrals) are re-evaluated, one query per rule at most. These are
//   action hooks: they run after the commit and are not awaited, so a crash in between loses the evaluation; the
//   nightly set-wise run (03:20) is the safety net that catches it (and order deletions whose hook was lost).
// - A stage set by hand (create or update) locks it and writes the 'manual' history row with the staff user, in the
//   write's own transaction (filter hook). Clearing stage_locked lets the rules apply again at once.
// - stage_rules are checked when saved (400 naming the path) and applied to every customer right after.
import { InvalidPayloadError } from '@directus/errors';
import type { EventContext, RegisterFunctions } from '@directus/types';
import {
	countsReferrals,
	customerFieldsRead,
	FALLBACK_STAGE,
	isStage,
	parseStageRules,
	settingPath,
	stageTablesRead,
	STAGES,
	type StageTrigger,
} from '../../../domain/stages';
import { reevaluateStage } from '../../../data/stages/evaluate-customer';
import { runStageRefresh } from '../../../data/stages/refresh-stages';
import { insertStageHistory, isTrue, recordManualStage, type StageChange } from '../../../data/stages/stage-history';
import { loadStageContext, type StageContext } from '../../../data/stages/stage-rules-repo';
import {
	anyOrderExists,
	anyStageLocked,
	customersOfOrders,
	customerStage,
	linkedRows,
} from '../../../data/stages/hook-reads';
import type { CrmContext } from '../../context';
import { referrersOf } from '../../../data/referrers';
import { forEachIsolated } from '../../../domain/shared/isolate';

type Meta = Record<string, unknown>;
type Context = EventContext;
/** The customers an event concerns (with their referrers when already read), or 'unseen' while the write is not visible yet. */
type Found = number[] | { customers: number[]; referrers: number[] };
type Finder = (meta: Meta, context: StageContext, hook: Context) => Promise<Found | 'unseen'>;

const RETRIES = 3;
const keysOf = (meta: Meta) =>
	((meta.keys ?? [meta.key]) as unknown[]).filter((key) => key != null) as (string | number)[];
const customerIds = (rows: { customer: unknown }[]) => [
	...new Set(rows.map((row) => Number(row.customer)).filter(Number.isFinite)),
];

function checkStage(value: unknown) {
	if (!isStage(value))
		throw new InvalidPayloadError({
			reason: `stage: unknown stage ${JSON.stringify(value)} (expected one of ${STAGES.join(', ')})`,
		});
}

function checkRules(payload: unknown) {
	if (!('stage_rules' in (payload as Meta))) return payload;
	const parsed = parseStageRules((payload as Meta).stage_rules);
	if ('issues' in parsed) {
		throw new InvalidPayloadError({
			reason: parsed.issues
				.map(
					(issue) =>
						`${settingPath(issue.path)}: ${issue.message}${issue.expected ? ` (expected ${issue.expected})` : ''}`,
				)
				.join('; '),
		});
	}
	return payload;
}

export function register({ filter, action, schedule }: RegisterFunctions, ctx: CrmContext) {
	const { database, logger, emitter, purgeCache } = ctx;
	const publish = async (changes: StageChange[]) => {
		if (!changes.length) return;
		for (const change of changes) emitter.emitAction('crm.stage.changed', { ...change }, null);
		await purgeCache().catch((error) => logger.error(error, 'crm: cache purge failed'));
	};

	const evaluate = async (found: Found, context: StageContext, trigger: StageTrigger = 'rule') => {
		const customers = Array.isArray(found) ? found : found.customers;
		const ids = new Set(customers);
		if (!Array.isArray(found)) for (const referrer of found.referrers) ids.add(referrer);
		else if (countsReferrals(context.rules))
			for (const referrer of await referrersOf(database, customers)) ids.add(referrer);
		const changes: StageChange[] = [];
		// One customer whose evaluation fails never stops the others (logged by id, without the SQL).
		await forEachIsolated(
			ids,
			async (id) => {
				const change = await reevaluateStage(database, id, { ...context, now: new Date(), trigger });
				if (change) changes.push(change);
			},
			(id, reason) => logger.warn(`crm: stage evaluation of customer ${id} failed: ${reason}`),
		);
		await publish(changes);
	};

	// After-save hooks can fire before an outer transaction commits (Directus does this when a service is given one,
	// as the events API does): while the write is not visible yet, retry shortly; the nightly run remains the guarantee.
	const after = (find: Finder) => (meta: Meta, hook: Context) => {
		const run = async (attempt: number): Promise<void> => {
			try {
				const context = await loadStageContext(database);
				const found = await find(meta, context, hook);
				if (found !== 'unseen') return await evaluate(found, context);
				if (attempt < RETRIES) setTimeout(() => void run(attempt + 1), 500 * 3 ** attempt);
			} catch (error) {
				logger.error(error, 'crm: stage evaluation failed; the nightly run will catch up');
			}
		};
		void run(0);
	};

	/** Rows of a customer-linked collection, 'unseen' until all are visible (and, for orders, in their new status). */
	const linked =
		(collection: string, gate?: string): Finder =>
		async (meta, context) => {
			if (gate && !stageTablesRead(context.rules).has(gate)) return [];
			const keys = keysOf(meta);
			// The referrers (when the rules count referrals) come with the same read: one statement fewer per event.
			const referrals = countsReferrals(context.rules);
			const rows = await linkedRows(database, collection, keys, referrals);
			const payload = (meta.payload ?? {}) as Meta;
			if (
				rows.length < keys.length ||
				('status' in payload && collection === 'crm_orders' && rows.some((row) => row.status !== payload.status))
			)
				return 'unseen';
			if (!referrals) return customerIds(rows);
			return {
				customers: customerIds(rows),
				referrers: [...new Set(rows.filter((row) => row.referred_by != null).map((row) => Number(row.referred_by)))],
			};
		};
	for (const [collection, gate] of [['crm_orders'], ['crm_feedback'], ['crm_interactions', 'crm_interactions']] as [
		string,
		string?,
	][]) {
		action(`${collection}.items.create`, after(linked(collection, gate)));
		action(`${collection}.items.update`, after(linked(collection, gate)));
	}

	// A deleted order's customer can only be read before the delete: keep it for the action (bounded, best effort).
	const deleted = new Map<string, number[]>();
	filter('crm_orders.items.delete', async (keys, _meta, hook) => {
		if (deleted.size > 1000) deleted.clear();
		deleted.set(
			JSON.stringify((keys as unknown[]).map(String)),
			customerIds(await customersOfOrders(hook.database, keys as (string | number)[])),
		);
		return keys;
	});
	action(
		'crm_orders.items.delete',
		after(async (meta) => {
			const key = JSON.stringify(keysOf(meta).map(String));
			if (await anyOrderExists(database, keysOf(meta))) return 'unseen';
			const customers = deleted.get(key) ?? [];
			deleted.delete(key);
			return customers;
		}),
	);

	filter('crm_customers.items.create', (payload) => {
		const row = payload as Meta;
		if (row.stage == null || row.stage === FALLBACK_STAGE) return payload;
		checkStage(row.stage);
		return { ...row, stage_locked: true };
	});
	action(
		'crm_customers.items.create',
		after(async (meta, _context, hook) => {
			const row = await customerStage(database, Number(meta.key));
			if (!row) return 'unseen';
			const given = (meta.payload as Meta)?.stage;
			if (given != null && given !== FALLBACK_STAGE)
				await insertStageHistory(
					database,
					[
						{
							customer: Number(row.id),
							from: null,
							to: String(given),
							reason: 'manual',
							staff: hook.accountability?.user ?? null,
						},
					],
					new Date(),
				);
			return [Number(row.id)];
		}),
	);

	filter('crm_customers.items.update', async (payload, meta, hook) => {
		const row = payload as Meta;
		if (!('stage' in row)) return payload;
		checkStage(row.stage);
		const changes = await recordManualStage(hook.database, keysOf(meta), String(row.stage), {
			staff: hook.accountability?.user ?? null,
			now: new Date(),
		});
		// Setting the stage by hand always locks it (even if the same request tried to clear the lock).
		return changes.length ? { ...row, stage_locked: true } : payload;
	});
	action(
		'crm_customers.items.update',
		after(async (meta, context) => {
			const payload = (meta.payload ?? {}) as Meta;
			const unlocked = 'stage_locked' in payload && !isTrue(payload.stage_locked);
			if (
				!unlocked &&
				!('referred_by' in payload) &&
				![...customerFieldsRead(context.rules)].some((field) => field in payload)
			)
				return [];
			const keys = keysOf(meta);
			if (unlocked && (await anyStageLocked(database, keys))) return 'unseen';
			return keys.map(Number);
		}),
	);

	filter('crm_settings.items.create', checkRules);
	filter('crm_settings.items.update', checkRules);
	const applyNewRules = (meta: Meta) => {
		if (!('stage_rules' in ((meta.payload ?? {}) as Meta))) return;
		runStageRefresh(database, 'rules changed')
			.then((result) => publish(result.changes))
			.catch((error) => logger.error(error, 'crm: applying new stage rules failed'));
	};
	action('crm_settings.items.create', applyNewRules);
	action('crm_settings.items.update', applyNewRules);

	// Nightly, every customer set-wise; with SYNCHRONIZATION_STORE=redis only one replica runs each tick.
	schedule('20 3 * * *', async () => {
		try {
			const result = await runStageRefresh(database, 'nightly');
			await publish(result.changes);
			logger.info(`crm: nightly stages: ${result.changes.length} changes among ${result.evaluated} customers`);
		} catch (error) {
			logger.error(error, 'crm: nightly stage run failed');
		}
	});
}
