import { AdaptiveLimiter, callWithRetries, shareLimiter, sharedLimiterCount } from '../nodes/ClovaOcr/requestScheduler';

/** Steady state against a service that rejects any call beyond `hardLimit` in flight. */
function runAgainst(limiter: AdaptiveLimiter, hardLimit: number, successes: number): number {
	let rejected = 0;
	for (let done = 0; done < successes;) {
		if (limiter.currentLimit > hardLimit) {
			limiter.onRateLimited(hardLimit);
			rejected += 1;
		} else {
			limiter.onSuccess();
			done += 1;
		}
	}
	return rejected;
}

describe('AdaptiveLimiter', () => {
	test('a 0025 lowers the limit to what was in flight', () => {
		const limiter = new AdaptiveLimiter(10);
		limiter.onRateLimited(8);
		expect(limiter.currentLimit).toBe(8);
		limiter.onRateLimited(0);
		expect(limiter.currentLimit).toBe(1);
	});

	test('against a fixed limit of 8, 200 calls cost at most 6 rejected probes and end at the limit', () => {
		const limiter = new AdaptiveLimiter(10);
		expect(runAgainst(limiter, 8, 200)).toBeLessThanOrEqual(6);
		expect(limiter.currentLimit).toBe(8);
	});

	test('1000 calls against a fixed limit cost fewer than 10 rejections: the probe interval keeps doubling', () => {
		const limiter = new AdaptiveLimiter(64);
		expect(runAgainst(limiter, 5, 1000)).toBeLessThan(10);
	});

	test('once the service allows more again, the limit climbs back to the maximum within a few hundred calls', () => {
		const limiter = new AdaptiveLimiter(10);
		runAgainst(limiter, 2, 500);
		expect(limiter.currentLimit).toBe(2);
		let calls = 0;
		while (limiter.currentLimit < 10 && calls < 10_000) {
			limiter.onSuccess();
			calls += 1;
		}
		expect(limiter.currentLimit).toBe(10);
		expect(calls).toBeLessThan(400);
	});

	test('a rejection at a level that had held (a passing burst) is recovered within one window, however long the probes had grown', () => {
		const limiter = new AdaptiveLimiter(10);
		runAgainst(limiter, 6, 500);
		let calls = 0;
		while (limiter.currentLimit < 10 && calls < 10_000) {
			limiter.onSuccess();
			calls += 1;
		}
		for (let i = 0; i < 20; i++) limiter.onSuccess();
		limiter.onRateLimited(9);
		expect(limiter.currentLimit).toBe(9);
		calls = 0;
		while (limiter.currentLimit < 10 && calls < 10_000) {
			limiter.onSuccess();
			calls += 1;
		}
		expect(calls).toBe(9);
	});

	test('calls wait for a free slot under the current limit', async () => {
		const limiter = new AdaptiveLimiter(2);
		await limiter.acquire();
		await limiter.acquire();
		let third = false;
		const waiting = limiter.acquire().then(() => (third = true));
		await Promise.resolve();
		expect(third).toBe(false);
		limiter.release();
		await waiting;
		expect(third).toBe(true);
	});

	test('slots freed at once go out spaced: calls of 160 ms at a limit of 8 leave 10 ms apart', async () => {
		const limiter = new AdaptiveLimiter(8);
		limiter.onSuccess(160);
		const grants = await Promise.all(Array.from({ length: 4 }, async () => (await limiter.acquire(), performance.now())));
		grants.sort((a, b) => a - b);
		// Each is due 10 ms after the one before; a timer counts from the event loop's clock, which
		// can lag performance.now() by a few milliseconds on a busy machine.
		for (let i = 1; i < grants.length; i++) expect(grants[i] - grants[0]).toBeGreaterThanOrEqual(i * 10 - 5);
	});

	test('a spaced call counts as in flight only the calls granted before it, not those still waiting their turn', async () => {
		const limiter = new AdaptiveLimiter(8);
		limiter.onSuccess(160);
		const others = await Promise.all(Array.from({ length: 4 }, async () => await limiter.acquire()));
		expect(others).toEqual([0, 1, 2, 3]);
	});

	test('one slow call does not space out the faster ones after it', async () => {
		const limiter = new AdaptiveLimiter(8);
		// A 30 MB upload, then a card: spaced by 5 s calls, 4 grants would take about 940 ms.
		limiter.onSuccess(5_000);
		limiter.onSuccess(160);
		const grants = await Promise.all(Array.from({ length: 4 }, async () => (await limiter.acquire(), performance.now())));
		expect(Math.max(...grants) - Math.min(...grants)).toBeLessThan(500);
	});

	test('a fast service is not paced: calls of 4 ms at a limit of 10 all go out at once', async () => {
		const limiter = new AdaptiveLimiter(10);
		limiter.onSuccess(4);
		let granted = 0;
		const acquiring = Array.from({ length: 10 }, async () => {
			await limiter.acquire();
			granted += 1;
		});
		for (let i = 0; i < 5; i++) await Promise.resolve();
		expect(granted).toBe(10);
		await Promise.all(acquiring);
	});

	test('a call waiting for its turn to go out stops waiting when the execution is cancelled', async () => {
		const limiter = new AdaptiveLimiter(2);
		// 40 s calls at a limit of 2: the second goes out 10 s after the first.
		limiter.onSuccess(40_000);
		await limiter.acquire();
		const controller = new AbortController();
		const started = Date.now();
		setTimeout(() => controller.abort(), 20);
		await limiter.acquire(controller.signal);
		expect(Date.now() - started).toBeLessThan(1_000);
	});
});

