// Renders the benchmark as markdown: how it ran, one table with every figure (CRM, baseline, ratio, goal, peak
// memory), the notes, and the rows as JSON in a trailing comment so growth.ts can compare sizes.

export interface Measure {
	value: number;
	unit: 'ms' | 'µs' | '/s';
}

export interface Row {
	id: string;
	figure: string;
	crm: Measure;
	baseline?: Measure & { label: string };
	/** CRM ÷ baseline (for rates too: below 1 is slower). */
	ratio?: number;
	/** What the goal constrains: the ratio, or the CRM value itself. */
	goal?: { of: 'ratio' | 'crm'; op: '≤' | '<' | '≥'; value: number; text?: string };
	peak?: { bytes: number; of: string };
	/** How the CRM value should grow with the data: with it (time over all rows) or not at all (per call, cached, rates). */
	scaling: 'data' | 'constant';
}

export interface ReportInput {
	title: string;
	header: string[];
	rows: Row[];
	notes: string[];
	/** Growth input: customers, orders. */
	size: { customers: number; orders: number };
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
export const mb = (bytes: number) => `${int(bytes / 1024 / 1024)} MB`;
export const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function formatMeasure(m: Measure): string {
	if (m.unit === '/s') return `${int(m.value)}/s`;
	const digits = m.value >= 100 ? 0 : m.value >= 10 ? 1 : 2;
	return `${m.value.toFixed(digits)} ${m.unit}`;
}

export function met(row: Row): boolean | null {
	if (!row.goal) return null;
	const actual = row.goal.of === 'ratio' ? row.ratio : row.crm.value;
	if (actual === undefined) return null;
	return row.goal.op === '≥'
		? actual >= row.goal.value
		: row.goal.op === '<'
			? actual < row.goal.value
			: actual <= row.goal.value;
}

function goalText(row: Row): string {
	if (!row.goal) return '';
	const mark = met(row) ? '✅' : '❌';
	const target =
		row.goal.text ??
		(row.goal.of === 'ratio'
			? `${row.goal.op} ${row.goal.value}x`
			: `${row.goal.op} ${formatMeasure({ value: row.goal.value, unit: row.crm.unit })}`);
	return `${mark} ${target}`;
}

const order = (id: string) =>
	Number.parseInt(id, 10) * 100 + (id.charCodeAt(id.length - 1) >= 97 ? id.charCodeAt(id.length - 1) - 96 : 0);

export function renderReport(input: ReportInput): string {
	input.rows.sort((a, b) => order(a.id) - order(b.id));
	const table = [
		'| # | Figure | CRM | Baseline (same run) | Ratio | Goal | Peak memory |',
		'|---|---|---:|---:|---:|---|---|',
		...input.rows.map(
			(r) =>
				`| ${r.id} | ${r.figure} | ${formatMeasure(r.crm)} | ${r.baseline ? `${formatMeasure(r.baseline)} (${r.baseline.label})` : '—'} | ${r.ratio === undefined ? '—' : `${r.ratio.toFixed(2)}x`} | ${goalText(r)} | ${r.peak ? `${mb(r.peak.bytes)} (${r.peak.of})` : '—'} |`,
		),
	];
	const data = JSON.stringify({ size: input.size, rows: input.rows });
	return [
		`# ${input.title}`,
		'',
		...input.header,
		'',
		'## Figures',
		'',
		...table,
		'',
		...input.notes,
		'',
		`<!-- bench-results ${data} -->`,
		'',
	].join('\n');
}

export function parseResults(markdown: string): { size: ReportInput['size']; rows: Row[] } | null {
	const match = /<!-- bench-results (.*) -->/.exec(markdown);
	return match ? JSON.parse(match[1]) : null;
}
