// What the CRM owns: columns it computes and rows it keeps as evidence. Declared once in the schema definition
// (`owned` on each collection in scripts/snapshot/definition*.ts); this table is the same declaration for the API
// (scripts/snapshot/owned-fields.test.ts checks that the two agree). Nobody writes these through Directus, admins
// included: the CRM writes them with SQL in data/, which Directus's hooks never see.

export interface OwnedCollection {
	/** Rows only the CRM writes: no create, update or delete through Directus, except `transitions`. */
	appendOnly?: true;
	/** Fields only the CRM writes: a create or update naming one is refused. */
	fields?: readonly string[];
	/** The only changes people may make to an append-only row: this field, from one value to another. */
	transitions?: { field: string; allowed: Readonly<Record<string, readonly string[]>> };
}

export const OWNED: Readonly<Record<string, OwnedCollection>> = {
	crm_customers: {
		fields: [
			'order_count',
			'total_spent',
			'first_order_at',
			'last_order_at',
			'last_interaction_at',
			'last_nps',
			'rfm_r',
			'rfm_f',
			'rfm_m',
			'rfm_cell',
			'rfm_at',
			'p_alive',
			'expected_purchases_90d',
			'predicted_clv',
			'clv_at',
			'points_balance',
			'points_earned',
			'tier',
			'tier_review_at',
		],
	},
	crm_settings: { fields: ['clv_fit'] },
	crm_products: { fields: ['also_bought', 'also_bought_at'] },
	crm_orders: { fields: ['points_pending'] },
	crm_segments: { fields: ['member_count', 'refreshed_at', 'last_error'] },
	crm_followup_rules: { fields: ['last_error'] },
	crm_points_ledger: { appendOnly: true },
	crm_events: { appendOnly: true },
	crm_history: { appendOnly: true },
	crm_kpi_snapshots: { appendOnly: true },
	crm_outbox: {
		appendOnly: true,
		transitions: { field: 'status', allowed: { scheduled: ['cancelled'], failed: ['scheduled'] } },
	},
};

/** Where the change the caller wanted is made instead (shown with the refusal). */
const INSTEAD: Readonly<Record<string, { en: string; ko: string }>> = {
	crm_customers: {
		en: 'points through POST /crm/loyalty/adjust, the rest is recomputed from orders, feedback and the refresh endpoints',
		ko: '포인트는 POST /crm/loyalty/adjust, 나머지는 주문·의견과 재계산 기능으로 갱신됩니다',
	},
	crm_settings: {
		en: 'POST /crm/clv/refresh (and the weekly job) writes the CLV fit',
		ko: 'CLV 적합 결과는 POST /crm/clv/refresh 와 주간 작업이 기록합니다',
	},
	crm_products: {
		en: 'POST /crm/recommendations/refresh recomputes it',
		ko: 'POST /crm/recommendations/refresh 로 재계산됩니다',
	},
	crm_orders: {
		en: 'points settle by themselves after each order change',
		ko: '주문이 바뀌면 포인트가 자동으로 정산됩니다',
	},
	crm_segments: {
		en: 'POST /crm/segments/:id/refresh recounts it',
		ko: 'POST /crm/segments/:id/refresh 로 다시 셉니다',
	},
	crm_followup_rules: {
		en: 'the CRM clears it when the rule next plans without error',
		ko: '규칙이 다음에 오류 없이 실행되면 CRM이 지웁니다',
	},
	crm_points_ledger: {
		en: 'adjust points with POST /crm/loyalty/adjust',
		ko: '포인트 조정은 POST /crm/loyalty/adjust 로 합니다',
	},
	crm_events: { en: 'events arrive through POST /crm/events', ko: '이벤트는 POST /crm/events 로 들어옵니다' },
	crm_history: { en: 'history is written by the CRM as things change', ko: '이력은 변경될 때 CRM이 기록합니다' },
	crm_kpi_snapshots: { en: 'POST /crm/kpi/snapshots computes them', ko: 'POST /crm/kpi/snapshots 로 계산됩니다' },
	crm_outbox: {
		en: 'only cancel a scheduled message or requeue a failed one (status)',
		ko: '예약된 메시지 취소 또는 실패한 메시지 재발송(상태)만 할 수 있습니다',
	},
};

export type WriteEvent = 'create' | 'update' | 'delete';

export interface OwnedIssue {
	field: string;
	reason: string;
}

const hint = (collection: string) => {
	const instead = INSTEAD[collection];
	return instead ? ` (${instead.en} / ${instead.ko})` : '';
};

/** The payload's keys, own properties only (a payload is an object from JSON). */
export function payloadKeys(payload: unknown): string[] {
	if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return [];
	return Object.keys(payload).filter((key) => Object.hasOwn(payload, key));
}

/**
 * Why a write from outside the CRM's own code is refused, or null when it may go ahead (transitions are checked
 * apart, against the stored rows: `transitionIssue`).
 */
export function ownedWriteIssue(collection: string, event: WriteEvent, payload: unknown): OwnedIssue | null {
	if (!Object.hasOwn(OWNED, collection)) return null;
	const owned = OWNED[collection]!;
	if (owned.appendOnly) {
		const transition = owned.transitions;
		if (event === 'update' && transition) {
			const extra = payloadKeys(payload).filter((key) => key !== transition.field);
			if (!extra.length) return null;
			return {
				field: extra[0]!,
				reason: `${extra.join(', ')}: ${collection} rows are written by the CRM only; 직접 바꿀 수 없습니다${hint(collection)}`,
			};
		}
		return {
			field: collection,
			reason: `${collection} is append-only and written by the CRM only: no ${event} through the API; 직접 ${event === 'create' ? '추가' : event === 'update' ? '수정' : '삭제'}할 수 없습니다${hint(collection)}`,
		};
	}
	if (event === 'delete' || !owned.fields) return null;
	const keys = new Set(payloadKeys(payload));
	const touched = owned.fields.filter((field) => keys.has(field));
	if (!touched.length) return null;
	return {
		field: touched[0]!,
		reason: `${touched.join(', ')}: computed by the CRM, not writable by anyone; CRM이 계산하는 값이라 누구도 직접 쓸 수 없습니다${hint(collection)}`,
	};
}

/** Whether each stored row may move to the requested value of the transition field. */
export function transitionIssue(
	collection: string,
	payload: unknown,
	stored: { id: unknown; value: unknown }[],
): OwnedIssue | null {
	const transition = Object.hasOwn(OWNED, collection) ? OWNED[collection]!.transitions : undefined;
	if (!transition || !payloadKeys(payload).includes(transition.field)) return null;
	const to = (payload as Record<string, unknown>)[transition.field];
	for (const row of stored) {
		const from = String(row.value);
		const allowed = Object.hasOwn(transition.allowed, from) ? transition.allowed[from]! : [];
		if (row.value === to) continue;
		if (typeof to !== 'string' || !allowed.includes(to)) {
			const options = Object.entries(transition.allowed)
				.map(([a, b]) => `${a} → ${b.join('/')}`)
				.join(', ');
			return {
				field: transition.field,
				reason: `${transition.field}: row ${String(row.id)} cannot go from ${from} to ${String(to)} (allowed: ${options}); ${from}에서 ${String(to)}(으)로 바꿀 수 없습니다 (허용: ${options})`,
			};
		}
	}
	return null;
}
