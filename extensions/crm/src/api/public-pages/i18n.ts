// Every string on the CRM's public pages (survey answer, unsubscribe), Korean and English.
import type { Lang } from '../../domain/surveys';

const ko = {
	survey_title: '고객 설문',
	nps_question: '저희를 친구나 동료에게 추천할 가능성은 얼마나 되나요?',
	csat_question: '이번 경험에 얼마나 만족하셨나요?',
	nps_low: '전혀 추천하지 않음',
	nps_high: '매우 추천함',
	csat_low: '매우 불만족',
	csat_high: '매우 만족',
	score_legend: '점수 선택',
	comment_label: '의견 (선택)',
	comment_placeholder: '더 나은 서비스를 위해 의견을 남겨 주세요.',
	submit: '제출하기',
	already_answered: '이미 응답하셨습니다. 수정해서 다시 제출할 수 있습니다.',
	choose_score: '점수를 선택해 주세요.',
	comment_too_long: '의견은 2,000자 이내로 작성해 주세요.',
	thanks_title: '소중한 의견 감사합니다',
	thanks_body: '응답이 저장되었습니다. 링크가 유효한 동안 같은 링크로 응답을 수정할 수 있습니다.',
	your_score: '선택한 점수: {score}',
	malformed_title: '잘못된 링크입니다',
	malformed_body: '링크 주소가 올바르지 않습니다. 받으신 메시지의 링크 전체가 열렸는지 확인해 주세요.',
	tampered_title: '유효하지 않은 링크입니다',
	tampered_body: '링크가 변경되었거나 손상되었습니다. 받으신 메시지의 링크를 다시 열어 주세요.',
	expired_title: '만료된 링크입니다',
	expired_body: '이 링크는 유효 기간이 지났습니다.',
	gone_title: '진행 중인 설문이 아닙니다',
	gone_body: '이 설문은 종료되었거나 더 이상 응답을 받지 않습니다.',
	rate_title: '요청이 너무 많습니다',
	rate_body: '잠시 후 다시 시도해 주세요.',
	error_title: '일시적인 오류입니다',
	error_body: '잠시 후 다시 시도해 주세요.',
	unsubscribe_title: '수신 거부',
	unsubscribe_question: '{channel}(으)로 받는 광고성 정보 수신을 거부하시겠습니까?',
	unsubscribe_button: '수신 거부하기',
	unsubscribed_title: '수신 거부가 완료되었습니다',
	unsubscribed_body:
		'앞으로 {channel}(으)로 광고성 정보를 보내지 않습니다. 주문·배송 등 거래 관련 안내는 계속 받으실 수 있습니다.',
	channel_email: '이메일',
	channel_sms: '문자',
	channel_kakao: '카카오톡',
};

type Key = keyof typeof ko;

const en: Record<Key, string> = {
	survey_title: 'Customer survey',
	nps_question: 'How likely are you to recommend us to a friend or colleague?',
	csat_question: 'How satisfied were you with your experience?',
	nps_low: 'Not at all likely',
	nps_high: 'Extremely likely',
	csat_low: 'Very dissatisfied',
	csat_high: 'Very satisfied',
	score_legend: 'Choose a score',
	comment_label: 'Comment (optional)',
	comment_placeholder: 'Tell us how we could do better.',
	submit: 'Submit',
	already_answered: 'You have answered already. You can change your answer and submit again.',
	choose_score: 'Please choose a score.',
	comment_too_long: 'Please keep the comment under 2,000 characters.',
	thanks_title: 'Thank you for your feedback',
	thanks_body: 'Your answer is saved. While the link is valid you can change it through the same link.',
	your_score: 'Your score: {score}',
	malformed_title: 'This link is not valid',
	malformed_body: 'The address is incomplete or broken. Please open the whole link from the message you received.',
	tampered_title: 'This link is not valid',
	tampered_body: 'The link has been changed or damaged. Please open the link from the message you received again.',
	expired_title: 'This link has expired',
	expired_body: 'The link is past its validity period.',
	gone_title: 'This survey is closed',
	gone_body: 'The survey has ended or no longer takes answers.',
	rate_title: 'Too many requests',
	rate_body: 'Please try again in a moment.',
	error_title: 'Something went wrong',
	error_body: 'Please try again in a moment.',
	unsubscribe_title: 'Unsubscribe',
	unsubscribe_question: 'Stop receiving advertising by {channel}?',
	unsubscribe_button: 'Unsubscribe',
	unsubscribed_title: 'You are unsubscribed',
	unsubscribed_body:
		'We will not send you advertising by {channel} any more. Order and delivery notices may still reach you.',
	channel_email: 'e-mail',
	channel_sms: 'SMS',
	channel_kakao: 'KakaoTalk',
};

export type TextKey = Key;
const TABLES: Record<Lang, Record<Key, string>> = { ko, en };

/** The text with `{name}` placeholders filled in (values are plain text: the page escapes them). */
export function t(lang: Lang, key: Key, vars: Record<string, string | number> = {}): string {
	return TABLES[lang][key].replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}
