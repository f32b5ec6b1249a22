import type { CardClassLayout, CtcFrames } from './ctcClasses';
import { CARD_BEST_OUTPUT, CARD_PROBS_OUTPUT, cardClassLayout, ctcFramesOf } from './ctcClasses';
import type { OcrModels } from './models';

import type { Quad } from './types';
import type { RgbImage } from './decode';
import { distance, median } from './geometry';

export const REC_HEIGHT = 48;
/** Long card-number lines reach ~15:1; wider crops only add padding cost. */
export const MAX_REC_WIDTH = 1200;
/** PaddleOCR's recognition input is at least this wide. */
const MIN_REC_WIDTH = 320;

export interface RecognizedChar {
	char: string;
	prob: number;
	/** Fractions of the line's width where the character's CTC frames start and end. */
	u0: number;
	u1: number;
	/** Highest probability of the space class in the blank frames just before this character. */
	spaceBefore: number;
	/** Highest probability of a full stop in those blank frames: a faint initial's dot. */
	dotBefore: number;
	/** Highest probability of an apostrophe in those blank frames: a thin mark the model left out (ONEILL). */
	apostropheBefore: number;
	/**
	 * Highest probability of a hyphen in those blank frames (and in a space the model emitted there):
	 * a hyphen the model left out or read as a gap (SHIN JIWOO, SOO JIN for SOO-JIN). Absent is 0.
	 */
	hyphenBefore?: number;
	/**
	 * The strongest letter in the blank frames since the last letter emitted (across an emitted space)
	 * that is no glyph of the letters either side, their tail and rise (see `letterInGap`): a letter
	 * the model saw but did not emit (DMITRI BARRA for DMITRI IBARRA, I at 0.31).
	 */
	letterBefore?: { char: string; prob: number };
	/** The runner-up card character at the frame this one peaked, for field-aware decoding. */
	alt: { char: string; prob: number } | null;
	/**
	 * The widest run of blank crop columns between this character and the one before, against the
	 * line's usual run between letters (withInkGaps). Absent on a crop's first character, on spaces
	 * the model emitted, and where the crop gives no usual run to weigh it by.
	 */
	inkGapBefore?: number;
}

export interface RecognizedLine {
	quad: Quad;
	chars: RecognizedChar[];
	text: string;
}

export interface Crop {
	pixels: Float32Array;
	width: number;
}

/**
 * The width of a line's crop at the recogniser's height, known before any pixel is sampled; a
 * stretch over 1 samples the same box that much wider, as if printed in a wider font, up to
 * `maxWidth` (a crop at the cap is squeezed back, whatever the stretch).
 */
export function cropWidth(quad: Quad, maxWidth = MAX_REC_WIDTH, stretch = 1): number {
	const [tl, tr, , bl] = quad;
	const boxWidth = Math.max(distance(tl, tr), 1);
	const boxHeight = Math.max(distance(tl, bl), 1);
	return Math.max(8, Math.min(maxWidth, Math.ceil((stretch * REC_HEIGHT * boxWidth) / boxHeight)));
}

/**
 * Samples the quad straight into a 48 px high BGR crop normalised to [-1, 1], supersampling
 * when shrinking so thin strokes survive.
 */
