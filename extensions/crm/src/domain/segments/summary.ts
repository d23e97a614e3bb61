// A plain-language summary of a segment rule in Korean or English. Pure: the app shows it next to the builder.
import { isAll, isAny, isNot, isObject, type Rule, type TimeWindow } from './rule-types';
import { CUSTOMER_FIELDS } from './field-catalogue';

export type SummaryLanguage = 'ko-KR' | 'en-US';
export type FieldLabels = Record<string, string>;

/** Labels of the customer fields rules may test, as the CRM schema names them. */
export const CUSTOMER_FIELD_LABELS: Record<SummaryLanguage, FieldLabels> = {
	'ko-KR': {
		full_name: '이름',
		first_name: '호칭 이름',
		last_name: '성',
		email: '이메일',
		phone: '전화번호',
		external_id: '외부 ID',
		stage: '관계 단계',
		source: '유입 경로',
		gender: '성별',
		language: '언어',
		timezone: '시간대',
		company: '회사',
		country: '국가',
		preferred_channel: '선호 연락 채널',
		status: '상태',
		order_count: '주문 수',
		total_spent: '누적 구매액',
		last_nps: '최근 NPS',
		consent_email: '이메일 수신 동의',
		consent_sms: '문자 수신 동의',
		consent_kakao: '카카오톡 수신 동의',
		consent_night: '야간 수신 동의',
		stage_locked: '단계 수동 지정',
		birthday: '생일',
		first_order_at: '첫 구매일',
		last_order_at: '최근 구매일',
		last_interaction_at: '최근 접촉일',
		date_created: '생성일',
		points_balance: '포인트 잔액',
		points_earned: '누적 적립 포인트',
		p_alive: '활성 확률',
		expected_purchases_90d: '90일 예상 구매 횟수',
		predicted_clv: '예상 12개월 가치',
		tier: '멤버십 등급',
	},
	'en-US': {
		full_name: 'full name',
		first_name: 'first name',
		last_name: 'last name',
		email: 'e-mail',
		phone: 'phone',
		external_id: 'external ID',
		stage: 'relationship stage',
		source: 'acquisition source',
		gender: 'gender',
		language: 'language',
		timezone: 'time zone',
		company: 'company',
		country: 'country',
		preferred_channel: 'preferred channel',
		status: 'status',
		order_count: 'order count',
		total_spent: 'lifetime spend',
		last_nps: 'last NPS',
		consent_email: 'e-mail consent',
		consent_sms: 'SMS consent',
		consent_kakao: 'KakaoTalk consent',
		consent_night: 'night-time consent',
		stage_locked: 'manually set stage',
		birthday: 'birthday',
		first_order_at: 'first purchase',
		last_order_at: 'last purchase',
		last_interaction_at: 'last contact',
		date_created: 'creation date',
		points_balance: 'points balance',
		points_earned: 'points earned',
		p_alive: 'probability still active',
		expected_purchases_90d: 'expected purchases in 90 days',
		predicted_clv: 'predicted 12-month value',
		tier: 'loyalty tier',
	},
};

/**
 * Korean endings depend on the clause's form: a noun phrase ("누적 구매액 300,000원 이상" → 이고 / 이거나 / 인) or a
 * 하다-verb stem ("3회 이상 구매" → 했고 / 했거나 / 한). English clauses are verb phrases after "customers who".
 */
type Joiner = 'and' | 'or' | 'final';

const KO_ENDINGS: Record<'noun' | 'verb' | 'negNoun' | 'negVerb', Record<Joiner, string>> = {
	noun: { and: '이고', or: '이거나', final: '인' },
	verb: { and: '했고', or: '했거나', final: '한' },
	negNoun: { and: '에 해당하지 않고', or: '에 해당하지 않거나', final: '에 해당하지 않는' },
	negVerb: { and: '하지 않았고', or: '하지 않았거나', final: '하지 않은' },
};

