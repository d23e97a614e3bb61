// The extension's sources use extensionless relative imports (bundler style), which Node's type stripping cannot
// resolve. tsx (installed with directus) registers a loader that can, so the bench imports the real modules.
import { register } from 'tsx/esm/api';

register();

const src = new URL('../../extensions/crm/src/', import.meta.url);

export async function loadExtensionCode() {
	const segments = await import(new URL('data/segments/segment-query.ts', src).href);
	const rfm = await import(new URL('data/rfm/rfm-scores-query.ts', src).href);
	const stats = await import(new URL('data/customer-stats-repo.ts', src).href);
	return {
		compileSegmentQuery: segments.compileSegmentQuery as (knex: unknown, rule: unknown, options: { now: Date }) => any,
		applyRfmScores: rfm.applyRfmScores as (knex: unknown, options: { now: Date; windowDays: number }) => Promise<void>,
		applyStatsDelta: stats.applyStatsDelta as (knex: unknown, delta: unknown, excluded?: (string | number)[]) => Promise<void>,
	};
}

export type ExtensionCode = Awaited<ReturnType<typeof loadExtensionCode>>;
