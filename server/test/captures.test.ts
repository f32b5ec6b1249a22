import { readFileSync } from 'fs';
import { join } from 'path';

import type { CardTruth } from '../../devkit/fixtures';
import { readTruth } from '../../devkit/fixtures';
import type { RunningServer } from '../../devkit/localServer/launch';
import { startLocalServer } from '../../devkit/localServer/launch';
import { CAPTURES, MISREAD } from '../../devkit/paths';

const SECRET = 'captures-secret';

/**
 * The bench generator's capture kinds and layouts, copied from CAPTURE_KINDS
 * (server/src/synth/captures.ts) and LAYOUTS (server/src/synth/benchDesign.ts). Not imported:
 * server/src/synth/benchSet.ts loads @napi-rs/canvas, sharp and pdf-lib at import. The last test
 * checks these copies against the generator's source, so a new kind or layout is noticed.
 */
const CAPTURE_KINDS = ['upright', 'upsideDown', 'portrait', 'scanPdf', 'scanTiff', 'photo12mp', 'closeUp'];
const LAYOUTS = ['classic', 'minimalist', 'numberAboveName', 'nameAboveNumber', 'portraitOneLine', 'portraitTwoLines'];

type FieldName = 'name' | 'number' | 'validThru';
const FIELDS: FieldName[] = ['name', 'number', 'validThru'];

/**
 * A right reading may still be flagged for review (below 0.9) when the engine had a reason to
 * doubt it; this many of the set's 132 fields may be, no more (5 of 42 were when the set was picked;
 * 7 of 57 since a date found only by the look over the whole card, as on two of the cards added,
 * is never reported sure; the 20th card's three are sure; 9 of 63 since a date after a VALID label
 * read cut is left open, as on upright-portraitOneLine-004, which also prints VALID FROM; 10 of 69
 * with scanPdf-minimalist-s2055-025, whose date only the look over the whole card found; 8 of 69
 * since a date the closer look reads beside its expiry label is reported as read; 9 of 72 with
 * closeUp-minimalist-h127-003, whose date only the look over the whole card found; 10 of 75 with
 * portrait-numberAboveName-h141-004, whose middle initial's stop only a crop past its box reads, in
 * doubt; the 31st and 32nd cards, of the twenty-third round, add one: a name cut at a product word
 * glued to it, in doubt; 11 of 102 with scanPdf-minimalist-s2141-019, whose expiry only the look
 * over the whole card read beside its label, where the first view read a decoy; 12 of 111 with
 * portrait-classic-t4-003, whose name a receipt's line beside the card leaves open; 11 of 123 since a
 * word gap the model hardly saw is sure where its crop stands blank there, as on the 38th and 39th
 * cards, whose names were flagged for that alone; the 44 cards' 132 fields with the twenty-eighth
 * round's three, one of them flagged: JAMES WILSON, read whole where a gap was taken out; the 47
 * cards' 141 fields with the twenty-ninth round's three, all sure; the 52 cards' 156 fields with the
 * thirty-second round's five, all sure; 12 of the 58 cards' 174 fields with the thirty-third round's
 * six: scanPdf-nameAboveNumber-s2177-015's date, which only the look over the whole card read; 13 of the 60 cards'
 * 180 fields with the thirty-fourth round's two: photo12mp-portraitOneLine-t21-011's name, chosen over a receipt's
 * lines beside the card that would have won but for their place; 16 of the 61 cards' 183 fields with the
 * thirty-fifth round's upright-classic-t23-011, whose name beside a product word and date after a
 * decoy are in doubt, and upsideDown-numberAboveName-t8-002's Eva de los Santos, whose particle's l
 * had its capital L close behind; 17 of the 63 cards' 189 fields with the thirty-sixth round's two:
 * upsideDown-nameAboveNumber-h221-004's DMITRI IBARRA, read whole only after a crop that saw a letter
 * it did not emit, in doubt; 17 of the 64 cards' 192 fields with the thirty-seventh round's
 * upsideDown-classic-t27-002, read surely; 18 of the 65 cards' 195 fields with the forty-second round's
 * upright-portraitOneLine-t32-018, whose date only its box read apart from its label read, in doubt; 20 of the 67 cards' 201
 * fields with the fiftieth round's two, whose names are in doubt: portrait-numberAboveName-t58-020's, set apart
 * from a page's line boxed beside it, and photo12mp-nameAboveNumber-s2251-027's, which only the closer look
 * read; 20 of the 69 cards' 207 fields with the fifty-second round's upright-numberAboveName-h283-021, whose middle
 * initial, taken from a box of its own, is in doubt at 0.89), so a change that flags right readings wholesale fails here. Numbers are Luhn-checked: a right number
 * is never flagged.
 */
const MAX_FLAGGED_FIELDS = 20;

interface CaptureTruth extends CardTruth {
	capture: string;
	layout: string;
	notes: string;
}

const truth = readTruth<CaptureTruth>(CAPTURES);
const misread = readTruth<CaptureTruth>(MISREAD);

