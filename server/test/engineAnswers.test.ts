import type { ServerResponse } from 'http';

import type { CardEngine, EngineAdmission } from '../src/engine/cardRecognizer';
import type { EncodedImage, EngineOutcome, Quad } from '../src/engine/types';
import { clovaOutcome, clovaRecognition } from '../src/engineAnswers';
import type { CreditCardRequest } from '../src/protocol';
import { writeOutcome } from '../src/protocol';

const request: CreditCardRequest = {
	mode: 'json',
	version: 'V2',
	requestId: 'r-1',
	timestamp: 0,
	image: { format: 'png', name: 'card', data: Buffer.from('png bytes'), family: 'png' },
};

/** Sends one outcome as the server would and returns what went over the wire. */
function answer(outcome: EngineOutcome) {
	let status = 0;
	let text = '';
	const res = {
		writeHead: (code: number) => {
			status = code;
		},
		end: (body: string) => {
			text = body;
		},
	} as unknown as ServerResponse;
	const sent = writeOutcome(res, request, clovaOutcome(outcome));
	expect(sent.status).toBe(status);
	return { ...sent, body: JSON.parse(text) as { code?: string; message?: string; images?: Array<Record<string, unknown>> } };
}

const box: Quad = [
	{ x: 0, y: 0 },
	{ x: 10, y: 0 },
	{ x: 10, y: 5 },
	{ x: 0, y: 5 },
];

describe('engine outcomes as CLOVA answers (src/engineAnswers.ts)', () => {
	test.each<[string, EngineOutcome, { status: number; code: string | null; inferResult: string | null }]>([
		[
			'card',
			{ kind: 'card', width: 100, height: 60, fields: { number: { text: '4111111111111111', confidence: 0.9, box, parts: [box] } } },
			{ status: 200, code: null, inferResult: 'SUCCESS' },
		],
		[
			'noCard',
			{ kind: 'noCard', message: 'No credit card found in the image.', width: 100, height: 60 },
			{ status: 200, code: null, inferResult: 'FAILURE' },
		],
		['unreadable', { kind: 'unreadable', message: 'Read page:0 error.' }, { status: 200, code: null, inferResult: 'ERROR' }],
		[
			'badInput',
			{ kind: 'badInput', message: 'The PDF has 2 pages; only single-page PDF is supported.' },
			{ status: 400, code: '0011', inferResult: null },
		],
		['busy', { kind: 'busy' }, { status: 400, code: '0025', inferResult: null }],
		[
			'fault',
			{ kind: 'fault', message: 'The recognition worker stopped: out of memory' },
			{ status: 500, code: '0501', inferResult: null },
		],
	])('%s', (_kind, outcome, expected) => {
		const sent = answer(outcome);
		expect({ status: sent.status, code: sent.code, inferResult: sent.inferResult }).toEqual(expected);
		if (expected.inferResult) expect(sent.body.images?.[0]).toMatchObject({ name: 'card', inferResult: expected.inferResult });
		else expect(sent.body.code).toBe(expected.code);
	});

	test('messages: the engine words image outcomes; service errors carry CLOVA messages, never the cause', () => {
		expect(
			answer({ kind: 'noCard', message: 'No credit card found in the image.', width: 100, height: 60 }).body.images?.[0],
		).toMatchObject({
			message: 'No credit card found in the image.',
			convertedImageInfo: { width: 100, height: 60, pageIndex: 0 },
		});
		expect(answer({ kind: 'unreadable', message: 'Read page:0 error.' }).body.images?.[0]).toMatchObject({ message: 'Read page:0 error.' });
		expect(answer({ kind: 'badInput', message: 'two pages' }).body).toEqual({ code: '0011', message: 'two pages' });
		expect(answer({ kind: 'busy' }).body).toEqual({ code: '0025', message: 'Calls to this API have exceeded the rate limit.' });
		expect(answer({ kind: 'fault', message: 'secret internals' }).body).toEqual({ code: '0501', message: 'OCR service error.' });
	});

	test('the adapter hands the engine the bytes and their family, and passes admission through', async () => {
		const seen: EncodedImage[] = [];
		const released: string[] = [];
		let room = true;
		const engine: Pick<CardEngine, 'recognize' | 'admit'> = {
			recognize: async (image) => {
				seen.push(image);
				return { kind: 'busy' };
			},
			admit: (): EngineAdmission | undefined =>
				room
					? {
							recognize: async (image) => {
								seen.push(image);
								return { kind: 'noCard', message: 'none' };
							},
							release: () => released.push('release'),
						}
					: undefined,
		};
		const recognition = clovaRecognition(engine);
		expect(await recognition.recognize(request)).toEqual({ kind: 'serviceError', code: '0025' });
		expect(await recognition.admit()?.recognize(request)).toMatchObject({ kind: 'failure', message: 'none' });
		recognition.admit()?.release();
		expect(released).toEqual(['release']);
		room = false;
		expect(recognition.admit()).toBeUndefined();
		expect(seen).toEqual([
			{ data: request.image.data, family: 'png' },
			{ data: request.image.data, family: 'png' },
		]);
	});
});
