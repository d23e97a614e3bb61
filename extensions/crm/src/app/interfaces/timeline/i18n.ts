// Every label the customer timeline shows, in Korean and English. Codes (kinds, types, channels) map to
// `<group>_<code>` keys; an unknown code falls back to the code itself.
import { messageTranslator, toLanguage, type Language } from '../../shared/i18n';

const ko = {
	name: '고객 타임라인', save_first: '고객을 저장하면 타임라인이 표시됩니다.',
	kind_order: '주문', kind_interaction: '상호작용', kind_feedback: '설문 응답', kind_points: '포인트', kind_history: '변경 이력', kind_message: '발송 메시지',
	order_pending: '대기', order_paid: '결제 완료', order_fulfilled: '배송 완료', order_refunded: '환불', order_cancelled: '취소',
	type_call: '통화', type_visit: '방문', type_note: '메모', type_inquiry: '문의', type_complaint: '불만', type_after_sales: '사후 서비스', type_meeting: '미팅', type_task: '할 일', type_message: '메시지',
	feedback_nps: 'NPS', feedback_csat: '만족도', feedback_review: '리뷰',
	points_earn: '적립', points_redeem: '사용', points_expire: '소멸', points_adjust: '조정', points_reverse: '취소 회수',
	history_stage: '관계 단계', history_tier: '등급', history_consent: '수신 동의',
	stage_prospect: '잠재 고객', stage_customer: '고객', stage_regular: '단골', stage_advocate: '추천 고객', stage_partner: '파트너',
	channel_store: '매장', channel_phone: '전화', channel_email: '이메일', channel_sms: '문자', channel_kakao: '카카오톡', channel_web: '웹', channel_social: '소셜 미디어', channel_visit: '방문', channel_app: '모바일 앱', channel_marketplace: '오픈마켓',
	dir_inbound: '수신', dir_outbound: '발신', dir_internal: '내부',
	title_order: '주문 {amount} · {status}', title_nps: 'NPS {score}점', title_csat: '만족도 {score}/5', title_review: '리뷰 ★{score}', title_points: '포인트 {kind} {points}P', title_history: '{what} 변경: {from} → {to}',
	lines: '상품 {n}개', open: '진행 중', by: '{name}', none: '없음',
	filter_kind: '종류', filter_channel: '채널', filter_clear: '필터 해제',
	loading: '불러오는 중…', empty: '아직 기록이 없습니다.', empty_filtered: '선택한 필터에 맞는 기록이 없습니다.', failed: '타임라인을 불러오지 못했습니다', retry: '다시 시도',
	end: '처음 기록까지 모두 표시했습니다.', load_more: '더 보기', hidden_kinds: '권한이 없어 표시하지 않는 항목: {kinds}',
	composer: '기록 남기기', log_call: '통화 기록', log_visit: '방문 기록', log_note: '메모',
	placeholder_call: '통화 내용을 입력하세요', placeholder_visit: '방문 내용을 입력하세요', placeholder_note: '메모를 입력하세요',
	save: '저장', saving: '저장 중…', cancel: '취소', saved: '기록했습니다.', saved_filtered: '기록했습니다. 지금 필터에서는 보이지 않습니다.', empty_text: '내용을 입력하세요.', save_failed: '저장하지 못했습니다',
};
const en: typeof ko = {
	name: 'Customer timeline', save_first: 'Save the customer to see the timeline.',
	kind_order: 'Orders', kind_interaction: 'Interactions', kind_feedback: 'Survey answers', kind_points: 'Points', kind_history: 'Changes', kind_message: 'Messages sent',
	order_pending: 'pending', order_paid: 'paid', order_fulfilled: 'fulfilled', order_refunded: 'refunded', order_cancelled: 'cancelled',
	type_call: 'Call', type_visit: 'Visit', type_note: 'Note', type_inquiry: 'Inquiry', type_complaint: 'Complaint', type_after_sales: 'After-sales service', type_meeting: 'Meeting', type_task: 'Task', type_message: 'Message',
	feedback_nps: 'NPS', feedback_csat: 'CSAT', feedback_review: 'Review',
	points_earn: 'earned', points_redeem: 'redeemed', points_expire: 'expired', points_adjust: 'adjusted', points_reverse: 'reversed',
	history_stage: 'Stage', history_tier: 'Tier', history_consent: 'Consent',
	stage_prospect: 'Prospect', stage_customer: 'Customer', stage_regular: 'Regular', stage_advocate: 'Advocate', stage_partner: 'Partner',
	channel_store: 'Store', channel_phone: 'Phone', channel_email: 'E-mail', channel_sms: 'SMS', channel_kakao: 'KakaoTalk', channel_web: 'Web', channel_social: 'Social media', channel_visit: 'On-site visit', channel_app: 'Mobile app', channel_marketplace: 'Marketplace',
	dir_inbound: 'inbound', dir_outbound: 'outbound', dir_internal: 'internal',
	title_order: 'Order {amount} · {status}', title_nps: 'NPS {score}', title_csat: 'CSAT {score}/5', title_review: 'Review ★{score}', title_points: 'Points {kind} {points}', title_history: '{what} changed: {from} → {to}',
	lines: '{n} items', open: 'open', by: '{name}', none: 'none',
	filter_kind: 'Kind', filter_channel: 'Channel', filter_clear: 'Clear filters',
	loading: 'Loading…', empty: 'Nothing recorded yet.', empty_filtered: 'Nothing matches these filters.', failed: 'Could not load the timeline', retry: 'Retry',
	end: 'That is everything, back to the first record.', load_more: 'Load more', hidden_kinds: 'Hidden for lack of permission: {kinds}',
	composer: 'Log', log_call: 'Log a call', log_visit: 'Log a visit', log_note: 'Note',
	placeholder_call: 'What was the call about?', placeholder_visit: 'What happened on the visit?', placeholder_note: 'Write a note',
	save: 'Save', saving: 'Saving…', cancel: 'Cancel', saved: 'Logged.', saved_filtered: 'Logged. It is hidden by the current filters.', empty_text: 'Type something first.', save_failed: 'Could not save',
};

export type MessageKey = keyof typeof ko;
export const MESSAGES: Record<Language, typeof ko> = { 'ko-KR': ko, 'en-US': en };
export { toLanguage, type Language };

const base = messageTranslator(MESSAGES);
export function translator(language: Language) {
	const { t } = base(language);
	/** The label of a code in a group (`kind`, `channel`, `type`, …), or the code itself when there is none. */
	const label = (group: string, code: string | null | undefined) => {
		if (code === null || code === undefined || code === '') return '';
		const key = `${group}_${code}`;
		return key in MESSAGES[language] ? t(key as MessageKey) : code;
	};
	return { language, t, label };
}
export type Translator = ReturnType<typeof translator>;
