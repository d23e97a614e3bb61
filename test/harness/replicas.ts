// The production topology for fault tests: PostgreSQL + Redis + two Directus processes with the CRM (the primary,
// booted and installed by bootCrm, and a replica on the same database), plus a direct knex connection for checks.
import knexFactory, { type Knex } from 'knex';
import { resolve } from 'node:path';
import { adminClientWithLogin, type AdminClient } from '../../scripts/lib/admin-client.ts';
import { startDirectus, type Env, type RunningDirectus } from '../../scripts/lib/directus-process.ts';
import { ADMIN, bootCrm, freePort, type CrmInstance } from './crm.ts';
import { startRedis, type RunningRedis } from './redis.ts';

export interface Replicas {
	primary: CrmInstance;
	/** The second process; replaced by startReplica() after a kill. */
	replica: RunningDirectus;
	redis: RunningRedis;
	/** Straight to PostgreSQL: the CRM writes with SQL, and Directus's Redis cache may lag behind it. */
	db: Knex;
	/** Starts the replica again (same port and environment), e.g. after replica.kill(). */
	startReplica(): Promise<RunningDirectus>;
	replicaClient(): Promise<AdminClient>;
	stop(): Promise<void>;
}

export const redisEnv = (redis: RunningRedis): Env => ({
	REDIS: redis.url,
	REDIS_ENABLED: 'true',
	SYNCHRONIZATION_STORE: 'redis',
	CACHE_STORE: 'redis',
	CACHE_ENABLED: 'true',
	CACHE_AUTO_PURGE: 'true',
	MESSENGER_STORE: 'redis',
});

export async function bootReplicas(name: string, env: Env = {}): Promise<Replicas> {
	const redis = await startRedis(resolve(process.cwd(), '.tmp/test', `redis-${name}-${process.pid}`), await freePort());
	let primary: CrmInstance | undefined;
	try {
		primary = await bootCrm(name, { db: 'postgres', env: { ...redisEnv(redis), ...env } });
		const replicaEnv = { ...primary.env, PORT: String(await freePort()) };
		const logFile = resolve(primary.dir, 'replica.log');
		const pg = primary.postgres!.env;
		const db = knexFactory({
			client: 'pg',
			connection: {
				host: pg.DB_HOST,
				port: Number(pg.DB_PORT),
				database: pg.DB_DATABASE,
				user: pg.DB_USER,
				password: pg.DB_PASSWORD,
			},
			pool: { min: 0, max: 4 },
		});
		const replicas: Replicas = {
			primary,
			redis,
			db,
			replica: await startDirectus(replicaEnv, { logFile }),
			startReplica: async () => (replicas.replica = await startDirectus(replicaEnv, { logFile })),
			replicaClient: () => adminClientWithLogin(replicas.replica.url, ADMIN.email, ADMIN.password),
			stop: async () => {
				await db.destroy();
				await replicas.replica.stop();
				await primary!.stop();
				await redis.stop();
			},
		};
		return replicas;
	} catch (error) {
		await primary?.stop();
		await redis.stop();
		throw error;
	}
}
