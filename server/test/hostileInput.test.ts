/**
 * Issue 13, the server's rows: each input as an attacker sends it, against the real HTTP listener
 * (a scripted recognizer, no models) or the real decoder. Each test fails without its fix; the
 * figures with real models are in test-hostile.
 */
import { connect } from 'net';
import type { Socket } from 'net';

import type { RequestLogEntry } from '../src/protocol';
import type { StartedServer } from '../src/httpServer';
import { serveClova } from '../src/httpServer';
import type { Admission, RecognitionOutcome } from '../src/protocol';
import { DecodeError, decodeImage } from '../src/engine/decode';
import { createRecognitionPool } from '../src/engine/workerPool';
import { answerCode, answerField, clovaJson, inflateBombPdf, pixelBombPdf, send } from '../../devkit/hostile/serverInputs';
import { fixture } from '../../devkit/fixtures';
import { FAKE_RECOGNITION_WORKER } from '../../devkit/paths';

const png = fixture('card-visa.png');
const json = { 'Content-Type': 'application/json' };
const noCard: RecognitionOutcome = { kind: 'failure', message: 'No credit card found in the image.' };

async function serve(options: Partial<Parameters<typeof serveClova>[0]> = {}): Promise<{ server: StartedServer; logs: RequestLogEntry[] }> {
	const logs: RequestLogEntry[] = [];
	const server = await serveClova({
		host: '127.0.0.1',
		port: 0,
		recognize: async () => noCard,
		log: (entry) => logs.push(entry),
		...options,
	});
	return { server, logs };
}

