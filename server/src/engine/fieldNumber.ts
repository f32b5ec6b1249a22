import cardValidator from 'card-validator';
import luhn10 from 'card-validator/dist/luhn-10';

import type { PlacedChar, TextRow } from './textRows';
import { meanProb, spanQuad, splitRuns } from './textRows';
import { belowLine, distance, dot, lineOffset, quadCenter } from './geometry';
import type { Point } from './types';

/** Glyphs OCR confuses with digits, mapped only inside tokens that are mostly digits already. */
export const DIGIT_LOOKALIKES: Record<string, string> = {
	O: '0',
	o: '0',
	D: '0',
	Q: '0',
	U: '0',
	I: '1',
	l: '1',
	i: '1',
	'|': '1',
	L: '1',
	Z: '2',
	z: '2',
	S: '5',
	s: '5',
	B: '8',
	G: '6',
	b: '6',
	T: '7',
	g: '9',
	q: '9',
};

/** A runner-up digit at least this likely says which digit a look-alike letter stands for. */
const RUNNER_UP_DIGIT = 0.1;

/**
 * The digit a look-alike letter read among digits stands for: the model's runner-up where that is a
 * digit it fairly believes (bench seed 2197: 06/35 read "0L/35", its L at 0.45 with 6 at 0.16, taken
 * as 01/35), else the digit the letter's shape resembles. Undefined for a letter that is no look-alike.
 */
export function lookalikeDigit(c: Pick<PlacedChar, 'char' | 'alt'>): string | undefined {
	const shaped = DIGIT_LOOKALIKES[c.char];
	if (shaped === undefined) return undefined;
	return c.alt && /^\d$/.test(c.alt.char) && c.alt.prob >= RUNNER_UP_DIGIT ? c.alt.char : shaped;
}

/** Printed groupings: 4-4-4-4, Amex 4-6-5, Diners 4-6-4, 19 digits 4-4-4-4-3, 13 digits 4-3-3-3 and others seen on cards. */
const GROUPINGS = new Set([
	'4-4-4-4',
	'4-6-5',
	'4-6-4',
	'4-4-4-4-3',
	'4-3-3-3',
	'4-4-5',
	'4-4-4-2',
	'4-4-4-3',
	'5-5-5-4',
	'6-13',
	'8-8',
	'4-4-4-7',
]);

export interface NumberChoice {
	digits: string;
	/** The characters of each printed group, for subBoundingPolys. */
	runs: PlacedChar[][];
	rows: TextRow[];
	confidence: number;
	/**
	 * Digits beside the number, in no date, that put it in doubt: a longer reading's extra digits or
	 * stray ones on its lines (see `strayDigits`). Empty when none did.
	 */
	besideDigits: PlacedChar[];
	/** What the number earns without that doubt. */
	confidenceApart: number;
	/** Joined from two lines past text beside them (see `besideText`), and in doubt for that alone. */
	joinedPastText: boolean;
	/** An American Express card code over the number's right end: no digits beside the number, nor the date's. */
	cardCode: PlacedChar[];
}

interface DigitRun {
	chars: PlacedChar[];
	digits: string;
	/** Characters read as letters and mapped to the digit they resemble. */
	mapped: number;
}

/** A run's digits if it reads as a digit group, with look-alike letters mapped. */
function digitRun(run: PlacedChar[]): DigitRun | null {
	const chars = run.filter((c) => !/[-.]/.test(c.char));
	if (chars.length === 0) return null;
	const real = chars.filter((c) => /\d/.test(c.char)).length;
	if (real / chars.length < 0.7) return null;
	let digits = '';
	for (const c of chars) {
		const d = /\d/.test(c.char) ? c.char : DIGIT_LOOKALIKES[c.char];
		if (d === undefined) return null;
		digits += d;
	}
	return { chars, digits, mapped: chars.length - real };
}