export function cropLine(image: RgbImage, quad: Quad, maxWidth = MAX_REC_WIDTH, stretch = 1): Crop {
	const [tl, tr, , bl] = quad;
	const boxHeight = Math.max(distance(tl, bl), 1);
	const width = cropWidth(quad, maxWidth, stretch);
	const pixels = new Float32Array(3 * REC_HEIGHT * width);
	const plane = REC_HEIGHT * width;
	const ux = { x: (tr.x - tl.x) / width, y: (tr.y - tl.y) / width };
	const vy = { x: (bl.x - tl.x) / REC_HEIGHT, y: (bl.y - tl.y) / REC_HEIGHT };
	const samples = boxHeight / REC_HEIGHT > 2 ? 3 : boxHeight / REC_HEIGHT > 1.2 ? 2 : 1;
	const n = samples * samples;
	const { data, width: sourceWidth, height: sourceHeight } = image;
	// Where each sample column starts along the line, worked out once and not once per row (the
	// same sums in the same order, so the same pixels).
	const alongX = new Float64Array(width * samples);
	const alongY = new Float64Array(width * samples);
	for (let x = 0; x < width; x++) {
		for (let sx = 0; sx < samples; sx++) {
			const fu = x + (sx + 0.5) / samples;
			alongX[x * samples + sx] = tl.x + ux.x * fu;
			alongY[x * samples + sx] = tl.y + ux.y * fu;
		}
	}
	for (let y = 0; y < REC_HEIGHT; y++) {
		for (let x = 0; x < width; x++) {
			let r = 0;
			let g = 0;
			let b = 0;
			for (let sy = 0; sy < samples; sy++) {
				const fv = y + (sy + 0.5) / samples;
				const downX = vy.x * fv;
				const downY = vy.y * fv;
				for (let sx = 0; sx < samples; sx++) {
					const px = alongX[x * samples + sx] + downX - 0.5;
					const py = alongY[x * samples + sx] + downY - 0.5;
					// addBilinear's sampling, written out: a call per sample made crops 1.6-2x slower to cut.
					const x0 = Math.max(0, Math.min(sourceWidth - 1, Math.floor(px)));
					const y0 = Math.max(0, Math.min(sourceHeight - 1, Math.floor(py)));
					const x1 = Math.min(sourceWidth - 1, x0 + 1);
					const y1 = Math.min(sourceHeight - 1, y0 + 1);
					const wx = Math.max(0, Math.min(1, px - x0));
					const wy = Math.max(0, Math.min(1, py - y0));
					const i00 = (y0 * sourceWidth + x0) * 3;
					const i01 = (y0 * sourceWidth + x1) * 3;
					const i10 = (y1 * sourceWidth + x0) * 3;
					const i11 = (y1 * sourceWidth + x1) * 3;
					r += (data[i00] * (1 - wx) + data[i01] * wx) * (1 - wy) + (data[i10] * (1 - wx) + data[i11] * wx) * wy;
					g += (data[i00 + 1] * (1 - wx) + data[i01 + 1] * wx) * (1 - wy) + (data[i10 + 1] * (1 - wx) + data[i11 + 1] * wx) * wy;
					b += (data[i00 + 2] * (1 - wx) + data[i01 + 2] * wx) * (1 - wy) + (data[i10 + 2] * (1 - wx) + data[i11 + 2] * wx) * wy;
				}
			}
			// BGR planes, as PaddleOCR's recogniser was trained.
			const at = y * width + x;
			pixels[2 * plane + at] = (r / n / 255 - 0.5) / 0.5;
			pixels[plane + at] = (g / n / 255 - 0.5) / 0.5;
			pixels[at] = (b / n / 255 - 0.5) / 0.5;
		}
	}
	return { pixels, width };
}

/**
 * The letter each character code is seen as, 0-25 for A-Z (-1 for none): both cases of a letter
 * are one, and so are the strokes an I is read as (l, 1, |) and the rounds an O is (0).
 */
const LETTER_KEY_OF = (() => {
	const keys = new Int8Array(128).fill(-1);
	for (let k = 0; k < 26; k++) {
		keys[65 + k] = k;
		keys[97 + k] = k;
	}
	for (const ch of 'l1|') keys[ch.charCodeAt(0)] = 'I'.charCodeAt(0) - 65;
	keys['0'.charCodeAt(0)] = 'O'.charCodeAt(0) - 65;
	return keys;
})();
/** A letter seen in a gap under this is noise, not kept. */
const LETTER_SEEN_MIN = 0.01;
/** A neighbour's letter that falls under this in a gap and rises again is another glyph of that letter. */
const LETTER_DIP = 0.05;

/** What each letter key's classes sum to in one frame's folded probabilities. */
function letterKeys(folded: Float32Array): Float32Array {
	const values = new Float32Array(26);
	for (let code = 33; code < 128; code++) if (LETTER_KEY_OF[code] >= 0) values[LETTER_KEY_OF[code]] += folded[code];
	return values;
}

/** The letter key of a character, -1 for none. */
function keyOf(char: string): number {
	const code = char.charCodeAt(0);
	return code < 128 ? LETTER_KEY_OF[code] : -1;
}

/**
 * The strongest letter seen in a gap's frames that is no glyph emitted either side of it: the letter
 * before the gap is left out until it dips under LETTER_DIP (its tail), the letter after it from its
 * last dip on (its rise), so a bump of the same letter between (ALEN for ALLEN, DMITRI BARRA for
 * DMITRI IBARRA with no space emitted) still counts.
 */
