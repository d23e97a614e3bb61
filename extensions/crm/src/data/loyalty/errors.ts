/** A loyalty operation refused for a reason the caller can fix; endpoints turn it into a 4xx naming the field. */
export class LoyaltyError extends Error {
	constructor(
		readonly code: string,
		readonly status: number,
		message: string,
		readonly field?: string,
	) {
		super(message);
		this.name = 'LoyaltyError';
	}
}