/** A run the recogniser hardly believed in at all (a speck read R at 0.04) is no print. */
const SPECK = 0.1;

/**
 * The row's runs as digit groups, null for a run that is none. Specks between the groups are left
 * out: one between the groups of a number's second line kept it from joining the first (bench seed
 * 2095: 12 of a Maestro's 19 digits reported at 0.999, valid by chance).
 */
function rowRuns(row: TextRow): Array<DigitRun | null> {
	const runs = splitRuns(row.chars);
	const groups = runs.map(digitRun);
	// Only between two digit groups: at an end, dropping a speck would let the row join other digits.
	const speck = (i: number) => runs[i].every((c) => c.prob < SPECK) && betweenGroups(groups, i);
	return groups.filter((_, i) => !speck(i));
}

/** Whether runs i - 1 and i + 1 are both digit groups. */
function betweenGroups(groups: Array<DigitRun | null>, i: number): boolean {
	return groups[i - 1] != null && groups[i + 1] != null;
}

/** A character the recogniser hardly believed in, alone between two digit groups, may be a speck too. */
const LONE_SPECK = 0.5;

/**
 * The row's digit groups read as if its specks were no print: a character under SPECK inside a
 * digit group splits it there (bench seed 2239: a glare streak across the gap of 4292 5723 read as
 * an 8 at 0.01, 429285723), and a lone character under LONE_SPECK, or a run of specks, between two
 * digit groups is left out (an A4 scan's 4036 | M at 0.17 in a box of its own | 58640447.6937). Null
 * where the row has no such speck. Only ever an alternative reading: a faint digit may be one.
 */
function runsWithoutSpecks(row: TextRow): Array<DigitRun | null> | null {
	const runs = splitRuns(row.chars);
	const pieces: PlacedChar[][] = [];
	const loneSpecks: number[] = [];
	let split = false;
	for (const run of runs) {
		// A run of specks rowRuns leaves out between groups, and a lone character hardly believed in.
		if ((run.length === 1 && run[0].prob < LONE_SPECK) || run.every((c) => c.prob < SPECK)) {
			loneSpecks.push(pieces.length);
			pieces.push(run);
			continue;
		}
		let piece: PlacedChar[] = [];
		run.forEach((c, i) => {
			if (i > 0 && i < run.length - 1 && c.prob < SPECK) {
				split = true;
				pieces.push(piece);
				piece = [];
			} else piece.push(c);
		});
		pieces.push(piece);
	}
	const groups = pieces.map(digitRun);
	const dropped = new Set(loneSpecks.filter((i) => betweenGroups(groups, i)));
	if (!split && dropped.size === 0) return null;
	return groups.filter((_, i) => !dropped.has(i));
}

interface Candidate {
	runs: DigitRun[];
	rows: TextRow[];
	/** Read as if a speck in the row were no print (see `runsWithoutSpecks`). */
	specksLeftOut?: boolean;
	/** Cut out of a longer digit run: something else was read into the number's line. */
	window?: boolean;
	/** Two lines joined with text beside them (see `besideText`). */
	besideText?: boolean;
}

const CARD_LENGTHS = [14, 15, 16, 19];

/** Valid card numbers inside a run too long to be one (a date or code read into the same box). */
function windows(run: DigitRun, row: TextRow): Candidate[] {
	const found: Candidate[] = [];
	for (const length of CARD_LENGTHS) {
		for (let start = 0; start + length <= run.digits.length; start++) {
			const digits = run.digits.slice(start, start + length);
			if (!cardValidator.number(digits).isValid) continue;
			const chars = run.chars.slice(start, start + length);
			found.push({ runs: [{ chars, digits, mapped: chars.filter((c) => !/\d/.test(c.char)).length }], rows: [row], window: true });
		}
	}
	return found;
}

/**
 * Digit sequences a number can be printed as: consecutive digit groups on one row, or a row of
 * digit groups continued on the next row (portrait cards print the number on two lines).
 */
