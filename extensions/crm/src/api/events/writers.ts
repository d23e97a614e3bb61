// Writes go through Directus's ItemsService with the caller's accountability and the event's transaction, so
// Directus permissions, validation, activity and the CRM's filter hooks (customer stats, loyalty) all apply.
import type { Accountability, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';

interface ItemsServiceLike {
	createOne(data: Record<string, unknown>): Promise<string | number>;
	updateOne(key: string | number, data: Record<string, unknown>): Promise<string | number>;
}

export type ItemsServiceClass = new (
	collection: string,
	options: { knex: Knex; accountability: Accountability | null; schema: SchemaOverview },
) => ItemsServiceLike;

export interface Writer {
	create(collection: string, data: Record<string, unknown>): Promise<number>;
	update(collection: string, id: number, data: Record<string, unknown>): Promise<void>;
}

export interface WriterFactory {
	(knex: Knex): Writer;
}

export function itemsWriters(
	ItemsService: ItemsServiceClass,
	schema: SchemaOverview,
	accountability: Accountability,
): WriterFactory {
	return (knex) => ({
		async create(collection, data) {
			return Number(await new ItemsService(collection, { knex, accountability, schema }).createOne(data));
		},
		async update(collection, id, data) {
			await new ItemsService(collection, { knex, accountability, schema }).updateOne(id, data);
		},
	});
}
