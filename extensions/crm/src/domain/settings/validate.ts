// crm_settings checked on save (#15 finding 11): a zone Intl knows, HH:MM times, day counts and thresholds in range,
// choices from the schema, bounded sender texts and goals. Each issue names the field in English and Korean; the
// hook refuses the whole PATCH, so a refused save leaves every value as it was. Pure.

export interface SettingsIssue {
	field: string;
	en: string;
	ko: string;
}

export const MAX_SETTING_DAYS = 36_500;

type Check = (value: unknown) => { en: string; ko: string } | null;

const integer =
	(min: number, max: number): Check =>
	(value) =>
		Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max
			? null
			: { en: `must be a whole number from ${min} to ${max}`, ko: `${min}~${max} 사이의 정수여야 합니다` };

const days = integer(0, MAX_SETTING_DAYS);

const oneOf =
	(choices: string[]): Check =>
	(value) =>
		typeof value === 'string' && choices.includes(value)
			? null
			: { en: `must be one of ${choices.join(', ')}`, ko: `다음 중 하나여야 합니다: ${choices.join(', ')}` };

// eslint-disable-next-line no-control-regex -- the characters refused
const CONTROL = /[\u0000-\u001F\u007F]/;
const text =
	(max: number): Check =>
	(value) => {
		if (typeof value !== 'string') return { en: 'must be text', ko: '텍스트여야 합니다' };
		if (value.length > max) return { en: `must be at most ${max} characters`, ko: `${max}자 이하여야 합니다` };
		if (CONTROL.test(value)) return { en: 'must not contain control characters', ko: '제어 문자를 포함할 수 없습니다' };
		return null;
	};

/** An IANA zone as Intl knows it (Asia/Seoul, UTC); `Mars/Olympus_Mons` is not one. */
export function isTimeZone(value: unknown): value is string {
	if (typeof value !== 'string' || value.length === 0 || value.length > 64) return false;
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: value });
		return true;
	} catch {
		return false;
	}
}

const timeZone: Check = (value) =>
	isTimeZone(value)
		? null
		: { en: 'must be an IANA time zone, e.g. Asia/Seoul', ko: 'Asia/Seoul 같은 IANA 시간대여야 합니다' };

const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;
const clockTime: Check = (value) =>
	typeof value === 'string' && TIME.test(value)
		? null
		: { en: 'must be a time HH:MM from 00:00 to 23:59', ko: '00:00~23:59 사이의 HH:MM 시각이어야 합니다' };

const MAX_GOALS = 50;
/** kpi_goals: an object (or its JSON text) of at most 50 goals, each a finite number or a small object of numbers. */
const goals: Check = (value) => {
	let data = value;
	if (typeof data === 'string') {
		if (data.length > 20_000) return { en: 'is too long', ko: '너무 깁니다' };
		try {
			data = JSON.parse(data);
		} catch {
			return { en: 'must be JSON', ko: 'JSON이어야 합니다' };
		}
	}
	const bad = {
		en: 'must be an object of goals, e.g. retention_rate 0.4',
		ko: '목표 객체여야 합니다 (예: retention_rate 0.4)',
	};
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return bad;
	const entries = Object.entries(data);
	if (entries.length > MAX_GOALS)
		return { en: `holds at most ${MAX_GOALS} goals`, ko: `목표는 최대 ${MAX_GOALS}개입니다` };
	const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 1e12;
	for (const [key, goal] of entries) {
		if (key.length > 64) return bad;
		if (finite(goal)) continue;
		if (typeof goal !== 'object' || goal === null || Array.isArray(goal)) return bad;
		const inner = Object.entries(goal);
		if (inner.length > 5 || inner.some(([k, v]) => k.length > 32 || !(finite(v) || typeof v === 'string'))) return bad;
	}
	return null;
};

/** The checked fields; a null (or empty) value clears a field and takes its default. Other fields are checked elsewhere. */
export const SETTINGS_CHECKS: Record<string, Check> = {
	currency: oneOf(['KRW', 'USD']),
	default_language: oneOf(['ko-KR', 'en-US']),
	timezone: timeZone,
	quiet_hours_start: clockTime,
	quiet_hours_end: clockTime,
	sender_name: text(255),
	sender_email: text(255),
	sender_phone: text(64),
	sender_address: text(255),
	survey_link_days: integer(1, 365),
	frequency_cap_per_week: integer(0, 100),
	kpi_goals: goals,
	nps_low_threshold: integer(0, 10),
	points_expiry_days: days,
	points_expiring_notice_days: days,
	tier_window_days: integer(1, MAX_SETTING_DAYS),
	tier_review_days: integer(1, MAX_SETTING_DAYS),
	tier_grace_days: days,
};

/** Every problem of a crm_settings create or update payload (own keys only). */
export function checkSettings(payload: Record<string, unknown>): SettingsIssue[] {
	const issues: SettingsIssue[] = [];
	for (const [field, check] of Object.entries(SETTINGS_CHECKS)) {
		if (!Object.hasOwn(payload, field)) continue;
		const value = payload[field];
		if (value === null || (value === '' && field !== 'timezone')) continue;
		const problem = check(value);
		if (problem) issues.push({ field, ...problem });
	}
	return issues;
}

/** One reason for the 400: `field: English / 필드: 한국어`, issues joined by `; `. */
export const describeSettingsIssues = (issues: SettingsIssue[]) =>
	issues.map((issue) => `${issue.field}: ${issue.en} / ${issue.field}: ${issue.ko}`).join('; ');
