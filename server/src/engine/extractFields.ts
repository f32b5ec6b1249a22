import cardValidator from 'card-validator';
import luhn10 from 'card-validator/dist/luhn-10';

import type { FieldName, FieldReading, Point, Quad } from '../protocol';
import { quadCenter } from './geometry';
import type { PlacedChar, TextRow } from './textRows';
import { spanQuad, splitRuns } from './textRows';

/** Glyphs OCR confuses with digits, mapped only inside tokens that are mostly digits already. */
const DIGIT_LOOKALIKES: Record<string, string> = { O: '0', o: '0', D: '0', Q: '0', I: '1', l: '1', i: '1', '|': '1', Z: '2', z: '2', S: '5', s: '5', B: '8', G: '6' };

/** Printed groupings: 4-4-4-4, Amex 4-6-5, Diners 4-6-4, 19 digits 4-4-4-4-3, 13 digits 4-3-3-3. */
const GROUPINGS = ['4-4-4-4', '4-6-5', '4-6-4', '4-4-4-4-3', '4-3-3-3', '4-4-5', '4-4-4-2', '4-4-4-3', '5-5-5-4'];

const NON_NAME_WORDS = new Set([
	'BANK', 'CARD', 'CARDS', 'CREDIT', 'DEBIT', 'CHECK', 'VISA', 'MASTERCARD', 'MASTER', 'AMEX', 'AMERICAN', 'EXPRESS', 'JCB',
	'DISCOVER', 'UNIONPAY', 'DINERS', 'CLUB', 'MAESTRO', 'VALID', 'THRU', 'GOOD', 'FROM', 'UNTIL', 'MEMBER', 'SINCE', 'EXPIRES',
	'EXPIRY', 'EXP', 'END', 'MONTH', 'YEAR', 'PLATINUM', 'GOLD', 'SILVER', 'CLASSIC', 'SIGNATURE', 'INFINITE', 'WORLD', 'ELITE',
	'BUSINESS', 'CORPORATE', 'ELECTRONIC', 'INTERNATIONAL', 'ONLY', 'USE', 'PREPAID', 'REWARDS', 'PREMIUM', 'TITANIUM', 'BLACK',
	'CONTACTLESS', 'AUTHORIZED', 'SIGNATURE', 'NOT', 'VALIDTHRU', 'GOODTHRU',
]);

const EXPIRY_LABEL = /THRU|VALID|EXP|GOOD|UNTIL|END/;

/** A step between character centres this many times the word's median pitch is a word space. */
const WORD_GAP_RATIO = Number(process.env.CLOVA_WORD_GAP ?? 1.45);

export interface ExtractedFields {
	fields: Partial<Record<FieldName, FieldReading>>;
}

function meanProb(chars: PlacedChar[]): number {
	return chars.reduce((sum, c) => sum + c.prob, 0) / Math.max(1, chars.length);
}

function minProb(chars: PlacedChar[]): number {
	return chars.reduce((m, c) => Math.min(m, c.prob), 1);
}

/** A run's digits if it reads as a digit group, with lookalike letters mapped. */
function digitsOf(run: PlacedChar[]): string | null {
	const raw = run.map((c) => c.char.normalize('NFKC')).join('').replace(/[-.]/g, '');
	if (raw.length === 0) return null;
	const realDigits = raw.replace(/\D/g, '').length;
	if (realDigits / raw.length < 0.7) return null;
	const mapped = [...raw].map((ch) => (/\d/.test(ch) ? ch : (DIGIT_LOOKALIKES[ch] ?? 'x'))).join('');
	return /^\d+$/.test(mapped) ? mapped : null;
}

interface NumberCandidate {
	digits: string;
	runs: PlacedChar[][];
	rank: number;
	confidence: number;
	row: TextRow;
}

function numberCandidates(row: TextRow): NumberCandidate[] {
	const runs = splitRuns(row.chars);
	const found: NumberCandidate[] = [];
	for (let start = 0; start < runs.length; start++) {
		let digits = '';
		const used: PlacedChar[][] = [];
		for (let end = start; end < runs.length; end++) {
			const d = digitsOf(runs[end]);
			if (d === null) break;
			digits += d;
			used.push(runs[end]);
			if (digits.length > 19) break;
			if (digits.length < 13) continue;
			const grouping = used.map((r) => digitsOf(r)?.length).join('-');
			const known = used.length === 1 || GROUPINGS.includes(grouping);
			const validated = cardValidator.number(digits);
			const luhn = luhn10(digits);
			const chars = used.flat();
			// A number that fails its checks is never reported as confident.
			let confidence = Math.min(meanProb(chars), minProb(chars) + 0.25);
			if (!luhn) confidence *= 0.5;
			else if (!validated.isValid) confidence *= 0.8;
			if (!known) confidence *= 0.85;
			const rank = (validated.isValid ? 4 : luhn ? 2 : 0) + (known ? 1 : 0);
			found.push({ digits, runs: [...used], rank, confidence, row });
		}
	}
	return found;
}