export function summarizeRule(rule: unknown, language: SummaryLanguage, fieldLabels: FieldLabels = {}): string {
	const labels = { ...CUSTOMER_FIELD_LABELS[language], ...fieldLabels };
	if (language === 'ko-KR') {
		const root = rule as Rule;
		if (isObject(rule) && (isAll(root) || isAny(root)))
			return `${joinKo(isAll(root) ? root.all : root.any, labels, isAll(root) ? 'and' : 'or')} 고객`;
		return `${ko(rule, labels, 'final')} 고객`;
	}
	return `customers who ${en(rule, labels, false)}`;
}

// ---------- Korean ----------

function ko(rule: unknown, labels: FieldLabels, joiner: Joiner, negate = false): string {
	if (!isObject(rule)) return '(잘못된 규칙)';
	const node = rule as Rule;
	if (isNot(node)) return ko(node.not, labels, joiner, !negate);
	if (isAll(node) || isAny(node)) {
		const children = isAll(node) ? node.all : node.any;
		if (children.length === 1) return ko(children[0], labels, joiner, negate);
		const inner = joinKo(children, labels, isAll(node) ? 'and' : 'or');
		return `(${inner} 경우)${KO_ENDINGS[negate ? 'negNoun' : 'noun'][joiner]}`;
	}
	const clause = koCondition(node as Record<string, unknown>, labels);
	const form =
		clause.form === 'noun'
			? negate !== !!clause.negated
				? 'negNoun'
				: 'noun'
			: negate !== !!clause.negated
				? 'negVerb'
				: 'verb';
	return `${clause.text}${KO_ENDINGS[form][joiner]}`;
}

function joinKo(children: Rule[], labels: FieldLabels, joiner: 'and' | 'or'): string {
	if (children.length === 0) return '조건이 없는';
	// An "all" inside an "all" (or "any" inside "any") reads the same flattened.
	const key = joiner === 'and' ? 'all' : 'any';
	const flat = (list: Rule[]): Rule[] =>
		list.flatMap((child) =>
			isObject(child) && (key === 'all' ? isAll(child) : isAny(child))
				? flat((child as Record<string, Rule[]>)[key])
				: [child],
		);
	children = flat(children);
	return children.map((child, i) => ko(child, labels, i === children.length - 1 ? 'final' : joiner)).join(' ');
}

const koWon = (v: unknown) => `${fmtNumber(v)}원`;
const koWindow = (w: unknown) => {
	if (!isObject(w)) return '';
	const window = w as TimeWindow;
	return 'lastDays' in window ? `최근 ${window.lastDays}일 동안 ` : `${window.from}~${window.to} 기간에 `;
};

/** "300,000원 이상" style phrases; `money` formats values as won, `unit` is appended to plain numbers ("3회"). */
function koOp(op: unknown, value: unknown, fmt: (v: unknown) => string): { text: string; negated?: boolean } {
	const list = (v: unknown) => (Array.isArray(v) ? v.map(fmt).join(', ') : fmt(v));
	const pair = (v: unknown) => (Array.isArray(v) ? `${fmt(v[0])}~${fmt(v[1])}` : fmt(v));
	switch (op) {
		case 'eq':
			return { text: fmt(value) };
		case 'neq':
			return { text: fmt(value), negated: true };
		case 'in':
			return { text: `${list(value)} 중 하나` };
		case 'not_in':
			return { text: `${list(value)} 중 하나`, negated: true };
		case 'gt':
			return { text: `${fmt(value)} 초과` };
		case 'gte':
			return { text: `${fmt(value)} 이상` };
		case 'lt':
			return { text: `${fmt(value)} 미만` };
		case 'lte':
			return { text: `${fmt(value)} 이하` };
		case 'between':
			return { text: `${pair(value)} 사이` };
		case 'contains':
			return { text: `'${String(value)}' 포함` };
		case 'starts_with':
			return { text: `'${String(value)}'(으)로 시작` };
		case 'before':
			return { text: `${fmt(value)} 이전` };
		case 'after':
			return { text: `${fmt(value)} 이후` };
		case 'within_last_days':
			return { text: `최근 ${fmtNumber(value)}일 이내` };
		case 'not_within_last_days':
			return { text: `최근 ${fmtNumber(value)}일 이내`, negated: true };
		case 'birthday_in_next_days':
			return { text: `앞으로 ${fmtNumber(value)}일 이내` };
		case 'birthday_this_month':
			return { text: '이번 달' };
		case 'is_empty':
			return { text: '미입력' };
		case 'is_not_empty':
			return { text: '미입력', negated: true };
		default:
			return { text: `${String(op)} ${fmt(value)}` };
	}
}

