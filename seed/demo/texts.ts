// Words for the demo: interaction templates and survey comments, in Korean and English.

export type InteractionChannel = 'store' | 'phone' | 'email' | 'sms' | 'kakao' | 'web' | 'social' | 'visit';
export type InteractionDirection = 'inbound' | 'outbound' | 'internal';
export type InteractionType = 'call' | 'visit' | 'note' | 'inquiry' | 'complaint' | 'after_sales' | 'meeting';
export type Lang = 'ko' | 'en';

export interface InteractionTemplate {
	type: InteractionType;
	direction: InteractionDirection;
	channels: readonly InteractionChannel[];
	/** Relative frequency before adjusting for the customer. */
	weight: number;
	/** 'order': happens shortly after one of the customer's orders; 'lapsed': after they stopped buying;
	 *  'bulk': about corporate or wholesale buying; 'allergy': only for customers tagged allergy-note. */
	about?: 'order' | 'lapsed' | 'bulk' | 'allergy';
	ko: readonly [subject: string, body: string];
	en: readonly [subject: string, body: string];
}

export const INTERACTION_TEMPLATES: readonly InteractionTemplate[] = [
	{
		type: 'inquiry',
		direction: 'inbound',
		channels: ['phone', 'kakao', 'email', 'web'],
		weight: 14,
		about: 'order',
		ko: ['배송 일정 문의', '주문한 상품의 출고 예정일을 문의하셨습니다. 다음 영업일 출고 예정으로 안내했습니다.'],
		en: ['Delivery date question', 'Asked when their order would ship. Told them it leaves the next business day.'],
	},
	{
		type: 'inquiry',
		direction: 'inbound',
		channels: ['store', 'phone', 'kakao'],
		weight: 10,
		ko: ['원두 분쇄도 문의', '핸드드립용 분쇄도 추천을 요청하셔서 중간 굵기로 안내했습니다.'],
		en: ['Grind size question', 'Asked which grind suits pour-over; recommended a medium grind.'],
	},
	{
		type: 'inquiry',
		direction: 'inbound',
		channels: ['kakao', 'sms', 'social', 'web'],
		weight: 8,
		ko: ['이벤트 참여 문의', '신메뉴 시음 이벤트 참여 방법을 문의하셨습니다. 앱 쿠폰함 확인을 안내했습니다.'],
		en: ['Event question', 'Asked how to join the tasting event. Pointed them to the coupon page.'],
	},
	{
		type: 'inquiry',
		direction: 'inbound',
		channels: ['phone', 'email', 'web'],
		weight: 3,
		about: 'bulk',
		ko: ['단체 선물 견적 문의', '명절 선물용 30세트 견적을 요청하셨습니다. 견적서를 메일로 보냈습니다.'],
		en: ['Bulk gift quote', 'Requested a quote for 30 holiday gift sets. Quote sent by email.'],
	},
	{
		type: 'complaint',
		direction: 'inbound',
		channels: ['phone', 'kakao', 'email'],
		weight: 5,
		about: 'order',
		ko: ['배송 지연 불만', '예정일보다 3일 늦게 도착했다고 하셨습니다. 사과드리고 적립금 3,000원을 지급했습니다.'],
		en: ['Late delivery', 'The order arrived three days late. Apologised and added store credit.'],
	},
	{
		type: 'complaint',
		direction: 'inbound',
		channels: ['store', 'phone', 'kakao'],
		weight: 3,
		about: 'order',
		ko: ['제품 파손', '머그가 깨진 상태로 도착했습니다. 사진 확인 후 교환을 접수했습니다.'],
		en: ['Damaged item', 'A mug arrived broken. Checked the photo and arranged a replacement.'],
	},
	{
		type: 'after_sales',
		direction: 'inbound',
		channels: ['phone', 'kakao', 'email', 'web'],
		weight: 6,
		about: 'order',
		ko: ['교환 요청', '다른 원두로 교환을 원하셔서 회수 후 재발송하기로 했습니다.'],
		en: ['Exchange request', 'Wanted different beans; we will collect the bag and send a replacement.'],
	},
	{
		type: 'after_sales',
		direction: 'outbound',
		channels: ['phone', 'sms'],
		weight: 4,
		about: 'order',
		ko: ['구매 후 사용 안내', '구매하신 제품의 보관 방법과 세척 방법을 안내드렸습니다.'],
		en: ['Care instructions', 'Followed up with storage and cleaning tips for their purchase.'],
	},
	{
		type: 'call',
		direction: 'outbound',
		channels: ['phone'],
		weight: 5,
		ko: ['감사 전화', '꾸준히 이용해 주셔서 감사 인사를 드리고 신규 원두를 소개했습니다.'],
		en: ['Thank-you call', 'Thanked them for shopping with us and mentioned the new single origins.'],
	},
	{
		type: 'call',
		direction: 'outbound',
		channels: ['phone', 'sms', 'kakao'],
		weight: 6,
		about: 'lapsed',
		ko: ['재방문 안부 연락', '오랜만에 안부를 여쭙고 재방문 쿠폰을 안내드렸습니다.'],
		en: ['Win-back call', 'Checked in after a long gap and offered a welcome-back coupon.'],
	},
	{
		type: 'visit',
		direction: 'inbound',
		channels: ['visit', 'store'],
		weight: 9,
		ko: ['매장 방문 시음', '신규 원두를 시음하셨고 산미가 적은 원두를 선호하십니다.'],
		en: ['In-store tasting', 'Tried the new beans; prefers low-acidity coffee.'],
	},
	{
		type: 'note',
		direction: 'internal',
		channels: ['store', 'web'],
		weight: 6,
		ko: ['고객 메모', '주말 오전에 주로 방문하시며 포장 주문을 선호하십니다.'],
		en: ['Customer note', 'Usually visits on weekend mornings and prefers takeaway.'],
	},
	{
		type: 'note',
		direction: 'internal',
		channels: ['store'],
		weight: 0,
		about: 'allergy',
		ko: ['알레르기 메모', '견과류 알레르기가 있어 베이커리 추천 시 성분 확인이 필요합니다.'],
		en: ['Allergy note', 'Nut allergy: check ingredients before recommending bakery items.'],
	},
	{
		type: 'meeting',
		direction: 'outbound',
		channels: ['visit'],
		weight: 2,
		about: 'bulk',
		ko: ['기업 납품 미팅', '사무실 원두 정기 납품 조건과 단가를 논의했습니다.'],
		en: ['Corporate supply meeting', 'Discussed terms and pricing for a monthly office coffee supply.'],
	},
];

