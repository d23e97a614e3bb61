/**
 * Follow-up rules' timing and decisions, pure (time is always passed in): due times and quiet hours, birthdays and
 * anniversaries (29 February → 28 February in non-leap years), inactivity relative to the customer's own rhythm,
 * dedupe keys and the deterministic holdout, retry backoff and the checks made at send time.
 */
export {
	DEFAULT_QUIET_HOURS,
	deliveryTime,
	dueAt,
	endOfQuietHours,
	inQuietHours,
	type DeliveryInput,
	type QuietHours,
} from './quiet-hours';
export { anniversaryYears, celebratedMonthDays, fallsOn, monthDayOf, nextOccurrence } from './occasions';
export { inactivity, inactivityThresholdDays, medianGapDays, type Inactivity } from './inactivity';
export { dedupeKey, holdoutBucket, isHeldOut } from './keys';
export { MAX_ATTEMPTS, nextRetryAt, RETRY_DELAYS_MINUTES } from './retry';
export { decideSend, isMessage, MESSAGE_CHANNELS, type Decision, type FollowupAction, type SendFacts } from './decide';
export { isValidTimeZone, localDate, startOfLocalDate, wallTime, zonedInstant, type WallTime } from './zoned';
export { ACTIONS, TRIGGERS, validateFollowupRule, type RuleIssue } from './validate-rule';
