import { describe, expect, it } from 'vitest';
import { compileTemplate, TemplateCache, TemplateError } from './engine';
import { buildTemplateContext } from './variables';

const ko = { locale: 'ko-KR' as const, timeZone: 'Asia/Seoul', currency: 'KRW' };
const context = buildTemplateContext({
	customer: { id: 1, full_name: '김민준', first_name: null, email: 'minjun@example.kr', points_balance: 1200 },
	lastOrder: {
		id: 7,
		total: 45000,
		ordered_at: '2026-03-04T20:30:00Z',
		lines: [
			{ product_name: '텀블러', quantity: 1 },
			{ product_name: '머그 <컵>', quantity: 2 },
			{ product_name: '배송비', kind: 'shipping' },
		],
	},
	sender: { name: '해오름상점' },
	today: '2026-03-05',
});

describe('template engine', () => {
	it('renders Korean content with the helper set', () => {
		const render = compileTemplate(
			'{{first_name}}님, {{formatDate last_order.ordered_at}} 주문({{formatCurrency last_order.total}}) 감사합니다. {{list last_order.product_names}}',
			{ escape: false },
		);
		expect(render(context, ko)).toBe('민준님, 2026년 3월 5일 주문(45,000원) 감사합니다. 텀블러, 머그 <컵>');
	});

	it('escapes HTML by default for e-mail and not for text channels', () => {
		expect(compileTemplate('<b>{{last_order.products}}</b>', { escape: true })(context, ko)).toBe(
			'<b>텀블러, 머그 &lt;컵&gt;</b>',
		);
		expect(compileTemplate('{{last_order.products}}', { escape: false })(context, ko)).toBe('텀블러, 머그 <컵>');
	});

	it('iterates lines and handles missing data without failing', () => {
		const render = compileTemplate(
			'{{#each last_order.lines}}{{@index}}:{{name}}×{{quantity}} {{/each}}{{#if order}}x{{else}}no trigger order{{/if}}',
			{ escape: true },
		);
		expect(render(context, ko)).toBe('0:텀블러×1 1:머그 &lt;컵&gt;×2 no trigger order');
		const empty = buildTemplateContext({ customer: { full_name: 'Jane Doe' }, today: '2026-01-01' });
		expect(
			compileTemplate('{{first_name}}{{formatCurrency last_order.total}}{{default last_order.products "-"}}', {
				escape: true,
			})(empty, ko),
		).toBe('Jane-');
	});

	it('gives no access to prototypes, partials or the log and lookup helpers', () => {
		expect(compileTemplate('{{customer.constructor}}{{customer.__proto__}}', { escape: true })(context, ko)).toBe('');
		expect(() => compileTemplate('{{> header}}', { escape: true })).toThrow(TemplateError);
		expect(() => compileTemplate('{{log customer}}', { escape: true })).toThrow(TemplateError);
		expect(() => compileTemplate('{{lookup customer "email"}}', { escape: true })).toThrow(TemplateError);
		expect(() => compileTemplate('{{shout first_name}}', { escape: true })).toThrow(/shout/);
	});

	it('reports syntax errors with their position', () => {
		const error = (() => {
			try {
				compileTemplate('hello\n{{#if first_name}}x', { escape: true });
			} catch (e) {
				return e as TemplateError;
			}
		})();
		expect(error).toBeInstanceOf(TemplateError);
		expect(error!.message).toMatch(/line 2/);
	});

	it('compiles once per template id and update time', () => {
		const cache = new TemplateCache(2);
		const a = cache.get(1, '2026-01-01', '{{first_name}}', { escape: true });
		expect(cache.get(1, '2026-01-01', '{{first_name}}', { escape: true })).toBe(a);
		expect(cache.get(1, '2026-01-02', '{{full_name}}', { escape: true })).not.toBe(a);
		cache.get(2, 'x', 'y', { escape: true });
		expect(cache.size).toBe(2);
	});
});