function candidates(rows: TextRow[]): Candidate[] {
	const found: Candidate[] = [];
	const perRow = rows.map(rowRuns);
	const consecutive = (runs: Array<DigitRun | null>, row: TextRow, specksLeftOut: boolean) => {
		for (let start = 0; start < runs.length; start++) {
			const used: DigitRun[] = [];
			for (let end = start; end < runs.length; end++) {
				const run = runs[end];
				if (!run) break;
				used.push(run);
				const length = used.reduce((n, u) => n + u.digits.length, 0);
				if (length > 19) break;
				if (length >= 12) found.push({ runs: [...used], rows: [row], ...(specksLeftOut ? { specksLeftOut } : {}) });
			}
		}
	};
	rows.forEach((row, r) => {
		const runs = perRow[r];
		for (const run of runs) if (run && run.digits.length > 19) found.push(...windows(run, row));
		consecutive(runs, row, false);
		const withoutSpecks = runsWithoutSpecks(row);
		if (withoutSpecks) consecutive(withoutSpecks, row, true);
		// A row made only of digit groups, continued by the row below that is also only digit groups.
		const k = nextPrintedRow(rows, r);
		const next = rows[k];
		const nextRuns = perRow[k];
		if (next && wholeDigitRow(runs) && wholeDigitRow(nextRuns) && mayContinueOn(row, next)) {
			const joined = [...runs, ...nextRuns];
			const length = joined.reduce((n, u) => n + u.digits.length, 0);
			if (length >= 12 && length <= 19) found.push({ runs: joined, rows: [row, next] });
		}
		found.push(...besideText(rows, perRow, r));
	});
	return found;
}

/** A row of a speck or two the recogniser hardly believed in, not a line of faint print. */
function specksOnly(row: TextRow): boolean {
	const marks = row.chars.filter((c) => c.char !== ' ');
	return marks.length <= 2 && marks.every((c) => c.prob < SPECK);
}

/**
 * Whether a row runs across another rather than along it: a box the detector drew down the ends of
 * two lines (a portrait card, third-hand set 6: 55 read down the last digits of 4001 1595 and
 * 6752 3175) is no line of print between them.
 */
function runsAcross(row: TextRow, line: TextRow): boolean {
	return Math.abs(dot(row.direction, line.direction)) < ALONG_COS;
}

/** Rows whose directions are closer than 45 degrees run along one another. */
const ALONG_COS = Math.SQRT1_2;

/**
 * The row after row r in the rows' order, past rows of a speck or two and rows across it: a speck
 * between a number's two lines boxed as a row of its own (independent seed 191: an R at 0.02
 * between 7134 and 8796) is no line between them; a line of faint print is (a read-only review's
 * bound).
 */
function nextPrintedRow(rows: TextRow[], r: number): number {
	let k = r + 1;
	while (k < rows.length && (specksOnly(rows[k]) || runsAcross(rows[k], rows[r]))) k += 1;
	return k;
}

function wholeDigitRow(runs: Array<DigitRun | null> | undefined): runs is DigitRun[] {
	return runs !== undefined && runs.length > 0 && runs.every((run) => run !== null);
}

/**
 * A number's two lines with text in line with them (third-hand sets: a portrait card lying on a
 * printed page, words of the page on the number's rows): the digit groups ending the row, continued
 * by those starting a row under it. Only as a card prints them: the two lines start one under the
 * other, the second ends within the first's extent, and the first is no number alone. Page digits
 * after the second line (4539 1488 / 0343 0007 123 Main St) run past the first line's end and join
 * nothing. Nothing checks that the words beside are no part of it, so the join is never sure.
 */
