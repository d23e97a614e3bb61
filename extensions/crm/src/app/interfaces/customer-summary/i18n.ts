// Every label the customer summary card shows, in Korean and English.
import { messageTranslator, toLanguage, type Language } from '../../shared/i18n';

const ko = {
	name: '고객 요약',
	stage: '관계 단계',
	stage_locked: '수동 지정',
	tier: '등급',
	no_tier: '등급 없음',
	owner: '담당자',
	no_owner: '담당자 없음',
	total_spent: '누적 구매액',
	orders: '주문',
	orders_count: '{n}건',
	last_purchase: '최근 구매',
	never: '없음',
	last_nps: '최근 NPS',
	no_nps: '응답 없음',
	points: '포인트',
	points_value: '{n}P',
	consent: '수신 동의',
	consent_yes: '동의',
	consent_no: '미동의',
	consent_email: '이메일',
	consent_sms: '문자',
	consent_kakao: '카카오톡',
	consent_night: '야간',
	loading: '불러오는 중…',
	failed: '고객 요약을 불러오지 못했습니다',
	retry: '다시 시도',
	stage_prospect: '잠재 고객',
	stage_customer: '고객',
	stage_regular: '단골',
	stage_advocate: '추천 고객',
	stage_partner: '파트너',
	nps_promoter: '추천',
	nps_passive: '중립',
	nps_detractor: '비추천',
};
const en: typeof ko = {
	name: 'Customer summary',
	stage: 'Stage',
	stage_locked: 'set manually',
	tier: 'Tier',
	no_tier: 'No tier',
	owner: 'Owner',
	no_owner: 'No owner',
	total_spent: 'Lifetime spend',
	orders: 'Orders',
	orders_count: '{n}',
	last_purchase: 'Last purchase',
	never: 'Never',
	last_nps: 'Last NPS',
	no_nps: 'No answer',
	points: 'Points',
	points_value: '{n} pts',
	consent: 'Consent',
	consent_yes: 'agreed',
	consent_no: 'not agreed',
	consent_email: 'E-mail',
	consent_sms: 'SMS',
	consent_kakao: 'KakaoTalk',
	consent_night: 'Night-time',
	loading: 'Loading…',
	failed: 'Could not load the customer summary',
	retry: 'Retry',
	stage_prospect: 'Prospect',
	stage_customer: 'Customer',
	stage_regular: 'Regular',
	stage_advocate: 'Advocate',
	stage_partner: 'Partner',
	nps_promoter: 'promoter',
	nps_passive: 'passive',
	nps_detractor: 'detractor',
};

export type MessageKey = keyof typeof ko;
export const MESSAGES: Record<Language, typeof ko> = { 'ko-KR': ko, 'en-US': en };
export { toLanguage, type Language };

const base = messageTranslator(MESSAGES);
export function translator(language: Language) {
	return { ...base(language), has: (key: string): key is MessageKey => key in MESSAGES[language] };
}
export type Translator = ReturnType<typeof translator>;
