import { describe, expect, it } from 'vitest';
import { statusTransition } from './order-status';

describe('statusTransition', () => {
	it('moves orders forward', () => {
		expect(statusTransition('order.paid', 'pending')).toEqual({ ok: true, status: 'paid', changed: true });
		expect(statusTransition('order.refunded', 'fulfilled')).toEqual({ ok: true, status: 'refunded', changed: true });
		expect(statusTransition('order.cancelled', 'paid')).toEqual({ ok: true, status: 'cancelled', changed: true });
	});
	it('is a no-op when the order is already there', () => {
		expect(statusTransition('order.paid', 'fulfilled')).toEqual({ ok: true, status: 'fulfilled', changed: false });
		expect(statusTransition('order.refunded', 'refunded')).toEqual({ ok: true, status: 'refunded', changed: false });
	});
	it('refuses moves that make no sense', () => {
		expect(statusTransition('order.paid', 'refunded')).toEqual({
			ok: false,
			message: 'the order is refunded; order.paid applies only to an order that is pending',
		});
		expect(statusTransition('order.refunded', 'pending').ok).toBe(false);
		expect(statusTransition('order.cancelled', 'fulfilled').ok).toBe(false);
	});
});