function letterInGap(frames: Float32Array[], previous: string, char: string): { char: string; prob: number } | null {
	const [before, after] = [keyOf(previous), keyOf(char)];
	let strongest: { char: string; prob: number } | null = null;
	for (let k = 0; k < 26; k++) {
		let from = 0;
		let to = frames.length;
		if (k === before) while (from < to && frames[from][k] >= LETTER_DIP) from += 1;
		if (k === after) while (to > from && frames[to - 1][k] >= LETTER_DIP) to -= 1;
		for (let t = from; t < to; t++) {
			const prob = frames[t][k];
			if (prob >= LETTER_SEEN_MIN && (!strongest || prob > strongest.prob)) strongest = { char: String.fromCharCode(65 + k), prob };
		}
	}
	return strongest;
}

/**
 * CTC greedy decoding: best class per frame, repeats collapsed, blanks (class 0) dropped. The
 * collapse runs on the model's own choices so two identical glyphs stay two. What is emitted is the
 * best card character at that frame, with look-alike classes folded in, and the runner-up is kept
 * for decoders that know what a field may contain. A word gap the model did not emit as a space
 * still raises the space class in its blank frames: that peak is kept too.
 */
export function decodeCtc(ctc: CtcFrames, usedFrames: number, layout: CardClassLayout): RecognizedChar[] {
	const { frames, best: bestOf, probs } = ctc;
	const columns = layout.kept.length;
	const folded = new Float32Array(128);
	const chars: RecognizedChar[] = [];
	const { spaceClass, spaceColumn, cardColumns, cardCodes, dotColumns, apostropheColumns, hyphenColumns } = layout;
	let previous = 0;
	let gapSpace = 0;
	let gapDot = 0;
	let gapApostrophe = 0;
	let gapHyphen = 0;
	// Each blank frame's letters since the last letter emitted (a space emitted between passes them on).
	let gapFrames: Float32Array[] = [];
	let lastLetter = '';
	for (let t = 0; t < frames; t++) {
		const base = t * columns;
		const best = bestOf[t];
		// Every frame's card characters, folded: a blank frame's letters are kept for the gap, an emitted
		// frame's give its character and runner-up.
		folded.fill(0);
		for (let i = 0; i < cardColumns.length; i++) folded[cardCodes[i]] += probs[base + cardColumns[i]];
		if (best === 0 || best === spaceClass) {
			gapSpace = Math.max(gapSpace, probs[base + spaceColumn]);
			let dot = 0;
			for (const c of dotColumns) dot += probs[base + c];
			gapDot = Math.max(gapDot, dot);
			let apostrophe = 0;
			for (const c of apostropheColumns) apostrophe += probs[base + c];
			gapApostrophe = Math.max(gapApostrophe, apostrophe);
			let hyphen = 0;
			for (const c of hyphenColumns) hyphen += probs[base + c];
			gapHyphen = Math.max(gapHyphen, hyphen);
			gapFrames.push(letterKeys(folded));
		}
		if (best === 0) {
			previous = best;
			continue;
		}
		let top = 32;
		let second = -1;
		for (let code = 33; code < 128; code++) {
			if (folded[code] > folded[top]) {
				second = top;
				top = code;
			} else if (second < 0 || folded[code] > folded[second]) second = code;
		}
		if (best === spaceClass) top = 32;
		const char = String.fromCharCode(top);
		const prob = Math.min(1, folded[top]);
		const alt = second >= 0 && second !== top ? { char: String.fromCharCode(second), prob: folded[second] } : null;
		if (best !== previous) {
			const letterBefore = char === ' ' ? null : letterInGap(gapFrames, lastLetter, char);
			if (char !== ' ') {
				gapFrames = [];
				lastLetter = char;
			}
			chars.push({
				...(letterBefore ? { letterBefore } : {}),
				char,
				prob,
				alt,
				u0: t / usedFrames,
				u1: (t + 1) / usedFrames,
				spaceBefore: gapSpace,
				dotBefore: gapDot,
				apostropheBefore: gapApostrophe,
				hyphenBefore: gapHyphen,
			});
			gapSpace = 0;
			gapDot = 0;
			gapApostrophe = 0;
			gapHyphen = 0;
		} else if (chars.length > 0) {
			const last = chars[chars.length - 1];
			last.u1 = (t + 1) / usedFrames;
			if (prob > last.prob) {
				last.prob = prob;
				last.char = char;
				last.alt = alt;
			}
		}
		previous = best;
	}
	return chars.map((c) => ({ ...c, u0: Math.min(1, c.u0), u1: Math.min(1, c.u1) }));
}