/**
 * Digit groups for subBoundingPolys. When the recogniser's runs do not match how the brand prints
 * the number (4-4-4-4, Amex 4-6-5), cut the digits at the brand's gaps instead.
 */
function numberGroups(candidate: NumberCandidate): PlacedChar[][] {
	const digits = candidate.runs.flat().filter((c) => c.char.trim() !== '');
	const gaps = cardValidator.number(candidate.digits).card?.gaps ?? (candidate.digits.length === 15 ? [4, 10] : [4, 8, 12, 16]);
	const expected = [...gaps.filter((g) => g < digits.length), digits.length].map((g, i, all) => g - (all[i - 1] ?? 0)).join('-');
	if (candidate.runs.map((r) => r.length).join('-') === expected) return candidate.runs;
	const groups: PlacedChar[][] = [];
	let start = 0;
	for (const gap of [...gaps.filter((g) => g < digits.length), digits.length]) {
		if (gap > start) groups.push(digits.slice(start, gap));
		start = gap;
	}
	return groups;
}

function partsOf(runs: PlacedChar[][]): Quad[] {
	return runs.filter((r) => r.length > 0).map((r) => spanQuad(r));
}

function reading(text: string, confidence: number, runs: PlacedChar[][]): FieldReading {
	const chars = runs.flat();
	return { text, confidence: Math.max(0, Math.min(1, confidence)), box: spanQuad(chars), parts: partsOf(runs) };
}

function below(point: Point, row: TextRow): number {
	const normal = { x: -row.direction.y, y: row.direction.x };
	return (point.x - row.center.x) * normal.x + (point.y - row.center.y) * normal.y;
}

interface DateCandidate {
	text: string;
	month: number;
	year: number;
	chars: PlacedChar[];
	row: TextRow;
}

function dateCandidates(row: TextRow): DateCandidate[] {
	const found: DateCandidate[] = [];
	const chars = row.chars.filter((c) => c.char !== ' ');
	const normalised = chars.map((c) => {
		const ch = c.char.normalize('NFKC');
		return /[\d/\\\-.]/.test(ch) ? ch : (DIGIT_LOOKALIKES[ch] ?? ch);
	});
	const text = normalised.join('');
	const pattern = /(\d{1,2})[/\\\-.](\d{4}|\d{2})(?!\d)/g;
	for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
		// Lookalike mapping must not invent a date out of words: most of it must be real digits.
		const used = chars.slice(match.index, match.index + match[0].length);
		if (used.filter((c) => /\d/.test(c.char)).length < match[0].length - 3) continue;
		const month = Number(match[1]);
		let year = Number(match[2]);
		if (match[2].length === 2) year += 2000;
		found.push({ text: `${match[1].padStart(2, '0')}/${match[2].slice(-2)}`, month, year, chars: used, row });
	}
	return found;
}

function plausibleExpiry(month: number, year: number, now: Date): boolean {
	const current = now.getUTCFullYear();
	return month >= 1 && month <= 12 && year >= current - 15 && year <= current + 20;
}

function lettersOnly(text: string): string {
	return text.toUpperCase().replace(/[^A-Z]/g, '');
}

function labelPoints(rows: TextRow[]): Point[] {
	const points: Point[] = [];
	for (const row of rows) {
		for (const run of splitRuns(row.chars)) {
			const letters = lettersOnly(run.map((c) => c.char).join(''));
			if (letters.length >= 3 && EXPIRY_LABEL.test(letters)) points.push(quadCenter(spanQuad(run)));
		}
	}
	return points;
}

/**
 * The recogniser often drops the space between two words in one box ("MARYLIM"); a step between
 * character centres well above the word's median pitch marks where it was.
 */
function splitAtWideGap(run: PlacedChar[]): PlacedChar[][] {
	if (run.length < 5) return [run];
	const gaps = run.slice(1).map((c, i) => c.along - run[i].along);
	const median = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)];
	let best = -1;
	for (let i = 1; i < gaps.length - 1; i++) {
		if (gaps[i] >= median * WORD_GAP_RATIO && (best < 0 || gaps[i] > gaps[best])) best = i;
	}
	return best < 0 ? [run] : [run.slice(0, best + 1), run.slice(best + 1)];
}

function wordOf(run: PlacedChar[]): string {
	return run.map((c) => c.char.normalize('NFKC')).join('');
}

