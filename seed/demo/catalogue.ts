// The demo shop's catalogue: a Korean café-and-lifestyle store with 60 products in 8 categories.
// Fixed rather than random so SKUs and prices stay stable whatever the seed.

export type Category = 'coffee' | 'tea' | 'bakery' | 'gift_set' | 'kitchen' | 'skincare' | 'apparel' | 'stationery';

export interface DemoProduct {
	sku: string;
	name: string;
	category: Category;
	/** Whole KRW, a multiple of 100. */
	price: number;
	description: string;
}

interface CategorySpec {
	skuPrefix: string;
	/** Relative share of purchases when a customer buys outside their favourites. */
	popularity: number;
	/** Typical quantities per order line, with weights. */
	quantities: readonly (readonly [number, number])[];
	blurb: string;
	items: readonly (readonly [name: string, price: number])[];
}

const ONE: CategorySpec['quantities'] = [[1, 1]];

export const CATALOGUE: Readonly<Record<Category, CategorySpec>> = {
	coffee: {
		skuPrefix: 'COF',
		popularity: 30,
		quantities: [
			[1, 80],
			[2, 17],
			[3, 3],
		],
		blurb: '주문 후 소량 로스팅해 신선하게 보내드립니다.',
		items: [
			['에티오피아 예가체프 원두 200g', 16000],
			['콜롬비아 수프리모 원두 200g', 14000],
			['케냐 AA 원두 200g', 17000],
			['과테말라 안티구아 원두 200g', 15500],
			['하우스 블렌드 원두 500g', 24000],
			['디카페인 블렌드 원두 200g', 15000],
			['콜드브루 원액 500ml', 12000],
			['드립백 커피 10개입', 9900],
		],
	},
	tea: {
		skuPrefix: 'TEA',
		popularity: 14,
		quantities: [
			[1, 85],
			[2, 15],
		],
		blurb: '산지에서 직접 들여온 차입니다.',
		items: [
			['제주 녹차 티백 20개입', 8500],
			['보성 우전 녹차 50g', 28000],
			['유자차 1kg', 15800],
			['캐모마일 허브티 15개입', 7900],
			['얼그레이 홍차 100g', 12000],
			['보이차 숙차 100g', 22000],
			['대추생강차 30포', 18900],
		],
	},
	bakery: {
		skuPrefix: 'BAK',
		popularity: 24,
		quantities: [
			[1, 50],
			[2, 30],
			[3, 12],
			[4, 8],
		],
		blurb: '매일 아침 매장에서 굽습니다.',
		items: [
			['버터 크루아상', 3800],
			['소금빵', 3000],
			['앙버터', 4500],
			['통밀 식빵', 5800],
			['휘낭시에 6개입', 13200],
			['마들렌 8개입', 15600],
			['바스크 치즈케이크 홀', 32000],
			['단호박 스콘', 3500],
		],
	},
	gift_set: {
		skuPrefix: 'GFT',
		popularity: 8,
		quantities: [
			[1, 85],
			[2, 10],
			[3, 5],
		],
		blurb: '선물 포장과 쇼핑백이 함께 제공됩니다.',
		items: [
			['명절 커피 선물세트', 45000],
			['프리미엄 티 선물세트', 39000],
			['원두 & 머그 선물세트', 52000],
			['구움과자 선물세트', 29000],
			['홍삼 선물세트', 98000],
			['수제 잼 3종 세트', 27000],
			['기업 감사 선물세트', 150000],
		],
	},
	kitchen: {
		skuPrefix: 'KIT',
		popularity: 8,
		quantities: ONE,
		blurb: '홈카페를 위한 도구입니다.',
		items: [
			['핸드드립 세트', 48000],
			['세라믹 드리퍼', 18000],
			['유리 서버 600ml', 22000],
			['전동 그라인더', 129000],
			['스테인리스 텀블러 473ml', 28000],
			['도자기 머그', 14000],
			['콜드브루 보틀 1L', 19800],
			['종이 필터 100매', 4500],
		],
	},
	skincare: {
		skuPrefix: 'SKN',
		popularity: 6,
		quantities: [
			[1, 90],
			[2, 10],
		],
		blurb: '국내에서 만든 순한 스킨케어입니다.',
		items: [
			['녹차 수분 크림 50ml', 32000],
			['어성초 토너 200ml', 21000],
			['쌀 클렌징 폼 150ml', 12000],
			['동백 오일 세럼 30ml', 38000],
			['선크림 SPF50+ 50ml', 19000],
			['핸드크림 3종 세트', 15000],
			['시트 마스크 10매', 11000],
		],
	},
	apparel: {
		skuPrefix: 'APP',
		popularity: 4,
		quantities: ONE,
		blurb: '매장 로고가 들어간 굿즈입니다.',
		items: [
			['로고 에코백', 18000],
			['린넨 앞치마', 35000],
			['오버핏 로고 티셔츠', 29000],
			['니트 비니', 22000],
			['후드 집업', 69000],
			['양말 3종 세트', 12000],
			['바리스타 캡', 25000],
		],
	},
	stationery: {
		skuPrefix: 'STA',
		popularity: 6,
		quantities: [
			[1, 70],
			[2, 20],
			[3, 10],
		],
		blurb: '매장 일러스트로 만든 문구입니다.',
		items: [
			['크라프트 노트 A5', 6000],
			['만년 다이어리', 18000],
			['젤펜 5색 세트', 7500],
			['엽서 세트 10매', 8000],
			['마스킹 테이프 3종', 6500],
			['원목 연필 12자루', 9000],
			['가죽 펜 케이스', 24000],
			['스티커 팩', 3000],
		],
	},
};

export const CATEGORIES = Object.keys(CATALOGUE) as Category[];

export function makeProducts(): DemoProduct[] {
	return CATEGORIES.flatMap((category) => {
		const spec = CATALOGUE[category];
		return spec.items.map(([name, price], i) => ({
			sku: `${spec.skuPrefix}-${String(i + 1).padStart(3, '0')}`,
			name,
			category,
			price,
			description: `${name}. ${spec.blurb}`,
		}));
	});
}
