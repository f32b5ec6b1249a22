import type { DateLabel, Point } from './types';
import { DIGIT_LOOKALIKES, lookalikeDigit } from './fieldNumber';
import { aheadOnLine, belowLine, distance, insideQuad, lineOffset, quadCenter, quadHeight } from './geometry';
import type { PlacedChar, TextRow } from './textRows';
import { differingChars, editDistance, editDistanceAtMostOne, meanProb, runText, spanQuad, splitRuns } from './textRows';

export interface ExpiryChoice {
	text: string;
	chars: PlacedChar[];
	row: TextRow;
	confidence: number;
	label?: DateLabel;
	/** Every date read as printed (see `readAsPrinted`), chosen or not, as MM/YY. */
	read: string[];
	/** Digits printed larger than the date stood beside it (see `largerDigitsBeside`). */
	largerPrintBeside?: true;
	/** A box elsewhere on the card held a date read in part: the expiry may be there, unread. */
	partDateElsewhere?: true;
	/** Its month was read as one digit (see DateCandidate.shortMonth). */
	shortMonth?: true;
	/** More digits on its line or beside it, in no date read: a second date read in part. */
	digitsBeside?: true;
}

/**
 * Words that label an expiry date, and words that label some other date printed beside it.
 * MONTH/YEAR's thin slash is often read as a letter (MONTHIYEAR).
 */
const EXPIRY_WORDS =
	/THRU|^(EXP|EXPIRES?|EXPIRY|EXPIRATION|EXPIRESEND|END|ENDS|UNTIL|VALIDUNTIL|VALIDTO|GOOD|MONTH|YEAR|MONTH[IL]?YEAR|MMYY|BIS)$/;
export const DECOY_WORDS = /FROM|SINCE|^(MEMBER|CARDMEMBER|ISSUE|ISSUED|START|STARTS|DESDE|SEIT|CUSTOMER)$/;
/** DECOY_WORDS' words one by one, to match a decoy label read with a letter lost or misread (partDecoyRunIn). */
const DECOY_LABEL_WORDS = ['FROM', 'SINCE', 'MEMBER', 'CARDMEMBER', 'CUSTOMER', 'ISSUE', 'ISSUED', 'START', 'STARTS', 'DESDE', 'SEIT'];
const NEUTRAL_WORDS = /^(VALID|DATE|DATES|ON)$/;

interface Label {
	at: Point;
	kind: 'expiry' | 'decoy';
	/** An expiry label that digits or a slash follow on its line: its own date, read whole or in part, so it labels no date before or above it. */
	valueAfter?: boolean;
}

interface DateCandidate {
	text: string;
	month: number;
	year: number;
	chars: PlacedChar[];
	row: TextRow;
	mapped: number;
	/** Other digits touch it: two dates read as one run, or a date read into a code. */
	crowded: boolean;
	/** Its month was read as one digit: cards print two, so one was lost (1/29 for 11/29). */
	shortMonth?: boolean;
	/** Digits right beside it that crowd it, when nothing else does (a one-digit month, a split month). */
	touching?: PlacedChar[];
	/** Four digits standing alone, read as MMYY: the slash was lost, or they are no date at all. */
	slashless?: boolean;
	/** Its month's 0 was read as a round letter (`roundZero`), one of the look-alikes `mapped` counts. */
	roundZero?: boolean;
}

function lettersOf(run: PlacedChar[]): string {
	return run
		.map((c) => c.char)
		.join('')
		.toUpperCase()
		.replace(/[^A-Z]/g, '');
}

/**
 * A piece of a date as the model splits letter-spaced print: one or two digits, or a slash with a
 * digit at most each side. Only a slash: spaced-out digits round a hyphen or a full stop are as
 * often a sort code or a reference (01 - 12 - 29).
 */
const DATE_PIECE = /^(\d{1,2}|\d?[/\\]\d?)$/;
const SPACED_DATE = /^\d{1,2}[/\\]\d{2}(\d{2})?$/;

/**
 * A row's runs, with a date the model read in pieces as one run: letter-spaced print ("0 8 / 3 1",
 * OCR-B printed wide) or spaces round its slash ("08 / 31"). Read apart, its digits made no date
 * and the first piece passed for a value of the label before it ("THRU 0"), so another date on
 * the card was reported surely (independent seed 125). Only pieces that join into a date join.
 */
export function dateRuns(chars: PlacedChar[]): PlacedChar[][] {
	const runs = splitRuns(chars);
	const out: PlacedChar[][] = [];
	for (let i = 0; i < runs.length;) {
		let j = i;
		while (j < runs.length && DATE_PIECE.test(runText(runs[j]))) j += 1;
		const joined = runs.slice(i, j).flat();
		if (j - i >= 2 && SPACED_DATE.test(runText(joined))) {
			out.push(joined);
			i = j;
		} else {
			out.push(runs[i]);
			i += 1;
		}
	}
	return out;
}

/**
 * A decoy's label and an expiry's read as one run ("UDFROMVALIDTHRU": VALID FROM and VALID THRU
 * printed side by side, bench seed 2073), each where its own word is; otherwise null. Taken as one
 * decoy label, it left the VALID FROM date unlabelled beside a decoy-labelled expiry, and the
 * VALID FROM date was reported at 0.999.
 */
function bothLabels(run: PlacedChar[]): Label[] | null {
	const letters = run.filter((c) => /[A-Za-z]/.test(c.char));
	const text = runText(letters).toUpperCase();
	const decoy = /FROM|SINCE/.exec(text);
	const expiry = /THRU|EXP(?!RESS)|UNTIL/.exec(text);
	if (!decoy || !expiry) return null;
	const at = (match: RegExpExecArray) => quadCenter(spanQuad(letters.slice(match.index, match.index + match[0].length)));
	return [
		{ at: at(decoy), kind: 'decoy' },
		{ at: at(expiry), kind: 'expiry' },
	];
}

/** Which label word these letters are, if any. */
function labelWordKind(letters: string): Label['kind'] | 'neutral' | null {
	if (letters.length < 2) return null;
	return DECOY_WORDS.test(letters) ? 'decoy' : EXPIRY_WORDS.test(letters) ? 'expiry' : NEUTRAL_WORDS.test(letters) ? 'neutral' : null;
}

/**
 * Labels and where they are. A decoy label followed by a value of its own that is not a date
 * ("MEMBER SINCE 17", "SINCE 2015") labels that value, not a date nearby.
 */
function labels(rows: TextRow[]): Label[] {
	const found: Label[] = [];
	// A label's second line with no value of its own (SINCE), and first lines with one (MEMBER 22),
	// for the labels printed on two lines below.
	const secondLines: Array<{ label: Label; row: TextRow; print: PlacedChar[] }> = [];
	const valuedFirstLines: Array<{ row: TextRow; print: PlacedChar[] }> = [];
	for (const row of rows) {
		const runs = dateRuns(row.chars);
		const kindOf = (run: PlacedChar[]) => labelWordKind(lettersOf(run));
		runs.forEach((run, i) => {
			const kind = kindOf(run);
			if (kind === null || kind === 'neutral') return;
			const both = bothLabels(run);
			if (both) {
				found.push(...both);
				return;
			}
			// Past the rest of the label ("MEMBER SINCE"), is there a value of its own that is not a date?
			let j = i + 1;
			while (j < runs.length && kindOf(runs[j]) !== null) j += 1;
			// ...and where the label's print starts (SINCE of MEMBER SINCE is the same label).
			let start = i;
			while (start > 0 && kindOf(runs[start - 1]) !== null) start -= 1;
			const value = runs[j];
			const end = runs[j - 1];
			// Decoys only: after an expiry label, digits are its date (its slash lost, or its month a run
			// of its own: "THRU 10 /27", "THRU08/31"). The value on the label's row, read into its run
			// ("MEMBER SINCE23"), or in a box of its own right after it.
			const ownValue =
				kind === 'decoy' &&
				((value !== undefined && valueNotDate(runs, j) && value[0].along - end[end.length - 1].along < row.height * OWN_VALUE_REACH) ||
					/[A-Za-z]\d{1,4}$/.test(runText(end)) ||
					valueInBoxBeside(rows, row, end) ||
					valueUnderLabel(rows, row, runs.slice(start, j).flat()));
			// Where the label's letters are: a date read into the same run ("THRU08/31") is not the label.
			const letters = run.filter((c) => /[A-Za-z]/.test(c.char));
			// An expiry label's own date, whole or in part: digits or a slash in its last run past its
			// letters, or starting the next run close after it, on its row or in a row of their own. (A
			// decoy's own value is `ownValue`; digits past it that are not one leave its claim as it was.)
			const lastLetter = end.reduce((last, c, k) => (/[A-Za-z]/.test(c.char) ? k : last), -1);
			const valueAfter =
				kind === 'expiry' &&
				(end.slice(lastLetter + 1).some((c) => DATE_PRINT.test(c.char)) ||
					(value !== undefined &&
						DATE_PRINT.test(value[0].char) &&
						value[0].along - end[end.length - 1].along < row.height * OWN_VALUE_REACH) ||
					dateBesideInOtherRow(rows, row, end));
			const label: Label = { at: quadCenter(spanQuad(letters.length > 0 ? letters : run)), kind, valueAfter };
			const print = runs.slice(start, j).flat();
			const words = runs.slice(start, j).map(lettersOf);
			if (ownValue && FIRST_LINE_WORDS.test(words[words.length - 1])) valuedFirstLines.push({ row, print });
			// Only SINCE alone on its row (anything read after it may be its own date: SINCE03/24, SINCE O3/24),
			// with no date right beside it or under it.
			else if (
				words.length === 1 &&
				words[0] === 'SINCE' &&
				print.every((c) => /[A-Za-z]/.test(c.char)) &&
				row.chars.every((c) => print.includes(c) || c.char === ' ') &&
				!dateBesideInOtherRow(rows, row, end) &&
				!dateUnderLabel(rows, row, print)
			)
				secondLines.push({ label, row, print });
			if (!ownValue) found.push(label);
		});
	}
	// MEMBER SINCE printed on two lines, its value beside MEMBER (MEMBER 22 over a small SINCE): the
	// label's value is that one, and its SINCE line claims no date. Third-hand cards print it beside the
	// expiry, which SINCE claimed: 0.55 for a right date. Only SINCE right under or over such a MEMBER,
	// with no date of its own by it: all digits near it nearer the MEMBER line. Any other decoy label
	// (VALID FROM under MEMBER SINCE 19) keeps its claim (read-only reviews).
	// Not where an expiry label was read: its date may be this one, which SINCE's claim kept in doubt.
	const expiryRead = found.some((label) => label.kind === 'expiry');
	const unclaimed = new Set(
		(expiryRead ? [] : secondLines)
			.filter((second) =>
				valuedFirstLines.some(
					(first) => first.row !== second.row && stacked(second.row, second.print, first.print) && digitsNearerFirst(rows, second, first),
				),
			)
			.map((second) => second.label),
	);
	return found.filter((label) => !unclaimed.has(label));
}