describe('hostile requests to the listener', () => {
	let server: StartedServer;
	let logs: RequestLogEntry[];
	beforeAll(async () => ({ server, logs } = await serve()));
	afterAll(async () => await server.close());

	test('row 3: of 40 concurrent 19 MB bodies only 2 are read (2 x 20 MB held at most), though the queue has room for 80', async () => {
		const { server: busy, logs: busyLogs } = await serve({
			// A 16-core machine's default queue: 16 workers + 64 waiting.
			admit: (() => {
				let admitted = 0;
				return (): Admission | undefined => {
					if (admitted >= 80) return undefined;
					admitted += 1;
					return {
						recognize: async () => {
							await new Promise((resolve) => setTimeout(resolve, 300));
							admitted -= 1;
							return noCard;
						},
						release: () => (admitted -= 1),
					};
				};
			})(),
		});
		try {
			const image = Buffer.alloc(14.5 * 1024 * 1024, 0x41);
			image.set([0xff, 0xd8, 0xff, 0xe0]);
			const body = clovaJson({ format: 'jpg', data: image });
			const answers = await Promise.all(Array.from({ length: 40 }, async () => await send(busy.url, { headers: json, body })));
			const read = busyLogs.filter((entry) => entry.mode !== null).length;
			// Refused unread: 0025, or (bodies over 16 MB) the connection closed after it, the upload cut.
			const refused = answers.filter((answer) => answerCode(answer) === '0025' || answer.cut).length;
			expect({ read, refused }).toEqual({ read: 2, refused: 38 });
		} finally {
			await busy.close();
		}
	});

	test('row 3: a refused upload that goes on sending is not read after its answer', async () => {
		// Node reads a body nobody took to its end once the answer is sent: 38 refused uploads of the
		// catalogue were read at full speed on the main thread, and /healthz waited 100-200 ms.
		const { server: full } = await serve({ admit: () => undefined });
		const accepted: Socket[] = [];
		full.server.on('connection', (socket: Socket) => accepted.push(socket));
		const { port } = new URL(full.url);
		const client = connect(Number(port), '127.0.0.1');
		try {
			const declared = 19 * 1024 * 1024;
			let answer = '';
			client.on('data', (data: Buffer) => (answer += data.toString()));
			client.on('error', () => undefined);
			client.write(
				`POST /document/credit-card HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${declared}\r\n\r\n`,
			);
			// A client that reads nothing until its upload is done: it sends for a second whatever the server says.
			const chunk = Buffer.alloc(256 * 1024, 0x41);
			const until = Date.now() + 1_000;
			for (let sent = 0; sent + chunk.length <= declared && Date.now() < until; sent += chunk.length) {
				if (client.write(chunk)) continue;
				await new Promise((resolve) => {
					const timer = setTimeout(resolve, Math.max(0, until - Date.now()));
					client.once('drain', () => resolve(clearTimeout(timer)));
				});
			}
			expect(answer).toContain('"code":"0025"');
			expect(accepted).toHaveLength(1);
			// The headers and the chunk or two buffered before the refusal; without the fix, all 19 MB.
			expect(accepted[0].bytesRead).toBeLessThan(1024 * 1024);
		} finally {
			client.destroy();
			await full.close();
		}
	});

	test('row 4: a 10 MB body nested 5 million levels is refused on its first bytes, never parsed', async () => {
		const body = Buffer.from('['.repeat(5_000_000) + ']'.repeat(5_000_000));
		const rssBefore = process.memoryUsage().rss;
		const answer = await send(server.url, { headers: json, body });
		// JSON.parse of it took 500 MB.
		expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);
		expect({ status: answer.status, code: answerCode(answer) }).toEqual({ status: 400, code: '0011' });
		expect(answer.body).toContain('nested deeper than 32 levels');
	});

	test('row 4: a multipart message nested deep is refused before JSON.parse', async () => {
		const form = new FormData();
		form.append('message', '{"a":' + '['.repeat(40_000) + ']'.repeat(40_000) + '}');
		form.append('file', new Blob([png]), 'card.png');
		const response = await fetch(`${server.url}/document/credit-card`, { method: 'POST', body: form });
		expect(await response.json()).toMatchObject({ code: '0011', message: expect.stringContaining('nested deeper than 32 levels') });
	});

	test.each([
		['a foreign Origin', { Origin: 'https://evil.example' }, /Requests from web pages \(Origin "https:\/\/evil\.example"\)/],
		['another loopback port as Origin', { Origin: 'http://127.0.0.1:1' }, /Requests from web pages/],
		['a sandboxed page (Origin null)', { Origin: 'null' }, /Requests from web pages/],
		['a rebound name as Host', { Host: 'rebound.evil.example' }, /Host "rebound\.evil\.example" is not this machine/],
	])('row 6: without a secret, %s is refused (401/0002), with no CORS header', async (_, headers, message) => {
		const answer = await send(server.url, { headers: { ...json, ...headers }, body: clovaJson({ format: 'png', data: png }) });
		expect({ status: answer.status, code: answerCode(answer) }).toEqual({ status: 401, code: '0002' });
		expect(answerField(answer, 'message')).toMatch(message);
		expect(answer.headers['access-control-allow-origin']).toBeUndefined();
	});

	test('row 6: a CORS preflight from another origin is refused and allows nothing', async () => {
		const answer = await send(server.url, {
			method: 'OPTIONS',
			headers: {
				Origin: 'https://evil.example',
				'Access-Control-Request-Method': 'POST',
				'Access-Control-Request-Headers': 'content-type',
			},
		});
		expect(answer.status).toBe(401);
		expect(Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
	});

	test("row 6: the server's own loopback origin, and programs that send no Origin, are served", async () => {
		const port = new URL(server.url).port;
		const own = await send(server.url, {
			headers: { ...json, Origin: `http://127.0.0.1:${port}` },
			body: clovaJson({ format: 'png', data: png }),
		});
		const localhost = await send(server.url, {
			headers: { ...json, Host: `localhost:${port}` },
			body: clovaJson({ format: 'png', data: png }),
		});
		expect([own.status, localhost.status]).toEqual([200, 200]);
	});

	test("row 6: with a secret, Host and Origin are the secret check's business", async () => {
		const { server: guarded } = await serve({ secret: 'sekret-123' });
		try {
			const answer = await send(guarded.url, {
				headers: { ...json, Host: 'ocr.internal:8866', 'X-OCR-SECRET': 'sekret-123' },
				body: clovaJson({ format: 'png', data: png }),
			});
			expect(answer.status).toBe(200);
		} finally {
			await guarded.close();
		}
	});

	test('row 7: a 15 MB version, a 10 MB requestId and a 300-character name are refused without being echoed or logged', async () => {
		const [version, requestId, longId, name] = await Promise.all([
			send(server.url, { headers: json, body: clovaJson({ format: 'png', data: png }, { version: 'V'.repeat(15_000_000) }) }),
			send(server.url, { headers: json, body: clovaJson({ format: 'png', data: png }, { requestId: 'r'.repeat(10_000_000) }) }),
			send(server.url, { headers: json, body: clovaJson({ format: 'png', data: png }, { requestId: 'r'.repeat(300) }) }),
			send(server.url, { headers: json, body: clovaJson({ format: 'png', data: png, name: 'n'.repeat(300) }) }),
		]);
		expect(version.body).toContain('more than 64 KB besides images[0].data');
		expect(requestId.body).toContain('more than 64 KB besides images[0].data');
		expect(longId.body).toContain('requestId is 300 characters long; at most 256');
		expect(name.body).toContain('images[0].name is 300 characters long; at most 256');
		for (const answer of [version, requestId, longId, name]) expect(answer.body.length).toBeLessThan(300);
		expect(Math.max(...logs.map((entry) => JSON.stringify(entry).length))).toBeLessThan(500);
	});

	test('row 7: a version string that is merely wrong is quoted clipped', async () => {
		const answer = await send(server.url, {
			headers: json,
			body: clovaJson({ format: 'png', data: png }, { version: 'W'.repeat(50_000) }),
		});
		expect(answerCode(answer)).toBe('0021');
		expect(answer.body.length).toBeLessThan(200);
	});

	test('row 8: chunked multipart with a 286 MB file is answered 0011 soon after 20 MB have passed, and the upload is cut', async () => {
		const boundary = 'b0undary';
		const head = Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="message"\r\n\r\n` +
				'{"version":"V2","requestId":"r","timestamp":0,"images":[{"format":"jpg","name":"big"}]}\r\n' +
				`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.jpg"\r\n\r\n`,
		);
		const megabyte = Buffer.alloc(1024 * 1024, 0x42);
		let written = 0;
		const answer = await send(server.url, {
			headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Transfer-Encoding': 'chunked' },
			write: async (chunk) => {
				if (!(await chunk(head))) return;
				for (; written < 286; written++) if (!(await chunk(megabyte))) return;
			},
		});
		expect({ status: answer.status, code: answerCode(answer) }).toEqual({ status: 400, code: '0011' });
		// 20 MB read, then at most 20 MB more thrown away before the answer and the cut.
		expect(answer.bytesSentAtAnswer).toBeLessThan(64 * 1024 * 1024);
		// The server stopped reading: the client could not send the rest.
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect(written).toBeLessThan(100);
	});

	test('row 8: a body declaring 286 MB is refused before any of it is sent', async () => {
		const answer = await send(server.url, {
			headers: { ...json, 'Content-Length': String(286 * 1024 * 1024) },
			write: async () => await new Promise((resolve) => setTimeout(resolve, 3_000)),
		});
		expect({ status: answer.status, code: answerCode(answer), sent: answer.bytesSentAtAnswer }).toEqual({
			status: 400,
			code: '0011',
			sent: 0,
		});
		expect(answer.ms).toBeLessThan(1_000);
	});
});