function besideText(rows: TextRow[], perRow: Array<Array<DigitRun | null>>, r: number): Candidate[] {
	const row = rows[r];
	const runs = perRow[r];
	const head = runs.slice(runs.lastIndexOf(null) + 1) as DigitRun[];
	const headLength = head.reduce((n, u) => n + u.digits.length, 0);
	if (head.length === 0 || headLength >= 12) return [];
	const headChars = head.flatMap((run) => run.chars);
	const found: Candidate[] = [];
	// A row of the page's text may stand between the two in the rows' order.
	for (let k = r + 1; k < rows.length; k++) {
		const next = rows[k];
		const nextRuns = perRow[k];
		const firstWord = nextRuns.indexOf(null);
		const tail = (firstWord < 0 ? nextRuns : nextRuns.slice(0, firstWord)) as DigitRun[];
		// Rows of digit groups only, one right under the other, are joined above.
		const alone = k === nextPrintedRow(rows, r) && head.length === runs.length && tail.length === nextRuns.length;
		if (tail.length === 0 || alone || !mayContinueOn(row, next)) continue;
		const tailChars = tail.flatMap((run) => run.chars);
		const along = (a: PlacedChar, b: PlacedChar) => lineOffset(quadCenter(a.quad), quadCenter(b.quad), row.direction).along;
		const startApart = Math.abs(along(headChars[0], tailChars[0]));
		const endPast = along(headChars[headChars.length - 1], tailChars[tailChars.length - 1]);
		if (startApart > row.height * LINE_START || endPast > row.height * LINE_START) continue;
		const joined = [...head, ...tail];
		const length = joined.reduce((n, u) => n + u.digits.length, 0);
		if (length >= 12 && length <= 19) found.push({ runs: joined, rows: [row, next], besideText: true });
	}
	return found;
}

/** How far apart along the line, in its heights, a number's two lines with text beside may start or end. */
const LINE_START = 1;

/** The review line: a number at least this sure is reported as read. */
const SURE_NUMBER = 0.9;

/** A number read as if a speck were no print: the speck may be a faint digit. */
const SPECKS_LEFT_OUT = 0.85;

/** A number joined past text beside its lines: read, and flagged for a person to check. */
const BESIDE_TEXT_CONFIDENCE = 0.85;

/** How far under a number's line, in its heights, the next line must stand to go on from it. */
const LINE_BELOW = 0.3;

/**
 * Whether a number's line may go on on the line below: under it, near enough and about as tall. A
 * row beside it at its own height is no line below (independent seed 189: a tilted box round a
 * number's first group, 5154, a row of its own 2 px lower than the other three groups, was read
 * after them, 2322670380675154, a valid Mastercard number reported at 0.991). Rows' centres are
 * their boxes', and grown boxes overlap: a portrait card's two lines stood 0.47 of a line apart in
 * one crop (bench seed 2135).
 */
function mayContinueOn(line: TextRow, next: TextRow): boolean {
	// Across the line, down the card: on a tilted card a group beside the number stands lower in the
	// image the further it is along the slope.
	const gap = belowLine(line.center, next.center, line.direction);
	return (
		gap >= line.height * LINE_BELOW && gap <= Math.max(line.height, next.height) * 2.5 && Math.abs(next.height / line.height - 1) <= 0.35
	);
}

function expectedGrouping(digits: string): string {
	const gaps = cardValidator.number(digits).card?.gaps ?? (digits.length === 15 ? [4, 10] : [4, 8, 12, 16]);
	return [...gaps.filter((g) => g < digits.length), digits.length].map((g, i, all) => g - (all[i - 1] ?? 0)).join('-');
}

/**
 * Which single digit, changed to the recogniser's runner-up at that place, makes the number valid:
 * Luhn catches every single wrong digit, so a one-digit repair with a real runner-up is the likely
 * truth, but it is still a repair, and the confidence says so.
 */
