// Demo vocabulary: products by category, Korean and English names, interaction subjects and survey comments.
export const CATEGORIES: Record<string, [string, number][]> = {
	coffee: [['에티오피아 예가체프 원두 200g', 18000], ['콜롬비아 수프리모 원두 500g', 32000], ['디카페인 원두 200g', 19000], ['콜드브루 원액 1L', 24000], ['드립백 커피 10개입', 12000], ['과테말라 안티구아 원두 200g', 17500], ['하우스 블렌드 1kg', 45000], ['케냐 AA 원두 200g', 21000]],
	tea: [['제주 녹차 티백 20개입', 9000], ['얼그레이 잎차 100g', 14000], ['보리차 티백 30개입', 6500], ['캐모마일 티 20개입', 11000], ['유자차 1kg', 16000], ['보이차 100g', 28000], ['루이보스 티 20개입', 10500]],
	bakery: [['버터 크루아상 4개', 9800], ['통밀 식빵', 5500], ['쌀 카스텔라', 8000], ['마들렌 6개입', 12000], ['바게트', 4500], ['호두 파운드케이크', 15000], ['초코 쿠키 10개입', 9000]],
	gift_set: [['커피 선물세트', 55000], ['명절 티 선물세트', 48000], ['베이커리 선물상자', 39000], ['프리미엄 원두 3종 세트', 69000], ['감사 선물세트', 30000], ['VIP 선물 바구니', 150000]],
	kitchen: [['핸드드립 주전자', 42000], ['세라믹 드리퍼', 18000], ['종이 필터 100매', 4500], ['텀블러 473ml', 29000], ['머그컵 2개 세트', 24000], ['전동 그라인더', 89000], ['유리 서버 600ml', 21000], ['계량 스케일', 33000]],
	skincare: [['수분 크림 50ml', 38000], ['쌀 토너 200ml', 22000], ['선크림 SPF50 50ml', 19800], ['핸드크림 3종 세트', 15000], ['립밤', 6900], ['클렌징 폼 150ml', 13000], ['시트 마스크 10매', 12000]],
	apparel: [['로고 에코백', 16000], ['바리스타 앞치마', 35000], ['면 티셔츠', 25000], ['니트 비니', 19000], ['후드 티셔츠', 59000], ['양말 3켤레', 9900]],
	stationery: [['원두 일러스트 엽서 세트', 7000], ['스탬프 쿠폰북', 3000], ['다이어리 2027', 22000], ['볼펜 3자루', 4500], ['스티커 팩', 3500], ['메모 패드', 5000], ['캘린더 2027', 15000], ['감사 카드 5매', 6000]],
};

export const KO_FAMILY: [string, string, number][] = [['김', 'kim', 21], ['이', 'lee', 15], ['박', 'park', 8], ['최', 'choi', 5], ['정', 'jung', 5], ['강', 'kang', 2], ['조', 'cho', 2], ['윤', 'yoon', 2], ['장', 'jang', 2], ['임', 'lim', 2], ['한', 'han', 1], ['오', 'oh', 1], ['서', 'seo', 1], ['신', 'shin', 1], ['권', 'kwon', 1], ['황', 'hwang', 1]];
export const KO_GIVEN: [string, string, 'female' | 'male'][] = [['민준', 'minjun', 'male'], ['서연', 'seoyeon', 'female'], ['지우', 'jiwoo', 'female'], ['하은', 'haeun', 'female'], ['도윤', 'doyun', 'male'], ['서준', 'seojun', 'male'], ['지호', 'jiho', 'male'], ['수아', 'sua', 'female'], ['예준', 'yejun', 'male'], ['지민', 'jimin', 'female'], ['현우', 'hyunwoo', 'male'], ['유진', 'yujin', 'female'], ['건우', 'geonwoo', 'male'], ['채원', 'chaewon', 'female'], ['우진', 'woojin', 'male'], ['다은', 'daeun', 'female'], ['시우', 'siwoo', 'male'], ['소윤', 'soyun', 'female'], ['은서', 'eunseo', 'female'], ['준서', 'junseo', 'male']];
export const EN_FIRST: [string, 'female' | 'male'][] = [['Emma', 'female'], ['Liam', 'male'], ['Olivia', 'female'], ['Noah', 'male'], ['Ava', 'female'], ['James', 'male'], ['Sophia', 'female'], ['Lucas', 'male'], ['Mia', 'female'], ['Ethan', 'male'], ['Grace', 'female'], ['Daniel', 'male']];
export const EN_LAST = ['Smith', 'Johnson', 'Brown', 'Taylor', 'Miller', 'Wilson', 'Moore', 'Clark', 'Lewis', 'Walker', 'Young', 'Hall'];

export const SUBJECTS = {
	ko: { call: '배송 일정 문의 전화', visit: '매장 방문 상담', note: '선호 원두 메모', inquiry: '상품 재입고 문의', complaint: '포장 파손 불만', after_sales: '그라인더 A/S 접수', meeting: '단체 주문 미팅' },
	en: { call: 'Call about delivery date', visit: 'Store visit', note: 'Favourite beans noted', inquiry: 'Restock question', complaint: 'Damaged packaging', after_sales: 'Grinder repair request', meeting: 'Corporate order meeting' },
} as const;

export const COMMENTS = {
	ko: { high: ['항상 맛있어요!', '친절한 응대 감사합니다.', '선물용으로 최고예요.'], mid: ['무난해요.', '배송이 조금 늦었어요.'], low: ['포장이 아쉬웠어요.', '가격이 많이 올랐네요.', '응대가 불친절했어요.'] },
	en: { high: ['Always great!', 'Lovely service, thank you.', 'Perfect gift.'], mid: ['It was fine.', 'Delivery was a little slow.'], low: ['Packaging was poor.', 'Prices went up a lot.', 'Staff were unhelpful.'] },
} as const;
