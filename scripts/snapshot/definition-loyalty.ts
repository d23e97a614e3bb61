// Loyalty (points ledger, earning rules, tiers, rewards, coupons), the inbound event journal and the change history.
// Kept apart from definition.ts so each file stays readable; definition.ts joins them into COLLECTIONS.
import { f, type Choice, type CollectionDef } from './dsl.ts';

const customerTemplate = '{{full_name}}';

const ACTIVE: Choice[] = [
	{ value: 'active', en: 'Active', ko: '활성', color: '#2ECDA7' },
	{ value: 'archived', en: 'Archived', ko: '보관됨', color: '#A2B5CD' },
];
export const LEDGER_KINDS: Choice[] = [
	{ value: 'earn', en: 'Earned', ko: '적립', color: '#2ECDA7' },
	{ value: 'redeem', en: 'Redeemed', ko: '사용', color: '#3399FF' },
	{ value: 'expire', en: 'Expired', ko: '소멸', color: '#A2B5CD' },
	{ value: 'adjust', en: 'Adjusted', ko: '조정', color: '#FFC23B' },
	{ value: 'reverse', en: 'Reversed', ko: '취소 회수', color: '#E35169' },
];
export const RULE_KINDS: Choice[] = [
	{ value: 'spend', en: 'Points per amount spent', ko: '구매 금액당 적립' },
	{ value: 'multiplier', en: 'Multiplier', ko: '적립 배수' },
	{ value: 'bonus', en: 'Fixed bonus for an event', ko: '이벤트 보너스' },
];
export const BONUS_EVENTS: Choice[] = [
	{ value: 'first_purchase', en: 'First purchase', ko: '첫 구매' },
	{ value: 'birthday_month', en: 'Purchase in birthday month', ko: '생일 달 구매' },
	{ value: 'survey_answered', en: 'Survey answered', ko: '설문 응답' },
	{ value: 'referral', en: 'Referral', ko: '지인 추천' },
	{ value: 'review', en: 'Review', ko: '리뷰' },
];
const STACKING: Choice[] = [
	{ value: 'additive', en: 'Adds to other rules', ko: '다른 규칙과 합산' },
	{ value: 'best_of', en: 'Best of competing rules', ko: '경쟁 규칙 중 최대만' },
];
const WEEKDAYS: Choice[] = [
	{ value: '1', en: 'Monday', ko: '월요일' },
	{ value: '2', en: 'Tuesday', ko: '화요일' },
	{ value: '3', en: 'Wednesday', ko: '수요일' },
	{ value: '4', en: 'Thursday', ko: '목요일' },
	{ value: '5', en: 'Friday', ko: '금요일' },
	{ value: '6', en: 'Saturday', ko: '토요일' },
	{ value: '7', en: 'Sunday', ko: '일요일' },
];
const REWARD_KINDS: Choice[] = [
	{ value: 'amount', en: 'Fixed discount', ko: '정액 할인' },
	{ value: 'percent', en: 'Percent discount', ko: '정률 할인' },
	{ value: 'free_product', en: 'Free product', ko: '상품 증정' },
];
export const COUPON_STATUSES: Choice[] = [
	{ value: 'issued', en: 'Issued', ko: '발급됨', color: '#3399FF' },
	{ value: 'used', en: 'Used', ko: '사용됨', color: '#2ECDA7' },
	{ value: 'voided', en: 'Voided', ko: '취소됨', color: '#E35169' },
	{ value: 'expired', en: 'Expired', ko: '만료됨', color: '#A2B5CD' },
];
export const EVENT_TYPES: Choice[] = [
	{ value: 'order.placed', en: 'Order placed', ko: '주문 접수' },
	{ value: 'order.paid', en: 'Order paid', ko: '주문 결제' },
	{ value: 'order.refunded', en: 'Order refunded', ko: '주문 환불' },
	{ value: 'order.cancelled', en: 'Order cancelled', ko: '주문 취소' },
	{ value: 'customer.upsert', en: 'Customer upsert', ko: '고객 등록·수정' },
	{ value: 'interaction.logged', en: 'Interaction logged', ko: '상호작용 기록' },
];
const EVENT_STATUSES: Choice[] = [
	{ value: 'processed', en: 'Processed', ko: '처리됨', color: '#2ECDA7' },
	{ value: 'rejected', en: 'Rejected', ko: '거부됨', color: '#E35169' },
];
export const HISTORY_KINDS: Choice[] = [
	{ value: 'stage', en: 'Relationship stage', ko: '관계 단계' },
	{ value: 'tier', en: 'Loyalty tier', ko: '멤버십 등급' },
	{ value: 'consent', en: 'Consent', ko: '수신 동의' },
	{ value: 'merge', en: 'Merged record', ko: '고객 병합' },
];