describe('hostile PDFs to the decoder', () => {
	test('row 1: a PDF drawing a 10000 x 10000 JPEG is refused from its header, with nothing decoded', async () => {
		const pdf = await pixelBombPdf();
		const started = performance.now();
		const rssBefore = process.memoryUsage().rss;
		await expect(decodeImage({ data: pdf, family: 'pdf' })).rejects.toThrow(
			new DecodeError('badInput', 'The PDF holds a 10000x10000 pixel image, over the 40 megapixel limit.'),
		);
		expect(performance.now() - started).toBeLessThan(1_000);
		expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);
	});

	test('row 2: a 205 KB PDF whose content stream inflates to 200 MB is refused once 48 MB have inflated', async () => {
		const pdf = inflateBombPdf();
		expect(pdf.length).toBeLessThan(210 * 1024);
		const rssBefore = process.memoryUsage().rss;
		await expect(decodeImage({ data: pdf, family: 'pdf' })).rejects.toThrow("The PDF's compressed streams inflate to more than 48 MB.");
		expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);
	});
});

describe('a worker that takes too long', () => {
	test('is stopped at the job deadline: the request ends unreadable and a new worker serves the next', async () => {
		const errors: Error[] = [];
		const pool = createRecognitionPool({
			size: 1,
			entry: FAKE_RECOGNITION_WORKER,
			jobTimeoutMs: 100,
			onWorkerError: (error) => errors.push(error),
		});
		try {
			await pool.ready;
			const slow = await pool.run({ data: Buffer.from('slow'), family: 'png' });
			expect(slow).toEqual({ kind: 'unreadable', message: 'Read page:0 error: the image took longer than 0.1 s to read.' });
			expect(await pool.run({ data: Buffer.from('fast'), family: 'png' })).toEqual({ kind: 'noCard', message: 'fast' });
			expect(errors).toHaveLength(1);
		} finally {
			await pool.close();
		}
	});
});
