// Retries with exponential backoff: 1, 5, 25, 125 minutes after attempts 1-4 fail; the 5th failure is final.
export const RETRY_DELAYS_MINUTES = [1, 5, 25, 125];
export const MAX_ATTEMPTS = RETRY_DELAYS_MINUTES.length + 1;

/** When to try again after `attempts` attempts have failed, or null when the message has failed for good. */
export function nextRetryAt(attempts: number, now: Date, delays: number[] = RETRY_DELAYS_MINUTES): Date | null {
	if (attempts < 1 || attempts > delays.length) return null;
	return new Date(now.getTime() + delays[attempts - 1] * 60_000);
}
