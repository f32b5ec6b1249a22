/**
 * What the card pipeline makes of a name once its line is read again from crops reaching past the
 * line's ends: no models, only the two readings.
 */
import {
	afterNameCheck,
	afterWidenedReads,
	edgeSettled,
	grownEnds,
	sameNameLetters,
	stopPastBox,
	withInitialStops,
} from '../src/engine/cardPipeline';
import type { RecognizedChar } from '../src/engine/recognizeText';
import type { FieldReading } from '../src/engine/types';

const reading = (text: string, confidence: number): FieldReading => ({ text, confidence, box: null, parts: [] });

describe('afterNameCheck', () => {
	test('a check that reads the same, or nothing, leaves the name as it was', () => {
		const name = reading('YUKI DUBOIS', 0.97);
		expect(afterNameCheck(name, reading('YUKI DUBOIS', 0.99))).toBe(name);
		expect(afterNameCheck(name, undefined)).toBe(name);
	});

	test.each([
		['a sure name cut short', 'YUKI DUBO', 0.97, 'YUKI DUBOIS', 0.85],
		['a name in doubt cut short', 'YUKI DUBO', 0.85, 'YUKI DUBOIS', 0.85],
		['a name in doubt with a letter cut off its start', 'OBERT DANGELO', 0.8, 'ROBERT DANGELO', 0.8],
		['a name in doubt with a hyphenated word cut at its end', 'ZOE KOWALCZYK-NO', 0.8, 'ZOE KOWALCZYK-NOWAK', 0.8],
	])('%s is completed, and never reported surer than before or than 0.85', (_, first, confidence, longer, expected) => {
		expect(afterNameCheck(reading(first, confidence), reading(longer, 0.99))).toEqual(reading(longer, expected));
	});

	test('a sure name a check completes only unsurely is kept, in doubt (independent seed 207)', () => {
		// YVONNE D'SOUZA read surely, and BYVONNE D'SOUZA at 0.805 from crops reaching past the box's start.
		expect(afterNameCheck(reading("YVONNE D'SOUZA", 0.996), reading("BYVONNE D'SOUZA", 0.805))).toEqual(reading("YVONNE D'SOUZA", 0.85));
		expect(afterNameCheck(reading('DONG-HYUN LEE', 0.999), reading('DONG-HYUN LEEB', 0.8))).toEqual(reading('DONG-HYUN LEE', 0.85));
	});

	test('a name of one word is completed by whole words around it, in doubt (bench seed 2155)', () => {
		expect(afterNameCheck(reading('SEUNGJI', 0.6), reading('OH SEUNGJI', 0.8))).toEqual(reading('OH SEUNGJI', 0.6));
		expect(afterNameCheck(reading('EUN-YU', 0.6), reading('EUN-YU YOO', 0.99))).toEqual(reading('EUN-YU YOO', 0.6));
		// Not by words that leave it out, nor past a name's four words.
		const one = reading('SEUNGJI', 0.6);
		expect(afterNameCheck(one, reading('OH SEUNG JI', 0.99))).toBe(one);
		expect(afterNameCheck(one, reading('OH JSEUNGJI', 0.99))).toBe(one);
		expect(afterNameCheck(one, reading('KIM LEE PARK OH SEUNGJI', 0.99))).toBe(one);
		// A name of two words still only grows at its ends.
		const two = reading('ANNA LEE', 0.8);
		expect(afterNameCheck(two, reading('ANNA LEE KIM', 0.99))).toBe(two);
	});

	test('a completion the check itself doubts keeps its own doubt', () => {
		expect(afterNameCheck(reading('YUKI DUBO', 0.85), reading('YUKI DUBOIS', 0.6)).confidence).toBe(0.6);
	});

	test('a sure name read otherwise in the same words is put in doubt', () => {
		expect(afterNameCheck(reading('GULIA ROSSI', 0.97), reading('GIULIA ROSSI', 0.95))).toEqual(reading('GULIA ROSSI', 0.8));
		expect(afterNameCheck(reading('KWON MISUNG', 0.97), reading('KWON MI SUNG', 0.7))).toEqual(reading('KWON MISUNG', 0.8));
	});

	test('a name in doubt read otherwise is not replaced: only a reading that completes it is taken', () => {
		const name = reading('GULIA ROSSI', 0.8);
		expect(afterNameCheck(name, reading('GIULIA ROSSI', 0.99))).toBe(name);
		expect(afterNameCheck(name, reading('GULIA ROSSI X', 0.99))).toBe(name);
	});

	test("the check's noise casts no doubt: a thin mark dropped less surely, or a name it hardly read", () => {
		const name = reading("MARY O'HARA", 0.96);
		expect(afterNameCheck(name, reading('MARY OHARA', 0.9))).toBe(name);
		const long = reading('RAFAEL MONTGOMERY', 0.96);
		expect(afterNameCheck(long, reading('RAF AEL', 0.5))).toBe(long);
	});

	test('a sure name with a word more read surely is put in doubt, and not when read unsurely', () => {
		const name = reading('ANNA LEE', 0.97);
		expect(afterNameCheck(name, reading('ANNA LEE KIM', 0.95)).confidence).toBe(0.8);
		expect(afterNameCheck(name, reading('ANNA LEE KIM', 0.75))).toBe(name);
	});
});

