// Follow-up automation (rules, templates incl. surveys, the message outbox) and daily KPI snapshots.
import { f, type Choice, type CollectionDef, type FieldDef } from './dsl.ts';

/** Actions that send a message through a template. */
const MESSAGE_ACTIONS = ['email', 'sms', 'kakao'];
/** Triggers that need a segment. */
const SEGMENT_TRIGGERS = ['segment_entered', 'segment_left', 'manual'];

/**
 * A rule form field shown only when `on` (trigger or action) is one of `values`, and then required when `required`:
 * Directus field conditions, applied by the form (and checked by it before saving).
 */
function onlyWhen(field: FieldDef, on: 'trigger' | 'action', values: string[], required = false): FieldDef {
	return {
		...field,
		meta: {
			...field.meta,
			conditions: [
				{ name: `hidden unless ${on} fits`, rule: { _and: [{ [on]: { _nin: values } }] }, hidden: true },
				...(required
					? [{ name: `required for this ${on}`, rule: { _and: [{ [on]: { _in: values } }] }, required: true }]
					: []),
			],
		},
	};
}

const ACTIVE: Choice[] = [
	{ value: 'active', en: 'Active', ko: '활성', color: '#2ECDA7' },
	{ value: 'archived', en: 'Archived', ko: '보관됨', color: '#A2B5CD' },
];
export const TEMPLATE_KINDS: Choice[] = [
	{ value: 'email', en: 'E-mail', ko: '이메일' },
	{ value: 'sms', en: 'SMS', ko: '문자' },
	{ value: 'kakao', en: 'KakaoTalk', ko: '카카오톡' },
	{ value: 'survey', en: 'Survey', ko: '설문' },
];
export const MESSAGE_PURPOSES: Choice[] = [
	{ value: 'marketing', en: 'Advertising (marketing)', ko: '광고성 (마케팅)' },
	{ value: 'transactional', en: 'Transactional (service)', ko: '정보성 (거래·서비스)' },
];
export const SURVEY_SCALES: Choice[] = [
	{ value: 'nps', en: 'NPS', ko: 'NPS' },
	{ value: 'csat', en: 'CSAT', ko: '만족도(CSAT)' },
];
export const FOLLOWUP_TRIGGERS: Choice[] = [
	{ value: 'order_paid', en: 'Order paid', ko: '주문 결제' },
	{ value: 'order_fulfilled', en: 'Order delivered', ko: '배송 완료' },
	{ value: 'inquiry_closed', en: 'Inquiry closed', ko: '문의 처리 완료' },
	{ value: 'low_score', en: 'Low survey score', ko: '설문 저점' },
	{ value: 'birthday', en: 'Birthday', ko: '생일' },
	{ value: 'anniversary', en: 'Customer-since anniversary', ko: '가입 기념일' },
	{ value: 'segment_entered', en: 'Entered a segment', ko: '세그먼트 진입' },
	{ value: 'segment_left', en: 'Left a segment', ko: '세그먼트 이탈' },
	{ value: 'points_expiring', en: 'Points expiring', ko: '포인트 소멸 예정' },
	{ value: 'inactivity', en: 'Inactive for their own rhythm', ko: '구매 주기 대비 비활성' },
	{ value: 'manual', en: 'Manual send to a segment', ko: '세그먼트 수동 발송' },
];
export const FOLLOWUP_ACTIONS: Choice[] = [
	{ value: 'email', en: 'Send e-mail', ko: '이메일 발송' },
	{ value: 'sms', en: 'Send SMS', ko: '문자 발송' },
	{ value: 'kakao', en: 'Send KakaoTalk', ko: '카카오톡 발송' },
	{ value: 'task', en: 'Create a task for staff', ko: '직원 업무 생성' },
	{ value: 'points', en: 'Award points', ko: '포인트 지급' },
	{ value: 'tag', en: 'Add a tag', ko: '태그 추가' },
];
export const OUTBOX_STATUSES: Choice[] = [
	{ value: 'scheduled', en: 'Scheduled', ko: '예약됨', color: '#A2B5CD' },
	{ value: 'sending', en: 'Sending', ko: '발송 중', color: '#3399FF' },
	{ value: 'sent', en: 'Sent', ko: '발송 완료', color: '#2ECDA7' },
	{ value: 'failed', en: 'Failed', ko: '실패', color: '#E35169' },
	{ value: 'cancelled', en: 'Cancelled', ko: '취소됨', color: '#A2B5CD' },
	{ value: 'held_out', en: 'Held out (control group)', ko: '대조군 제외', color: '#FFC23B' },
];

