import { describe, expect, it } from 'vitest';
import { operationInput } from './operation-input';

describe('flow operation options', () => {
	it('reads rendered template strings strictly', () => {
		expect(
			operationInput(
				{ customer: '12', points: '-300', reason: ' 보상 ', key: 'k1' },
				{ customer: 'id', points: 'integer', reason: 'text', key: 'text' },
			),
		).toEqual({ customer: 12, points: -300, reason: '보상', key: 'k1' });
		expect(operationInput({ customer: 7 }, { customer: 'id' })).toEqual({ customer: 7 });
	});

	it('names the wrong option', () => {
		expect(() => operationInput({ customer: 'abc' }, { customer: 'id' })).toThrow('customer: must be a positive id');
		expect(() => operationInput({ points: '0' }, { points: 'integer' })).toThrow(
			'points: must be a non-zero whole number',
		);
		expect(() => operationInput({ points: '1.5' }, { points: 'integer' })).toThrow('points');
		expect(() => operationInput({}, { reason: 'text' })).toThrow('reason: required text');
	});
});
