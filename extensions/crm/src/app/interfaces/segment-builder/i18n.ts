// Every label the segment builder shows, in Korean and English (field labels come from the domain summary).
import { CUSTOMER_FIELD_LABELS, type SummaryLanguage } from '../../../domain/segments/summary';
import { toLanguage } from '../../shared/i18n';

const ko = {
	group_all: '모두 만족 (AND)', group_any: '하나 이상 만족 (OR)', group_not: '모두 불만족 (NOT)',
	add_condition: '조건 추가', add_group: '그룹 추가', remove: '삭제', empty_group: '조건을 추가하세요.',
	type_field: '고객 정보', type_orders: '주문', type_bought: '상품 구매', type_interaction: '상호작용', type_feedback: '고객 피드백', type_segment: '다른 세그먼트', type_referrals: '추천',
	metric_count: '주문 횟수', metric_sum: '구매 금액 합계', metric_avg: '평균 주문 금액', metric_last_date: '마지막 구매일', metric_first_date: '첫 구매일',
	metric_last_nps: '최근 NPS', metric_avg_csat: '평균 CSAT',
	op_eq: '같음', op_neq: '같지 않음', op_in: '다음 중 하나', op_not_in: '다음에 없음', op_contains: '포함', op_starts_with: '시작 문자',
	op_gt: '초과', op_gte: '이상', op_lt: '미만', op_lte: '이하', op_between: '사이', op_is_empty: '비어 있음', op_is_not_empty: '값 있음',
	op_before: '이전', op_after: '이후', op_within_last_days: '최근 N일 이내', op_not_within_last_days: '최근 N일 이내 아님', op_birthday_in_next_days: '앞으로 N일 이내 생일',
	window_none: '전체 기간', window_last_days: '최근 N일', window_range: '기간 지정', days: '일', from: '시작일', to: '종료일',
	product: '상품', category: '카테고리', min_quantity: '최소 수량', channel: '채널', interaction_type: '유형', min_count: '최소 횟수', segment: '세그먼트',
	min_referrals: '최소 추천 인원', buyers_only: '구매한 고객만', everyone_referred: '추천한 모든 고객', tier: '멤버십 등급',
	list_hint: '쉼표로 구분', yes: '예', no: '아니요', any_value: '(전체)',
	summary: '요약', members: '일치하는 고객', loading: '계산 중…', sample: '예시', invalid: '규칙을 확인하세요', no_rule: '규칙이 없습니다. 조건을 추가하세요.',
	preview_failed: '미리보기를 불러오지 못했습니다',
	static_note: '정적 세그먼트는 규칙 대신 직접 추가한 회원으로 구성됩니다.',
	upload_title: 'CSV로 회원 추가', upload_hint: '고객 ID, 이메일, 휴대폰 번호 또는 외부 ID 열이 있는 CSV 파일 (UTF-8 또는 EUC-KR)',
	choose_file: '파일 선택', save_first: '회원을 추가하려면 먼저 세그먼트를 저장하세요.',
	mode_add: '기존 회원에 추가', mode_replace: '회원 목록 교체 (파일에 없는 회원 제외)', key_column: '식별 열', rows: '행',
	matched: '일치', unmatched: '일치하지 않음', would_add: '추가될 회원', would_remove: '제외될 회원', members_now: '현재 회원',
	row: '행 번호', value: '값', reason: '사유', more_rows: '외 {n}행', confirm_upload: '확인하고 반영', uploaded: '반영했습니다', added: '추가', removed: '제외',
	reason_empty: '빈 값', reason_id: '고객 ID 형식이 아님', reason_email: '이메일 형식이 아님', reason_phone: '전화번호 형식이 아님', reason_none: '해당 고객 없음',
};

const en: typeof ko = {
	group_all: 'All of (AND)', group_any: 'Any of (OR)', group_not: 'None of (NOT)',
	add_condition: 'Add condition', add_group: 'Add group', remove: 'Remove', empty_group: 'Add a condition.',
	type_field: 'Customer field', type_orders: 'Orders', type_bought: 'Bought product', type_interaction: 'Interaction', type_feedback: 'Feedback', type_segment: 'Other segment', type_referrals: 'Referrals',
	metric_count: 'Number of orders', metric_sum: 'Total spent', metric_avg: 'Average order value', metric_last_date: 'Last purchase', metric_first_date: 'First purchase',
	metric_last_nps: 'Last NPS', metric_avg_csat: 'Average CSAT',
	op_eq: 'equals', op_neq: 'does not equal', op_in: 'is one of', op_not_in: 'is none of', op_contains: 'contains', op_starts_with: 'starts with',
	op_gt: 'more than', op_gte: 'at least', op_lt: 'less than', op_lte: 'at most', op_between: 'between', op_is_empty: 'is empty', op_is_not_empty: 'is not empty',
	op_before: 'before', op_after: 'after', op_within_last_days: 'within the last N days', op_not_within_last_days: 'not within the last N days', op_birthday_in_next_days: 'birthday in the next N days',
	window_none: 'All time', window_last_days: 'Last N days', window_range: 'Date range', days: 'days', from: 'From', to: 'To',
	product: 'Product', category: 'Category', min_quantity: 'Min. quantity', channel: 'Channel', interaction_type: 'Type', min_count: 'Min. count', segment: 'Segment',
	min_referrals: 'Min. referred', buyers_only: 'Paying customers only', everyone_referred: 'Everyone referred', tier: 'Loyalty tier',
	list_hint: 'comma-separated', yes: 'Yes', no: 'No', any_value: '(any)',
	summary: 'Summary', members: 'Matching customers', loading: 'Counting…', sample: 'Sample', invalid: 'Check the rule', no_rule: 'No rule yet. Add a condition.',
	preview_failed: 'Could not load the preview',
	static_note: 'A static segment holds the members added to it, not the customers a rule matches.',
	upload_title: 'Add members from CSV', upload_hint: 'A CSV file with a customer id, e-mail, phone or external id column (UTF-8 or EUC-KR)',
	choose_file: 'Choose file', save_first: 'Save the segment first to add members.',
	mode_add: 'Add to the current members', mode_replace: 'Replace the member list (drop members not in the file)', key_column: 'Key column', rows: 'Rows',
	matched: 'Matched', unmatched: 'Not matched', would_add: 'Will be added', would_remove: 'Will be removed', members_now: 'Members now',
	row: 'Row', value: 'Value', reason: 'Reason', more_rows: 'and {n} more rows', confirm_upload: 'Confirm', uploaded: 'Done', added: 'added', removed: 'removed',
	reason_empty: 'empty', reason_id: 'not a customer id', reason_email: 'not an e-mail address', reason_phone: 'not a phone number', reason_none: 'no such customer',
};

export type MessageKey = keyof typeof ko;
export const MESSAGES: Record<SummaryLanguage, typeof ko> = { 'ko-KR': ko, 'en-US': en };
export { toLanguage };

export function translator(language: SummaryLanguage) {
	const messages = MESSAGES[language];
	const fields = CUSTOMER_FIELD_LABELS[language];
	return {
		language,
		/** The message as written: no {placeholder} filling here, member-upload.vue fills `more_rows` itself. */
		t: (key: MessageKey) => messages[key],
		/** Labels keyed dynamically (op_gte, metric_sum, type_orders), falling back to the raw key. */
		tk: (prefix: string, key: string) => (messages as Record<string, string>)[`${prefix}_${key}`] ?? key,
		field: (name: string) => {
			const label = fields[name] ?? name;
			return label.charAt(0).toUpperCase() + label.slice(1);
		},
	};
}
export type Translator = ReturnType<typeof translator>;
