// Every label the cohort heatmap panel shows, in Korean and English.
import { messageTranslate } from '../../shared/i18n';
import type { PanelLanguage } from '../kpi-common/format';

const ko = {
	panel_name: '코호트 유지율 히트맵',
	panel_description: '첫 구매 월별 고객이 이후 몇 개월째에 다시 구매했는지 (명 수 또는 비율)',
	loading: '불러오는 중…',
	error: '코호트를 불러오지 못했습니다',
	retry: '다시 시도',
	empty: '이 기간에 첫 구매한 고객이 없습니다',
	cohort: '첫 구매 월',
	customers: '고객 수',
	offset: '{n}개월',
	average: '평균',
	average_complete: '끝난 달만 평균',
	in_progress: '진행 중인 달: 아직 집계 중',
	percent: '비율',
	count: '명 수',
	cell_title: '{cohort} 첫 구매 고객 {size}명 중 {customers}명({rate})이 {n}개월 후 구매',
	months_option: '개월 수',
	channel_option: '판매 채널 (비우면 전체)',
	segment_option: '세그먼트 ID (비우면 전체 고객)',
};

const en: typeof ko = {
	panel_name: 'Cohort retention heatmap',
	panel_description: 'Customers by first-purchase month and how many bought again N months later (count or percentage)',
	loading: 'Loading…',
	error: 'Could not load the cohorts',
	retry: 'Retry',
	empty: 'No customer made a first purchase in these months',
	cohort: 'First purchase',
	customers: 'Customers',
	offset: 'M{n}',
	average: 'Average',
	average_complete: 'complete months only',
	in_progress: 'month in progress: still counting',
	percent: '%',
	count: 'Count',
	cell_title: 'Of {size} customers acquired in {cohort}, {customers} ({rate}) bought in month {n}',
	months_option: 'Months',
	channel_option: 'Sales channel (empty = all)',
	segment_option: 'Segment id (empty = all customers)',
};

export type MessageKey = keyof typeof ko;
export const MESSAGES: Record<PanelLanguage, typeof ko> = { 'ko-KR': ko, 'en-US': en };

/** The label for `key` in `language`, with {name} placeholders filled in (one with no value is kept as written). */
export const translate = messageTranslate(MESSAGES, 'keep');