/**
 * Whether every date's print of other rows within a date's reach of SINCE (`second`) stands nearer,
 * across the line, to its MEMBER line (`first`) than to SINCE: a date by SINCE, beside or under it,
 * may be its own (a read-only review: MEMBER 22 over SINCE, 03/24 under SINCE, the expiry unread).
 */
function digitsNearerFirst(rows: TextRow[], second: { row: TextRow; print: PlacedChar[] }, first: { print: PlacedChar[] }): boolean {
	const at = quadCenter(spanQuad(second.print));
	const firstAt = quadCenter(spanQuad(first.print));
	// Across the card's lines as its longest row (the number's) runs: a tilted photo tilts them all.
	const { direction } = rows.reduce((a, b) => (b.chars.length > a.chars.length ? b : a));
	// SINCE is the label's second line: under MEMBER.
	if (belowLine(firstAt, at, direction) <= 0) return false;
	// Each run of date print (three digits or slashes at least: a stray 1 read in the name's line is
	// none), where its digits are. MEMBER's own print is its value, not a date; a date grouped into its
	// row is weighed as any other.
	return rows.every((row) => {
		if (row === second.row) return true;
		return dateRuns(row.chars.filter((c) => !first.print.includes(c))).every((run) => {
			const digits = run.filter((c) => DATE_PRINT.test(c.char));
			if (digits.length < 3) return true;
			// As far as a label's claim reaches (assignLabels), to the nearest of its digits, in the
			// larger of SINCE's height and the date's.
			const h = Math.max(second.row.height, row.height);
			const offsets = digits.map((c) => lineOffset(at, quadCenter(c.quad), direction));
			if (Math.min(...offsets.map((o) => Math.abs(o.along))) > h * CLAIM_ALONG) return true;
			if (Math.min(...offsets.map((o) => Math.abs(o.across))) > h * CLAIM_ACROSS) return true;
			// Nearer MEMBER, or about as near: a photo's perspective turns the number's row a little
			// against the label's (third-hand set 22: 4.3 px from SINCE's centre, 4.9 from MEMBER's).
			const centre = quadCenter(spanQuad(digits));
			const fromSince = Math.abs(lineOffset(at, centre, direction).across);
			return Math.abs(lineOffset(firstAt, centre, direction).across) < fromSince + second.row.height * NEAR_AS_MEMBER;
		});
	});
}

/** A date this share of SINCE's height nearer SINCE than MEMBER is still as near MEMBER. */
const NEAR_AS_MEMBER = 0.1;

/** How far from a label a date it may claim lies at most, along its line and across it, in line heights (see assignLabels). */
const CLAIM_ALONG = 9;
const CLAIM_ACROSS = 3;

/**
 * Whether print `b` stands right over or under print `a` (of row `row`): across the line within
 * STACK_ACROSS of its height, and overlapping along it.
 */
function stacked(row: TextRow, a: PlacedChar[], b: PlacedChar[]): boolean {
	const from = quadCenter(a[0].quad);
	const along = (c: PlacedChar) => lineOffset(from, quadCenter(c.quad), row.direction).along;
	const across = Math.abs(lineOffset(quadCenter(spanQuad(a)), quadCenter(spanQuad(b)), row.direction).across);
	const [a0, a1] = [along(a[0]), along(a[a.length - 1])];
	const [b0, b1] = [Math.min(...b.map(along)), Math.max(...b.map(along))];
	return across < row.height * STACK_ACROSS && b0 < a1 + row.height / 2 && b1 > a0 - row.height / 2;
}

/** How far apart, in line heights, the two lines of a stacked label stand at most. */
const STACK_ACROSS = 1.6;
/** First words of a decoy label printed over SINCE. */
const FIRST_LINE_WORDS = /^(MEMBER|CARDMEMBER|CUSTOMER)$/;

/** A label's own value starts within this many line heights after it... */
const OWN_VALUE_REACH = 2;
/** ...and, in a box of its own, this many line heights across its line at most. */
const OWN_VALUE_ACROSS = 0.7;

/** Run k is a value of one to four digits, not the month of a date whose slash starts the next run ("04 /24"). */
function valueNotDate(runs: PlacedChar[][], k: number): boolean {
	return /^\d{1,4}$/.test(runText(runs[k] ?? [])) && !/^[/\\]/.test(runs[k + 1]?.[0]?.char ?? '');
}

/** Whether a run of a row other than the label's passes `test` (given the run, the row's runs and its index). */
function runInOtherRow(rows: TextRow[], labelRow: TextRow, test: (run: PlacedChar[], runs: PlacedChar[][], k: number) => boolean): boolean {
	return rows.some((row) => row !== labelRow && dateRuns(row.chars).some((run, k, runs) => test(run, runs, k)));
}

/**
 * A run of another row that starts right after the label on its line and passes `which` (given the
 * row's runs and the run's index): print in a detector box of its own beside the label.
 */
function runBesideInOtherRow(
	rows: TextRow[],
	labelRow: TextRow,
	labelEnd: PlacedChar[],
	which: (runs: PlacedChar[][], k: number) => boolean,
): boolean {
	const end = quadCenter(labelEnd[labelEnd.length - 1].quad);
	const { direction, height } = labelRow;
	return runInOtherRow(
		rows,
		labelRow,
		(run, runs, k) =>
			which(runs, k) && aheadOnLine(end, quadCenter(run[0].quad), direction, height * OWN_VALUE_REACH, height * OWN_VALUE_ACROSS),
	);
}

/**
 * A label's own value in a detector box of its own, right after the label on its line (bench seed
 * 2117: "BER SINCE" and "15" in two boxes, two rows; the SINCE then claimed the expiry beside it
 * and its VALID FROM date, 04/24, was reported at 0.990 for 10/27).
 */
function valueInBoxBeside(rows: TextRow[], labelRow: TextRow, labelEnd: PlacedChar[]): boolean {
	return runBesideInOtherRow(rows, labelRow, labelEnd, valueNotDate);
}

/**
 * A label's own value printed under it: one to four digits, not a date, in a row of their own under
 * the label's print (within UNDER_REACH of its heights, overlapping it along its line). Third-hand
 * set 18: MEMBER SINCE over 22, and CUSTOMER SINCE over 2023, beside an expiry whose small label
 * above it went unread; the SINCE claimed the expiry, reported at 0.55 though right.
 */
function valueUnderLabel(rows: TextRow[], labelRow: TextRow, label: PlacedChar[]): boolean {
	return runUnderLabel(rows, labelRow, label, (runs, k) => valueNotDate(runs, k));
}

/** A date's print (a run starting with a digit or a slash that is no value) under the label, placed as valueUnderLabel's. */
function dateUnderLabel(rows: TextRow[], labelRow: TextRow, label: PlacedChar[]): boolean {
	return runUnderLabel(rows, labelRow, label, (runs, k) => DATE_PRINT.test(runs[k][0].char) && !valueNotDate(runs, k));
}

/** A run of another row under the label's print that passes `which` (given the row's runs and the run's index). */
function runUnderLabel(
	rows: TextRow[],
	labelRow: TextRow,
	label: PlacedChar[],
	which: (runs: PlacedChar[][], k: number) => boolean,
): boolean {
	const from = quadCenter(label[0].quad);
	const { direction, height } = labelRow;
	const along = (c: PlacedChar) => lineOffset(from, quadCenter(c.quad), direction).along;
	const end = along(label[label.length - 1]);
	return runInOtherRow(rows, labelRow, (run, runs, k) => {
		if (!which(runs, k)) return false;
		const below = belowLine(from, quadCenter(run[0].quad), direction);
		// Along the label, the value's print overlaps the label's (a line's height either side).
		return below > height * 0.4 && below < height * UNDER_REACH && along(run[run.length - 1]) > -height && along(run[0]) < end + height;
	});
}

/**
 * Digits or a slash starting right after the label on its line, in a row of their own (a small
 * stacked THRU beside the larger "/32" of its date, whose month was lost).
 */
function dateBesideInOtherRow(rows: TextRow[], labelRow: TextRow, labelEnd: PlacedChar[]): boolean {
	return runBesideInOtherRow(rows, labelRow, labelEnd, (runs, k) => DATE_PRINT.test(runs[k][0].char));
}

/** A character of a date's print: a digit or a slash. */
const DATE_PRINT = /[\d/\\]/;

