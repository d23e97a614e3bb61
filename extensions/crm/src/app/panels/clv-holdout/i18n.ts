// Every label the CLV calibration-vs-holdout panel shows, in Korean and English.
import { messageTranslate } from '../../shared/i18n';
import type { PanelLanguage } from '../kpi-common/format';

const ko = {
	panel_name: 'CLV 학습 대 검증',
	panel_description: '학습 기간으로 적합한 구매 모델이 검증 기간의 재구매를 얼마나 맞혔는지 (구매 빈도별)',
	empty: '아직 CLV 모델을 적합하지 않았습니다 (CRM 설정의 CLV, POST /crm/clv/refresh)',
	no_holdout: '검증 기간 없이 적합했습니다: 학습 종료일을 주고 다시 계산하면 비교가 나옵니다',
	frequency: '학습 기간 재구매',
	customers: '고객 수',
	actual: '실제',
	kept: '선택',
	fitted: '{date} 적합',
	period: '학습 ~{calibration}, 검증 ~{holdout} ({weeks}주)',
	totals: '검증 기간 재구매 합계: 실제 {actual}, 예측 {predicted}',
	rmse: 'RMSE',
	log_likelihood: '로그우도',
};

const en: typeof ko = {
	panel_name: 'CLV calibration vs holdout',
	panel_description:
		'How well each purchase model fitted on the calibration period predicted repeat purchases in the holdout, by frequency',
	empty: 'No CLV fit yet (CLV in the CRM settings, POST /crm/clv/refresh)',
	no_holdout: 'Fitted without a holdout: refit with a calibration end to see the comparison',
	frequency: 'Calibration repeats',
	customers: 'Customers',
	actual: 'Actual',
	kept: 'kept',
	fitted: 'fitted {date}',
	period: 'calibration to {calibration}, holdout to {holdout} ({weeks} weeks)',
	totals: 'Holdout repeat purchases: actual {actual}, predicted {predicted}',
	rmse: 'RMSE',
	log_likelihood: 'Log-likelihood',
};

export type MessageKey = keyof typeof ko;
export const MESSAGES: Record<PanelLanguage, typeof ko> = { 'ko-KR': ko, 'en-US': en };
export const translate = messageTranslate(MESSAGES, 'keep');
