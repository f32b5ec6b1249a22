import { Agent, request } from 'http';
import type { IncomingHttpHeaders } from 'http';
import { join } from 'path';
import { readFileSync } from 'fs';

import type { StartedServer } from '../src/httpServer';
import { serveClova } from '../src/httpServer';
import type { RecognitionOutcome } from '../src/protocol';
import { fixture, sampleTruth } from '../../devkit/fixtures';
import type { RunningServer } from '../../devkit/localServer/launch';
import { startLocalServer } from '../../devkit/localServer/launch';
import { SAMPLES } from '../../devkit/paths';

const SECRET = 'drain-secret';

interface Answer {
	status: number;
	headers: IncomingHttpHeaders;
	body: Record<string, unknown>;
}

/** One JSON-mode request as bytes, so a test can send part of it and hold the rest back. */
function creditCardBody(name: string, data: Buffer): Buffer {
	const format = name.split('.').pop() ?? 'png';
	return Buffer.from(
		JSON.stringify({ version: 'V2', requestId: `drain-${name}`, timestamp: 0, images: [{ format, name, data: data.toString('base64') }] }),
	);
}

/**
 * Through node:http rather than fetch, to read the Connection header and to send a body in two
 * parts. `hold` keeps the last byte back until it resolves.
 */
async function send(
	base: string,
	method: 'GET' | 'POST',
	path: string,
	body?: Buffer,
	hold?: Promise<void>,
	agent?: Agent,
): Promise<Answer> {
	return await new Promise<Answer>((resolve, reject) => {
		const req = request(
			`${base}${path}`,
			{
				method,
				agent,
				headers: body ? { 'Content-Type': 'application/json', 'Content-Length': body.length, 'X-OCR-SECRET': SECRET } : {},
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						headers: res.headers,
						body: JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>,
					}),
				);
			},
		);
		req.on('error', reject);
		if (!body) {
			req.end();
			return;
		}
		if (!hold) {
			req.end(body);
			return;
		}
		req.write(body.subarray(0, body.length - 1));
		void hold.then(() => req.end(body.subarray(body.length - 1)));
	});
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

const CARD: RecognitionOutcome = { kind: 'success', width: 100, height: 60, fields: {} };

describe('drain: a stopping server answers what it took and refuses the rest (scripted recognizer)', () => {
	let server: StartedServer;
	let started = 0;
	let release: () => void;
	let released: Promise<void>;

	beforeEach(async () => {
		started = 0;
		released = new Promise<void>((resolve) => (release = resolve));
		server = await serveClova({
			host: '127.0.0.1',
			port: 0,
			secret: SECRET,
			recognize: async () => {
				started += 1;
				await released;
				return CARD;
			},
		});
	});
	afterEach(async () => {
		release();
		await server.close();
	});

	const body = creditCardBody('card-visa.png', fixture('card-visa.png'));

	test('a request being recognised is answered; meanwhile new ones and /healthz answer 503; the drain ends with the answer', async () => {
		const taken = send(server.url, 'POST', '/document/credit-card', body);
		await until(() => started === 1, 'the recognizer to start');
		const drained = server.drain(10_000);

		const health = await send(server.url, 'GET', '/healthz');
		expect(health.status).toBe(503);
		expect(health.body.status).toBe('draining');

		const refused = await send(server.url, 'POST', '/document/credit-card', body);
		expect(refused.status).toBe(503);
		expect(refused.body).toEqual({ code: '0500', message: expect.stringContaining('shutting down') });
		expect(refused.headers['retry-after']).toBe('1');
		expect(refused.headers.connection).toBe('close');
		expect(started).toBe(1);

		release();
		const answer = await taken;
		expect(answer.status).toBe(200);
		expect(answer.body.requestId).toBe('drain-card-visa.png');
		// Answered before the drain began, written after: it still closes its connection.
		expect(answer.headers.connection).toBe('close');
		await expect(drained).resolves.toMatchObject({ idle: true, unanswered: 0 });
	});

	test('a request whose body is still arriving when the drain starts is read and answered', async () => {
		let finishUpload: () => void = () => undefined;
		const uploaded = new Promise<void>((resolve) => (finishUpload = resolve));
		const taken = send(server.url, 'POST', '/document/credit-card', body, uploaded);
		await until(() => server.inFlight() === 1, 'the request to arrive');
		const drained = server.drain(10_000);
		finishUpload();
		await until(() => started === 1, 'the recognizer to start');
		release();
		expect((await taken).status).toBe(200);
		await expect(drained).resolves.toMatchObject({ idle: true });
	});

	test('with nothing in flight the drain ends at once and idle keep-alive connections close', async () => {
		const agent = new Agent({ keepAlive: true, maxSockets: 1 });
		try {
			expect((await send(server.url, 'GET', '/healthz', undefined, undefined, agent)).status).toBe(200);
			const [socket] = Object.values(agent.freeSockets).flat();
			expect(socket).toBeDefined();
			const closed = new Promise<void>((resolve) => socket?.once('close', () => resolve()));
			const result = await server.drain(10_000);
			expect(result).toMatchObject({ idle: true, unanswered: 0 });
			expect(result.ms).toBeLessThan(1000);
			await closed;
		} finally {
			agent.destroy();
		}
	});

	test('the drain gives up after its timeout and says how many were left', async () => {
		const taken = send(server.url, 'POST', '/document/credit-card', body).then(
			() => 'answered',
			(error: NodeJS.ErrnoException) => error.code,
		);
		await until(() => started === 1, 'the recognizer to start');
		const result = await server.drain(300);
		expect(result).toMatchObject({ idle: false, unanswered: 1 });
		expect(result.ms).toBeGreaterThanOrEqual(290);
		await server.close();
		// Cut when the process stops: the client sees a reset, which it retries.
		expect(await taken).toBe('ECONNRESET');
	});
});

