import { describe, expect, it } from 'vitest';
import { canonicalJson, fingerprintSource } from './fingerprint';

describe('canonicalJson', () => {
	it('ignores key order and undefined members, keeps array order', () => {
		expect(canonicalJson({ b: 1, a: { d: [2, 1], c: undefined, e: null } })).toBe('{"a":{"d":[2,1],"e":null},"b":1}');
		expect(canonicalJson({ a: { y: 1, x: 2 } })).toBe(canonicalJson({ a: { x: 2, y: 1 } }));
		expect(canonicalJson([1, undefined, '한'])).toBe('[1,null,"한"]');
	});
});

describe('fingerprintSource', () => {
	it('depends on type and data, not on the key', () => {
		const a = fingerprintSource({ type: 'order.paid', idempotency_key: 'k1', data: { external_id: 'A-1' } });
		expect(fingerprintSource({ type: 'order.paid', idempotency_key: 'k2', data: { external_id: 'A-1' } })).toBe(a);
		expect(fingerprintSource({ type: 'order.refunded', idempotency_key: 'k1', data: { external_id: 'A-1' } })).not.toBe(
			a,
		);
		expect(fingerprintSource({ type: 'order.paid', idempotency_key: 'k1', data: { external_id: 'A-2' } })).not.toBe(a);
	});
});
