// The layering, checked on the source: SQL (knex calls) only in data/, and a domain that imports no Directus, Vue,
// Express or knex. A file listed in STILL_TO_MOVE must still break the rule (the list can only shrink).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = import.meta.dirname;
const STILL_TO_MOVE: string[] = [];

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sources(path);
		return /\.(ts|vue)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [relative(SRC, path)] : [];
	});
}

/**
 * A query started on a knex instance or transaction, or a raw statement. (Opening a transaction for Directus's own
 * services, as the events API does, is glue, not SQL.)
 */
const KNEX_CALL = /\b(?:database|knex|trx|db|tx)\s*(?:\(\s*['"`]|\.(?:raw|schema)\b)/;
const DOMAIN_IMPORT = /from\s+['"](?:@directus\/|vue['"]|vue-i18n|express|knex)/;

describe('architecture', () => {
	const files = sources(SRC);

	it('keeps SQL in data/', () => {
		const offenders = files.filter(
			(file) => !file.startsWith('data/') && KNEX_CALL.test(readFileSync(join(SRC, file), 'utf8')),
		);
		expect(offenders.sort()).toEqual([...STILL_TO_MOVE].sort());
	});

	it('keeps the domain free of Directus, Vue, HTTP and knex', () => {
		const offenders = files.filter(
			(file) => file.startsWith('domain/') && DOMAIN_IMPORT.test(readFileSync(join(SRC, file), 'utf8')),
		);
		expect(offenders).toEqual([]);
	});
});
