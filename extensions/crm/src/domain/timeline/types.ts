// One line of the customer timeline, whatever it came from. Sources (data/timeline) turn their rows into these;
// the feed is ordered newest first by (at, kind, id), which is also what the keyset cursor records.

export type EntryId = number | string;

export interface TimelineEntry {
	/** The source: order, interaction, feedback, points, history (and whatever plugs in later, e.g. message). */
	kind: string;
	/** The row's primary key within its source. */
	id: EntryId;
	/** When it happened, ISO 8601 (UTC). */
	at: string;
	/** The contact channel (store, phone, web, …), or null for sources without one (points, history). */
	channel: string | null;
	/** What happened within the kind: order status, interaction type, feedback kind, ledger kind, history kind. */
	type: string | null;
	/** A short line of free text: subject, comment, reason, "from → to". */
	subject: string | null;
	/** The headline number: order total, score, points. */
	value: number | null;
	/** Source-specific details for the client (status, body, currency, staff, …). */
	data: Record<string, unknown>;
}

/** A position in the feed: everything strictly older than this entry comes next. */
export interface TimelineCursor {
	at: number;
	kind: string;
	id: EntryId;
}

/** A page of the merged feed. `next` is null when nothing older is left. */
export interface TimelinePage {
	data: TimelineEntry[];
	next: string | null;
}
