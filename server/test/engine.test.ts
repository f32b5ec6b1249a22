import { join } from 'path';

import { createCardEngine } from '../src/engine/cardRecognizer';
import { serveClova } from '../src/httpServer';
import type { RecognitionPool } from '../src/engine/workerPool';
import { createRecognitionPool } from '../src/engine/workerPool';
import type { CreditCardRequest } from '../src/protocol';
import { fixture } from '../../devkit/fixtures';
import { FAKE_RECOGNITION_WORKER } from '../../devkit/paths';


/** A Buffer that owns its whole ArrayBuffer, as request bodies decoded from base64 do. */
function owned(text: string): Buffer {
	const bytes = Buffer.from(text);
	const copy = Buffer.from(new ArrayBuffer(bytes.length));
	bytes.copy(copy);
	return copy;
}

function request(data: Buffer): CreditCardRequest {
	return { mode: 'json', version: 'V2', requestId: 'r', timestamp: 0, image: { format: 'jpg', name: 'card', data } };
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
		const data = owned('hello');
		const outcome = pool.run(data);
		// Transferred: the main thread's view of the bytes is detached.
		expect(data.buffer.byteLength).toBe(0);
		expect(await outcome).toEqual({ kind: 'failure', message: 'hello' });
	});

	test('copies a Buffer that shares its memory (Node pool slices) instead of detaching it', async () => {
		const data = Buffer.from('pooled');
		expect(await pool.run(data)).toEqual({ kind: 'failure', message: 'pooled' });
		expect(data.toString()).toBe('pooled');
	});

	test('a crashed worker answers 0501, is replaced, and the others keep serving', async () => {
		await pool.ready;
		const results = await Promise.all([pool.run(owned('slow 1')), pool.run(owned('crash')), pool.run(owned('after'))]);
		expect(results[1]).toMatchObject({ kind: 'serviceError', code: '0501' });
		expect(results[0]).toEqual({ kind: 'failure', message: 'slow 1' });
		expect(results[2]).toEqual({ kind: 'failure', message: 'after' });
		expect(errors.map((e) => e.message)).toEqual(['worker crashed on purpose']);
		// Without replacements two more crashes would leave no worker at all.
		expect(await pool.run(owned('crash'))).toMatchObject({ kind: 'serviceError', code: '0501' });
		expect(await pool.run(owned('crash'))).toMatchObject({ kind: 'serviceError', code: '0501' });
		expect(await pool.run(owned('still here'))).toEqual({ kind: 'failure', message: 'still here' });
	});

	test('a request the recognizer throws on answers 0501 and the worker stays', async () => {
		expect(await pool.run(owned('throw'))).toMatchObject({ kind: 'serviceError', code: '0501' });
		expect(await pool.run(owned('next'))).toEqual({ kind: 'failure', message: 'next' });
		expect(errors).toEqual([]);
	});

	test('close answers queued requests instead of leaving them hanging', async () => {
		const queued = [pool.run(owned('slow 1')), pool.run(owned('slow 2')), pool.run(owned('slow 3'))];
		await pool.close();
		for (const outcome of await Promise.all(queued)) expect(outcome).toMatchObject({ kind: 'serviceError', code: '0501' });
	});

	test('a worker that cannot start rejects ready and fails requests instead of hanging', async () => {
		const broken = createRecognitionPool({ size: 1, entry: join(__dirname, 'no-such-worker.js'), onWorkerError: () => undefined });
		const queued = broken.run(owned('x'));
		await expect(broken.ready).rejects.toThrow();
		expect(await queued).toMatchObject({ kind: 'serviceError', code: '0501' });
		expect(await broken.run(owned('y'))).toMatchObject({ kind: 'serviceError', code: '0501' });
		await broken.close();
	});
});

describe('card engine', () => {
	test('admits concurrency + queueLimit requests, refuses more with 0025, and reads a card on a worker', async () => {
		const engine = await createCardEngine({ concurrency: 1, queueLimit: 1 });
		try {
			const first = engine.admit();
			const second = engine.admit();
			expect(first).toBeDefined();
			expect(second).toBeDefined();
			expect(engine.admit()).toBeUndefined();
			expect(await engine.recognize(request(fixture('card-amex.jpg')))).toMatchObject({ kind: 'serviceError', code: '0025' });
			second?.release();
			second?.release();
			expect(engine.stats()).toMatchObject({ queued: 1, concurrency: 1, rejected: 2 });
			const outcome = await first?.recognize(request(fixture('card-amex.jpg')));
			// What it reads is recognition.test.ts's business; here only that a worker answered.
			expect(['success', 'failure']).toContain(outcome?.kind);
			expect(engine.stats()).toEqual({ active: 0, queued: 0, concurrency: 1, served: 1, rejected: 2 });
			await expect(engine.ready).resolves.toEqual({ loadMs: expect.any(Number) });
		} finally {
			await engine.close();
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
			const response = await fetch(`${server.url}/document/credit-card`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
			return { status: response.status, retry: response.headers.get('retry-after'), body: (await response.json()) as { code?: string } };
		};
		try {
			const png = fixture('card-visa.png').toString('base64');
			const valid = JSON.stringify({ version: 'V2', requestId: 'a', timestamp: 0, images: [{ format: 'png', name: 'a', data: png }] });
			expect((await post(valid)).status).toBe(200);
			expect(await post('{"version": "V2",')).toMatchObject({ status: 400, body: { code: '0011' } });
			expect(events).toEqual(['admit', 'recognize', 'admit', 'release']);
			room = false;
			expect(await post(valid)).toEqual({ status: 400, retry: '1', body: { code: '0025', message: 'Calls to this API have exceeded the rate limit.' } });
			expect(events).toHaveLength(4);
		} finally {
			await server.close();
		}
	});
});
