// One page of a customer's timeline: the sources the caller may read, one query each, merged newest first.
import type { Knex } from 'knex';
import { mergePages, type TimelineEntry, type TimelineQuery } from '../../domain/timeline';
import { TIMELINE_SOURCES } from './registry';
import type { TimelineSource } from './source';

/** Whether the caller may read a collection (Directus's permissions, checked by the endpoint). */
export type CanRead = (collection: string) => Promise<boolean>;

export interface TimelineResponse {
	data: TimelineEntry[];
	next: string | null;
	/** Kinds whose collection the caller cannot read: left out, never queried. */
	hidden_kinds: string[];
	/** Kinds the caller can see (for the filter chips). */
	kinds: string[];
}

const PEOPLE = ['staff', 'assignee'] as const;

/** Adds staff_name / assignee_name to entries that name Directus users, if the caller may read users. */
async function attachPeople(knex: Knex, entries: TimelineEntry[], canRead: CanRead) {
	const ids = [
		...new Set(
			entries.flatMap((entry) =>
				PEOPLE.map((field) => entry.data[field]).filter((id): id is string => typeof id === 'string'),
			),
		),
	];
	if (!ids.length || !(await canRead('directus_users'))) return;
	const users = await knex('directus_users').select('id', 'first_name', 'last_name', 'email').whereIn('id', ids);
	const names = new Map(
		users.map((user) => [
			String(user.id),
			[user.first_name, user.last_name].filter(Boolean).join(' ') || user.email || null,
		]),
	);
	for (const entry of entries)
		for (const field of PEOPLE)
			if (typeof entry.data[field] === 'string')
				entry.data[`${field}_name`] = names.get(entry.data[field] as string) ?? null;
}

export async function readTimeline(
	knex: Knex,
	customerId: number,
	query: TimelineQuery,
	canRead: CanRead,
	sources: readonly TimelineSource[] = TIMELINE_SOURCES,
): Promise<TimelineResponse> {
	const readable = await Promise.all(sources.map((source) => canRead(source.collection)));
	const visible = sources.filter((_, index) => readable[index]);
	const wanted = visible.filter((source) => !query.kinds.length || query.kinds.includes(source.kind));
	// limit + 1 per source: the merged page then knows for certain whether anything older is left.
	const options = { before: query.before, limit: query.limit + 1, channels: query.channels };
	const pages = await Promise.all(wanted.map((source) => source.page(knex, customerId, options)));
	const page = mergePages(pages, query.limit);
	await attachPeople(knex, page.data, canRead);
	return {
		data: page.data,
		next: page.next,
		hidden_kinds: sources.filter((_, index) => !readable[index]).map((source) => source.kind),
		kinds: visible.map((source) => source.kind),
	};
}
