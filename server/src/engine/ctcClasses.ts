/**
 * The recogniser's classes card text is decoded from, and its output per frame in the form the
 * decoder reads: each frame's best class over the whole dictionary, and the probabilities of only
 * the classes card text uses. PP-OCRv4's dictionary holds 6,625 classes and card text needs 148 of
 * them (letters, digits, marks and their look-alikes); the model can hand over just those (see
 * `withCardClassOutputs` in modelGraph.ts), and a full output is cut down to them here, so the
 * decoder has one path either way.
 */

/**
 * Card text is Latin: letters, digits and a little punctuation. Decoding only those classes
 * stops the Chinese-trained recogniser from reading an OCR-A "8" as a CJK glyph; what it was
 * unsure of keeps its low probability, so the field confidence still says so.
 */
const CARD_CHARACTERS = /^[A-Za-z0-9 /.\-',&]$/;
/** Glyphs of other scripts the model uses for Latin shapes; their probability counts for the ASCII class. */
const LOOKALIKE_CLASSES: Record<string, string> = { 〇: '0', 口: '0', 丨: '1', '｜': '1', '|': '1', Ⅰ: 'I', '—': '-', '－': '-', 一: '-' };

const DOTS = '.．。';
/** Hyphens and the dashes the model reads them as (一 is folded into the hyphen as a look-alike). */
const HYPHENS = '-－‐‑–—一';
const APOSTROPHES = "'’‘`´＇";

/** The outputs a recogniser rewritten by `withCardClassOutputs` adds: each frame's best class... */
export const CARD_BEST_OUTPUT = 'card_best_class';
/** ...and the kept classes' probabilities, frames x kept. */
export const CARD_PROBS_OUTPUT = 'card_class_probs';

/** Where each class the decoder reads sits among the kept classes (its column in a frame). */
export interface CardClassLayout {
	/** Dictionary indices of the kept classes, ascending: a frame's columns, in order. */
	kept: Int32Array;
	/** The columns that count as a card character, in dictionary order... */
	cardColumns: Int32Array;
	/** ...and the ASCII character code each stands for (full-width forms folded). */
	cardCodes: Int32Array;
	dotColumns: Int32Array;
	apostropheColumns: Int32Array;
	hyphenColumns: Int32Array;
	spaceColumn: number;
	/** The dictionary index of the space class (its last), as the frames' best classes name it. */
	spaceClass: number;
}

/** The recogniser's output for one crop: frames x kept classes, and each frame's best class overall. */
export interface CtcFrames {
	frames: number;
	/** Per frame, the dictionary index of its most probable class (the first of equals). */
	best: Int32Array;
	/** Per frame, the probabilities of the layout's kept classes, in its column order. */
	probs: Float32Array;
}

const layoutCache = new WeakMap<string[], CardClassLayout>();

/** Dictionary indices of these marks (full-width and curly forms included), in dictionary order. */
function markClasses(dictionary: string[], marks: string): number[] {
	return dictionary.flatMap((char, index) => (index > 0 && marks.includes(char) ? [index] : []));
}

/** The kept classes of a PaddleOCR dictionary (blank first, space last), cached per dictionary. */
export function cardClassLayout(dictionary: string[]): CardClassLayout {
	const cached = layoutCache.get(dictionary);
	if (cached) return cached;
	const card: number[] = [];
	const codes: number[] = [];
	dictionary.forEach((char, index) => {
		if (index === 0) return;
		const folded = LOOKALIKE_CLASSES[char] ?? char.normalize('NFKC');
		if (folded.length === 1 && CARD_CHARACTERS.test(folded)) {
			card.push(index);
			codes.push(folded.charCodeAt(0));
		}
	});
	const [dots, apostrophes, hyphens] = [DOTS, APOSTROPHES, HYPHENS].map((marks) => markClasses(dictionary, marks));
	const spaceClass = dictionary.length - 1;
	const kept = Int32Array.from(new Set([...card, ...dots, ...apostrophes, ...hyphens, spaceClass])).sort();
	const columnOf = new Map(Array.from(kept, (cls, column) => [cls, column]));
	const columns = (classes: number[]) => Int32Array.from(classes, (cls) => columnOf.get(cls) ?? -1);
	const layout: CardClassLayout = {
		kept,
		cardColumns: columns(card),
		cardCodes: Int32Array.from(codes),
		dotColumns: columns(dots),
		apostropheColumns: columns(apostrophes),
		hyphenColumns: columns(hyphens),
		spaceColumn: columnOf.get(spaceClass) ?? -1,
		spaceClass,
	};
	layoutCache.set(dictionary, layout);
	return layout;
}

/** A full output (frames x every class) cut down to the kept classes. */
export function ctcFramesOf(probs: Float32Array, frames: number, classes: number, layout: CardClassLayout): CtcFrames {
	const best = new Int32Array(frames);
	const kept = new Float32Array(frames * layout.kept.length);
	for (let t = 0; t < frames; t++) {
		const base = t * classes;
		let bestClass = 0;
		let bestProb = -1;
		for (let c = 0; c < classes; c++) {
			const p = probs[base + c];
			if (p > bestProb) {
				bestProb = p;
				bestClass = c;
			}
		}
		best[t] = bestClass;
		for (let k = 0; k < layout.kept.length; k++) kept[t * layout.kept.length + k] = probs[base + layout.kept[k]];
	}
	return { frames, best, probs: kept };
}
