import type { Point, Quad } from './types';
import { belowLine, distance, dot, median, quadCenter, subQuad, unit } from './geometry';
import type { RecognizedLine } from './recognizeText';

/** One character placed on the image, with where it came from. */
export interface PlacedChar {
	char: string;
	prob: number;
	/** The character's own quad in image coordinates. */
	quad: Quad;
	/** Position along the row's direction, for ordering and de-duplication. */
	along: number;
	/** Index of the detected box it came from: box changes count as word gaps. */
	box: number;
	/** How sure the recogniser is of the word gap before this character (0 when it saw none). */
	spaceBefore: number;
	/** How likely a full stop the recogniser did not emit sits just before this character. */
	dotBefore: number;
	/** How likely an apostrophe the recogniser did not emit sits just before this character. */
	apostropheBefore: number;
	/** How likely a hyphen the recogniser did not emit sits just before this character (absent: 0). */
	hyphenBefore?: number;
	alt: { char: string; prob: number } | null;
	/** Where the character's detector box starts and ends along the row. */
	boxSpan: [number, number];
	/** The blank run before this character against its line's usual one between letters (withInkGaps). */
	inkGapBefore?: number;
	/** A letter put in for the look-alike digit the recogniser read (0 for O): a guess. */
	fromDigit?: boolean;
	/** An apostrophe put in for the letter the recogniser read (OISULLIVAN), or for ink it did not read (DELLACQUA): a guess. */
	markForLetter?: true;
	/** A letter read on after a gap found before it was taken out, its crop blank no wider there than between letters: a guess. */
	gapTakenOut?: true;
	/** A letter after a space the recogniser emitted faintly where its crop stood no blanker than between letters. */
	unbackedGapBefore?: true;
	/** A letter the model saw in the blank frames before this character but did not emit (recognizeText). */
	letterBefore?: { char: string; prob: number };
	/** Its box joined the row lined up along a wider box's direction only, not along its own (groupIntoRows). */
	alongOnly?: true;
	/** A space put in where the space class rose between letters no further apart than a letter step. */
	tightGap?: boolean;
	/** A space the recogniser emitted itself, faintly, between letters no further apart than a letter step. */
	crampedSpace?: boolean;
	/** Read from a box much shorter than its row's (joinGapLetters): part of a glyph as much as a glyph. */
	shortBox?: true;
	/**
	 * A stroke (I, l) first in a box that overlaps the box before, nearer that box's last letter than
	 * its letters stand apart: the edge of that letter, read again by the next box, or a letter.
	 */
	edgeStroke?: true;
}

export interface TextRow {
	chars: PlacedChar[];
	/** Text with a space wherever a box changes or the recogniser read one. */
	text: string;
	/** Index into `chars` for every character of `text` (-1 for inserted spaces). */
	charIndex: number[];
	center: Point;
	height: number;
	direction: Point;
}

/**
 * Probability of the space class in a blank gap above which the gap is a word space. Measured on
 * names read letter-perfect: inside words it peaks at 0.03, in word gaps the model left blank it
 * is 0.25 and up.
 */
export const SPACE_THRESHOLD = 0.15;
/** Above this the gap is a word space beyond doubt; a rise under it (KOWAL CZYK at 0.168) is a gap in doubt. */
const SURE_SPACE = 0.22;
/** A space at this probability or more is a sure word gap to the name's word split. */
export const SURE_GAP_PROB = 0.5;
/** A space put in for a rise in doubt: under SURE_GAP_PROB, so the name stays in doubt. */
const DOUBTFUL_RISE_SPACE = 0.45;

interface LineGeometry {
	line: RecognizedLine;
	index: number;
	center: Point;
	height: number;
	direction: Point;
	/** A lone letter's small box taken into the row whose word gap it stands in: its size is not the row's. */
	joined?: true;
	/** Joined its row lined up along a wider box's direction only. */
	alongOnly?: true;
}

/** A box's length along its own direction. */
function boxWidth(g: LineGeometry): number {
	return distance(g.line.quad[0], g.line.quad[1]);
}

function geometryOf(line: RecognizedLine, index: number): LineGeometry {
	const [tl, tr, , bl] = line.quad;
	return { line, index, center: quadCenter(line.quad), height: Math.max(distance(tl, bl), 1), direction: unit(tl, tr) };
}

