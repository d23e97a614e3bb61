/**
 * Parser for the CDNOW benchmark files (as redistributed with the `lifetimes`
 * package). Pure: it takes the file's text, the caller reads the file.
 *
 * - CDNOW_sample.txt: master id, sample id, date YYYYMMDD, number of CDs, dollar value
 * - CDNOW_master.txt: customer id, date YYYYMMDD, number of CDs, dollar value
 *   (first line is a header)
 */
import type { Transaction } from './summary';

export function parseCdnowTransactions(text: string): Transaction[] {
	const transactions: Transaction[] = [];
	const lines = text.split(/\r?\n/);
	lines.forEach((line, index) => {
		const fields = line.trim().split(/\s+/);
		if (fields.length === 1 && fields[0] === '') return;
		if (fields.length !== 4 && fields.length !== 5) {
			throw new RangeError(`CDNOW line ${index + 1}: expected 4 or 5 columns, got ${fields.length}`);
		}
		const [customerId, yyyymmdd, , dollars] =
			fields.length === 5 ? [fields[0], fields[2], fields[3], fields[4]] : fields;
		if (!/^\d{8}$/.test(yyyymmdd!)) {
			if (index === 0) return; // header row of CDNOW_master.txt
			throw new RangeError(`CDNOW line ${index + 1}: bad date "${yyyymmdd}"`);
		}
		const amount = Number(dollars);
		if (!Number.isFinite(amount)) throw new RangeError(`CDNOW line ${index + 1}: bad amount "${dollars}"`);
		transactions.push({
			customerId: customerId!,
			date: `${yyyymmdd!.slice(0, 4)}-${yyyymmdd!.slice(4, 6)}-${yyyymmdd!.slice(6, 8)}`,
			amount,
		});
	});
	return transactions;
}