function repair(chars: PlacedChar[], digits: string): { digits: string; odds: number } | null {
	let best: { digits: string; odds: number } | null = null;
	chars.forEach((c, i) => {
		if (!c.alt || !/\d/.test(c.alt.char)) return;
		const fixed = digits.slice(0, i) + c.alt.char + digits.slice(i + 1);
		// Luhn too: for brands valid without it (UnionPay), any digit would do.
		if (!checked(fixed)) return;
		const odds = c.alt.prob / Math.max(1e-6, c.prob);
		if (!best || odds > best.odds) best = { digits: fixed, odds };
	});
	return best;
}

/** Valid for its brand's lengths and prefixes, and by Luhn where the brand uses it (UnionPay need not). */
export function validForBrand(digits: string): boolean {
	return cardValidator.number(digits).isValid;
}

/** Valid for its brand and by Luhn: digits something has checked (card-validator waives Luhn for UnionPay). */
export function checked(digits: string): boolean {
	return cardValidator.number(digits).isValid && luhn10(digits);
}

/** As long as its brand's numbers can be: no longer number holds it as a part. */
export function longestForBrand(digits: string): boolean {
	const lengths = (cardValidator.number(digits).card?.lengths ?? []).filter((length) => CARD_LENGTHS.includes(length));
	return lengths.length > 0 && digits.length >= Math.max(...lengths);
}

/** The brands (card-validator's types) whose numbers are printed shorter than 16 digits, with their length. */
const SHORT_LENGTHS = ['american-express:15', 'diners-club:14'];

/**
 * A valid number of a length cards seldom print: more often a longer one that lost digits, valid by
 * Luhn's chance one time in ten. 17 or 18 digits (bench seed 2199: a UnionPay's 19 digits under a glare
 * streak read as 17, 62039203875198744, at 0.997), and 12 to 15 but for an Amex's 15 and a Diners
 * Club's 14: a Maestro's or an old Visa's lengths, more often a number of 16 or 19 with a group lost
 * (third-hand seed 44: a Visa's 4275 outside the view, its other twelve digits a Maestro's length valid
 * by chance, at 0.999).
 */
function seldomPrinted(digits: string, brand: string | undefined): boolean {
	if (digits.length === 17 || digits.length === 18) return true;
	return digits.length < 16 && !SHORT_LENGTHS.includes(`${brand}:${digits.length}`);
}

/**
 * The card number: the best digit sequence that is a valid number of a known brand (length and
 * Luhn), printed in a grouping cards use. Confidence is high only for a reading that is valid as
 * read; a repaired or invalid reading is reported below the review threshold.
 */
