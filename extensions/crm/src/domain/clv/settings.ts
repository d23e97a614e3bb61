/**
 * CLV settings (crm_settings) and the refit request: checked here, so a bad value is a 400 naming the field.
 *
 *   clv_purchase_days     horizon of the stored expected purchases, days (1-3,650; default 90)
 *   clv_months            CLV horizon, months of 52/12 weeks (1-120; default 12)
 *   clv_monthly_discount  discount rate per month (0-0.5; default 0.01 = 1 %)
 *   clv_model             auto (chosen on the holdout, else by likelihood) or bgnbd, mbgnbd, pareto_nbd
 */
import { isPurchaseModelKind, type PurchaseModelKind } from './models';
import { toDayNumber } from './summary';

export interface ClvSettings {
	purchaseDays: number;
	months: number;
	monthlyDiscount: number;
	model: PurchaseModelKind | 'auto';
}

export const DEFAULT_CLV_SETTINGS: ClvSettings = { purchaseDays: 90, months: 12, monthlyDiscount: 0.01, model: 'auto' };

export interface ClvIssue {
	path: string;
	message: string;
}

type Check = (raw: unknown) => { value: unknown } | { message: string };

const integerIn =
	(low: number, high: number): Check =>
	(raw) => {
		const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
		return typeof value === 'number' && Number.isInteger(value) && value >= low && value <= high
			? { value }
			: { message: `must be a whole number from ${low} to ${high} / ${low}~${high} 사이의 정수여야 합니다` };
	};

const FIELDS = {
	purchaseDays: ['clv_purchase_days', integerIn(1, 3650)],
	months: ['clv_months', integerIn(1, 120)],
	monthlyDiscount: [
		'clv_monthly_discount',
		(raw) => {
			const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
			return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 0.5
				? { value }
				: { message: 'must be a number from 0 to 0.5 (0.01 = 1 % a month) / 0~0.5 사이의 숫자 (0.01 = 월 1%)' };
		},
	],
	model: [
		'clv_model',
		(raw) =>
			raw === 'auto' || isPurchaseModelKind(raw)
				? { value: raw }
				: { message: 'must be auto, bgnbd, mbgnbd or pareto_nbd / auto, bgnbd, mbgnbd, pareto_nbd 중 하나여야 합니다' },
	],
} satisfies Record<keyof ClvSettings, readonly [string, Check]>;

const KEYS = Object.keys(FIELDS) as (keyof ClvSettings)[];
export const CLV_SETTING_FIELDS = KEYS.map((key) => FIELDS[key][0]);

/** Issues with the CLV fields a crm_settings create/update names (null or empty: back to the default). */
export function checkClvSettingsPatch(patch: Record<string, unknown>): ClvIssue[] {
	const issues: ClvIssue[] = [];
	for (const key of KEYS) {
		const [field, check] = FIELDS[key];
		if (!Object.hasOwn(patch, field)) continue;
		const raw = patch[field];
		if (raw === null || raw === '') continue;
		const checked = check(raw);
		if ('message' in checked) issues.push({ path: field, message: checked.message });
	}
	return issues;
}

/** The effective settings of a crm_settings row: missing, null or (written around the check) bad values default. */
export function clvSettingsFromRow(row: Record<string, unknown> | null | undefined): ClvSettings {
	const settings: Record<string, unknown> = { ...DEFAULT_CLV_SETTINGS };
	for (const key of KEYS) {
		const [field, check] = FIELDS[key];
		const raw = row?.[field];
		if (raw === null || raw === undefined || raw === '') continue;
		const checked = check(raw);
		if ('value' in checked) settings[key] = checked.value;
	}
	return settings as unknown as ClvSettings;
}

export interface RefitRequest {
	/** Last day of the calibration period (inclusive, CRM time zone), YYYY-MM-DD; absent: today, no holdout. */
	calibrationEnd?: string;
	/** Last day of the holdout period (inclusive); absent: today. Needs calibrationEnd. */
	holdoutEnd?: string;
}

const EARLIEST = '1970-01-01';
const REQUEST_FIELDS = ['calibration_end', 'holdout_end'];

/**
 * POST /crm/clv/refresh's body: {} or { calibration_end, holdout_end? } as YYYY-MM-DD days; `today` is the CRM's
 * local date. The calibration ends before today and on or after 1970-01-01; the holdout ends after it, by today.
 */
export function parseRefitRequest(body: unknown, today: string): { request: RefitRequest } | { issues: ClvIssue[] } {
	if (body === undefined || body === null || body === '') return { request: {} };
	if (typeof body !== 'object' || Array.isArray(body)) {
		return { issues: [{ path: 'body', message: 'must be a JSON object / JSON 객체여야 합니다' }] };
	}
	const input = body as Record<string, unknown>;
	const issues: ClvIssue[] = [];
	for (const key of Object.keys(input).slice(0, 20)) {
		if (!REQUEST_FIELDS.includes(key)) issues.push({ path: key, message: 'unknown field / 알 수 없는 항목입니다' });
	}
	const day = (field: string): number | null | undefined => {
		if (!Object.hasOwn(input, field) || input[field] === null) return undefined;
		const raw = input[field];
		if (typeof raw !== 'string' || raw.length !== 10) {
			issues.push({ path: field, message: 'must be a date YYYY-MM-DD / YYYY-MM-DD 형식의 날짜여야 합니다' });
			return null;
		}
		try {
			return toDayNumber(raw);
		} catch {
			issues.push({ path: field, message: 'is not a calendar date / 존재하지 않는 날짜입니다' });
			return null;
		}
	};
	const calibration = day('calibration_end');
	const holdout = day('holdout_end');
	const todayNumber = toDayNumber(today);
	if (typeof calibration === 'number' && (calibration < toDayNumber(EARLIEST) || calibration >= todayNumber)) {
		issues.push({
			path: 'calibration_end',
			message: `must be from ${EARLIEST} to the day before today (${today}) / ${EARLIEST}부터 오늘(${today}) 전날까지여야 합니다`,
		});
	}
	if (holdout !== undefined && calibration === undefined) {
		issues.push({
			path: 'holdout_end',
			message: 'needs calibration_end / calibration_end 와 함께 보내야 합니다',
		});
	}
	if (
		typeof holdout === 'number' &&
		typeof calibration === 'number' &&
		(holdout <= calibration || holdout > todayNumber)
	) {
		issues.push({
			path: 'holdout_end',
			message: `must be after calibration_end and no later than today (${today}) / calibration_end 이후, 오늘(${today})까지여야 합니다`,
		});
	}
	if (issues.length) return { issues };
	return {
		request: {
			...(typeof input.calibration_end === 'string' ? { calibrationEnd: input.calibration_end } : {}),
			...(typeof input.holdout_end === 'string' ? { holdoutEnd: input.holdout_end } : {}),
		},
	};
}
