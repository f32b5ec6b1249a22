import type { INodeParameters } from 'n8n-workflow';

import { NodeApiError, NodeHelpers, NodeOperationError } from 'n8n-workflow';

import { ClovaOcr } from '../nodes/ClovaOcr/ClovaOcr.node';
import { ClovaTestServer } from '../devkit/clova/testServer';
import { successFor } from '../devkit/clova/outcomes';
import { fixture, fixtureTruth } from '../devkit/fixtures';
import { ImageHost } from '../devkit/imageHost';
import { NODE_TYPE, runNode } from '../devkit/n8n/harness';
import { FIXTURES } from '../devkit/paths';
import { MAX_URL_IMAGE_BYTES } from '../nodes/ClovaOcr/imageUrlInput';

const VISA = fixtureTruth['card-visa.png'];

describe('CLOVA OCR node: Image URL input, and the node as an AI Agent tool', () => {
	const server = new ClovaTestServer();
	const host = new ImageHost(FIXTURES);
	let baseUrl: string;
	let hostUrl: string;
	const credentials = () => ({ invokeUrl: baseUrl, secretKey: server.secret });

	beforeAll(async () => {
		baseUrl = await server.start();
		hostUrl = await host.start();
	});
	afterAll(async () => {
		await host.stop();
		await server.stop();
	});
	beforeEach(() => {
		server.reset();
		host.reset();
		server.script = (request) => ({ kind: 'outcome', outcome: successFor(fixtureTruth[request.image.name] ?? VISA) });
	});

	const byUrl = (imageUrl: string, options: INodeParameters = {}): INodeParameters => ({ imageSource: 'url', imageUrl, options });

	async function failure(imageUrl: string, options: INodeParameters = {}, nodeType?: string) {
		const output = await runNode([{ json: {} }], {
			credentials: credentials(),
			parameters: byUrl(imageUrl, options),
			continueOnFail: true,
			nodeType,
		});
		expect(output).toHaveLength(1);
		expect(server.received).toHaveLength(0);
		return output[0].json as { error: string; errorCode: string; errorDescription: string; imageUrl?: string };
	}

	test('http to this machine: the image is downloaded, checked and sent with its exact bytes; the output names the URL without its query', async () => {
		const output = await runNode([{ json: {} }], {
			credentials: credentials(),
			parameters: byUrl(`${hostUrl}/cards/card-visa.png?token=s3cr3t`),
		});
		expect(server.received[0].request.image).toMatchObject({ format: 'png', name: 'card-visa.png' });
		expect(server.received[0].request.image.data.equals(fixture('card-visa.png'))).toBe(true);
		expect(output[0].json).toMatchObject({ number: VISA.number, imageUrl: `${hostUrl}/cards/card-visa.png` });
		expect(JSON.stringify(output)).not.toContain('s3cr3t');
	});

	test.each([
		['http://example.com/card.png', 'The Image URL of item 0 uses plain http:// for the remote host "example.com"'],
		['ftp://127.0.0.1/card.png', 'The Image URL of item 0 must start with https:// (got "ftp:")'],
		['card.png', 'The Image URL of item 0 is not a valid URL'],
		['https://user:pw@example.com/card.png', 'The Image URL of item 0 must not contain a user name or password'],
		['', 'Item 0 has no Image URL'],
	])('%s is refused before any request', async (url, message) => {
		const json = await failure(url);
		expect(json).toMatchObject({ error: message, errorCode: 'INVALID_INPUT' });
		expect(host.requested).toHaveLength(0);
	});

	test('plain http:// only as the Invoke URL allows it: spellings that are loopback only once parsed are refused', async () => {
		const port = new URL(hostUrl).port;
		for (const url of [
			`http://127.1:${port}/cards/card-visa.png?run=1`,
			'http://0x7f.1/cards/card-visa.png',
			`http://2130706433:${port}/x.png`,
		]) {
			const json = await failure(url);
			expect({ url, error: json.error, errorCode: json.errorCode }).toEqual({
				url,
				error: 'The Image URL of item 0 uses plain http:// in a form only a local address written exactly may use',
				errorCode: 'INVALID_INPUT',
			});
		}
		expect(host.requested).toHaveLength(0);
	});

	test('a card number in the URL is masked and a long URL capped, in errors, imageUrl, imageName and the name sent', async () => {
		const numbered = `${hostUrl}/as/4111111111111111.png`;
		const [read] = await runNode([{ json: {} }], { credentials: credentials(), parameters: byUrl(numbered) });
		expect(read.json).toMatchObject({ imageUrl: `${hostUrl}/as/************1111.png`, imageName: '************1111.png' });
		expect(server.received[0].request.image.name).toBe('************1111.png');
		server.reset();
		const missing = await failure(`${hostUrl}/cards/4111-1111-1111-1111.png`);
		expect(missing.error).toBe(`Item 0: The image at ${hostUrl}/cards/************1111.png answered HTTP 404`);
		expect(missing.imageUrl).toBe(`${hostUrl}/cards/************1111.png`);
		const remote = await failure('http://4111111111111111.example/card.png');
		expect(remote.error).toBe('The Image URL of item 0 uses plain http:// for the remote host "************1111.example"');

		const [long] = await runNode([{ json: {} }], {
			credentials: credentials(),
			parameters: byUrl(`${hostUrl}/as/${'a'.repeat(5000)}.png`),
		});
		expect((long.json.imageUrl as string).length).toBeLessThanOrEqual(203);
		expect((long.json.imageName as string).length).toBeLessThanOrEqual(203);
		server.reset();
		const tooLong = await failure(`${hostUrl}/cards/${'b'.repeat(5000)}.png`);
		expect(tooLong.error.length).toBeLessThan(300);
	});

	test('a failure of the image host is a NodeApiError with its HTTP status; unusable input stays a NodeOperationError', async () => {
		const thrown = async (url: string) =>
			(await runNode([{ json: {} }], { credentials: credentials(), parameters: byUrl(url) }).catch((error: unknown) => error)) as Error;
		const notFound = await thrown(`${hostUrl}/cards/nothing.png`);
		expect(notFound).toBeInstanceOf(NodeApiError);
		expect(notFound).toMatchObject({ httpCode: '404', message: `Item 0: The image at ${hostUrl}/cards/nothing.png answered HTTP 404` });
		const redirect = await thrown(`${hostUrl}/redirect`);
		expect(redirect).toBeInstanceOf(NodeApiError);
		expect(redirect).toMatchObject({ httpCode: '302' });
		const tooLarge = await thrown(`${hostUrl}/declared-too-large`);
		expect(tooLarge).toBeInstanceOf(NodeOperationError);
		expect(tooLarge).not.toBeInstanceOf(NodeApiError);
	});

	test('a redirect is not followed', async () => {
		const json = await failure(`${hostUrl}/redirect`);
		expect(json.error).toBe(`Item 0: The image at ${hostUrl}/redirect answered with a redirect (HTTP 302) to ${hostUrl.slice(7)}`);
		expect(json.errorCode).toBe('IMAGE_DOWNLOAD_FAILED');
		expect(host.requested).toEqual(['/redirect']);
	});

	test('a body without end is cut at the 20 MB limit while it downloads', async () => {
		const json = await failure(`${hostUrl}/endless`);
		expect(json).toMatchObject({ error: `Item 0: The image at ${hostUrl}/endless is larger than 20 MB`, errorCode: 'INVALID_INPUT' });
		// What the server had written when the node hung up: the limit plus socket buffers, far from its 64 MB.
		expect(host.bytesSent).toBeLessThan(MAX_URL_IMAGE_BYTES + 8 * 1024 * 1024);
	});

	test('a declared length over the limit fails before the body is read', async () => {
		const json = await failure(`${hostUrl}/declared-too-large`);
		expect(json.error).toBe(`Item 0: The image at ${hostUrl}/declared-too-large is 30.0 MB, over the 20 MB the node downloads`);
	});

	test('a body that trickles in is stopped by the total timeout, not an idle one', async () => {
		const started = Date.now();
		const json = await failure(`${hostUrl}/trickle`, { timeout: 1 });
		expect(json.error).toBe(`Item 0: The image at ${hostUrl}/trickle did not download within 1 s`);
		expect(Date.now() - started).toBeLessThan(4000);
	});

	test('a 404 and a file CLOVA cannot read fail like their binary counterparts', async () => {
		expect((await failure(`${hostUrl}/cards/nothing.png`)).error).toBe(
			`Item 0: The image at ${hostUrl}/cards/nothing.png answered HTTP 404`,
		);
		expect((await failure(`${hostUrl}/cards/notes.txt`)).error).toBe(
			`Item 0, image URL ${hostUrl}/cards/notes.txt: The file is a text file, which CLOVA OCR cannot read`,
		);
	});

	describe('as a tool (n8n runs it as clovaOcrTool, the model gives imageUrl through $fromAI)', () => {
		const asTool = { nodeType: `${NODE_TYPE}Tool` };
		// The image host is on 127.0.0.1, which a tool reaches only with Allow Local Addresses on.
		const toolParameters = (options: INodeParameters = {}, simplify = true) => ({
			...byUrl("={{ $fromAI('imageUrl', 'https URL of the card image', 'string') }}", { allowLocalAddresses: true, ...options }),
			simplify,
		});
		// What n8n's tool invocation hands the node: one item holding the model's arguments.
		const toolCall = () => [{ json: { imageUrl: `${hostUrl}/cards/card-visa.png` } }];
		const pci = `${VISA.number.slice(0, 6)}${'*'.repeat(VISA.number.length - 10)}${VISA.number.slice(-4)}`;

		test("the model reads what the tool returns: n8n's automatic tool description is the node's description", () => {
			const node = { id: 't', name: 'CLOVA OCR', type: `${NODE_TYPE}Tool`, typeVersion: 1, position: [0, 0] as [number, number] };
			const description = NodeHelpers.getToolDescriptionForNode(
				{ ...node, parameters: { operation: 'recognizeCreditCard', descriptionType: 'auto' } },
				new ClovaOcr(),
			);
			expect(description).toBe(new ClovaOcr().description.description);
			expect(description).toMatch(/image URL/);
			expect(description).toMatch(
				/Returns JSON per image: name, number \(masked to first 6 \+ last 4 digits when used as a tool\), validThru/,
			);
		});

		test('the number is PCI-masked by default, in the simplified and in the raw output', async () => {
			const [simplified] = await runNode(toolCall(), {
				credentials: credentials(),
				parameters: toolParameters({ includeRawResponse: true }),
				...asTool,
			});
			expect(simplified.json).toMatchObject({ number: pci, luhnValid: true, cardBrand: 'Visa' });
			expect(JSON.stringify(simplified.json)).not.toContain(VISA.number);
			const [raw] = await runNode(toolCall(), { credentials: credentials(), parameters: toolParameters({}, false), ...asTool });
			expect(JSON.stringify(raw.json)).toContain(pci);
			expect(JSON.stringify(raw.json)).not.toContain(VISA.number);
		});

		test('Mask Number set explicitly wins; outside a tool the default stays as returned', async () => {
			const [explicit] = await runNode(toolCall(), {
				credentials: credentials(),
				parameters: toolParameters({ maskNumber: 'asReturned' }),
				...asTool,
			});
			expect(explicit.json.number).toBe(VISA.number);
			const [regular] = await runNode(toolCall(), { credentials: credentials(), parameters: toolParameters() });
			expect(regular.json.number).toBe(VISA.number);
		});

		test('a tool downloads only from public https addresses unless Allow Local Addresses is on', async () => {
			const port = new URL(hostUrl).port;
			const call = async (imageUrl: string, options: INodeParameters = {}) => {
				const [item] = await runNode([{ json: { imageUrl } }], {
					credentials: credentials(),
					parameters: { ...toolParameters(options), options },
					continueOnFail: true,
					...asTool,
				});
				return item.json as { error?: string; errorCode?: string; number?: string };
			};
			const local = /^The Image URL of item 0 points at this machine or a private network address \(/;
			for (const [url, error] of [
				[`${hostUrl}/cards/card-visa.png`, /^The Image URL of item 0 must start with https:\/\/ when the node runs as an AI Agent tool$/],
				[`http://127.0.0.1:5678/webhook/abc?run=1`, /must start with https:\/\/ when the node runs as an AI Agent tool/],
				[`https://127.0.0.1:${port}/cards/card-visa.png`, local],
				['https://0x7f.1/', local],
				['https://2130706433/', local],
				['https://localhost/', local],
				['https://app.localhost./', local],
				['https://10.1.2.3/', local],
				['https://172.16.0.1/', local],
				['https://172.31.255.255/', local],
				['https://192.168.1.1/', local],
				['https://169.254.169.254/latest/meta-data/', local],
				['https://0.0.0.0/', local],
				['https://[::1]/', local],
				['https://[::]/', local],
				['https://[::ffff:127.0.0.1]/', local],
				['https://[fd12:3456::1]/', local],
				['https://[fe80::1]/', local],
			] as const) {
				const json = await call(url);
				expect({ url, errorCode: json.errorCode, matches: error.test(json.error ?? '') }).toEqual({
					url,
					errorCode: 'INVALID_INPUT',
					matches: true,
				});
			}
			expect(host.requested).toHaveLength(0);
			expect(server.received).toHaveLength(0);
			expect(await call(`${hostUrl}/cards/card-visa.png`, { allowLocalAddresses: true })).toMatchObject({ number: pci });
		});

		test('left at Binary File, the tool says to switch to Image URL', async () => {
			const error = await runNode(toolCall(), { credentials: credentials(), ...asTool }).catch((e: Error & { description?: string }) => e);
			expect((error as { description?: string }).description).toMatch(/or set Input to Image URL\.$/);
		});
	});
});
