import { describe, expect, expectTypeOf, it } from 'vitest';
import { fill, messageTranslate, messageTranslator, toLanguage, type Language } from './i18n';

const ko = { hello: '안녕하세요 {name}님', count: '{n}건 중 {m}건', plain: '확인' };
const en: typeof ko = { hello: 'Hello {name}', count: '{m} of {n}', plain: 'OK' };
const MESSAGES: Record<Language, typeof ko> = { 'ko-KR': ko, 'en-US': en };

describe('toLanguage', () => {
	it('picks Korean for any ko* locale and English for everything else', () => {
		expect(['ko-KR', 'ko', 'KO-kr', 'ko_KR'].map(toLanguage)).toEqual(['ko-KR', 'ko-KR', 'ko-KR', 'ko-KR']);
		expect(['en-US', 'en-GB', 'de-DE', 'kr', '', ' ko'].map(toLanguage)).toEqual([
			'en-US',
			'en-US',
			'en-US',
			'en-US',
			'en-US',
			'en-US',
		]);
		expect([null, undefined, 42, { language: 'ko' }].map(toLanguage)).toEqual(['en-US', 'en-US', 'en-US', 'en-US']);
	});
});

describe('fill', () => {
	it('replaces every {name} with its value, numbers included, and leaves other text alone', () => {
		expect(fill('{a} + {a} = {b}', { a: 1, b: 'two' })).toBe('1 + 1 = two');
		expect(fill('no placeholders, {not one}', { x: 1 })).toBe('no placeholders, {not one}');
		expect(fill('{n}', { n: 0 })).toBe('0');
	});

	it('renders a missing value as empty by default, or keeps the placeholder when asked', () => {
		expect(fill('[{a}|{b}]', { a: 'x' })).toBe('[x|]');
		expect(fill('[{a}|{b}]', { a: 'x' }, 'keep')).toBe('[x|{b}]');
		expect(fill('{constructor}{toString}', {})).toBe('');
		expect(fill('{constructor}', {}, 'keep')).toBe('{constructor}');
	});
});

describe('messageTranslator', () => {
	it('gives a translator per language whose t fills placeholders from that language', () => {
		const translator = messageTranslator(MESSAGES);
		const tr = translator('ko-KR');
		expect(tr.language).toBe('ko-KR');
		expect(tr.t('hello', { name: '김민수' })).toBe('안녕하세요 김민수님');
		expect(tr.t('count', { n: 3, m: 1 })).toBe('3건 중 1건');
		expect(translator('en-US').t('count', { n: 3, m: 1 })).toBe('1 of 3');
		expect(translator('en-US').t('plain')).toBe('OK');
		expect(translator('en-US').t('hello')).toBe('Hello ');
		expect(messageTranslator(MESSAGES, 'keep')('en-US').t('hello')).toBe('Hello {name}');
	});

	it('only accepts the keys of its table', () => {
		const tr = messageTranslator(MESSAGES)('en-US');
		expectTypeOf(tr.t).parameter(0).toEqualTypeOf<'hello' | 'count' | 'plain'>();
		expectTypeOf(tr.language).toEqualTypeOf<Language>();
		// @ts-expect-error: not a key of MESSAGES
		expect(() => tr.t('goodbye')).toThrow(TypeError);
	});
});

describe('messageTranslate', () => {
	it("translates (language, key, vars) with the table's missing-value rule", () => {
		const translate = messageTranslate(MESSAGES);
		expect(translate('ko-KR', 'hello', { name: 'Kim' })).toBe('안녕하세요 Kim님');
		expect(translate('en-US', 'count', { n: 10 })).toBe(' of 10');
		expect(messageTranslate(MESSAGES, 'keep')('en-US', 'count', { n: 10 })).toBe('{m} of 10');
	});

	it('only accepts the keys and languages of its table', () => {
		const translate = messageTranslate(MESSAGES);
		expectTypeOf(translate).parameter(0).toEqualTypeOf<Language>();
		expectTypeOf(translate).parameter(1).toEqualTypeOf<'hello' | 'count' | 'plain'>();
		expectTypeOf(translate).returns.toEqualTypeOf<string>();
		// @ts-expect-error: not a key of MESSAGES
		expect(() => translate('en-US', 'goodbye')).toThrow(TypeError);
		// @ts-expect-error: not a supported language
		expect(() => translate('de-DE', 'hello')).toThrow(TypeError);
	});
});
