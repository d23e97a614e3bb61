import { defineOperationApp } from '@directus/extensions-sdk';

export default defineOperationApp({
	id: 'crm-enqueue-followup',
	name: 'CRM: 후속 메시지 예약 / Enqueue follow-up',
	icon: 'schedule_send',
	description:
		'후속 조치 규칙으로 고객에게 메시지를 예약합니다 (동의·야간 제한·대조군 적용). / Plans a follow-up rule for a customer (consent, quiet hours, holdout apply).',
	overview: ({ rule, customer }) => [
		{ label: 'Rule / 규칙', text: String(rule ?? '') },
		{ label: 'Customer / 고객', text: String(customer ?? '') },
	],
	options: [
		{
			field: 'rule',
			name: 'Follow-up rule id / 규칙 ID',
			type: 'string',
			meta: { width: 'half', interface: 'input', required: true },
		},
		{
			field: 'customer',
			name: 'Customer id / 고객 ID',
			type: 'string',
			meta: { width: 'half', interface: 'input', required: true },
		},
		{
			field: 'key',
			name: 'Occurrence key / 발생 키',
			type: 'string',
			meta: {
				width: 'full',
				interface: 'input',
				required: true,
				note: 'The same rule, customer and key plan one message. / 같은 규칙·고객·키는 한 번만 예약합니다.',
			},
		},
	],
});
