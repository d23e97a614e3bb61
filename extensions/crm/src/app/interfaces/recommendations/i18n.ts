// Every label the recommendations card shows, in Korean and English.
import { messageTranslator, toLanguage, type Language } from '../../shared/i18n';

const ko = {
	title: '함께 구매한 상품',
	subtitle: '이 고객이 구매한 상품을 산 다른 고객들이 함께 구매한 상품',
	reason: '{because} 구매 고객의 {confidence}가 함께 구매',
	confidence: '신뢰도',
	lift: '향상도',
	lift_value: '{lift}배',
	baskets: '동시 구매 {n}건',
	as_of: '{date} 기준',
	never: '아직 계산되지 않았습니다. 관리자가 추천을 다시 계산하면 표시됩니다.',
	empty: '추천할 상품이 없습니다.',
	loading: '불러오는 중…',
	failed: '추천 상품을 불러오지 못했습니다',
	retry: '다시 시도',
	refresh: '다시 계산',
	save_first: '고객을 저장하면 추천 상품이 표시됩니다.',
};
const en: typeof ko = {
	title: 'Customers who bought … also bought',
	subtitle: 'Products bought by other customers who bought what this customer bought',
	reason: '{confidence} of customers who bought {because} also bought it',
	confidence: 'Confidence',
	lift: 'Lift',
	lift_value: '{lift}×',
	baskets: '{n} baskets with both',
	as_of: 'as of {date}',
	never: 'Not computed yet. Recommendations appear once a manager refreshes them.',
	empty: 'No products to recommend.',
	loading: 'Loading…',
	failed: 'Could not load the recommendations',
	retry: 'Retry',
	refresh: 'Recalculate',
	save_first: 'Save the customer to see recommendations.',
};

export type MessageKey = keyof typeof ko;
const MESSAGES: Record<Language, typeof ko> = { 'ko-KR': ko, 'en-US': en };
export { toLanguage, type Language };
export const translator = messageTranslator(MESSAGES);
export type Translator = ReturnType<typeof translator>;
