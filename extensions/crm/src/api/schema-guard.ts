// Between installing the extension and applying the CRM schema there are no crm_ tables: the scheduled jobs would
// fail every minute with "no such table". Every schedule asks this guard first; while the schema is missing the job
// is skipped and the extension says once, in Korean and English, what to do. GET /crm/health answers `schema-missing`.
import type { RegisterFunctions, ScheduleHandler, SchemaOverview } from '@directus/types';
import type { CrmContext } from './context';

/** The collection whose presence means "the CRM schema has been applied" (it also carries the schema version). */
export const SCHEMA_MARKER = 'crm_settings';

export const SCHEMA_MISSING_MESSAGE = {
	en:
		'crm: the CRM schema is not applied yet, so the scheduled CRM jobs wait. Run `npm run crm:install -- --url <this Directus>` ' +
		'from the CRM repository (admin token in DIRECTUS_TOKEN); GET /crm/health answers status schema-missing until then.',
	ko:
		'crm: CRM 스키마가 아직 적용되지 않아 예약 작업을 쉬고 있습니다. CRM 저장소에서 `npm run crm:install -- --url <이 Directus 주소>` 를 ' +
		'실행하세요 (관리자 토큰은 DIRECTUS_TOKEN 환경 변수). 그 전까지 GET /crm/health 는 schema-missing 을 답합니다.',
} as const;

export const SCHEMA_FOUND_MESSAGE = {
	en: 'crm: the CRM schema is applied; the scheduled CRM jobs run.',
	ko: 'crm: CRM 스키마가 적용되어 예약 작업을 시작합니다.',
} as const;

export function schemaApplied(schema: {
	collections: SchemaOverview['collections'] | Record<string, unknown>;
}): boolean {
	return Object.hasOwn(schema.collections, SCHEMA_MARKER);
}

export interface SchemaGuard {
	/** True once the CRM schema is applied; logs the missing schema once (and once more when it appears). */
	ready(): Promise<boolean>;
}

export function schemaGuard(ctx: Pick<CrmContext, 'getSchema' | 'logger'>): SchemaGuard {
	let announcedMissing = false;
	return {
		async ready() {
			const applied = schemaApplied(await ctx.getSchema());
			if (!applied && !announcedMissing) {
				announcedMissing = true;
				ctx.logger.warn(`${SCHEMA_MISSING_MESSAGE.en} / ${SCHEMA_MISSING_MESSAGE.ko}`);
			} else if (applied && announcedMissing) {
				announcedMissing = false;
				ctx.logger.info(`${SCHEMA_FOUND_MESSAGE.en} / ${SCHEMA_FOUND_MESSAGE.ko}`);
			}
			return applied;
		},
	};
}

/** `schedule` that skips a tick while the CRM schema is missing. */
export function guardedSchedule(schedule: RegisterFunctions['schedule'], guard: SchemaGuard) {
	return (cron: string, handler: ScheduleHandler) =>
		schedule(cron, async () => {
			if (await guard.ready()) await handler();
		});
}

/**
 * The hook entry's register functions with every schedule guarded, and the check made once at start so the message
 * appears when Directus boots rather than at the first tick. Filters and actions need no guard: they fire only on
 * crm_ collections, which do not exist before the schema is applied.
 */
export function withSchemaGuard(hooks: RegisterFunctions, ctx: Pick<CrmContext, 'getSchema' | 'logger'>) {
	const guard = schemaGuard(ctx);
	guard.ready().catch((error: unknown) => ctx.logger.error(error, 'crm: could not read the schema at start'));
	return { ...hooks, schedule: guardedSchedule(hooks.schedule, guard) };
}
