// Pure helpers for the import page: decoding the file, chunking the events, tallying results. The .vue only renders.

/** UTF-8 when the bytes are valid UTF-8, else EUC-KR (what Korean Excel writes for "CSV"). */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'euc-kr' } {
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
	} catch {
		return { text: new TextDecoder('euc-kr').decode(bytes), encoding: 'euc-kr' };
	}
}

export function chunks<T>(items: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}

export interface Tally {
	processed: number;
	replayed: number;
	rejected: number;
}

export function tally(results: { status: string }[], into: Tally = { processed: 0, replayed: 0, rejected: 0 }): Tally {
	for (const result of results) {
		if (result.status === 'processed') into.processed += 1;
		else if (result.status === 'replayed') into.replayed += 1;
		else into.rejected += 1;
	}
	return into;
}

export const percent = (done: number, total: number) => (total === 0 ? 100 : Math.round((done / total) * 100));
