import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchRetryingPressure } from './admin-client.ts';

const refusals = new Map<string, number>();
let calls = 0;
const server = createServer((req, res) => {
	calls++;
	const left = refusals.get(req.url!) ?? 0;
	if (left > 0) {
		refusals.set(req.url!, left - 1);
		res.writeHead(503, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ errors: [{ message: 'Service "api" is unavailable. Under pressure.' }] }));
	} else if (req.url === '/down') {
		res.writeHead(503);
		res.end('maintenance');
	} else res.end('ok');
});
let base: string;
beforeAll(async () => {
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('fetchRetryingPressure', () => {
	it('sends again a request the pressure limiter refused, and stops at the first answer', async () => {
		refusals.set('/items', 2);
		calls = 0;
		const response = await fetchRetryingPressure(`${base}/items`, { method: 'POST', body: '{}' });
		expect(response.status).toBe(200);
		expect(await response.text()).toBe('ok');
		expect(calls).toBe(3);
	});

	it('returns any other 503 at once', async () => {
		calls = 0;
		expect((await fetchRetryingPressure(`${base}/down`)).status).toBe(503);
		expect(calls).toBe(1);
	});
});