/** A recogniser reading: one character per letter of `text`, `dots` the stop class in the gap before the character at that index. */
function chars(text: string, dots: Record<number, number> = {}, prob = 0.97): RecognizedChar[] {
	return [...text].map((char, i) => ({
		char,
		prob,
		alt: null,
		u0: i / text.length,
		u1: (i + 1) / text.length,
		spaceBefore: char === ' ' ? 0.9 : 0,
		dotBefore: dots[i] ?? 0,
		apostropheBefore: 0,
	}));
}

describe('a middle initial at the end of a detector box', () => {
	test('a crop reaching past the box that reads a stop after its letters, or the stop class in the gap there, finds the stop', () => {
		// ELEANOR [T] NAKASHIMA: the initial's box alone, the stop just past it.
		expect(stopPastBox('T', chars('T'), chars('T.'))).toBe(true);
		// AMARA[Y] D'AMICO: the model reads the lone dot in the wide gap as blank, its class at 0.27.
		expect(stopPastBox('Y', chars('AMARAY'), chars('AMARAY D', { 7: 0.27 }))).toBe(true);
		expect(stopPastBox('Y', chars('AMARAY'), chars('AMARAY D', { 6: 0.27 }))).toBe(true);
		expect(stopPastBox('Y', chars('AMARAY'), chars('AMARAYD', { 6: 0.27 }))).toBe(true);
	});

	test('no stop, a stop read unsurely, other letters, or nothing past the box leave the initial as it is', () => {
		expect(stopPastBox('T', chars('T'), chars('T N'))).toBe(false);
		expect(stopPastBox('Y', chars('AMARAY'), chars('AMARAY D', { 7: 0.02 }))).toBe(false);
		// The stop class further on belongs to another gap.
		expect(stopPastBox('T', chars('T'), chars('T NA', { 3: 0.3 }))).toBe(false);
		// A box whose reading does not end on the initial (its row dropped a letter the next box read too).
		expect(stopPastBox('T', chars('TN'), chars('TN.'))).toBe(false);
		expect(stopPastBox('T', chars('T'), chars('T.', {}, 0.3))).toBe(false);
		expect(stopPastBox('Y', chars('AMARAY'), chars('AMARAV. D'))).toBe(false);
		expect(stopPastBox('Y', chars('AMARAY'), chars('AMARAY', { 5: 0.3 }))).toBe(false);
	});

	test('the stop goes after each initial found so, and the name is no longer sure', () => {
		expect(withInitialStops(reading('ELEANOR T NAKASHIMA', 0.995), [1])).toEqual(reading('ELEANOR T. NAKASHIMA', 0.85));
		expect(withInitialStops(reading('ANNA M J BELL', 0.97), [1, 2])).toEqual(reading('ANNA M. J. BELL', 0.85));
		// Only to a one-letter inner word: never to a given name or surname.
		const name = reading('ELEANOR T NAKASHIMA', 0.995);
		expect(withInitialStops(name, [])).toBe(name);
		expect(withInitialStops(name, [0, 2])).toBe(name);
		const letters = reading('A B C', 0.97);
		expect(withInitialStops(letters, [0, 2])).toBe(letters);
		const inner = reading('ANNA MARIE BELL', 0.97);
		expect(withInitialStops(inner, [1])).toBe(inner);
	});
});

