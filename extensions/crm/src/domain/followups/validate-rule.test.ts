import { describe, expect, it } from 'vitest';
import { validateFollowupRule } from './validate-rule';

const email = { kind: 'email', purpose: 'marketing' };

describe('follow-up rule validation', () => {
	it('accepts a complete rule', () => {
		expect(
			validateFollowupRule(
				{ trigger: 'order_paid', action: 'email', template: 1, delay_minutes: 4320, holdout_percent: 10 },
				email,
			),
		).toEqual([]);
		expect(validateFollowupRule({ trigger: 'inactivity', action: 'task', inactivity_factor: 2.5 }, null)).toEqual([]);
		expect(
			validateFollowupRule(
				{ trigger: 'order_paid', action: 'sms', template: 2 },
				{ kind: 'survey', purpose: 'transactional' },
			),
		).toEqual([]);
	});

	it('names each problem by field', () => {
		expect(validateFollowupRule({ trigger: 'someday', action: 'fax' }, null).map((i) => i.field)).toEqual([
			'trigger',
			'action',
		]);
		expect(validateFollowupRule({ trigger: 'order_paid', action: 'email' }, null)).toEqual([
			{ field: 'template', message: 'an email rule needs a template' },
		]);
		expect(validateFollowupRule({ trigger: 'order_paid', action: 'sms', template: 1 }, email)[0].message).toMatch(
			/needs a sms or survey template, not email/,
		);
		expect(
			validateFollowupRule({ trigger: 'manual', action: 'points', award_points: 0 }, null).map((i) => i.field),
		).toEqual(['award_points', 'segment']);
		expect(validateFollowupRule({ trigger: 'birthday', action: 'tag', tag: ' ' }, null).map((i) => i.field)).toEqual([
			'tag',
		]);
		expect(
			validateFollowupRule({ trigger: 'birthday', action: 'task', holdout_percent: 120, delay_minutes: -5 }, null).map(
				(i) => i.field,
			),
		).toEqual(['delay_minutes', 'holdout_percent']);
	});
});
