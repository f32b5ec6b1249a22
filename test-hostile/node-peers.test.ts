/**
 * Issue 13 rows 9-13: the n8n node against hostile CLOVA peers on 127.0.0.1, each run as the
 * catalogue reported it. The node runs in this process through n8n-core's ExecuteContext (the
 * harness), so this process's RSS is n8n's. Row 9's body size can be lowered with
 * HOSTILE_NODE_BODY_MB (default 1024) to try the probe without the fix on a small machine.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { HostilePeer } from '../devkit/clova/hostilePeer';
import { fixtureInput } from '../devkit/fixtures';
import { runCredentialTest } from '../devkit/n8n/credentialTester';
import { binaryItems, runNode } from '../devkit/n8n/harness';

const SECRET = 'Hq4-node-probe-secret-77';
const MB = 1024 * 1024;
const BODY_MB = Number(process.env.HOSTILE_NODE_BODY_MB ?? 1024);

function success(image: Record<string, unknown>): string {
	return JSON.stringify({ version: 'V2', requestId: 'r', timestamp: 1, images: [{ uid: 'u', name: 'card', ...image }] });
}

describe('the node against hostile peers (issue 13, rows 9-13)', () => {
	const peer = new HostilePeer();
	let baseUrl: string;

	beforeAll(async () => {
		baseUrl = await peer.start();
	});
	afterAll(async () => await peer.stop());
	beforeEach(() => peer.reset());

	async function run(options: Record<string, unknown> = {}, invokeUrl = baseUrl): Promise<INodeExecutionData> {
		const items = await binaryItems([fixtureInput('card-visa.png')]);
		const [item] = await runNode(items, {
			credentials: { invokeUrl, secretKey: SECRET },
			parameters: { options: { maxRetries: 0, ...options } },
			continueOnFail: true,
		});
		return item;
	}

	test(`row 9: a ${BODY_MB} MB answer is cut at 4 MB; this process's RSS grows < 100 MB`, async () => {
		peer.handler = async (_req, res) => {
			res.writeHead(200, { 'Content-Type': 'application/json' });
			await peer.stream(res, BODY_MB * MB, Buffer.alloc(256 * 1024, 'x'));
		};
		global.gc?.();
		const before = process.memoryUsage().rss;
		let peak = before;
		const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
		const started = Date.now();
		try {
			const { json } = await run();
			expect(json).toMatchObject({ errorCode: 'RESPONSE_TOO_LARGE' });
		} finally {
			clearInterval(sampler);
		}
		const growthMb = (peak - before) / MB;
		console.log(
			`row 9: ${(peer.bytesWritten / MB).toFixed(1)} MB sent by the peer, RSS +${growthMb.toFixed(0)} MB, ${Date.now() - started} ms`,
		);
		expect(peer.bytesWritten).toBeLessThan(16 * MB);
		expect(growthMb).toBeLessThan(100);
	});

	test('row 10: an answer trickling 1 byte per 500 ms with Timeout 3 s fails by ~3 s', async () => {
		peer.handler = async (_req, res) => {
			res.writeHead(200, { 'Content-Type': 'application/json' });
			await peer.trickle(res, ' '.repeat(40), 500);
		};
		const started = Date.now();
		const { json } = await run({ timeout: 3 });
		const elapsed = Date.now() - started;
		console.log(`row 10: failed after ${elapsed} ms with ${String(json.errorCode)}`);
		expect(json).toMatchObject({ errorCode: 'TIMEOUT' });
		expect(elapsed).toBeLessThan(4000);
	});

	test.each([302, 307])('row 11: the credentials test against a %d sends no X-OCR-SECRET to the redirect target', async (status) => {
		const target = new HostilePeer();
		const targetUrl = await target.start();
		target.handler = (_req, res) => {
			res.writeHead(400, { 'Content-Type': 'application/json' }).end('{"code":"0011","message":"Request invalid"}');
		};
		try {
			peer.handler = (_req, res) => {
				res.writeHead(status, { Location: `${targetUrl}/document/credit-card` }).end();
			};
			const result = await runCredentialTest({ invokeUrl: baseUrl, secretKey: SECRET });
			expect(target.requests.map((request) => request.headers['x-ocr-secret'])).toEqual([]);
			expect(result.status).toBe('Error');
		} finally {
			await target.stop();
		}
	});

	test('row 12: http://localhost:80@elsewhere.example and URLs only a parser reads as loopback fail the credentials test and the node alike', async () => {
		const port = new URL(baseUrl).port;
		peer.handler = (_req, res) => {
			res.writeHead(400, { 'Content-Type': 'application/json' }).end('{"code":"0011","message":"Request invalid"}');
		};
		for (const invokeUrl of [
			'http://localhost:80@elsewhere.example',
			`http://localhost:${port}@127.0.0.1:${port}`,
			`http://127.1:${port}`,
			`\u0001http://127.0.0.1:${port}`,
			'http://app.localhost:80',
		]) {
			const result = await runCredentialTest({ invokeUrl, secretKey: SECRET });
			const { json } = await run({}, invokeUrl);
			expect({ invokeUrl, test: result.status, node: json.errorCode, sent: peer.requests.length }).toEqual({
				invokeUrl,
				test: 'Error',
				node: 'INVALID_CREDENTIALS',
				sent: 0,
			});
		}
	});

	test.each([
		['message as an object', { inferResult: 'FAILURE', message: { a: 1 } }],
		[
			'vertices not an array',
			{ inferResult: 'SUCCESS', creditCard: { result: { number: { text: '4111111111111111', boundingPoly: { vertices: 7 } } } } },
		],
	])('row 13: %s is a clear BAD_RESPONSE, not a TypeError', async (_label, image) => {
		peer.handler = (_req, res) => {
			res.writeHead(200, { 'Content-Type': 'application/json' }).end(success(image));
		};
		const { json } = await run({ includeBoundingPolys: true });
		expect(json).toMatchObject({ errorCode: 'BAD_RESPONSE' });
		expect(String(json.errorDescription)).not.toMatch(/TypeError|is not a function|Cannot read/);
	});

	test('row 13: a 1 MB inference message reaches the user as 300 characters, card numbers masked, secret removed', async () => {
		peer.handler = (_req, res) => {
			res
				.writeHead(200, { 'Content-Type': 'application/json' })
				.end(success({ inferResult: 'FAILURE', message: `${SECRET} 4111111111111111 ${'z'.repeat(MB)}` }));
		};
		const { json } = await run();
		const shown = JSON.stringify(json);
		expect(shown.length).toBeLessThan(2000);
		expect(shown).not.toContain(SECRET);
		expect(shown).not.toContain('4111111111111111');
	});
});