/**
 * Groups detected boxes into rows of text: digit groups and words are often separate boxes,
 * and on a tilted photo a row is a band along the text direction, not a band of equal y.
 */
export function groupIntoRows(lines: RecognizedLine[]): TextRow[] {
	const items = lines.map(geometryOf).filter((g) => g.line.chars.length > 0);
	const rows: LineGeometry[][] = [];
	/** How far b's centre stands from a's centre line, across a's direction (signed). */
	const across = (a: LineGeometry, b: LineGeometry) => belowLine(a.center, b.center, a.direction);
	const glyphs = (g: LineGeometry) => g.line.chars.filter((c) => c.char !== ' ');
	// Boxes on one line sit side by side; boxes that overlap along the line are stacked lines.
	// A box that reaches into its neighbour's blank margin on the very same line is that line's next
	// word: the detector grows its boxes, and a short word's reaches into the one before it (bench seed
	// 2165: OH 14 px into JAEHO, a third of its own width, their centres 1 px apart across the line).
	const stacked = (a: LineGeometry, b: LineGeometry) => {
		const along = (p: Point) => dot(p, a.direction);
		const spanA = [along(a.line.quad[0]), along(a.line.quad[1])];
		const spanB = [along(b.line.quad[0]), along(b.line.quad[1])];
		const overlap = Math.min(spanA[1], spanB[1]) - Math.max(spanA[0], spanB[0]);
		if (overlap <= Math.min(spanA[1] - spanA[0], spanB[1] - spanB[0]) * 0.3) return false;
		// Not a box round one glyph: it can lie anywhere, often over a neighbour's letters it read again.
		if (glyphs(a).length < 2 || glyphs(b).length < 2) return true;
		// Only the boxes' blank margins overlap: one box's letter centres all end well before the other's begin.
		const letterSpan = (g: LineGeometry, span: number[]) => {
			const list = glyphs(g);
			const [first, last] = [list[0], list[list.length - 1]];
			const at = (c: { u0: number; u1: number }) => span[0] + ((span[1] - span[0]) * (c.u0 + c.u1)) / 2;
			return [at(first), at(last)];
		};
		const [lettersA, lettersB] = [letterSpan(a, spanA), letterSpan(b, spanB)];
		const apart = Math.max(lettersB[0] - lettersA[1], lettersA[0] - lettersB[1]);
		const height = Math.max(a.height, b.height);
		return !(apart >= height * REACH_IN && Math.abs(across(a, b)) < height * SAME_LINE);
	};
	// At the same height across the line, and of about the same size.
	const linesUp = (a: LineGeometry, b: LineGeometry) => {
		const ratio = b.height / a.height;
		return Math.abs(across(a, b)) < Math.max(a.height, b.height) * 0.45 && ratio > 0.6 && ratio < 1.6;
	};
	// Lining up is asked both ways: a box round one glyph can point anywhere, and along its own
	// normal a box far above it can seem in line (seed 2061: a speck read as D joined a number's row).
	// A short box of digits right beside a wider box of digits, pointing its way within a few degrees,
	// is asked only along the wider box's direction: its own is a few degrees off (third-hand set 23:
	// a 19-digit number's last group "972", its box 6 degrees off the number's and 6 px past its end,
	// stood 20 px off the number's centre line along its own normal, and the number was read as its
	// first 16 digits). Not a word, nor a box a word gap away: print beside the card may lie on the
	// extension of a card's line, and its own direction is then the only sign (third-hand set 24: a
	// receipt's CAI before DAVID WRIGHT; a read-only review: a product word after a name).
	const digitsOnly = (g: LineGeometry) => glyphs(g).every((c) => /\d/.test(c.char));
	const mostlyDigits = (g: LineGeometry) => glyphs(g).filter((c) => /\d/.test(c.char)).length >= glyphs(g).length * 0.7;
	const besideAlong = (wide: LineGeometry, narrow: LineGeometry) => {
		const along = (p: Point) => dot(p, wide.direction);
		const [w0, w1] = [along(wide.line.quad[0]), along(wide.line.quad[1])];
		const narrowSpan = narrow.line.quad.map(along);
		const gap = Math.max(Math.min(...narrowSpan) - w1, w0 - Math.max(...narrowSpan));
		return (
			gap < wide.height * BESIDE_GAP &&
			glyphs(narrow).length >= 2 &&
			digitsOnly(narrow) &&
			mostlyDigits(wide) &&
			dot(wide.direction, narrow.direction) >= SAME_DIRECTION
		);
	};
	const bothWays = (a: LineGeometry, b: LineGeometry) => linesUp(a, b) && linesUp(b, a);
	// Lined up both ways implies lined up along the wider box with sizes within 1.6 of each other.
	const alongWider = (a: LineGeometry, b: LineGeometry) => {
		const [wide, narrow] = boxWidth(a) >= boxWidth(b) ? [a, b] : [b, a];
		const sizes = Math.max(a.height, b.height) / Math.min(a.height, b.height);
		return besideAlong(wide, narrow) && linesUp(wide, narrow) && sizes < 1.6;
	};
	// Left to right, each box joins the row of a box it lines up with, so rows chain along tilted text,
	// but never a row holding a box it is stacked over: small labels printed tight over two dates side
	// by side line up with the first date's neighbour and would be read into the dates' row.
	// A box round one letter that a word's box (letters, no digits) reaches over does not keep the word
	// out of its row: it is set apart in a row of its own, and taken into the word gap it stands in, if
	// any, as any lone letter is (`joinGapLetters`). Independent seed 283: EDWIN Z KOWALSKI, the Z's box
	// grown 17 px into KOWALSKI's, had joined EDWIN's row and kept KOWALSKI out of it: EDWIN ZKC, in doubt.
	const letterOverWord = (member: LineGeometry, item: LineGeometry) =>
		glyphs(member).length === 1 &&
		/[A-Za-z]/.test(glyphs(member)[0].char) &&
		glyphs(item).filter((c) => /[A-Za-z]/.test(c.char)).length >= 2 &&
		!glyphs(item).some((c) => /\d/.test(c.char));
	// Set apart only after every box has found its row, so none joins a row through such a letter alone
	// or joins the letter's own row (a read-only review: a box reading Z KOW again took it, and KOWALSKI).
	const setApart: LineGeometry[][] = [];
	for (const item of [...items].sort((a, b) => a.center.x - b.center.x)) {
		const over = (member: LineGeometry) => stacked(member, item) && letterOverWord(member, item);
		const row = rows.find(
			(candidate) =>
				candidate.some((member) => !over(member) && (bothWays(member, item) || alongWider(member, item))) &&
				!candidate.some((member) => stacked(member, item) && !letterOverWord(member, item)),
		);
		if (!row) {
			rows.push([item]);
			continue;
		}
		for (const member of row.filter(over)) {
			row.splice(row.indexOf(member), 1);
			setApart.push([member]);
		}
		row.push(row.some((member) => bothWays(member, item)) ? item : { ...item, alongOnly: true });
	}
	rows.push(...setApart);
	return joinGapLetters(rows)
		.map(buildRow)
		.sort((a, b) => a.center.y - b.center.y);
}

