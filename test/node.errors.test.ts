import type { INodeExecutionData } from 'n8n-workflow';

import type { ErrorCode } from '../server/src/protocol';
import { CLOVA_ERRORS, SHUTTING_DOWN } from '../server/src/protocol';
import type { ScriptedAnswer } from '../devkit/clova/testServer';
import { ClovaTestServer } from '../devkit/clova/testServer';
import { successFor } from '../devkit/clova/outcomes';
import { fixtureInput } from '../devkit/fixtures';
import { binaryItems, runNode } from '../devkit/n8n/harness';

const CARD = { name: 'NOAH YOON', number: '4111111111111111', validThru: '09/35' };
const ok: ScriptedAnswer = { kind: 'outcome', outcome: successFor(CARD) };

function clovaError(code: ErrorCode, message = 'service says no'): ScriptedAnswer {
	return { kind: 'raw', status: CLOVA_ERRORS[code].httpStatus, body: JSON.stringify({ code, message }) };
}

const HTML_502: ScriptedAnswer = {
	kind: 'raw',
	status: 502,
	contentType: 'text/html',
	body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>',
};
/** What a local server answers new work with while it drains on SIGTERM (server/src/drain.ts). */
const DRAINING: ScriptedAnswer = {
	kind: 'raw',
	status: SHUTTING_DOWN.httpStatus,
	body: JSON.stringify({ code: SHUTTING_DOWN.code, message: SHUTTING_DOWN.message }),
	headers: { 'Retry-After': '1' },
};
const TRUNCATED: ScriptedAnswer = { kind: 'raw', status: 200, body: '{"version":"V2","requestId":"1","images":[{"uid":"x","inferRes' };

