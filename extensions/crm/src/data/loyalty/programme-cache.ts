// Earning rules, tiers and loyalty settings change rarely and are read on every order, so each process keeps them for a few seconds.
// Edits made through this process clear the cache at once (hooks); other replicas see them within the TTL.
import type { Knex } from 'knex';
import type { EarningRule } from '../../domain/loyalty';
import { activeRules, allTiers } from './rules-repo';
import { loyaltySettings, type LoyaltySettings } from './settings';

const TTL_MS = 10_000;

interface Programme {
	rules: EarningRule[];
	tiers: Awaited<ReturnType<typeof allTiers>>;
	settings: LoyaltySettings;
	loadedAt: number;
}

let cached: Programme | null = null;

/** Rules and tiers, read through the given connection when the cache is cold (inside a transaction if one is passed). */
export async function loyaltyProgramme(knex: Knex, nowMs: number): Promise<Programme> {
	if (cached && nowMs - cached.loadedAt < TTL_MS) return cached;
	const programme = {
		rules: await activeRules(knex),
		tiers: await allTiers(knex),
		settings: await loyaltySettings(knex),
		loadedAt: nowMs,
	};
	cached = programme;
	return programme;
}

export function forgetLoyaltyProgramme() {
	cached = null;
}
