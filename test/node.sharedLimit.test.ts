/**
 * Two executions of the node at once in one process, as n8n runs two webhook calls, against one
 * service that allows 8 calls in flight: they share one limiter per endpoint, so together they
 * stay near 8 in flight and few calls are answered 0025.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { sharedLimiterCount } from '../nodes/ClovaOcr/requestScheduler';
import { RateLimitedService } from '../devkit/clova/rateLimitedService';
import { fixtureInput } from '../devkit/fixtures';
import { binaryItems, runNode } from '../devkit/n8n/harness';

const RATE_LIMIT = 8;
const ITEMS = 100;
const VALID_THRU = '09/35';

describe('CLOVA OCR node: several executions, one rate limit', () => {
	// Every image name answers with itself as the holder name, so each output can be matched to its input.
	const service = new RateLimitedService('shared-limit-secret', (imageName) => ({
		name: imageName,
		number: '4111111111111111',
		validThru: VALID_THRU,
	}));
	let baseUrl = '';

	beforeAll(async () => {
		baseUrl = await service.start();
		// The counts of calls in flight at arrival come from the kept requests.
		service.server.keepRequests = true;
	});
	afterAll(async () => await service.stop());

	async function cardItems(): Promise<INodeExecutionData[]> {
		return await binaryItems(Array.from({ length: ITEMS }, () => fixtureInput('card-visa.png')));
	}

	async function execution(items: INodeExecutionData[], invokeUrl: string, prefix: string): Promise<INodeExecutionData[]> {
		return await runNode(items, {
			credentials: { invokeUrl, secretKey: service.server.secret },
			parameters: { options: { imageName: `={{ "${prefix}-" + $itemIndex }}` } },
		});
	}

	async function twoAtOnce(
		urls: [string, string],
	): Promise<{ outputs: INodeExecutionData[][]; peak: number; rateLimited: number; calls: number; limiters: number }> {
		// Both executions' items are stored first, so the two start in the same tick.
		const items = [await cardItems(), await cardItems()];
		service.prepare({ latencyMs: 40, rateLimit: RATE_LIMIT });
		// How many limiters were live at once while both ran: one per endpoint the executions share.
		let limiters = 0;
		const sampler = setInterval(() => (limiters = Math.max(limiters, sharedLimiterCount())), 5);
		try {
			const outputs = await Promise.all([execution(items[0], urls[0], 'a'), execution(items[1], urls[1], 'b')]);
			const { calls, rateLimited } = service.counts();
			return {
				outputs,
				peak: Math.max(...service.server.received.map((request) => request.inFlightAtArrival)),
				rateLimited,
				calls,
				limiters,
			};
		} finally {
			clearInterval(sampler);
		}
	}

	test('two executions with Concurrency 10 each keep within one probe of 8 in flight, lose nothing, and leave no limiter behind', async () => {
		const invokeUrl = `${baseUrl}/custom/v1/1/shared/document/credit-card`;
		const { outputs, peak, rateLimited, calls } = await twoAtOnce([invokeUrl, invokeUrl]);
		outputs.forEach((output, execution) => {
			const prefix = execution === 0 ? 'a' : 'b';
			expect(output.map((item) => item.json.name)).toEqual(Array.from({ length: ITEMS }, (_, i) => `${prefix}-${i}`));
			expect(output.every((item) => item.json.validThru === VALID_THRU)).toBe(true);
		});
		// The first execution's 10 meet the limit before any 0025 has come back; after that, probes of one.
		expect(peak).toBeLessThanOrEqual(10);
		// Measured 6 of 206 on a quiet machine, 10 of 210 beside three busy processes and 15 of 215 in
		// a CI run beside the engine's suites: how many calls meet a limit lowered in passing depends
		// on timing. Apart (the next test) the two collide on 33-44 of about 240. The 5% bar
		// is the benchmark's, on 800 calls where the first wave counts for less.
		expect(rateLimited / calls).toBeLessThanOrEqual(0.1);
		expect(sharedLimiterCount()).toBe(0);
	});

	test('on two Invoke URLs (two CLOVA domains, as far as the node can tell) the same two executions do not share a limiter', async () => {
		const shared = await twoAtOnce([`${baseUrl}/custom/v1/1/x/document/credit-card`, `${baseUrl}/custom/v1/1/x/document/credit-card`]);
		const apart = await twoAtOnce([`${baseUrl}/custom/v1/1/y/document/credit-card`, `${baseUrl}/custom/v1/2/z/document/credit-card`]);
		// Apart, the two climb over each other (33-44 0025s on a quiet machine against 6 shared), but how
		// many is timing: on a busy CI machine apart met 7 against 8 shared, so no count is asserted.
		// What decides it is how many limiters the two share: sampled while both ran, one or two.
		expect([shared.limiters, apart.limiters]).toEqual([1, 2]);
		expect(shared.outputs.concat(apart.outputs).every((output) => output.length === ITEMS)).toBe(true);
	});
});
