// Every label the segment builder shows, in Korean and English (field labels come from the domain summary).
import { CUSTOMER_FIELD_LABELS, type SummaryLanguage } from '../../../domain/segments/summary';

const ko = {
	group_all: '모두 만족 (AND)', group_any: '하나 이상 만족 (OR)', group_not: '모두 불만족 (NOT)',
	add_condition: '조건 추가', add_group: '그룹 추가', remove: '삭제', empty_group: '조건을 추가하세요.',
	type_field: '고객 정보', type_orders: '주문', type_bought: '상품 구매', type_interaction: '상호작용', type_feedback: '고객 피드백', type_segment: '다른 세그먼트',
	metric_count: '주문 횟수', metric_sum: '구매 금액 합계', metric_avg: '평균 주문 금액', metric_last_date: '마지막 구매일', metric_first_date: '첫 구매일',
	metric_last_nps: '최근 NPS', metric_avg_csat: '평균 CSAT',
	op_eq: '같음', op_neq: '같지 않음', op_in: '다음 중 하나', op_not_in: '다음에 없음', op_contains: '포함', op_starts_with: '시작 문자',
	op_gt: '초과', op_gte: '이상', op_lt: '미만', op_lte: '이하', op_between: '사이', op_is_empty: '비어 있음', op_is_not_empty: '값 있음',
	op_before: '이전', op_after: '이후', op_within_last_days: '최근 N일 이내', op_not_within_last_days: '최근 N일 이내 아님', op_birthday_in_next_days: '앞으로 N일 이내 생일',
	window_none: '전체 기간', window_last_days: '최근 N일', window_range: '기간 지정', days: '일', from: '시작일', to: '종료일',
	product: '상품 ID', category: '카테고리', min_quantity: '최소 수량', channel: '채널', interaction_type: '유형', min_count: '최소 횟수', segment: '세그먼트',
	list_hint: '쉼표로 구분', yes: '예', no: '아니요', any_value: '(전체)',
	summary: '요약', members: '일치하는 고객', loading: '계산 중…', sample: '예시', invalid: '규칙을 확인하세요', no_rule: '규칙이 없습니다. 조건을 추가하세요.',
	preview_failed: '미리보기를 불러오지 못했습니다',
};

const en: typeof ko = {
	group_all: 'All of (AND)', group_any: 'Any of (OR)', group_not: 'None of (NOT)',
	add_condition: 'Add condition', add_group: 'Add group', remove: 'Remove', empty_group: 'Add a condition.',
	type_field: 'Customer field', type_orders: 'Orders', type_bought: 'Bought product', type_interaction: 'Interaction', type_feedback: 'Feedback', type_segment: 'Other segment',
	metric_count: 'Number of orders', metric_sum: 'Total spent', metric_avg: 'Average order value', metric_last_date: 'Last purchase', metric_first_date: 'First purchase',
	metric_last_nps: 'Last NPS', metric_avg_csat: 'Average CSAT',
	op_eq: 'equals', op_neq: 'does not equal', op_in: 'is one of', op_not_in: 'is none of', op_contains: 'contains', op_starts_with: 'starts with',
	op_gt: 'more than', op_gte: 'at least', op_lt: 'less than', op_lte: 'at most', op_between: 'between', op_is_empty: 'is empty', op_is_not_empty: 'is not empty',
	op_before: 'before', op_after: 'after', op_within_last_days: 'within the last N days', op_not_within_last_days: 'not within the last N days', op_birthday_in_next_days: 'birthday in the next N days',
	window_none: 'All time', window_last_days: 'Last N days', window_range: 'Date range', days: 'days', from: 'From', to: 'To',
	product: 'Product ID', category: 'Category', min_quantity: 'Min. quantity', channel: 'Channel', interaction_type: 'Type', min_count: 'Min. count', segment: 'Segment',
	list_hint: 'comma-separated', yes: 'Yes', no: 'No', any_value: '(any)',
	summary: 'Summary', members: 'Matching customers', loading: 'Counting…', sample: 'Sample', invalid: 'Check the rule', no_rule: 'No rule yet. Add a condition.',
	preview_failed: 'Could not load the preview',
};

export type MessageKey = keyof typeof ko;
export const MESSAGES: Record<SummaryLanguage, typeof ko> = { 'ko-KR': ko, 'en-US': en };

/** Korean for any ko* locale, English otherwise. */
export const toLanguage = (locale: unknown): SummaryLanguage => (typeof locale === 'string' && locale.toLowerCase().startsWith('ko') ? 'ko-KR' : 'en-US');

export function translator(language: SummaryLanguage) {
	const messages = MESSAGES[language];
	const fields = CUSTOMER_FIELD_LABELS[language];
	return {
		language,
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