describe('grownEnds: where a check completed the name, so a check reaching further there may complete it more', () => {
	test.each([
		['G SEUNGWOO', 'ONG SEUNGWOO', [true, false]],
		['YUKI DUBO', 'YUKI DUBOIS', [false, true]],
		['UKI DUBO', 'YUKI DUBOIS', [true, true]],
		['YUKI DUBOIS', 'YUKI DUBOIS', [false, false]],
		// A letter more inside the name, or another word, is no cut end.
		['GULIA ROSSI', 'GIULIA ROSSI', [false, false]],
		['ONG SEUNGWOO', 'S ONG SEUNGWOO', [false, false]],
		['YUKI DUBO', 'YUKI M DUBOIS', [false, false]],
	])('%s -> %s', (short, long, expected) => {
		expect(grownEnds(short, long)).toEqual(expected);
	});
});

describe("sameNameLetters: the voted name is the first view's, so its boxes are read past their ends", () => {
	test.each([
		// Seed 2117: the first view ran the words together, the vote put the gap back; the check past the
		// start then read HOON KANG (of BIN-HOON KANG) and the name was no longer sure.
		['ONKANG', 'ON KANG', true],
		['DELLACQUA ROSSI', "DELL'ACQUA ROSSI", true],
		['MARIA GARCIA', 'MARIA GARCIA', true],
		['O HARA', "O'HARA", true],
		// Other letters are another reading, from other crops: the first view's boxes are not its source.
		['ONKANG', 'ON KANE', false],
		['JOHN SMITH', 'JOHN SMITHS', false],
	])('%s, %s', (first, voted, expected) => {
		expect(sameNameLetters(first, voted)).toBe(expected);
	});
});