/** A date from its month's digits (one or two) and its year's (two or four), read from `chars`. */
function mmyyCandidate(
	month: string,
	year: string,
	chars: PlacedChar[],
	row: TextRow,
	how: Pick<DateCandidate, 'mapped' | 'crowded'> & Partial<Pick<DateCandidate, 'shortMonth' | 'touching' | 'slashless' | 'roundZero'>>,
): DateCandidate {
	return {
		text: `${month.padStart(2, '0')}/${year.slice(-2)}`,
		month: Number(month),
		year: year.length === 2 ? 2000 + Number(year) : Number(year),
		chars,
		row,
		...how,
	};
}

/**
 * The row as text for date matching: look-alike letters become digits only inside runs that are
 * mostly digits, and runs stay apart unless a slash joins them ("11 /24"), so a label's letters
 * never run into a date.
 */
function dateText(row: TextRow, exclude: Set<PlacedChar>): Array<{ ch: string; c: PlacedChar | null }> {
	const out: Array<{ ch: string; c: PlacedChar | null }> = [];
	for (const run of dateRuns(row.chars.filter((c) => !exclude.has(c)))) {
		const digitish = run.filter((c) => /[\d/\\\-.]/.test(c.char)).length / run.length >= 0.6;
		const last = out[out.length - 1];
		if (last && !(last.ch === '/' || run[0].char === '/')) out.push({ ch: ' ', c: null });
		for (const c of run) out.push({ ch: digitish && !/[\d/\\\-.]/.test(c.char) ? (lookalikeDigit(c) ?? c.char) : c.char, c });
	}
	return out;
}

/**
 * The month's first digit is a 0 read as a round letter, starting its run (EXPIRES O6/34, VALID THRU
 * D4/30 in OCR-A): a month's first digit is 0 or 1, and a 1 reads as no round letter. D and U also
 * end labels (END, THRU), whose letter may stand for a month's lost 1 (D2/32 for 12/32): those count
 * only before a second digit of 3 or more, which makes no month with a 1.
 */
function roundZero(chars: Array<{ ch: string; c: PlacedChar | null }>, start: number, month: string): boolean {
	const c = chars[start]?.c;
	// Taken as another digit (its runner-up: lookalikeDigit), it is no round 0.
	if (month.length !== 2 || !c || chars[start].ch !== '0' || !/^[OoQDU]$/.test(c.char) || c.prob < ROUND_ZERO) return false;
	return (start === 0 || chars[start - 1].ch === ' ') && (/^[OoQ]$/.test(c.char) || Number(month[1]) >= 3);
}

/** A stroke seen in a gap at least this surely is a glyph the model left out (lostStrokeBefore). */
const LOST_STROKE = 0.2;

/** Whether the blank frames before this character held a 1's stroke (an I, l, 1 or |) the model did not emit. */
function lostStrokeBefore(c: PlacedChar | null | undefined): boolean {
	return c?.letterBefore?.char === 'I' && c.letterBefore.prob >= LOST_STROKE;
}

/** A round letter read at least this surely is the month's 0 (roundZero). */
const ROUND_ZERO = 0.5;

/**
 * The month's two digits follow a year of their own, four digits and no more (MEMBER SINCE 2015 read
 * "M201511/28", third-hand set 18): another value, which does not crowd this date. (Four
 * digits of a date whose slash was lost, "093111/35", are stray digits that may be the expiry: see
 * strayDigitRun.)
 */
function ownValueBefore(text: string, start: number, month: string): boolean {
	return month.length === 2 && /(?<![\d/\\\-.])(19|20)\d\d$/.test(text.slice(0, start));
}

/** The character at `at` is an O glued after the letters of an expiry label, which it does not belong to. */
function zeroAfterLabel(chars: Array<{ ch: string; c: PlacedChar | null }>, at: number): boolean {
	if (!/^[Oo]$/.test(chars[at]?.c?.char ?? '')) return false;
	let start = at;
	while (start > 0 && /[A-Za-z]/.test(chars[start - 1].c?.char ?? '')) start -= 1;
	const label = chars
		.slice(start, at)
		.map((c) => c.ch)
		.join('')
		.toUpperCase();
	return LABEL_END.test(label);
}

/** How an expiry label's letters end, read run together (VALIDTHRU, EXPIRESEND, MONTHYEAR); TO is left out: its own O. */
const LABEL_END = /(THRU|EXP|EXPIRES|EXPIRY|END|ENDS|UNTIL|YEAR|MMYY)$/;

/**
 * Every MM/YY (or MM/YYYY) reading around each slash. Dates printed side by side can come back as
 * one run ("04/2207/26"), so a match may touch other digits: plausibility sorts out the rest.
 */
function dateCandidates(row: TextRow, exclude: Set<PlacedChar>): DateCandidate[] {
	const found: DateCandidate[] = [];
	const chars = dateText(row, exclude);
	const text = chars.map((c) => c.ch).join('');
	for (let slash = text.search(/[/\\\-.]/); slash >= 0; slash = next(text, slash)) {
		const before = /(\d{1,2})$/.exec(text.slice(Math.max(0, slash - 2), slash));
		if (!before) continue;
		const after = text.slice(slash + 1);
		// A slash read with a stroke beside it: a weak digit right after it and a two-digit year after
		// that (bench seed 2159: VALID FROM 08/26 and EXPIRES END 01/30 read "08/26 01/130", the 1 at
		// 0.38). Without that digit it is a date, a reconstruction and never sure.
		const stroke = chars[slash + 1]?.c;
		const strokeYear = /^\d(\d{2})(?!\d)/.exec(after)?.[1];
		if (stroke && strokeYear && stroke.prob < SLASH_STROKE) {
			const used = chars.slice(slash - before[1].length, slash + 4).flatMap((c) => (c.c ? [c.c] : []));
			found.push(mmyyCandidate(before[1], strokeYear, used, row, { mapped: 1, crowded: true }));
		}
		const fourDigits = /^\d{4}(?!\d)/.exec(after)?.[0];
		// A four-digit year of this century (08/2033) is the year; its first two digits are no date of their own.
		const years = fourDigits?.startsWith('20')
			? [fourDigits]
			: [/^\d{2}/.exec(after)?.[0], fourDigits].filter((y): y is string => y !== undefined);
		// A one-digit month glued after an O that follows a whole expiry label (VALIDTHRUO4/32): the
		// month's 0 read as a letter beside the label's. Not after VALIDTO or TO, whose own O it may be,
		// with the month's first digit lost (VALIDTO1/28 for VALID TO 11/28).
		const zero = before[1].length === 1 && zeroAfterLabel(chars, slash - 2) ? chars[slash - 2] : null;
		for (const year of years) {
			if (zero?.c) {
				const used = chars.slice(slash - 2, slash + 1 + year.length).flatMap((c) => (c.c ? [c.c] : []));
				found.push(
					mmyyCandidate(before[1], year, used, row, {
						mapped: used.filter((c) => !/[\d/\\\-.]/.test(c.char) && c !== zero.c).length,
						crowded: /\d/.test(chars[slash + 1 + year.length]?.c?.char ?? ''),
					}),
				);
				continue;
			}
			const start = slash - before[1].length;
			const used = chars.slice(start, slash + 1 + year.length).flatMap((c) => (c.c ? [c.c] : []));
			const mapped = used.filter((c) => !/[\d/\\\-.]/.test(c.char)).length;
			// Look-alike mapping must not invent a date out of a word.
			if (mapped > 2) continue;
			const end = slash + 1 + year.length;
			// Only digits the model read as digits crowd a date; a letter beside it is a logo's edge.
			// A one-digit month with a digit just across a gap may be a two-digit month split by a
			// space the model put in ("1 1/27"): both readings stand, neither surely.
			const split =
				before[1].length === 1 && chars[start - 1]?.ch === ' ' && /\d/.test(chars[start - 2]?.c?.char ?? '') ? chars[start - 2] : null;
			// Cards print two-digit months: one digit glued to a character before it (Y1/30 for 11/30)
			// had its first digit misread as that character.
			const glued = before[1].length === 1 && Boolean(chars[start - 1]?.c);
			const touching = [ownValueBefore(text, start, before[1]) ? undefined : chars[start - 1]?.c, chars[end]?.c].filter(
				(c): c is PlacedChar => c !== undefined && c !== null && /\d/.test(c.char),
			);
			const crowded = glued || split !== null || touching.length > 0;
			// A month's first 1 the model saw but did not emit, before a lone 1 not glued to what precedes
			// it: OCR-A's 11 run into one stroke (third-hand set 52: 11/34 read "1/34", an I at 0.29 in the
			// blank frames before the 1). The month is read 11, not 01; a one-digit month is never sure.
			const lostOne = before[1] === '1' && !glued && lostStrokeBefore(chars[start]?.c);
			// A lone 0, a run of its own, split off a month of 3 to 9 ("0 8/24", "YAR 0 5/32"): the month is
			// 08, whole, and its one-digit reading adds nothing but the doubt of a digit lost. Before a 0, 1
			// or 2 the 0 may be a stray mark beside a month that lost its 1 (0 2/28 for 12/28), and a 0
			// glued to letters may be a label's O (VALID T0 1/28 for VALID TO 11/28: a read-only review).
			const loneZero = split?.c?.char === '0' && (chars[start - 3]?.ch ?? ' ') === ' ' && Number(before[1]) >= 3;
			if (!loneZero)
				found.push(
					mmyyCandidate(lostOne ? '11' : before[1], year, used, row, {
						mapped,
						crowded,
						shortMonth: before[1].length === 1,
						touching: glued || split !== null ? undefined : touching,
						roundZero: roundZero(chars, start, before[1]),
					}),
				);
			if (split?.c) {
				const after = /\d/.test(chars[end]?.c?.char ?? '');
				found.push(mmyyCandidate(`${split.c.char}${before[1]}`, year, [split.c, ...used], row, { mapped, crowded: !loneZero || after }));
			}
			// Two dates run together can lose the second slash ("05/200324"), with the last or first letter
			// of the second one's label between them ("09/25E0629" for 09/25 EXP 06/29; THRU, END, VALID):
			// four more digits are a date too.
			const lost = /^ ?[EPTUDeptud]? ?(\d{2})(\d{2})(?!\d)/.exec(text.slice(end));
			if (year.length === 2 && lost) {
				const lostChars = chars.slice(end, end + lost[0].length).flatMap((c) => (c.c ? [c.c] : []));
				found.push(mmyyCandidate(lost[1], lost[2], lostChars, row, { mapped: 1, crowded: true }));
			}
		}
	}
	// A slash the model read as a digit ("04732"): its runner-up there was the slash, or it is the
	// middle of five digits standing alone and a 1 or 7, the digits a thin slash turns into.
	chars.forEach((entry, i) => {
		const c = entry.c;
		if (!c || !/\d/.test(c.char) || !((c.alt?.char === '/' && c.alt.prob >= 0.05) || /[17]/.test(c.char))) return;
		const before = /(?<!\d)(\d{2})$/.exec(text.slice(Math.max(0, i - 3), i));
		const after = /^(\d{2})(?!\d)/.exec(text.slice(i + 1));
		if (!before || !after) return;
		const used = chars.slice(i - 2, i + 3).flatMap((e) => (e.c ? [e.c] : []));
		found.push(mmyyCandidate(before[1], after[1], used, row, { mapped: 1, crowded: true }));
	});
	// Two dates run together with both slashes read ("09/2610/29") crowd each other, but each is
	// whole: digits beside a date that all belong to another date it shares nothing with leave it clear.
	for (const date of found) {
		if (!date.crowded || !date.touching || date.touching.length === 0) continue;
		const own = new Set(date.chars);
		const clear = date.touching.every((c) =>
			found.some(
				(other) =>
					other !== date &&
					other.month >= 1 &&
					other.month <= 12 &&
					other.chars.includes(c) &&
					other.chars.some((o) => o.char === '/') &&
					!other.chars.some((o) => own.has(o)),
			),
		);
		if (clear) date.crowded = false;
	}
	return found;
}

