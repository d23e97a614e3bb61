// Every label the KPI card panel shows, in Korean and English (KPI names come from domain/kpi/definitions).
import { messageTranslate } from '../../shared/i18n';
import type { PanelLanguage } from '../kpi-common/format';

const ko = {
	panel_name: 'KPI 카드',
	panel_description: 'KPI 하나: 값, 직전 기간 대비 변화, 추세선, 목표 달성률',
	loading: '불러오는 중…',
	error: 'KPI를 불러오지 못했습니다',
	retry: '다시 시도',
	empty: '{period}에는 데이터가 없습니다',
	skipped: '이 KPI의 원본 데이터를 볼 권한이 없습니다',
	vs_previous: '직전 기간 대비',
	previous: '직전 기간: {value}',
	goal: '목표 {target}',
	goal_met: '목표 달성',
	kpi_option: 'KPI',
	period_option: '기간',
	segment_option: '세그먼트 ID (비우면 전체 고객)',
	currency_option: '통화',
	completed_option: '완료된 기간',
	completed_label: '진행 중인 기간 대신 직전의 완료된 기간 표시',
	points_option: '추세선 기간 수',
	day: '일',
	week: '주',
	month: '월',
	quarter: '분기',
};

const en: typeof ko = {
	panel_name: 'KPI card',
	panel_description: 'One KPI: value, change vs the previous period, sparkline, goal progress',
	loading: 'Loading…',
	error: 'Could not load the KPI',
	retry: 'Retry',
	empty: 'No data for {period}',
	skipped: "You don't have access to this KPI's data",
	vs_previous: 'vs previous period',
	previous: 'Previous: {value}',
	goal: 'Goal {target}',
	goal_met: 'Goal met',
	kpi_option: 'KPI',
	period_option: 'Period',
	segment_option: 'Segment id (empty = all customers)',
	currency_option: 'Currency',
	completed_option: 'Completed periods',
	completed_label: 'Show the last complete period instead of the current one so far',
	points_option: 'Sparkline periods',
	day: 'Day',
	week: 'Week',
	month: 'Month',
	quarter: 'Quarter',
};

export type MessageKey = keyof typeof ko;
export const MESSAGES: Record<PanelLanguage, typeof ko> = { 'ko-KR': ko, 'en-US': en };

/** The label for `key` in `language`, with {name} placeholders filled in (one with no value is kept as written). */
export const translate = messageTranslate(MESSAGES, 'keep');
