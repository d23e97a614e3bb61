import { describe, expect, it } from 'vitest';
import { chunks, decodeCsvBytes, percent, tally } from './import-plan';

describe('import page helpers', () => {
	it('decodes UTF-8, and falls back to EUC-KR for Korean Excel files', () => {
		expect(decodeCsvBytes(new TextEncoder().encode('이름,이메일'))).toEqual({ text: '이름,이메일', encoding: 'utf-8' });
		// "이름" in EUC-KR.
		expect(decodeCsvBytes(new Uint8Array([0xc0, 0xcc, 0xb8, 0xa7]))).toEqual({ text: '이름', encoding: 'euc-kr' });
	});

	it('splits events into request-sized chunks and tallies the results', () => {
		expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
		expect(
			tally([{ status: 'processed' }, { status: 'replayed' }, { status: 'rejected' }, { status: 'processed' }]),
		).toEqual({ processed: 2, replayed: 1, rejected: 1 });
		expect(percent(1, 3)).toBe(33);
		expect(percent(0, 0)).toBe(100);
	});
});
