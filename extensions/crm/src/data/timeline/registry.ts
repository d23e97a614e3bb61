// Every source of the customer timeline. A new source (e.g. the CRM's message outbox) is one file and one line here.
import { feedbackSource } from './feedback';
import { historySource } from './history';
import { interactionsSource } from './interactions';
import { ordersSource } from './orders';
import { pointsSource } from './points';
import type { TimelineSource } from './source';

export const TIMELINE_SOURCES: readonly TimelineSource[] = [
	ordersSource,
	interactionsSource,
	feedbackSource,
	pointsSource,
	historySource,
];

export const TIMELINE_KINDS = TIMELINE_SOURCES.map((source) => source.kind);
