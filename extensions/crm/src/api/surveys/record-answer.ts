// Stores a survey answer and, for a low score, the Support task, in one transaction through Directus's ItemsService
// with no accountability (the link's signature is the authorisation): Directus validates the rows, records activity,
// and the CRM's filter hooks run (last_nps on create and on update, last contact on the task).
import type { SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import type { SurveyLink } from '../../domain/signed-links';
import { isLowScore, lowScoreTaskKey, lowScoreTaskText, surveySourceKey } from '../../domain/surveys';
import type { SurveyCustomer, SurveySettings, SurveyTemplate } from '../../data/surveys';
import { idBySourceKey } from '../../data/lookups';

interface ItemsServiceLike {
	createOne(data: Record<string, unknown>): Promise<string | number>;
	updateOne(key: string | number, data: Record<string, unknown>): Promise<string | number>;
}
export type ItemsServiceClass = new (
	collection: string,
	options: { knex: Knex; accountability: null; schema: SchemaOverview },
) => ItemsServiceLike;

export interface Answer {
	link: SurveyLink;
	customer: SurveyCustomer;
	template: SurveyTemplate;
	settings: SurveySettings;
	score: number;
	comment: string | null;
	now: Date;
}

export interface Recorded {
	feedback: number;
	updated: boolean;
	/** The open Support task for this answer (new or earlier), or null for a score that is not low. */
	task: number | null;
	taskCreated: boolean;
}

/** Where the answer came in: the channel the link was sent by, when it is an interaction channel; else the web. */
const CHANNELS = ['store', 'phone', 'email', 'sms', 'kakao', 'web', 'social', 'visit'];
const TASK_DUE_MS = 24 * 3600_000;

const isUniqueViolation = (error: unknown) => {
	const e = error as { code?: unknown; extensions?: { code?: unknown }; message?: unknown };
	return (
		e?.code === 'RECORD_NOT_UNIQUE' ||
		e?.extensions?.code === 'RECORD_NOT_UNIQUE' ||
		e?.code === '23505' ||
		/UNIQUE constraint failed|unique/i.test(String(e?.message ?? ''))
	);
};

export async function recordAnswer(
	database: Knex,
	ItemsService: ItemsServiceClass,
	schema: SchemaOverview,
	answer: Answer,
): Promise<Recorded> {
	const { link, customer, template, settings, score, comment, now } = answer;
	const channel = link.channel && CHANNELS.includes(link.channel) ? link.channel : 'web';
	const sourceKey = surveySourceKey(customer.id, template.key, link.order);
	const attempt = () =>
		database.transaction(async (trx) => {
			const items = (collection: string) => new ItemsService(collection, { knex: trx, accountability: null, schema });
			const values = { score, comment, channel, answered_at: now.toISOString() };
			const existing = await idBySourceKey(trx, 'crm_feedback', sourceKey);
			let feedback: number;
			if (existing !== null) {
				feedback = existing;
				await items('crm_feedback').updateOne(feedback, values);
			} else {
				feedback = Number(
					await items('crm_feedback').createOne({
						customer: customer.id,
						kind: template.scale,
						survey: template.key,
						order: link.order ?? null,
						source_key: sourceKey,
						...values,
					}),
				);
			}
			// A low score opens one task per answer (its key is unique). A later, higher re-submission leaves the task
			// open: the low answer happened and Support decides when it is done.
			let task: number | null = null;
			let taskCreated = false;
			const taskKey = lowScoreTaskKey(feedback);
			const earlier = await idBySourceKey(trx, 'crm_interactions', taskKey);
			if (earlier !== null) task = earlier;
			else if (isLowScore(template.scale, score, settings.npsLowThreshold)) {
				const text = lowScoreTaskText({
					scale: template.scale,
					score,
					comment,
					survey: template.key,
					question: template.question,
					customerName: customer.full_name,
					lang: settings.lang,
				});
				task = Number(
					await items('crm_interactions').createOne({
						customer: customer.id,
						channel,
						direction: 'internal',
						type: 'task',
						status: 'open',
						...text,
						occurred_at: now.toISOString(),
						due_at: new Date(now.getTime() + TASK_DUE_MS).toISOString(),
						assignee: customer.owner ?? settings.supportOwner,
						order: link.order ?? null,
						source_key: taskKey,
					}),
				);
				taskCreated = true;
			}
			return { feedback, updated: Boolean(existing), task, taskCreated };
		});
	// Submissions of the same link racing: a loser's insert hits a unique key; its retry sees the winner's rows.
	for (let tries = 1; ; tries++) {
		try {
			return await attempt();
		} catch (error) {
			if (tries >= 3 || !isUniqueViolation(error)) throw error;
		}
	}
}
