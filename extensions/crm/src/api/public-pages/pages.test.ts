import { describe, expect, it } from 'vitest';
import { escapeHtml } from './html';
import { failurePage, introText, surveyFormPage, thanksPage } from './survey-page';
import { unsubscribeConfirmPage, unsubscribedPage } from './unsubscribe-page';

const EVIL = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
const base = {
	lang: 'ko' as const,
	token: 'abc.def',
	scale: 'nps' as const,
	question: null,
	intro: null,
	selected: null,
	comment: null,
	answered: false,
};

describe('public pages', () => {
	it('escape every character that matters in HTML text and attributes', () => {
		expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
			'&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
		);
		expect(escapeHtml(null)).toBe('');
	});

	it('never lets a question, intro, comment or token break out of the markup', () => {
		const html = surveyFormPage({ ...base, token: EVIL, question: EVIL, intro: EVIL, comment: `</textarea>${EVIL}` });
		expect(html).not.toContain('<script');
		expect(html).not.toContain('<img');
		expect(html).not.toContain('</textarea><');
		expect(html.match(/<textarea/g)).toHaveLength(1);
	});

	it('renders an NPS form for a phone: viewport, 0-10 choices, the earlier answer selected, Korean labels', () => {
		const html = surveyFormPage({
			...base,
			selected: 7,
			comment: '좋아요',
			answered: true,
			question: '추천하시겠어요?',
		});
		expect(html).toContain('name="viewport" content="width=device-width, initial-scale=1"');
		expect(html.match(/type="radio"/g)).toHaveLength(11);
		expect(html).toContain('value="7" required checked');
		expect(html.match(/ checked/g)).toHaveLength(1);
		expect(html).toContain('추천하시겠어요?');
		expect(html).toContain('>좋아요</textarea>');
		expect(html).toContain('이미 응답하셨습니다');
		expect(html).not.toMatch(/https?:\/\//); // no external assets
		expect(html).not.toContain('<script');
	});

	it('renders a CSAT form with 1-5 in English and the standard question when the template has none', () => {
		const html = surveyFormPage({ ...base, lang: 'en', scale: 'csat' });
		expect(html.match(/type="radio"/g)).toHaveLength(5);
		expect(html).toContain('value="1" required');
		expect(html).not.toContain('value="0"');
		expect(html).toContain('How satisfied were you');
		expect(html).toContain('<html lang="en">');
	});

	it('maps failures to statuses, bilingual when the customer is unknown', () => {
		expect(failurePage('malformed', null).status).toBe(400);
		expect(failurePage('tampered', null).status).toBe(403);
		expect(failurePage('wrong-purpose', null).status).toBe(403);
		expect(failurePage('expired', 'en').status).toBe(410);
		expect(failurePage('rate', null).status).toBe(429);
		const both = failurePage('tampered', null).html;
		expect(both).toContain('유효하지 않은 링크입니다');
		expect(both).toContain('This link is not valid');
		const english = failurePage('expired', 'en').html;
		expect(english).toContain('This link has expired');
		expect(english).not.toContain('만료');
	});

	it("fills the customer's name into the intro and drops other template expressions", () => {
		expect(
			introText('{{first_name}}님, 구매는 어떠셨나요? {{last_order.products}}', {
				first_name: '민준',
				full_name: '김민준',
			}),
		).toBe('민준님, 구매는 어떠셨나요?');
		expect(introText('', {})).toBeNull();
		expect(introText(null, {})).toBeNull();
	});

	it('renders the thank-you and unsubscribe pages', () => {
		expect(thanksPage('ko', 3, 'nps')).toContain('선택한 점수: 3/10');
		const confirm = unsubscribeConfirmPage('ko', 'tok.en', 'kakao');
		expect(confirm).toContain('카카오톡(으)로 받는 광고성 정보 수신을 거부하시겠습니까?');
		expect(confirm).toContain('name="token" value="tok.en"');
		expect(unsubscribedPage('en', 'email')).toContain('We will not send you advertising by e-mail any more.');
	});
});
