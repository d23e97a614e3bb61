// The composer: log a call, visit or note in two clicks (pick the type, type, save). Pure: what to POST to
// /items/crm_interactions and the feed entry to show for what came back.
import type { TimelineEntry } from '../../../domain/timeline/types';

export const SUBJECT_LENGTH = 80;

/** Each type with the interaction channel and direction it is recorded under (channel is required by the schema). */
export const COMPOSER_TYPES = {
	call: { icon: 'call', channel: 'phone', direction: 'outbound' },
	visit: { icon: 'directions_walk', channel: 'visit', direction: 'outbound' },
	// A note is no contact: "store" (the business itself) keeps it within the channel choices; direction marks it internal.
	note: { icon: 'sticky_note_2', channel: 'store', direction: 'internal' },
} as const;
export type ComposerType = keyof typeof COMPOSER_TYPES;
export const COMPOSER_ORDER = Object.keys(COMPOSER_TYPES) as ComposerType[];

export interface InteractionPayload {
	customer: number | string;
	type: ComposerType;
	channel: string;
	direction: string;
	status: 'done';
	subject: string;
	body: string | null;
	occurred_at: string;
	staff: string | null;
}

/**
 * The subject is the first line, shortened to 80 characters; the body keeps the whole text when there is more.
 * `staff` is the current user, set explicitly (the schema's staff field is a plain m2o, not user-created).
 */
export function composerPayload(
	type: ComposerType,
	rawText: string,
	customer: number | string,
	now: Date,
	staff: string | null = null,
): { ok: true; body: InteractionPayload } | { ok: false; reason: 'empty' } {
	const text = rawText.replace(/\r\n/g, '\n').trim();
	if (!text) return { ok: false, reason: 'empty' };
	const firstLine = text.split('\n')[0]!.trim();
	const subject =
		firstLine.length > SUBJECT_LENGTH ? `${firstLine.slice(0, SUBJECT_LENGTH - 1).trimEnd()}…` : firstLine;
	const { channel, direction } = COMPOSER_TYPES[type];
	return {
		ok: true,
		body: {
			customer,
			type,
			channel,
			direction,
			status: 'done',
			subject,
			body: text === subject ? null : text,
			occurred_at: now.toISOString(),
			staff,
		},
	};
}

/** The feed entry for an interaction Directus just created (shaped like the timeline endpoint's). */
export function entryFromInteraction(item: Record<string, unknown>, staffName: string | null): TimelineEntry {
	return {
		kind: 'interaction',
		id: item.id as number,
		at: new Date(String(item.occurred_at)).toISOString(),
		channel: (item.channel as string) ?? null,
		type: (item.type as string) ?? null,
		subject: (item.subject as string) ?? null,
		value: null,
		data: {
			status: item.status ?? null,
			direction: item.direction ?? null,
			body: item.body ?? null,
			staff: item.staff ?? null,
			staff_name: staffName,
		},
	};
}