export function readNumber(rows: TextRow[]): NumberChoice | null {
	let best:
		| (Omit<NumberChoice, 'besideDigits' | 'confidenceApart' | 'joinedPastText' | 'cardCode'> & {
				rank: number;
				chars: PlacedChar[];
				pastText: boolean;
				/** Read as if a speck were no print... */
				specks: boolean;
				/** ...or surely, with every mark as read. */
				sureAsRead: boolean;
		  })
		| null = null;
	const all = candidates(rows);
	for (const candidate of all) {
		const chars = candidate.runs.flatMap((run) => run.chars);
		let digits = candidate.runs.map((run) => run.digits).join('');
		// Left out, a speck gives only the lengths cards print: a faint digit that was misread, dropped,
		// leaves a number a digit short, valid by Luhn's chance one time in ten (a read-only review).
		if (candidate.specksLeftOut && seldomPrinted(digits, cardValidator.number(digits).card?.type)) continue;
		const grouping = candidate.runs.map((run) => run.digits.length).join('-');
		const known = candidate.runs.length === 1 || GROUPINGS.has(grouping) || grouping === expectedGrouping(digits);
		const mapped = candidate.runs.reduce((n, run) => n + run.mapped, 0);
		const unsure = chars.filter((c) => c.prob < 0.5).length;
		const mean = meanProb(chars);
		let confidence: number;
		let rank: number;
		const validation = cardValidator.number(digits);
		const validForBrand = validation.isValid;
		const fixed = luhn10(digits) ? null : repair(chars, digits);
		if (validForBrand && luhn10(digits)) {
			// A valid number read with at most one unsure digit is right: one wrong digit always breaks Luhn.
			confidence = unsure <= 1 && mapped <= 1 ? 0.93 + 0.07 * Math.max(0, (mean - 0.6) / 0.4) : 0.8 * mean;
			// A length cards seldom print gains nothing from being read as one run: its gaps were lost.
			// Printed in its own grouping (4-4-4-3), it keeps its rank (a read-only review).
			const seldom = seldomPrinted(digits, validation.card?.type);
			if (seldom) confidence = Math.min(confidence, 0.85);
			rank = 6 + (known && !(seldom && candidate.runs.length === 1) ? 1 : 0);
			if (candidate.window) {
				confidence = Math.min(confidence, 0.8);
				rank = 5;
			}
		} else if (validForBrand && !fixed) {
			// Valid for its brand without Luhn (UnionPay issues some such numbers): nothing checks the
			// digits, so a misread one passes too. Reported as read, never surely.
			confidence = Math.min(0.85, 0.85 * mean);
			rank = 5 + (known ? 1 : 0);
		} else {
			if (fixed) {
				digits = fixed.digits;
				confidence = Math.min(0.85, 0.5 + 0.35 * Math.min(1, fixed.odds));
				rank = 4 + (known ? 1 : 0);
			} else {
				confidence = luhn10(digits) ? 0.6 * mean : 0.4 * mean;
				rank = luhn10(digits) ? 2 : 0;
			}
		}
		if (candidate.specksLeftOut) confidence = Math.min(confidence, SPECKS_LEFT_OUT);
		// The join is this number's only doubt when it would be sure without it.
		const onlyJoined = candidate.besideText === true && confidence >= SURE_NUMBER;
		// In every branch: a join past text (UnionPay without Luhn) must not outrank a number read otherwise.
		if (candidate.besideText) {
			confidence = Math.min(confidence, BESIDE_TEXT_CONFIDENCE);
			rank = Math.min(rank, 5);
		}
		// A number read surely with every mark kept is never given up for one read as if a speck were
		// no print (a sure 16 digits and a 123 past a lone M at 0.3 made 19: a read-only review).
		const specks = candidate.specksLeftOut === true;
		const sureAsRead = !specks && confidence >= SURE_NUMBER;
		const better =
			!best ||
			(sureAsRead && best.specks) ||
			(!(specks && best.sureAsRead) &&
				(rank > best.rank ||
					(rank === best.rank &&
						(digits.length > best.digits.length || (digits.length === best.digits.length && confidence > best.confidence)))));
		if (better) {
			const runs = groupsOf(chars, digits, candidate.runs);
			best = { digits, runs, rows: candidate.rows, confidence, rank, chars, pastText: onlyJoined, specks, sureAsRead };
		}
	}
	if (!best) return null;
	// A longer reading of the same digit groups plus others beside them, as long as a card number
	// can be, may be the whole number with a digit misread: the valid part (15 of a two-line 19) is
	// then a number by chance of Luhn, one in ten.
	const chosen = new Set(best.chars);
	const longer = all.flatMap((candidate) => {
		const chars = candidate.runs.flatMap((run) => run.chars);
		const isLonger =
			!candidate.specksLeftOut &&
			chars.length > chosen.size &&
			CARD_LENGTHS.includes(chars.length) &&
			best?.chars.every((c) => chars.includes(c)) &&
			// Valid for the brand only without Luhn (UnionPay) counts as unchecked too.
			!checked(candidate.runs.map((run) => run.digits).join(''));
		return isLonger ? chars.filter((c) => !chosen.has(c)) : [];
	});
	const stray = strayDigits(rows, best.rows, chosen, best.digits);
	const besideDigits = [...new Set([...longer, ...stray.digits, ...nextLineDigits(rows, best)])];
	// A last group of three digits or fewer in a box that joined the number's row along the number's
	// direction only, after a number checked without it (4539148803436467 and a code 123 beside it in
	// a box tilted 8 degrees, read as 19 digits, valid by Luhn's chance one time in ten: a read-only
	// review): either may be the number.
	const lastBox = best.chars[best.chars.length - 1].box;
	const tail = best.chars.filter((c) => c.box === lastBox);
	const checkedWithout =
		tail.length <= 3 &&
		tail.every((c) => c.alongOnly) &&
		best.digits.length - tail.length >= 16 &&
		checked(best.digits.slice(0, best.digits.length - tail.length));
	const confidence = besideDigits.length > 0 || checkedWithout ? Math.min(best.confidence, 0.85) : best.confidence;
	return {
		digits: best.digits,
		runs: best.runs,
		rows: best.rows,
		confidence,
		besideDigits,
		confidenceApart: best.confidence,
		joinedPastText: best.pastText && besideDigits.length === 0,
		cardCode: stray.cardCode,
	};
}

