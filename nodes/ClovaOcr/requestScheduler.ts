import { setTimeout as wait } from 'timers/promises';

import { RATE_LIMIT_CODE } from './clovaErrors';

/** Below this a pacing wait is not worth a timer (their resolution is a millisecond). */
const MIN_PACE_MS = 1;

/**
 * Caps calls in flight at a limit that adapts to the service: CLOVA answers 400/0025 when a
 * domain's rate limit is exceeded, so the limit drops to what was in flight when that
 * happened. It then probes one higher after a run of successes; each probe that is rejected
 * again doubles the run needed before the next one, so a fixed limit costs a handful of
 * rejected calls per batch instead of one every few successes. A probe that holds (a full
 * window of successes at the new level) halves the run again, so a limit lowered by a passing
 * burst climbs back quickly. Until the first 0025 it climbs one per success up to its maximum,
 * which matters once other executions join it (see shareLimiter).
 */
export class AdaptiveLimiter {
	private limit: number;

	private inFlight = 0;

	private readonly waiters: Array<() => void> = [];

	/** Successes needed at the current limit before trying one more call in flight. */
	private probeAfter = 0;

	private successesAtLimit = 0;

	private raisedUnconfirmed = false;

	/**
	 * How long a successful call holds its slot, 0 until one was timed: it falls at once to a
	 * faster call and rises slowly, so one large upload does not space out the small ones after it.
	 */
	private callMs = 0;

	/** When the next call may go out (Date.now()), see paceDelay. */
	private nextStartAt = 0;

	constructor(
		private max: number,
		private readonly maxProbeAfter = 512,
	) {
		this.limit = max;
	}

	get currentLimit(): number {
		return this.limit;
	}

	get maximum(): number {
		return this.max;
	}

	/**
	 * Another execution shares this limiter and may add up to `concurrency` calls. The limit
	 * itself does not jump: what the service allows does not grow with the callers, so the
	 * room above is found by probing (one per success until the first 0025), as for anyone.
	 */
	widen(concurrency: number): void {
		this.max += concurrency;
	}

	/** An execution that shared this limiter has finished. */
	narrow(concurrency: number): void {
		this.max = Math.max(1, this.max - concurrency);
		this.limit = Math.min(this.limit, this.max);
	}

	/**
	 * Waits for a slot under the current limit, then for the call's turn (see paceDelay). Returns
	 * how many other calls are in flight as this one goes out.
	 */
	async acquire(cancelSignal?: AbortSignal): Promise<number> {
		while (this.inFlight >= this.limit) {
			await new Promise<void>((resolve) => this.waiters.push(resolve));
		}
		this.inFlight += 1;
		// Counted now: calls granted during the wait below have not gone out yet.
		const others = this.inFlight - 1;
		const delay = this.paceDelay();
		if (delay > 0 && !cancelSignal?.aborted) await wait(delay, undefined, { signal: cancelSignal }).catch(() => {});
		return others;
	}

	/**
	 * How long a call granted now waits so that calls go out at least half a slot's share of a call
	 * time apart (callMs / limit / 2). Calls that go out together come back together, and the node
	 * then handles those answers and sends the next calls one after another on n8n's one thread: the
	 * last of a bunch leaves its slot idle for the others' turnaround, and the bunch stays one, cycle
	 * after cycle (4 executions x 200 cards, 8 in flight at 150 ms: 6-12 ms idle per call; spaced, 4-5 ms).
	 * Twice the rate the slots allow, so it only spreads bursts, never limits throughput; below a
	 * millisecond (a fast service) there is nothing to spread.
	 */
	private paceDelay(): number {
		const spacing = this.callMs / this.limit / 2;
		if (spacing < MIN_PACE_MS) return 0;
		const now = Date.now();
		const start = Math.max(now, this.nextStartAt);
		this.nextStartAt = start + spacing;
		return start - now;
	}

	release(): void {
		this.inFlight -= 1;
		this.wakeOne();
	}

	private wakeOne(): void {
		const next = this.waiters.shift();
		if (next) next();
	}

	/** `othersInFlight` is how many calls were already out when the rejected one was sent. */
	onRateLimited(othersInFlight: number): void {
		const lowered = Math.max(1, Math.min(this.limit, othersInFlight));
		// A rejected probe doubles the wait before the next one; a rejection at a level that had
		// held is news (another client, a passing burst) and starts over at one window.
		this.probeAfter = this.raisedUnconfirmed ? Math.min(this.maxProbeAfter, Math.max(lowered, this.probeAfter * 2)) : lowered;
		this.limit = lowered;
		this.successesAtLimit = 0;
		this.raisedUnconfirmed = false;
	}

	/** `callMs`: how long the call held its slot, from going out to its answer read. */
	onSuccess(callMs?: number): void {
		if (callMs !== undefined) this.callMs = this.callMs === 0 || callMs < this.callMs ? callMs : this.callMs + (callMs - this.callMs) / 8;
		this.successesAtLimit += 1;
		if (this.raisedUnconfirmed && this.successesAtLimit >= this.limit) {
			this.raisedUnconfirmed = false;
			this.probeAfter = Math.max(this.limit, Math.floor(this.probeAfter / 2));
		}
		if (this.limit < this.max && this.successesAtLimit >= this.probeAfter) {
			this.limit += 1;
			this.successesAtLimit = 0;
			this.raisedUnconfirmed = true;
			this.wakeOne();
		}
	}
}

