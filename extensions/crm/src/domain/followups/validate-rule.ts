// A follow-up rule is checked when saved: each problem names its field, so the admin shows a clear 400.
export interface RuleIssue {
	field: string;
	message: string;
}

export const TRIGGERS = [
	'order_paid',
	'order_fulfilled',
	'inquiry_closed',
	'low_score',
	'birthday',
	'anniversary',
	'segment_entered',
	'segment_left',
	'points_expiring',
	'inactivity',
	'manual',
];
export const ACTIONS = ['email', 'sms', 'kakao', 'task', 'points', 'tag'];
const SEGMENT_TRIGGERS = ['segment_entered', 'segment_left', 'manual'];

const present = (value: unknown) => value !== null && value !== undefined && value !== '';
const number = (value: unknown) => (present(value) ? Number(value) : null);

/** `template` is the rule's template (kind and purpose) or null when there is none. */
export function validateFollowupRule(
	rule: Record<string, unknown>,
	template: { kind: unknown; purpose: unknown } | null,
): RuleIssue[] {
	const issues: RuleIssue[] = [];
	const add = (field: string, message: string) => issues.push({ field, message });
	if (!TRIGGERS.includes(String(rule.trigger))) add('trigger', `must be one of ${TRIGGERS.join(', ')}`);
	if (!ACTIONS.includes(String(rule.action))) add('action', `must be one of ${ACTIONS.join(', ')}`);
	const action = String(rule.action);
	if (['email', 'sms', 'kakao'].includes(action)) {
		if (!present(rule.template)) add('template', `${action === 'email' ? 'an' : 'a'} ${action} rule needs a template`);
		else if (!template) add('template', 'template not found');
		else if (template.kind !== action && template.kind !== 'survey')
			add(
				'template',
				`${action === 'email' ? 'an' : 'a'} ${action} rule needs ${action === 'email' ? 'an' : 'a'} ${action} or survey template, not ${String(template.kind)}`,
			);
	}
	if (action === 'points' && !(Number.isInteger(number(rule.award_points)) && Number(rule.award_points) > 0))
		add('award_points', 'a points rule awards a whole number of points above 0');
	if (action === 'tag' && !(typeof rule.tag === 'string' && rule.tag.trim()))
		add('tag', 'a tag rule needs the tag to add');
	if (SEGMENT_TRIGGERS.includes(String(rule.trigger)) && !present(rule.segment))
		add('segment', `the ${String(rule.trigger)} trigger needs a segment`);
	const range = (field: string, min: number, max: number, integer = true) => {
		const value = number(rule[field]);
		if (value === null) return;
		if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value)))
			add(field, `must be ${integer ? 'a whole number ' : ''}between ${min} and ${max}`);
	};
	range('delay_minutes', 0, 525_600);
	range('min_days_between', 0, 3650);
	range('holdout_percent', 0, 100);
	range('inactivity_floor_days', 0, 3650);
	range('inactivity_factor', 0.1, 100, false);
	return issues;
}