/** The most white, in line heights, beside a lone letter taken into a word gap (SAMUEL V QUINTERO: 1.04 and 0.96). */
const GAP_LETTER_WHITE = 1.5;
/** A letter read under this in a short box is a speck (an E at 0.02 between MARY and O'NEIL, seed 2085), not an initial. */
const GAP_LETTER_FLOOR = 0.1;
/** The letters a name's print is read as digits for: O as 0, I as 1, S as 5, B as 8. */
export const LETTER_FOR_DIGIT: Readonly<Record<string, string>> = { '0': 'O', '1': 'I', '5': 'S', '8': 'B' };
/**
 * A look-alike digit alone in a short box is taken into a word gap only if read at least this surely:
 * a speck is read as a digit as readily as a letter.
 */
const GAP_DIGIT_FLOOR = 0.5;

/**
 * A lone letter in a box of its own, too small to line up with the words it stands between, is
 * theirs: a middle initial the detector boxed short (independent seed 177: the V of SAMUEL V
 * QUINTERO in a box 10 px high between words 25 px high, read as a line of its own, so the name
 * came apart at the gap it left). So is an initial with its stop in a row of its own, its short box
 * turned off the words' line (third-hand set 46: the R. of CHLOE R. CARTER, 19 degrees off). Only in
 * a word gap between two boxes of letters (never digits: a number's group whose last digit was read
 * as a look-alike letter), on their line's axis, with no more than a line height and a half of white
 * on either side (a speck past a name, before a label further off, stays out), its middle in the gap
 * (its box may reach a little into theirs). So is a look-alike digit alone in such a box, read fairly
 * surely (independent seed 253: the O of DELPHINE O WHITFIELD in OCR-B, boxed short and read as 0 at
 * 0.66; the name came back without it at 0.994); the name's reading makes it the letter, in doubt.
 */
