// docker-compose.yml's start-up sequence, natively (Docker cannot run here): on an empty PostgreSQL with Redis, the
// one-shot `npm run crm:init` (bootstrap, schema apply, CRM install, Events API user), then two Directus replicas
// started at the same instant with the extension in extensions/directus-extension-crm/ and shared uploads. Both come
// up healthy with one extension row per entry and share their work through Redis. (Re-running the init is the stock
// bootstrap and schema apply, both no-ops then, and the installer, whose idempotence existing-project tests.)
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readItems } from '@directus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClientWithLogin } from '../../scripts/lib/admin-client.ts';
import { node22, ROOT, startDirectus, type Env, type RunningDirectus } from '../../scripts/lib/directus-process.ts';
import { startTempPostgres, type RunningPostgres } from '../../scripts/lib/postgres.ts';
import { ADMIN, baseEnv, freePort, workDir } from '../harness/crm.ts';
import { startRedis, type RunningRedis } from '../harness/redis.ts';
import { redisEnv } from '../harness/replicas.ts';
import { postEvents } from './events-api-helpers.ts';

const EVENTS_TOKEN = 'production-start-events-token-0123456789';
const entries = (
	JSON.parse(readFileSync(resolve(ROOT, 'extensions/crm/package.json'), 'utf8')) as {
		'directus:extension': { entries: unknown[] };
	}
)['directus:extension'].entries.length;

let dir: string;
let postgres: RunningPostgres;
let redis: RunningRedis;
let shared: Env;
let replicas: RunningDirectus[] = [];

function crmInit(): Promise<{ code: number | null; output: string }> {
	return new Promise((done) => {
		const child = spawn(node22(), [resolve(ROOT, 'scripts/crm-init.ts')], {
			cwd: ROOT,
			env: {
				...process.env,
				...shared,
				CRM_INIT_LOG: resolve(dir, 'init.log'),
				CRM_EVENTS_USER: 'pos@example.com',
				CRM_EVENTS_TOKEN: EVENTS_TOKEN,
			},
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('close', (code) => done({ code, output }));
	});
}

let firstInit: { code: number | null; output: string };

beforeAll(async () => {
	dir = workDir('production-start');
	postgres = await startTempPostgres('crm-prod-');
	redis = await startRedis(resolve(dir, 'redis'), await freePort());
	// The compose file mounts package.json and dist/ of the build into extensions/directus-extension-crm/.
	const folder = resolve(dir, 'extensions/directus-extension-crm');
	mkdirSync(folder, { recursive: true });
	cpSync(resolve(ROOT, 'extensions/crm/package.json'), resolve(folder, 'package.json'));
	cpSync(resolve(ROOT, 'extensions/crm/dist'), resolve(folder, 'dist'), { recursive: true });
	shared = {
		...(await baseEnv(dir, postgres.env)),
		...redisEnv(redis),
		EXTENSIONS_PATH: resolve(dir, 'extensions'),
		STORAGE_LOCATIONS: 'local',
		STORAGE_LOCAL_ROOT: resolve(dir, 'uploads'),
		CRM_INIT_PORT: String(await freePort()),
		// On a busy CI machine Directus's event-loop pressure limit answers 503 to a burst of requests.
		PRESSURE_LIMITER_ENABLED: 'false',
	};
	firstInit = await crmInit();
	if (firstInit.code !== 0) throw new Error(`crm:init failed:\n${firstInit.output}`);
	// The replicas wait for the init service (depends_on: service_completed_successfully), then start together.
	const ports = [await freePort(), await freePort()];
	replicas = await Promise.all(
		ports.map((port, i) =>
			startDirectus(
				{ ...shared, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` },
				{ logFile: resolve(dir, `replica-${i + 1}.log`) },
			),
		),
	);
});
afterAll(async () => {
	await Promise.all(replicas.map((replica) => replica.stop()));
	await redis?.stop();
	await postgres?.stop();
});

describe('production start-up: crm:init, then two replicas at once on an empty PostgreSQL', () => {
	it('the init bootstraps, applies the schema and installs the CRM with its Events API user', () => {
		expect(firstInit.output).toContain('[crm:init] schema: applied');
		expect(firstInit.output).toContain('role: created CRM Manager');
		expect(firstInit.output).toContain('events API user: created pos@example.com');
		expect(firstInit.output).not.toContain(EVENTS_TOKEN);
		expect(firstInit.output).toMatch(/\[crm:init\] done: schema v\d+/);
	});

	it('both replicas come up healthy, each listing one extension row per entry', async () => {
		for (const replica of replicas) {
			const health = (await (await fetch(`${replica.url}/crm/health`)).json()) as Record<string, unknown>;
			expect(health).toMatchObject({ status: 'ok', database: 'pg', warnings: [] });
			const login = (await (
				await fetch(`${replica.url}/auth/login`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(ADMIN),
				})
			).json()) as { data: { access_token: string } };
			const response = await fetch(`${replica.url}/extensions`, {
				headers: { authorization: `Bearer ${login.data.access_token}` },
			});
			expect(response.status).toBe(200);
			expect(((await response.json()) as { data: unknown[] }).data).toHaveLength(entries + 1);
		}
	});

	it('a customer sent to one replica and its order sent to the other add up', async () => {
		const [one, two] = replicas as [RunningDirectus, RunningDirectus];
		const customer = await postEvents(one.url, EVENTS_TOKEN, {
			type: 'customer.upsert',
			idempotency_key: 'prod-c1',
			data: { external_id: 'PROD-C1', full_name: '박지호', email: 'jiho@example.com' },
		});
		expect(customer.status, JSON.stringify(customer.body)).toBe(201);
		const order = await postEvents(two.url, EVENTS_TOKEN, {
			type: 'order.paid',
			idempotency_key: 'prod-o1',
			data: {
				external_id: 'PROD-1',
				customer: { external_id: 'PROD-C1' },
				ordered_at: '2026-02-01T09:00:00+09:00',
				total: 12000,
				lines: [{ product_name: '차', quantity: 1, unit_price: 12000 }],
			},
		});
		expect(order.status, JSON.stringify(order.body)).toBe(201);
		const admin = await adminClientWithLogin(one.url, ADMIN.email, ADMIN.password);
		const rows = (await admin.request(
			readItems(
				'crm_customers' as never,
				{
					filter: { external_id: { _eq: 'PROD-C1' } },
					fields: ['order_count'],
				} as never,
			),
		)) as { order_count: number }[];
		expect(rows).toEqual([{ order_count: 1 }]);
	});
});