/**
 * Four digits standing alone, read as MMYY ("0725" for a shaken 07/25 whose slash the model
 * dropped). A card's other four-digit print (a branch code, a number group) is as likely: they are
 * only a last guess, asked for when no date was read with its slash.
 */
function slashlessDates(row: TextRow, exclude: Set<PlacedChar>): DateCandidate[] {
	const chars = dateText(row, exclude);
	const text = chars.map((c) => c.ch).join('');
	const found: DateCandidate[] = [];
	for (const match of text.matchAll(/(?<![\d/\\\-.])(\d{2})(\d{2})(?![\d/\\\-.])/g)) {
		const start = match.index ?? 0;
		const used = chars.slice(start, start + 4).flatMap((c) => (c.c ? [c.c] : []));
		found.push(
			mmyyCandidate(match[1], match[2], used, row, {
				mapped: used.filter((c) => !/\d/.test(c.char)).length,
				crowded: false,
				slashless: true,
			}),
		);
	}
	return found;
}

/**
 * The most a date no card prints (month 13, a year out of range) is reported at; a date read from
 * four digits without their slash too: a guess worth a look, which any plausible date read with
 * its slash outweighs.
 */
export const IMPLAUSIBLE_DATE = 0.4;

/** How sure each digit of the year of a date already past must be read for it to be reported sure. */
const EXPIRED_DIGIT_SURE = 0.8;

/** A digit right after a slash read less surely than this may be the slash's own stroke read twice. */
const SLASH_STROKE = 0.5;

/** How far along the date's line (in line heights) a stray digit run counts: beside it, not across the card. */
const STRAY_REACH = 4;

/**
 * The digits of a run in no date that was read and not the number, when there are three or more
 * and they are no year (MEMBER SINCE 2018): what is left of a date whose slash was lost ("029").
 * Otherwise none.
 */
function leftoverDigits(run: PlacedChar[], taken: Set<PlacedChar>): PlacedChar[] {
	const digits = run.filter((c) => /\d/.test(c.char) && !taken.has(c));
	return digits.length >= 3 && !/^(19|20)\d\d$/.test(runText(digits)) ? digits : [];
}

/** Four digits in a row among these that make a month and a year a card could still be valid in (MMYY). */
function holdsSlashlessDate(digits: PlacedChar[], now: Date): boolean {
	const text = runText(digits);
	const current = now.getUTCFullYear();
	for (let i = 0; i + 4 <= text.length; i++) {
		const month = Number(text.slice(i, i + 2));
		const year = 2000 + Number(text.slice(i + 2, i + 4));
		if (month >= 1 && month <= 12 && year >= current - 4 && year <= current + 25) return true;
	}
	return false;
}

/**
 * A date read as a card prints it: a real month of two digits, its separator read, no letter taken
 * for a digit and no digit glued on. Not a reconstruction (a slash lost between two dates, 01727).
 */
function readAsPrinted(date: DateCandidate): boolean {
	return date.month >= 1 && date.month <= 12 && date.mapped === 0 && !date.crowded && !date.shortMonth && !date.slashless;
}

/**
 * Whether a detector box apart from the date's holds a date read in part and nothing else, or
 * nothing else after a label's letters (`partDateAfterLabel`): its slash alone, or with fewer digits
 * than a date has ("/", "0/3"), or one more (third-hand set 8: a small 11/30 under its label read
 * "11/530", beside an unlabelled FROM 12/25 reported at 0.99). Not a whole date, nor print far
 * larger than the date (a chip's contacts read "1/11").
 */
function partDateBox(rows: TextRow[], date: PlacedChar[], exclude: Set<PlacedChar>): boolean {
	const h = Math.max(...date.map(charHeight));
	// Not within a line of the card number's many digits (a stroke between its groups read "/" at 0.33).
	const numberLines = rows
		.filter((row) => row.chars.filter((c) => /\d/.test(c.char)).length >= NUMBER_LINE_DIGITS)
		.map((row) => spanQuad(row.chars));
	return rows.some((row) =>
		boxesOnRow(row).some((box) => {
			const chars = partDateAfterLabel(box);
			const text = runText(chars);
			if (!/^\d{0,2}\/\d{0,3}$/.test(text) || text.length === 5 || !chars.some((c) => c.char === '/' && c.prob >= PART_DATE_SLASH))
				return false;
			const within = numberLines.some((line) => insideQuad(quadCenter(spanQuad(chars)), line));
			return !within && !chars.some((c) => exclude.has(c) || date.includes(c)) && Math.max(...chars.map(charHeight)) <= h * LARGER_DATE_MAX;
		}),
	);
}

/**
 * A box's print past the letters that start it, where those are three letters or more, not a
 * decoy's label, and a digit follows them: a label boxed with its own date, which may have been read
 * in part (bench seed 2177: a 12 MP photo's "VALDTIRU 08/3 " for VALID THRU 08/33, its label unread
 * as one, and an unlabelled 12/29 elsewhere reported at 0.988). The whole box otherwise.
 */
function partDateAfterLabel(box: PlacedChar[]): PlacedChar[] {
	const first = box.findIndex((c) => !/[A-Za-z ]/.test(c.char));
	if (first <= 0) return box;
	const letters = lettersOf(box.slice(0, first));
	// A decoy's date read in part says nothing of the expiry's.
	if (letters.length < LABEL_BEFORE_PART || labelWordKind(letters) === 'decoy') return box;
	const rest = box.slice(first);
	// Its month's digits at least: a slash right after letters is a label's own (ESEND/06, A/C).
	if (!/\d/.test(rest[0].char)) return box;
	const last = rest.reduce((end, c, i) => (c.char === ' ' ? end : i), -1);
	return rest.slice(0, last + 1);
}

/** Letters a label boxed with a date read in part has at least (not a stray letter before a date: "F 0/3"). */
const LABEL_BEFORE_PART = 3;

/** The characters of each detector box on a row, box by box in the order the row meets them. */
function boxesOnRow(row: TextRow): PlacedChar[][] {
	return [...new Set(row.chars.map((c) => c.box))].map((box) => row.chars.filter((c) => c.box === box));
}

/** A slash read less surely than this is any thin stroke: a contactless mark's arc read "/" at 0.00. */
const PART_DATE_SLASH = 0.3;

/**
 * Leftover digits, or a date read in part, on the date's own row, along it within STRAY_REACH of the
 * date; with `apart`, in other runs than the date's own.
 */
function strayDigitRun(row: TextRow, date: PlacedChar[], taken: Set<PlacedChar>, apart = false): boolean {
	const from = Math.min(...date.map((c) => c.along)) - row.height * STRAY_REACH;
	const to = Math.max(...date.map((c) => c.along)) + row.height * STRAY_REACH;
	return splitRuns(row.chars).some((run) => {
		if (run.every((c) => c.along < from || c.along > to)) return false;
		// Only other runs, where asked: a date read whole in a box of its own beside them.
		if (apart && run.some((c) => date.includes(c))) return false;
		// Digits in the date's own run count too when no date took them ("09/25E0629").
		return leftoverDigits(run, taken).length > 0 || dateFragment(run, taken);
	});
}

/** Whether `word` is `label` with one letter lost or read as another. */
function oneLetterOff(word: string, label: string): boolean {
	// editDistanceAtMostOne keeps a word whose last letter was added; here the label's last may be lost.
	return word.length <= label.length && word !== label && (editDistanceAtMostOne(word, label) || word === label.slice(0, -1));
}