function joinGapLetters(rows: LineGeometry[][]): LineGeometry[][] {
	// With its stop, a capital read surely: a small letter with a dot (a page's list mark "a.") or a
	// faint one is as likely a speck (a read-only review).
	const lone = (row: LineGeometry[]) => {
		const chars = row.length === 1 ? row[0].line.chars : [];
		const text = chars.map((c) => c.char).join('');
		return (
			(/^[A-Za-z]$/.test(text) && chars[0].prob >= GAP_LETTER_FLOOR) ||
			(/^[A-Z]\.$/.test(text) && chars[0].prob >= GAP_LETTER_SURE) ||
			(Object.hasOwn(LETTER_FOR_DIGIT, text) && chars[0].prob >= GAP_DIGIT_FLOOR)
		);
	};
	// An initial with its stop (Z.) boxed on its own is short too, and its box's direction is as unsure:
	// lined up along it, it can join a row of print beside the card that runs its way from far off
	// (third-hand seed 41: the Z. of ALEXANDRA Z. MILLER, its box 15 degrees off the name's, joined a
	// page's line 7 line heights away and the name came apart). Such a box, with no other of its row
	// within a word gap, is taken out of that row to the row it stands in a word gap of, if any.
	const strays = new Set(rows.flatMap((row) => row.filter((item) => strayInitial(item, row))));
	// Each row without its strays, by the row it was.
	const rest = new Map<LineGeometry[], LineGeometry[]>();
	const kept = rows
		.filter((row) => !lone(row))
		.map((row) => {
			const left = row.filter((item) => !strays.has(item));
			rest.set(row, left);
			return left;
		});
	// A row of strays alone is empty now: no host, and back in `kept` only if a stray stays in it.
	const hosts = kept.filter((row) => row.length > 0);
	const width = (member: LineGeometry) => distance(member.line.quad[0], member.line.quad[1]);
	const glyphAt = (member: LineGeometry, end: 'first' | 'last') => {
		const chars = member.line.chars.filter((c) => c.char !== ' ');
		return end === 'first' ? chars[0] : chars[chars.length - 1];
	};
	const letterAt = (member: LineGeometry, end: 'first' | 'last') => glyphAt(member, end)?.char ?? '';
	// Only a letter read surely reaches into the words: a speck's box overlapping both (ANNA | LEE, an I
	// at 0.3 to 0.6; read-only reviews) would run into a word.
	const reach = (glyph: LineGeometry) => ((glyphAt(glyph, 'first')?.prob ?? 0) >= GAP_LETTER_SURE ? GAP_LETTER_REACH : 0);
	// How far off the host row's axis the glyph is, where it stands in a word gap of that row.
	const offsetIn = (glyph: LineGeometry, row: LineGeometry[]): number | null => {
		const members = row.filter((m) => !m.joined);
		const { direction } = members.reduce((widest, m) => (width(m) > width(widest) ? m : widest));
		const along = (p: Point) => dot(p, direction);
		const start = (m: LineGeometry) => Math.min(along(m.line.quad[0]), along(m.line.quad[3]));
		const end = (m: LineGeometry) => Math.max(along(m.line.quad[1]), along(m.line.quad[2]));
		const middle = (m: LineGeometry) => along(m.center);
		// Where a glyph's own frames put it along the row: its box may be much wider than it.
		const glyphMiddle = (m: LineGeometry, which: 'first' | 'last') => {
			const c = glyphAt(m, which);
			return c ? along(quadCenter(subQuad(m.line.quad, c.u0, c.u1))) : middle(m);
		};
		const sorted = [...members].sort((a, b) => start(a) - start(b));
		for (let k = 0; k + 1 < sorted.length; k++) {
			const [left, right] = [sorted[k], sorted[k + 1]];
			const offset = Math.abs((glyph.center.x - left.center.x) * -direction.y + (glyph.center.y - left.center.y) * direction.x);
			const before = start(glyph) - end(left);
			const after = start(right) - end(glyph);
			if (
				glyph.height < left.height * (strays.has(glyph) ? STRAY_SIZE : 1) &&
				offset < left.height * 0.45 &&
				before >= -left.height * reach(glyph) &&
				after >= -left.height * reach(glyph) &&
				middle(glyph) > end(left) &&
				middle(glyph) < start(right) &&
				glyphMiddle(glyph, 'first') - glyphMiddle(left, 'last') >= left.height * GAP_LETTER_APART &&
				glyphMiddle(right, 'first') - glyphMiddle(glyph, 'last') >= left.height * GAP_LETTER_APART &&
				Math.max(before, after) <= left.height * GAP_LETTER_WHITE &&
				!/\d/.test(left.line.text + right.line.text) &&
				/[A-Za-z]/.test(letterAt(left, 'last')) &&
				/[A-Za-z]/.test(letterAt(right, 'first'))
			)
				return offset;
		}
		return null;
	};
	const take = (glyph: LineGeometry): boolean => {
		let host: LineGeometry[] | null = null;
		let nearest = Infinity;
		for (const candidate of hosts) {
			const offset = offsetIn(glyph, candidate);
			if (offset !== null && offset < nearest) [host, nearest] = [candidate, offset];
		}
		if (host) host.push({ ...glyph, joined: true });
		return host !== null;
	};
	for (const row of rows) if (lone(row) && !take(row[0])) kept.push(row);
	// A stray initial no word gap takes stays in the row it joined (at its array's end: buildRow orders by place).
	for (const row of rows) for (const item of row) if (strays.has(item) && !take(item)) rest.get(row)?.push(item);
	return kept.filter((row) => row.length > 0);
}

