// Per-IP token buckets for the CRM's public pages (survey answers, unsubscribe): in memory, so with several replicas
// each keeps its own buckets and a client spread across N replicas gets up to N times the limit. The IP is Express's
// req.ip, which honours X-Forwarded-For only when Directus's IP_TRUST_PROXY says to trust the proxy.
// CRM_PUBLIC_RATE_LIMIT = requests per minute per IP (default 30, bursts up to the same number; 0 = off).
import type { NextFunction, Request, Response } from 'express';

export interface Take {
	ok: boolean;
	retryAfterSeconds: number;
}

export class TokenBuckets {
	private buckets = new Map<string, { tokens: number; at: number }>();

	constructor(
		readonly capacity: number,
		readonly refillPerMs: number,
		readonly maxKeys = 10_000,
	) {}

	take(key: string, nowMs: number): Take {
		const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: nowMs };
		bucket.tokens = Math.min(this.capacity, bucket.tokens + Math.max(0, nowMs - bucket.at) * this.refillPerMs);
		bucket.at = nowMs;
		this.buckets.delete(key);
		this.buckets.set(key, bucket); // most recently used last, so pruning drops the idlest first
		if (this.buckets.size > this.maxKeys) this.prune();
		if (bucket.tokens >= 1) {
			bucket.tokens -= 1;
			return { ok: true, retryAfterSeconds: 0 };
		}
		return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.refillPerMs / 1000)) };
	}

	get size() {
		return this.buckets.size;
	}

	private prune() {
		for (const key of this.buckets.keys()) {
			if (this.buckets.size <= this.maxKeys * 0.9) break;
			this.buckets.delete(key);
		}
	}
}

let shared: { perMinute: number; buckets: TokenBuckets } | null = null;

/** Express middleware sharing one set of buckets across all public CRM routes of this process. */
export function publicRateLimit(
	env: Record<string, unknown>,
	render429: (req: Request, res: Response, retryAfterSeconds: number) => void,
) {
	const configured = Number(env.CRM_PUBLIC_RATE_LIMIT ?? 30);
	const perMinute = Number.isFinite(configured) && configured >= 0 ? configured : 30;
	if (!shared || shared.perMinute !== perMinute)
		shared = { perMinute, buckets: new TokenBuckets(perMinute, perMinute / 60_000) };
	const { buckets } = shared;
	return (req: Request, res: Response, next: NextFunction) => {
		if (perMinute === 0) return next();
		const verdict = buckets.take(req.ip ?? req.socket?.remoteAddress ?? 'unknown', Date.now());
		if (verdict.ok) return next();
		res.setHeader('Retry-After', String(verdict.retryAfterSeconds));
		render429(req, res, verdict.retryAfterSeconds);
	};
}
