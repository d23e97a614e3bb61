import { describe, expect, it } from 'vitest';
import { ownedWriteIssue, payloadKeys, transitionIssue } from './owned-fields';

describe('ownedWriteIssue', () => {
	it('refuses a computed field on create and update, naming it', () => {
		expect(ownedWriteIssue('crm_customers', 'update', { notes: 'x', points_balance: -5 })).toMatchObject({
			field: 'points_balance',
		});
		expect(ownedWriteIssue('crm_customers', 'create', { full_name: 'a', tier: 3 })?.reason).toContain('tier');
		expect(ownedWriteIssue('crm_orders', 'create', { total: 1, points_pending: false })?.field).toBe('points_pending');
	});

	it('lets other fields, deletes and unknown collections through', () => {
		expect(ownedWriteIssue('crm_customers', 'update', { notes: 'x', stage: 'loyal' })).toBeNull();
		expect(ownedWriteIssue('crm_customers', 'delete', [1, 2])).toBeNull();
		expect(ownedWriteIssue('crm_tiers', 'update', { name: 'Gold' })).toBeNull();
		expect(ownedWriteIssue('constructor', 'update', { name: 'x' })).toBeNull();
	});

	it('refuses every write to an append-only collection', () => {
		for (const event of ['create', 'update', 'delete'] as const)
			expect(ownedWriteIssue('crm_points_ledger', event, { points: 1 })?.reason).toContain('/crm/loyalty/adjust');
		expect(ownedWriteIssue('crm_history', 'delete', [1])?.field).toBe('crm_history');
	});

	it('allows only the transition field on an outbox update', () => {
		expect(ownedWriteIssue('crm_outbox', 'update', { status: 'cancelled' })).toBeNull();
		expect(ownedWriteIssue('crm_outbox', 'update', { status: 'scheduled', marketing: false })?.field).toBe('marketing');
		expect(ownedWriteIssue('crm_outbox', 'create', { status: 'scheduled' })).not.toBeNull();
	});

	it('reads own keys only', () => {
		expect(payloadKeys(JSON.parse('{"__proto__": {"x": 1}, "a": 1}'))).toEqual(['__proto__', 'a']);
		expect(payloadKeys([1, 2])).toEqual([]);
	});
});

describe('transitionIssue', () => {
	it('cancels scheduled rows and requeues failed ones, nothing else', () => {
		expect(transitionIssue('crm_outbox', { status: 'cancelled' }, [{ id: 1, value: 'scheduled' }])).toBeNull();
		expect(transitionIssue('crm_outbox', { status: 'scheduled' }, [{ id: 1, value: 'failed' }])).toBeNull();
		expect(transitionIssue('crm_outbox', { status: 'scheduled' }, [{ id: 2, value: 'cancelled' }])?.reason).toContain(
			'row 2',
		);
		expect(transitionIssue('crm_outbox', { status: 'sent' }, [{ id: 3, value: 'scheduled' }])).not.toBeNull();
		expect(
			transitionIssue('crm_outbox', { status: 'cancelled' }, [
				{ id: 4, value: 'scheduled' },
				{ id: 5, value: 'sending' },
			])?.reason,
		).toContain('row 5');
		expect(transitionIssue('crm_outbox', { status: 'toString' }, [{ id: 6, value: 'constructor' }])).not.toBeNull();
	});
});
