// k-way merge of per-source pages into one page of the feed.
import { cursorAfter } from './cursor';
import { newestFirst } from './order';
import type { TimelineEntry, TimelinePage } from './types';

/**
 * Merges pages that are each sorted newest first and each hold only entries older than the same cursor.
 * Ask every source for `limit + 1` rows: then the merged feed has more exactly when more than `limit` came back,
 * and `next` resumes after the last entry returned.
 */
export function mergePages(pages: readonly (readonly TimelineEntry[])[], limit: number): TimelinePage {
	const heads = pages.map(() => 0);
	const data: TimelineEntry[] = [];
	let more = false;
	for (;;) {
		let best = -1;
		for (let source = 0; source < pages.length; source++) {
			const candidate = pages[source]![heads[source]!];
			if (candidate && (best < 0 || newestFirst(candidate, pages[best]![heads[best]!]!) < 0)) best = source;
		}
		if (best < 0) break;
		if (data.length === limit) {
			more = true;
			break;
		}
		data.push(pages[best]![heads[best]!]!);
		heads[best] = heads[best]! + 1;
	}
	return { data, next: more && data.length ? cursorAfter(data[data.length - 1]!) : null };
}