function koCondition(
	cond: Record<string, unknown>,
	labels: FieldLabels,
): { text: string; form: 'noun' | 'verb'; negated?: boolean } {
	switch (cond.type) {
		case 'field': {
			const field = String(cond.field);
			const label = labels[field] ?? field;
			if (CUSTOMER_FIELDS[field] === 'boolean' && (cond.op === 'eq' || cond.op === 'neq')) {
				// "이메일 수신 동의한 고객" / "이메일 수신 동의하지 않은 고객"
				return { text: label, form: 'verb', negated: (cond.value === true) === (cond.op === 'neq') };
			}
			const fmt = CUSTOMER_FIELDS[field] === 'number' ? fmtNumber : field === 'total_spent' ? koWon : fmtValue;
			const op = koOp(cond.op, cond.value, field === 'total_spent' ? koWon : fmt);
			return { text: `${label} ${op.text}`, form: 'noun', negated: op.negated };
		}
		case 'orders': {
			const window = koWindow(cond.window);
			if (cond.metric === 'count') {
				const op = koOp(cond.op, cond.value, (v) => `${fmtNumber(v)}회`);
				return { text: `${window}${op.text} 구매`, form: 'verb', negated: op.negated };
			}
			const names: Record<string, string> = {
				sum: window ? '구매액' : '누적 구매액',
				avg: '평균 주문 금액',
				last_date: '마지막 구매일',
				first_date: '첫 구매일',
			};
			const money = cond.metric === 'sum' || cond.metric === 'avg';
			const op = koOp(cond.op, cond.value, money ? koWon : fmtValue);
			return {
				text: `${window}${names[String(cond.metric)] ?? String(cond.metric)} ${op.text}`,
				form: 'noun',
				negated: op.negated,
			};
		}
		case 'bought': {
			const what =
				[
					cond.category !== undefined ? `'${cond.category}' 카테고리` : '',
					cond.product !== undefined ? `상품 #${cond.product}` : '',
				]
					.filter(Boolean)
					.join(' ') || '상품';
			const qty = cond.minQuantity !== undefined ? ` ${fmtNumber(cond.minQuantity)}개 이상` : '';
			return { text: `${koWindow(cond.window)}${what}${qty} 구매`, form: 'verb' };
		}
		case 'interaction': {
			const what = [
				cond.channel !== undefined ? String(cond.channel) : '',
				cond.interactionType !== undefined ? String(cond.interactionType) : '',
			]
				.filter(Boolean)
				.join(' ');
			const times = `${fmtNumber(cond.minCount ?? 1)}회 이상`;
			return { text: `${koWindow(cond.window)}${what ? `${what} ` : ''}상호작용 ${times}`, form: 'noun' };
		}
		case 'feedback': {
			const name = cond.metric === 'avg_csat' ? '평균 CSAT' : '최근 NPS';
			const op = koOp(cond.op, cond.value, fmtNumber);
			return { text: `${name} ${op.text}`, form: 'noun', negated: op.negated };
		}
		case 'segment':
			return { text: `세그먼트 #${cond.segment} 소속`, form: 'noun' };
		case 'referrals': {
			const who = cond.buyersOnly === false ? '추천한 고객' : '추천한 고객 중 구매 고객';
			return { text: `${koWindow(cond.window)}${who} ${fmtNumber(cond.minCount ?? 1)}명 이상`, form: 'noun' };
		}
		default:
			return { text: `'${String(cond.type)}' 조건 충족`, form: 'noun' };
	}
}

// ---------- English ----------

