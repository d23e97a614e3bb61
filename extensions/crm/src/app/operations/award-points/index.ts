import { defineOperationApp } from '@directus/extensions-sdk';

export default defineOperationApp({
	id: 'crm-award-points',
	name: 'CRM: 포인트 지급 / Award points',
	icon: 'loyalty',
	description:
		'고객에게 포인트를 지급(또는 차감)합니다. 같은 키로는 한 번만. / Awards (or takes) points; once per key.',
	overview: ({ customer, points, reason }) => [
		{ label: 'Customer / 고객', text: String(customer ?? '') },
		{ label: 'Points / 포인트', text: String(points ?? '') },
		{ label: 'Reason / 사유', text: String(reason ?? '') },
	],
	options: [
		{
			field: 'customer',
			name: 'Customer id / 고객 ID',
			type: 'string',
			meta: { width: 'half', interface: 'input', required: true, note: 'e.g. {{$trigger.payload.customer}}' },
		},
		{
			field: 'points',
			name: 'Points / 포인트',
			type: 'string',
			meta: { width: 'half', interface: 'input', required: true },
		},
		{
			field: 'reason',
			name: 'Reason / 사유',
			type: 'string',
			meta: { width: 'full', interface: 'input', required: true },
		},
		{
			field: 'key',
			name: 'Idempotency key / 중복 방지 키',
			type: 'string',
			meta: {
				width: 'full',
				interface: 'input',
				required: true,
				note: 'e.g. {{$trigger.key}}: the same key awards once. / 같은 키는 한 번만 지급합니다.',
			},
		},
	],
});
