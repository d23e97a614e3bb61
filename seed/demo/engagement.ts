// Demo interactions (calls, visits, notes, complaints…) and survey answers (NPS, CSAT) for one customer.
import type { Behaviour, CustomerProfile } from './customers.ts';
import type { Rng } from './rng.ts';
import {
	INTERACTION_TEMPLATES,
	SURVEY_COMMENTS,
	type InteractionChannel,
	type InteractionDirection,
	type InteractionTemplate,
	type InteractionType,
	type Mood,
} from './texts.ts';
import { DAY, HOUR, atPlausibleHour, clamp, toIso } from './time.ts';

export interface DemoInteraction {
	customer_external_id: string;
	channel: InteractionChannel;
	direction: InteractionDirection;
	type: InteractionType;
	status: 'open' | 'done';
	subject: string;
	body: string;
	occurred_at: string;
}

export type FeedbackChannel = 'email' | 'kakao' | 'web';

export interface DemoFeedback {
	customer_external_id: string;
	kind: 'nps' | 'csat';
	/** NPS 0–10, CSAT 1–5. */
	score: number;
	/** Empty when the customer left no comment. */
	comment: string;
	survey: 'demo-nps-2026' | 'demo-csat';
	channel: FeedbackChannel;
	answered_at: string;
	source_key: string;
}

/** Survey answers get their source_key once all customers' answers are sorted by time. */
export type FeedbackDraft = Omit<DemoFeedback, 'source_key'>;

const INTERACTIONS_PER_CUSTOMER: Record<Behaviour, number> = {
	loyal: 2.6,
	regular: 1.7,
	occasional: 1.1,
	lapsed: 1.4,
	one_time: 0.8,
	prospect: 0.9,
};
const SURVEY_RESPONSE_RATE: Record<Behaviour, number> = {
	loyal: 0.55,
	regular: 0.45,
	occasional: 0.35,
	lapsed: 0.35,
	one_time: 0.3,
	prospect: 0,
};

// Likelihood of each NPS score 0..10: loyal customers promote, lapsed ones skew to detractors.
const NPS_WEIGHTS: Record<Behaviour, readonly number[]> = {
	loyal: [0, 0, 0, 0, 0, 1, 2, 5, 12, 30, 50],
	regular: [0, 0, 0, 1, 1, 2, 4, 10, 20, 30, 32],
	occasional: [1, 1, 1, 2, 3, 6, 10, 20, 25, 18, 13],
	lapsed: [6, 4, 6, 8, 9, 12, 14, 15, 12, 8, 6],
	one_time: [3, 2, 3, 4, 6, 10, 12, 18, 18, 13, 11],
	prospect: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
};

function templateWeight(template: InteractionTemplate, profile: CustomerProfile, hasOrders: boolean): number {
	if (channelsFor(template, profile).length === 0) return 0;
	switch (template.about) {
		case 'order':
			return hasOrders
				? template.weight * (template.type === 'complaint' && profile.behaviour === 'lapsed' ? 3 : 1)
				: 0;
		case 'lapsed':
			return profile.behaviour === 'lapsed' ? template.weight : 0;
		case 'bulk':
			return template.weight * (profile.bulkBuyer ? 6 : 0.2);
		case 'allergy':
			return 0;
		default:
			return template.weight;
	}
}

// KakaoTalk is a Korean messenger: English-speaking customers are not reached there.
function channelsFor(template: InteractionTemplate, profile: CustomerProfile): readonly InteractionChannel[] {
	return profile.lang === 'ko' ? template.channels : template.channels.filter((channel) => channel !== 'kakao');
}

function occurredAt(
	rng: Rng,
	template: InteractionTemplate,
	profile: CustomerProfile,
	orderTimes: readonly number[],
	nowMs: number,
): number {
	// `earliest` keeps follow-ups after their order (and win-back calls after the customer went quiet).
	let earliest = profile.createdMs;
	if (template.about === 'order') earliest = rng.pick(orderTimes);
	else if (template.about === 'lapsed') earliest = Math.min(profile.activeToMs + 30 * DAY, nowMs);
	const at =
		template.about === 'order' ? Math.min(earliest + rng.float(2 * HOUR, 5 * DAY), nowMs) : rng.float(earliest, nowMs);
	return atPlausibleHour(rng, at, profile.utcOffsetHours, earliest, nowMs);
}