describe('drain: the real CLI on SIGTERM', () => {
	let server: RunningServer | undefined;
	afterEach(async () => {
		server?.signal('SIGKILL');
		await server?.exited;
	});

	test('cards taken before SIGTERM are read exactly, new work gets 503, /healthz says draining, then exit 0', async () => {
		server = await startLocalServer(['--concurrency', '1', '--secret', SECRET, '--quiet']);
		const running = server;
		// Sent at once, most while the models still load: the drain must cover queued work too. Five
		// cards on one worker leave over a second of work when SIGTERM comes, so the checks below run
		// while the drain is still answering.
		const cards = ['photo-000.jpg', 'photo-001.jpg', 'photo-002.jpg', 'hard-000.jpg', 'flat-000.png'];
		const answers = cards.map((file) =>
			send(running.url, 'POST', '/document/credit-card', creditCardBody(file, readFileSync(join(SAMPLES, file)))),
		);
		await until(async () => (await taken(running.url)) === cards.length, 'the cards to be taken');
		running.signal('SIGTERM');
		await until(() => running.events.some((event) => event.event === 'draining'), 'the draining line');
		const draining = running.events.find((event) => event.event === 'draining');
		expect(draining).toMatchObject({ signal: 'SIGTERM', drainSeconds: 30 });
		expect(draining?.inFlight).toBeGreaterThanOrEqual(cards.length - 1);

		const health = await send(running.url, 'GET', '/healthz');
		expect(health.status).toBe(503);
		expect(health.body.status).toBe('draining');
		const refused = await send(
			running.url,
			'POST',
			'/document/credit-card',
			creditCardBody('flat-001.jpg', readFileSync(join(SAMPLES, 'flat-001.jpg'))),
		);
		expect(refused.status).toBe(503);
		expect(refused.body.code).toBe('0500');

		for (const [index, answer] of (await Promise.all(answers)).entries()) {
			expect(answer.status).toBe(200);
			const images = answer.body.images as Array<{ creditCard: { result: Record<string, { text: string }> } }>;
			const result = images[0].creditCard.result;
			const truth = sampleTruth[cards[index]];
			expect({ name: result.name?.text, number: result.number?.text, validThru: result.validThru?.text }).toEqual({
				name: truth.name,
				number: truth.number,
				validThru: truth.validThru,
			});
		}
		expect(await running.exited).toEqual({ code: 0, signal: null });
		expect(running.events.at(-1)).toMatchObject({ event: 'stopped', idle: true, unanswered: 0 });
	}, 90_000);
});

/** Requests the engine has taken (waiting, being read or answered), as /healthz reports them. */
async function taken(base: string): Promise<number> {
	const stats = (await send(base, 'GET', '/healthz')).body as { active: number; queued: number; served: number };
	return stats.active + stats.queued + stats.served;
}
