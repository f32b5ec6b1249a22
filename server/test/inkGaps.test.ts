/**
 * withInkGaps: how far apart the ink of neighbouring characters stands in a recognition crop, against
 * the line's usual spacing. Crops are drawn here as bars of ink on a plain ground, no model needed.
 */
import { REC_HEIGHT, withInkGaps, type Crop, type RecognizedChar } from '../src/engine/recognizeText';

/** A letter 10 px wide, its left edge at `x`. */
interface Glyph {
	char: string;
	x: number;
}

const GLYPH = 10;

/**
 * A crop with each glyph drawn as a box outline (ink down both sides and along top and bottom, as a
 * letter crosses its columns), ink and ground given in the crop's [-1, 1] scale.
 */
function crop(glyphs: Glyph[], width: number, { ink = -1, ground = 1, stripes = false } = {}): Crop {
	const pixels = new Float32Array(3 * REC_HEIGHT * width).fill(ground);
	const plane = REC_HEIGHT * width;
	const paint = (x: number, y: number) => {
		for (let c = 0; c < 3; c++) pixels[c * plane + y * width + x] = ink;
	};
	for (const { x } of glyphs)
		for (let y = 10; y < 38; y++) for (let dx = 0; dx < GLYPH; dx++) if (dx < 2 || dx >= GLYPH - 2 || y < 12 || y >= 36) paint(x + dx, y);
	// A pattern printed across the whole line: no column is blank.
	if (stripes) for (let x = 0; x < width; x += 1) paint(x, 20 + (x % 7));
	return { pixels, width };
}

/** What the recogniser would return for these glyphs: each character over its glyph's middle. */
function chars(glyphs: Glyph[], width: number, spaceBefore: Record<number, number> = {}): RecognizedChar[] {
	return glyphs.map((g, i) => ({
		char: g.char,
		prob: 0.99,
		u0: (g.x + 3) / width,
		u1: (g.x + 7) / width,
		spaceBefore: spaceBefore[i] ?? 0,
		dotBefore: 0,
		apostropheBefore: 0,
		alt: null,
	}));
}

/** `text` set with `inner` px between letters and `gap` px for each space. */
function set(text: string, inner: number, gap: number): { glyphs: Glyph[]; width: number } {
	const glyphs: Glyph[] = [];
	let x = 4;
	for (const char of text) {
		if (char === ' ') {
			x += gap - inner;
			continue;
		}
		glyphs.push({ char, x });
		x += GLYPH + inner;
	}
	return { glyphs, width: x + 4 };
}

const inkGaps = (read: RecognizedChar[]) => read.map((c) => c.inkGapBefore);

describe('withInkGaps', () => {
	test('a word gap the model hardly saw stands blank several times as wide as the gaps between letters', () => {
		const { glyphs, width } = set('GRACE HARRIS', 3, 14);
		const gaps = inkGaps(withInkGaps(crop(glyphs, width), chars(glyphs, width, { 5: 0.12 })));
		expect(gaps[0]).toBeUndefined();
		expect(gaps[5]).toBeGreaterThanOrEqual(4);
		for (const i of [1, 2, 3, 4, 6, 7, 8, 9, 10]) expect(gaps[i]).toBeCloseTo(1, 5);
	});

	test('light print on a dark card is measured the same', () => {
		const { glyphs, width } = set('GRACE HARRIS', 3, 14);
		const dark = inkGaps(withInkGaps(crop(glyphs, width, { ink: 0.8, ground: -0.9 }), chars(glyphs, width, { 5: 0.12 })));
		expect(dark[5]).toBeGreaterThanOrEqual(4);
		expect(dark[3]).toBeCloseTo(1, 5);
	});

	test('letters set evenly wide apart have no gap wider than the rest', () => {
		const { glyphs, width } = set('WALTER', 8, 8);
		expect(inkGaps(withInkGaps(crop(glyphs, width), chars(glyphs, width, { 3: 0.12 }))).slice(1)).toEqual([1, 1, 1, 1, 1]);
	});

	test('a pattern across the gap leaves no blank columns to measure', () => {
		const { glyphs, width } = set('GRACE HARRIS', 3, 14);
		const gaps = inkGaps(withInkGaps(crop(glyphs, width, { stripes: true }), chars(glyphs, width)));
		expect(gaps[5]).toBeDefined();
		expect(gaps[5]).toBeLessThan(1);
	});

	test('a faint texture on the ground leaves the gaps blank', () => {
		const { glyphs, width } = set('GRACE HARRIS', 3, 14);
		const textured = crop(glyphs, width);
		// Halftone dots at a tenth of the print's contrast, every fourth pixel.
		for (let i = 0; i < textured.pixels.length; i += 4) if (textured.pixels[i] === 1) textured.pixels[i] = 0.8;
		const gaps = inkGaps(withInkGaps(textured, chars(glyphs, width, { 5: 0.12 })));
		expect(gaps[5]).toBeGreaterThanOrEqual(4);
		expect(gaps[3]).toBeCloseTo(1, 5);
	});

	test('letters set touching make a few blank columns no word gap', () => {
		// No blank column between letters: the usual run is taken as 2 columns at least.
		const { glyphs, width } = set('GRACE HARRIS', 0, 5);
		const gaps = inkGaps(withInkGaps(crop(glyphs, width), chars(glyphs, width, { 5: 0.12 })));
		expect(gaps[5]).toBeLessThan(3);
		expect(gaps[5]).toBeGreaterThan(0);
	});

	test('a mark beside a letter is no pair inside a word', () => {
		// Initials and their stops: no two letters stand side by side, so there is no usual run.
		const { glyphs, width } = set('A.B.C.D', 3, 14);
		expect(inkGaps(withInkGaps(crop(glyphs, width), chars(glyphs, width))).every((g) => g === undefined)).toBe(true);
	});

	test('a line with fewer than three pairs of letters inside a word has no usual spacing', () => {
		const { glyphs, width } = set('JO LI', 3, 14);
		expect(inkGaps(withInkGaps(crop(glyphs, width), chars(glyphs, width, { 2: 0.3 })))).toEqual([
			undefined,
			undefined,
			undefined,
			undefined,
		]);
	});
});
