import { execFile } from 'child_process';
import { writeFileSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';

import type { StartedServer } from '../src/httpServer';
import { serveClova } from '../src/httpServer';
import type { CreditCardRequest, RecognitionOutcome } from '../src/protocol';
import { fixture } from '../../devkit/fixtures';

const run = promisify(execFile);
const png = fixture('card-visa.png');
const SECRET = 'local-secret-123';

const success: RecognitionOutcome = {
	kind: 'success',
	width: 1012,
	height: 638,
	fields: {
		number: {
			text: '4111111111111111',
			confidence: 0.98,
			box: [
				{ x: 90, y: 330 },
				{ x: 920, y: 330 },
				{ x: 920, y: 385 },
				{ x: 90, y: 385 },
			],
			parts: [
				[
					{ x: 90, y: 330 },
					{ x: 270, y: 330 },
					{ x: 270, y: 385 },
					{ x: 90, y: 385 },
				],
			],
		},
	},
};

describe('local server protocol (scripted recognizer)', () => {
	let server: StartedServer;
	let base: string;
	const seen: CreditCardRequest[] = [];
	let outcome: RecognitionOutcome = success;

	beforeAll(async () => {
		server = await serveClova({
			host: '127.0.0.1',
			port: 0,
			secret: SECRET,
			recognize: async (request) => {
				seen.push(request);
				return outcome;
			},
		});
		base = server.url;
	});
	afterAll(async () => await server.close());
	beforeEach(() => {
		seen.length = 0;
		outcome = success;
	});

	function message(overrides: Record<string, unknown> = {}, image: Record<string, unknown> = {}) {
		return { version: 'V2', requestId: 'r-1', timestamp: 1724832750462, images: [{ format: 'png', name: 'card', ...image }], ...overrides };
	}

	async function postJson(body: unknown, path = '/document/credit-card', headers: Record<string, string> = {}) {
		const response = await fetch(`${base}${path}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'X-OCR-SECRET': SECRET, ...headers },
			body: typeof body === 'string' ? body : JSON.stringify(body),
		});
		return { status: response.status, body: (await response.json()) as Record<string, unknown> };
	}

	async function postMultipart(parts: Array<[string, string | Blob, string?]>) {
		const form = new FormData();
		for (const [name, value, fileName] of parts) {
			if (typeof value === 'string') form.append(name, value);
			else form.append(name, value, fileName);
		}
		const response = await fetch(`${base}/document/credit-card`, { method: 'POST', headers: { 'X-OCR-SECRET': SECRET }, body: form });
		return { status: response.status, body: (await response.json()) as Record<string, unknown> };
	}

	test('JSON mode: the response has the documented shape', async () => {
		const { status, body } = await postJson(message({}, { data: png.toString('base64') }));
		expect(status).toBe(200);
		expect(seen[0]).toMatchObject({ mode: 'json', requestId: 'r-1', timestamp: 1724832750462, image: { format: 'png', name: 'card' } });
		expect(seen[0].image.data.equals(png)).toBe(true);
		expect(body).toMatchObject({ version: 'V2', requestId: 'r-1' });
		expect(typeof body.timestamp).toBe('number');
		const image = (body.images as Array<Record<string, unknown>>)[0];
		expect(image).toMatchObject({
			name: 'card',
			inferResult: 'SUCCESS',
			message: 'SUCCESS',
			validationResult: { result: 'NO_REQUESTED' },
			convertedImageInfo: { width: 1012, height: 638, pageIndex: 0 },
		});
		expect(image.uid).toMatch(/^[0-9a-f]{32}$/);
		const number = (image.creditCard as { result: Record<string, Record<string, unknown>> }).result.number;
		expect(number).toEqual({
			text: '4111111111111111',
			confidenceScore: 0.98,
			confidence: 0.98,
			boundingPoly: {
				vertices: [
					{ x: 90, y: 330 },
					{ x: 920, y: 330 },
					{ x: 920, y: 385 },
					{ x: 90, y: 385 },
				],
			},
			subBoundingPolys: [
				{
					vertices: [
						{ x: 90, y: 330 },
						{ x: 270, y: 330 },
						{ x: 270, y: 385 },
						{ x: 90, y: 385 },
					],
				},
			],
		});
	});

	test('multipart mode: message part + file part', async () => {
		const { status } = await postMultipart([
			['message', JSON.stringify(message())],
			['file', new Blob([png], { type: 'image/png' }), 'card.png'],
		]);
		expect(status).toBe(200);
		expect(seen[0]).toMatchObject({ mode: 'multipart', image: { fileName: 'card.png', mimeType: 'image/png' } });
		expect(seen[0].image.data.equals(png)).toBe(true);
	});

	test.each(['/credit-card', '/document/credit-card', '/custom/v1/12345/abcdef0123/document/credit-card', '/document/credit-card/'])(
		'reachable at %s',
		async (path) => {
			const { status } = await postJson(message({}, { data: png.toString('base64') }), path);
			expect(status).toBe(200);
		},
	);

	test('timestamp as a numeric string, as in the docs JSON sample', async () => {
		const { status } = await postJson(message({ timestamp: '0' }, { data: png.toString('base64') }));
		expect(status).toBe(200);
		expect(seen[0].timestamp).toBe(0);
	});

	test('FAILURE and ERROR outcomes are 200 with inferResult and message', async () => {
		outcome = { kind: 'failure', message: 'No credit card found in the image.' };
		let { status, body } = await postJson(message({}, { data: png.toString('base64') }));
		expect(status).toBe(200);
		expect((body.images as object[])[0]).toMatchObject({ inferResult: 'FAILURE', message: 'No credit card found in the image.' });
		expect((body.images as Array<Record<string, unknown>>)[0].creditCard).toBeUndefined();
		outcome = { kind: 'error', message: 'Read page:0 error.' };
		({ status, body } = await postJson(message({}, { data: png.toString('base64') })));
		expect((body.images as object[])[0]).toMatchObject({ inferResult: 'ERROR', message: 'Read page:0 error.' });
	});

	const invalid: Array<[string, () => Promise<{ status: number; body: Record<string, unknown> }>, number, string, RegExp]> = [
		[
			'wrong secret',
			() => postJson(message(), '/document/credit-card', { 'X-OCR-SECRET': 'nope' }),
			401,
			'0002',
			/Secret key validate failed/,
		],
		['unknown path', () => postJson(message(), '/document/receipt'), 400, '0001', /URL is invalid/],
		[
			'version V1',
			() => postJson(message({ version: 'V1' }, { data: png.toString('base64') })),
			400,
			'0021',
			/Protocol version not supported/,
		],
		['empty body', () => postJson(''), 400, '0011', /empty/],
		['not JSON', () => postJson('{"version": "V2",'), 400, '0011', /not valid JSON/],
		['no requestId', () => postJson(message({ requestId: undefined }, { data: png.toString('base64') })), 400, '0011', /requestId/],
		[
			'timestamp not a number',
			() => postJson(message({ timestamp: 'yesterday' }, { data: png.toString('base64') })),
			400,
			'0011',
			/timestamp/,
		],
		[
			'two images',
			() =>
				postJson({
					...message(),
					images: [
						{ format: 'png', name: 'a', data: png.toString('base64') },
						{ format: 'png', name: 'b', data: png.toString('base64') },
					],
				}),
			400,
			'0011',
			/exactly one image/,
		],
		['format gif', () => postJson(message({}, { format: 'gif', data: png.toString('base64') })), 400, '0011', /format must be one of/],
		['no name', () => postJson(message({}, { name: '', data: png.toString('base64') })), 400, '0011', /name is required/],
		['bad base64', () => postJson(message({}, { data: '!!!not-base64!!!' })), 400, '0011', /not valid base64/],
		['no data in JSON mode', () => postJson(message()), 400, '0011', /data is required/],
		['url instead of data', () => postJson(message({}, { url: 'https://example.com/card.png' })), 400, '0011', /url is not supported/],
		[
			'text sent as png',
			() => postJson(message({}, { data: Buffer.from('hello, I am text').toString('base64') })),
			400,
			'0011',
			/not a png file/,
		],
		['missing file part', () => postMultipart([['message', JSON.stringify(message())]]), 400, '0011', /no "file" part/],
		['missing message part', () => postMultipart([['file', new Blob([png]), 'card.png']]), 400, '0011', /no "message" part/],
		[
			'two file parts',
			() =>
				postMultipart([
					['message', JSON.stringify(message())],
					['file', new Blob([png]), 'a.png'],
					['file', new Blob([png]), 'b.png'],
				]),
			400,
			'0011',
			/one image per request/,
		],
	];

	test.each(invalid)('%s gets its documented error', async (_label, send, status, code, text) => {
		const response = await send();
		expect(response.status).toBe(status);
		expect(response.body.code).toBe(code);
		expect(String(response.body.message)).toMatch(text);
		expect(seen).toHaveLength(0);
		// and the server keeps serving
		const next = await postJson(message({}, { data: png.toString('base64') }));
		expect(next.status).toBe(200);
	});

	test('wrong content type is 0011', async () => {
		const response = await fetch(`${base}/document/credit-card`, {
			method: 'POST',
			headers: { 'Content-Type': 'text/plain', 'X-OCR-SECRET': SECRET },
			body: 'hi',
		});
		expect(response.status).toBe(400);
		expect(await response.json()).toMatchObject({ code: '0011', message: expect.stringMatching(/Content-Type must be/) });
	});

	test('a 30 MB body is refused with 0011 and the server keeps serving', async () => {
		const big = Buffer.alloc(30 * 1024 * 1024, 0x41).toString('base64');
		const { status, body } = await postJson(message({}, { data: big }));
		expect(status).toBe(400);
		expect(body).toMatchObject({ code: '0011', message: 'Request body is larger than 20 MB.' });
		expect((await postJson(message({}, { data: png.toString('base64') }))).status).toBe(200);
	});

	test('an overloaded recognizer answers 400/0025', async () => {
		outcome = { kind: 'serviceError', code: '0025' };
		const { status, body } = await postJson(message({}, { data: png.toString('base64') }));
		expect(status).toBe(400);
		expect(body.code).toBe('0025');
	});

	test('GET /healthz', async () => {
		const response = await fetch(`${base}/healthz`);
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({ status: 'ok' });
	});

	test("the docs' two curl examples, verbatim but for URL, secret and file", async () => {
		const dir = mkdtempSync(join(tmpdir(), 'curl-'));
		// A JPEG keeps the base64 under the 128 KB a single command-line argument may hold.
		const card = fixture('card-amex.jpg');
		const file = join(dir, 'creditcard.jpg');
		writeFileSync(file, card);
		const url = `${base}/custom/v1/12345/invokekey/document/credit-card`;
		const jsonBody = `{
"version": "V2",
"requestId": "1234",
"timestamp": "0",
"images": [
{
"format": "png",
"data": "${card.toString('base64')}",
"name": "creaditcard_test2"
}]
}`;
		const json = await run('curl', [
			'-s',
			'--location',
			'--request',
			'POST',
			url,
			'--header',
			'Content-Type: application/json',
			'--header',
			`X-OCR-SECRET: ${SECRET}`,
			'--data',
			jsonBody,
		]);
		expect(JSON.parse(json.stdout)).toMatchObject({ requestId: '1234', images: [{ name: 'creaditcard_test2', inferResult: 'SUCCESS' }] });

		const multipart = await run('curl', [
			'-s',
			'--location',
			'--request',
			'POST',
			url,
			'--header',
			`X-OCR-SECRET: ${SECRET}`,
			'--header',
			'Content-Type: multipart/form-data',
			'--form',
			'message="{\\"version\\": \\"V2\\", \\"requestId\\": \\"1234\\", \\"timestamp\\": 1724832750462, \\"images\\": [{\\"format\\": \\"jpg\\", \\"name\\": \\"creditcard_test\\"}]}"',
			'--form',
			`file=@${file}`,
		]);
		expect(JSON.parse(multipart.stdout)).toMatchObject({
			requestId: '1234',
			images: [{ name: 'creditcard_test', inferResult: 'SUCCESS' }],
		});
		expect(seen.map((r) => r.mode)).toEqual(['json', 'multipart']);
	});
});

describe('local server refuses to listen beyond loopback without a secret', () => {
	test('0.0.0.0 without a secret is refused', async () => {
		await expect(serveClova({ host: '0.0.0.0', port: 0, recognize: async () => success })).rejects.toThrow(/without a secret/);
	});
});