/**
 * A box holding one letter and a full stop, in a row whose other boxes all stand more than a word gap
 * of white away from it along the row's line.
 */
function strayInitial(item: LineGeometry, row: LineGeometry[]): boolean {
	const glyphs = item.line.chars.filter((c) => c.char !== ' ');
	if (row.length < 2 || glyphs.length !== 2 || !/^[A-Za-z]\.$/.test(glyphs.map((c) => c.char).join(''))) return false;
	if (glyphs[0].prob < GAP_LETTER_FLOOR) return false;
	const along = (p: Point) => dot(p, item.direction);
	const span = (g: LineGeometry) => g.line.quad.map(along);
	const [start, end] = [Math.min(...span(item)), Math.max(...span(item))];
	return row.every((other) => {
		if (other === item) return true;
		const gap = Math.max(Math.min(...span(other)) - end, start - Math.max(...span(other)));
		return gap > Math.max(item.height, other.height) * GAP_LETTER_WHITE;
	});
}

/**
 * How far, in line heights, a letter's box may reach into the boxes either side of the word gap it
 * stands in, its middle in the gap: the detector grows boxes (third-hand seed 41: the Q of RUI Q KHAN
 * boxed 13 px into RUI's box, a line height and a half before KHAN's, and the name read RUI KHAN).
 */
const GAP_LETTER_REACH = 0.6;
/** ...if read at least this surely (the Q at 0.97). */
const GAP_LETTER_SURE = 0.9;
/**
 * How far, in line heights, a letter taken into a word gap stands at least from the letters either
 * side: nearer, the row would take it for one of theirs read again by two boxes and keep the surer
 * (an F at 0.55 in NAM HYE | RIN's gap, half a line height from the E, took the E's place or lost to it).
 */
const GAP_LETTER_APART = 0.5;
/** A stray initial (with its stop, boxed as tall as a word) may stand this much taller than the words beside it. */
const STRAY_SIZE = 1.2;
/** Boxes that overlap along the line with their letters this many line heights apart... */
const REACH_IN = 0.5;
/** ...and their centres at most this share of a line's height apart across it are on the same line. */
const SAME_LINE = 0.15;
/** Boxes whose directions are closer than this cosine (about 11 degrees) point along one line. */
const SAME_DIRECTION = 0.98;
/** A box this many line heights or less past another's end stands beside it, closer than a word gap. */
const BESIDE_GAP = 0.5;

