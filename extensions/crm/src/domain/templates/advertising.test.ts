import { describe, expect, it } from 'vitest';
import { advertisingProblem, applyAdvertisingRules, htmlToText, toEmailHtml } from './advertising';

const sender = {
	name: '해오름상점',
	email: 'hello@haeoreum.kr',
	phone: '02-123-4567',
	address: '서울시 중구 세종대로 1',
};

describe('Korean advertising rules', () => {
	it('prefixes marketing e-mail with (광고) and the sender and adds contact and a free opt-out in Korean and English', () => {
		const message = applyAdvertisingRules({
			channel: 'email',
			marketing: true,
			subject: '봄 신상품 안내',
			body: '민준님,\n\n새 상품을 소개합니다.',
			sender,
			unsubscribeUrl: 'https://crm.example/u?t=a&b',
		});
		expect(message.subject).toBe('(광고) [해오름상점] 봄 신상품 안내');
		expect(message.body).toContain('<p>민준님,</p>');
		expect(message.body).toContain(
			'발신자: 해오름상점 | 서울시 중구 세종대로 1 | 전화 02-123-4567 | hello@haeoreum.kr',
		);
		expect(message.body).toContain('<a href="https://crm.example/u?t=a&amp;b">수신거부</a>');
		expect(message.body).toContain('무료');
		expect(message.body).toContain('unsubscribe</a> (free of charge)');
		expect(message.text).toContain('수신거부 (https://crm.example/u?t=a&b)');
	});

	it('starts marketing SMS and KakaoTalk with (광고), the sender and phone, and ends with the free opt-out', () => {
		const message = applyAdvertisingRules({
			channel: 'sms',
			marketing: true,
			subject: '',
			body: '주말 특가!',
			sender,
			unsubscribeUrl: 'https://crm.example/u',
		});
		expect(message.body).toBe('(광고) 해오름상점 02-123-4567\n주말 특가!\n무료수신거부 https://crm.example/u');
	});

	it('leaves transactional messages unmarked', () => {
		expect(
			applyAdvertisingRules({
				channel: 'sms',
				marketing: false,
				subject: '',
				body: '배송이 시작되었습니다.',
				sender: {},
				unsubscribeUrl: null,
			}).body,
		).toBe('배송이 시작되었습니다.');
		const mail = applyAdvertisingRules({
			channel: 'email',
			marketing: false,
			subject: '주문 확인',
			body: '<p>감사합니다</p>',
			sender: {},
			unsubscribeUrl: null,
		});
		expect(mail).toEqual({ subject: '주문 확인', body: '<p>감사합니다</p>', text: '감사합니다' });
	});

	it('refuses marketing without a sender name or an opt-out link', () => {
		expect(advertisingProblem({ marketing: true, sender: {}, unsubscribeUrl: 'x' })).toMatch(/sender name/);
		expect(advertisingProblem({ marketing: true, sender, unsubscribeUrl: null })).toMatch(/opt-out/);
		expect(advertisingProblem({ marketing: false, sender: {}, unsubscribeUrl: null })).toBeNull();
		expect(() =>
			applyAdvertisingRules({
				channel: 'email',
				marketing: true,
				subject: 's',
				body: 'b',
				sender: {},
				unsubscribeUrl: null,
			}),
		).toThrow(/sender name/);
	});

	it('converts plain text to HTML paragraphs and back', () => {
		expect(toEmailHtml('a\nb\n\nc')).toBe('<p>a<br>\nb</p>\n<p>c</p>');
		expect(toEmailHtml('<p>kept</p>')).toBe('<p>kept</p>');
		expect(htmlToText('<p>a<br>b</p><p>c &amp; d</p>')).toBe('a\nb\n\nc & d');
	});

	it("decodes every entity in the text part: links stay whole, O&#x27;Brien stays O'Brien (#15 finding 14)", () => {
		const html = '<p>O&#x27;Brien님, <a href="https://crm.example/u?t=a&#x3D;b&amp;s&#x3D;1">수신거부</a></p>';
		expect(htmlToText(html)).toBe("O'Brien님, 수신거부 (https://crm.example/u?t=a=b&s=1)");
		expect(htmlToText('<p>https://crm.example/x?a&#x3D;1</p><h2>Your order</h2>')).toBe(
			'https://crm.example/x?a=1\n\nYour order',
		);
		expect(htmlToText('<a href="https://crm.example/x">https://crm.example/x</a>')).toBe('https://crm.example/x');
	});
});
