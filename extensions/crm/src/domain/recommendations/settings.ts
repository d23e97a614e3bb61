// The recommendation thresholds stored in crm_settings (rec_* columns) and their checks. An empty value means the
// built-in default, so a fresh install and a cleared field behave the same.

export type Basket = 'customer' | 'order';
export const BASKETS: readonly Basket[] = ['customer', 'order'];

export interface RecommendationSettings {
	/** pairs / baskets, 0-1 */
	minSupport: number;
	/** pairs / baskets with the antecedent, 0-1 */
	minConfidence: number;
	/** confidence / share of baskets with the consequent; 1 = no association */
	minLift: number;
	/** absolute floor on baskets with both products, so one enthusiastic customer never makes a rule */
	minPairs: number;
	windowDays: number;
	maxPerProduct: number;
	/** customer: everything a customer bought in the window is one basket; order: each order is one. */
	basket: Basket;
}

export const DEFAULT_RECOMMENDATION_SETTINGS: Readonly<RecommendationSettings> = Object.freeze({
	minSupport: 0.01,
	minConfidence: 0.1,
	minLift: 1,
	minPairs: 2,
	windowDays: 365,
	maxPerProduct: 5,
	basket: 'customer',
});

type Key = keyof RecommendationSettings;

/** The crm_settings column behind each setting (the field a 400 names). */
export const SETTING_FIELDS: Readonly<Record<Key, string>> = Object.freeze({
	minSupport: 'rec_min_support',
	minConfidence: 'rec_min_confidence',
	minLift: 'rec_min_lift',
	minPairs: 'rec_min_pairs',
	windowDays: 'rec_window_days',
	maxPerProduct: 'rec_max_per_product',
	basket: 'rec_basket',
});

export interface SettingIssue {
	path: string;
	message: string;
}

type Check = (value: unknown) => { value: number | Basket } | { message: string };

const numberIn =
	(min: number, max: number, integer: boolean): Check =>
	(raw) => {
		const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
		const ok =
			typeof value === 'number' &&
			Number.isFinite(value) &&
			value >= min &&
			value <= max &&
			(!integer || Number.isInteger(value));
		return ok ? { value } : { message: `must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}` };
	};

const CHECKS: Record<Key, Check> = {
	minSupport: numberIn(0, 1, false),
	minConfidence: numberIn(0, 1, false),
	minLift: numberIn(0, 1000, false),
	minPairs: numberIn(1, 1_000_000, true),
	windowDays: numberIn(1, 3650, true),
	maxPerProduct: numberIn(1, 50, true),
	basket: (raw) =>
		(BASKETS as readonly unknown[]).includes(raw)
			? { value: raw as Basket }
			: { message: `must be one of ${BASKETS.join(', ')}` },
};

const KEYS = Object.keys(SETTING_FIELDS) as Key[];

/** Checks the rec_* fields present in a crm_settings write (others are not ours); null or '' clears to the default. */
export function checkSettingsPatch(patch: Record<string, unknown>): SettingIssue[] {
	const issues: SettingIssue[] = [];
	for (const key of KEYS) {
		const field = SETTING_FIELDS[key];
		if (!Object.hasOwn(patch, field)) continue;
		const raw = patch[field];
		if (raw === null || raw === '') continue;
		const checked = CHECKS[key](raw);
		if ('message' in checked) issues.push({ path: field, message: checked.message });
	}
	return issues;
}

/** The effective settings from a crm_settings row (missing or null values take the defaults). */
export function settingsFromRow(
	row: Record<string, unknown> | null | undefined,
): { settings: RecommendationSettings } | { issues: SettingIssue[] } {
	const settings: Record<string, unknown> = { ...DEFAULT_RECOMMENDATION_SETTINGS };
	const issues: SettingIssue[] = [];
	for (const key of KEYS) {
		const raw = row?.[SETTING_FIELDS[key]];
		if (raw === null || raw === undefined || raw === '') continue;
		const checked = CHECKS[key](raw);
		if ('message' in checked) issues.push({ path: SETTING_FIELDS[key], message: checked.message });
		else settings[key] = checked.value;
	}
	return issues.length ? { issues } : { settings: settings as unknown as RecommendationSettings };
}