/** A step between letters at most this many times the box's letter pitch is no word gap. */
const TIGHT_GAP = 1.25;
/**
 * In a box printed at a fixed pitch (a monospace font, embossed or not) a word gap is a whole blank
 * cell, two steps between letter centres: a rise at under this many steps is as doubtful as one at a
 * letter step (independent seed 205: AMUND SEN at 1.28 steps, every other step of its box within 1%
 * of the pitch, the space class at 0.31; reported sure).
 */
const FIXED_PITCH_GAP = 1.6;
/** A box is at a fixed pitch where all its letter steps but one lie this close to their median... */
const FIXED_PITCH_SPREAD = 0.1;
/** ...and it has at least this many steps to tell. */
const FIXED_PITCH_STEPS = 5;
/** A space the model emitted below this probability is one it hardly believed. */
export const FAINT_MODEL_SPACE = 0.8;
/**
 * A rise in a gap under this many times the space class's peak in the blank frames before the box's
 * first letter (its margin, where no gap can be) is the crop's noise as much as a gap: a shaken,
 * blurred photo read DAJIN with a margin of 0.185 and a rise of 0.258 between A and J. Measured on
 * 72 gaps of right names the model left blank: margins 0.0000-0.031, rises 0.19-0.50. Rises under
 * SURE_SPACE are in doubt anyway, so a margin under SURE_SPACE / MARGIN_RISE (0.11) changes nothing.
 */