/**
 * Digits read surely beside the number on its lines, in no date: a group of the number the
 * detector cut into pieces (a 19-digit number's third group read as "3" and "2" apart, in boxes of
 * their own), or its last group read into small print beside it ("3418415": 415 and MEMBER SINCE
 * 17, bench seed 2073, where 16 of a Maestro's 19 digits passed Luhn by chance). The number chosen
 * without them may be valid by chance. Returns those digits (none when there are none), and an
 * American Express card code's apart.
 */
function strayDigits(
	rows: TextRow[],
	numberRows: TextRow[],
	chosen: Set<PlacedChar>,
	digits: string,
): { digits: PlacedChar[]; cardCode: PlacedChar[] } {
	const chosenCenters = [...chosen].map((c) => ({ char: c.char, at: quadCenter(c.quad) }));
	const used = chosenCenters.map((c) => c.at);
	const height = Math.max(...numberRows.map((row) => row.height));
	const left = Math.min(...used.map((p) => p.x));
	const right = Math.max(...used.map((p) => p.x));
	const [x0, x1] = [left - height * 3, right + height * 3];
	const amex = /^3[47]\d{13}$/.test(digits);
	// Above the number's line by a third of its height or more, its centre over the number's right half.
	const line = numberRows[0];
	const overNumber = (run: PlacedChar[]) => {
		const p = quadCenter(spanQuad(run));
		return belowLine(line.center, p, line.direction) < -height / 3 && lineOffset(line.center, p, line.direction).along > 0;
	};
	const top = Math.min(...used.map((p) => p.y));
	const y0 = top - height * 0.6;
	const y1 = Math.max(...used.map((p) => p.y)) + height * 0.6;
	const cardCode: PlacedChar[] = [];
	const stray = rows.flatMap((row) =>
		splitRuns(row.chars).flatMap((run) => {
			if (run.some((c) => chosen.has(c) || /[/\\]/.test(c.char))) return [];
			// The first four digits printed small under the number (Visa cards do) are not a piece of it,
			// nor a year after a word in a box of its own (NCE 2021 of CUSTOMER SINCE 2021). Not in the
			// number's own box, where a letter may be a digit misread (O343 ... 12S); not longer runs,
			// small print read together with the number's last group (3418415).
			const text = run.map((c) => c.char).join('');
			const below = Math.min(...run.map((c) => quadCenter(c.quad).y)) > top;
			if (text === digits.slice(0, 4) && below) return [];
			const boxChars = row.chars.filter((c) => c.box === run[0].box);
			const ownBox = !boxChars.some((c) => chosen.has(c));
			const word = /[A-Za-z]{2}/.test(
				boxChars
					.filter((c) => c.along < run[0].along)
					.map((c) => c.char)
					.join(''),
			);
			if (ownBox && word && /^(\d{2}|\d{4})$/.test(text)) return [];
			// American Express prints its four-digit card code over the number's right end (third-hand set 5:
			// three Amex numbers read whole and valid were reported at 0.89 for it).
			// Not four digits that may be a date read without its slash (0730): an expiry printed there too.
			if (amex && ownBox && /^\d{4}$/.test(text) && overNumber(run) && !/^(0[1-9]|1[0-2])/.test(text)) {
				cardCode.push(...run);
				return [];
			}
			const runDigits = run.filter((c) => /\d/.test(c.char));
			if (runDigits.length < run.length / 2) return [];
			// The number's own digits read again in a box across its lines (third-hand set 6: 55 read
			// down the last digits of a portrait card's 4001 1595 and 6752 3175): each on a chosen digit.
			if (runDigits.every((c) => readAgain(c, chosenCenters, height))) return [];
			// More digits than a group holds count only past the number's ends: over it, they are
			// the number read again in a box of its own.
			const past = (x: number) => runDigits.length <= 4 || x < left || x > right;
			const strayRun = runDigits.some((c) => {
				const p = quadCenter(c.quad);
				return c.prob >= 0.5 && p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1 && past(p.x);
			});
			return strayRun ? runDigits : [];
		}),
	);
	return { digits: stray, cardCode };
}

