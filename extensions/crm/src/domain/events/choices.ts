// Allowed values of the select fields the events API writes (kept equal to the schema by choices.test.ts).
export const CHOICES = {
	orderStatus: ['pending', 'paid', 'fulfilled', 'refunded', 'cancelled'],
	orderChannel: ['store', 'web', 'app', 'phone', 'marketplace'],
	lineKind: ['product', 'discount', 'reward', 'shipping'],
	interactionChannel: ['store', 'phone', 'email', 'sms', 'kakao', 'web', 'social', 'visit'],
	interactionType: ['call', 'visit', 'note', 'inquiry', 'complaint', 'after_sales', 'meeting', 'task', 'message'],
	interactionStatus: ['open', 'done'],
	direction: ['inbound', 'outbound', 'internal'],
	language: ['ko-KR', 'en-US'],
	gender: ['female', 'male', 'other'],
	source: ['store', 'web', 'app', 'referral', 'social', 'event', 'import', 'other'],
	contactChannel: ['email', 'sms', 'kakao', 'phone'],
} as const satisfies Record<string, readonly string[]>;