/**
 * The width a crop is padded to, as PaddleOCR does; also what it costs to read, since the
 * recogniser's time grows with its input's width.
 */
function paddedWidthOf(width: number): number {
	return Math.max(MIN_REC_WIDTH, width);
}

/** A recogniser's own output, every class of every frame, cut down to the card classes. */
function fullOutputFrames(tensor: { dims: readonly number[]; data: unknown }, layout: CardClassLayout): CtcFrames {
	const [, frames, classes] = tensor.dims;
	return ctcFramesOf(tensor.data as Float32Array, frames, classes, layout);
}

/** Reads one crop: padded, run through the recogniser and decoded. */
export async function readCrop(models: Pick<OcrModels, 'ort' | 'recognizer' | 'dictionary'>, crop: Crop): Promise<RecognizedChar[]> {
	const session = models.recognizer;
	const { pixels, width } = crop;
	const paddedWidth = paddedWidthOf(width);
	const plane = REC_HEIGHT * paddedWidth;
	// Padding is 0 after normalisation (mid grey), as in PaddleOCR's resize_norm_img.
	const input = new Float32Array(3 * plane);
	for (let c = 0; c < 3; c++) {
		for (let y = 0; y < REC_HEIGHT; y++) {
			input.set(pixels.subarray(c * REC_HEIGHT * width + y * width, c * REC_HEIGHT * width + (y + 1) * width), c * plane + y * paddedWidth);
		}
	}
	const output = await session.run({
		[session.inputNames[0]]: new models.ort.Tensor('float32', input, [1, 3, REC_HEIGHT, paddedWidth]),
	});
	const layout = cardClassLayout(models.dictionary);
	const best = output[CARD_BEST_OUTPUT];
	const kept = output[CARD_PROBS_OUTPUT];
	// Both come from one dictionary; a model cut for another would misread every character silently.
	if (kept && kept.dims[2] !== layout.kept.length)
		throw new Error(`the recogniser keeps ${kept.dims[2]} card classes, its dictionary ${layout.kept.length}`);
	const ctc =
		best && kept
			? { frames: kept.dims[1], best: best.data as Int32Array, probs: kept.data as Float32Array }
			: fullOutputFrames(output[session.outputNames[0]], layout);
	const usedFrames = Math.max(1, (width / paddedWidth) * ctc.frames);
	return withInkGaps(crop, decodeCtc(ctc, usedFrames, layout));
}

/**
 * Rows of a crop weighed for ink: all but its edge rows. A tight crop puts a T's bar or an L's foot
 * near its top or bottom, and a neighbouring line's edge there only makes a column less blank.
 */
const INK_BAND: [number, number] = [1, REC_HEIGHT - 1];
/** A column whose top-to-bottom spread is under this share of the crop's busy columns' is blank. */
const BLANK_SHARE = 0.3;
/** The percentile of column spread that stands for a column through a letter. */
const BUSY_PERCENTILE = 0.9;
/** A pair of letters this close to a space rise is no pair inside a word. */
const INNER_RISE = 0.1;
/** Fewest pairs inside words a line needs before its usual run between letters means anything. */
const MIN_INNER_PAIRS = 3;
/**
 * The usual run between letters is taken as at least this share of the letter step: tightly set
 * or blurred print leaves no blank column between most letters (a mastercard logo: 0), and a few
 * columns are no word gap. Proportional to the step, so a crop sampled wider (a name's widened
 * reads) weighs its gaps alike. Word gaps measured 9-64 columns, the usual runs beside them 2-16.
 */
const MIN_USUAL_SHARE = 0.1;
/** ...and at least this many columns. */
const MIN_USUAL_RUN = 2;

/**
 * How far apart the ink of each character and the one before stands, against the line's usual
 * spacing: the widest run of blank columns between their centres, over the median such run
 * between two letters or digits the model read inside a word. The model sees a word gap in the
 * frames it gives the space class; in small or tightly set print it hardly does (GRACEEHARRIS, the
 * class at 0.07-0.23 in its gaps), while the columns there are still blank. A column is blank when
 * its spread of brightness from top to bottom is small against that of columns through letters,
 * light print on a dark card or dark on a light one. A crop's first character, the spaces the model
 * emitted, and every character of a line with fewer than three pairs inside words get none.
 */
