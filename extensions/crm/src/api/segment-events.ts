import type { RefreshResult } from '../data/segments/segment-membership';
import type { CrmEmitter } from './context';

export type ActionEmitter = Pick<CrmEmitter, 'emitAction'>;

/** One action event per membership change, for follow-up rules to trigger on (after the refresh committed). */
export function emitSegmentChanges(emitter: ActionEmitter, result: RefreshResult) {
	for (const customer of result.entered)
		emitter.emitAction('crm.segment.entered', { segment: result.segment, customer }, null);
	for (const customer of result.left)
		emitter.emitAction('crm.segment.left', { segment: result.segment, customer }, null);
}
