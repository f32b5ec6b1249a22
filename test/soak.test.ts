import type { ScriptedAnswer } from '../devkit/clova/testServer';
import { ClovaTestServer } from '../devkit/clova/testServer';
import { successFor } from '../devkit/clova/outcomes';
import { fixtureInput } from '../devkit/fixtures';
import { binaryItems, runNode } from '../devkit/n8n/harness';
import { seededRandom } from '../server/src/synth/random';

type Fault = '0500' | '0501' | '0025' | 'reset' | 'timeout' | 'garbage';
const FAULTS: Fault[] = ['0500', '0501', '0025', 'reset', 'timeout', 'garbage'];
const CODE_OF: Record<Fault, string> = {
	'0500': '0500',
	'0501': '0501',
	'0025': '0025',
	reset: 'ECONNRESET',
	timeout: 'TIMEOUT',
	garbage: 'BAD_RESPONSE',
};

interface Plan {
	fault: Fault | '0011' | '0023' | null;
	/** How many attempts fail before one succeeds; Infinity when the fault never clears. */
	failures: number;
}

const ITEMS = 500;
const MAX_RETRIES = 3;

function faultAnswer(fault: NonNullable<Plan['fault']>): ScriptedAnswer {
	switch (fault) {
		case '0500':
		case '0501':
			return { kind: 'raw', status: 500, body: JSON.stringify({ code: fault, message: 'engine hiccup' }) };
		case '0025':
			return { kind: 'raw', status: 400, body: JSON.stringify({ code: '0025', message: 'rate limit' }) };
		case '0011':
		case '0023':
			return { kind: 'raw', status: 400, body: JSON.stringify({ code: fault, message: 'permanent' }) };
		case 'reset':
			return { kind: 'reset' };
		case 'timeout':
			return { kind: 'hang' };
		case 'garbage':
			return { kind: 'raw', status: 200, body: '\u0000\u00ffnot json at all}{' };
	}
}

describe('fault soak: 500 items, 20% injected faults, Continue On Fail', () => {
	const server = new ClovaTestServer();
	let baseUrl: string;

	beforeAll(async () => {
		baseUrl = await server.start();
	});
	afterAll(async () => await server.stop());

	test('exactly one output per input, in order, paired; transient faults recovered, the rest error items with their code', async () => {
		// Seeded, so the same faults land on the same items every run.
		const random = seededRandom(20261126);
		const plans: Plan[] = Array.from({ length: ITEMS }, () => {
			if (random() >= 0.2) return { fault: null, failures: 0 };
			const roll = random();
			if (roll < 0.08) return { fault: random() < 0.5 ? '0011' : '0023', failures: Infinity };
			const fault = FAULTS[Math.floor(random() * FAULTS.length)];
			// Most faults clear after one or two tries; some never do and must exhaust the retries.
			return { fault, failures: roll < 0.2 ? Infinity : 1 + Math.floor(random() * 2) };
		});
		server.script = (request, attempt) => {
			const index = Number(request.image.name.slice('item-'.length));
			const plan = plans[index];
			if (plan.fault && attempt < plan.failures) return faultAnswer(plan.fault);
			return { kind: 'outcome', outcome: successFor({ name: `HOLDER ${index}`, number: '4111111111111111', validThru: '12/35' }) };
		};

		const items = await binaryItems(Array.from({ length: ITEMS }, () => fixtureInput('card-amex.jpg')));
		const started = Date.now();
		const output = await runNode(items, {
			credentials: { invokeUrl: baseUrl, secretKey: server.secret },
			continueOnFail: true,
			parameters: { options: { imageName: '={{ "item-" + $itemIndex }}', concurrency: 10, maxRetries: MAX_RETRIES, timeout: 1 } },
		});
		const seconds = (Date.now() - started) / 1000;

		expect(output).toHaveLength(ITEMS);
		const attempts = new Map<number, number>();
		for (const received of server.received) {
			const index = Number(received.request.image.name.slice('item-'.length));
			attempts.set(index, (attempts.get(index) ?? 0) + 1);
		}
		let recovered = 0;
		let failed = 0;
		output.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			const plan = plans[index];
			if (plan.fault === null) {
				expect(item.json.name).toBe(`HOLDER ${index}`);
				expect(attempts.get(index)).toBe(1);
			} else if (plan.fault === '0011' || plan.fault === '0023') {
				expect(item.json.errorCode).toBe(plan.fault);
				expect(attempts.get(index)).toBe(1);
				failed += 1;
			} else if (plan.failures === Infinity) {
				expect(item.json.errorCode).toBe(CODE_OF[plan.fault]);
				expect(attempts.get(index)).toBe(MAX_RETRIES + 1);
				failed += 1;
			} else {
				expect(item.json.name).toBe(`HOLDER ${index}`);
				expect(attempts.get(index)).toBe(plan.failures + 1);
				recovered += 1;
			}
		});
		const faulty = plans.filter((p) => p.fault !== null).length;
		console.log(
			`soak: ${ITEMS} items, ${faulty} with faults (${recovered} recovered by retry, ${failed} error items), ${server.received.length} requests, ${seconds.toFixed(1)} s`,
		);
		expect(faulty).toBeGreaterThan(ITEMS * 0.15);
		expect(recovered).toBeGreaterThan(0);
		expect(failed).toBeGreaterThan(0);
	}, 180_000);
});