export function withInkGaps(crop: Crop, chars: RecognizedChar[]): RecognizedChar[] {
	const { pixels, width } = crop;
	const plane = REC_HEIGHT * width;
	const spread = new Float32Array(width);
	for (let x = 0; x < width; x++) {
		let low = Infinity;
		let high = -Infinity;
		for (let y = INK_BAND[0]; y < INK_BAND[1]; y++) {
			const at = y * width + x;
			const value = pixels[at] + pixels[plane + at] + pixels[2 * plane + at];
			if (value < low) low = value;
			if (value > high) high = value;
		}
		spread[x] = high - low;
	}
	const busy = spread.slice().sort()[Math.floor(BUSY_PERCENTILE * (width - 1))] ?? 0;
	const blank = (x: number) => spread[x] < busy * BLANK_SHARE;
	const centre = (c: RecognizedChar) => ((c.u0 + c.u1) / 2) * width;
	let previous = -1;
	const runs = chars.map((c, i) => {
		if (c.char === ' ') return null;
		const before = chars[previous];
		const adjacent = previous === i - 1;
		previous = i;
		if (!before) return null;
		let widest = 0;
		let run = 0;
		for (let x = Math.round(centre(before)); x < Math.round(centre(c)); x++) {
			run = blank(x) ? run + 1 : 0;
			widest = Math.max(widest, run);
		}
		const inner = adjacent && c.spaceBefore < INNER_RISE && /^[A-Za-z0-9]{2}$/.test(before.char + c.char);
		return { widest, inner, step: centre(c) - centre(before) };
	});
	const inner = runs.filter((r) => r?.inner);
	if (inner.length < MIN_INNER_PAIRS) return chars;
	const usual = Math.max(MIN_USUAL_RUN, MIN_USUAL_SHARE * median(inner.map((r) => r?.step ?? 0)), median(inner.map((r) => r?.widest ?? 0)));
	return chars.map((c, i) => {
		const run = runs[i];
		return run ? { ...c, inkGapBefore: run.widest / usual } : c;
	});
}

/**
 * Where crops of these widths are split between this thread and a lent one: the lent share is
 * the tail, a little under half, since its crops travel twice between threads.
 */
export function lendingSplit(widths: number[]): number {
	const total = widths.reduce((sum, width) => sum + paddedWidthOf(width), 0);
	let kept = 0;
	for (let i = 0; i < widths.length; i++) {
		if (kept + paddedWidthOf(widths[i]) / 2 >= total * KEPT_SHARE) return i;
		kept += paddedWidthOf(widths[i]);
	}
	return widths.length;
}

/** The share of the work this thread keeps when it lends the rest. */
const KEPT_SHARE = 0.55;

/**
 * Recognises every box with PP-OCRv4's CTC recogniser. Each crop is padded to max(320, its own
 * width) as PaddleOCR does, never to the widest crop of a batch: padding a short word out to a long
 * number line changes what the model reads and costs memory. Each crop is an inference of its own:
 * batching same-width crops saved no time on one intra-op thread, and onnxruntime's memory arena
 * keeps the buffers of the largest batch it ran (8 crops of 1200 px: 186 MB more per worker, one
 * crop: 59 MB; 120 requests in flight peaked at 513 MB with batches of 8, 419 MB without).
 *
 * When another worker is idle (a lone request), the tail of the crops is lent to it: the model
 * and its input are the same there, so the reading is too, in about half the time. Crops are
 * sampled one at a time as they are read, except the lent ones.
 */
export async function recognizeLines(
	models: OcrModels,
	image: RgbImage,
	boxes: Array<{ quad: Quad; score: number; stretch?: number }>,
): Promise<RecognizedLine[]> {
	const cropOf = (box: (typeof boxes)[number]) => cropLine(image, box.quad, MAX_REC_WIDTH, box.stretch);
	const split =
		boxes.length >= 2 && models.lender?.available()
			? lendingSplit(boxes.map((box) => cropWidth(box.quad, MAX_REC_WIDTH, box.stretch)))
			: boxes.length;
	const tail = boxes.slice(split).map(cropOf);
	const lent = tail.length > 0 && models.lender ? models.lender.read(tail) : null;
	const chars: RecognizedChar[][] = [];
	for (const box of boxes.slice(0, split)) chars.push(await readCrop(models, cropOf(box)));
	// The lender answers for a leading part of the tail, or none of it when it was wanted elsewhere.
	const answered = lent ? ((await lent) ?? []) : [];
	chars.push(...answered);
	for (const crop of tail.slice(answered.length)) chars.push(await readCrop(models, crop));
	return boxes.map((box, i) => ({ quad: box.quad, chars: chars[i], text: chars[i].map((c) => c.char).join('') }));
}