describe('edgeSettled', () => {
	// LUCAS KING, its L on the detector box's very edge in every crop height (a narrow first letter).
	const onEdge = { text: 'LUCAS KING', confidence: 0.8, apartFromEdge: 0.985 };
	const check = reading('LUCAS KING', 0.987);
	const farther = reading('LUCAS KING', 0.975);

	test('a name doubted only for a first letter on its box edge is as sure as the checks past that edge that read it the same', () => {
		expect(edgeSettled([onEdge, onEdge, { ...onEdge, apartFromEdge: 0.977 }], [check])).toBe(0.977);
		expect(edgeSettled([onEdge, onEdge], [check, farther])).toBe(0.975);
		// A crop height that read it surely, its letter off the edge, agrees too.
		expect(edgeSettled([onEdge, { text: 'LUCAS KING', confidence: 0.99 }], [reading('LUCAS KING', 0.96)])).toBe(0.96);
	});

	test('the doubt stands when a check found more or doubted, or any crop read it otherwise or with another doubt', () => {
		// MMA ALEXANDROPOULOS: the check reached past the edge and read the E the detector cut off.
		expect(
			edgeSettled([{ text: 'MMA ALEXANDROPOULOS', confidence: 0.8, apartFromEdge: 0.99 }], [reading('EMMA ALEXANDROPOULOS', 0.98)]),
		).toBeNull();
		// BERT for ROBERT: the first check read past the cut as nothing, the farther one read the O.
		const bert = { text: 'BERT LANG', confidence: 0.8, apartFromEdge: 0.98 };
		expect(edgeSettled([bert], [reading('BERT LANG', 0.97), reading('OBERT LANG', 0.95)])).toBeNull();
		expect(edgeSettled([bert], [reading('BERT LANG', 0.97), undefined])).toBeNull();
		expect(edgeSettled([onEdge], [reading('LUCAS KING', 0.85)])).toBeNull();
		expect(edgeSettled([onEdge], [check, reading('LUCAS KING', 0.85)])).toBeNull();
		expect(edgeSettled([onEdge], [undefined])).toBeNull();
		expect(edgeSettled([onEdge, { text: 'LUCAS KINC', confidence: 0.8, apartFromEdge: 0.95 }], [check])).toBeNull();
		// JOSE-MARIA KOWALSKI: the first crop had another doubt besides the edge; a crop height without
		// the edge doubt that read it unsurely is a doubt too.
		expect(edgeSettled([{ ...onEdge, apartFromEdge: 0.83 }, onEdge], [check])).toBeNull();
		expect(edgeSettled([onEdge, { text: 'LUCAS KING', confidence: 0.85 }], [check])).toBeNull();
		// No crop had the edge doubt: nothing for the checks to settle.
		expect(edgeSettled([{ text: 'LUCAS KING', confidence: 0.85 }], [check])).toBeNull();
	});
});