interface Answer {
	status: number;
	body: {
		images?: Array<{
			inferResult: string;
			message: string;
			creditCard?: { result: Partial<Record<FieldName, { text: string; confidence: number }>> };
		}>;
	};
}

describe('local server: every capture kind and layout of the bench generator (seed 4242)', () => {
	let server: RunningServer;

	beforeAll(async () => {
		server = await startLocalServer(['--secret', SECRET]);
	}, 60_000);
	afterAll(async () => await server?.stop());

	async function send(file: string, data: Buffer): Promise<Answer> {
		const format = file.split('.').pop() ?? '';
		const response = await fetch(`${server.url}/document/credit-card`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'X-OCR-SECRET': SECRET },
			body: JSON.stringify({
				version: 'V2',
				requestId: `c-${file}`,
				timestamp: Date.now(),
				images: [{ format, name: file, data: data.toString('base64') }],
			}),
		});
		return { status: response.status, body: (await response.json()) as Answer['body'] };
	}

	const flagged: string[] = [];
	const cases = Object.entries(truth).map(([file, card]) => ({ file, card, capture: card.capture, layout: card.layout }));

	test.each(cases)(
		'$capture / $layout: $file is read exactly',
		async ({ file, card }) => {
			const { status, body } = await send(file, readFileSync(join(CAPTURES, file)));
			expect(status).toBe(200);
			const image = body.images?.[0];
			expect(image?.inferResult).toBe('SUCCESS');
			const result = image?.creditCard?.result ?? {};
			expect({ name: result.name?.text, number: result.number?.text, validThru: result.validThru?.text }).toEqual({
				name: card.name,
				number: card.number,
				validThru: card.validThru,
			});
			expect(result.number?.confidence).toBeGreaterThanOrEqual(0.9);
			flagged.push(...FIELDS.filter((f) => !((result[f]?.confidence ?? 0) >= 0.9)).map((f) => `${file} ${f} @${result[f]?.confidence}`));
		},
		40_000,
	);

	test.each(Object.entries(misread).map(([file, card]) => ({ file, card })))(
		'a card the engine misreads says so: $file',
		async ({ file, card }) => {
			const { status, body } = await send(file, readFileSync(join(MISREAD, file)));
			expect(status).toBe(200);
			const result = body.images?.[0]?.creditCard?.result ?? {};
			const wrongSurely = FIELDS.filter((f) => result[f]?.text !== card[f] && (result[f]?.confidence ?? 0) >= 0.9);
			expect(wrongSurely.map((f) => `${f}: ${f === 'number' ? '(number)' : result[f]?.text} @${result[f]?.confidence}`)).toEqual([]);
		},
		30_000,
	);

	test('a photo whose first look reads no number is looked at again at full size (independent seed 211)', async () => {
		// A dotted card filling a 1080 x 1440 portrait photo: at the first look's 640 px its OCR-B digits,
		// 13 px high, were not found, and the card was "No credit card found". At full size its 19-digit
		// number lost a group, in doubt; since the forty-third round the view of the whole text group,
		// looked at because of that doubt, reads it whole and surely. Its name is read there in doubt
		// (AH N. SOOJIN).
		const file = 'portrait-classic-h211-024.jpg';
		const { body } = await send(file, readFileSync(join(MISREAD, file)));
		const result = body.images?.[0]?.creditCard?.result ?? {};
		expect([result.number?.text === misread[file]?.number, result.validThru?.text]).toEqual([true, misread[file]?.validThru]);
		expect(result.number?.confidence).toBeGreaterThanOrEqual(0.9);
		expect(result.name?.text === misread[file]?.name || (result.name?.confidence ?? 0) < 0.9).toBe(true);
	}, 30_000);

	test('right readings are seldom flagged for review', () => {
		// The list, not only its length, so a failure names the fields to look at.
		expect(flagged.length <= MAX_FLAGGED_FIELDS ? [] : flagged).toEqual([]);
	});

	test('the set covers every capture kind and every layout', () => {
		const cards = Object.values(truth);
		expect([...new Set(cards.map((c) => c.capture))].sort()).toEqual([...CAPTURE_KINDS].sort());
		expect([...new Set(cards.map((c) => c.layout))].sort()).toEqual([...LAYOUTS].sort());
		for (const [file, card] of Object.entries(truth)) expect(file.startsWith(`${card.capture}-${card.layout}-`)).toBe(true);
	});

	test('the copied lists match the generator', () => {
		const source = (file: string, name: string): string[] => {
			const match = new RegExp(`export const ${name}\\b[^=]*=\\s*\\[([^\\]]*)\\]`).exec(
				readFileSync(join(__dirname, '..', 'src', 'synth', file), 'utf8'),
			);
			if (!match) throw new Error(`${name} not found in server/src/synth/${file}; update the copy in captures.test.ts`);
			return [...match[1].matchAll(/'([^']+)'/g)].map((m) => m[1]);
		};
		expect(source('captures.ts', 'CAPTURE_KINDS')).toEqual(CAPTURE_KINDS);
		expect(source('benchDesign.ts', 'LAYOUTS')).toEqual(LAYOUTS);
	});
});
