// Every label the KPI trend panel shows, in Korean and English (KPI names come from domain/kpi/definitions).
import { messageTranslate } from '../../shared/i18n';
import type { PanelLanguage } from '../kpi-common/format';

const ko = {
	panel_name: 'KPI 추세',
	panel_description: '세그먼트별 KPI 추이 (기간별 꺾은선 그래프)',
	loading: '불러오는 중…',
	error: 'KPI 추세를 불러오지 못했습니다',
	retry: '다시 시도',
	empty: '이 기간에는 데이터가 없습니다',
	all_customers: '전체 고객',
	segment: '세그먼트 #{id}',
	goal: '목표 {value}',
	kpi_option: 'KPI',
	period_option: '기간 단위',
	points_option: '기간 수',
	segments_option: '세그먼트 ID (all = 전체 고객)',
	channel_option: '판매 채널 (비우면 전체)',
	currency_option: '통화',
	completed_option: '완료된 기간',
	completed_label: '진행 중인 기간 대신 직전의 완료된 기간 표시',
};

const en: typeof ko = {
	panel_name: 'KPI trend',
	panel_description: 'A KPI over time by segment (line chart by period)',
	loading: 'Loading…',
	error: 'Could not load the KPI trend',
	retry: 'Retry',
	empty: 'No data in these periods',
	all_customers: 'All customers',
	segment: 'Segment #{id}',
	goal: 'Goal {value}',
	kpi_option: 'KPI',
	period_option: 'Period',
	points_option: 'Periods',
	segments_option: 'Segment ids (all = all customers)',
	channel_option: 'Sales channel (empty = all)',
	currency_option: 'Currency',
	completed_option: 'Completed periods',
	completed_label: 'Show the last complete period instead of the current one so far',
};

export type MessageKey = keyof typeof ko;
export const MESSAGES: Record<PanelLanguage, typeof ko> = { 'ko-KR': ko, 'en-US': en };

/** The label for `key` in `language`, with {name} placeholders filled in (one with no value is kept as written). */
export const translate = messageTranslate(MESSAGES, 'keep');