describe('shareLimiter', () => {
	test('executions calling one endpoint share one limiter; its maximum is the sum of their Concurrency, its limit what was learned', () => {
		const first = shareLimiter('https://a.example/credit-card', 10);
		first.limiter.onRateLimited(8);
		const second = shareLimiter('https://a.example/credit-card', 10);
		const other = shareLimiter('https://b.example/credit-card', 10);
		expect(second.limiter).toBe(first.limiter);
		expect(other.limiter).not.toBe(first.limiter);
		// A second caller does not make the service allow more: the learned 8 holds.
		expect(first.limiter.currentLimit).toBe(8);
		expect(first.limiter.maximum).toBe(20);
		first.release();
		first.release();
		expect(second.limiter.maximum).toBe(10);
		second.release();
		other.release();
		expect(sharedLimiterCount()).toBe(0);
	});

	test('until the first 0025, a joined limiter climbs one per success to the sum of the Concurrency values', () => {
		const first = shareLimiter('https://c.example/credit-card', 4);
		const second = shareLimiter('https://c.example/credit-card', 4);
		expect(first.limiter.currentLimit).toBe(4);
		for (let i = 0; i < 4; i++) first.limiter.onSuccess();
		expect(first.limiter.currentLimit).toBe(8);
		first.limiter.onSuccess();
		expect(first.limiter.currentLimit).toBe(8);
		second.release();
		expect(first.limiter.currentLimit).toBe(4);
		first.release();
	});

	test('a new execution after the last one left starts fresh, as a single execution always did', () => {
		const first = shareLimiter('https://d.example/credit-card', 10);
		first.limiter.onRateLimited(2);
		first.release();
		const later = shareLimiter('https://d.example/credit-card', 10);
		expect(later.limiter).not.toBe(first.limiter);
		expect(later.limiter.currentLimit).toBe(10);
		later.release();
	});
});

describe('callWithRetries', () => {
	test('a cancelled execution stops waiting out its backoff at once and fails the call with its last error', async () => {
		const controller = new AbortController();
		let calls = 0;
		const busy = { retryable: true, retryAfterMs: 10_000, code: 'HTTP_503' };
		const started = Date.now();
		setTimeout(() => controller.abort(), 50);
		const outcome = callWithRetries(
			new AdaptiveLimiter(1),
			{ maxRetries: 4, baseDelayMs: 300, maxDelayMs: 10_000 },
			async () => {
				calls += 1;
				throw busy;
			},
			controller.signal,
		);
		await expect(outcome).rejects.toBe(busy);
		expect(Date.now() - started).toBeLessThan(1_000);
		expect(calls).toBe(1);
	});
});
