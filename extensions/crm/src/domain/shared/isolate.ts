// One failure never stops the others (#15 finding 5): runs `run` for every item in order; a failing item is handed to
// `onFailure` with a reason free of SQL (see log-safety.ts) and the loop goes on. Returns the items that failed.
import { safeReason } from './log-safety';

export async function forEachIsolated<T>(
	items: Iterable<T>,
	run: (item: T) => Promise<void>,
	onFailure: (item: T, reason: string) => Promise<void> | void,
): Promise<T[]> {
	const failed: T[] = [];
	for (const item of items) {
		try {
			await run(item);
		} catch (error) {
			failed.push(item);
			try {
				await onFailure(item, safeReason(error));
			} catch {
				// Recording the failure failed too (e.g. the database is down): the next item still runs.
			}
		}
	}
	return failed;
}