export type Mood = 'happy' | 'neutral' | 'unhappy';

export const SURVEY_COMMENTS: Readonly<Record<Lang, Record<Mood, readonly string[]>>> = {
	ko: {
		happy: [
			'원두가 항상 신선해요.',
			'직원분들이 친절해서 자주 방문합니다.',
			'선물세트 포장이 예뻐서 좋았어요.',
			'앱으로 재주문하기 편해요.',
			'소금빵은 여기가 최고예요!',
			'배송이 빨라서 좋았습니다.',
		],
		neutral: [
			'전반적으로 괜찮아요.',
			'가격이 조금 더 합리적이면 좋겠어요.',
			'배송이 조금 느렸어요.',
			'디카페인 종류가 더 있으면 좋겠어요.',
			'주말에는 매장이 너무 붐벼요.',
		],
		unhappy: [
			'배송이 너무 늦었어요.',
			'상품이 파손되어 도착했습니다.',
			'가격에 비해 품질이 아쉬워요.',
			'고객센터 연결이 어려웠어요.',
			'할인 혜택이 줄어서 아쉽습니다.',
		],
	},
	en: {
		happy: [
			'Beans are always fresh.',
			'Friendly staff, lovely shop.',
			'Great gift sets.',
			'The app makes reordering easy.',
			'Fast delivery, thank you!',
		],
		neutral: [
			'Good overall.',
			'A bit pricey for what it is.',
			'Shipping took a while.',
			'Would like more decaf options.',
		],
		unhappy: [
			'My order arrived late.',
			'An item arrived damaged.',
			'Quality has slipped lately.',
			'Hard to reach customer service.',
		],
	},
};

/** Labels for discount lines; `percent` or `fixed` KRW off. */
export const DISCOUNTS: readonly { ko: string; en: string; percent?: number; fixed?: number; weight: number }[] = [
	{ ko: '쿠폰 10% 할인', en: 'Coupon 10% off', percent: 10, weight: 4 },
	{ ko: '멤버십 5% 할인', en: 'Member 5% off', percent: 5, weight: 3 },
	{ ko: '신규 가입 3,000원 할인', en: 'Welcome ₩3,000 off', fixed: 3000, weight: 2 },
	{ ko: '생일 쿠폰 5,000원 할인', en: 'Birthday ₩5,000 off', fixed: 5000, weight: 1 },
];
