import type { IExecuteFunctions } from 'n8n-workflow';

import { ClovaTestServer } from '../devkit/clova/testServer';
import { successFor } from '../devkit/clova/outcomes';
import { fixture, fixtureInput, fixtureTruth } from '../devkit/fixtures';
import { binaryItems, runNode } from '../devkit/n8n/harness';
import { binaryFilesOf } from '../nodes/ClovaOcr/binaryInput';

/** Where the Input Binary Field can point: a name, several, `prefix*`, a file object, n8n 2.x's `$json._files`. */
describe('CLOVA OCR node: binary sources', () => {
	const server = new ClovaTestServer();
	let baseUrl: string;
	const credentials = () => ({ invokeUrl: baseUrl, secretKey: server.secret });

	beforeAll(async () => {
		baseUrl = await server.start();
	});
	afterAll(async () => await server.stop());
	beforeEach(() => {
		server.reset();
		server.script = (request) => ({
			kind: 'outcome',
			outcome: successFor(fixtureTruth[request.image.name] ?? { name: 'X', number: '4111111111111111', validThru: '01/35' }),
		});
	});

	/** A mail as Gmail and IMAP give it: one item, one binary field per attachment. */
	const mail = async () =>
		await binaryItems([
			{ attachment_0: fixtureInput('card-visa.png'), attachment_1: fixtureInput('card-amex.jpg') },
			fixtureInput('card-jcb.tiff'),
		]);

	test('a binary object from an expression ({{ $binary.attachment_1 }}) is read, and named by its field', async () => {
		const output = await runNode(await mail(), {
			credentials: credentials(),
			parameters: { binaryPropertyName: '={{ $binary.attachment_1 }}' },
			continueOnFail: true,
		});
		expect(output[0].json).toMatchObject({ binaryPropertyName: 'attachment_1', number: fixtureTruth['card-amex.jpg'].number });
		expect(server.received[0].request.image.data.equals(fixture('card-amex.jpg'))).toBe(true);
		// Item 1 has no attachment_1: $binary.attachment_1 is undefined there, which is an input error, not a crash.
		expect(output[1].json).toMatchObject({
			errorCode: 'INVALID_INPUT',
			error: 'Input Binary Field of item 1 is neither a field name nor a file',
		});
	});

	test('several attachments of one mail: each is an output item paired with the mail and naming its field', async () => {
		for (const field of ['attachment_0, attachment_1', 'attachment_*']) {
			server.reset();
			const items = await mail();
			const output = await runNode(items.slice(0, 1), { credentials: credentials(), parameters: { binaryPropertyName: field } });
			expect(output.map((item) => [item.json.binaryPropertyName, item.json.number, item.pairedItem])).toEqual([
				['attachment_0', fixtureTruth['card-visa.png'].number, { item: 0 }],
				['attachment_1', fixtureTruth['card-amex.jpg'].number, { item: 0 }],
			]);
		}
	});

	test('with Continue On Fail an unreadable attachment is an error item that still names its field', async () => {
		const items = await binaryItems([{ attachment_0: fixtureInput('notes.txt'), attachment_1: fixtureInput('card-visa.png') }]);
		const output = await runNode(items, {
			credentials: credentials(),
			parameters: { binaryPropertyName: 'attachment_*' },
			continueOnFail: true,
		});
		expect(output.map((item) => item.json.binaryPropertyName)).toEqual(['attachment_0', 'attachment_1']);
		expect(output[0].json).toMatchObject({
			errorCode: 'INVALID_INPUT',
			error: 'Item 0, binary field "attachment_0": The file is a text file, which CLOVA OCR cannot read',
		});
		expect(output[1].json.number).toBe(fixtureTruth['card-visa.png'].number);
	});

	test('a prefix that matches no field lists the fields there are', async () => {
		const error = await runNode(await mail(), { credentials: credentials(), parameters: { binaryPropertyName: 'file_*' } }).then(
			() => undefined,
			(e: Error & { description?: string }) => e,
		);
		expect(error?.message).toBe('Item 0 has no binary field "file_*"');
		expect(error?.description).toMatch(/^This item's binary fields are: "attachment_0", "attachment_1"/);
		expect(server.received).toHaveLength(0);
	});

	test("a file object from another item (not one of this item's fields) is read by its id, binaryPropertyName null", async () => {
		const [stored] = await binaryItems([fixtureInput('card-mastercard.pdf')]);
		const items = [{ json: { card: stored.binary?.data } }];
		const output = await runNode(items, { credentials: credentials(), parameters: { binaryPropertyName: '={{ $json.card }}' } });
		expect(output[0].json).toMatchObject({ binaryPropertyName: null, number: fixtureTruth['card-mastercard.pdf'].number });
		expect(server.received[0].request.image.data.equals(fixture('card-mastercard.pdf'))).toBe(true);
	});

	test("n8n 2.x binary mode 'combined': the default field finds the file under $json._files, and so does the path _files.data", async () => {
		const [stored] = await binaryItems([fixtureInput('card-visa.png')]);
		const items = [{ json: { customer: 7, _files: { data: stored.binary?.data } } }];
		for (const field of ['data', '_files.data']) {
			server.reset();
			const output = await runNode(items, {
				credentials: credentials(),
				parameters: { binaryPropertyName: field },
				settings: { binaryMode: 'combined' },
			});
			expect(output[0].json).toMatchObject({ binaryPropertyName: '_files.data', number: fixtureTruth['card-visa.png'].number });
			expect(server.received[0].request.image.data.equals(fixture('card-visa.png'))).toBe(true);
		}
	});

	test('outside binary mode combined, a {mimeType, id} object in the JSON is data, not a file: nothing is read', async () => {
		const [stored] = await binaryItems([fixtureInput('card-visa.png')]);
		// What a webhook body or an API answer upstream could hold: the id of any stored file.
		const items = [{ json: { data: stored.binary?.data, nested: { file: stored.binary?.data }, _files: { data: stored.binary?.data } } }];
		for (const field of ['data', 'nested.file', '_files.data', '_files*', 'da*']) {
			const output = await runNode(items, { credentials: credentials(), parameters: { binaryPropertyName: field }, continueOnFail: true });
			expect({ field, errorCode: output[0].json.errorCode, error: output[0].json.error }).toEqual({
				field,
				errorCode: 'INVALID_INPUT',
				error: `Item 0 has no binary field "${field}"`,
			});
		}
		expect(server.received).toHaveLength(0);
	});

	test('a field named twice (attachment_0, attachment_*) is read once, where it first appears', async () => {
		const items = await mail();
		const output = await runNode(items.slice(0, 1), {
			credentials: credentials(),
			parameters: { binaryPropertyName: 'attachment_1, attachment_0, attachment_*, attachment_1' },
		});
		expect(output.map((item) => item.json.binaryPropertyName)).toEqual(['attachment_1', 'attachment_0']);
		expect(server.received).toHaveLength(2);
	});

	test('an in-memory file object is matched to its field without serialising its contents', () => {
		const data = Buffer.alloc(3 * 1024 * 1024, 7).toString('base64');
		const file = (fileName: string) => ({ data, mimeType: 'image/png', fileName, fileSize: '3.15 MB', fileExtension: 'png' });
		const item = { json: {}, binary: { first: file('a.png'), second: file('b.png') } };
		const stringify = jest.spyOn(JSON, 'stringify');
		try {
			const ctx = { getNode: () => ({ name: 'CLOVA OCR' }) } as unknown as IExecuteFunctions;
			const [found] = binaryFilesOf(ctx, item, { ...file('b.png') }, 0, false);
			expect(found).toMatchObject({ propertyName: 'second', via: 'field' });
			expect(stringify).not.toHaveBeenCalled();
		} finally {
			stringify.mockRestore();
		}
	});

	test('Keep Binary in binary mode combined carries $json._files on', async () => {
		const [stored] = await binaryItems([fixtureInput('card-visa.png')]);
		const items = [{ json: { _files: { data: stored.binary?.data } } }];
		const output = await runNode(items, {
			credentials: credentials(),
			parameters: { options: { keepBinary: true } },
			settings: { binaryMode: 'combined' },
		});
		expect(output[0].json._files).toEqual({ data: stored.binary?.data });
	});
});