export const LOYALTY_CHOICES: Choice[] = [
	...LEDGER_KINDS,
	...RULE_KINDS,
	...BONUS_EVENTS,
	...STACKING,
	...WEEKDAYS,
	...REWARD_KINDS,
	...COUPON_STATUSES,
	...EVENT_TYPES,
	...EVENT_STATUSES,
	...HISTORY_KINDS,
];

const multiSelect = (
	field: string,
	label: { en: string; ko: string },
	choices: Choice[],
	note: { en: string; ko: string },
) => ({
	...f.tags(field, label, { note, width: 'half' }),
	meta: {
		...f.tags(field, label).meta,
		width: 'half',
		interface: 'select-multiple-checkbox',
		options: { choices: choices.map((c) => ({ text: `$t:crm_choice_${c.value}`, value: c.value })) },
		display_options: { choices: choices.map((c) => ({ text: `$t:crm_choice_${c.value}`, value: c.value })) },
	},
});
// The order channels of crm_orders.channel (their labels are installed with the order's choices).
const RULE_CHANNELS: Choice[] = ['store', 'web', 'app', 'phone', 'marketplace'].map((value) => ({
	value,
	en: value,
	ko: value,
}));

export const LOYALTY_COLLECTIONS: CollectionDef[] = [
	{
		collection: 'crm_loyalty_rules',
		label: { en: 'Earning rules', ko: '적립 규칙', enSingular: 'Earning rule', koSingular: '적립 규칙' },
		note: {
			en: 'How customers earn points: per amount spent, multipliers and event bonuses.',
			ko: '포인트 적립 방법: 구매 금액당 적립, 배수, 이벤트 보너스',
		},
		icon: 'redeem',
		color: '#2ECDA7',
		displayTemplate: '{{name}}',
		archive: { field: 'status', value: 'archived', unarchive: 'active' },
		fields: [
			f.select('status', { en: 'Status', ko: '상태' }, ACTIVE, { defaultValue: 'active', required: true }),
			f.string('name', { en: 'Name', ko: '이름' }, { required: true }),
			f.select('kind', { en: 'Kind', ko: '종류' }, RULE_KINDS, { required: true, defaultValue: 'spend' }),
			f.decimal(
				'points',
				{ en: 'Points', ko: '포인트' },
				{
					defaultValue: 1,
					note: {
						en: 'Spend: points per "amount" below. Bonus: points given once per event.',
						ko: '구매 적립: 아래 금액당 포인트. 보너스: 이벤트마다 한 번 주는 포인트.',
					},
				},
			),
			f.decimal(
				'per_amount',
				{ en: 'Per amount spent', ko: '기준 금액' },
				{
					defaultValue: 1000,
					note: {
						en: 'E.g. 1 point per ₩1,000: points 1, amount 1000.',
						ko: '예: 1,000원당 1포인트 → 포인트 1, 기준 금액 1000',
					},
				},
			),
			f.decimal(
				'factor',
				{ en: 'Multiplier', ko: '배수' },
				{
					note: {
						en: 'Multiplier rules: 2 = double points on matching lines.',
						ko: '배수 규칙: 2 = 조건에 맞는 상품 포인트 2배',
					},
				},
			),
			f.string(
				'formula',
				{ en: 'Formula (optional)', ko: '계산식 (선택)' },
				{
					width: 'full',
					note: {
						en: 'Replaces points per amount, e.g. floor(amount / 1000) * 2 + 10. Variables: amount, quantity, lines; functions floor, round, ceil, min, max, abs.',
						ko: '기준 금액 대신 사용. 예: floor(amount / 1000) * 2 + 10. 변수 amount, quantity, lines, 함수 floor, round, ceil, min, max, abs',
					},
				},
			),
			f.select('event', { en: 'Bonus event', ko: '보너스 이벤트' }, BONUS_EVENTS),
			f.select('stacking', { en: 'Stacking', ko: '중복 적용' }, STACKING, {
				defaultValue: 'additive',
				required: true,
				note: {
					en: '"Best of": among competing rules of the same kind only the one giving most points applies.',
					ko: '"최대만": 같은 종류의 경쟁 규칙 중 가장 많이 주는 규칙 하나만 적용',
				},
			}),
			f.integer(
				'priority',
				{ en: 'Priority', ko: '우선순위' },
				{
					defaultValue: 100,
					note: { en: 'Lower runs first and wins ties.', ko: '작을수록 먼저 적용되고 동점일 때 우선합니다.' },
				},
			),
			f.tags(
				'tiers',
				{ en: 'Only for tiers', ko: '적용 등급' },
				{ width: 'half', note: { en: 'Tier codes; empty = every customer.', ko: '등급 코드, 비우면 모든 고객' } },
			),
			f.tags(
				'categories',
				{ en: 'Only categories', ko: '적용 카테고리' },
				{ width: 'half', note: { en: 'Empty = every product.', ko: '비우면 모든 상품' } },
			),
			f.tags('products', { en: 'Only products (SKU)', ko: '적용 상품 (상품 코드)' }, { width: 'half' }),
			multiSelect('channels', { en: 'Only order channels', ko: '적용 주문 채널' }, RULE_CHANNELS, {
				en: 'None ticked = every channel.',
				ko: '선택하지 않으면 모든 채널',
			}),
			multiSelect('weekdays', { en: 'Only on weekdays', ko: '적용 요일' }, WEEKDAYS, {
				en: 'In the CRM time zone; none ticked = every day.',
				ko: 'CRM 시간대 기준, 선택하지 않으면 매일',
			}),
			f.timestamp('starts_at', { en: 'Starts', ko: '시작' }),
			f.timestamp('ends_at', { en: 'Ends', ko: '종료' }),
			f.integer('cap_per_order', { en: 'Cap per order', ko: '주문당 한도' }),
			f.integer('cap_per_day', { en: 'Cap per customer per day', ko: '고객별 일 한도' }),
			f.integer('cap_per_customer', { en: 'Cap per customer', ko: '고객별 총 한도' }),
			f.text('description', { en: 'Description', ko: '설명' }),
			f.created(),
			f.updated(),
		],
	},
	{
		collection: 'crm_tiers',
		label: { en: 'Tiers', ko: '멤버십 등급', enSingular: 'Tier', koSingular: '멤버십 등급' },
		note: {
			en: 'Membership tiers, qualified by points earned in a rolling window.',
			ko: '일정 기간 적립 포인트로 정해지는 멤버십 등급',
		},
		icon: 'workspace_premium',
		color: '#FFC23B',
		displayTemplate: '{{name}}',
		sortField: 'rank',
		fields: [
			f.string(
				'code',
				{ en: 'Code', ko: '코드' },
				{
					required: true,
					unique: true,
					note: { en: 'Short id used by rules, e.g. gold.', ko: '규칙에서 쓰는 짧은 코드 (예: gold)' },
				},
			),
			f.string('name', { en: 'Name', ko: '이름' }, { required: true }),
			f.integer(
				'rank',
				{ en: 'Rank', ko: '순위' },
				{ required: true, defaultValue: 0, note: { en: 'Higher is better.', ko: '클수록 높은 등급' } },
			),
			f.decimal(
				'threshold',
				{ en: 'Points earned to qualify', ko: '자격 적립 포인트' },
				{
					defaultValue: 0,
					required: true,
					note: {
						en: 'Points earned (not the balance) within the tier window in settings.',
						ko: '설정의 등급 산정 기간 동안 적립한 포인트 (잔액 아님)',
					},
				},
			),
			f.decimal('multiplier', { en: 'Earning multiplier', ko: '적립 배수' }, { defaultValue: 1, required: true }),
			f.boolean('free_shipping', { en: 'Free shipping', ko: '무료 배송' }),
			f.m2o('birthday_reward', { en: 'Birthday reward', ko: '생일 리워드' }, 'crm_rewards', '{{name}}'),
			f.string('color', { en: 'Color', ko: '색상' }, { interface: 'select-color', maxLength: 16 }),
			f.text('description', { en: 'Benefits', ko: '혜택 설명' }),
		],
	},
	{
		collection: 'crm_rewards',
		label: { en: 'Rewards', ko: '리워드', enSingular: 'Reward', koSingular: '리워드' },
		note: {
			en: 'What points can be exchanged for; redeeming issues a coupon.',
			ko: '포인트로 교환할 수 있는 혜택 (교환 시 쿠폰 발급)',
		},
		icon: 'card_giftcard',
		color: '#E35169',
		displayTemplate: '{{name}} ({{points_cost}}P)',
		archive: { field: 'status', value: 'archived', unarchive: 'active' },
		fields: [
			f.select('status', { en: 'Status', ko: '상태' }, ACTIVE, { defaultValue: 'active', required: true }),
			f.string('name', { en: 'Name', ko: '이름' }, { required: true }),
			f.integer('points_cost', { en: 'Points cost', ko: '필요 포인트' }, { required: true, defaultValue: 1000 }),
			f.select('kind', { en: 'Kind', ko: '종류' }, REWARD_KINDS, { required: true, defaultValue: 'amount' }),
			f.decimal('amount', { en: 'Discount amount', ko: '할인 금액' }),
			f.decimal('percent', { en: 'Discount percent', ko: '할인율 (%)' }),
			f.decimal('max_discount', { en: 'Maximum discount', ko: '최대 할인 금액' }),
			f.m2o('product', { en: 'Free product', ko: '증정 상품' }, 'crm_products', '{{name}}'),
			f.integer(
				'valid_days',
				{ en: 'Coupon valid for (days)', ko: '쿠폰 유효 기간 (일)' },
				{ defaultValue: 30, required: true },
			),
			f.text('description', { en: 'Description', ko: '설명' }),
		],
	},
	{
		collection: 'crm_coupons',
		label: { en: 'Coupons', ko: '쿠폰', enSingular: 'Coupon', koSingular: '쿠폰' },
		note: { en: 'Single-use codes issued when points are redeemed.', ko: '포인트 교환으로 발급된 1회용 쿠폰' },
		icon: 'confirmation_number',
		color: '#3399FF',
		displayTemplate: '{{code}} · {{reward.name}}',
		fields: [
			f.string('code', { en: 'Code', ko: '쿠폰 번호' }, { required: true, unique: true, readonly: true }),
			f.m2o('customer', { en: 'Customer', ko: '고객' }, 'crm_customers', customerTemplate, {
				required: true,
				onDelete: 'CASCADE',
			}),
			f.m2o('reward', { en: 'Reward', ko: '리워드' }, 'crm_rewards', '{{name}}', {
				required: true,
				onDelete: 'NO ACTION',
			}),
			f.select('status', { en: 'Status', ko: '상태' }, COUPON_STATUSES, {
				defaultValue: 'issued',
				required: true,
				indexed: true,
				readonly: true,
			}),
			f.integer('points_cost', { en: 'Points paid', ko: '사용 포인트' }, { readonly: true }),
			f.timestamp('issued_at', { en: 'Issued', ko: '발급 일시' }, { readonly: true }),
			f.timestamp('expires_at', { en: 'Expires', ko: '만료 일시' }, { readonly: true, indexed: true }),
			f.timestamp('used_at', { en: 'Used', ko: '사용 일시' }, { readonly: true }),
			f.m2o('order', { en: 'Used on order', ko: '사용 주문' }, 'crm_orders', '{{id}} · {{ordered_at}}'),
			f.string('source_key', { en: 'Request key', ko: '요청 키' }, { unique: true, hidden: true, readonly: true }),
		],
	},
	{
		collection: 'crm_points_ledger',
		owned: { appendOnly: true },
		label: { en: 'Points ledger', ko: '포인트 원장', enSingular: 'Points movement', koSingular: '포인트 내역' },
		note: {
			en: 'Every points movement, append-only. The balance is the sum.',
			ko: '모든 포인트 변동 (추가만 가능). 잔액은 합계입니다.',
		},
		icon: 'account_balance_wallet',
		color: '#2ECDA7',
		displayTemplate: '{{kind}} {{points}} · {{customer.full_name}}',
		fields: [
			f.m2o('customer', { en: 'Customer', ko: '고객' }, 'crm_customers', customerTemplate, {
				required: true,
				onDelete: 'CASCADE',
				readonly: true,
			}),
			f.select('kind', { en: 'Kind', ko: '종류' }, LEDGER_KINDS, { required: true, indexed: true, readonly: true }),
			f.integer('points', { en: 'Points', ko: '포인트' }, { required: true, readonly: true }),
			f.timestamp('occurred_at', { en: 'When', ko: '일시' }, { required: true, indexed: true, readonly: true }),
			f.timestamp('expires_at', { en: 'Expires', ko: '소멸 예정' }, { indexed: true, readonly: true }),
			f.integer(
				'lot_remaining',
				{ en: 'Unspent', ko: '미사용 잔여' },
				{
					readonly: true,
					note: {
						en: 'For earned points: how many are still spendable (used oldest-expiring first).',
						ko: '적립분 중 아직 쓸 수 있는 포인트 (소멸 임박분부터 사용)',
					},
				},
			),
			f.json('allocations', { en: 'Lots used', ko: '사용한 적립분' }, { readonly: true, hidden: true }),
			f.m2o('order', { en: 'Order', ko: '주문' }, 'crm_orders', '{{id}} · {{ordered_at}}', { readonly: true }),
			f.m2o('rule', { en: 'Earning rule', ko: '적립 규칙' }, 'crm_loyalty_rules', '{{name}}', { readonly: true }),
			f.m2o('coupon', { en: 'Coupon', ko: '쿠폰' }, 'crm_coupons', '{{code}}', { readonly: true }),
			f.string('reason', { en: 'Reason', ko: '사유' }, { width: 'full', readonly: true }),
			f.m2o('staff', { en: 'By', ko: '처리자' }, 'directus_users', '{{first_name}} {{last_name}}', { readonly: true }),
			f.string(
				'source_key',
				{ en: 'Source key', ko: '원천 키' },
				{
					required: true,
					unique: true,
					readonly: true,
					note: {
						en: 'What caused the movement; unique, so nothing is counted twice.',
						ko: '변동의 원인 (중복 적립 방지용 고유 키)',
					},
				},
			),
		],
	},
	{
		collection: 'crm_events',
		owned: { appendOnly: true },
		label: { en: 'Event journal', ko: '이벤트 기록', enSingular: 'Event', koSingular: '이벤트' },
		note: {
			en: 'Events received from shops, POS and apps, by idempotency key.',
			ko: '쇼핑몰·POS·앱에서 받은 이벤트 (멱등 키 기준)',
		},
		icon: 'input',
		color: '#A2B5CD',
		displayTemplate: '{{type}} · {{idempotency_key}}',
		fields: [
			f.string(
				'idempotency_key',
				{ en: 'Idempotency key', ko: '멱등 키' },
				{ required: true, unique: true, readonly: true },
			),
			f.select('type', { en: 'Type', ko: '유형' }, EVENT_TYPES, { required: true, readonly: true }),
			f.select('status', { en: 'Status', ko: '상태' }, EVENT_STATUSES, { required: true, readonly: true }),
			f.timestamp(
				'received_at',
				{ en: 'Received', ko: '수신 일시' },
				{ required: true, indexed: true, readonly: true },
			),
			f.json('payload', { en: 'Payload', ko: '내용' }, { readonly: true }),
			f.json('result', { en: 'Result', ko: '처리 결과' }, { readonly: true }),
		],
	},
	{
		collection: 'crm_history',
		owned: { appendOnly: true },
		label: { en: 'Change history', ko: '변경 이력', enSingular: 'Change', koSingular: '변경 이력' },
		note: {
			en: 'Stage, tier and consent changes and merged records, with their reason.',
			ko: '관계 단계·등급·수신 동의 변경과 고객 병합, 그 사유',
		},
		icon: 'history',
		color: '#A2B5CD',
		displayTemplate: '{{kind}}: {{from_value}} → {{to_value}}',
		fields: [
			f.m2o('customer', { en: 'Customer', ko: '고객' }, 'crm_customers', customerTemplate, {
				required: true,
				onDelete: 'CASCADE',
				readonly: true,
			}),
			f.select('kind', { en: 'What changed', ko: '변경 항목' }, HISTORY_KINDS, {
				required: true,
				indexed: true,
				readonly: true,
			}),
			// Indexed: a merged customer's identifiers (kind merge) are looked up here when an event names them.
			f.string('from_value', { en: 'From', ko: '이전' }, { readonly: true, indexed: true }),
			f.string('to_value', { en: 'To', ko: '이후' }, { readonly: true }),
			f.string('reason', { en: 'Reason', ko: '사유' }, { width: 'full', readonly: true }),
			f.timestamp('changed_at', { en: 'When', ko: '일시' }, { required: true, indexed: true, readonly: true }),
			f.m2o('staff', { en: 'By', ko: '처리자' }, 'directus_users', '{{first_name}} {{last_name}}', { readonly: true }),
		],
	},
];
