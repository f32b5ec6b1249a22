/**
 * decodeCtc: greedy CTC decoding of the recogniser's per-frame class probabilities, here written by
 * hand, frame by frame, with no model: what is emitted, what the blank frames before each character
 * held, and what the name decoder makes of a letter the model saw there but did not emit.
 */
import { rereadUnsure } from '../src/engine/cardPipeline';
import { extractFields } from '../src/engine/extractFields';
import { rectCorners } from '../src/engine/geometry';
import type { RecognizedLine } from '../src/engine/recognizeText';
import { cardClassLayout, ctcFramesOf } from '../src/engine/ctcClasses';
import { decodeCtc } from '../src/engine/recognizeText';
import { groupIntoRows } from '../src/engine/textRows';
import type { CardFields } from '../src/engine/types';

const NOW = new Date('2026-11-30T00:00:00Z');
const HEIGHT = 30;
/** Width of one CTC frame in px: a letter and its blank frame make a pitch of 18 px. */
const FRAME = 9;

/** A PaddleOCR-like dictionary: the blank first, the space last; 丨 is a look-alike folded as 1. */
const DICTIONARY = [
	'blank',
	...'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
	...'abcdefghijklmnopqrstuvwxyz',
	...'0123456789',
	"'",
	'-',
	'.',
	'/',
	'丨',
	' ',
];

type Frame = Record<string, number>;

/** Text as frames (each character one sure frame, then a sure blank one), or frames as given. */
function framesOf(parts: Array<string | Frame>): Frame[] {
	return parts.flatMap((part) =>
		typeof part === 'string' ? [...part].flatMap((ch): Frame[] => [{ [ch]: 0.99, '': 0.01 }, { '': 0.99 }]) : [part],
	);
}

function decode(parts: Array<string | Frame>) {
	const frames = framesOf(parts);
	const classes = DICTIONARY.length;
	const probs = new Float32Array(frames.length * classes);
	frames.forEach((frame, t) => {
		for (const [char, p] of Object.entries(frame)) probs[t * classes + (char === '' ? 0 : DICTIONARY.indexOf(char))] = p;
	});
	const layout = cardClassLayout(DICTIONARY);
	return decodeCtc(ctcFramesOf(probs, frames.length, classes, layout), frames.length, layout);
}

/** A detector box at (x, y) whose crop gave these frames, with a blank margin at either end. */
function ctcLine(body: Array<string | Frame>, x: number, y: number): RecognizedLine {
	const parts = [{ '': 0.99 }, { '': 0.99 }, ...body, { '': 0.99 }];
	const chars = decode(parts);
	const width = framesOf(parts).length * FRAME;
	return {
		quad: rectCorners({ center: { x: x + width / 2, y: y + HEIGHT / 2 }, width, height: HEIGHT, angle: 0 }),
		chars,
		text: chars.map((c) => c.char).join(''),
	};
}

/** The name read from a card: the number on top, a date, and the name line given. */
function readName(...name: RecognizedLine[]) {
	const lines = [ctcLine(['4539 1488 0343 6467'], 40, 100), ctcLine(['12/29'], 200, 150), ...name];
	return extractFields(groupIntoRows(lines), NOW).fields.name;
}

/** A blank frame, with what else the model saw in it. */
const blank = (extra: Frame = {}): Frame => ({ '': 0.6, ...extra });

/** The name's text, and whether it is reported in doubt. */
const verdict = (name: { text: string; confidence: number } | undefined) => [name?.text, (name?.confidence ?? 1) < 0.9];

