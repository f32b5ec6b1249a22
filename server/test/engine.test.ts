import { join } from 'path';

import { createCardEngine } from '../src/engine/cardRecognizer';
import { DEFAULT_MODEL_OPTIONS, DEFAULT_PIPELINE } from '../src/engine/engineSettings';
import type { EncodedImage } from '../src/engine/types';
import type { PoolOutcome, RecognitionPool } from '../src/engine/workerPool';
import { createRecognitionPool } from '../src/engine/workerPool';
import { serveClova } from '../src/httpServer';
import { fixture } from '../../devkit/fixtures';
import { FAKE_RECOGNITION_WORKER } from '../../devkit/paths';

/** The fake worker reads text, not images: the family is carried along unread. */
function image(data: Buffer): EncodedImage {
	return { data, family: 'jpeg' };
}

/** An image whose Buffer owns its whole ArrayBuffer, as request bodies decoded from base64 do. */
function owned(text: string): EncodedImage {
	const bytes = Buffer.from(text);
	const copy = Buffer.from(new ArrayBuffer(bytes.length));
	bytes.copy(copy);
	return image(copy);
}

describe('recognition worker pool', () => {
	let pool: RecognitionPool;
	const errors: Error[] = [];

	beforeEach(() => {
		errors.length = 0;
		pool = createRecognitionPool({ size: 2, entry: FAKE_RECOGNITION_WORKER, onWorkerError: (error) => errors.push(error) });
	});
	afterEach(async () => await pool.close());

	test('moves the image to a worker without copying it and returns its outcome', async () => {
		await pool.ready;
		const hello = owned('hello');
		const outcome = pool.run(hello);
		// Transferred: the main thread's view of the bytes is detached.
		expect(hello.data.buffer.byteLength).toBe(0);
		expect(await outcome).toEqual({ kind: 'noCard', message: 'hello' });
	});

	test('copies a Buffer that shares its memory (Node pool slices) instead of detaching it', async () => {
		const data = Buffer.from('pooled');
		expect(await pool.run(image(data))).toEqual({ kind: 'noCard', message: 'pooled' });
		expect(data.toString()).toBe('pooled');
	});

	test('a crashed worker ends its request in a fault, is replaced, and the others keep serving', async () => {
		await pool.ready;
		const results = await Promise.all([pool.run(owned('slow 1')), pool.run(owned('crash')), pool.run(owned('after'))]);
		expect(results[1]).toEqual({ kind: 'fault', message: 'The recognition worker stopped: worker crashed on purpose' });
		expect(results[0]).toEqual({ kind: 'noCard', message: 'slow 1' });
		expect(results[2]).toEqual({ kind: 'noCard', message: 'after' });
		expect(errors.map((e) => e.message)).toEqual(['worker crashed on purpose']);
		// Without replacements two more crashes would leave no worker at all.
		expect(await pool.run(owned('crash'))).toMatchObject({ kind: 'fault' });
		expect(await pool.run(owned('crash'))).toMatchObject({ kind: 'fault' });
		expect(await pool.run(owned('still here'))).toEqual({ kind: 'noCard', message: 'still here' });
	});

	test('a request the recognizer throws on ends in a fault and the worker stays', async () => {
		expect(await pool.run(owned('throw'))).toEqual({ kind: 'fault', message: 'Recognition failed: recognizeCard threw' });
		expect(await pool.run(owned('next'))).toEqual({ kind: 'noCard', message: 'next' });
		expect(errors).toEqual([]);
	});

	test('every worker starts with the model options and pipeline settings; each job carries its family', async () => {
		const tuned = createRecognitionPool({
			size: 1,
			entry: FAKE_RECOGNITION_WORKER,
			decodeLimits: { maxPixels: 1_000_000 },
			models: { intraOpThreads: 2, memoryArena: false, rewriteGraphs: false },
			pipeline: { coarseSide: 480, targetBoxHeight: 30, maxViewSide: 1024 },
		});
		try {
			const told = (outcome: PoolOutcome) => (outcome.kind === 'noCard' ? (JSON.parse(outcome.message) as unknown) : outcome);
			expect(told(await tuned.run({ data: Buffer.from('setup'), family: 'tiff' }))).toEqual({
				decodeLimits: { maxPixels: 1_000_000 },
				models: { intraOpThreads: 2, memoryArena: false, rewriteGraphs: false },
				pipeline: { coarseSide: 480, targetBoxHeight: 30, maxViewSide: 1024 },
				family: 'tiff',
				// Its one worker is busy with this job: none is free to lend.
				idleWorkers: 0,
			});
			// Without settings a worker gets the defaults, not undefined.
			await pool.ready;
			expect(told(await pool.run(owned('setup')))).toEqual({
				models: DEFAULT_MODEL_OPTIONS,
				pipeline: DEFAULT_PIPELINE,
				family: 'jpeg',
				idleWorkers: 1,
			});
		} finally {
			await tuned.close();
		}
	});

	test('a lone request lends crops to the idle worker and gets its reading back', async () => {
		await pool.ready;
		expect(await pool.run(owned('borrow 120 300'))).toEqual({ kind: 'noCard', message: '[[{"char":"120"}],[{"char":"300"}]]' });
		expect(pool.lent()).toBe(1);
	});

	test('with no idle worker the crops come back unread, for the worker to read itself', async () => {
		const single = createRecognitionPool({ size: 1, entry: FAKE_RECOGNITION_WORKER });
		try {
			expect(await single.run(owned('borrow 120'))).toEqual({ kind: 'noCard', message: 'null' });
			expect(single.lent()).toBe(0);
		} finally {
			await single.close();
		}
		// The other worker busy with a request of its own: it lends nothing.
		await pool.ready;
		const both = await Promise.all([pool.run(owned('slow 1')), pool.run(owned('borrow 2'))]);
		expect(both).toEqual([
			{ kind: 'noCard', message: 'slow 1' },
			{ kind: 'noCard', message: 'null' },
		]);
		expect(pool.lent()).toBe(0);
	});

	test('a request that arrives while a worker lends recalls it after its current crop', async () => {
		await pool.ready;
		// The lender reads a crop every 50 ms; a request sent meanwhile finds no free worker and queues.
		const lending = pool.run(owned('borrow 7 8 9 10'));
		await new Promise((resolve) => setTimeout(resolve, 75));
		const later = pool.run(owned('after'));
		expect(pool.busy()).toBe(1);
		const [lent, after] = await Promise.all([lending, later]);
		expect(after).toEqual({ kind: 'noCard', message: 'after' });
		// The lender answered for the crops it had read; the borrower read the rest itself.
		expect(lent).toEqual({ kind: 'noCard', message: '[[{"char":"7"}],[{"char":"8"}],[{"char":"self 9"}],[{"char":"self 10"}]]' });
	});

	/** Sends lone borrowing requests until one is lent: a crashed worker's replacement is loading its models meanwhile. */
	async function untilLending(): Promise<void> {
		for (let attempt = 0; attempt < 100; attempt++) {
			const outcome = await pool.run(owned('borrow 5'));
			if (outcome.kind === 'noCard' && outcome.message !== 'null') return;
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		throw new Error('no worker lent within 5 s');
	}

	test('a lender that dies or fails mid-read gives the crops back unread and is replaced', async () => {
		await pool.ready;
		expect(await pool.run(owned('borrow 666'))).toEqual({ kind: 'noCard', message: 'null' });
		expect(errors.map((e) => e.message)).toEqual(['lender crashed on purpose']);
		await untilLending();
		const lent = pool.lent();
		expect(await pool.run(owned('borrow 404'))).toEqual({ kind: 'noCard', message: 'null' });
		// It was lent, and the lender's failure came back as null.
		expect(pool.lent()).toBe(lent + 1);
		expect(await pool.run(owned('borrow 5'))).toEqual({ kind: 'noCard', message: '[[{"char":"5"}]]' });
	});

	test('close answers queued requests instead of leaving them hanging', async () => {
		const queued = [pool.run(owned('slow 1')), pool.run(owned('slow 2')), pool.run(owned('slow 3'))];
		await pool.close();
		for (const outcome of await Promise.all(queued)) expect(outcome).toMatchObject({ kind: 'fault' });
	});

	test('a worker that cannot start rejects ready and fails requests instead of hanging', async () => {
		const broken = createRecognitionPool({ size: 1, entry: join(__dirname, 'no-such-worker.js'), onWorkerError: () => undefined });
		const queued = broken.run(owned('x'));
		await expect(broken.ready).rejects.toThrow();
		expect(await queued).toMatchObject({ kind: 'fault' });
		expect(await broken.run(owned('y'))).toMatchObject({ kind: 'fault' });
		await broken.close();
	});
});

describe('card engine', () => {
	test('admits concurrency + queueLimit requests, answers busy beyond, and reads a card on a worker', async () => {
		const engine = await createCardEngine({ concurrency: 1, queueLimit: 1 });
		try {
			const first = engine.admit();
			const second = engine.admit();
			expect(first).toBeDefined();
			expect(second).toBeDefined();
			expect(engine.admit()).toBeUndefined();
			expect(await engine.recognize(image(fixture('card-amex.jpg')))).toEqual({ kind: 'busy' });
			second?.release();
			second?.release();
			expect(engine.stats()).toMatchObject({ queued: 1, concurrency: 1, rejected: 2 });
			const outcome = await first?.recognize(image(fixture('card-amex.jpg')));
			// What it reads is recognition.test.ts's business; here only that a worker answered.
			expect(['card', 'noCard']).toContain(outcome?.kind);
			expect(engine.stats()).toEqual({ active: 0, queued: 0, concurrency: 1, served: 1, rejected: 2, lent: 0 });
			await expect(engine.ready).resolves.toEqual({ loadMs: expect.any(Number) });
		} finally {
			await engine.close();
		}
	});
});

describe('card engine: a lone request on two workers', () => {
	test('lends recognition crops to the idle worker and reads exactly what one worker reads', async () => {
		// Read afresh for each engine: an image moves to its worker and is gone here.
		const cards = () => [image(fixture('card-amex.jpg')), { data: fixture('card-visa.png'), family: 'png' as const }];
		const one = await createCardEngine({ concurrency: 1 });
		const alone = [];
		try {
			for (const card of cards()) alone.push(await one.recognize(card));
			expect(one.stats().lent).toBe(0);
		} finally {
			await one.close();
		}
		const two = await createCardEngine({ concurrency: 2 });
		try {
			await two.ready;
			const lending = [];
			for (const card of cards()) lending.push(await two.recognize(card));
			expect(lending).toEqual(alone);
			expect(alone.map((outcome) => outcome.kind)).toEqual(['card', 'card']);
			expect(two.stats().lent).toBeGreaterThanOrEqual(2);
		} finally {
			await two.close();
		}
	});
});

describe('admission before the body is read', () => {
	test('no room answers 0025 with Retry-After; a body that fails to parse gives its place back', async () => {
		let room = true;
		const events: string[] = [];
		const server = await serveClova({
			host: '127.0.0.1',
			port: 0,
			recognize: async () => ({ kind: 'serviceError', code: '0500' }),
			admit: () => {
				if (!room) return undefined;
				events.push('admit');
				return {
					recognize: async () => {
						events.push('recognize');
						return { kind: 'failure', message: 'none' };
					},
					release: () => events.push('release'),
				};
			},
		});
		const post = async (body: string) => {
			const response = await fetch(`${server.url}/document/credit-card`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body,
			});
			return { status: response.status, retry: response.headers.get('retry-after'), body: (await response.json()) as { code?: string } };
		};
		try {
			const png = fixture('card-visa.png').toString('base64');
			const valid = JSON.stringify({ version: 'V2', requestId: 'a', timestamp: 0, images: [{ format: 'png', name: 'a', data: png }] });
			expect((await post(valid)).status).toBe(200);
			expect(await post('{"version": "V2",')).toMatchObject({ status: 400, body: { code: '0011' } });
			expect(events).toEqual(['admit', 'recognize', 'admit', 'release']);
			room = false;
			expect(await post(valid)).toEqual({
				status: 400,
				retry: '1',
				body: { code: '0025', message: 'Calls to this API have exceeded the rate limit.' },
			});
			expect(events).toHaveLength(4);
		} finally {
			await server.close();
		}
	});
});
