// The CRM's schema, described once. Budget: at most 20 crm_ collections (see README "Collection budget").
import { f, type Choice, type CollectionDef } from './dsl.ts';
import { LOYALTY_CHOICES, LOYALTY_COLLECTIONS } from './definition-loyalty.ts';
import { FOLLOWUP_CHOICES, FOLLOWUP_COLLECTIONS } from './definition-followups.ts';

import { SCHEMA_VERSION } from '../../extensions/crm/src/schema-version.ts';

export { SCHEMA_VERSION };

export const STAGES: Choice[] = [
	{ value: 'prospect', en: 'Prospect', ko: '잠재 고객', color: '#A2B5CD' },
	{ value: 'customer', en: 'Customer', ko: '고객', color: '#3399FF' },
	{ value: 'regular', en: 'Regular', ko: '단골', color: '#2ECDA7' },
	{ value: 'advocate', en: 'Advocate', ko: '추천 고객', color: '#FFC23B' },
	{ value: 'partner', en: 'Partner', ko: '파트너', color: '#E35169' },
];
const STATUS: Choice[] = [
	{ value: 'active', en: 'Active', ko: '활성', color: '#2ECDA7' },
	{ value: 'archived', en: 'Archived', ko: '보관됨', color: '#A2B5CD' },
];
const SOURCES: Choice[] = [
	{ value: 'store', en: 'Store', ko: '매장' },
	{ value: 'web', en: 'Website', ko: '웹사이트' },
	{ value: 'app', en: 'Mobile app', ko: '모바일 앱' },
	{ value: 'referral', en: 'Referral', ko: '지인 추천' },
	{ value: 'social', en: 'Social media', ko: '소셜 미디어' },
	{ value: 'event', en: 'Event', ko: '행사' },
	{ value: 'import', en: 'Import', ko: '가져오기' },
	{ value: 'other', en: 'Other', ko: '기타' },
];
export const INTERACTION_CHANNELS: Choice[] = [
	{ value: 'store', en: 'Store', ko: '매장' },
	{ value: 'phone', en: 'Phone', ko: '전화' },
	{ value: 'email', en: 'E-mail', ko: '이메일' },
	{ value: 'sms', en: 'SMS', ko: '문자' },
	{ value: 'kakao', en: 'KakaoTalk', ko: '카카오톡' },
	{ value: 'web', en: 'Web', ko: '웹' },
	{ value: 'social', en: 'Social media', ko: '소셜 미디어' },
	{ value: 'visit', en: 'On-site visit', ko: '방문' },
];
const ORDER_CHANNELS: Choice[] = [
	{ value: 'store', en: 'Store', ko: '매장' },
	{ value: 'web', en: 'Web shop', ko: '온라인몰' },
	{ value: 'app', en: 'Mobile app', ko: '모바일 앱' },
	{ value: 'phone', en: 'Phone order', ko: '전화 주문' },
	{ value: 'marketplace', en: 'Marketplace', ko: '오픈마켓' },
];
export const ORDER_STATUSES: Choice[] = [
	{ value: 'pending', en: 'Pending', ko: '대기', color: '#A2B5CD' },
	{ value: 'paid', en: 'Paid', ko: '결제 완료', color: '#3399FF' },
	{ value: 'fulfilled', en: 'Fulfilled', ko: '배송 완료', color: '#2ECDA7' },
	{ value: 'refunded', en: 'Refunded', ko: '환불', color: '#FFC23B' },
	{ value: 'cancelled', en: 'Cancelled', ko: '취소', color: '#E35169' },
];
const LINE_KINDS: Choice[] = [
	{ value: 'product', en: 'Product', ko: '상품' },
	{ value: 'discount', en: 'Discount', ko: '할인' },
	{ value: 'reward', en: 'Reward', ko: '리워드' },
	{ value: 'shipping', en: 'Shipping', ko: '배송비' },
];
const DIRECTIONS: Choice[] = [
	{ value: 'inbound', en: 'Inbound', ko: '수신' },
	{ value: 'outbound', en: 'Outbound', ko: '발신' },
	{ value: 'internal', en: 'Internal', ko: '내부' },
];
const INTERACTION_TYPES: Choice[] = [
	{ value: 'call', en: 'Call', ko: '통화' },
	{ value: 'visit', en: 'Visit', ko: '방문' },
	{ value: 'note', en: 'Note', ko: '메모' },
	{ value: 'inquiry', en: 'Inquiry', ko: '문의' },
	{ value: 'complaint', en: 'Complaint', ko: '불만' },
	{ value: 'after_sales', en: 'After-sales service', ko: '사후 서비스' },
	{ value: 'meeting', en: 'Meeting', ko: '미팅' },
	{ value: 'task', en: 'Task', ko: '할 일' },
	{ value: 'message', en: 'Message', ko: '메시지' },
];
const INTERACTION_STATUSES: Choice[] = [
	{ value: 'open', en: 'Open', ko: '진행 중', color: '#FFC23B' },
	{ value: 'done', en: 'Done', ko: '완료', color: '#2ECDA7' },
];
const FEEDBACK_KINDS: Choice[] = [
	{ value: 'nps', en: 'NPS', ko: 'NPS' },
	{ value: 'csat', en: 'CSAT', ko: '만족도(CSAT)' },
	{ value: 'review', en: 'Review', ko: '리뷰' },
];
const LANGUAGES: Choice[] = [
	{ value: 'ko-KR', en: 'Korean', ko: '한국어' },
	{ value: 'en-US', en: 'English', ko: '영어' },
];
export const RFM_CELLS: Choice[] = [
	{ value: 'champions', en: 'Champions', ko: '최우수 고객', color: '#2ECDA7' },
	{ value: 'loyal', en: 'Loyal', ko: '충성 고객', color: '#3399FF' },
	{ value: 'potential_loyalist', en: 'Potential loyalist', ko: '잠재 충성 고객', color: '#6644FF' },
	{ value: 'new', en: 'New', ko: '신규 고객', color: '#A2B5CD' },
	{ value: 'promising', en: 'Promising', ko: '유망 고객', color: '#FFC23B' },
	{ value: 'needs_attention', en: 'Needs attention', ko: '관심 필요', color: '#FFA439' },
	{ value: 'about_to_sleep', en: 'About to sleep', ko: '휴면 직전', color: '#FFA439' },
	{ value: 'at_risk', en: 'At risk', ko: '이탈 위험', color: '#E35169' },
	{ value: 'cannot_lose_them', en: 'Cannot lose them', ko: '놓치면 안 될 고객', color: '#E35169' },
	{ value: 'hibernating', en: 'Hibernating', ko: '휴면 고객', color: '#A2B5CD' },
	{ value: 'lost', en: 'Lost', ko: '이탈 고객', color: '#A2B5CD' },
];
const SEGMENT_KINDS: Choice[] = [
	{ value: 'dynamic', en: 'Dynamic (rule)', ko: '동적 (규칙)' },
	{ value: 'static', en: 'Static (hand-picked)', ko: '정적 (직접 선택)' },
];
const REFRESH_SCHEDULES: Choice[] = [
	{ value: 'manual', en: 'On demand only', ko: '요청 시에만' },
	{ value: 'hourly', en: 'Hourly', ko: '매시간' },
	{ value: 'nightly', en: 'Nightly', ko: '매일 밤' },
];
const MEMBER_SOURCES: Choice[] = [
	{ value: 'rule', en: 'Rule', ko: '규칙' },
	{ value: 'manual', en: 'Added by hand', ko: '직접 추가' },
	{ value: 'csv', en: 'CSV upload', ko: 'CSV 업로드' },
];
const GENDERS: Choice[] = [
	{ value: 'female', en: 'Female', ko: '여성' },
	{ value: 'male', en: 'Male', ko: '남성' },
	{ value: 'other', en: 'Other', ko: '기타' },
];
const CURRENCIES: Choice[] = [
	{ value: 'KRW', en: 'Korean won (KRW)', ko: '원 (KRW)' },
	{ value: 'USD', en: 'US dollar (USD)', ko: '미국 달러 (USD)' },
];
// 'customer' shares its label with the stage of that name (choice labels are keyed by value).
const CLV_MODELS: Choice[] = [
	{ value: 'auto', en: 'Automatic (holdout, else likelihood)', ko: '자동 (검증 성적, 없으면 우도)' },
	{ value: 'bgnbd', en: 'BG/NBD', ko: 'BG/NBD' },
	{ value: 'mbgnbd', en: 'MBG/NBD', ko: 'MBG/NBD' },
	{ value: 'pareto_nbd', en: 'Pareto/NBD', ko: 'Pareto/NBD' },
];
const REC_BASKETS: Choice[] = [
	{ value: 'customer', en: 'Customer', ko: '고객' },
	{ value: 'order', en: 'Order', ko: '주문' },
];
const CONTACT_CHANNELS: Choice[] = [
	{ value: 'email', en: 'E-mail', ko: '이메일' },
	{ value: 'sms', en: 'SMS', ko: '문자' },
	{ value: 'kakao', en: 'KakaoTalk', ko: '카카오톡' },
	{ value: 'phone', en: 'Phone', ko: '전화' },
];

