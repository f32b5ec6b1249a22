/**
 * The held-body budget, and the memory the server returns once it holds no body: V8 otherwise
 * leaves some 64 MB of dead buffers per thread until its next busy spell (issue 13's settled RSS).
 */
import type { IncomingMessage } from 'http';

import { BodyBudget } from '../src/protocol/bodyBudget';
import type { StartedServer } from '../src/httpServer';
import { serveClova } from '../src/httpServer';
import { clovaJson, send } from '../../devkit/hostile/serverInputs';
import { fixture } from '../../devkit/fixtures';

const MB = 1024 * 1024;

function upload(bytes: number): IncomingMessage {
	return { headers: { 'content-length': String(bytes) } } as unknown as IncomingMessage;
}

describe('BodyBudget', () => {
	test('refuses a body that would pass the budget, but always takes a lone one', () => {
		const budget = new BodyBudget(30 * MB);
		const first = budget.reserve(upload(19 * MB), 20 * MB);
		expect(first).toBeDefined();
		expect(budget.reserve(upload(19 * MB), 20 * MB)).toBeUndefined();
		first?.release();
		expect(budget.reserve(upload(40 * MB), 20 * MB)).toBeDefined();
		expect(budget.heldBytes).toBe(20 * MB);
	});

	test('tells onEmpty, once the last body is released, how many bytes were reserved since it was last empty', () => {
		const emptied: number[] = [];
		const budget = new BodyBudget(50 * MB, (bytes) => emptied.push(bytes));
		const a = budget.reserve(upload(10 * MB), 20 * MB);
		const b = budget.reserve(upload(5 * MB), 20 * MB);
		a?.release();
		a?.release();
		expect(emptied).toEqual([]);
		b?.release();
		expect(emptied).toEqual([15 * MB]);
		budget.reserve(upload(1 * MB), 20 * MB)?.release();
		expect(emptied).toEqual([15 * MB, 1 * MB]);
	});
});

describe('the listener returns memory after large bodies', () => {
	let server: StartedServer;
	const gc = jest.fn();
	const original = globalThis.gc;
	beforeAll(async () => {
		globalThis.gc = gc;
		// A reading takes a while, so bodies sent together are held together.
		const recognize = async () => {
			await new Promise((resolve) => setTimeout(resolve, 100));
			return { kind: 'failure' as const, message: 'No card.' };
		};
		server = await serveClova({ host: '127.0.0.1', port: 0, recognize });
	});
	afterAll(async () => {
		globalThis.gc = original;
		await server.close();
	});
	beforeEach(() => gc.mockClear());

	const idle = async () => await new Promise((resolve) => setTimeout(resolve, 50));
	const json = { 'Content-Type': 'application/json' };

	test('a 17 MB body is collected once its answer is sent', async () => {
		const image = Buffer.alloc(13 * MB, 0x41);
		image.set([0xff, 0xd8, 0xff, 0xe0]);
		const answer = await send(server.url, { headers: json, body: clovaJson({ format: 'jpg', data: image }) });
		expect(answer.status).toBe(200);
		await idle();
		expect(gc).toHaveBeenCalledTimes(1);
	});

	test('bodies held at the same time count together; small ones one after another are left to V8', async () => {
		const image = Buffer.alloc(7 * MB, 0x41);
		image.set([0xff, 0xd8, 0xff, 0xe0]);
		const nine = clovaJson({ format: 'jpg', data: image });
		await Promise.all([send(server.url, { headers: json, body: nine }), send(server.url, { headers: json, body: nine })]);
		await idle();
		expect(gc).toHaveBeenCalledTimes(1);
		gc.mockClear();
		const small = clovaJson({ format: 'png', data: fixture('card-visa.png') });
		for (let i = 0; i < 10; i++) await send(server.url, { headers: json, body: small });
		await idle();
		expect(gc).not.toHaveBeenCalled();
	});
});
