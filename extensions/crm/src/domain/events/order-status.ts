// Which status an order-status event moves an order to, from the status it has now.
import type { OrderStatus } from './types';

export type StatusEvent = 'order.paid' | 'order.refunded' | 'order.cancelled';

const TARGET: Record<StatusEvent, OrderStatus> = {
	'order.paid': 'paid',
	'order.refunded': 'refunded',
	'order.cancelled': 'cancelled',
};
/** The statuses each event may move an order from; the target itself (and, for paid, fulfilled) is a no-op. */
const FROM: Record<StatusEvent, OrderStatus[]> = {
	'order.paid': ['pending'],
	'order.refunded': ['paid', 'fulfilled'],
	'order.cancelled': ['pending', 'paid'],
};
const ALREADY: Record<StatusEvent, OrderStatus[]> = {
	'order.paid': ['paid', 'fulfilled'],
	'order.refunded': ['refunded'],
	'order.cancelled': ['cancelled'],
};

export type Transition = { ok: true; status: OrderStatus; changed: boolean } | { ok: false; message: string };

export function statusTransition(event: StatusEvent, current: string): Transition {
	if (ALREADY[event].includes(current as OrderStatus))
		return { ok: true, status: current as OrderStatus, changed: false };
	if (FROM[event].includes(current as OrderStatus)) return { ok: true, status: TARGET[event], changed: true };
	return {
		ok: false,
		message: `the order is ${current}; ${event} applies only to an order that is ${FROM[event].join(' or ')}`,
	};
}
