/**
 * decodeCtc: greedy CTC decoding of the recogniser's per-frame class probabilities, here written by
 * hand, frame by frame, with no model: what is emitted and what the blank frames before each
 * character held.
 */
import { decodeCtc } from '../src/engine/recognizeText';

/** A PaddleOCR dictionary: the blank first, the space last. */
const DICTIONARY = ['blank', 'B', 'I', 'M', ' '];

/** Frames as class probabilities by character ('' for the blank); what a frame does not name is 0. */
function decode(frames: Array<Record<string, number>>) {
	const classes = DICTIONARY.length;
	const probs = new Float32Array(frames.length * classes);
	frames.forEach((frame, t) => {
		for (const [char, p] of Object.entries(frame)) probs[t * classes + (char === '' ? 0 : DICTIONARY.indexOf(char))] = p;
	});
	return decodeCtc(probs, 0, frames.length, classes, frames.length, DICTIONARY);
}

describe('decodeCtc: letters seen but not emitted', () => {
	test('a letter rising in the blank frames before a character is kept as the letter before it (DMITRI BARRA for DMITRI IBARRA)', () => {
		// I, a space, a blank frame where the model saw a second I at 0.31, then B.
		const chars = decode([{ I: 0.9 }, { '': 0.9 }, { ' ': 0.8 }, { '': 0.6, I: 0.31 }, { B: 0.95 }]);
		expect(chars.map((c) => c.char).join('')).toBe('I B');
		expect(chars[2].letterBefore?.char).toBe('I');
		expect(chars[2].letterBefore?.prob).toBeCloseTo(0.31, 2);
	});

	test('the tail of the letter emitted before, and the rise of the letter emitted after, are no letter lost', () => {
		const chars = decode([{ M: 0.9 }, { '': 0.6, M: 0.35 }, { '': 0.6, B: 0.35 }, { B: 0.95 }]);
		expect(chars.map((c) => c.char).join('')).toBe('MB');
		expect(chars[1].letterBefore).toBeUndefined();
		// Nor is a faint trace under LETTER_SEEN_MIN.
		expect(decode([{ M: 0.9 }, { '': 0.99, I: 0.005 }, { B: 0.95 }])[1].letterBefore).toBeUndefined();
	});
});