const MARGIN_RISE = 2;
/** Glyphs much narrower than the letter pitch: the step between centres beside them runs short. */
const NARROW_GLYPH = /[IJijl1.,'-]/;
/** What the edge of a round or upright letter reads as, cut by a box's start. */
const EDGE_STROKE = /^[Il|]$/;

/** Steps between neighbouring letters of each box, in the row's own units. */
function boxSteps(placed: PlacedChar[]): Map<number, number[]> {
	const steps = new Map<number, number[]>();
	placed.forEach((c, i) => {
		const previous = placed[i - 1];
		if (previous && previous.box === c.box && previous.char !== ' ' && c.char !== ' ')
			steps.set(c.box, [...(steps.get(c.box) ?? []), c.along - previous.along]);
	});
	return steps;
}

/** Median step between neighbouring letters of each box with three steps or more. */
function boxPitches(steps: Map<number, number[]>): Map<number, number> {
	const pitches = new Map<number, number>();
	for (const [box, list] of steps) {
		if (list.length < 3) continue;
		pitches.set(box, median(list));
	}
	return pitches;
}

/**
 * Boxes whose letters stand at one step (a monospace font): every step between neighbouring letters
 * of the box but one within FIXED_PITCH_SPREAD of its pitch. CTC frames are a quarter to a third of a
 * pitch, so a proportional word of even letters can pass: it then only holds a rise in doubt.
 */
function fixedPitchBoxes(steps: Map<number, number[]>, pitches: Map<number, number>): Set<number> {
	const fixed = new Set<number>();
	for (const [box, list] of steps) {
		const pitch = pitches.get(box);
		if (pitch === undefined || list.length < FIXED_PITCH_STEPS) continue;
		if (list.filter((step) => Math.abs(step - pitch) > pitch * FIXED_PITCH_SPREAD).length <= 1) fixed.add(box);
	}
	return fixed;
}

function buildRow(members: LineGeometry[]): TextRow {
	// The widest box gives the row's direction: a box round one glyph (a speck read as D) can point
	// anywhere, and the row's characters, ordered along it, would come out in any order (seed 2061:
	// a 12-digit line of a 19-digit number read backwards, 597673107004 for 400701376795, Luhn-valid).
	const { direction } = members.reduce((widest, member) => (boxWidth(member) > boxWidth(widest) ? member : widest));
	const along = (p: Point) => dot(p, direction);
	const placed: PlacedChar[] = [];
	for (const member of members) {
		const [tl, tr, br, bl] = member.line.quad;
		const ends = [along(tl), along(tr), along(br), along(bl)];
		const boxSpan: [number, number] = [Math.min(...ends), Math.max(...ends)];
		for (const c of member.line.chars) {
			const quad = subQuad(member.line.quad, c.u0, c.u1);
			placed.push({
				char: c.char,
				prob: c.prob,
				quad,
				along: along(quadCenter(quad)),
				box: member.index,
				spaceBefore: c.spaceBefore,
				dotBefore: c.dotBefore,
				apostropheBefore: c.apostropheBefore,
				hyphenBefore: c.hyphenBefore,
				...(c.inkGapBefore !== undefined ? { inkGapBefore: c.inkGapBefore } : {}),
				...(c.letterBefore ? { letterBefore: c.letterBefore } : {}),
				alt: c.alt,
				boxSpan,
				...(member.joined ? { shortBox: true as const } : {}),
				...(member.alongOnly ? { alongOnly: true as const } : {}),
			});
		}
	}
	placed.sort((a, b) => a.along - b.along);
	const steps = boxSteps(placed);
	const pitches = boxPitches(steps);
	const fixedPitch = fixedPitchBoxes(steps, pitches);
	// A box that starts with a space the model emitted has no blank margin to measure.
	const marginPeaks = new Map(members.map((m) => [m.index, m.line.chars[0]?.char === ' ' ? 0 : (m.line.chars[0]?.spaceBefore ?? 0)]));
	// Grown boxes overlap their neighbours, so a glyph at a box edge can be read by both boxes.
	// Two readings from different boxes closer than half a glyph pitch are one glyph: keep the surer.
	const sized = members.filter((m) => !m.joined);
	const height = sized.reduce((sum, m) => sum + m.height, 0) / sized.length;
	const chars: PlacedChar[] = [];
	// The boxes whose reading a kept glyph stands for: a box's next glyph is another glyph, however
	// close (bench seed 2155: 623744848 | 82491800415, their 8s one glyph, then the 2 taken for that 8
	// too, at 0.6 of a digit's pitch: an 18-digit UnionPay number, valid by chance, at 0.999).
	const readBy = new Map<PlacedChar, Set<number>>();
	const lastOfBox = new Map<number, PlacedChar>();
	for (const c of placed) if (c.char !== ' ') lastOfBox.set(c.box, c);
	const boxesMet = new Set<number>();
	for (const c of placed) {
		const last = chars[chars.length - 1];
		const firstOfBox = c.char !== ' ' && !boxesMet.has(c.box);
		if (c.char !== ' ') boxesMet.add(c.box);
		const lastBoxes =
			last && c.char !== ' ' && last.char !== ' ' && c.along - last.along < height * 0.4 && (readBy.get(last) ?? new Set([last.box]));
		if (lastBoxes && !lastBoxes.has(c.box)) {
			const kept = c.prob > last.prob ? c : last;
			chars[chars.length - 1] = kept;
			readBy.set(kept, new Set([...lastBoxes, c.box]));
			continue;
		}
		// A box that starts inside the one before can read the edge of that box's last letter as a stroke
		// (independent seed 199: BRUNO | IM for BRUNO M, letter-spaced, its I 0.74 of BRUNO's letter
		// step after the O, reported BRUNOIM at 0.995; 0.71-0.88 in other readings of the crop). A real I
		// after a box split inside a word stands as near in a proportional font (WILL | IAMS): a doubt only.
		const edgeStroke =
			firstOfBox &&
			EDGE_STROKE.test(c.char) &&
			last !== undefined &&
			lastOfBox.get(last.box) === last &&
			/[A-Za-z]/.test(last.char) &&
			c.boxSpan[0] < last.boxSpan[1] &&
			c.along - last.along < (pitches.get(last.box) ?? 0);
		if (edgeStroke) {
			chars.push({ ...c, edgeStroke: true });
			continue;
		}
		// The model often leaves a word gap blank rather than emitting its space class, but the space
		// class still rises there (PaddleOCR #11386).
		if (last && last.box === c.box && last.char !== ' ' && c.char !== ' ' && c.spaceBefore >= SPACE_THRESHOLD) {
			// Where the model's own frames put the letters no further apart than letters inside a word,
			// the rise is a doubt, not a gap (THOMP SON): the name's confidence must say so.
			const tight = c.along - last.along < (pitches.get(c.box) ?? Infinity) * (fixedPitch.has(c.box) ? FIXED_PITCH_GAP : TIGHT_GAP);
			// A rise the crop's noise could explain is a doubtful space, and so is a faint one (seed 2119:
			// KOWAL CZYK at 0.168, read as a sure gap at 0.988).
			const noise = c.spaceBefore < (marginPeaks.get(c.box) ?? 0) * MARGIN_RISE;
			const prob = tight ? 0.4 : !noise && c.spaceBefore >= SURE_SPACE ? 0.95 : DOUBTFUL_RISE_SPACE;
			chars.push({ ...c, char: ' ', prob, alt: null, tightGap: tight });
		}
		chars.push(c);
	}
	// A space the model emitted itself but hardly believed, between letters of its box that stand no
	// further apart than a letter step, is as doubtful as a rise there (THOMP SON at 0.51, read sure).
	// Beside a narrow glyph (EUN-JI JUNG, AGNES I. HALLORAN) the step between centres is short across
	// a real gap too: there the step says nothing.
	chars.forEach((c, i) => {
		const [before, after] = [chars[i - 1], chars[i + 1]];
		if (c.char !== ' ' || c.tightGap || c.prob >= FAINT_MODEL_SPACE || !before || !after || before.char === ' ' || after.char === ' ')
			return;
		if (before.box !== c.box || after.box !== c.box || NARROW_GLYPH.test(before.char + after.char)) return;
		if (after.along - before.along < (pitches.get(c.box) ?? 0) * TIGHT_GAP) chars[i] = { ...c, crampedSpace: true };
	});
	let text = '';
	const charIndex: number[] = [];
	chars.forEach((c, i) => {
		if (i > 0 && c.box !== chars[i - 1].box && !text.endsWith(' ') && c.char !== ' ') {
			text += ' ';
			charIndex.push(-1);
		}
		text += c.char;
		charIndex.push(i);
	});
	const center = sized.reduce((sum, m) => ({ x: sum.x + m.center.x / sized.length, y: sum.y + m.center.y / sized.length }), {
		x: 0,
		y: 0,
	});
	return { chars, text, charIndex, center, height, direction };
}

/** The quad spanning characters first..last of a row. */
export function spanQuad(chars: PlacedChar[]): Quad {
	const first = chars[0].quad;
	const last = chars[chars.length - 1].quad;
	return [first[0], last[1], last[2], first[3]];
}

/** The mean of the recogniser's probabilities over some characters (0 for none). */
export function meanProb(chars: PlacedChar[]): number {
	return chars.reduce((sum, c) => sum + c.prob, 0) / Math.max(1, chars.length);
}

/** The characters as text, as read. */
export function runText(chars: readonly PlacedChar[]): string {
	return chars.map((c) => c.char).join('');
}

/** Splits characters into runs at spaces and box changes: digit groups or words. */
export function splitRuns(chars: PlacedChar[]): PlacedChar[][] {
	const runs: PlacedChar[][] = [];
	let current: PlacedChar[] = [];
	for (const c of chars) {
		if (c.char === ' ') {
			if (current.length) runs.push(current);
			current = [];
			continue;
		}
		if (current.length && current[current.length - 1].box !== c.box) {
			runs.push(current);
			current = [];
		}
		current.push(c);
	}
	if (current.length) runs.push(current);
	return runs;
}

/** How many of `a`'s characters differ from `b`'s at the same place (a place `b` lacks differs). */
export function differingChars(a: string, b: string): number {
	return [...a].filter((ch, i) => ch !== b[i]).length;
}

/** Levenshtein distance between two words (short ones: labels and names). */
export function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++)
			current.push(Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
		previous = current;
	}
	return previous[b.length];
}

/** One letter changed, or one lost or added inside the word: an added last letter is a plural or a surname (MASTERS). */
export function editDistanceAtMostOne(a: string, b: string): boolean {
	if (a.length > b.length) return editDistanceAtMostOne(b, a);
	let i = 0;
	while (i < a.length && a[i] === b[i]) i += 1;
	if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
	return i < a.length && a.slice(i) === b.slice(i + 1);
}
