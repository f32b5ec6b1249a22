/**
 * Issue 13, the node's rows: a peer on 127.0.0.1 that answers as a broken or hostile CLOVA
 * endpoint would. Each test runs that peer against the node (or the credentials test) in-process.
 */
import { inspect } from 'util';
import { createGzip } from 'zlib';

import type { INodeExecutionData } from 'n8n-workflow';

import { HostilePeer } from '../devkit/clova/hostilePeer';
import { fixtureInput } from '../devkit/fixtures';
import { runCredentialTest } from '../devkit/n8n/credentialTester';
import { NODE_TYPE, binaryItems, runNode } from '../devkit/n8n/harness';

const SECRET = 'Sx9-hostile-peer-secret-42';
const CARD_MB = 1024 * 1024;

/** A CLOVA success answer whose first image is `image`. */
function success(image: Record<string, unknown>): string {
	return JSON.stringify({ version: 'V2', requestId: 'r', timestamp: 1, images: [{ uid: 'u', name: 'card', ...image }] });
}

const GOOD_IMAGE = {
	inferResult: 'SUCCESS',
	message: 'SUCCESS',
	creditCard: {
		result: {
			name: { text: 'NOAH YOON', confidenceScore: 0.99, boundingPoly: { vertices: [{ x: 1, y: 2 }] } },
			number: { text: '4111111111111111', confidenceScore: 0.99 },
			validThru: { text: '09/35', confidenceScore: 0.99 },
		},
	},
};