/** Whether a digit stands on one of the number's own, the same digit, within half a line height. */
function readAgain(c: PlacedChar, chosen: Array<{ char: string; at: Point }>, height: number): boolean {
	const p = quadCenter(c.quad);
	return chosen.some((d) => d.char === c.char && distance(d.at, p) < height / 2);
}

/**
 * Digit groups on the line right under a number read from one line that its brand allows longer,
 * starting where the number starts: the number may go on there, as on a portrait card's second
 * line, read apart (bench seed 2095: the first line's 12 digits of a 19-digit Maestro, valid by
 * chance, the second line's 8678 427 left out because the first line had read a digit too many).
 * Not the number's first four digits printed small under it, nor a month and year read without
 * their slash. Returns their characters.
 */
function nextLineDigits(rows: TextRow[], best: { digits: string; rows: TextRow[]; chars: PlacedChar[] }): PlacedChar[] {
	if (best.rows.length !== 1 || longestForBrand(best.digits)) return [];
	const line = best.rows[0];
	const left = Math.min(...best.chars.map((c) => quadCenter(c.quad).x));
	return rows.flatMap((row) => {
		if (row === line || row.chars.some((c) => best.chars.includes(c))) return [];
		// Below the number's line and a line of its own: print over it (the number read again in a box
		// of its own) is not.
		if (row.center.y - line.center.y < line.height * 0.5 || !mayContinueOn(line, row)) return [];
		const runs = rowRuns(row);
		if (runs.length === 0 || runs.some((run) => run === null)) return [];
		const chars = (runs as DigitRun[]).flatMap((run) => run.chars);
		const digits = (runs as DigitRun[]).map((run) => run.digits).join('');
		const start = Math.min(...chars.map((c) => quadCenter(c.quad).x));
		const monthYear = digits.length === 4 && Number(digits.slice(0, 2)) >= 1 && Number(digits.slice(0, 2)) <= 12;
		if (Math.abs(start - left) > line.height || digits === best.digits.slice(0, 4) || monthYear) return [];
		return chars.length >= 3 && chars.some((c) => c.prob >= 0.5) ? chars : [];
	});
}

/** Digit groups for subBoundingPolys, cut at the brand's gaps when the runs were read otherwise. */
function groupsOf(chars: PlacedChar[], digits: string, runs: DigitRun[]): PlacedChar[][] {
	const expected = expectedGrouping(digits);
	if (runs.map((run) => run.chars.length).join('-') === expected) return runs.map((run) => run.chars);
	const groups: PlacedChar[][] = [];
	let start = 0;
	for (const size of expected.split('-').map(Number)) {
		if (start < chars.length) groups.push(chars.slice(start, start + size));
		start += size;
	}
	return groups.filter((g) => g.length > 0);
}