function isNameWord(word: string): boolean {
	const letters = word.replace(/[^A-Za-z]/g, '');
	return (
		letters.length >= 1 &&
		/^[A-Za-z][A-Za-z.'-]*$/.test(word) &&
		// Cards print names in capitals; a stray lowercase letter is the recogniser's casing slip.
		letters.replace(/[^A-Z]/g, '').length / letters.length >= 0.6 &&
		!NON_NAME_WORDS.has(lettersOnly(word)) &&
		!/EXPIR|THRU|VALID/.test(lettersOnly(word))
	);
}

/**
 * The longest stretch of name-like words in a row, so a network logo or label printed on the
 * same line ("ANNA LIM  UnionPay") does not spoil the name.
 */
function nameCandidate(row: TextRow): { text: string; runs: PlacedChar[][]; letters: number } | null {
	const runs = splitRuns(row.chars)
		.filter((run) => run.some((c) => c.char.trim() !== ''))
		.flatMap(splitAtWideGap);
	let best: PlacedChar[][] = [];
	let current: PlacedChar[][] = [];
	const flush = () => {
		const letters = (rs: PlacedChar[][]) => rs.reduce((n, r) => n + wordOf(r).replace(/[^A-Za-z]/g, '').length, 0);
		if (letters(current) > letters(best)) best = current;
		current = [];
	};
	runs.forEach((run, i) => {
		const previous = runs[i - 1];
		const farApart = previous !== undefined && run[0].along - previous[previous.length - 1].along > row.height * 2.5;
		if (!isNameWord(wordOf(run)) || farApart) flush();
		if (isNameWord(wordOf(run))) current.push(run);
	});
	flush();
	if (best.length === 0) return null;
	const text = best.map(wordOf).join(' ');
	const letters = text.replace(/[^A-Za-z]/g, '').length;
	if (letters < 3 || letters > 40) return null;
	return { text: text.toUpperCase(), runs: best, letters };
}

/** Picks number, valid-thru and holder name from the rows of a card, with confidences. */
export function extractFields(rows: TextRow[], now: Date = new Date()): ExtractedFields {
	const fields: Partial<Record<FieldName, FieldReading>> = {};

	const numbers = rows.flatMap(numberCandidates).sort((a, b) => b.rank - a.rank || b.digits.length - a.digits.length || b.confidence - a.confidence);
	const number = numbers[0];
	if (number) fields.number = reading(number.digits, number.confidence, numberGroups(number));

	const labels = labelPoints(rows);
	const dates = rows
		.filter((row) => row !== number?.row)
		.flatMap(dateCandidates)
		.map((date) => {
			const center = quadCenter(spanQuad(date.chars));
			const nearest = Math.min(...labels.map((p) => Math.hypot(p.x - center.x, p.y - center.y)), Infinity);
			const labelled = nearest < date.row.height * 6;
			const plausible = plausibleExpiry(date.month, date.year, now);
			return { date, labelled, plausible, nearest };
		})
		.sort(
			(a, b) =>
				Number(b.plausible) - Number(a.plausible) ||
				Number(b.labelled) - Number(a.labelled) ||
				(a.labelled && b.labelled ? a.nearest - b.nearest : 0) ||
				b.date.year * 12 + b.date.month - (a.date.year * 12 + a.date.month),
		);
	const expiry = dates[0];
	if (expiry) {
		let confidence = Math.min(meanProb(expiry.date.chars), minProb(expiry.date.chars) + 0.25);
		if (!expiry.plausible) confidence *= 0.5;
		else if (!expiry.labelled && dates.length > 1) confidence *= 0.85;
		fields.validThru = reading(expiry.date.text, confidence, [expiry.date.chars]);
	}

	const names = rows
		.filter((row) => row !== number?.row && row !== expiry?.date.row)
		.map((row) => ({ row, candidate: nameCandidate(row) }))
		.filter((entry): entry is { row: TextRow; candidate: NonNullable<ReturnType<typeof nameCandidate>> } => entry.candidate !== null)
		.map((entry) => ({ ...entry, belowNumber: number ? below(entry.row.center, number.row) > 0 : true }))
		.sort(
			(a, b) =>
				Number(b.belowNumber) - Number(a.belowNumber) ||
				Number(b.candidate.runs.length >= 2) - Number(a.candidate.runs.length >= 2) ||
				b.candidate.letters - a.candidate.letters,
		);
	const name = names[0];
	if (name) {
		const chars = name.candidate.runs.flat();
		let confidence = Math.min(meanProb(chars), minProb(chars) + 0.3);
		if (!name.belowNumber) confidence *= 0.7;
		fields.name = reading(name.candidate.text, confidence, name.candidate.runs);
	}
	return { fields };
}
