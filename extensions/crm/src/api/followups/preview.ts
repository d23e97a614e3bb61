// Renders a template (saved, or unsaved source) for a chosen customer, exactly as the dispatcher would, including
// the advertising rules; nothing is sent or stored.
import type { Knex } from 'knex';
import { composeMessage, TemplateCache } from '../../domain/templates';
import { customerTimeZone, followupSettings } from '../../data/followups/rules-repo';
import { loadCustomer, triggerData } from '../../data/followups/send-facts';
import { localDate } from '../../domain/followups';
import type { MessageLinks } from './links';
import { templateIssues, type FieldIssue } from './validation';
import { templateById } from '../../data/lookups';

export interface PreviewInput {
	template?: number;
	source?: { subject?: string; body?: string; kind?: string; purpose?: string; language?: string; key?: string };
	customer: number;
	now: Date;
}

export type PreviewResult =
	| { issues: FieldIssue[] }
	| { notFound: string }
	| { subject: string; body: string; text: string | null; channel: string; marketing: boolean };

export async function previewTemplate(
	knex: Knex,
	input: PreviewInput,
	deps: { cache: TemplateCache; links: MessageLinks },
): Promise<PreviewResult> {
	const stored = input.template === undefined ? null : await templateById(knex, input.template);
	if (input.template !== undefined && !stored) return { notFound: 'template' };
	const template = {
		id: stored?.id ?? `preview:${Date.now()}`,
		date_updated: stored?.date_updated ?? null,
		...(stored ?? {}),
		...(input.source ?? {}),
	};
	const issues = templateIssues(template);
	if (issues.length) return { issues };
	const customer = await loadCustomer(knex, input.customer);
	if (!customer) return { notFound: 'customer' };
	const settings = await followupSettings(knex);
	const timeZone = customerTimeZone(customer, settings);
	const channel = template.kind === 'sms' || template.kind === 'kakao' ? template.kind : 'email';
	const marketing = template.purpose === 'marketing';
	const data = await triggerData(knex, customer.id, {});
	let message;
	try {
		message = composeMessage({
			template,
			channel,
			marketing,
			sender: settings.sender,
			timeZone,
			currency: settings.currency,
			// Unsaved sources are compiled without caching them (their id is unique per request).
			cache: input.source ? new TemplateCache(2) : deps.cache,
			unsubscribeUrl: marketing ? deps.links.unsubscribe(customer.id, channel, input.now) : null,
			context: {
				customer,
				today: localDate(input.now, timeZone),
				...data,
				rule: null,
				surveyUrl:
					template.kind === 'survey'
						? deps.links.survey({
								customer: customer.id,
								surveyKey: template.key,
								order: null,
								channel,
								now: input.now,
								validDays: settings.surveyLinkDays,
							})
						: null,
			},
		});
	} catch (error) {
		return { issues: [{ field: 'body', message: (error as Error).message }] };
	}
	return { subject: message.subject, body: message.body, text: message.text ?? null, channel, marketing };
}
