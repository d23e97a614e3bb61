// Short English explanations for awards, e.g. "₩45,000 × 1 pt / ₩1,000 × 2 on ₩20,000 (Double Tuesday) × tier 1.5".

const moneyFormats = new Map<string, Intl.NumberFormat | null>();

export function formatMoney(amount: number, currency = 'KRW'): string {
	if (!moneyFormats.has(currency)) {
		try {
			moneyFormats.set(currency, new Intl.NumberFormat('en', { style: 'currency', currency }));
		} catch {
			moneyFormats.set(currency, null); // an unknown code must not break earning: fall back to "XYZ 1,234"
		}
	}
	const format = moneyFormats.get(currency);
	return format ? format.format(amount) : `${currency} ${amount.toLocaleString('en')}`;
}

export const formatPoints = (points: number) => `${formatFactor(points)} ${points === 1 ? 'pt' : 'pts'}`;

/** At most 4 decimals, no trailing zeros: 1.5, 0.3333, 2. */
export const formatFactor = (factor: number) => String(Number(factor.toFixed(4)));

/** The multipliers part: " × 2" when every counted line shares one factor, else " × 2 on ₩20,000 × 3 on ₩5,000". */
export function multiplierDetail(
	lines: { amount: number; factor: number }[],
	names: string[],
	currency?: string,
): string {
	const byFactor = new Map<number, number>();
	for (const line of lines) byFactor.set(line.factor, (byFactor.get(line.factor) ?? 0) + line.amount);
	const boosted = [...byFactor.entries()].filter(([factor]) => factor !== 1).sort((a, b) => b[0] - a[0]);
	if (!boosted.length) return '';
	const labelled = names.length ? ` (${names.join(', ')})` : '';
	if (byFactor.size === 1) return ` × ${formatFactor(boosted[0][0])}${labelled}`;
	return (
		boosted.map(([factor, amount]) => ` × ${formatFactor(factor)} on ${formatMoney(amount, currency)}`).join('') +
		labelled
	);
}

export const tierDetail = (multiplier: number) => (multiplier === 1 ? '' : ` × tier ${formatFactor(multiplier)}`);