describe('CLOVA OCR node against hostile peers', () => {
	const peer = new HostilePeer();
	let baseUrl: string;

	beforeAll(async () => {
		baseUrl = await peer.start();
	});
	afterAll(async () => await peer.stop());
	beforeEach(() => peer.reset());

	async function run(parameters: Record<string, unknown> = {}, extra: { cancelSignal?: AbortSignal } = {}): Promise<INodeExecutionData> {
		const items = await binaryItems([fixtureInput('card-visa.png')]);
		const output = await runNode(items, {
			credentials: { invokeUrl: baseUrl, secretKey: SECRET },
			parameters: { options: { maxRetries: 0 }, ...parameters },
			continueOnFail: true,
			cancelSignal: extra.cancelSignal,
		});
		expect(output).toHaveLength(1);
		return output[0];
	}

	/** What the node threw, with continueOnFail off: the error n8n shows, cause and all. */
	async function thrown(parameters: Record<string, unknown> = {}): Promise<Error> {
		const items = await binaryItems([fixtureInput('card-visa.png')]);
		try {
			await runNode(items, {
				credentials: { invokeUrl: baseUrl, secretKey: SECRET },
				parameters: { options: { maxRetries: 0 }, ...parameters },
			});
		} catch (error) {
			return error as Error;
		}
		throw new Error('the node did not fail');
	}

	function json(status: number, body: string, headers: Record<string, string> = {}): void {
		peer.handler = (_req, res) => {
			res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
			res.end(body);
		};
	}

	describe('row 9: the answer is read up to 4 MB, then the connection is closed', () => {
		test('a 64 MB body: the node stops reading near 4 MB and says so', async () => {
			const chunk = Buffer.alloc(64 * 1024, 'x');
			peer.handler = async (_req, res) => {
				res.writeHead(200, { 'Content-Type': 'application/json' });
				await peer.stream(res, 64 * CARD_MB, chunk);
			};
			const { json: out } = await run();
			expect(out).toMatchObject({ errorCode: 'RESPONSE_TOO_LARGE', error: 'CLOVA OCR answered with more than 4 MB' });
			// 4 MB read plus what socket buffers on both sides hold (a few MB on loopback).
			expect(peer.bytesWritten).toBeLessThan(16 * CARD_MB);
		});

		test('a declared Content-Length over the cap is refused before reading a byte', async () => {
			peer.handler = async (_req, res) => {
				res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(1024 * CARD_MB) });
				await peer.stream(res, 64 * CARD_MB, Buffer.alloc(64 * 1024, 'x'));
			};
			const { json: out } = await run();
			expect(out).toMatchObject({ errorCode: 'RESPONSE_TOO_LARGE' });
			expect(String(out.errorDescription)).toContain(`declared ${1024 * CARD_MB} bytes`);
			expect(peer.bytesWritten).toBeLessThan(16 * CARD_MB);
		});

		test('a gzip bomb (64 MB of zeros in 64 KB) is counted after inflating', async () => {
			const gzip = createGzip();
			const parts: Buffer[] = [];
			gzip.on('data', (part: Buffer) => parts.push(part));
			const zeros = Buffer.alloc(CARD_MB);
			for (let i = 0; i < 64; i++) gzip.write(zeros);
			await new Promise((resolve) => gzip.end(resolve));
			const bomb = Buffer.concat(parts);
			expect(bomb.length).toBeLessThan(CARD_MB);
			peer.handler = (_req, res) => {
				res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
				res.end(bomb);
			};
			const { json: out } = await run();
			expect(out).toMatchObject({ errorCode: 'RESPONSE_TOO_LARGE' });
		});
	});

	describe('row 10: Timeout is a total deadline per call, tied to the cancel signal', () => {
		test('an answer trickling 1 byte per 500 ms fails at Timeout 3 s, not when the trickle ends', async () => {
			peer.handler = async (_req, res) => {
				res.writeHead(200, { 'Content-Type': 'application/json' });
				await peer.trickle(res, success(GOOD_IMAGE).slice(0, 40), 500);
			};
			const started = Date.now();
			const { json: out } = await run({ options: { maxRetries: 0, timeout: 3 } });
			const elapsed = Date.now() - started;
			expect(out).toMatchObject({ errorCode: 'TIMEOUT', error: 'CLOVA OCR did not answer within 3 s' });
			expect(elapsed).toBeGreaterThanOrEqual(2900);
			expect(elapsed).toBeLessThan(4500);
		});

		test('cancelling the execution stops a call in flight at once', async () => {
			peer.handler = () => undefined; // never answers
			const cancel = new AbortController();
			const started = Date.now();
			setTimeout(() => cancel.abort(), 500);
			const { json: out } = await run({ options: { maxRetries: 3, timeout: 30 } }, { cancelSignal: cancel.signal });
			expect(out).toMatchObject({ errorCode: 'CANCELLED' });
			expect(Date.now() - started).toBeLessThan(2500);
			expect(peer.requests).toHaveLength(1);
		});
	});

	describe('row 13: the answer is checked for shape before use', () => {
		test.each([
			['message as an object', { ...GOOD_IMAGE, inferResult: 'FAILURE', message: { text: 'x' } }, 'images[0].message is not a string'],
			[
				'vertices not an array',
				{
					...GOOD_IMAGE,
					creditCard: {
						result: { ...GOOD_IMAGE.creditCard.result, number: { text: '4111111111111111', boundingPoly: { vertices: 'x' } } },
					},
				},
				'images[0].creditCard.result.number.boundingPoly.vertices is not an array',
			],
			[
				'a vertex x as a string',
				{ ...GOOD_IMAGE, creditCard: { result: { name: { text: 'A', boundingPoly: { vertices: [{ x: '1' }] } } } } },
				'vertices[0].x is not a number',
			],
			['creditCard.result as a string', { ...GOOD_IMAGE, creditCard: { result: 'x' } }, 'images[0].creditCard.result is not an object'],
		])('%s: a clear NodeApiError, not a TypeError', async (_label, image, where) => {
			json(200, success(image));
			const { json: out } = await run({ options: { maxRetries: 0, includeBoundingPolys: true } });
			expect(out).toMatchObject({ errorCode: 'BAD_RESPONSE', error: 'CLOVA OCR answered with a body the node cannot read' });
			expect(String(out.errorDescription)).toContain(where);
			const error = await thrown({ options: { maxRetries: 0, includeBoundingPolys: true } });
			expect(error.constructor.name).toBe('NodeApiError');
		});

		test.each([
			['missing images', JSON.stringify({ version: 'V2', requestId: 'r' }), 'images is missing'],
			['images as an object', JSON.stringify({ images: { 0: GOOD_IMAGE } }), 'images is not an array'],
			['images[0] as null', JSON.stringify({ images: [null] }), 'images[0] is not an object'],
		])('%s: BAD_RESPONSE naming it', async (_label, body, where) => {
			json(200, body);
			const { json: out } = await run();
			expect(out).toMatchObject({ errorCode: 'BAD_RESPONSE' });
			expect(String(out.errorDescription)).toContain(where);
		});

		test('a 1 MB inference message is capped at 300 characters and its card numbers masked', async () => {
			const message = `Card 4111 1111 1111 1111 unreadable. ${'blah '.repeat(200_000)}`;
			json(200, success({ inferResult: 'FAILURE', message }));
			const { json: out } = await run();
			expect(out.errorCode).toBe('FAILURE');
			expect(String(out.error).length).toBeLessThan(500);
			expect(String(out.error)).toContain('************1111');
			expect(String(out.error)).not.toMatch(/4111 1111/);
		});

		test('a 1 MB service message in an error answer is capped too, and a code that is free text is not used as one', async () => {
			json(400, JSON.stringify({ code: `0011 ${'x'.repeat(100)}`, message: `bad 5500 0000 0000 0004 ${'y'.repeat(CARD_MB)}` }));
			const { json: out } = await run();
			expect(out.errorCode).toBe('HTTP_400');
			expect(String(out.errorDescription).length).toBeLessThan(800);
			expect(String(out.errorDescription)).toContain('************0004');
		});
	});

	describe('a secret key echoed by the server is removed from every error and output', () => {
		function expectNoSecret(value: unknown): void {
			expect(inspect(value, { depth: 12, showHidden: true })).not.toContain(SECRET);
			expect(JSON.stringify(value) ?? '').not.toContain(SECRET);
		}

		test.each([
			['in an error message', 401, { code: '0002', message: `secret ${SECRET} is wrong` }],
			['as the error code', 400, { code: SECRET, message: 'no' }],
			['URL-encoded', 400, { code: '0011', message: `see ?key=${encodeURIComponent(SECRET)}x` }],
		])('%s', async (_label, status, body) => {
			json(status, JSON.stringify(body));
			const item = await run();
			expectNoSecret(item);
			const error = await thrown();
			expectNoSecret({ message: error.message, description: (error as { description?: unknown }).description });
			expectNoSecret(error);
			expectNoSecret((error as { cause?: unknown }).cause);
		});

		test('in a redirect Location host', async () => {
			json(307, '', { Location: `http://${SECRET.toLowerCase()}.example/document/credit-card` });
			const lowerCaseSecret = SECRET.toLowerCase();
			const item = await run();
			expect(JSON.stringify(item)).not.toContain(lowerCaseSecret);
		});

		test('in an inference message, an inferResult and the messages of a success', async () => {
			json(200, success({ inferResult: 'FAILURE', message: `echo ${SECRET}` }));
			expectNoSecret(await run());
			expectNoSecret(await thrown());
			json(200, success({ inferResult: SECRET, message: 'no' }));
			expect((await run()).json.errorCode).toBe('NO_RESULT');
			expectNoSecret(await thrown());
			json(200, success({ ...GOOD_IMAGE, message: SECRET, validationResult: { result: 'FAILED', message: `key ${SECRET}` } }));
			expectNoSecret(await run({ simplify: true, options: { maxRetries: 0, includeRawResponse: true } }));
			expectNoSecret(await run({ simplify: false }));
		});
	});

	describe('the secret is removed only from text the node quotes: the card and the keys stay as read', () => {
		async function readWith(secretKey: string, simplify: boolean): Promise<INodeExecutionData> {
			json(200, success({ ...GOOD_IMAGE, message: `SUCCESS ${secretKey}` }));
			const items = await binaryItems([fixtureInput('card-visa.png')]);
			const [item] = await runNode(items, {
				credentials: { invokeUrl: baseUrl, secretKey },
				parameters: { simplify, options: { maxRetries: 0, includeRawResponse: true } },
			});
			return item;
		}

		test.each(['1111', '4111', 'NOAH', '09'])('a short secret %s corrupts no card field', async (secretKey) => {
			const simplified = await readWith(secretKey, true);
			expect(simplified.json).toMatchObject({ name: 'NOAH YOON', number: '4111111111111111', validThru: '09/35', luhnValid: true });
			expect(simplified.json.message).toBe('SUCCESS [secret key removed]');
			const raw = await readWith(secretKey, false);
			expect((raw.json.images as Array<typeof GOOD_IMAGE>)[0].creditCard).toEqual(GOOD_IMAGE.creditCard);
		});

		test.each(['result', 'creditCard', 'text'])('a secret %s renames no key', async (secretKey) => {
			const raw = await readWith(secretKey, false);
			expect((raw.json.images as Array<typeof GOOD_IMAGE>)[0].creditCard).toEqual(GOOD_IMAGE.creditCard);
			expect((await readWith(secretKey, true)).json).toMatchObject({ number: '4111111111111111', needsReview: false });
		});
	});

	describe('as an AI Agent tool every string of the raw output has card numbers masked', () => {
		test.each([
			['Simplify off', { simplify: false }],
			['Include Raw Response', { simplify: true, options: { maxRetries: 0, includeRawResponse: true } }],
		])('%s', async (_label, parameters) => {
			json(
				200,
				success({
					...GOOD_IMAGE,
					message: 'read 4111 1111 1111 1111',
					validationResult: { result: 'FAILED', message: 'number 4111-1111-1111-1111 is on file' },
					convertedImageInfo: { note: '4111111111111111' },
				}),
			);
			const items = await binaryItems([fixtureInput('card-visa.png')]);
			const [item] = await runNode(items, {
				credentials: { invokeUrl: baseUrl, secretKey: SECRET },
				parameters: { options: { maxRetries: 0 }, ...parameters },
				nodeType: `${NODE_TYPE}Tool`,
			});
			const text = JSON.stringify(item.json);
			expect(text).not.toMatch(/4111[ -]?1111[ -]?1111[ -]?1111/);
			expect(text).toContain('411111******1111');
			expect(text).toContain('number ************1111 is on file');
		});
	});

	describe('rows 11-12: the credentials test', () => {
		const elsewhere = new HostilePeer();
		let elsewhereUrl: string;

		beforeAll(async () => {
			elsewhereUrl = await elsewhere.start();
			elsewhere.handler = (_req, res) => {
				res.writeHead(400, { 'Content-Type': 'application/json' });
				res.end(JSON.stringify({ code: '0011', message: 'Request invalid' }));
			};
		});
		afterAll(async () => await elsewhere.stop());
		beforeEach(() => elsewhere.reset());

		test.each([302, 307])('a %d redirect is not followed: the target never receives X-OCR-SECRET, and the test fails', async (status) => {
			json(status, '', { Location: `${elsewhereUrl}/document/credit-card` });
			const result = await runCredentialTest({ invokeUrl: baseUrl, secretKey: SECRET });
			expect(peer.requests).toHaveLength(1);
			expect(peer.requests[0].headers['x-ocr-secret']).toBe(SECRET);
			expect(elsewhere.requests).toHaveLength(0);
			expect(result).toMatchObject({ status: 'Error', message: expect.stringMatching(/^The Invoke URL did not answer as CLOVA OCR does/) });
		});

		test.each([
			['an HTML page', 200, '<html>login</html>', 'text/html'],
			['an empty 200', 200, '', 'application/json'],
			['JSON without a code', 200, '{"ok":true}', 'application/json'],
			['a numeric code', 200, '{"code":404}', 'application/json'],
			['a numeric code with an error status', 404, '{"code":404,"message":"Not Found"}', 'application/json'],
			["a code shorter than CLOVA's four characters", 400, '{"code":"1"}', 'application/json'],
		])('%s does not pass', async (_label, status, body, contentType) => {
			peer.handler = (_req, res) => {
				res.writeHead(status, { 'Content-Type': contentType }).end(body);
			};
			const result = await runCredentialTest({ invokeUrl: baseUrl, secretKey: SECRET });
			expect(result.status).toBe('Error');
		});

		test("CLOVA's own answers: 0011 passes, 0002 fails naming the secret key", async () => {
			expect(await runCredentialTest({ invokeUrl: elsewhereUrl, secretKey: SECRET })).toMatchObject({ status: 'OK' });
			json(401, JSON.stringify({ code: '0002', message: 'Authentication failed' }));
			expect(await runCredentialTest({ invokeUrl: baseUrl, secretKey: SECRET })).toMatchObject({
				status: 'Error',
				message: expect.stringMatching(/^CLOVA OCR rejected the secret key \(code 0002\)/),
			});
		});

		test('one plain-http rule: URLs only a URL parser reads as loopback are refused by both the test and the node', async () => {
			const port = new URL(baseUrl).port;
			json(400, JSON.stringify({ code: '0011', message: 'Request invalid' }));
			for (const invokeUrl of [
				`\u0001http://127.0.0.1:${port}`,
				`http://127.1:${port}`,
				`http://localhost:${port}@127.0.0.1:${port}`,
				`https://user:pw@127.0.0.1:${port}`,
				`https:127.0.0.1:${port}`,
			]) {
				peer.reset();
				const result = await runCredentialTest({ invokeUrl, secretKey: SECRET });
				expect({ invokeUrl, status: result.status, sent: peer.requests.length }).toEqual({ invokeUrl, status: 'Error', sent: 0 });
				const items = await binaryItems([fixtureInput('card-visa.png')]);
				const [item] = await runNode(items, { credentials: { invokeUrl, secretKey: SECRET }, continueOnFail: true });
				expect({ invokeUrl, errorCode: item.json.errorCode, sent: peer.requests.length }).toEqual({
					invokeUrl,
					errorCode: 'INVALID_CREDENTIALS',
					sent: 0,
				});
			}
		});
	});
});
