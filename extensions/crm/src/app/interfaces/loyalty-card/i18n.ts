// Every label the loyalty card shows, in Korean and English.
import { messageTranslator, toLanguage, type Language } from '../../shared/i18n';

const ko = {
	balance: '포인트 잔액', points: 'P', tier: '등급', no_tier: '등급 없음', next_tier: '다음 등급', to_next: '{n}P 더 적립하면 {tier}', top_tier: '최고 등급입니다',
	earned_window: '최근 {days}일 적립', review_at: '등급 심사일', expiring: '곧 소멸되는 포인트', none_expiring: '{days}일 안에 소멸되는 포인트가 없습니다.',
	movements: '최근 포인트 내역', no_movements: '포인트 내역이 없습니다.', redeem: '리워드 교환', choose_reward: '리워드 선택', redeem_button: '교환하기',
	coupon_issued: '쿠폰이 발급되었습니다', adjust: '포인트 수동 조정', adjust_points: '포인트 (+/-)', adjust_reason: '사유 (필수)', adjust_button: '조정하기',
	loading: '불러오는 중…', failed: '멤버십 정보를 불러오지 못했습니다', save_first: '고객을 저장하면 멤버십 카드가 표시됩니다.', expires: '소멸 예정',
	kind_earn: '적립', kind_redeem: '사용', kind_expire: '소멸', kind_adjust: '조정', kind_reverse: '취소 회수',
};
const en: typeof ko = {
	balance: 'Points balance', points: 'pts', tier: 'Tier', no_tier: 'No tier', next_tier: 'Next tier', to_next: '{n} more points to {tier}', top_tier: 'Top tier reached',
	earned_window: 'Earned in the last {days} days', review_at: 'Tier review', expiring: 'Points expiring soon', none_expiring: 'No points expire in the next {days} days.',
	movements: 'Recent movements', no_movements: 'No points movements yet.', redeem: 'Redeem a reward', choose_reward: 'Choose a reward', redeem_button: 'Redeem',
	coupon_issued: 'Coupon issued', adjust: 'Manual adjustment', adjust_points: 'Points (+/-)', adjust_reason: 'Reason (required)', adjust_button: 'Adjust',
	loading: 'Loading…', failed: 'Could not load the loyalty card', save_first: 'Save the customer to see the loyalty card.', expires: 'expires',
	kind_earn: 'Earned', kind_redeem: 'Redeemed', kind_expire: 'Expired', kind_adjust: 'Adjusted', kind_reverse: 'Reversed',
};

export type MessageKey = keyof typeof ko;
const MESSAGES: Record<Language, typeof ko> = { 'ko-KR': ko, 'en-US': en };
export { toLanguage, type Language };
export const translator = messageTranslator(MESSAGES);
