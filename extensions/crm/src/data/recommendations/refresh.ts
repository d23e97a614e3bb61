// Recomputes crm_products.also_bought for every product: the mining runs in SQL, only the final top-K rows come back,
// and they are written per antecedent in chunked CASE updates inside one transaction (readers see old or new, never
// half). Products without a rule get an empty list, so "computed, nothing found" differs from "never computed" (null).
import type { Knex } from 'knex';
import {
	settingsFromRow,
	SETTING_FIELDS,
	type RecommendationSettings,
	type SettingIssue,
	type StoredRule,
} from '../../domain/recommendations';
import { toDbTimestamp } from '../timestamps';
import { basketTotals, mineTopRules } from './rules-query';

const CHUNK = 100;

export async function loadRecommendationSettings(
	knex: Knex,
): Promise<{ settings: RecommendationSettings } | { issues: SettingIssue[] }> {
	const row = await knex('crm_settings').first(Object.values(SETTING_FIELDS));
	return settingsFromRow(row);
}

export interface RefreshResult {
	computed_at: string;
	settings: RecommendationSettings;
	baskets: number;
	products_in_baskets: number;
	products_with_rules: number;
	rules: number;
}

export async function refreshRecommendations(
	knex: Knex,
	settings: RecommendationSettings,
	now: Date,
): Promise<RefreshResult> {
	const { baskets, products } = await basketTotals(knex, settings, now);
	const mined = await mineTopRules(knex, settings, now);
	const byProduct = new Map<number, StoredRule[]>();
	for (const { antecedent, ...rule } of mined) {
		const list = byProduct.get(antecedent) ?? [];
		list.push(rule);
		byProduct.set(antecedent, list);
	}
	const at = toDbTimestamp(knex, now);
	// PostgreSQL's json column needs the text cast; SQLite stores JSON as text and a CAST would change its affinity.
	const json = String(knex.client.config.client).includes('sqlite') ? '?' : 'CAST(? AS json)';
	await knex.transaction(async (trx) => {
		await trx('crm_products').update({ also_bought: '[]', also_bought_at: at });
		const entries = [...byProduct.entries()];
		for (let i = 0; i < entries.length; i += CHUNK) {
			const chunk = entries.slice(i, i + CHUNK);
			const cases = chunk.map(() => `WHEN ? THEN ${json}`).join(' ');
			await trx('crm_products')
				.whereIn(
					'id',
					chunk.map(([id]) => id),
				)
				.update({
					also_bought: trx.raw(`CASE ?? ${cases} END`, [
						'id',
						...chunk.flatMap(([id, rules]) => [id, JSON.stringify(rules)]),
					]),
				});
		}
	});
	return {
		computed_at: now.toISOString(),
		settings,
		baskets,
		products_in_baskets: products,
		products_with_rules: byProduct.size,
		rules: mined.length,
	};
}
