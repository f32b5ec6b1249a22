import { ClovaTestServer } from '../devkit/clova/testServer';
import { successFor } from '../devkit/clova/outcomes';
import { fixture, fixtureInput } from '../devkit/fixtures';
import { binaryItems, runNode, testCredentials } from '../devkit/n8n/harness';

describe('CLOVA OCR node: bad input fails before any request, naming the item and the fix', () => {
	const server = new ClovaTestServer();
	let baseUrl: string;
	const credentials = () => ({ invokeUrl: baseUrl, secretKey: server.secret });

	beforeAll(async () => {
		baseUrl = await server.start();
	});
	afterAll(async () => await server.stop());
	beforeEach(() => {
		server.reset();
		server.script = () => ({ kind: 'outcome', outcome: successFor({ name: 'A B', number: '4111111111111111', validThru: '01/35' }) });
	});

	async function failureOf(items: Awaited<ReturnType<typeof binaryItems>>, parameters = {}, creds = credentials()) {
		const run = runNode(items, { credentials: creds, parameters });
		const error = await run.then(
			() => {
				throw new Error('expected the node to fail');
			},
			(e: { message: string; description?: string; context?: { itemIndex?: number } }) => e,
		);
		expect(server.received).toHaveLength(0);
		expect(JSON.stringify({ message: error.message, description: error.description })).not.toContain(server.secret);
		return error;
	}

	test('a missing binary field lists the fields that exist', async () => {
		const items = await binaryItems([{ attachment_0: fixtureInput('card-visa.png') }]);
		const error = await failureOf(items);
		expect(error.message).toBe('Item 0 has no binary field "data"');
		expect(error.description).toBe(
			'This item\'s binary fields are: "attachment_0". Set "Input Binary Field" to the one that holds the card image.',
		);
		expect(error.context?.itemIndex).toBe(0);
	});

	test('an item without any binary says which node to put before', async () => {
		const error = await runNode([{ json: {} }], { credentials: credentials() }).catch((e: { description: string }) => e);
		expect((error as { description: string }).description).toMatch(/^This item carries no binary data at all/);
	});

	test('an empty file', async () => {
		const items = await binaryItems([fixtureInput('card-visa.png'), fixtureInput('empty.png')]);
		const error = await runNode(items, { credentials: credentials(), parameters: { options: { concurrency: 1 } } }).catch((e) => e);
		expect(server.received).toHaveLength(1);
		expect(error.message).toBe('The file in binary field "data" of item 1 is empty');
		expect(error.context?.itemIndex).toBe(1);
	});

	test.each([
		['notes.txt', 'a text file'],
		['card.gif', 'a GIF image'],
		['card.webp', 'a WebP image'],
	])('%s is refused as %s', async (file, kind) => {
		const error = await failureOf(await binaryItems([fixtureInput(file)]));
		expect(error.message).toBe(`Item 0, binary field "data": The file is ${kind}, which CLOVA OCR cannot read`);
		expect(error.description).toMatch(/^CLOVA OCR accepts JPEG, PNG, PDF \(single page\) or TIFF \(single page\)\. Convert the file first/);
	});

	test('a text file disguised with a .png name and image/png type is still refused', async () => {
		const error = await failureOf(await binaryItems([{ data: fixture('notes.txt'), fileName: 'card.png', mimeType: 'image/png' }]));
		expect(error.message).toBe('Item 0, binary field "data": The file is a text file, which CLOVA OCR cannot read');
	});

	test('an Image Format override that contradicts the bytes', async () => {
		const error = await failureOf(await binaryItems([fixtureInput('card-amex.jpg')]), { options: { imageFormat: 'png' } });
		expect(error.message).toBe('Item 0, binary field "data": Image Format is set to "png" but the file is JPEG');
		expect(error.description).toMatch(/^Set Options > Image Format to "Auto"/);
	});

	test('an image over 50 MB', async () => {
		const big = Buffer.alloc(51 * 1024 * 1024);
		fixture('card-visa.png').copy(big);
		const error = await failureOf(await binaryItems([{ data: big, fileName: 'huge.png', mimeType: 'image/png' }]));
		expect(error.message).toBe('The file in binary field "data" of item 0 is 51.0 MB, over the 50 MB CLOVA OCR accepts');
	});

	test('an invoke URL that is not a URL', async () => {
		const error = await failureOf(
			await binaryItems([fixtureInput('card-visa.png')]),
			{},
			{ invokeUrl: 'apigw ntruss com', secretKey: server.secret },
		);
		expect(error.message).toBe('The Invoke URL "apigw ntruss com" is not a valid URL');
	});

	test('plain http to a remote host', async () => {
		const error = await failureOf(
			await binaryItems([fixtureInput('card-visa.png')]),
			{},
			{
				invokeUrl: 'http://abc.apigw.ntruss.com/custom/v1/1/k',
				secretKey: server.secret,
			},
		);
		expect(error.message).toBe('The Invoke URL uses plain http:// for the remote host "abc.apigw.ntruss.com"');
	});

	test('with Continue On Fail an input error is an item like any other, paired and in order', async () => {
		const items = await binaryItems([fixtureInput('card-visa.png'), fixtureInput('notes.txt'), fixtureInput('card-amex.jpg')]);
		const output = await runNode(items, { credentials: credentials(), continueOnFail: true });
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[1].json).toMatchObject({
			errorCode: 'INVALID_INPUT',
			error: 'Item 1, binary field "data": The file is a text file, which CLOVA OCR cannot read',
		});
		expect(output[0].json.number).toBe('4111111111111111');
		expect(server.received).toHaveLength(2);
	});
});

describe('CLOVA OCR API credentials test', () => {
	const server = new ClovaTestServer();
	let baseUrl: string;

	beforeAll(async () => {
		baseUrl = await server.start();
	});
	afterAll(async () => await server.stop());

	test('a good secret passes (the service answers 400/0011 to the empty body)', async () => {
		expect(await testCredentials({ invokeUrl: `${baseUrl}/custom/v1/1/k/`, secretKey: server.secret })).toEqual({
			status: 'OK',
			message: 'Connection tested successfully',
		});
		expect(server.rejected.map((e) => e.code)).toEqual(['0011']);
	});

	test('a wrong secret is told apart (401/0002)', async () => {
		const result = await testCredentials({ invokeUrl: `${baseUrl}/document/credit-card`, secretKey: 'wrong' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^CLOVA OCR rejected the secret key \(code 0002\)\. Check the Secret Key/);
		expect(result.message).not.toContain('wrong');
	});

	test('plain http to a remote host fails with the fix in the host name', async () => {
		const result = await testCredentials({ invokeUrl: 'http://abc.apigw.ntruss.com/custom/v1/1/k', secretKey: 's' });
		expect(result.status).toBe('Error');
		expect(result.message).toContain('use-https-plain-http-is-only-for-localhost.invalid');
	});
});