/**
 * Whether the letters run into the date's start in its run end in a decoy's label word with a letter
 * lost or misread: a FROM, SINCE or ISSUE read in part labels the date as no expiry. So do FROM's
 * last letter or two alone: no expiry label ends in M (third-hand set 49: VALID FROM 08/23 read
 * "M08/23", taken at 0.968 for the expiry 06/25, read as "125").
 */
function partDecoyRunIn(row: TextRow, date: PlacedChar[]): boolean {
	const letters = runText(lettersBefore(row, date[0], date[0].box, false)).toUpperCase();
	if (letters === 'M' || letters === 'OM') return true;
	for (let from = 0; from + 3 <= letters.length; from++)
		if (DECOY_LABEL_WORDS.some((label) => oneLetterOff(letters.slice(from), label))) return true;
	// So does such a word of four letters or more a gap before the date in its box (bench seed 2261:
	// VALID FROM stacked small before 01/25 read "FROB 01 / 2 5", reported at 0.988 for the expiry 09/27,
	// read "09 / 2.7"). A surname so near a decoy's word (STARK, VINCE) boxed with an unlabelled expiry
	// is in doubt too (a read-only review); three letters (SET, SIT) are any word's.
	const word = runText(lettersBefore(row, date[0], date[0].box, true)).toUpperCase();
	return word.length >= 4 && DECOY_LABEL_WORDS.some((label) => oneLetterOff(word, label));
}

/**
 * A slash beside a digit that no date took: a date read in part ("10/25 -/28" for VALID FROM 10/25
 * and VALID THRU 08/28, its month lost), which may be the expiry. The digit may stand one further
 * off behind a look-alike letter ("05/26M1O/THRU" for 05/26 and 10/30 run into their stacked labels).
 */
function dateFragment(run: PlacedChar[], taken: Set<PlacedChar>): boolean {
	const free = (c: PlacedChar | undefined): c is PlacedChar => c !== undefined && !taken.has(c);
	const digit = (c: PlacedChar | undefined) => free(c) && /\d/.test(c.char);
	const lookAlike = (c: PlacedChar | undefined) => free(c) && DIGIT_LOOKALIKES[c.char] !== undefined;
	return run.some(
		(c, i) =>
			c.char === '/' &&
			free(c) &&
			([-1, 1] as const).some(
				(side) => digit(run[i + side]) || (lookAlike(run[i + side]) && digit(run[i + 2 * side]) && !labelWordBeside(run, i, side)),
			),
	);
}

/** Digits a label's letters are misread as, read back as the letters (VAL1D, GO0D). */
const LETTER_FOR_DIGIT: Record<string, string> = { '0': 'O', '1': 'I', '2': 'Z', '5': 'S', '6': 'G', '7': 'T', '8': 'B' };

/**
 * Whether the letters and digits running from the slash at `at` to one side spell a label word once
 * its digits are read back as letters: VAL1D/THRU is a label with a misread letter, not a date.
 */
function labelWordBeside(run: PlacedChar[], at: number, side: -1 | 1): boolean {
	const word: string[] = [];
	for (let i = at + side; i >= 0 && i < run.length && /[A-Za-z0-9]/.test(run[i].char); i += side) {
		const ch = run[i].char.toUpperCase();
		word.push(LETTER_FOR_DIGIT[ch] ?? ch);
	}
	return labelWordKind((side === -1 ? word.reverse() : word).join('')) !== null;
}

/** How far above or below the date (in its heights) a stray digit run on another row counts. */
const STRAY_ROWS_REACH = 1.5;
/** ...and how large, against the date's height, that row's print must be. */
const STRAY_ROW_HEIGHT = 0.8;

/**
 * Whether a character stands beside the date: within STRAY_REACH heights `h` along it and
 * STRAY_ROWS_REACH above or below it.
 */
function besideDate(date: PlacedChar[], h: number): (c: PlacedChar) => boolean {
	const corners = date.flatMap((c) => c.quad);
	const x0 = Math.min(...corners.map((p) => p.x)) - h * STRAY_REACH;
	const x1 = Math.max(...corners.map((p) => p.x)) + h * STRAY_REACH;
	const y0 = Math.min(...corners.map((p) => p.y)) - h * STRAY_ROWS_REACH;
	const y1 = Math.max(...corners.map((p) => p.y)) + h * STRAY_ROWS_REACH;
	return (c) => {
		const { x, y } = quadCenter(c.quad);
		return x >= x0 && x <= x1 && y >= y0 && y <= y1;
	};
}

/**
 * Leftover digits on the rows just above and below the date, beside it: a date printed large beside a small
 * one can be grouped with other print ("ETHAN RODRIGUEZ 17340" for 11/34 beside a small 10/31). Or a
 * date read in part there (third-hand set 11: MONTH/YEAR stacked on 04/30 read "MO4/3ER", on a row of
 * its own beside VALID FROM 04/25, its label unread, reported at 0.999).
 * Only rows printed about as large as the date or larger count: small print under a number (a Visa's
 * first four digits) is no lost date.
 */
function strayDigitsBeside(rows: TextRow[], dateRow: TextRow, date: PlacedChar[], taken: Set<PlacedChar>, labelled: boolean): boolean {
	const h = dateRow.height;
	const beside = besideDate(date, h);
	// A date read in part counts only for a date no expiry label vouches for: beside a labelled date it
	// is as often the decoy's, or the label's own box read again with the date ("MO4/3ER" over 04/30).
	const partDate = (run: PlacedChar[]) => !labelled && dateFragment(run, taken) && run.some(beside);
	return rows.some(
		(row) =>
			row !== dateRow &&
			row.height >= h * STRAY_ROW_HEIGHT &&
			splitRuns(row.chars).some((run) => leftoverDigits(run, taken).some(beside) || partDate(run)),
	);
}

/** A character's height as its detector box gives it (boxes hold whole lines: stacked print makes them taller). */
function charHeight(c: PlacedChar): number {
	return quadHeight(c.quad);
}

/** How much taller than the date two digits beside it must be printed to be a date read in part. */
const LARGER_PRINT = 1.3;
/** Leftover digits on a line that make it a card number's, read as no number. */
const NUMBER_LINE_DIGITS = 12;

/**
 * Two or three digits in no date, beside the date (on its row or just above or below it) and printed
 * clearly larger: the expiry read in part beside a small decoy date (bench seed 2095: an embossed
 * OCR-A 10/31 read "03" beside an unlabelled 04/28 two thirds its height, which was reported at
 * 0.993). Leftover digits of other print need three (leftoverDigits); larger print needs two.
 */
function largerDigitsBeside(rows: TextRow[], date: PlacedChar[], taken: Set<PlacedChar>): boolean {
	const h = Math.max(...date.map(charHeight));
	const beside = besideDate(date, h);
	const larger = (c: PlacedChar) => /\d/.test(c.char) && !taken.has(c) && charHeight(c) >= h * LARGER_PRINT && beside(c);
	// Not a number's line (12 digits or more left over where no number was read).
	const numberLine = (row: TextRow) => row.chars.filter((c) => /\d/.test(c.char) && !taken.has(c)).length >= NUMBER_LINE_DIGITS;
	return rows.some(
		(row) =>
			!numberLine(row) &&
			splitRuns(row.chars).some((run) => {
				// Two or three digits: four are a date or a year read whole without a slash, which other
				// rules weigh, and a detector box round a date and the label stacked on it is taller than
				// the date's print (VALID FROM 07/24 read "0724" in a box a third taller).
				const digits = run.filter(larger);
				const all = run.filter((c) => /\d/.test(c.char));
				return digits.length >= 2 && all.length <= 3 && !run.some((c) => c.char === '/');
			}),
	);
}

/** Print with a slash among digits at least this many times the chosen date's height... */
const LARGER_DATE_MIN = 1.5;
/** ...and at most this many (larger are a chip's or a hologram's shapes)... */
const LARGER_DATE_MAX = 3;
/** ...read under this mean probability (its digits and slashes) is a date the recogniser hardly read. */
const WEAK_DATE_PROB = 0.6;

/**
 * A date printed clearly larger than the chosen one that the recogniser hardly read, or read with
 * letters for its year: the expiry, beside a small decoy that was read (bench seed 2109: an expiry
 * 07/35 under VALID THRU, twice the height of an unlabelled 12/32, read "07/07350" at 0.23-0.68;
 * 12/32 was reported at 0.998).
 * Measured per detector box, so a space read inside it ("07/ 07350") splits nothing; a box holding
 * the chosen date, the number or a date labelled as a decoy is no such print.
 */
function largerDateReadWeakly(rows: TextRow[], date: PlacedChar[], skip: Set<PlacedChar>): boolean {
	const h = Math.max(...date.map(charHeight));
	return rows.some((row) =>
		boxesOnRow(row).some((box) => {
			const chars = box.filter((c) => c.char !== ' ');
			if (chars.some((c) => date.includes(c) || skip.has(c))) return false;
			const print = chars.filter((c) => /[\d/\\]/.test(c.char));
			// Its month and slash read, and a letter where the year stands: a label stacked on the date taken
			// into its box (bench seed 2143: "06/ESEND" for EXPIRES END over 06/35, beside a small 04/32;
			// bench seed 2147: "VO3/2Z7RU" for VALID THRU over 03/27, beside a small 09/23).
			const yearAsLetters = /\d[/\\]\d?[A-Za-z]/.test(runText(chars));
			if (!print.some((c) => /[/\\]/.test(c.char)) || (print.filter((c) => /\d/.test(c.char)).length < 3 && !yearAsLetters)) return false;
			const height = Math.max(...print.map(charHeight));
			return (meanProb(print) < WEAK_DATE_PROB || yearAsLetters) && height >= h * LARGER_DATE_MIN && height <= h * LARGER_DATE_MAX;
		}),
	);
}