describe('decodeCtc: letters seen but not emitted', () => {
	test('a letter rising in the blank frames before a character is kept as the letter before it (DMITRI BARRA for DMITRI IBARRA)', () => {
		const chars = decode(['I', ' ', blank({ I: 0.31 }), 'B']);
		expect(chars.map((c) => c.char).join('')).toBe('I B');
		expect(chars[2].letterBefore?.char).toBe('I');
		expect(chars[2].letterBefore?.prob).toBeCloseTo(0.31, 2);
	});

	test("the tail of the letter emitted before, and the rise of the letter emitted after, are no letter lost, in either case or as a stroke's look-alike", () => {
		// The letters as single frames here: a tail follows its letter's frame, a rise leads into the next.
		for (const gap of [
			[blank({ M: 0.35 }), blank({ B: 0.35 })],
			[blank({ m: 0.2, M: 0.2 }), blank({ b: 0.35 })],
			// Nor a trace under LETTER_SEEN_MIN.
			[blank({ I: 0.005 })],
		])
			expect(decode([{ M: 0.99 }, ...gap, { B: 0.99 }])[1].letterBefore).toBeUndefined();
		// An I's own tail read as l or 1 is the I's (read-only review).
		expect(decode([{ I: 0.99 }, blank({ l: 0.2 }), blank({ '1': 0.1 }), { B: 0.99 }])[1].letterBefore).toBeUndefined();
	});

	test('a bump of the letter before, or after, past a dip is another glyph of it (read-only review: ALEN for ALLEN)', () => {
		const allen = decode(['AL', blank({ L: 0.01 }), blank({ L: 0.3 }), blank({ L: 0.01 }), 'EN']);
		expect(allen.map((c) => c.char).join('')).toBe('ALEN');
		expect(allen[2].letterBefore).toEqual({ char: 'L', prob: expect.closeTo(0.3, 2) });
		const johanna = decode(['JOHA', blank({ N: 0.3 }), blank({ N: 0.01 }), 'NA']);
		expect(johanna[4].letterBefore).toEqual({ char: 'N', prob: expect.closeTo(0.3, 2) });
	});

	test("a letter's classes in both cases and its look-alike strokes are summed, and a neighbour's stronger rise hides none (read-only review)", () => {
		expect(decode(['I', ' ', blank({ I: 0.07, l: 0.06, i: 0.03 }), 'B'])[2].letterBefore?.prob).toBeCloseTo(0.16, 2);
		expect(decode(['I', ' ', blank({ 丨: 0.31 }), 'B'])[2].letterBefore?.char).toBe('I');
		expect(decode(['N', ' ', blank({ '0': 0.31 }), 'R'])[2].letterBefore?.char).toBe('O');
		expect(decode(['I', ' ', blank({ '': 0.4, B: 0.33, I: 0.25 }), 'B'])[2].letterBefore?.char).toBe('I');
	});

	test('a space the model emitted passes what the frames before it held on to the next letter (read-only review: IVAN RLOV)', () => {
		const chars = decode(['IVAN', blank({ O: 0.31 }), ' ', 'RLOV']);
		expect(chars.find((c) => c.char === 'R')?.letterBefore?.char).toBe('O');
	});
});

describe('readName: a letter the model saw between two of the name and did not emit', () => {
	test('leaves the name in doubt, a space emitted or not (independent seed 221; read-only review)', () => {
		const clean = readName(ctcLine(['DMITRI', ' ', 'BARRA'], 40, 220));
		expect(verdict(clean)).toEqual(['DMITRI BARRA', false]);
		for (const lost of [
			readName(ctcLine(['DMITRI', ' ', blank({ I: 0.31 }), 'BARRA'], 40, 220)),
			readName(ctcLine(['DMITRI', blank({ ' ': 0.35 }), blank({ I: 0.31 }), 'BARRA'], 40, 220)),
			readName(ctcLine(['ANNA', ' ', 'AL', blank({ L: 0.01 }), blank({ L: 0.3 }), blank({ L: 0.01 }), 'EN'], 40, 220)),
			readName(ctcLine(['IVAN', blank({ O: 0.31 }), ' ', 'RLOV'], 40, 220)),
		])
			expect(verdict(lost)[1]).toBe(true);
	});

	test("is no doubt beside an apostrophe, whose tick reads as l, nor at a box's first letter, its crop's margin", () => {
		expect(verdict(readName(ctcLine(['MARY', ' ', 'O', blank({ l: 0.12 }), "'NEIL"], 40, 220)))).toEqual(["MARY O'NEIL", false]);
		const first = ctcLine(['DMITRI'], 40, 220);
		expect(verdict(readName(first, ctcLine([blank({ I: 0.31 }), 'BARRA'], first.quad[1].x + 9, 220)))).toEqual(['DMITRI BARRA', false]);
	});

	test('other crops that did not see the letter do not clear the doubt (read-only review)', async () => {
		const at = (prob: number): CardFields => {
			const name = readName(ctcLine(['DMITRI', ' ', blank({ I: prob }), 'BARRA'], 40, 220));
			return name ? { name } : {};
		};
		expect(verdict(at(0.31).name)).toEqual(['DMITRI BARRA', true]);
		const again = [at(0.08), at(0.06)];
		const merged = await rereadUnsure(at(0.31), async (grows) => grows.map((_, k) => again[k] ?? {}));
		expect(verdict(merged.name)).toEqual(['DMITRI BARRA', true]);
	});
});