export const ALL_CHOICES: Choice[] = [
	...STAGES,
	...STATUS,
	...SOURCES,
	...INTERACTION_CHANNELS,
	...ORDER_CHANNELS,
	...ORDER_STATUSES,
	...LINE_KINDS,
	...DIRECTIONS,
	...INTERACTION_TYPES,
	...INTERACTION_STATUSES,
	...FEEDBACK_KINDS,
	...LANGUAGES,
	...CONTACT_CHANNELS,
	...CURRENCIES,
	...GENDERS,
	...RFM_CELLS,
	...SEGMENT_KINDS,
	...REFRESH_SCHEDULES,
	...MEMBER_SOURCES,
	...REC_BASKETS,
	...CLV_MODELS,
	...LOYALTY_CHOICES,
	...FOLLOWUP_CHOICES,
];

const customerTemplate = '{{full_name}}';

// Thresholds as numeric(10,6): exact decimals on PostgreSQL, where a float field would be a 4-byte real (0.1 → 0.100000001).
const ratio = (...args: Parameters<typeof f.decimal>) => {
	const field = f.decimal(...args);
	return { ...field, schema: { ...field.schema, numeric_precision: 10, numeric_scale: 6 } };
};

const consent = (channel: string, en: string, ko: string) => [
	f.boolean(
		`consent_${channel}`,
		{ en: `${en} consent`, ko: `${ko} 수신 동의` },
		{
			note: { en: `Agreed to receive advertising by ${en}.`, ko: `${ko} 광고성 정보 수신에 동의했습니다.` },
			width: 'half',
			group: 'consent',
		},
	),
	f.timestamp(
		`consent_${channel}_at`,
		{ en: `${en} consent changed`, ko: `${ko} 동의 변경 시각` },
		{
			readonly: true,
			width: 'half',
			group: 'consent',
			note: { en: 'Set by the CRM whenever the consent changes.', ko: '동의 여부가 바뀔 때 CRM이 기록합니다.' },
		},
	),
];

