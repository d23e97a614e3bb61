// bench/report-growth.md: how each figure changes between the per-size reports (bench/report-<customers>.md) found
// on disk, against how much the data grew. A figure over all rows should grow like the data (linear); a per-call,
// cached or throughput figure should stay flat.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatMeasure, parseResults, type Row } from './render-report.ts';

interface SizeResult {
	customers: number;
	orders: number;
	rows: Map<string, Row>;
}

function verdict(row: Row, growth: number, dataGrowth: number): string {
	if (row.scaling === 'constant')
		return growth < 0.67 ? 'faster' : growth <= 1.5 ? 'flat ✅' : `grows ${growth.toFixed(1)}x ❌`;
	const relative = Math.log(growth) / Math.log(dataGrowth); // 1 = linear, 0 = flat, 2 = quadratic
	if (relative < 0.8) return `sublinear (∝ n^${relative.toFixed(2)}) ✅`;
	if (relative <= 1.2) return `~linear (∝ n^${relative.toFixed(2)}) ✅`;
	return `superlinear (∝ n^${relative.toFixed(2)}) ❌`;
}

export function writeGrowthReport(dir: string): string | null {
	// Full reports (report-<N>.md) first; partial ones (report-<groups>-<N>.md, from --only) add the rows they lack.
	const files = readdirSync(dir)
		.filter((f) => /^report-([a-z]+-)*\d+\.md$/.test(f))
		.sort((a, b) => Number(/^report-\d/.test(b)) - Number(/^report-\d/.test(a)));
	const bySize = new Map<number, SizeResult & { files: string[] }>();
	for (const file of files) {
		const parsed = parseResults(readFileSync(resolve(dir, file), 'utf8'));
		if (!parsed) continue;
		const size = bySize.get(parsed.size.customers) ?? { ...parsed.size, rows: new Map<string, Row>(), files: [] };
		const added = parsed.rows.filter((r) => !size.rows.has(r.id));
		for (const r of added) size.rows.set(r.id, r);
		if (added.length) size.files.push(file);
		bySize.set(size.customers, size);
	}
	const sizes = [...bySize.values()].sort((a, b) => a.customers - b.customers);
	if (sizes.length < 2) return null;
	const pairs = sizes.slice(1).map((big, i) => [sizes[i], big] as const);
	const name = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));
	const head = [
		'| # | Figure | ' +
			sizes.map((s) => `CRM at ${name(s.customers)}`).join(' | ') +
			' | ' +
			pairs
				.map(
					([a, b]) =>
						`${name(b.customers)}/${name(a.customers)}: CRM growth (data ${(b.orders / a.orders).toFixed(1)}x) · ratio then → now · verdict`,
				)
				.join(' | ') +
			' |',
		'|---|---|' + sizes.map(() => '---:|').join('') + pairs.map(() => '---|').join(''),
	];
	const ids = [...new Set(sizes.flatMap((s) => [...s.rows.keys()]))].sort(
		(a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10) || a.localeCompare(b),
	);
	const rows = ids
		.map((id) => sizes.map((s) => s.rows.get(id)).find(Boolean)!)
		.map((row) => {
			const values = sizes.map((s) => {
				const r = s.rows.get(row.id);
				return r ? formatMeasure(r.crm) : '—';
			});
			const growths = pairs.map(([a, b]) => {
				const [ra, rb] = [a.rows.get(row.id), b.rows.get(row.id)];
				if (!ra || !rb) return '—';
				// Rates: growth of the time per order/message, so "grows" means slower in both kinds of figure.
				const growth = ra.crm.unit === '/s' ? ra.crm.value / rb.crm.value : rb.crm.value / ra.crm.value;
				const ratios =
					ra.ratio !== undefined && rb.ratio !== undefined
						? ` · ${ra.ratio.toFixed(2)}x → ${rb.ratio.toFixed(2)}x`
						: '';
				return `${growth.toFixed(2)}x${ratios} · ${verdict(row, growth, b.orders / a.orders)}`;
			});
			const figure = row.figure
				.replace(/;.*$/, '')
				.replace(/: summary .*$/, '')
				.replace(/ \(\d[\d,]* buying customers[^)]*\)/, ''); // without this run's details
			return `| ${row.id} | ${figure} | ${values.join(' | ')} | ${growths.join(' | ')} |`;
		});
	const text = [
		'# CRM benchmark: growth between sizes',
		'',
		`From the per-size reports in bench/ (${sizes.flatMap((s) => s.files).join(', ')}), each written by \`npm run bench -- --customers N\` (with \`--only\` for a partial one). ` +
			'CRM growth is the CRM figure at the larger size ÷ at the smaller (for rates: time per item, so > 1 is slower). ' +
			'The verdict compares it with the data growth (orders): n^1 is linear; per-call, cached and throughput figures should stay flat. ' +
			'Sizes may come from different runs (different machine load); the ratios against baselines are the load-independent part.',
		'',
		...head,
		...rows,
		'',
	].join('\n');
	writeFileSync(resolve(dir, 'report-growth.md'), text);
	return text;
}