/**
 * The letters right before `first` on its row, across one space at most (none unless `acrossSpace`),
 * in reading order; only those in detector box `box` when it is given.
 */
function lettersBefore(row: TextRow, first: PlacedChar, box?: number, acrossSpace = true): PlacedChar[] {
	const letters: PlacedChar[] = [];
	let k = row.chars.indexOf(first) - 1;
	if (acrossSpace && k >= 0 && row.chars[k].char === ' ') k -= 1;
	for (; k >= 0 && (box === undefined || row.chars[k].box === box) && /[A-Za-z]/.test(row.chars[k].char); k -= 1)
		letters.unshift(row.chars[k]);
	return letters;
}

/** A date's detector box this much taller than the number's holds more than the date: print stacked on it. */
const STACKED_BOX_RATIO = 1.3;
/** Letters read before a date in its own box, on average under this: a stacked label hardly read. */
const UNREAD_LABEL_PROB = 0.8;
/**
 * Three letters in a row of THRU, EXP(IRES), END, GOOD or UNTIL, as a blended expiry label keeps them
 * (bench seed 2091: VALDTHR, EXPRS). Not two: FROM read FRUM shares RU with THRU.
 */
const EXPIRY_PIECES = /THR|HRU|EXP|XPI|PIR|END|GOO|OOD|UNT|NTI/;

/**
 * Two letters or more read weakly before the date in its own detector box, a box clearly taller
 * than the number's: a small label stacked on the date and blended into one line, which may have
 * said FROM as well as THRU (bench seed 2103: VALID FROM over 09/31 read "FVAIM 09/31" in a box 1.4
 * times the number's height, its letters at 0.30-0.75; the expiry beside it was not detected).
 */
function unreadStackedLabel(row: TextRow, date: PlacedChar[], number: Set<PlacedChar>): boolean {
	const numberHeight = Math.max(0, ...[...number].map(charHeight));
	// The date's own box, where the label was blended in: its first character's.
	if (numberHeight === 0 || charHeight(date[0]) < numberHeight * STACKED_BOX_RATIO) return false;
	// The word right before the date in its box: the blended label.
	const letters = lettersBefore(row, date[0], date[0].box);
	// Pieces of an expiry label read through the blend (VALDTHR, EXPRS) say which label it was.
	if (EXPIRY_PIECES.test(runText(letters).toUpperCase())) return false;
	return letters.length >= 2 && meanProb(letters) < UNREAD_LABEL_PROB;
}

/**
 * Letters read right before a date, in its run or across one space, that begin VALID and stop there
 * (VAL, VAU, VALID): whatever followed VALID, FROM or THRU, was not read.
 */
function followsCutValidLabel(row: TextRow, date: PlacedChar[]): boolean {
	const letters = runText(lettersBefore(row, date[0])).toUpperCase();
	if (letters.length < 2 || letters.length > 'VALID'.length || letters[0] !== 'V') return false;
	const differ = differingChars(letters, 'VALID');
	return letters.length === 2 ? differ === 0 : differ <= 1;
}

/** A date's digit read under this may be its runner-up... */
const DOUBTFUL_DATE_DIGIT = 0.8;
/** ...where the model gave the runner-up at least this. */
const DATE_RUNNER_UP = 0.1;

/** Expiry labels long enough that two letters misread or lost still leave them known. */
const LONG_EXPIRY_LABELS = ['EXPIRESEND', 'EXPIRATION', 'VALIDUNTIL', 'VALIDTHRU', 'GOODTHRU'];
/** A letter read below this is one the recogniser doubts. */
const DOUBTED_LETTER = 0.6;

/**
 * A run read as no label word, with letters the recogniser doubts, two letters off a long expiry label:
 * the label misread, its date perhaps unread (third-hand seed 41: EXPIRES END printed tight over 11/33,
 * both in one detector box read "EX1IESEND", while ISSUED 09/25 beside it, its label unread too, was
 * reported at 0.986).
 */
function misreadExpiryLabel(run: PlacedChar[]): boolean {
	const letters = lettersOf(run);
	if (letters.length < 6 || labelWordKind(letters) !== null) return false;
	if (!run.some((c) => /[A-Za-z]/.test(c.char) && c.prob < DOUBTED_LETTER)) return false;
	return LONG_EXPIRY_LABELS.some((label) => editDistance(letters, label) <= 2);
}

/**
 * Whether a misread expiry label (`misreadExpiryLabel`) in a box about as tall as the chosen date's
 * stands by it, within MISREAD_LABEL_REACH of its line heights, with no date print of its own: after it
 * on its row (past label words such as DATE), beside it in another row, or under it. A label is printed
 * smaller than its date; one boxed as tall holds its date too, stacked under it and read as the label
 * (a small label read with a letter wrong beside its own date says nothing: a read-only review).
 */
function misreadExpiryLabelBy(rows: TextRow[], date: DateCandidate): boolean {
	const dateBox = spanQuad(date.chars);
	const at = quadCenter(dateBox);
	const tall = (run: PlacedChar[]) => quadHeight(spanQuad(run)) >= quadHeight(dateBox) * TALL_LABEL;
	return rows.some((row) => {
		const runs = dateRuns(row.chars);
		return runs.some((run, i) => {
			if (!misreadExpiryLabel(run) || !tall(run) || distance(quadCenter(spanQuad(run)), at) > date.row.height * MISREAD_LABEL_REACH)
				return false;
			let j = i + 1;
			while (j < runs.length && labelWordKind(lettersOf(runs[j])) !== null) j += 1;
			const end = runs[j - 1];
			const next = runs[j];
			const ownValue =
				DATE_PRINT.test(end[end.length - 1].char) ||
				(next !== undefined && DATE_PRINT.test(next[0].char) && next[0].along - end[end.length - 1].along < row.height * OWN_VALUE_REACH) ||
				dateBesideInOtherRow(rows, row, end) ||
				dateUnderLabel(rows, row, runs.slice(i, j).flat());
			return !ownValue;
		});
	});
}
/** A label's box at least this share of its date's height holds more than the label. */
const TALL_LABEL = 0.8;
/** How near the chosen date, in its line heights, a misread expiry label puts it in doubt: a label of the card's, not a word further off. */
const MISREAD_LABEL_REACH = 6;

/** A price as a receipt prints it: digits, a point and two digits, a run of its own (12.47, 135.00). */
const PRICE_RUN = /^\d{1,4}\.\d{2}$/;
/** How near a price its neighbours in a receipt's column stand, in line heights, centre to centre. */
const PRICE_COLUMN = 4;

/** Whether a price-like run can be no card's date: a one-digit or three-digit whole part, or no month (14.45, 2.07, 135.00). */
function noDate(run: PlacedChar[]): boolean {
	const [whole] = runText(run).split('.');
	return whole.length !== 2 || Number(whole) < 1 || Number(whole) > 12;
}

/**
 * The characters of runs read as prices that stand in a column of them: a receipt beside the card,
 * where a date read with a point is one more price (third-hand seed 42: a receipt's 12.47 under 14.45,
 * 2.07 and 6.18, read as 12/47 and reported at 0.999 over the card's 01/28). A price's column holds two
 * more near it, one of them no date: a card's own dates with points (VALID FROM 01.24, VALID THRU
 * 12.29, MEMBER SINCE 05.19) make none, and a price elsewhere on the image (a total) takes none of them.
 */
function priceList(rows: TextRow[]): Set<PlacedChar> {
	const prices = rows.flatMap((row) => splitRuns(row.chars).map((run) => ({ run, row }))).filter(({ run }) => PRICE_RUN.test(runText(run)));
	const centre = (run: PlacedChar[]) => quadCenter(spanQuad(run));
	const inColumn = prices.filter(({ run, row }) => {
		const near = prices.filter((other) => other.run !== run && distance(centre(other.run), centre(run)) <= row.height * PRICE_COLUMN);
		return near.length >= 2 && near.some((other) => noDate(other.run));
	});
	// Beside such a column, a price with a one-digit whole part anywhere is one too: it would be a date only
	// with its month's first digit lost (8.36 at the foot of the same receipt, read as 08/36).
	const loose = inColumn.length > 0 ? prices.filter(({ run }) => runText(run).indexOf('.') === 1) : [];
	return new Set([...inColumn, ...loose].flatMap(({ run }) => run));
}

/**
 * When the date would fall, in months, with its doubtful digits read as their runners-up, one or
 * more at a time (only readings that make a month and a year a card could hold). Month digits are
 * those before the separator, year digits the last two after it; a runner-up letter counts as the
 * digit it looks like.
 */
function runnerUpWhens(date: DateCandidate, now: Date): number[] {
	const sep = date.chars.findIndex((c) => /[/\\\-.]/.test(c.char));
	if (sep < 1) return [];
	const month = date.chars.slice(0, sep);
	const year = date.chars.slice(sep + 1).slice(-2);
	const digit = (ch: string) => (/^\d$/.test(ch) ? ch : (DIGIT_LOOKALIKES[ch] ?? ''));
	// As the date's text read it: a look-alike letter may stand for its runner-up digit (lookalikeDigit),
	// and its other reading is then the digit of its shape.
	const asRead = (c: PlacedChar) => (/^\d$/.test(c.char) ? c.char : (lookalikeDigit(c) ?? ''));
	const swaps = new Map<PlacedChar, string>();
	for (const c of [...month, ...year]) {
		const runnerUp = asRead(c) === digit(c.char) ? digit(c.alt?.char ?? '') : digit(c.char);
		if (c.prob < DOUBTFUL_DATE_DIGIT && (c.alt?.prob ?? 0) >= DATE_RUNNER_UP && runnerUp !== '' && runnerUp !== asRead(c))
			swaps.set(c, runnerUp);
	}
	const doubtful = [...swaps.keys()];
	const whens: number[] = [];
	// Every non-empty subset of the doubtful digits swapped (a date has four digits: 15 at most).
	for (let mask = 1; mask < 1 << doubtful.length; mask++) {
		const swapped = new Set(doubtful.filter((_, k) => mask & (1 << k)));
		const read = (part: PlacedChar[]) => Number(part.map((c) => (swapped.has(c) ? swaps.get(c) : asRead(c))).join(''));
		const reading = { month: read(month), year: 2000 + (read(year) % 100) };
		if (plausible(reading, now)) whens.push(reading.year * 12 + reading.month);
	}
	return whens;
}

