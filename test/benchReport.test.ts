import { number as validateNumber } from 'card-validator';

import { distinctTruthOfCopy, truthOfCopy } from '../devkit/bench/cardCopies';
import type { SeveralVersionResult, VersionResult } from '../devkit/bench/report';
import { median, report, severalReport } from '../devkit/bench/report';

const run = (stepS: number, ok = true, correct = 200) => ({
	ok,
	wallS: stepS + 0.6,
	stepS,
	correct: ok ? correct : 0,
	calls: 205,
	rateLimited: 5,
	error: ok ? undefined : 'Bad request - please check your parameters',
});

const result: VersionResult = {
	version: '1.123.81',
	node: 'v20',
	throughput: [
		{ label: 'CLOVA OCR node', latencyMs: 150, runs: [run(4.0), run(4.2), run(4.1)] },
		{ label: 'HTTP Request, defaults', latencyMs: 150, runs: [run(1.5, false), run(1.4, false), run(1.6, false)] },
		{ label: 'CLOVA OCR node', latencyMs: 180, runs: [run(4.8), run(4.7), run(4.75)] },
	],
	overhead: {
		nodeMs: [1800, 2000, 1900],
		httpRequestMs: [4400, 4500, 4600],
		loopMs: [900, 800, 850],
		newConnectionLoopMs: [1000, 1100, 1050],
		items: 1000,
		concurrency: 10,
	},
	memory: {
		fileBytes: 30_000_000,
		baselineKiB: [340 * 1024, 350 * 1024, 345 * 1024],
		multipartKiB: [350 * 1024, 351 * 1024, 349 * 1024],
		jsonKiB: [360 * 1024, 361 * 1024, 362 * 1024],
		httpRequestKiB: [380 * 1024, 381 * 1024, 382 * 1024],
	},
};

describe('benchmark report', () => {
	test('median of odd and even counts', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
	});

	test('a sample copy maps to its truth whatever its extension; an unknown name maps to nothing', () => {
		expect(truthOfCopy('card-0007--photo-001.jpg')?.name).toBeTruthy();
		expect(truthOfCopy('card-large--photo-000.png')).toEqual(truthOfCopy('card-0000--photo-000.jpg'));
		expect(truthOfCopy('photo-000.jpg')).toBeUndefined();
	});

	test('distinct copies get Luhn-valid numbers of their own brand that differ once PCI-masked', () => {
		const names = Array.from({ length: 200 }, (_, i) => `card-${String(i).padStart(4, '0')}--${['flat-001.jpg', 'photo-000.jpg'][i % 2]}`);
		const masked = new Set<string>();
		for (const name of names) {
			const sample = truthOfCopy(name)?.number as string;
			const { number } = distinctTruthOfCopy(name) ?? { number: '' };
			expect(validateNumber(number).isValid).toBe(true);
			expect(validateNumber(number).card?.type).toBe(validateNumber(sample).card?.type);
			expect(number.slice(0, 6)).toBe(sample.slice(0, 6));
			masked.add(`${number.slice(0, 6)}${number.slice(-4)}`);
		}
		expect(masked.size).toBe(names.length);
		expect(distinctTruthOfCopy('card-large--photo-000.png')).toEqual(truthOfCopy('card-large--photo-000.png'));
	});

	test("ratios use each latency's own bound, failures are counted, floors are subtracted from the node's median", () => {
		const text = report([result], { cards: 200, latencyMs: 150, rateLimit: 8, runs: 3 });
		expect(text).toContain('bound 200 / 8 x 0.15 s = 3.75 s');
		expect(text).toContain('| CLOVA OCR node | 4.10 (4.00-4.20) | 1.09 | 4.70 | 200 | 0 | 205 | 5 | 3/3 runs succeeded |');
		expect(text).toContain('| HTTP Request, defaults | 1.50 (1.40-1.60) | 0.40 | 2.10 | 0 | 200 |');
		expect(text).toContain('workflow failed 3/3 runs: "Bad request - please check your parameters"');
		expect(text).toContain('180 ms latency (the service 20% slower than the batching was tuned for)');
		expect(text).toContain('bound 200 / 8 x 0.18 s = 4.50 s');
		expect(text).toContain('| 4.75 (4.70-4.80) | 1.06 |');
		expect(text).toMatch(/plain Node loop, keep-alive .* \| 850 \(800-900\) \| 0\.85 \| 1\.05 \|/);
		expect(text).toMatch(/new connection per call .* \| 1050 \(1000-1100\) \| 1\.05 \| 0\.85 \|/);
		expect(text).toMatch(/multipart \| 350 \| 5 \| 0\.17x \|/);
	});

	test('several executions: the slowest of each run against the bound of all their cards, the 0025 share, lost items', () => {
		const several: SeveralVersionResult = {
			version: '2.41.1',
			node: 'v24',
			setups: [
				{
					label: 'CLOVA OCR node',
					runs: [16.1, 16.5, 16.3].map((slowest) => ({
						executionS: [slowest - 0.2, slowest],
						firstCallS: 1,
						callsS: 15.2,
						slotsBusy: 0.97,
						correct: 800,
						failedExecutions: 0,
						calls: 808,
						rateLimited: 8,
					})),
				},
				{
					label: 'HTTP Request',
					runs: [
						{
							executionS: [38, 38.5],
							firstCallS: 0.8,
							callsS: 37,
							slotsBusy: 0.5,
							correct: 600,
							failedExecutions: 1,
							calls: 4000,
							rateLimited: 2600,
							error: 'HTTP 500: Error in workflow',
						},
					],
				},
			],
		};
		const text = severalReport([several], { executions: 4, cardsPerExecution: 200, latencyMs: 150, rateLimit: 8, runs: 3 });
		expect(text).toContain('bound 800 / 8 x 0.15 s = 15.00 s');
		expect(text).toContain(
			'| CLOVA OCR node | 16.10 / 16.50 / 16.30 | 1.09 | 1.00 | 15.20 | 97% | 1.0% (8 / 808) | 0 | 3/3 runs complete |',
		);
		expect(text).toContain(
			'| HTTP Request | 38.50 | (failed) | 0.80 | 37.00 | 50% | 65.0% (2600 / 4000) | 200 | 1 of 4 executions failed in 1/1 runs: "HTTP 500: Error in workflow" |',
		);
	});
});