export const FOLLOWUP_CHOICES: Choice[] = [
	...TEMPLATE_KINDS,
	...MESSAGE_PURPOSES,
	...FOLLOWUP_TRIGGERS,
	...FOLLOWUP_ACTIONS,
	...OUTBOX_STATUSES,
];

export const FOLLOWUP_COLLECTIONS: CollectionDef[] = [
	{
		collection: 'crm_templates',
		label: {
			en: 'Message templates',
			ko: '메시지 템플릿',
			enSingular: 'Message template',
			koSingular: '메시지 템플릿',
		},
		note: {
			en: 'E-mail, SMS and KakaoTalk messages and surveys, with customer variables; checked when saved.',
			ko: '이메일·문자·카카오톡 메시지와 설문 (고객 변수 사용, 저장 시 검사)',
		},
		icon: 'mail',
		color: '#3399FF',
		displayTemplate: '{{name}}',
		archive: { field: 'status', value: 'archived', unarchive: 'active' },
		fields: [
			f.select('status', { en: 'Status', ko: '상태' }, ACTIVE, { defaultValue: 'active', required: true }),
			f.string(
				'key',
				{ en: 'Key', ko: '키' },
				{
					unique: true,
					required: true,
					note: {
						en: 'Short id, e.g. post_purchase_thanks or nps_after_purchase.',
						ko: '영문 소문자로 쓰는 짧은 식별자 (API와 규칙에서 사용)',
					},
				},
			),
			f.string('name', { en: 'Name', ko: '이름' }, { required: true }),
			f.select('kind', { en: 'Kind', ko: '종류' }, TEMPLATE_KINDS, { required: true, defaultValue: 'email' }),
			f.select('purpose', { en: 'Purpose', ko: '목적' }, MESSAGE_PURPOSES, {
				required: true,
				defaultValue: 'transactional',
				note: {
					en: 'Advertising messages get "(광고)", the sender and an opt-out, and wait out quiet hours.',
					ko: '광고성 메시지는 "(광고)" 표시·발신자·수신 거부 안내가 붙고 야간에는 발송을 미룹니다.',
				},
			}),
			f.select(
				'language',
				{ en: 'Language', ko: '언어' },
				[
					{ value: 'ko-KR', en: 'Korean', ko: '한국어' },
					{ value: 'en-US', en: 'English', ko: '영어' },
				],
				{ defaultValue: 'ko-KR' },
			),
			f.string('subject', { en: 'Subject / question', ko: '제목 / 질문' }, { width: 'full' }),
			f.text(
				'body',
				{ en: 'Body', ko: '본문' },
				{
					note: {
						en: 'Handlebars: a variable in double curly braces, e.g. first_name, last_order.products, formatCurrency order.total.',
						ko: '핸들바 문법: 고객 이름, 최근 주문 상품, 주문 금액 같은 변수를 이중 중괄호로 감싸 넣습니다.',
					},
				},
			),
			f.select('survey_scale', { en: 'Survey scale', ko: '설문 척도' }, SURVEY_SCALES, {
				note: { en: 'Surveys only.', ko: '설문 템플릿에만 사용' },
			}),
			f.created(),
			f.updated(),
		],
	},
	{
		collection: 'crm_followup_rules',
		owned: { fields: ['last_error'] },
		label: { en: 'Follow-up rules', ko: '후속 조치 규칙', enSingular: 'Follow-up rule', koSingular: '후속 조치 규칙' },
		note: { en: 'When to contact whom, how, and how often.', ko: '언제, 누구에게, 어떻게, 얼마나 자주 연락할지' },
		icon: 'schedule_send',
		color: '#6644FF',
		displayTemplate: '{{name}}',
		archive: { field: 'status', value: 'archived', unarchive: 'active' },
		fields: [
			f.select('status', { en: 'Status', ko: '상태' }, ACTIVE, { defaultValue: 'active', required: true }),
			f.string('name', { en: 'Name', ko: '이름' }, { required: true }),
			f.select('trigger', { en: 'Trigger', ko: '트리거' }, FOLLOWUP_TRIGGERS, { required: true }),
			f.integer(
				'delay_minutes',
				{ en: 'Delay after the trigger', ko: '트리거 후 지연' },
				{
					defaultValue: 0,
					interface: 'crm-delay',
					note: { en: 'Days and hours after the trigger.', ko: '트리거 후 며칠, 몇 시간 뒤에 실행할지' },
				},
			),
			onlyWhen(
				f.m2o('segment', { en: 'Trigger segment', ko: '트리거 세그먼트' }, 'crm_segments', '{{name}}', {
					note: { en: 'For segment and manual triggers.', ko: '세그먼트·수동 발송 트리거용' },
				}),
				'trigger',
				SEGMENT_TRIGGERS,
				true,
			),
			f.json(
				'condition',
				{ en: 'Only customers matching', ko: '대상 조건' },
				{
					interface: 'crm-segment-builder',
					options: {},
					note: { en: 'Optional segment rule checked at send time.', ko: '발송 시점에 검사하는 선택 조건' },
				},
			),
			f.select('action', { en: 'Action', ko: '동작' }, FOLLOWUP_ACTIONS, { required: true, defaultValue: 'email' }),
			onlyWhen(
				f.m2o('template', { en: 'Template', ko: '템플릿' }, 'crm_templates', '{{name}}'),
				'action',
				MESSAGE_ACTIONS,
				true,
			),
			f.integer(
				'min_days_between',
				{ en: 'Not again within (days)', ko: '재발송 금지 기간 (일)' },
				{ defaultValue: 0 },
			),
			f.integer(
				'holdout_percent',
				{ en: 'Holdout (%)', ko: '대조군 비율 (%)' },
				{
					defaultValue: 0,
					note: {
						en: 'Deterministically held out and recorded, to measure lift.',
						ko: '효과 측정을 위해 일정 비율을 발송에서 제외하고 기록합니다.',
					},
				},
			),
			onlyWhen(
				f.decimal(
					'inactivity_factor',
					{ en: 'Inactivity: × median gap', ko: '비활성: 중간 구매 간격의 배수' },
					{ defaultValue: 2 },
				),
				'trigger',
				['inactivity'],
			),
			onlyWhen(
				f.integer(
					'inactivity_floor_days',
					{ en: 'Inactivity: at least (days)', ko: '비활성: 최소 일수' },
					{ defaultValue: 30 },
				),
				'trigger',
				['inactivity'],
			),
			onlyWhen(f.integer('award_points', { en: 'Points to award', ko: '지급 포인트' }), 'action', ['points'], true),
			onlyWhen(f.string('tag', { en: 'Tag to add', ko: '추가할 태그' }), 'action', ['tag'], true),
			onlyWhen(
				f.m2o(
					'task_assignee',
					{ en: 'Task assignee', ko: '업무 담당자' },
					'directus_users',
					'{{first_name}} {{last_name}}',
				),
				'action',
				['task'],
			),
			onlyWhen(
				f.decimal(
					'cost_per_message',
					{ en: 'Cost per message', ko: '메시지당 비용' },
					{ defaultValue: 0, note: { en: 'For ROI.', ko: 'ROI 계산용' } },
				),
				'action',
				MESSAGE_ACTIONS,
			),
			f.text(
				'last_error',
				{ en: 'Last error', ko: '마지막 오류' },
				{
					readonly: true,
					note: {
						en: 'Why this rule last failed to plan; the other rules went on. Cleared when it next plans without error.',
						ko: '이 규칙의 마지막 계획이 실패한 이유 (다른 규칙은 계속 실행됨). 다음에 오류 없이 실행되면 지워집니다.',
					},
				},
			),
			f.created(),
			f.updated(),
		],
	},
	{
		collection: 'crm_outbox',
		// Staff may cancel a scheduled message or requeue a failed one; nothing else of a row changes through the API.
		owned: {
			appendOnly: true,
			transitions: { field: 'status', allowed: { scheduled: ['cancelled'], failed: ['scheduled'] } },
		},
		label: { en: 'Message outbox', ko: '발송함', enSingular: 'Message', koSingular: '메시지' },
		note: {
			en: 'Every planned message, once per rule, customer and occurrence.',
			ko: '규칙·고객·발생 건마다 한 번씩 계획된 모든 메시지',
		},
		icon: 'outbox',
		color: '#FFA439',
		displayTemplate: '{{channel}} · {{customer.full_name}} · {{status}}',
		fields: [
			f.string(
				'dedupe_key',
				{ en: 'Dedupe key', ko: '중복 방지 키' },
				{ unique: true, required: true, readonly: true },
			),
			f.m2o('rule', { en: 'Rule', ko: '규칙' }, 'crm_followup_rules', '{{name}}', { readonly: true }),
			f.m2o('customer', { en: 'Customer', ko: '고객' }, 'crm_customers', '{{full_name}}', {
				required: true,
				onDelete: 'CASCADE',
				readonly: true,
			}),
			f.m2o('template', { en: 'Template', ko: '템플릿' }, 'crm_templates', '{{name}}', { readonly: true }),
			f.select('channel', { en: 'Channel', ko: '채널' }, FOLLOWUP_ACTIONS, { required: true, readonly: true }),
			f.select('status', { en: 'Status', ko: '상태' }, OUTBOX_STATUSES, {
				required: true,
				defaultValue: 'scheduled',
				indexed: true,
			}),
			f.boolean('marketing', { en: 'Advertising', ko: '광고성' }, { readonly: true }),
			f.timestamp('due_at', { en: 'Due', ko: '발송 예정' }, { required: true, indexed: true, readonly: true }),
			f.integer('attempts', { en: 'Attempts', ko: '시도 횟수' }, { defaultValue: 0, readonly: true }),
			f.text('last_error', { en: 'Last error', ko: '마지막 오류' }, { readonly: true }),
			f.string('provider_id', { en: 'Provider message id', ko: '발송사 메시지 ID' }, { readonly: true }),
			f.string('claimed_by', { en: 'Claimed by', ko: '처리 중인 서버' }, { readonly: true, hidden: true }),
			f.timestamp('claimed_at', { en: 'Claimed at', ko: '처리 시작' }, { readonly: true, hidden: true }),
			f.timestamp('sent_at', { en: 'Sent', ko: '발송 일시' }, { readonly: true, indexed: true }),
			f.string('subject', { en: 'Subject', ko: '제목' }, { readonly: true, width: 'full' }),
			f.text('body', { en: 'Rendered message', ko: '발송 내용' }, { readonly: true }),
			f.json('context', { en: 'Trigger context', ko: '트리거 정보' }, { readonly: true, hidden: true }),
			f.created(),
		],
	},
	{
		collection: 'crm_kpi_snapshots',
		owned: { appendOnly: true },
		label: { en: 'KPI snapshots', ko: 'KPI 스냅샷', enSingular: 'KPI snapshot', koSingular: 'KPI 스냅샷' },
		note: { en: 'Daily KPI values for trends.', ko: '추세 분석용 일별 KPI 값' },
		icon: 'insights',
		color: '#2ECDA7',
		displayTemplate: '{{day}} · {{kpi}} = {{value}}',
		fields: [
			f.string(
				'snapshot_key',
				{ en: 'Key', ko: '키' },
				{
					unique: true,
					required: true,
					readonly: true,
					hidden: true,
					note: { en: 'day:kpi:segment, so a day is stored once.', ko: '일자:KPI:세그먼트 (하루 한 번 저장)' },
				},
			),
			f.date('day', { en: 'Day', ko: '일자' }, { required: true, indexed: true, readonly: true }),
			f.string('kpi', { en: 'KPI', ko: 'KPI' }, { required: true, indexed: true, readonly: true }),
			f.m2o('segment', { en: 'Segment', ko: '세그먼트' }, 'crm_segments', '{{name}}', {
				readonly: true,
				onDelete: 'CASCADE',
			}),
			f.float('value', { en: 'Value', ko: '값' }, { readonly: true }),
		],
	},
];