describe('CLOVA OCR node: failures, retries and ordering', () => {
	const server = new ClovaTestServer();
	let baseUrl: string;
	const credentials = () => ({ invokeUrl: baseUrl, secretKey: server.secret });

	beforeAll(async () => {
		baseUrl = await server.start();
	});
	afterAll(async () => await server.stop());
	beforeEach(() => server.reset());

	/** Every answer the node received, errors included, must be free of the secret. */
	function expectNoSecret(value: unknown): void {
		expect(JSON.stringify(value)).not.toContain(server.secret);
	}

	async function runWith(answers: ScriptedAnswer[], parameters = {}, continueOnFail = true): Promise<INodeExecutionData> {
		server.script = (_request, attempt) => answers[Math.min(attempt, answers.length - 1)];
		const items = await binaryItems([fixtureInput('card-visa.png')]);
		const output = await runNode(items, { credentials: credentials(), parameters, continueOnFail });
		expect(output).toHaveLength(1);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expectNoSecret(output);
		return output[0];
	}

	const permanent: Array<[ErrorCode, string]> = [
		['0001', 'CLOVA OCR did not recognise the URL (code 0001)'],
		['0002', 'CLOVA OCR rejected the secret key (code 0002)'],
		['0011', 'CLOVA OCR found the request body invalid (code 0011)'],
		['0021', 'CLOVA OCR does not support the protocol version (code 0021)'],
		['0022', 'CLOVA OCR found the request domain invalid (code 0022)'],
		['0023', 'CLOVA OCR quota used up (code 0023)'],
		['1021', 'CLOVA OCR found no deployment for the domain (code 1021)'],
	];

	test.each(permanent)('code %s is not retried and says what to do', async (code, message) => {
		const { json } = await runWith([clovaError(code), ok], { options: { maxRetries: 3 } });
		expect(server.received).toHaveLength(1);
		expect(json).toMatchObject({ error: message, errorCode: code });
		expect(String(json.errorDescription)).toContain('service says no');
	});

	test('a redirect is not followed: the secret never reaches the other address, and the error names it', async () => {
		const elsewhere = new ClovaTestServer();
		const elsewhereUrl = await elsewhere.start();
		try {
			const location = `${elsewhereUrl}/custom/v1/9/x/document/credit-card`;
			const { json } = await runWith([{ kind: 'raw', status: 307, body: '', headers: { Location: location } }], {
				options: { maxRetries: 3 },
			});
			expect(json).toMatchObject({
				error: `The Invoke URL answered with a redirect (HTTP 307) to "${new URL(elsewhereUrl).host}"`,
				errorCode: 'HTTP_307',
			});
			expect(String(json.errorDescription)).toContain('does not follow redirects');
			expect(server.received).toHaveLength(1);
			expect(elsewhere.received).toHaveLength(0);
			expect(elsewhere.rejected).toHaveLength(0);
		} finally {
			await elsewhere.stop();
		}
	});

	test('0002 tells the user to check the Secret Key in the credentials', async () => {
		const { json } = await runWith([clovaError('0002')]);
		expect(String(json.errorDescription)).toMatch(/^Check the Secret Key in the CLOVA OCR API credentials/);
	});

	test('0023 says the quota is used up and retrying will not help', async () => {
		const { json } = await runWith([clovaError('0023')]);
		expect(String(json.errorDescription)).toContain('retrying now will not help');
	});

	const transient: Array<[string, ScriptedAnswer]> = [
		['rate limit 0025', clovaError('0025')],
		['0500', clovaError('0500')],
		['0501', clovaError('0501')],
		['an HTML 502 from a gateway', HTML_502],
		["a draining local server's 503", DRAINING],
		['truncated JSON', TRUNCATED],
		['a reset connection', { kind: 'reset' }],
	];

	test.each(transient)('%s is retried and then succeeds', async (_label, fault) => {
		const { json } = await runWith([fault, fault, ok], { options: { maxRetries: 2 } });
		expect(server.received.length).toBe(3);
		expect(json.number).toBe(CARD.number);
	});

	test.each([
		['rate limit 0025', clovaError('0025'), '0025', 'CLOVA OCR rate limit exceeded (code 0025)'],
		['an HTML 502 from a gateway', HTML_502, 'HTTP_502', 'CLOVA OCR answered HTTP 502'],
		['truncated JSON', TRUNCATED, 'BAD_RESPONSE', 'CLOVA OCR answered with a body the node cannot read'],
		['a reset connection', { kind: 'reset' } as ScriptedAnswer, 'ECONNRESET', 'The connection to CLOVA OCR failed (connection reset)'],
	])('%s that persists ends as an error item after Max Retries', async (_label, fault, code, message) => {
		const { json } = await runWith([fault], { options: { maxRetries: 1 } });
		expect(server.received).toHaveLength(2);
		expect(json).toMatchObject({ errorCode: code, error: message });
	});

	test('a slow answer past Timeout is retried, then reported as a timeout', async () => {
		const slow: ScriptedAnswer = { ...ok, delayMs: 2500 } as ScriptedAnswer;
		const recovered = await runWith([slow, ok], { options: { timeout: 1, maxRetries: 1 } });
		expect(recovered.json.number).toBe(CARD.number);
		server.reset();
		const { json } = await runWith([{ kind: 'hang' }], { options: { timeout: 1, maxRetries: 1 } });
		expect(json).toMatchObject({ errorCode: 'TIMEOUT', error: 'CLOVA OCR did not answer within 1 s' });
	});

	test('without Continue On Fail the first failing item stops the run with its item index', async () => {
		server.script = (request) => (request.image.name === 'bad' ? clovaError('0023') : ok);
		const items = await binaryItems(['card-visa.png', 'card-amex.jpg', 'card-jcb.tiff'].map((f) => fixtureInput(f)));
		const run = runNode(items, {
			credentials: credentials(),
			parameters: { options: { imageName: '={{ $itemIndex === 1 ? "bad" : "good" + $itemIndex }}', concurrency: 1 } },
		});
		await expect(run).rejects.toMatchObject({ message: 'CLOVA OCR quota used up (code 0023)', context: { itemIndex: 1 } });
		expect(server.received.map((r) => r.request.image.name)).toEqual(['good0', 'bad']);
	});

	test('with Continue On Fail every input gives one paired output, in input order, under concurrency', async () => {
		const names = Array.from({ length: 24 }, (_, i) => `card-${i}`);
		server.script = (request) => {
			const index = Number(request.image.name.split('-')[1]);
			const delayMs = (index * 37) % 120;
			if (index % 5 === 3) return { kind: 'raw', status: 400, body: JSON.stringify({ code: '0011', message: 'bad' }), delayMs };
			return { kind: 'outcome', outcome: successFor({ ...CARD, name: `HOLDER ${index}` }), delayMs };
		};
		const items = await binaryItems(names.map(() => fixtureInput('card-amex.jpg')));
		const output = await runNode(items, {
			credentials: credentials(),
			continueOnFail: true,
			parameters: { options: { imageName: '={{ "card-" + $itemIndex }}', concurrency: 6 } },
		});
		expect(output).toHaveLength(24);
		output.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			if (index % 5 === 3) expect(item.json.errorCode).toBe('0011');
			else expect(item.json.name).toBe(`HOLDER ${index}`);
		});
		expect(Math.max(...server.received.map((r) => r.inFlightAtArrival))).toBeLessThanOrEqual(6);
		expect(Math.max(...server.received.map((r) => r.inFlightAtArrival))).toBeGreaterThan(1);
	});

	test('under a rate limit of 3 the node adapts and loses nothing', async () => {
		server.rateLimit = 3;
		server.script = (request) => ({ kind: 'outcome', outcome: successFor({ ...CARD, name: request.image.name }), delayMs: 40 });
		const items = await binaryItems(Array.from({ length: 30 }, () => fixtureInput('card-visa.png')));
		const output = await runNode(items, {
			credentials: credentials(),
			parameters: { options: { imageName: '={{ "n" + $itemIndex }}', concurrency: 10, maxRetries: 6 } },
		});
		expect(output.map((item) => item.json.name)).toEqual(Array.from({ length: 30 }, (_, i) => `n${i}`));
	});

	test('no output, error or log line carries the secret or a full card number', async () => {
		const logged: string[] = [];
		const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
			jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' '))),
		);
		const echo = `card ${CARD.number} rejected, secret ${server.secret}`.replace(server.secret, 'x');
		const answers: ScriptedAnswer[] = [
			clovaError('0002', echo),
			clovaError('0011', `bad card 4111 1111 1111 1111`),
			{ kind: 'raw', status: 200, body: JSON.stringify({ images: [{ inferResult: 'ERROR', message: `could not read ${CARD.number}` }] }) },
			HTML_502,
			{ kind: 'reset' },
			ok,
		];
		const outputs: unknown[] = [];
		try {
			for (const answer of answers) {
				server.reset();
				server.script = () => answer;
				const items = await binaryItems([fixtureInput('card-visa.png')]);
				outputs.push(
					await runNode(items, {
						credentials: credentials(),
						continueOnFail: true,
						parameters: { options: { maxRetries: 0, maskNumber: 'pci' } },
					}),
				);
				outputs.push(
					await runNode(items, { credentials: credentials(), parameters: { options: { maxRetries: 0, maskNumber: 'last4' } } }).catch(
						(e: Error) => ({ message: e.message, description: (e as { description?: string }).description, stack: e.stack }),
					),
				);
			}
		} finally {
			spies.forEach((spy) => spy.mockRestore());
		}
		const everything = JSON.stringify(outputs) + logged.join('\n');
		expect(everything).toContain('0002');
		expect(everything).not.toContain(server.secret);
		expect(everything.replace(/\D/g, ' ')).not.toMatch(/4111\s?1111\s?1111\s?1111/);
	});
});
