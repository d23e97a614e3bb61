import { describe, expect, it } from 'vitest';
import {
	isLowScore,
	languageOf,
	lowScoreTaskKey,
	lowScoreTaskText,
	parseComment,
	parseScore,
	surveySourceKey,
} from './index';

describe('parseScore', () => {
	it('accepts whole numbers on the scale, from numbers or form strings', () => {
		expect([0, 10, '0', ' 7 '].map((v) => parseScore(v, 'nps'))).toEqual([0, 10, 0, 7]);
		expect([1, 5, '3'].map((v) => parseScore(v, 'csat'))).toEqual([1, 5, 3]);
	});
	it('refuses anything else', () => {
		for (const v of [-1, 11, 7.5, '7.5', '', 'ten', null, undefined, '1e1', [], {}])
			expect(parseScore(v, 'nps'), String(v)).toBeNull();
		for (const v of [0, 6, '0']) expect(parseScore(v, 'csat'), String(v)).toBeNull();
	});
});

describe('parseComment', () => {
	it('trims, turns empty into null and refuses non-text or too long', () => {
		expect(parseComment('  좋아요 \r\n ')).toBe('좋아요');
		expect(parseComment('   ')).toBeNull();
		expect(parseComment(undefined)).toBeNull();
		expect(parseComment(5)).toBeUndefined();
		expect(parseComment('x'.repeat(2001))).toBeUndefined();
	});
});

describe('isLowScore', () => {
	it('uses the NPS threshold inclusively (default 6) and CSAT ≤ 2', () => {
		expect([6, 7].map((s) => isLowScore('nps', s, null))).toEqual([true, false]);
		expect([8, 9].map((s) => isLowScore('nps', s, 8))).toEqual([true, false]);
		expect([2, 3].map((s) => isLowScore('csat', s, 10))).toEqual([true, false]);
	});
});

describe('keys and text', () => {
	it('derives one answer key per customer, survey and order, and one task key per answer', () => {
		expect(surveySourceKey(12, 'nps_after_purchase', null)).toBe('survey:12:nps_after_purchase:none');
		expect(surveySourceKey(12, 'nps_after_purchase', 99)).toBe('survey:12:nps_after_purchase:99');
		expect(lowScoreTaskKey(5)).toBe('low-score:5');
	});
	it('reads the language from a locale', () => {
		expect([languageOf('en-US'), languageOf('ko-KR'), languageOf('fr-FR'), languageOf(null)]).toEqual([
			'en',
			'ko',
			null,
			null,
		]);
	});
	it('names the score and the comment in the task', () => {
		const ko = lowScoreTaskText({
			scale: 'nps',
			score: 3,
			comment: '배송이 늦었어요',
			survey: 'nps',
			question: '추천하시겠어요?',
			customerName: '김민준',
			lang: 'ko',
		});
		expect(ko.subject).toBe('저점 응답 후속 조치: 김민준 · NPS 3/10');
		expect(ko.body).toContain('배송이 늦었어요');
		const en = lowScoreTaskText({
			scale: 'csat',
			score: 1,
			comment: null,
			survey: 'csat',
			question: null,
			customerName: null,
			lang: 'en',
		});
		expect(en).toEqual({
			subject: 'Follow up low score: Customer · CSAT 1/5',
			body: 'Answered survey "csat" with CSAT 1 out of 5.\nComment: (none)',
		});
	});
});