export const COLLECTIONS: CollectionDef[] = [
	{
		collection: 'crm_settings',
		// The CLV fit is written by each refit (POST /crm/clv/refresh and the weekly job), never by hand.
		owned: { fields: ['clv_fit'] },
		label: { en: 'CRM settings', ko: 'CRM 설정', enSingular: 'CRM settings', koSingular: 'CRM 설정' },
		note: {
			en: 'Currency, time zone, quiet hours and sender identity.',
			ko: '통화, 시간대, 야간 발송 제한, 발신자 정보',
		},
		icon: 'tune',
		color: '#6644FF',
		singleton: true,
		fields: [
			f.select('currency', { en: 'Currency', ko: '통화' }, CURRENCIES, { defaultValue: 'KRW', required: true }),
			f.select('default_language', { en: 'Default language', ko: '기본 언어' }, LANGUAGES, {
				defaultValue: 'ko-KR',
				required: true,
			}),
			f.string(
				'timezone',
				{ en: 'Time zone', ko: '시간대' },
				{
					defaultValue: 'Asia/Seoul',
					required: true,
					interface: 'crm-time-zone',
					note: { en: 'IANA name, e.g. Asia/Seoul.', ko: 'IANA 시간대 이름 (예: Asia/Seoul)' },
				},
			),
			f.time(
				'quiet_hours_start',
				{ en: 'Quiet hours start', ko: '야간 발송 제한 시작' },
				{
					defaultValue: '21:00:00',
					note: {
						en: 'No advertising message is sent from this time without night consent.',
						ko: '야간 수신 동의가 없으면 이 시각부터 광고성 메시지를 보내지 않습니다.',
					},
				},
			),
			f.time('quiet_hours_end', { en: 'Quiet hours end', ko: '야간 발송 제한 종료' }, { defaultValue: '08:00:00' }),
			f.string(
				'sender_name',
				{ en: 'Sender name', ko: '발신자 이름' },
				{
					note: {
						en: 'Shown in every advertising message, as Korean law requires.',
						ko: '광고성 메시지에 표시되는 발신자 (법적 의무)',
					},
				},
			),
			f.string('sender_email', { en: 'Sender e-mail', ko: '발신 이메일' }),
			f.string('sender_phone', { en: 'Sender phone', ko: '발신 전화번호' }),
			f.string('sender_address', { en: 'Sender address', ko: '발신자 주소' }, { width: 'full' }),
			f.integer(
				'survey_link_days',
				{ en: 'Survey links valid for (days)', ko: '설문 링크 유효 기간 (일)' },
				{ defaultValue: 30 },
			),
			f.m2o(
				'support_owner',
				{ en: 'Support owner for low scores', ko: '저점 응답 담당자' },
				'directus_users',
				'{{first_name}} {{last_name}}',
				{
					note: {
						en: 'Gets the task when a low score arrives and the customer has no owner.',
						ko: '고객 담당자가 없을 때 저점 응답 후속 업무를 받습니다.',
					},
				},
			),
			f.json(
				'stage_rules',
				{ en: 'Relationship stage rules', ko: '관계 단계 규칙' },
				{
					interface: 'crm-stage-rules',
					options: {},
					note: {
						en: 'When customers move between stages, one rule per stage; empty = the built-in rules.',
						ko: '단계마다 하나의 규칙으로 고객 관계 단계가 바뀌는 조건을 정합니다. 비우면 기본 규칙',
					},
				},
			),
			f.integer(
				'frequency_cap_per_week',
				{ en: 'Max messages per customer per week', ko: '고객별 주간 최대 메시지 수' },
				{ defaultValue: 3 },
			),
			f.json(
				'kpi_goals',
				{ en: 'KPI goals', ko: 'KPI 목표' },
				{
					interface: 'crm-kpi-goals',
					options: {},
					note: {
						en: 'Per KPI a target, or a change on the previous period; rates and changes in percent.',
						ko: 'KPI마다 목표값 또는 이전 기간 대비 변화. 비율과 변화는 % 단위',
					},
				},
			),
			f.integer(
				'nps_low_threshold',
				{ en: 'Low NPS threshold', ko: 'NPS 저점 기준' },
				{
					defaultValue: 6,
					note: {
						en: 'Scores at or below this create a follow-up task for Support.',
						ko: '이 점수 이하이면 고객지원 후속 업무를 만듭니다.',
					},
				},
			),
			{ ...f.divider('loyalty_settings', { en: 'Loyalty', ko: '포인트·멤버십' }) },
			f.integer(
				'points_expiry_days',
				{ en: 'Points expire after (days)', ko: '포인트 유효 기간 (일)' },
				{
					defaultValue: 365,
					note: {
						en: 'Earned points expire this many days after they were earned; 0 = never.',
						ko: '적립일로부터 이 기간이 지나면 소멸합니다. 0 = 소멸 없음',
					},
				},
			),
			f.integer(
				'points_expiring_notice_days',
				{ en: 'Warn before expiry (days)', ko: '소멸 사전 안내 (일)' },
				{ defaultValue: 30 },
			),
			f.boolean(
				'allow_negative_points',
				{ en: 'Allow negative balance on refunds', ko: '환불 시 마이너스 잔액 허용' },
				{
					note: {
						en: 'When off, a refund after the points were spent takes back only what is left.',
						ko: '끄면 이미 사용한 포인트의 주문이 환불될 때 남은 포인트만 회수합니다.',
					},
				},
			),
			f.integer('tier_window_days', { en: 'Tier window (days)', ko: '등급 산정 기간 (일)' }, { defaultValue: 365 }),
			f.integer(
				'tier_review_days',
				{ en: 'Tier review period (days)', ko: '등급 유지 기간 (일)' },
				{
					defaultValue: 365,
					note: {
						en: 'Upgrades are immediate; a downgrade waits for the review date.',
						ko: '승급은 즉시, 강등은 등급 심사일에만 이루어집니다.',
					},
				},
			),
			f.integer('tier_grace_days', { en: 'Downgrade grace (days)', ko: '강등 유예 (일)' }, { defaultValue: 30 }),
			f.divider('recommendation_settings', { en: 'Recommendations', ko: '상품 추천' }),
			ratio(
				'rec_min_support',
				{ en: 'Minimum support', ko: '최소 지지도' },
				{
					defaultValue: 0.01,
					note: {
						en: 'Share of all baskets that contain both products, 0-1 (e.g. 0.01 = 1 %).',
						ko: '두 상품을 함께 구매한 장바구니 비율, 0~1 (예: 0.01 = 1%)',
					},
				},
			),
			ratio(
				'rec_min_confidence',
				{ en: 'Minimum confidence', ko: '최소 신뢰도' },
				{
					defaultValue: 0.1,
					note: {
						en: 'Of the baskets with X, the share that also have Y, 0-1.',
						ko: 'X를 구매한 장바구니 중 Y도 구매한 비율, 0~1',
					},
				},
			),
			ratio(
				'rec_min_lift',
				{ en: 'Minimum lift', ko: '최소 향상도' },
				{
					defaultValue: 1,
					note: {
						en: 'Confidence ÷ how common Y is; above 1 = bought together more than by chance.',
						ko: '신뢰도 ÷ Y의 전체 구매 비율. 1보다 크면 우연보다 자주 함께 구매',
					},
				},
			),
			f.integer(
				'rec_min_pairs',
				{ en: 'Minimum baskets with both', ko: '최소 동시 구매 수' },
				{
					defaultValue: 2,
					note: {
						en: 'A rule needs at least this many baskets with both products.',
						ko: '두 상품을 함께 구매한 장바구니가 이 수 이상이어야 추천합니다.',
					},
				},
			),
			f.integer(
				'rec_window_days',
				{ en: 'Purchase window (days)', ko: '구매 기간 (일)' },
				{
					defaultValue: 365,
					note: {
						en: 'Only paid or fulfilled orders of the last N days are mined.',
						ko: '최근 N일의 결제·배송 완료 주문만 분석합니다.',
					},
				},
			),
			f.integer(
				'rec_max_per_product',
				{ en: 'Recommendations kept per product', ko: '상품별 추천 수' },
				{ defaultValue: 5 },
			),
			f.select('rec_basket', { en: 'Basket', ko: '장바구니 기준' }, REC_BASKETS, {
				defaultValue: 'customer',
				note: {
					en: 'Customer: everything a customer bought in the window is one basket; order: each order is one.',
					ko: '고객: 기간 내 한 고객의 모든 구매를 하나로, 주문: 주문마다 하나로 봅니다.',
				},
			}),
			f.divider('clv_settings', { en: 'Customer lifetime value', ko: '고객 생애 가치 (CLV)' }),
			f.integer(
				'clv_purchase_days',
				{ en: 'Expected purchases over (days)', ko: '예상 구매 기간 (일)' },
				{
					defaultValue: 90,
					note: {
						en: 'Horizon of the expected purchases stored on each customer, 1-3650 days.',
						ko: '고객별 예상 구매 횟수를 계산하는 기간, 1~3650일',
					},
				},
			),
			f.integer(
				'clv_months',
				{ en: 'CLV horizon (months)', ko: 'CLV 기간 (개월)' },
				{
					defaultValue: 12,
					note: {
						en: 'Months of future purchases the predicted value adds up, 1-120.',
						ko: '예상 고객 가치에 더하는 미래 개월 수, 1~120',
					},
				},
			),
			ratio(
				'clv_monthly_discount',
				{ en: 'Monthly discount rate', ko: '월 할인율' },
				{
					defaultValue: 0.01,
					note: {
						en: 'Each later month of revenue counts this much less, 0-0.5 (0.01 = 1 % a month).',
						ko: '한 달 늦은 매출을 이만큼 할인합니다. 0~0.5 (0.01 = 월 1%)',
					},
				},
			),
			f.select('clv_model', { en: 'Purchase model', ko: '구매 모델' }, CLV_MODELS, {
				defaultValue: 'auto',
				note: {
					en: 'Automatic: the best on the holdout when a refit has a calibration end, else the most likely (README, CLV).',
					ko: '자동: 학습 종료일을 준 재계산이면 검증 성적이 가장 좋은 모델, 아니면 우도가 가장 큰 모델 (README의 CLV 참고)',
				},
			}),
			f.json(
				'clv_fit',
				{ en: 'Last CLV fit', ko: '최근 CLV 모델 적합 결과' },
				{
					readonly: true,
					note: {
						en: 'Written by each refit: when, calibration and holdout, every model with its parameters, log-likelihood and holdout errors, the model kept and why.',
						ko: '재계산마다 기록: 시각, 학습·검증 기간, 모델별 모수·로그우도·검증 오차, 선택한 모델과 그 이유',
					},
				},
			),
			f.string(
				'schema_version',
				{ en: 'Schema version', ko: '스키마 버전' },
				{ defaultValue: SCHEMA_VERSION, readonly: true, hidden: true },
			),
		],
	},
	{
		collection: 'crm_customers',
		owned: {
			fields: [
				'order_count',
				'total_spent',
				'first_order_at',
				'last_order_at',
				'last_interaction_at',
				'last_nps',
				'rfm_r',
				'rfm_f',
				'rfm_m',
				'rfm_cell',
				'rfm_at',
				'p_alive',
				'expected_purchases_90d',
				'predicted_clv',
				'clv_at',
				'points_balance',
				'points_earned',
				'tier',
				'tier_review_at',
			],
		},
		label: { en: 'Customers', ko: '고객', enSingular: 'Customer', koSingular: '고객' },
		note: { en: 'Everyone the business sells to or talks with.', ko: '거래하거나 소통하는 모든 고객' },
		icon: 'person',
		color: '#3399FF',
		displayTemplate: '{{full_name}} · {{email}}',
		archive: { field: 'status', value: 'archived', unarchive: 'active' },
		fields: [
			{
				...f.divider('summary', { en: 'Summary', ko: '요약' }),
				meta: { interface: 'crm-customer-summary', special: ['alias', 'no-data'], width: 'full', options: {} },
			},
			f.select('status', { en: 'Status', ko: '상태' }, STATUS, {
				defaultValue: 'active',
				required: true,
				indexed: true,
			}),
			f.string(
				'full_name',
				{ en: 'Full name', ko: '이름' },
				{
					required: true,
					indexed: true,
					note: {
						en: 'As the customer writes it (Korean names: family name first).',
						ko: '고객이 쓰는 그대로 (예: 김민준)',
					},
				},
			),
			f.string(
				'first_name',
				{ en: 'First name', ko: '호칭 이름' },
				{ note: { en: 'Used in greetings, e.g. "Minjun" or "Jane".', ko: '인사말에 쓰는 이름 (예: 민준)' } },
			),
			f.string('last_name', { en: 'Last name', ko: '성' }),
			f.string(
				'email',
				{ en: 'E-mail', ko: '이메일' },
				{ unique: true, interface: 'input', options: { iconLeft: 'mail' } },
			),
			f.string(
				'phone',
				{ en: 'Phone', ko: '전화번호' },
				{
					unique: true,
					maxLength: 20,
					options: { iconLeft: 'phone' },
					// Lists show 010-9712-4198; the CRM stores E.164 (hooks/crm/phones.ts).
					display: 'crm-phone',
					note: {
						en: 'Type it any usual way (010-1234-5678); it is stored internationally (+821012345678).',
						ko: '010-1234-5678처럼 입력하면 국제 형식(+821012345678)으로 저장됩니다.',
					},
				},
			),
			f.string(
				'external_id',
				{ en: 'External ID', ko: '외부 ID' },
				{
					unique: true,
					note: { en: 'The id of this customer in your shop, POS or app.', ko: '쇼핑몰·POS·앱에서 쓰는 고객 ID' },
				},
			),
			f.select('stage', { en: 'Relationship stage', ko: '관계 단계' }, STAGES, {
				defaultValue: 'prospect',
				required: true,
				indexed: true,
			}),
			f.boolean(
				'stage_locked',
				{ en: 'Stage set manually', ko: '단계 수동 지정' },
				{
					note: {
						en: 'While on, automatic stage rules leave the stage alone.',
						ko: '켜져 있으면 자동 단계 규칙이 변경하지 않습니다.',
					},
				},
			),
			f.m2o('owner', { en: 'Owner', ko: '담당자' }, 'directus_users', '{{first_name}} {{last_name}}'),
			f.select('source', { en: 'Acquisition source', ko: '유입 경로' }, SOURCES),
			f.m2o('referred_by', { en: 'Referred by', ko: '추천인' }, 'crm_customers', customerTemplate),
			f.date('birthday', { en: 'Birthday', ko: '생일' }),
			f.select('gender', { en: 'Gender', ko: '성별' }, GENDERS),
			f.select('language', { en: 'Language', ko: '언어' }, LANGUAGES, { defaultValue: 'ko-KR' }),
			f.string(
				'timezone',
				{ en: 'Time zone', ko: '시간대' },
				{ defaultValue: 'Asia/Seoul', interface: 'crm-time-zone' },
			),
			f.string('company', { en: 'Company', ko: '회사' }),
			f.string('address', { en: 'Address', ko: '주소' }, { width: 'full' }),
			f.string('postal_code', { en: 'Postal code', ko: '우편번호' }, { maxLength: 16 }),
			f.string('country', { en: 'Country', ko: '국가' }, { maxLength: 2, defaultValue: 'KR' }),
			f.tags('tags', { en: 'Tags', ko: '태그' }),
			f.select('preferred_channel', { en: 'Preferred channel', ko: '선호 연락 채널' }, CONTACT_CHANNELS),
			f.json(
				'preferences',
				{ en: 'Preferences', ko: '선호 정보' },
				{
					note: {
						en: 'Free-form preferences, e.g. sizes or favourite categories.',
						ko: '사이즈, 선호 카테고리 등 자유 형식',
					},
				},
			),
			{
				...f.divider('consent', { en: 'Consent', ko: '수신 동의' }),
				type: 'alias',
				meta: {
					interface: 'group-detail',
					special: ['alias', 'no-data', 'group'],
					width: 'full',
					options: { start: 'open' },
				},
			},
			...consent('email', 'E-mail', '이메일'),
			...consent('sms', 'SMS', '문자'),
			...consent('kakao', 'KakaoTalk', '카카오톡'),
			...consent('night', 'Night-time (21:00-08:00)', '야간(21시~08시)'),
			{
				...f.divider('stats', { en: 'Statistics', ko: '통계' }),
				type: 'alias',
				meta: {
					interface: 'group-detail',
					special: ['alias', 'no-data', 'group'],
					width: 'full',
					options: { start: 'open' },
				},
			},
			f.integer(
				'order_count',
				{ en: 'Orders', ko: '주문 수' },
				{
					defaultValue: 0,
					nullable: false,
					readonly: true,
					group: 'stats',
					note: { en: 'Kept up to date by the CRM from paid orders.', ko: '결제된 주문으로 CRM이 자동 갱신합니다.' },
				},
			),
			f.decimal(
				'total_spent',
				{ en: 'Lifetime spend', ko: '누적 구매액' },
				{ defaultValue: 0, nullable: false, readonly: true, group: 'stats', indexed: true },
			),
			f.timestamp('first_order_at', { en: 'First purchase', ko: '첫 구매일' }, { readonly: true, group: 'stats' }),
			f.timestamp(
				'last_order_at',
				{ en: 'Last purchase', ko: '최근 구매일' },
				{ readonly: true, group: 'stats', indexed: true },
			),
			f.timestamp('last_interaction_at', { en: 'Last contact', ko: '최근 접촉일' }, { readonly: true, group: 'stats' }),
			f.integer('last_nps', { en: 'Last NPS', ko: '최근 NPS' }, { readonly: true, group: 'stats' }),
			f.integer(
				'rfm_r',
				{ en: 'RFM recency score', ko: 'RFM 최근성 점수' },
				{
					readonly: true,
					group: 'stats',
					indexed: true,
					note: {
						en: '1-5, 5 = bought most recently. Recomputed nightly and on demand.',
						ko: '1~5점, 5점이 가장 최근 구매. 매일 밤과 요청 시 다시 계산합니다.',
					},
				},
			),
			f.integer(
				'rfm_f',
				{ en: 'RFM frequency score', ko: 'RFM 구매 빈도 점수' },
				{ readonly: true, group: 'stats', indexed: true },
			),
			f.integer(
				'rfm_m',
				{ en: 'RFM monetary score', ko: 'RFM 구매 금액 점수' },
				{ readonly: true, group: 'stats', indexed: true },
			),
			f.select('rfm_cell', { en: 'RFM segment', ko: 'RFM 세그먼트' }, RFM_CELLS, {
				readonly: true,
				group: 'stats',
				indexed: true,
			}),
			f.timestamp('rfm_at', { en: 'RFM computed', ko: 'RFM 계산 시각' }, { readonly: true, group: 'stats' }),
			f.float(
				'p_alive',
				{ en: 'Probability still active', ko: '활성 확률' },
				{
					readonly: true,
					group: 'stats',
					indexed: true,
					note: {
						en: 'Chance the customer has not silently left (0-1), from the CLV model in the CRM settings. Refitted weekly. Empty for a one-time buyer when the model cannot tell (BG/NBD).',
						ko: 'CRM 설정의 CLV 모델로 추정한, 고객이 아직 이탈하지 않았을 확률 (0~1). 매주 다시 계산합니다. 모델이 판단할 수 없는 1회 구매 고객(BG/NBD)은 비어 있습니다.',
					},
				},
			),
			f.float(
				'expected_purchases_90d',
				{ en: 'Expected purchases', ko: '예상 구매 횟수' },
				{
					readonly: true,
					group: 'stats',
					note: {
						en: 'Over the horizon in the CRM settings (default 90 days).',
						ko: 'CRM 설정의 기간 동안 (기본 90일)',
					},
				},
			),
			f.decimal(
				'predicted_clv',
				{ en: 'Predicted value (CLV)', ko: '예상 고객 가치 (CLV)' },
				{
					readonly: true,
					group: 'stats',
					indexed: true,
					note: {
						en: 'Purchase model × Gamma-Gamma over the CLV horizon, discounted per month (CRM settings; default 12 months, 1 %).',
						ko: '구매 모델 × Gamma-Gamma, CLV 기간과 월 할인율 적용 (CRM 설정, 기본 12개월·1%)',
					},
				},
			),
			f.timestamp('clv_at', { en: 'CLV computed', ko: 'CLV 계산 시각' }, { readonly: true, group: 'stats' }),
			{
				...f.divider('loyalty', { en: 'Loyalty', ko: '포인트·멤버십' }),
				type: 'alias',
				meta: {
					interface: 'group-detail',
					special: ['alias', 'no-data', 'group'],
					width: 'full',
					options: { start: 'open' },
				},
			},
			{
				...f.divider('loyalty_card', { en: 'Loyalty card', ko: '멤버십 카드' }),
				meta: {
					interface: 'crm-loyalty-card',
					special: ['alias', 'no-data'],
					width: 'full',
					group: 'loyalty',
					options: {},
				},
			},
			f.integer(
				'points_balance',
				{ en: 'Points balance', ko: '포인트 잔액' },
				{
					defaultValue: 0,
					nullable: false,
					readonly: true,
					group: 'loyalty',
					note: { en: 'Sum of the points ledger, kept in step with it.', ko: '포인트 원장의 합계 (원장과 함께 갱신)' },
				},
			),
			f.integer(
				'points_earned',
				{ en: 'Points earned (lifetime)', ko: '누적 적립 포인트' },
				{ defaultValue: 0, nullable: false, readonly: true, group: 'loyalty' },
			),
			f.m2o('tier', { en: 'Tier', ko: '등급' }, 'crm_tiers', '{{name}}', { readonly: true, group: 'loyalty' }),
			f.timestamp(
				'tier_review_at',
				{ en: 'Tier review date', ko: '등급 심사일' },
				{ readonly: true, group: 'loyalty' },
			),
			f.text('notes', { en: 'Notes', ko: '메모' }),
			{
				...f.divider('recommendations', { en: 'Recommended products', ko: '추천 상품' }),
				meta: { interface: 'crm-recommendations', special: ['alias', 'no-data'], width: 'full', options: {} },
			},
			{
				...f.divider('duplicates', { en: 'Possible duplicates', ko: '중복 의심 고객' }),
				meta: { interface: 'crm-duplicates', special: ['alias', 'no-data'], width: 'full', options: {} },
			},
			{
				...f.divider('timeline', { en: 'Timeline', ko: '타임라인' }),
				meta: { interface: 'crm-timeline', special: ['alias', 'no-data'], width: 'full', options: {} },
			},
			f.o2m(
				'orders',
				{ en: 'Orders', ko: '주문' },
				{ collection: 'crm_orders', field: 'customer' },
				'{{ordered_at}} · {{total}} · {{status}}',
			),
			f.o2m(
				'interactions',
				{ en: 'Interactions', ko: '상호작용' },
				{ collection: 'crm_interactions', field: 'customer' },
				'{{occurred_at}} · {{type}} · {{subject}}',
			),
			f.created(),
			f.updated(),
		],
	},
	{
		collection: 'crm_products',
		owned: { fields: ['also_bought', 'also_bought_at'] },
		label: { en: 'Products', ko: '상품', enSingular: 'Product', koSingular: '상품' },
		note: { en: 'What the business sells, by category.', ko: '판매 상품과 카테고리' },
		icon: 'inventory_2',
		color: '#2ECDA7',
		displayTemplate: '{{name}} ({{sku}})',
		sortField: 'sort',
		archive: { field: 'status', value: 'archived', unarchive: 'active' },
		fields: [
			f.select('status', { en: 'Status', ko: '상태' }, STATUS, { defaultValue: 'active', required: true }),
			f.integer('sort', { en: 'Sort', ko: '정렬' }, { hidden: true }),
			f.string('sku', { en: 'SKU', ko: '상품 코드' }, { unique: true, required: true }),
			f.string('name', { en: 'Name', ko: '상품명' }, { required: true }),
			f.string(
				'category',
				{ en: 'Category', ko: '카테고리' },
				{
					indexed: true,
					// Suggests the categories already in use (one row per category, through the items API as the user).
					interface: 'input-autocomplete-api',
					options: {
						url: '/items/crm_products?groupBy[]=category&aggregate[count]=id&limit=10&filter[category][_icontains]={{value}}',
						resultsPath: 'data',
						valuePath: 'category',
						trigger: 'debounce',
						rate: 300,
					},
				},
			),
			f.decimal('price', { en: 'Price', ko: '가격' }, { defaultValue: 0 }),
			f.text('description', { en: 'Description', ko: '설명' }),
			f.json(
				'also_bought',
				{ en: 'Customers who bought this also bought', ko: '함께 구매한 상품' },
				{
					readonly: true,
					note: {
						en: 'Products bought together with this one (support, confidence, lift). Recomputed nightly.',
						ko: '이 상품을 구매한 고객이 함께 구매한 상품 (지지도·신뢰도·향상도). 매일 밤 다시 계산합니다.',
					},
				},
			),
			f.timestamp('also_bought_at', { en: 'Also-bought computed', ko: '함께 구매 계산 시각' }, { readonly: true }),
			f.created(),
		],
	},
	{
		collection: 'crm_orders',
		owned: { fields: ['points_pending'] },
		label: { en: 'Orders', ko: '주문', enSingular: 'Order', koSingular: '주문' },
		note: {
			en: 'Purchases from every channel; the source of customer statistics.',
			ko: '모든 채널의 구매 내역 (고객 통계의 원천)',
		},
		icon: 'receipt_long',
		color: '#FFC23B',
		displayTemplate: '{{customer.full_name}} · {{total}} · {{ordered_at}}',
		fields: [
			f.select('status', { en: 'Status', ko: '상태' }, ORDER_STATUSES, {
				defaultValue: 'paid',
				required: true,
				indexed: true,
			}),
			f.string('external_id', { en: 'External ID', ko: '외부 주문 번호' }, { unique: true }),
			f.m2o('customer', { en: 'Customer', ko: '고객' }, 'crm_customers', customerTemplate, {
				required: true,
				onDelete: 'NO ACTION',
			}),
			f.select('channel', { en: 'Channel', ko: '채널' }, ORDER_CHANNELS, { indexed: true }),
			f.timestamp('ordered_at', { en: 'Ordered at', ko: '주문 일시' }, { required: true, indexed: true }),
			f.decimal(
				'total',
				{ en: 'Total', ko: '결제 금액' },
				{
					defaultValue: 0,
					nullable: false,
					required: true,
					note: { en: 'Amount paid, after discounts.', ko: '할인 후 실제 결제 금액' },
				},
			),
			f.decimal('discount_total', { en: 'Discounts', ko: '할인 금액' }, { defaultValue: 0 }),
			f.string('currency', { en: 'Currency', ko: '통화' }, { maxLength: 3, defaultValue: 'KRW' }),
			f.text('notes', { en: 'Notes', ko: '메모' }),
			f.boolean(
				'points_pending',
				{ en: 'Points pending', ko: '포인트 처리 대기' },
				{
					hidden: true,
					readonly: true,
					indexed: true,
					note: {
						en: "Set in the order's own transaction; cleared once points are settled.",
						ko: '주문 저장 시 켜지고 포인트 처리 후 꺼집니다.',
					},
				},
			),
			f.o2m(
				'lines',
				{ en: 'Lines', ko: '주문 상품' },
				{ collection: 'crm_order_lines', field: 'order' },
				'{{quantity}} × {{product_name}} = {{line_total}}',
			),
			f.created(),
			f.updated(),
		],
	},
	{
		collection: 'crm_order_lines',
		label: { en: 'Order lines', ko: '주문 상품', enSingular: 'Order line', koSingular: '주문 상품' },
		note: { en: 'The products in each order.', ko: '주문별 상품 내역' },
		icon: 'list_alt',
		color: '#FFA439',
		displayTemplate: '{{quantity}} × {{product_name}}',
		// Read inside each order; out of the navigation.
		hidden: true,
		fields: [
			f.m2o('order', { en: 'Order', ko: '주문' }, 'crm_orders', '{{id}} · {{ordered_at}}', {
				required: true,
				onDelete: 'CASCADE',
			}),
			f.m2o('product', { en: 'Product', ko: '상품' }, 'crm_products', '{{name}}'),
			f.select('kind', { en: 'Line kind', ko: '항목 종류' }, LINE_KINDS, {
				defaultValue: 'product',
				required: true,
				note: {
					en: 'Discount and reward lines never earn points.',
					ko: '할인·리워드 항목은 포인트가 적립되지 않습니다.',
				},
			}),
			f.string(
				'product_name',
				{ en: 'Product name', ko: '상품명' },
				{
					note: {
						en: 'Copied at purchase time so history survives product edits.',
						ko: '구매 시점의 상품명을 보존합니다.',
					},
				},
			),
			f.string('category', { en: 'Category', ko: '카테고리' }, { indexed: true }),
			f.integer('quantity', { en: 'Quantity', ko: '수량' }, { defaultValue: 1, required: true }),
			f.decimal('unit_price', { en: 'Unit price', ko: '단가' }, { defaultValue: 0 }),
			f.decimal('line_total', { en: 'Line total', ko: '금액' }, { defaultValue: 0 }),
		],
	},
	{
		collection: 'crm_interactions',
		label: { en: 'Interactions', ko: '상호작용', enSingular: 'Interaction', koSingular: '상호작용' },
		note: {
			en: 'Calls, visits, messages, inquiries and tasks on every channel.',
			ko: '모든 채널의 통화·방문·메시지·문의·업무',
		},
		icon: 'forum',
		color: '#E35169',
		displayTemplate: '{{type}} · {{subject}}',
		fields: [
			f.m2o('customer', { en: 'Customer', ko: '고객' }, 'crm_customers', customerTemplate, {
				required: true,
				onDelete: 'CASCADE',
			}),
			f.select('channel', { en: 'Channel', ko: '채널' }, INTERACTION_CHANNELS, { required: true, indexed: true }),
			f.select('direction', { en: 'Direction', ko: '방향' }, DIRECTIONS, { defaultValue: 'inbound' }),
			f.select('type', { en: 'Type', ko: '유형' }, INTERACTION_TYPES, { required: true, indexed: true }),
			f.select('status', { en: 'Status', ko: '상태' }, INTERACTION_STATUSES, { defaultValue: 'done', indexed: true }),
			f.string('subject', { en: 'Subject', ko: '제목' }, { width: 'full' }),
			f.text('body', { en: 'Details', ko: '내용' }),
			f.timestamp('occurred_at', { en: 'When', ko: '일시' }, { required: true, indexed: true }),
			f.timestamp('due_at', { en: 'Due', ko: '기한' }),
			// The m2o helper's own `special` would win over an option, so user-created is set on the built field.
			(() => {
				const staff = f.m2o(
					'staff',
					{ en: 'Logged by', ko: '기록자' },
					'directus_users',
					'{{first_name}} {{last_name}}',
				);
				return { ...staff, meta: { ...staff.meta, special: ['m2o', 'user-created'] } };
			})(),
			f.m2o('assignee', { en: 'Assigned to', ko: '담당자' }, 'directus_users', '{{first_name}} {{last_name}}'),
			f.m2o('order', { en: 'Related order', ko: '관련 주문' }, 'crm_orders', '{{id}} · {{ordered_at}}'),
			f.string(
				'source_key',
				{ en: 'Source key', ko: '원천 키' },
				{
					unique: true,
					hidden: true,
					readonly: true,
					note: {
						en: 'Set when the CRM creates the interaction, so it is created once.',
						ko: 'CRM이 자동 생성할 때 중복을 막는 키',
					},
				},
			),
			f.created(),
			f.updated(),
		],
	},
	{
		collection: 'crm_feedback',
		label: { en: 'Feedback', ko: '고객 의견', enSingular: 'Feedback', koSingular: '고객 의견' },
		note: { en: 'Survey answers: NPS, CSAT and reviews.', ko: '설문 응답: NPS, 만족도, 리뷰' },
		icon: 'reviews',
		color: '#FFC23B',
		displayTemplate: '{{kind}} {{score}} · {{customer.full_name}}',
		fields: [
			f.m2o('customer', { en: 'Customer', ko: '고객' }, 'crm_customers', customerTemplate, {
				required: true,
				onDelete: 'CASCADE',
			}),
			f.select('kind', { en: 'Kind', ko: '종류' }, FEEDBACK_KINDS, { required: true, indexed: true }),
			f.integer(
				'score',
				{ en: 'Score', ko: '점수' },
				{ required: true, note: { en: 'NPS 0-10, CSAT 1-5, review 1-5.', ko: 'NPS 0~10, 만족도 1~5, 리뷰 1~5' } },
			),
			f.text('comment', { en: 'Comment', ko: '의견' }),
			f.string('survey', { en: 'Survey', ko: '설문' }, { indexed: true }),
			f.m2o('order', { en: 'Related order', ko: '관련 주문' }, 'crm_orders', '{{id}} · {{ordered_at}}'),
			f.select('channel', { en: 'Channel', ko: '채널' }, INTERACTION_CHANNELS),
			f.timestamp('answered_at', { en: 'Answered at', ko: '응답 일시' }, { required: true, indexed: true }),
			f.string(
				'source_key',
				{ en: 'Source key', ko: '원천 키' },
				{
					unique: true,
					hidden: true,
					readonly: true,
					note: {
						en: 'One answer per survey link: re-submitting updates it.',
						ko: '설문 링크당 하나의 응답 (재응답 시 갱신)',
					},
				},
			),
			f.created(),
		],
	},
	{
		collection: 'crm_segments',
		owned: { fields: ['member_count', 'refreshed_at', 'last_error'] },
		label: { en: 'Segments', ko: '세그먼트', enSingular: 'Segment', koSingular: '세그먼트' },
		note: {
			en: 'Groups of customers by rule or by hand, for targeting and reports.',
			ko: '규칙 또는 직접 선택으로 묶은 고객 그룹 (타깃팅·리포트용)',
		},
		icon: 'groups',
		color: '#6644FF',
		displayTemplate: '{{name}} ({{member_count}})',
		archive: { field: 'status', value: 'archived', unarchive: 'active' },
		fields: [
			f.select('status', { en: 'Status', ko: '상태' }, STATUS, { defaultValue: 'active', required: true }),
			f.string('name', { en: 'Name', ko: '이름' }, { required: true, unique: true }),
			f.text('description', { en: 'Description', ko: '설명' }),
			f.select('kind', { en: 'Kind', ko: '종류' }, SEGMENT_KINDS, { defaultValue: 'dynamic', required: true }),
			f.json(
				'rule',
				{ en: 'Rule', ko: '규칙' },
				{
					interface: 'crm-segment-builder',
					options: {},
					note: {
						en: 'Nested all / any / not over conditions; checked when saved.',
						ko: '조건을 모두 만족·하나 이상 만족·제외로 묶습니다. 저장할 때 검사합니다.',
					},
				},
			),
			f.select('refresh', { en: 'Refresh', ko: '갱신 주기' }, REFRESH_SCHEDULES, { defaultValue: 'nightly' }),
			f.integer('member_count', { en: 'Members', ko: '고객 수' }, { readonly: true, defaultValue: 0 }),
			f.timestamp('refreshed_at', { en: 'Last refreshed', ko: '최근 갱신' }, { readonly: true }),
			f.text(
				'last_error',
				{ en: 'Last error', ko: '마지막 오류' },
				{
					readonly: true,
					note: {
						en: 'Why the last refresh or evaluation of this segment failed; cleared by the next refresh that works.',
						ko: '이 세그먼트의 마지막 갱신이나 평가가 실패한 이유. 다음 갱신이 성공하면 지워집니다.',
					},
				},
			),
			f.created(),
			f.updated(),
		],
	},
	{
		collection: 'crm_segment_members',
		label: { en: 'Segment members', ko: '세그먼트 고객', enSingular: 'Segment member', koSingular: '세그먼트 고객' },
		note: { en: 'Who is in each segment, with when they entered and left.', ko: '세그먼트별 고객과 가입·이탈 시각' },
		icon: 'group_add',
		color: '#6644FF',
		displayTemplate: '{{customer.full_name}} · {{segment.name}}',
		// Listed on each segment's page; out of the navigation.
		hidden: true,
		fields: [
			f.m2o('segment', { en: 'Segment', ko: '세그먼트' }, 'crm_segments', '{{name}}', {
				required: true,
				onDelete: 'CASCADE',
			}),
			f.m2o('customer', { en: 'Customer', ko: '고객' }, 'crm_customers', customerTemplate, {
				required: true,
				onDelete: 'CASCADE',
			}),
			f.timestamp('entered_at', { en: 'Entered', ko: '가입 시각' }, { required: true }),
			f.timestamp(
				'left_at',
				{ en: 'Left', ko: '이탈 시각' },
				{ indexed: true, note: { en: 'Empty while the customer is a member.', ko: '현재 소속 중이면 비어 있습니다.' } },
			),
			f.select('source', { en: 'Source', ko: '출처' }, MEMBER_SOURCES, { defaultValue: 'rule' }),
		],
	},
	...LOYALTY_COLLECTIONS,
	...FOLLOWUP_COLLECTIONS,
];
