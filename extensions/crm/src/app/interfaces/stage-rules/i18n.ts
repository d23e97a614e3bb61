// Labels of the stage rules form, in Korean and English.
import { messageTranslator, toLanguage, type Language } from '../../shared/i18n';

const ko = {
	defaults_note: '기본 규칙을 사용하고 있습니다. 아래에서 바꾸면 저장할 때 이 규칙들이 적용됩니다.',
	custom_note: '저장하면 모든 고객의 관계 단계를 이 규칙으로 다시 계산합니다.',
	reset: '기본 규칙으로 되돌리기',
	broken: '저장된 규칙을 읽을 수 없어 기본 규칙을 보여 줍니다',
	prospect_note: '어떤 규칙에도 해당하지 않는 고객은 잠재 고객입니다. 높은 단계의 규칙부터 확인합니다.',
	mode_rule: '규칙으로 자동 지정',
	mode_manual: '직원이 직접 지정',
	mode_off: '사용 안 함',
	manual_note: '이 단계는 직원이 고객 화면에서 지정합니다.',
	off_note: '이 단계는 규칙으로 지정하지 않습니다.',
	empty_rule: '조건이 없으면 이 단계는 사용되지 않습니다.',
	stage_customer: '고객',
	stage_regular: '단골',
	stage_advocate: '추천 고객',
	stage_partner: '파트너',
};
const en: typeof ko = {
	defaults_note: 'The built-in rules apply. Change them below; once saved, these rules apply.',
	custom_note: "Saving re-evaluates every customer's relationship stage with these rules.",
	reset: 'Back to the built-in rules',
	broken: 'The stored rules cannot be read, so the built-in rules are shown',
	prospect_note: 'Customers no rule matches are prospects. Higher stages are checked first.',
	mode_rule: 'Automatic, by rule',
	mode_manual: 'Set by staff',
	mode_off: 'Not used',
	manual_note: 'Staff set this stage on the customer page.',
	off_note: 'No rule gives this stage.',
	empty_rule: 'Without conditions this stage is not used.',
	stage_customer: 'Customer',
	stage_regular: 'Regular',
	stage_advocate: 'Advocate',
	stage_partner: 'Partner',
};

export const MESSAGES: Record<Language, typeof ko> = { 'ko-KR': ko, 'en-US': en };
export { toLanguage };
export const translator = messageTranslator(MESSAGES);