function next(text: string, from: number): number {
	const rest = text.slice(from + 1).search(/[/\\\-.]/);
	return rest < 0 ? -1 : from + 1 + rest;
}

function plausible(date: Pick<DateCandidate, 'month' | 'year'>, now: Date): boolean {
	const current = now.getUTCFullYear();
	return date.month >= 1 && date.month <= 12 && date.year >= current - 25 && date.year <= current + 25;
}

interface Extent {
	x0: number;
	x1: number;
	y: number;
	h: number;
}

function extentOf(chars: PlacedChar[], row: TextRow): Extent {
	const quad = spanQuad(chars);
	const xs = quad.map((p) => p.x);
	return { x0: Math.min(...xs), x1: Math.max(...xs), y: quadCenter(quad).y, h: row.height };
}

/**
 * Each label belongs to one date: the nearest printed where labels go, right after it on its
 * line ("EXP 06/30") or under it ("VALID THRU" over "06/30"). A label with no date there labels
 * nothing that was read, and a misread label must not hand its meaning to a date further away.
 * A date claimed by both kinds counts as an expiry, in doubt, unless the decoy label is clearly the
 * further of the two.
 */
function assignLabels(
	dates: DateCandidate[],
	all: Label[],
	digits: PlacedChar[],
): { kinds: Map<DateCandidate, Label['kind']>; decoyClaimed: Set<DateCandidate>; underOnly: Set<DateCandidate> } {
	const kinds = new Map<DateCandidate, Label['kind']>();
	const decoyClaimed = new Set<DateCandidate>();
	// Dates an expiry label labels only from under them, and dates one beside, below or over reached.
	const underOnly = new Set<DateCandidate>();
	const reached = new Set<DateCandidate>();
	const claimed = new Map<DateCandidate, Record<Label['kind'], number>>();
	const decoyRightBefore = new Set<DateCandidate>();
	const extents = dates.map((date) => extentOf(date.chars, date.row));
	for (const label of all) {
		let nearest = -1;
		let distance = Infinity;
		const toCentre = (e: Extent) => Math.hypot(label.at.x - (e.x0 + e.x1) / 2, label.at.y - e.y);
		extents.forEach((e, i) => {
			const h = e.h;
			const besideRight = Math.abs(e.y - label.at.y) < h * BESIDE_LINE && e.x0 >= label.at.x && e.x0 - label.at.x < h * LABEL_REACH;
			const below = e.y - label.at.y > h * 0.4 && e.y - label.at.y < h * 2.5 && label.at.x > e.x0 - h * 1.5 && label.at.x < e.x1 + h * 1.5;
			// A label right after a date labels it only where nothing of a date of its own follows it
			// (b2169: VALID FROM 05/28, its label stacked and unread, then "VALIDTRU/32", the expiry's
			// month lost: the THRU took 05/28, and the closer view's VALID THRU 01/32 could not overrule it).
			const leftOf = !label.valueAfter && Math.abs(e.y - label.at.y) < h * 0.7 && e.x1 <= label.at.x && label.at.x - e.x1 < h * 3;
			// Small print stacked right over the date ("VALID FROM" over "04/27") can fall inside a tall
			// box the detector drew round both: its centre is then above the date's but not a line above.
			const over = label.at.y < e.y && e.y - label.at.y < h * 2.5 && label.at.x >= e.x0 && label.at.x <= e.x1;
			if (!besideRight && !below && !leftOf && !over) return;
			const d = toCentre(e) + (leftOf && !besideRight && !below ? h * 3 : 0);
			if (d < distance) {
				distance = d;
				nearest = i;
			}
		});
		// Failing all of those (a date under it among them), a label right under a date labels it (b2169:
		// VALID FROM and EXPIRES END printed under 03/26 and 11/29, side by side).
		const under = nearest < 0;
		if (under) {
			extents.forEach((e, i) => {
				const d = toCentre(e);
				if (labelUnder(label, e) && d < distance) {
					distance = d;
					nearest = i;
				}
			});
		}
		if (nearest < 0) continue;
		const date = dates[nearest];
		if (label.kind === 'decoy' && rightBefore(label, date, all, digits)) decoyRightBefore.add(date);
		if (label.kind === 'expiry') (under ? underOnly : reached).add(date);
		const claims = claimed.get(date) ?? { decoy: Infinity, expiry: Infinity };
		claims[label.kind] = Math.min(claims[label.kind], distance);
		claimed.set(date, claims);
		if (kinds.get(date) !== 'expiry') kinds.set(date, label.kind);
	}
	// A decoy label's claim is a doubt only where it is about as near as the expiry label's: one
	// clearly further off (MEMBER SINCE beside EXPIRES END, the date under the latter, a third-hand
	// probe's layout with the member year unread) reached for a date that is the other label's.
	// One right before the date on its line is as near as a label gets, however near the centre of
	// the date a label stacked over it stands (a read-only review: MONTH/YEAR over ISSUED 11/25 made
	// 11/25 the expiry at 0.997).
	for (const [date, { decoy, expiry }] of claimed)
		if (decoy < expiry * DECOY_CLAIM_NEARER || decoyRightBefore.has(date)) decoyClaimed.add(date);
	for (const date of reached) underOnly.delete(date);
	return { kinds, decoyClaimed, underOnly };
}

/**
 * Whether the label stands right before the date, its nearest, on its line ("ISSUED 11/25"), along
 * the date's row (a card turned 5 degrees: a read-only review), with nothing between them that is a
 * label (a stacked VALID over THRU) or a value of the label's own (MEMBER 21 beside MONTH/YEAR over
 * the expiry: third-hand seed 58; MEMBER SINCE '15).
 */
function rightBefore(label: Label, date: DateCandidate, all: Label[], digits: PlacedChar[]): boolean {
	const quad = spanQuad(date.chars);
	const start = { x: (quad[0].x + quad[3].x) / 2, y: (quad[0].y + quad[3].y) / 2 };
	const h = date.row.height;
	const offset = (p: Point) => lineOffset(start, p, date.row.direction);
	const at = offset(label.at);
	if (at.across >= h * ON_LINE || at.along > 0 || at.along < -h * LABEL_REACH) return false;
	// Before the date's start: its own digits are not between.
	const between = (p: Point) => {
		const o = offset(p);
		return o.across < h * BESIDE_LINE && o.along > at.along && o.along < 0;
	};
	return !all.some((other) => other !== label && between(other.at)) && !digits.some((c) => between(quadCenter(c.quad)));
}

/** How far from a date's line (in its heights) a label right before it may stand... */
const ON_LINE = 0.45;
/** ...and a label beside it (`assignLabels`), or print between a decoy and its date that stands in its way. */
const BESIDE_LINE = 0.7;
/** How far before a date (in its heights) a label beside it may start. */
const LABEL_REACH = 8;

/**
 * Whether the label stands right under the date: within a line and a half below it, its centre
 * within the date's extent, and no value of its own after it (a stacked THRU beside a "/32" whose
 * month was lost is that date's label, not the one above it; a read-only review).
 */
function labelUnder(label: Label, e: Extent): boolean {
	return (
		!label.valueAfter && label.at.y - e.y > e.h * 0.4 && label.at.y - e.y < e.h * UNDER_REACH && label.at.x >= e.x0 && label.at.x <= e.x1
	);
}

/** How far under a date (in its heights) a label of it may stand. */
const UNDER_REACH = 1.5;

/** A decoy label's claim on a date an expiry label claims too counts when it is nearer than this many times the other's. */
const DECOY_CLAIM_NEARER = 1.5;

/**
 * The expiry date: a plausible MM/YY near an expiry label, or, without one, the latest date on the
 * card (a card is valid from, or a member since, before it expires). A date beside a FROM or SINCE
 * label is never chosen over another. Confidence is high only when the choice is clear.
 * `slashless`: read four digits standing alone as the dates instead (a last guess, never sure).
 */
