// Why an event could not be applied, as the API reports it: an HTTP status, a code and the path of the culprit.

export class EventRejection extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		readonly path: string,
		message: string,
		/** Journaled rejections are recorded in crm_events (status rejected); a later attempt with the key retries. */
		readonly journal = true,
	) {
		super(message);
		this.name = 'EventRejection';
	}
}

export const unknownCustomer = (path: string, ref: Record<string, unknown>) => {
	const [key, value] = Object.entries(ref)[0] ?? ['id', '?'];
	return new EventRejection(422, 'UNKNOWN_CUSTOMER', path, `no customer with ${key} ${JSON.stringify(value)}`);
};

export const unknownOrder = (path: string, ref: Record<string, unknown>) => {
	const [key, value] = Object.entries(ref)[0] ?? ['id', '?'];
	return new EventRejection(422, 'UNKNOWN_ORDER', path, `no order with ${key} ${JSON.stringify(value)}`);
};
