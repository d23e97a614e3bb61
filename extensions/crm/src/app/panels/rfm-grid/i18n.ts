// Every label the RFM grid panel shows, in Korean and English.
import { messageTranslate, toLanguage, type Language } from '../../shared/i18n';

export type PanelLanguage = Language;

const ko = {
	panel_name: 'RFM 그리드',
	panel_description: '최근성(R) × 구매 빈도(F) 5×5 그리드: 칸마다 고객 수와 평균 누적 구매액',
	recency: '최근성 (R)',
	frequency: '구매 빈도 (F)',
	recency_hint: '5 = 가장 최근 구매',
	frequency_hint: '5 = 가장 자주 구매',
	customers: '고객',
	avg_spend: '평균 구매액',
	loading: '불러오는 중…',
	empty: 'RFM이 아직 계산되지 않았습니다: 실행하세요',
	run: 'RFM 계산 실행',
	running: '계산 중…',
	computed_at: '계산 시각',
	unscored: '점수 없음',
	error: 'RFM 그리드를 불러오지 못했습니다',
	retry: '다시 시도',
	open_cell: '이 칸의 고객 보기',
	opening: '여는 중…',
	bookmark_title: 'RFM R{r} · F{f}',
	cell_title: 'R{r} · F{f}: 고객 {customers}명, 평균 구매액 {avg}',
	currency_option: '통화',
};

const en: typeof ko = {
	panel_name: 'RFM grid',
	panel_description: 'Recency (R) × frequency (F) 5×5 grid: customers and average lifetime spend per cell',
	recency: 'Recency (R)',
	frequency: 'Frequency (F)',
	recency_hint: '5 = bought most recently',
	frequency_hint: '5 = buys most often',
	customers: 'customers',
	avg_spend: 'avg. spend',
	loading: 'Loading…',
	empty: 'RFM not computed yet: run it',
	run: 'Run RFM',
	running: 'Running…',
	computed_at: 'Computed',
	unscored: 'Unscored',
	error: 'Could not load the RFM grid',
	retry: 'Retry',
	open_cell: "Show this cell's customers",
	opening: 'Opening…',
	bookmark_title: 'RFM R{r} · F{f}',
	cell_title: 'R{r} · F{f}: {customers} customers, average spend {avg}',
	currency_option: 'Currency',
};

export type MessageKey = keyof typeof ko;
export const MESSAGES: Record<PanelLanguage, typeof ko> = { 'ko-KR': ko, 'en-US': en };
export { toLanguage };

/** The label for `key` in `language`, with {name} placeholders filled in (one with no value is kept as written). */
export const translate = messageTranslate(MESSAGES, 'keep');
