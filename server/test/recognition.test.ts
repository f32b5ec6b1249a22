import { readFileSync } from 'fs';
import { join } from 'path';

import { fixtureTruth, sampleTruth } from '../../devkit/fixtures';
import type { RunningServer } from '../../devkit/localServer/launch';
import { startLocalServer } from '../../devkit/localServer/launch';
import { FIXTURES, LOCAL_SERVER_BIN, SAMPLES } from '../../devkit/paths';

const SECRET = 'recognition-secret';

const FORMAT: Record<string, string> = { png: 'png', jpg: 'jpg', pdf: 'pdf', tiff: 'tiff' };

interface Answer {
	status: number;
	body: {
		code?: string;
		message?: string;
		images?: Array<{
			inferResult: string;
			message: string;
			convertedImageInfo?: { width: number; height: number };
			creditCard?: {
				result: Record<
					string,
					{
						text: string;
						confidence: number;
						confidenceScore: number;
						boundingPoly: { vertices: Array<{ x: number; y: number }> };
						subBoundingPolys: unknown[];
					}
				>;
			};
		}>;
	};
}

describe('local server: real recognition through the CLI', () => {
	let server: RunningServer;

	beforeAll(async () => {
		server = await startLocalServer(['--secret', SECRET]);
	}, 90_000);
	afterAll(async () => await server.stop());

	async function send(
		file: string,
		data: Buffer,
		mode: 'json' | 'multipart',
		format = FORMAT[file.split('.').pop() ?? ''] ?? 'png',
	): Promise<Answer> {
		const message = { version: 'V2', requestId: `t-${file}`, timestamp: Date.now(), images: [{ format, name: file }] };
		let response: Response;
		if (mode === 'json') {
			response = await fetch(`${server.url}/document/credit-card`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', 'X-OCR-SECRET': SECRET },
				body: JSON.stringify({ ...message, images: [{ ...message.images[0], data: data.toString('base64') }] }),
			});
		} else {
			const form = new FormData();
			form.append('message', JSON.stringify(message));
			form.append('file', new Blob([data]), file);
			response = await fetch(`${server.url}/document/credit-card`, { method: 'POST', headers: { 'X-OCR-SECRET': SECRET }, body: form });
		}
		return { status: response.status, body: (await response.json()) as Answer['body'] };
	}

	const cases = [
		...Object.entries(fixtureTruth).map(([file, truth]) => ({ file, path: join(FIXTURES, file), truth })),
		...Object.entries(sampleTruth).map(([file, truth]) => ({ file, path: join(SAMPLES, file), truth })),
	];

	test.each(cases)('$file: exact name, number and valid thru', async ({ file, path, truth }) => {
		const mode = cases.findIndex((c) => c.file === file) % 2 === 0 ? 'multipart' : 'json';
		const { status, body } = await send(file, readFileSync(path), mode);
		expect(status).toBe(200);
		const image = body.images?.[0];
		expect(image?.inferResult).toBe('SUCCESS');
		const result = image?.creditCard?.result ?? {};
		expect({ name: result.name?.text, number: result.number?.text, validThru: result.validThru?.text }).toEqual({
			name: truth.name,
			number: truth.number,
			validThru: truth.validThru,
		});
		for (const field of Object.values(result)) {
			expect(field.confidence).toBe(field.confidenceScore);
			expect(field.boundingPoly.vertices).toHaveLength(4);
			for (const v of field.boundingPoly.vertices) {
				expect(v.x).toBeGreaterThanOrEqual(0);
				expect(v.x).toBeLessThanOrEqual(image?.convertedImageInfo?.width ?? 0);
			}
		}
		expect(result.number.subBoundingPolys.length).toBeGreaterThanOrEqual(3);
	});

	test.each([
		['two-pages.pdf', 'pdf', 400, '0011', /The PDF has 2 pages; only single-page PDF is supported/],
		['two-pages.tiff', 'tiff', 400, '0011', /The TIFF has 2 pages; only single-page TIFF is supported/],
		['huge-20000x20000.png', 'png', 400, '0011', /The image is 20000x20000 pixels, over the 40 megapixel limit/],
		['notes.txt', 'png', 400, '0011', /not a png file/],
	])('%s is refused with its documented error, and the server keeps serving', async (file, format, status, code, message) => {
		const answer = await send(file, readFileSync(join(FIXTURES, file)), 'multipart', format);
		expect(answer.status).toBe(status);
		expect(answer.body).toMatchObject({ code, message: expect.stringMatching(message) });
		const next = await send('card-visa.png', readFileSync(join(FIXTURES, 'card-visa.png')), 'json');
		expect(next.body.images?.[0].inferResult).toBe('SUCCESS');
	});

	test('a truncated JPEG is an inferResult ERROR, as the docs failure sample', async () => {
		const answer = await send('truncated.jpg', readFileSync(join(FIXTURES, 'truncated.jpg')), 'json');
		expect(answer.status).toBe(200);
		expect(answer.body.images?.[0]).toMatchObject({
			inferResult: 'ERROR',
			message: 'Read page:0 error: the image data is truncated or corrupt.',
		});
	});

	test('an image without a card is inferResult FAILURE', async () => {
		const sharp = (await import('sharp')).default;
		const blank = await sharp({ create: { width: 640, height: 400, channels: 3, background: '#7a8a9a' } })
			.png()
			.toBuffer();
		const answer = await send('blank.png', blank, 'json');
		expect(answer.body.images?.[0]).toMatchObject({ inferResult: 'FAILURE', message: 'No credit card found in the image.' });
	});

	test('a wrong secret is 401/0002', async () => {
		const response = await fetch(`${server.url}/document/credit-card`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'X-OCR-SECRET': 'nope' },
			body: '{}',
		});
		expect(response.status).toBe(401);
		expect(await response.json()).toEqual({ code: '0002', message: 'Secret key validate failed.' });
	});

	test('log lines carry request id, timing and status, never card data', () => {
		const log = server.output.join('');
		expect(log).toMatch(/"requestId":"t-card-visa.png"/);
		expect(log).toMatch(/"ms":\d+/);
		for (const truth of [...Object.values(fixtureTruth), ...Object.values(sampleTruth)]) {
			expect(log).not.toContain(truth.number);
			expect(log).not.toContain(truth.name);
		}
		expect(log).not.toContain(SECRET);
	});
});

describe('local server CLI', () => {
	test('--help explains the options', async () => {
		const { execFile } = await import('child_process');
		const stdout = await new Promise<string>((resolve, reject) =>
			execFile(process.execPath, [LOCAL_SERVER_BIN, '--help'], (error, out) => (error ? reject(error) : resolve(out))),
		);
		expect(stdout).toContain('--secret');
		expect(stdout).toContain('POST /document/credit-card');
	});

	test('refuses a non-loopback host without a secret', async () => {
		await expect(startLocalServer(['--host', '0.0.0.0'], { CLOVA_OCR_SECRET: '' })).rejects.toThrow(
			/Refusing to listen on 0.0.0.0 without a secret/,
		);
	});
});
