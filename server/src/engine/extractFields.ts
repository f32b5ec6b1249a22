import type { FieldName, FieldReading, Point } from './types';
import { quadCenter } from './geometry';
import { readExpiry } from './fieldExpiry';
import { readName } from './fieldName';
import { readNumber } from './fieldNumber';
import { noteNameRival } from './nameRivals';
import type { PlacedChar, TextRow } from './textRows';
import { spanQuad } from './textRows';

export interface ExtractedFields {
	fields: Partial<Record<FieldName, FieldReading>>;
	/** Which detected boxes (line indices) each field was read from. */
	sources: Partial<Record<FieldName, number[]>>;
	/**
	 * When no date was read with its slash: four digits that may be one whose slash was lost, a
	 * last guess the pipeline reports only if no view of the card reads a date.
	 */
	dateGuess?: FieldReading;
	/**
	 * Digits beside the number, in no date, that put it in doubt (where they stand), and what the number
	 * earns without that doubt.
	 */
	besideNumber?: { at: Point[]; confidence: number };
	/** When the name's first letter sits on its box's edge: what the name earns without that doubt. */
	nameApartFromEdge?: number;
	/** Every date this view read as printed (MM/YY, see `readAsPrinted` in fieldExpiry.ts), the chosen one or not. */
	datesRead: string[];
	/** The name's middle initials read without a full stop at the end of a detector box: see `initialsAtBoxEnds`. */
	initialEnds?: InitialEnd[];
}

/** A middle initial ending a detector box. */
export interface InitialEnd {
	/** Which word of the name's text (split at its spaces) it is. */
	word: number;
	/** The box (line index) it ends. */
	box: number;
}

/**
 * The name's inner words that are one letter with no full stop, the last character of their
 * detector box, the next word in another box. A stop is small and can lie just past the box's end,
 * where the recogniser never saw it (ELEANOR [T] NAKASHIMA, AMARA[Y] D'AMICO, both read surely).
 */
function initialsAtBoxEnds(words: PlacedChar[][], rows: TextRow[]): InitialEnd[] {
	const ends: InitialEnd[] = [];
	for (let w = 1; w < words.length - 1; w++) {
		const [initial, ...rest] = words[w];
		if (rest.length > 0 || !/[A-Za-z]/.test(initial.char)) continue;
		// Nothing after it in its box: the next word, too, starts in another.
		const after = rows.some((row) => row.chars.some((c) => c.box === initial.box && c.along > initial.along && c.char !== ' '));
		if (!after) ends.push({ word: w, box: initial.box });
	}
	return ends;
}

function boxesOf(runs: PlacedChar[][]): number[] {
	return [...new Set(runs.flat().map((c) => c.box))];
}

function reading(text: string, confidence: number, runs: PlacedChar[][]): FieldReading {
	const parts = runs.filter((r) => r.length > 0);
	return { text, confidence: Math.max(0, Math.min(1, confidence)), box: spanQuad(parts.flat()), parts: parts.map((r) => spanQuad(r)) };
}

/** Picks number, valid-thru and holder name from the rows of a card, each with a confidence. */
export function extractFields(rows: TextRow[], now: Date = new Date()): ExtractedFields {
	const fields: Partial<Record<FieldName, FieldReading>> = {};
	const sources: Partial<Record<FieldName, number[]>> = {};
	const number = readNumber(rows);
	if (number) {
		fields.number = {
			...reading(number.digits, number.confidence, number.runs),
			...(number.joinedPastText ? { joinedPastText: true as const } : {}),
		};
		sources.number = boxesOf(number.runs);
	}
	const numberChars = new Set(number?.runs.flat() ?? []);
	// An American Express card code printed over the number's end, beside the date on many designs, is
	// no date's digits left over (bench seed 2217: 9612 held EXPIRES END 07/30 at 0.89).
	const notDates = new Set([...numberChars, ...(number?.cardCode ?? [])]);
	const expiry = readExpiry(rows, now, notDates);
	if (expiry) {
		const date = reading(expiry.text, expiry.confidence, [expiry.chars]);
		fields.validThru = {
			...date,
			...(expiry.label ? { label: expiry.label } : {}),
			...(expiry.largerPrintBeside ? { largerPrintBeside: expiry.largerPrintBeside } : {}),
			...(expiry.partDateElsewhere ? { partDateElsewhere: expiry.partDateElsewhere } : {}),
			...(expiry.shortMonth ? { shortMonth: expiry.shortMonth } : {}),
			...(expiry.digitsBeside ? { digitsBeside: expiry.digitsBeside } : {}),
		};
		const otherDates = expiry.read.filter((text) => text !== expiry.text);
		if (otherDates.length > 0) fields.validThru.otherDates = otherDates;
		sources.validThru = boxesOf([expiry.chars]);
	}
	const name = readName(rows, number?.rows ?? [], new Set([...numberChars, ...(expiry?.chars ?? [])]), numberChars);
	if (name) {
		noteNameRival(name.text, name.letterRival);
		fields.name = {
			...reading(name.text, name.confidence, name.words),
			...(name.hyphenSeen ? { markSeen: name.hyphenSeen } : {}),
			...(name.pageSetApart ? { pageSetApart: name.pageSetApart } : {}),
		};
		sources.name = boxesOf(name.words);
	}
	const initialEnds = name ? initialsAtBoxEnds(name.words, rows) : [];
	const guess = expiry ? null : readExpiry(rows, now, notDates, true);
	return {
		fields,
		sources,
		datesRead: expiry?.read ?? [],
		...(name?.apartFromEdge !== undefined ? { nameApartFromEdge: name.apartFromEdge } : {}),
		...(number && number.besideDigits.length > 0
			? { besideNumber: { at: number.besideDigits.map((c) => quadCenter(c.quad)), confidence: number.confidenceApart } }
			: {}),
		...(guess ? { dateGuess: reading(guess.text, guess.confidence, [guess.chars]) } : {}),
		...(initialEnds.length > 0 ? { initialEnds } : {}),
	};
}