interface SharedEntry {
	limiter: AdaptiveLimiter;
	executions: number;
}

/** Live limiters by endpoint: module state, so every execution in this n8n process sees the same map. */
const sharedLimiters = new Map<string, SharedEntry>();

export interface LimiterLease {
	limiter: AdaptiveLimiter;
	/** Call once the execution has no call in flight or waiting; later calls do nothing. */
	release(): void;
}

/**
 * The limiter for `key` (an endpoint) shared by every execution of this process that calls it
 * at the same time. CLOVA's rate limit belongs to the domain behind the Invoke URL, not to one
 * execution: with a limiter each, a 0025 only tells an execution how many of its own calls were
 * out, so four of them keep climbing over one another (28% of calls rejected in `npm run bench`,
 * and items ran out of retries). Shared, a 0025 lowers the one limit to what all of them had in
 * flight, and waiting calls take turns in arrival order, so executions progress together. Each
 * execution still keeps at most its own Concurrency in flight. The entry is dropped when the last
 * execution leaves, so a later run starts fresh as a single execution always did. Only one
 * process shares it: queue-mode workers each have their own.
 */
export function shareLimiter(key: string, concurrency: number): LimiterLease {
	let entry = sharedLimiters.get(key);
	if (entry) entry.limiter.widen(concurrency);
	else {
		entry = { limiter: new AdaptiveLimiter(concurrency), executions: 0 };
		sharedLimiters.set(key, entry);
	}
	entry.executions += 1;
	const joined = entry;
	let released = false;
	return {
		limiter: joined.limiter,
		release: () => {
			if (released) return;
			released = true;
			joined.limiter.narrow(concurrency);
			joined.executions -= 1;
			if (joined.executions === 0 && sharedLimiters.get(key) === joined) sharedLimiters.delete(key);
		},
	};
}

/** How many endpoints have a live shared limiter: tests check that finished executions leave none behind. */
export function sharedLimiterCount(): number {
	return sharedLimiters.size;
}

export interface RetryPolicy {
	maxRetries: number;
	baseDelayMs: number;
	maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: Omit<RetryPolicy, 'maxRetries'> = { baseDelayMs: 300, maxDelayMs: 10_000 };

/** Exponential backoff with jitter between half and the full step, so retries spread out. */
export function backoffDelay(attempt: number, policy: RetryPolicy, hintMs?: number): number {
	const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
	const jittered = step / 2 + Math.random() * (step / 2);
	return Math.max(jittered, hintMs ?? 0);
}

export interface RetryableError {
	retryable: boolean;
	retryAfterMs?: number;
	code?: string;
}

function isRetryable(error: unknown): error is RetryableError {
	return typeof error === 'object' && error !== null && (error as RetryableError).retryable === true;
}

/**
 * Waits `ms`, or less when the execution is cancelled: a cancelled run must not sit out a 10 s
 * backoff. timers/promises, not the global setTimeout, which n8n's community checks refuse; n8n's
 * own sleepWithAbort is missing from n8n-workflow 2.x.
 */
async function backoff(ms: number, cancelSignal: AbortSignal | undefined): Promise<void> {
	if (cancelSignal?.aborted) return;
	await wait(ms, undefined, { signal: cancelSignal }).catch(() => {});
}

/**
 * Runs one call under the limiter, retrying what the error marks retryable. The slot is
 * given back while waiting, so a backing-off item never blocks a fresh one.
 */
export async function callWithRetries<T>(
	limiter: AdaptiveLimiter,
	policy: RetryPolicy,
	call: () => Promise<T>,
	cancelSignal?: AbortSignal,
): Promise<T> {
	for (let attempt = 0; ; attempt++) {
		const othersInFlight = await limiter.acquire(cancelSignal);
		const sentAt = Date.now();
		let outcome: { ok: true; value: T } | { ok: false; error: unknown };
		try {
			outcome = { ok: true, value: await call() };
		} catch (error) {
			outcome = { ok: false, error };
		} finally {
			limiter.release();
		}
		if (outcome.ok) {
			limiter.onSuccess(Date.now() - sentAt);
			return outcome.value;
		}
		const { error } = outcome;
		if (isRetryable(error) && error.code === RATE_LIMIT_CODE) limiter.onRateLimited(othersInFlight);
		if (!isRetryable(error) || attempt >= policy.maxRetries || cancelSignal?.aborted) throw error;
		await backoff(backoffDelay(attempt, policy, error.retryAfterMs), cancelSignal);
		if (cancelSignal?.aborted) throw error;
	}
}

/** Maps indexes 0..count-1 through `worker` with at most `concurrency` running, results in index order. */
export async function mapInOrder<T>(count: number, concurrency: number, worker: (index: number) => Promise<T>): Promise<T[]> {
	const results = new Array<T>(count);
	let next = 0;
	const lanes = Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, async () => {
		while (next < count) {
			const index = next++;
			results[index] = await worker(index);
		}
	});
	await Promise.all(lanes);
	return results;
}