export function readExpiry(rows: TextRow[], now: Date, exclude: Set<PlacedChar>, slashless = false): ExpiryChoice | null {
	const all = labels(rows);
	const prices = priceList(rows);
	const candidates = slashless
		? rows.flatMap((row) => slashlessDates(row, exclude)).filter((date) => plausible(date, now))
		: rows.flatMap((row) => dateCandidates(row, exclude)).filter((date) => !date.chars.every((c) => prices.has(c)));
	const digits = rows.flatMap((row) => row.chars.filter((c) => /\d/.test(c.char)));
	const { kinds, decoyClaimed, underOnly } = assignLabels(candidates, all, digits);
	const dates = candidates.map((date) => ({
		date,
		label: kinds.get(date) ?? null,
		plausible: plausible(date, now),
		when: date.year * 12 + date.month,
	}));
	if (dates.length === 0) return null;
	const rank = (d: (typeof dates)[number]) => (d.plausible ? 4 : 0) + (d.label === 'expiry' ? 2 : d.label === null ? 1 : 0);
	dates.sort((a, b) => rank(b) - rank(a) || b.when - a.when);
	const chosen = dates[0];
	const rivals = dates.slice(1).filter((d) => d.plausible && d.date.text !== chosen.date.text);
	const probs = chosen.date.chars.map((c) => c.prob);
	const min = Math.min(...probs);
	const mean = probs.reduce((a, b) => a + b, 0) / probs.length;
	let confidence = min >= 0.5 ? 0.92 + 0.08 * Math.max(0, (mean - 0.7) / 0.3) : 0.85 * mean;
	if (!chosen.plausible) confidence = Math.min(confidence, IMPLAUSIBLE_DATE);
	if (chosen.label === 'decoy') confidence = Math.min(confidence, 0.5);
	// Claimed by a FROM or SINCE label too: which label is whose is a guess.
	else if (decoyClaimed.has(chosen.date)) confidence = Math.min(confidence, 0.8);
	// A label under its date is a layout few cards print, and as likely a legend of the line below.
	if (chosen.label === 'expiry' && underOnly.has(chosen.date)) confidence = Math.min(confidence, 0.85);
	// An expiry label on the card that this date does not sit by points at a date that was not read.
	if (chosen.label !== 'expiry' && all.some((label) => label.kind === 'expiry')) confidence = Math.min(confidence, 0.8);
	// ...and so does one misread past its words, where the expiry label was not read as such.
	else if (chosen.label !== 'expiry' && misreadExpiryLabelBy(rows, chosen.date)) confidence = Math.min(confidence, 0.85);
	// A card expired four years ago is rare in a workflow; a date that old is more often an issue or
	// member-since date whose expiry beside it was not read.
	const nowWhen = now.getUTCFullYear() * 12 + now.getUTCMonth() + 1;
	if (chosen.when < nowWhen - 4 * 12) confidence = Math.min(confidence, 0.8);
	// Expired at all, and its year read with a digit the recogniser doubts: the past date is more often a
	// later one misread (bench seed 2099: 10/29 read 10/24, its 9 at 0.67). The year's digits only: a
	// month's leading 0 is often weak after a label (VALIDTHRU08/26) and moves no date into the past.
	const yearDigits = chosen.date.chars.filter((c) => !/[/\\\-.]/.test(c.char)).slice(-2);
	const weakestYearDigit = Math.min(1, ...yearDigits.map((c) => c.prob));
	if (chosen.when < nowWhen && weakestYearDigit < EXPIRED_DIGIT_SURE) confidence = Math.min(confidence, 0.85);
	// A look-alike letter read as a digit is a guess, but for a month's 0 read round (roundZero).
	if (chosen.date.mapped - (chosen.date.roundZero ? 1 : 0) > 0 || chosen.date.crowded) confidence = Math.min(confidence, 0.8);
	if (chosen.date.slashless) confidence = Math.min(confidence, IMPLAUSIBLE_DATE);
	// A label cut short after its VALID (VAU06/27) may have been VALID FROM as well as VALID THRU.
	const cutValid = chosen.label !== 'expiry' && followsCutValidLabel(chosen.date.row, chosen.date.chars);
	if (cutValid) confidence = Math.min(confidence, 0.85);
	if (chosen.label === null && unreadStackedLabel(chosen.date.row, chosen.date.chars, exclude)) confidence = Math.min(confidence, 0.85);
	const decoyDates = dates.filter((d) => d.label === 'decoy').flatMap((d) => d.date.chars);
	// Kept as larger print beside the date: a crop that read that print otherwise does not clear it.
	const largerWeak = chosen.label !== 'expiry' && largerDateReadWeakly(rows, chosen.date.chars, new Set([...exclude, ...decoyDates]));
	if (largerWeak) confidence = Math.min(confidence, 0.85);
	// Cards print two-digit months: a one-digit month lost a digit (1/29 for 11/29).
	if (chosen.date.shortMonth) confidence = Math.min(confidence, 0.8);
	// More digits on the date's line or just above or below it, in no date that was read: a second
	// date with its slash lost ("08/25 AD 029"), which may be the expiry.
	// Only digits a real month took count as read (13/29 is no date: its digits are left over).
	const inDates = new Set(candidates.filter((date) => date.month >= 1 && date.month <= 12).flatMap((date) => date.chars));
	const taken = new Set([...exclude, ...inDates]);
	const digitsBeside =
		strayDigitRun(chosen.date.row, chosen.date.chars, taken) ||
		strayDigitsBeside(rows, chosen.date.row, chosen.date.chars, taken, chosen.label === 'expiry');
	if (digitsBeside) confidence = Math.min(confidence, 0.85);
	const largerBeside = largerDigitsBeside(rows, chosen.date.chars, taken);
	if (largerBeside) confidence = Math.min(confidence, 0.85);
	// A date chosen for want of a label, where digits elsewhere on the card hold a month and a
	// year read without their slash: the labelled dates may be there, their labels too small to read
	// (bench seed 2061: VALID FROM 02/31 and VALID THRU 04/34 read as "0210434", an unlabelled 12/30
	// across the card reported at 0.998).
	if (chosen.label === null && rows.some((row) => splitRuns(row.chars).some((run) => holdsSlashlessDate(leftoverDigits(run, taken), now))))
		confidence = Math.min(confidence, 0.85);
	// A box read as a slash alone, or with a digit or two, is a date whose digits were not read, which
	// may be the expiry (independent seed 175: 10/31 in small embossed OCR-A under the number read "/"
	// and "0/3", while an unlabelled 05/26 beside the brand's logo was reported at 0.998).
	const partDate = chosen.label !== 'expiry' && partDateBox(rows, chosen.date.chars, exclude);
	if (partDate) confidence = Math.min(confidence, 0.85);
	// A date no card prints on the chosen one's row, not labelled otherwise, may be the expiry misread
	// (bench seed 2069: "02/26E11/53END", VALID FROM 02/26 run into EXPIRES END 11/30 read as 11/53).
	/** Read from none of the chosen date's characters (a run of digits holds overlapping readings). */
	const apartFromChosen = (d: (typeof dates)[number]) => !d.date.chars.some((c) => chosen.date.chars.includes(c));
	const misread = dates.some((d) => !d.plausible && d.label !== 'decoy' && d.date.row === chosen.date.row && apartFromChosen(d));
	if (misread) confidence = Math.min(confidence, 0.85);
	// A date held as VALID FROM or MEMBER SINCE later than the expiry chosen: no card is valid from
	// after it expires, so a label went to the wrong date (bench seed 2135: MEMBER SINCE, printed
	// small above the end of "06/23 11/23 10/27" read as one run, took 10/27, and the unlabelled
	// 11/23 was reported at 0.975).
	const laterDecoy = dates.some((d) => d.label === 'decoy' && d.plausible && d.when > chosen.when && apartFromChosen(d));
	if (laterDecoy) confidence = Math.min(confidence, 0.85);
	// An unlabelled date chosen over another whose line holds more digits no date took: the dates
	// there were read in part, and the expiry may be among them (bench seed 2201: VALID FROM 10/23 and
	// VALID THRU 10/27 read "10/23 107", their labels unread, and an unlabelled issue date 09/24 under
	// the chip was reported at 1.000).
	const partReadRival =
		chosen.label === null &&
		dates.some((d) => d.label !== 'expiry' && d.plausible && apartFromChosen(d) && strayDigitRun(d.date.row, d.date.chars, taken, true));
	if (partReadRival) confidence = Math.min(confidence, 0.85);
	// A decoy's label run into the date, a letter of it lost (third-hand seed 31: ISSUE DATE 02/25 read
	// "SSUE02/25" and reported at 0.977, the expiry beside it read "32"). Only a decoy's word: a small
	// expiry label run in is often read as letters that spell nothing (YAO03/26).
	if (chosen.label !== 'expiry' && partDecoyRunIn(chosen.date.row, chosen.date.chars)) confidence = Math.min(confidence, 0.85);
	// Chosen as the latest of dates no label tells apart, where doubtful digits read as their runners-up
	// make it the earlier (bench seed 2187: an unlabelled 04/30 beside the contactless mark read 04/38,
	// its 8 at 0.57 with 0 at 0.30, chosen over the expiry 08/33, its VALID THRU unread, at 0.95), or make
	// another unlabelled date the later, one read as no date among them (08/33 read 08/23 or 08/83; a
	// read-only review).
	if (chosen.label === null) {
		const earlier = rivals.filter((d) => d.label === null && d.when < chosen.when);
		const rivalWhen = Math.max(-Infinity, ...earlier.map((d) => d.when));
		const chosenEarlier = runnerUpWhens(chosen.date, now).some((when) => when < rivalWhen);
		const others = dates.filter((d) => d.label === null && d.date.text !== chosen.date.text && apartFromChosen(d));
		const otherLater = others.some((d) => runnerUpWhens(d.date, now).some((when) => when > chosen.when));
		if (chosenEarlier || otherLater) confidence = Math.min(confidence, 0.85);
	}
	// Another date that is neither labelled otherwise nor earlier leaves the choice open.
	const open = rivals.some((d) => d.label === chosen.label && d.when >= chosen.when);
	if (open) confidence = Math.min(confidence, 0.7);
	const decoy = chosen.label === 'decoy' || decoyClaimed.has(chosen.date);
	const label = decoy ? 'decoy' : chosen.label === 'expiry' ? 'expiry' : cutValid ? 'cutValid' : undefined;
	return {
		text: chosen.date.text,
		chars: chosen.date.chars,
		row: chosen.date.row,
		confidence: Math.max(0, Math.min(1, confidence)),
		label,
		read: [...new Set(candidates.filter(readAsPrinted).map((date) => date.text))],
		...(largerBeside || largerWeak ? { largerPrintBeside: true as const } : {}),
		...(partDate ? { partDateElsewhere: true as const } : {}),
		...(chosen.date.shortMonth ? { shortMonth: true as const } : {}),
		...(digitsBeside ? { digitsBeside: true as const } : {}),
	};
}