function en(rule: unknown, labels: FieldLabels, negate: boolean): string {
	if (!isObject(rule)) return '(invalid rule)';
	const node = rule as Rule;
	if (isNot(node)) return en(node.not, labels, !negate);
	if (isAll(node) || isAny(node)) {
		const children = isAll(node) ? node.all : node.any;
		if (children.length === 0) return negate ? 'do not match an empty group' : 'match an empty group';
		if (children.length === 1) return en(children[0], labels, negate);
		const parts = children.map((child) => wrap(child, en(child, labels, false)));
		if (!negate) return parts.join(isAll(node) ? ' and ' : ' or ');
		return isAll(node) ? `do not meet all of: ${parts.join('; ')}` : `meet none of: ${parts.join('; ')}`;
	}
	const clause = enCondition(node as Record<string, unknown>, labels);
	return negate ? clause.enNot : clause.en;
}

/** Nested groups with several children get parentheses so "and" / "or" stay unambiguous. */
const wrap = (child: Rule, text: string) =>
	(isAll(child) && child.all.length > 1) || (isAny(child) && child.any.length > 1) ? `(${text})` : text;

const enWon = (v: unknown) => `₩${fmtNumber(v)}`;
const enWindow = (w: unknown) => {
	if (!isObject(w)) return '';
	const window = w as TimeWindow;
	return 'lastDays' in window ? ` in the last ${window.lastDays} days` : ` between ${window.from} and ${window.to}`;
};

function enOp(op: unknown, value: unknown, fmt: (v: unknown) => string): { text: string; negated?: boolean } {
	const list = (v: unknown) => (Array.isArray(v) ? v.map(fmt).join(', ') : fmt(v));
	const pair = (v: unknown) => (Array.isArray(v) ? `${fmt(v[0])} and ${fmt(v[1])}` : fmt(v));
	switch (op) {
		case 'eq':
			return { text: fmt(value) };
		case 'neq':
			return { text: fmt(value), negated: true };
		case 'in':
			return { text: `one of ${list(value)}` };
		case 'not_in':
			return { text: `one of ${list(value)}`, negated: true };
		case 'gt':
			return { text: `more than ${fmt(value)}` };
		case 'gte':
			return { text: `at least ${fmt(value)}` };
		case 'lt':
			return { text: `less than ${fmt(value)}` };
		case 'lte':
			return { text: `at most ${fmt(value)}` };
		case 'between':
			return { text: `between ${pair(value)}` };
		case 'contains':
			return { text: `containing "${String(value)}"` };
		case 'starts_with':
			return { text: `starting with "${String(value)}"` };
		case 'before':
			return { text: `before ${fmt(value)}` };
		case 'after':
			return { text: `after ${fmt(value)}` };
		case 'within_last_days':
			return { text: `within the last ${fmtNumber(value)} days` };
		case 'not_within_last_days':
			return { text: `within the last ${fmtNumber(value)} days`, negated: true };
		case 'birthday_in_next_days':
			return { text: `in the next ${fmtNumber(value)} days` };
		case 'birthday_this_month':
			return { text: 'this month' };
		default:
			return { text: `${String(op)} ${fmt(value)}` };
	}
}