function interaction(
	rng: Rng,
	template: InteractionTemplate,
	profile: CustomerProfile,
	orderTimes: readonly number[],
	nowMs: number,
): DemoInteraction {
	const [subject, body] = template[profile.lang];
	return {
		customer_external_id: profile.customer.external_id,
		channel: rng.pick(channelsFor(template, profile)),
		direction: template.direction,
		type: template.type,
		status: template.type !== 'note' && rng.chance(0.1) ? 'open' : 'done',
		subject,
		body,
		occurred_at: toIso(occurredAt(rng, template, profile, orderTimes, nowMs)),
	};
}

export function makeInteractions(
	rng: Rng,
	profile: CustomerProfile,
	orderTimes: readonly number[],
	nowMs: number,
): DemoInteraction[] {
	const hasOrders = orderTimes.length > 0;
	const weights = INTERACTION_TEMPLATES.map((template) => templateWeight(template, profile, hasOrders));
	const rows: DemoInteraction[] = [];
	for (let n = rng.poisson(INTERACTIONS_PER_CUSTOMER[profile.behaviour]); n > 0; n--) {
		rows.push(interaction(rng, INTERACTION_TEMPLATES[rng.weightedIndex(weights)], profile, orderTimes, nowMs));
	}
	if (profile.customer.tags.includes('allergy-note')) {
		const note = INTERACTION_TEMPLATES.find((template) => template.about === 'allergy');
		if (note) rows.push(interaction(rng, note, profile, orderTimes, nowMs));
	}
	return rows;
}

function comment(rng: Rng, profile: CustomerProfile, mood: Mood): string {
	return rng.chance(0.65) ? rng.pick(SURVEY_COMMENTS[profile.lang][mood]) : '';
}

function surveyChannel(rng: Rng, profile: CustomerProfile): FeedbackChannel {
	return profile.lang === 'ko'
		? rng.weighted([
				['email', 4],
				['kakao', 4],
				['web', 2],
			] as const)
		: rng.weighted([
				['email', 6],
				['web', 4],
			] as const);
}

/** About 40% of buyers answer one NPS survey; some of them also rate an order (CSAT). Answers follow an order. */
export function makeFeedback(
	rng: Rng,
	profile: CustomerProfile,
	orderTimes: readonly number[],
	nowMs: number,
): FeedbackDraft[] {
	if (orderTimes.length === 0 || !rng.chance(SURVEY_RESPONSE_RATE[profile.behaviour])) return [];
	const customer_external_id = profile.customer.external_id;
	const npsScore = rng.weightedIndex(NPS_WEIGHTS[profile.behaviour]);
	// Most NPS surveys go out after the latest order; some after an earlier one.
	const surveyedAfter = rng.chance(0.6) ? orderTimes[orderTimes.length - 1] : rng.pick(orderTimes);
	const answers: FeedbackDraft[] = [
		{
			customer_external_id,
			kind: 'nps',
			score: npsScore,
			comment: comment(rng, profile, npsScore >= 9 ? 'happy' : npsScore >= 7 ? 'neutral' : 'unhappy'),
			survey: 'demo-nps-2026',
			channel: surveyChannel(rng, profile),
			answered_at: toIso(Math.min(surveyedAfter + rng.float(HOUR, 20 * DAY), nowMs)),
		},
	];
	if (rng.chance(0.4)) {
		// CSAT tracks NPS loosely: 0 → about 1, 10 → about 5.
		const csatScore = Math.round(clamp(1 + npsScore * 0.4 + rng.normal(0, 0.6), 1, 5));
		answers.push({
			customer_external_id,
			kind: 'csat',
			score: csatScore,
			comment: comment(rng, profile, csatScore >= 4 ? 'happy' : csatScore === 3 ? 'neutral' : 'unhappy'),
			survey: 'demo-csat',
			channel: surveyChannel(rng, profile),
			answered_at: toIso(Math.min(rng.pick(orderTimes) + rng.float(HOUR, 3 * DAY), nowMs)),
		});
	}
	return answers;
}
