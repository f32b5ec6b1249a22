import { AsyncLocalStorage } from 'node:async_hooks';

import type { CardReading } from './cardPipeline';

/**
 * A card's name is read many times (crops grown, closer views, the other pass), and one view can
 * see what another misses: a letter's look-alike the recogniser rated close behind it (bench seed
 * 2159: ANDREA NARTIN for MARTIN at 0.992, its N at 0.82 with M at 0.14 in three crops, at 0.71 with
 * M at 0.20 in one, and clear in two). A name has no checksum, so a rival letter seen in any reading
 * of the same letters holds the whole in doubt. The ledger lives for one card's reading.
 */
const ledger = new AsyncLocalStorage<Map<string, number>>();

/**
 * A rival letter this strong in any reading holds the name in doubt. Measured over 24 sets (3,794
 * cards, 3,767 names read right and surely): a rival of 0.15 or more in the letter's own case stood
 * behind a letter of 17 right names and of both names read wrong at >= 0.9 (NARTIN's M at 0.20;
 * KYUNG-BIN LIN for LIM, an R at 0.30 behind its K: a shaken 12 MP photo, caught by another letter
 * than the one misread). 2 wrong in 19 is no sure reading.
 */
const RIVAL_LETTER = 0.15;
const RIVAL_LETTER_CONFIDENCE = 0.85;

/** A name's letters without case, gaps or marks: readings spaced or hyphened otherwise still match. */
function letterKey(text: string): string {
	return text.toUpperCase().replace(/[^A-Z]/g, '');
}

/** Notes a reading of a name and the strongest rival letter behind any of its letters. */
export function noteNameRival(text: string, rival: number): void {
	const rivals = ledger.getStore();
	if (!rivals) return;
	const key = letterKey(text);
	rivals.set(key, Math.max(rivals.get(key) ?? 0, rival));
}

/** The strongest rival letter any reading of these letters saw on this card (0 outside a card's reading). */
export function strongestNameRival(text: string): number {
	return ledger.getStore()?.get(letterKey(text)) ?? 0;
}

/**
 * Reads one card with a ledger of its name readings' rival letters, and holds the name it ends with
 * in doubt where any reading of its letters saw a strong rival: one view's clear N does not settle
 * what another read as N or M.
 */
export function readNameInDoubt(read: () => Promise<CardReading>): Promise<CardReading> {
	return ledger.run(new Map(), async () => {
		const reading = await read();
		const name = reading.fields.name;
		if (!name || strongestNameRival(name.text) < RIVAL_LETTER) return reading;
		return { ...reading, fields: { ...reading.fields, name: { ...name, confidence: Math.min(name.confidence, RIVAL_LETTER_CONFIDENCE) } } };
	});
}