function enCondition(cond: Record<string, unknown>, labels: FieldLabels): { en: string; enNot: string } {
	switch (cond.type) {
		case 'field': {
			const field = String(cond.field);
			const label = labels[field] ?? field;
			if (cond.op === 'is_empty') return { en: `have no ${label}`, enNot: `have a ${label}` };
			if (cond.op === 'is_not_empty') return { en: `have a ${label}`, enNot: `have no ${label}` };
			if (CUSTOMER_FIELDS[field] === 'boolean' && (cond.op === 'eq' || cond.op === 'neq')) {
				const yes = (cond.value === true) !== (cond.op === 'neq');
				return yes
					? { en: `gave ${label}`, enNot: `did not give ${label}` }
					: { en: `did not give ${label}`, enNot: `gave ${label}` };
			}
			const op = enOp(
				cond.op,
				cond.value,
				field === 'total_spent' ? enWon : CUSTOMER_FIELDS[field] === 'number' ? fmtNumber : fmtValue,
			);
			const pos = `have ${label} ${op.text}`;
			const neg = `do not have ${label} ${op.text}`;
			return op.negated ? { en: neg, enNot: pos } : { en: pos, enNot: neg };
		}
		case 'orders': {
			const window = enWindow(cond.window);
			if (cond.metric === 'count') {
				const op = enOp(cond.op, cond.value, fmtNumber);
				const one = cond.value === 1 && cond.op !== 'between';
				const pos = `placed ${op.text} ${one ? 'order' : 'orders'}${window}`;
				const neg = `did not place ${op.text} ${one ? 'order' : 'orders'}${window}`;
				return op.negated ? { en: neg, enNot: pos } : { en: pos, enNot: neg };
			}
			if (cond.metric === 'sum') {
				const op = enOp(cond.op, cond.value, enWon);
				const pos = `spent ${op.text}${window}`;
				const neg = `did not spend ${op.text}${window}`;
				return op.negated ? { en: neg, enNot: pos } : { en: pos, enNot: neg };
			}
			const names: Record<string, string> = {
				avg: 'an average order value',
				last_date: 'a last purchase',
				first_date: 'a first purchase',
			};
			const op = enOp(cond.op, cond.value, cond.metric === 'avg' ? enWon : fmtValue);
			const name = names[String(cond.metric)] ?? String(cond.metric);
			const pos = `have ${name} ${op.text}${window}`;
			const neg = `do not have ${name} ${op.text}${window}`;
			return op.negated ? { en: neg, enNot: pos } : { en: pos, enNot: neg };
		}
		case 'bought': {
			const qty = cond.minQuantity !== undefined ? `at least ${fmtNumber(cond.minQuantity)} of ` : '';
			const what =
				[
					cond.product !== undefined ? `product #${cond.product}` : '',
					cond.category !== undefined ? `the "${cond.category}" category` : '',
				]
					.filter(Boolean)
					.join(' in ') || 'any product';
			const window = enWindow(cond.window);
			return { en: `bought ${qty}${what}${window}`, enNot: `did not buy ${qty}${what}${window}` };
		}
		case 'interaction': {
			const n = Number(cond.minCount ?? 1);
			const kind = [cond.channel, cond.interactionType]
				.filter((v) => v !== undefined)
				.map(String)
				.join(' ');
			const what = `${n === 1 ? 'at least one' : `at least ${fmtNumber(n)}`} ${kind ? `${kind} ` : ''}${n === 1 ? 'interaction' : 'interactions'}${enWindow(cond.window)}`;
			return { en: `had ${what}`, enNot: `did not have ${what}` };
		}
		case 'feedback': {
			const name = cond.metric === 'avg_csat' ? 'an average CSAT' : 'a last NPS';
			const op = enOp(cond.op, cond.value, fmtNumber);
			const pos = `have ${name} of ${op.text}`;
			const neg = `do not have ${name} of ${op.text}`;
			return op.negated ? { en: neg, enNot: pos } : { en: pos, enNot: neg };
		}
		case 'segment':
			return { en: `are in segment #${cond.segment}`, enNot: `are not in segment #${cond.segment}` };
		case 'referrals': {
			const n = Number(cond.minCount ?? 1);
			const who = `${cond.buyersOnly === false ? '' : 'paying '}${n === 1 ? 'customer' : 'customers'}`;
			const what = `${n === 1 ? 'at least one' : `at least ${fmtNumber(n)}`} ${who}${enWindow(cond.window)}`;
			return { en: `referred ${what}`, enNot: `did not refer ${what}` };
		}
		default:
			return {
				en: `match the "${String(cond.type)}" condition`,
				enNot: `do not match the "${String(cond.type)}" condition`,
			};
	}
}

// ---------- values ----------

function fmtNumber(v: unknown): string {
	return typeof v === 'number' && Number.isFinite(v) ? v.toLocaleString('en-US') : String(v);
}

function fmtValue(v: unknown): string {
	if (typeof v === 'number') return fmtNumber(v);
	if (typeof v === 'string') return v;
	return JSON.stringify(v);
}
