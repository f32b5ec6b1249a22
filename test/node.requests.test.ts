import { ClovaOcrApi } from '../credentials/ClovaOcrApi.credentials';
import { READ_WHOLE_BELOW_BYTES, approximateBytes } from '../nodes/ClovaOcr/binaryInput';
import { SECRET_HEADER } from '../nodes/ClovaOcr/transport';
import { ClovaTestServer } from '../devkit/clova/testServer';
import { successFor } from '../devkit/clova/outcomes';
import { fixture, fixtureInput, fixtureTruth } from '../devkit/fixtures';
import { binaryItems, runNode } from '../devkit/n8n/harness';

describe('CLOVA OCR node: what it sends', () => {
	const server = new ClovaTestServer();
	let baseUrl: string;
	const credentials = () => ({ invokeUrl: `${baseUrl}/custom/v1/123/abc/`, secretKey: server.secret });

	beforeAll(async () => {
		baseUrl = await server.start();
	});
	afterAll(async () => await server.stop());
	beforeEach(() => {
		server.reset();
		server.script = (request) => {
			const truth = fixtureTruth[request.image.name];
			return { kind: 'outcome', outcome: successFor(truth ?? { name: 'X', number: '4111111111111111', validThru: '01/30' }) };
		};
	});

	test('the node sends the secret in the header the credential authenticates with (HTTP Request users get the same)', () => {
		expect(new ClovaOcrApi().authenticate.properties.headers).toEqual({ [SECRET_HEADER]: '={{$credentials.secretKey}}' });
	});

	const cases: Array<[string, string]> = [
		['card-visa.png', 'png'],
		['card-amex.jpg', 'jpg'],
		['card-mastercard.pdf', 'pdf'],
		['card-jcb.tiff', 'tiff'],
	];

	for (const mode of ['multipart', 'json'] as const) {
		test.each(cases)(`${mode}: %s is sent as format %s with its exact bytes`, async (file, format) => {
			const items = await binaryItems([fixtureInput(file)]);
			const output = await runNode(items, { credentials: credentials(), parameters: { requestMode: mode } });

			expect(server.received).toHaveLength(1);
			const { request, headers } = server.received[0];
			expect(request.mode).toBe(mode);
			expect(request.version).toBe('V2');
			expect(request.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
			expect(Number.isInteger(request.timestamp)).toBe(true);
			expect(Math.abs(request.timestamp - Date.now())).toBeLessThan(60_000);
			expect(request.image.format).toBe(format);
			expect(request.image.name).toBe(file);
			expect(request.image.data.equals(fixture(file))).toBe(true);
			expect(headers['x-ocr-secret']).toBe(server.secret);

			const truth = fixtureTruth[file];
			expect(output).toHaveLength(1);
			expect(output[0].json).toMatchObject({
				name: truth.name,
				number: truth.number,
				validThru: truth.validThru,
				requestId: request.requestId,
			});
			expect(output[0].pairedItem).toEqual({ item: 0 });
			expect(output[0].binary).toBeUndefined();
		});
	}

	test('the JSON body carries requestId as a string and timestamp as an integer, and multipart a message part without data', async () => {
		const items = await binaryItems([fixtureInput('card-visa.png')]);
		await runNode(items, { credentials: credentials(), parameters: { requestMode: 'json' } });
		await runNode(items, { credentials: credentials(), parameters: { requestMode: 'multipart' } });
		const [json, multipart] = server.received;
		expect(json.headers['content-type']).toMatch(/^application\/json/);
		expect(multipart.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(json.request.requestId).not.toBe(multipart.request.requestId);
	});

	test('every call gets a fresh requestId', async () => {
		const items = await binaryItems(['card-visa.png', 'card-amex.jpg', 'card-jcb.tiff'].map((f) => fixtureInput(f)));
		await runNode(items, { credentials: credentials() });
		const ids = new Set(server.received.map((r) => r.request.requestId));
		expect(ids.size).toBe(3);
	});

	test('format comes from the bytes even when mime type and extension lie', async () => {
		const items = await binaryItems([{ data: fixture('card-amex.jpg'), fileName: 'upload.bin', mimeType: 'application/octet-stream' }]);
		await runNode(items, { credentials: credentials() });
		expect(server.received[0].request.image.format).toBe('jpg');
	});

	test('an expression in a parameter is read per item; fixed values hold for every item', async () => {
		const items = await binaryItems(['card-visa.png', 'card-amex.jpg'].map((f) => fixtureInput(f)));
		await runNode(items, { credentials: credentials(), parameters: { options: { imageName: '={{ "card-" + $itemIndex }}' } } });
		await runNode(items, { credentials: credentials(), parameters: { options: { imageName: 'same-name' } } });
		expect(server.received.map((r) => r.request.image.name).sort()).toEqual(['card-0', 'card-1', 'same-name', 'same-name']);
	});

	test('Image Format and Image Name options are sent as set', async () => {
		const items = await binaryItems([fixtureInput('card-jcb.tiff')]);
		await runNode(items, { credentials: credentials(), parameters: { options: { imageFormat: 'tif', imageName: 'customer-42' } } });
		expect(server.received[0].request.image).toMatchObject({ format: 'tif', name: 'customer-42' });
	});

	test.each([
		['with the /document/credit-card suffix', '/custom/v1/1/k/document/credit-card'],
		['with a trailing slash after the suffix', '/custom/v1/1/k/document/credit-card/'],
		['as a bare host', ''],
	])('the invoke URL works %s', async (_label, path) => {
		const items = await binaryItems([fixtureInput('card-visa.png')]);
		const output = await runNode(items, { credentials: { invokeUrl: `${baseUrl}${path}`, secretKey: server.secret } });
		expect(output[0].json.number).toBe(fixtureTruth['card-visa.png'].number);
	});

	test.each(['multipart', 'json'] as const)('%s: a 3 MB file takes the streaming path and still arrives byte for byte', async (mode) => {
		const big = Buffer.alloc(3 * 1024 * 1024, 7);
		fixture('card-visa.png').copy(big);
		const items = await binaryItems([{ data: big, fileName: 'card-visa.png', mimeType: 'image/png' }]);
		expect(approximateBytes(items[0].binary?.data.fileSize)).toBeGreaterThanOrEqual(READ_WHOLE_BELOW_BYTES);
		const output = await runNode(items, { credentials: credentials(), parameters: { requestMode: mode } });
		expect(server.received[0].request.image.data.equals(big)).toBe(true);
		expect(output[0].json.number).toBe(fixtureTruth['card-visa.png'].number);
	});

	test.each(['multipart', 'json'] as const)('%s: a retried 3 MB file is read afresh and sent whole again', async (mode) => {
		const big = Buffer.alloc(3 * 1024 * 1024, 9);
		fixture('card-amex.jpg').copy(big);
		server.script = (_request, attempt) =>
			attempt === 0
				? { kind: 'raw', status: 500, body: JSON.stringify({ code: '0500', message: 'hiccup' }) }
				: { kind: 'outcome', outcome: successFor(fixtureTruth['card-amex.jpg']) };
		const items = await binaryItems([{ data: big, fileName: 'card-amex.jpg', mimeType: 'image/jpeg' }]);
		const output = await runNode(items, { credentials: credentials(), parameters: { requestMode: mode } });
		expect(server.received).toHaveLength(2);
		for (const received of server.received) expect(received.request.image.data.equals(big)).toBe(true);
		expect(output[0].json.number).toBe(fixtureTruth['card-amex.jpg'].number);
	});

	test.each([
		['48.4 kB', 48_400],
		['1.99 MB', 1_990_000],
		['3 MB', 3_000_000],
		['13 B', 13],
		[undefined, Infinity],
		['large', Infinity],
		['1.2.3 MB', Infinity],
	])("n8n's pretty file size %s reads as about %d bytes (unknown counts as large)", (pretty, bytes) => {
		expect(approximateBytes(pretty)).toBe(bytes);
	});

	test('Keep Binary passes the image on', async () => {
		const items = await binaryItems([fixtureInput('card-visa.png')]);
		const output = await runNode(items, { credentials: credentials(), parameters: { options: { keepBinary: true } } });
		expect(output[0].binary?.data?.fileName).toBe('card-visa.png');
	});
});
