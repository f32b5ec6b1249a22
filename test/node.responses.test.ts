import type { INodeExecutionData } from 'n8n-workflow';

import type { ScriptedAnswer } from '../devkit/clova/testServer';
import { ClovaTestServer } from '../devkit/clova/testServer';
import { DOCS_FAILURE_SAMPLE, DOCS_SUCCESS_SAMPLE, successFor } from '../devkit/clova/outcomes';
import { fixtureInput } from '../devkit/fixtures';
import { binaryItems, runNode } from '../devkit/n8n/harness';

const VISA = '4111111111111111';

describe('CLOVA OCR node: what it makes of the answers', () => {
	const server = new ClovaTestServer();
	let baseUrl: string;
	const credentials = () => ({ invokeUrl: baseUrl, secretKey: server.secret });
	let answer: ScriptedAnswer;

	beforeAll(async () => {
		baseUrl = await server.start();
	});
	afterAll(async () => await server.stop());
	beforeEach(() => {
		server.reset();
		answer = { kind: 'outcome', outcome: successFor({ name: 'NOAH YOON', number: VISA, validThru: '09/35' }) };
		server.script = () => answer;
	});

	async function runOne(parameters = {}, continueOnFail = false): Promise<INodeExecutionData> {
		const items = await binaryItems([fixtureInput('card-visa.png')]);
		const output = await runNode(items, { credentials: credentials(), parameters, continueOnFail });
		expect(output).toHaveLength(1);
		return output[0];
	}

	test('the docs success sample is flattened, reading `confidence`', async () => {
		answer = { kind: 'raw', status: 200, body: DOCS_SUCCESS_SAMPLE };
		const { json } = await runOne();
		expect(json).toMatchObject({
			name: 'KAIY*** VENY***',
			nameConfidence: 0.8576972,
			number: '512571781234****',
			numberConfidence: 0.999885,
			validThru: '09/23',
			validThruConfidence: 0.9999175,
			confidence: 0.8576972,
			cardBrand: 'Mastercard',
			numberMasked: true,
			luhnValid: null,
			expiryMonth: 9,
			expiryYear: 2023,
			isExpired: true,
			needsReview: true,
			imageName: 'creditcard_test',
			uid: '{uid}',
			inferResult: 'SUCCESS',
			message: 'SUCCESS',
		});
		expect(json.reviewReasons).toEqual(['low_confidence_name', 'expired']);
	});

	test('`confidenceScore` is read as well', async () => {
		const body = JSON.parse(DOCS_SUCCESS_SAMPLE);
		const number = body.images[0].creditCard.result.number;
		number.confidenceScore = 0.42;
		delete number.confidence;
		answer = { kind: 'raw', status: 200, body: JSON.stringify(body) };
		const { json } = await runOne();
		expect(json.numberConfidence).toBe(0.42);
		expect(json.reviewReasons).toContain('low_confidence_number');
	});

	test('fields the service omits are null and flagged, never a crash', async () => {
		answer = { kind: 'outcome', outcome: successFor({ number: VISA }) };
		const { json } = await runOne();
		expect(json).toMatchObject({
			name: null,
			nameConfidence: null,
			validThru: null,
			expiryMonth: null,
			isExpired: null,
			number: VISA,
			luhnValid: true,
			cardBrand: 'Visa',
		});
		expect(json.reviewReasons).toEqual(['missing_name', 'missing_valid_thru']);
	});

	test('a clean card needs no review', async () => {
		const { json } = await runOne();
		expect(json).toMatchObject({
			needsReview: false,
			reviewReasons: [],
			luhnValid: true,
			expiryYear: 2035,
			expiryMonth: 9,
			isExpired: false,
			confidence: 0.99,
		});
	});

	test('a number failing Luhn is flagged', async () => {
		answer = { kind: 'outcome', outcome: successFor({ name: 'A B', number: '4111111111111112', validThru: '01/35' }) };
		const { json } = await runOne();
		expect(json.luhnValid).toBe(false);
		expect(json.reviewReasons).toEqual(['luhn_failed']);
	});

	test('an unreadable expiry is flagged', async () => {
		answer = { kind: 'outcome', outcome: successFor({ name: 'A B', number: VISA, validThru: '13/35' }) };
		const { json } = await runOne();
		expect(json.reviewReasons).toEqual(['bad_expiry']);
		expect(json.expiryMonth).toBeNull();
	});

	test.each([
		['asReturned', VISA],
		['pci', '411111******1111'],
		['last4', '************1111'],
	])('Mask Number %s', async (mode, expected) => {
		const { json } = await runOne({ options: { maskNumber: mode } });
		expect(json.number).toBe(expected);
		expect(json.luhnValid).toBe(true);
		expect(json.numberMasked).toBe(mode !== 'asReturned');
	});

	test('Amex 15 digits masked PCI-style keeps 6 + 4', async () => {
		answer = { kind: 'outcome', outcome: successFor({ name: 'A B', number: '378282246310005', validThru: '12/35' }) };
		const { json } = await runOne({ options: { maskNumber: 'pci' } });
		expect(json).toMatchObject({ number: '378282*****0005', cardBrand: 'American Express', luhnValid: true, expiryMonth: 12 });
	});

	test('Include Bounding Polygons and Include Raw Response add their parts', async () => {
		const { json } = await runOne({ options: { includeBoundingPolys: true, includeRawResponse: true } });
		const polys = json.boundingPolys as Record<string, { vertices: unknown[]; subBoundingPolys: unknown[] }>;
		expect(polys.number.vertices).toHaveLength(4);
		expect(polys.name.subBoundingPolys).toHaveLength(2);
		expect((json.rawResponse as { creditCard: object }).creditCard).toBeDefined();
	});

	test('Simplify off returns the body as returned', async () => {
		answer = { kind: 'raw', status: 200, body: DOCS_SUCCESS_SAMPLE };
		const { json } = await runOne({ simplify: false });
		// Plus the field the image came from, which every output item names.
		expect(json).toEqual({ ...JSON.parse(DOCS_SUCCESS_SAMPLE), binaryPropertyName: 'data' });
	});

	test('the docs failure sample (inferResult ERROR) is an item error with the service message', async () => {
		answer = { kind: 'raw', status: 200, body: DOCS_FAILURE_SAMPLE };
		await expect(runOne()).rejects.toThrow('CLOVA OCR could not read the card in item 0: Read page:0 error. (inferResult ERROR)');
		const { json, pairedItem } = await runOne({}, true);
		expect(json).toMatchObject({ errorCode: 'ERROR' });
		expect(json.error).toContain('Read page:0 error.');
		expect(pairedItem).toEqual({ item: 0 });
	});

	test('inferResult FAILURE carries the service message', async () => {
		answer = { kind: 'outcome', outcome: { kind: 'failure', message: 'No credit card found in the image.' } };
		const { json } = await runOne({}, true);
		expect(json).toMatchObject({
			errorCode: 'FAILURE',
			error: 'CLOVA OCR could not read the card in item 0: No credit card found in the image. (inferResult FAILURE)',
		});
	});

	test('a SUCCESS without a creditCard object is an item error', async () => {
		const body = JSON.parse(DOCS_SUCCESS_SAMPLE);
		delete body.images[0].creditCard;
		answer = { kind: 'raw', status: 200, body: JSON.stringify(body) };
		const { json } = await runOne({}, true);
		expect(json).toMatchObject({ errorCode: 'NO_CARD_RESULT', error: 'CLOVA OCR reported SUCCESS for item 0 but returned no card fields' });
	});
});