describe('afterWidenedReads', () => {
	test('a name set apart from a page line is not made sure by widened crops that read it so (a fifth read-only review)', () => {
		const apart: FieldReading = { ...reading('HOME DEPOT', 0.89), pageSetApart: true };
		expect(afterWidenedReads(apart, [reading('HOME DEPOT', 0.996), reading('HOME DEPOT', 0.995)]).confidence).toBe(0.89);
		expect(afterWidenedReads(reading('HOME DEPOT', 0.89), [reading('HOME DEPOT', 0.996), reading('HOME DEPOT', 0.995)]).confidence).toBe(
			0.995,
		);
	});

	test('a sure name is left as it was, whatever the widened crops read', () => {
		const name = reading('MEI WANG', 0.97);
		expect(afterWidenedReads(name, [reading('MEI WONG', 0.99), reading('MEI WONG', 0.99)])).toBe(name);
	});

	test('a sure name a widened crop reads surely with a mark more is the marked name, in doubt (bench seed 2127)', () => {
		expect(afterWidenedReads(reading('MIJUN KANG', 0.971), [reading('MI-JUN KANG', 0.977)])).toEqual(reading('MI-JUN KANG', 0.85));
		// Not a mark read unsurely, nor other letters, nor a mark fewer.
		for (const other of [reading('MI-JUN KANG', 0.742), reading('MI-JJUN KANG', 0.99)]) {
			const name = reading('MIJUN KANG', 0.971);
			expect(afterWidenedReads(name, [other])).toBe(name);
		}
		const marked = reading("GRACE O'NEIL", 0.99);
		expect(afterWidenedReads(marked, [reading('GRACE ONEIL', 0.99)])).toBe(marked);
	});

	test('a name in doubt that every widened crop reads the same surely is as sure as the less sure of them', () => {
		expect(
			afterWidenedReads(reading('MICHAEL A KOWALSKI', 0.8), [reading('MICHAEL A KOWALSKI', 0.98), reading('MICHAEL A KOWALSKI', 0.987)]),
		).toEqual(reading('MICHAEL A KOWALSKI', 0.98));
	});

	test.each([
		['one widened crop in doubt', [reading('MEI WANG', 0.99), reading('MEI WANG', 0.8)]],
		['the widened crops apart', [reading('MEI WANG', 0.99), reading('MEIWANG', 0.99)]],
		['one widened crop reading no name', [reading('MEI WANG', 0.99), undefined]],
		['no widened crop', []],
	])('with %s, a name in doubt stays in doubt', (_, widened) => {
		const name = reading('MEI WANG', 0.85);
		expect(afterWidenedReads(name, widened)).toBe(name);
	});

	test('another name the widened crops agree on surely replaces a name in doubt, still in doubt', () => {
		const widened = [reading('OLUWASEUN WILLIAMS-DAVIS', 0.993), reading('OLUWASEUN WILLIAMS-DAVIS', 0.994)];
		expect(afterWidenedReads(reading('OLUWASEUN WILLIAMSDAVIS', 0.8), widened)).toEqual(reading('OLUWASEUN WILLIAMS-DAVIS', 0.85));
	});

	test('another name the widened crops agree on, one of them surely, replaces a name in doubt (bench seed 2139: WILLAMS)', () => {
		const name = reading('DANIEL W WILLAMS', 0.8);
		const sureAndNot = [reading('DANIEL W WILLIAMS', 0.983), reading('DANIEL W WILLIAMS', 0.823)];
		expect(afterWidenedReads(name, sureAndNot)).toEqual(reading('DANIEL W WILLIAMS', 0.823));
		expect(afterWidenedReads(name, [reading('DANIEL W WILLIAMS', 0.88), reading('DANIEL W WILLIAMS', 0.823)])).toBe(name);
		expect(afterWidenedReads(name, [reading('DANIEL W WILLIAMS', 0.983), reading('DANIEL W WILLIAMS', 0.6)])).toBe(name);
	});

	test('a name the check completes keeps the hyphen the model saw', () => {
		const seen = { ...reading('OO JIN KIM', 0.8), markSeen: true as const };
		expect(afterNameCheck(seen, reading('SOO JIN KIM', 0.99))).toMatchObject({ text: 'SOO JIN KIM', markSeen: true });
	});

	test('a name with a hyphen the model saw and did not emit is not made sure by widened crops that read it the same', () => {
		const name = { ...reading('SOO JIN KIM', 0.8), markSeen: true as const };
		expect(afterWidenedReads(name, [reading('SOO JIN KIM', 0.99), reading('SOO JIN KIM', 0.99)])).toBe(name);
	});

	test('a name another crop read otherwise, and believed, is not made sure by widened crops of the same boxes', () => {
		const widened = [reading('ANNA GULIA', 0.99), reading('ANNA GULIA', 0.99)];
		const name = reading('ANNA GULIA', 0.8);
		expect(afterWidenedReads(name, widened, true)).toBe(name);
		expect(afterWidenedReads(name, widened, false).confidence).toBe(0.99);
	});

	test('a widened reading that drops a mark or a word is no correction', () => {
		// The full stop put back past an initial's box lies outside the crops; so may an apostrophe the vote put back.
		const stop = reading('MICHAEL A. KOWALSKI', 0.85);
		expect(afterWidenedReads(stop, [reading('MICHAEL A KOWALSKI', 0.98), reading('MICHAEL A KOWALSKI', 0.99)])).toBe(stop);
		const apostrophe = reading("ELEANOR DELL'ACQUA", 0.85);
		expect(afterWidenedReads(apostrophe, [reading('ELEANOR DELLACQUA', 0.98), reading('ELEANOR DELLACQUA', 0.99)])).toBe(apostrophe);
		const words = reading('KWON MI SUNG', 0.8);
		expect(afterWidenedReads(words, [reading('KWON MISUNG', 0.98), reading('KWON MISUNG', 0.99)])).toBe(words);
	});

	test('a widened reading with fewer letters is the box cut again, not a correction', () => {
		const name = reading('JANG HAYOON', 0.85);
		expect(afterWidenedReads(name, [reading('NG HAYOON', 0.996), reading('NG HAYOON', 0.998)])).toBe(name);
	});
});
