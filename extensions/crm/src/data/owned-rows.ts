// Reads the stored value of a transition field (e.g. an outbox row's status) for the rows an update names.
import type { Knex } from 'knex';

const CHUNK = 500;

export async function storedValues(
	knex: Knex,
	collection: string,
	field: string,
	keys: readonly (string | number)[],
): Promise<{ id: unknown; value: unknown }[]> {
	const rows: { id: unknown; value: unknown }[] = [];
	for (let start = 0; start < keys.length; start += CHUNK) {
		const found = await knex(collection)
			.select({ id: 'id', value: field })
			.whereIn('id', keys.slice(start, start + CHUNK));
		rows.push(...found);
	}
	return rows;
}
