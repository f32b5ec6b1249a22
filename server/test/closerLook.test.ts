/**
 * How surely the card pipeline reports a field its closer look found, or read clearly surer than the
 * first view did: no models, only the two views' readings.
 */
import {
	besideDigitsWereDate,
	blobOverUnsure,
	closerLookConfidence,
	closerLookTakes,
	dateReadApart,
	fieldsToLookAgain,
	replacedNameFlags,
	monthStartBeforeYear,
	quadFrom,
} from '../src/engine/cardPipeline';
import type { RecognizedChar } from '../src/engine/recognizeText';
import type { DateLabel, FieldReading, Quad } from '../src/engine/types';

const reading = (text: string, confidence: number, label?: DateLabel): FieldReading => ({
	text,
	confidence,
	box: null,
	parts: [],
	...(label ? { label } : {}),
});
/** Visa, 16 digits, passes Luhn. */
const VALID = '4539148803436467';
/** Another checked Visa number. */
const OTHER_VALID = '4111111111111111';

describe('closerLookConfidence', () => {
	test('a checked number where the first view read digits that fail the checksum is reported as read', () => {
		const failing = reading(VALID.slice(0, 15), 0.45);
		expect(closerLookConfidence('number', reading(VALID, 0.97), failing, false, false)).toBe(0.97);
	});

	test('a checked number where the first view read no number is reported as read', () => {
		expect(closerLookConfidence('number', reading(VALID, 0.96), undefined, false, false)).toBe(0.96);
	});

	test('two checked numbers that differ leave the number in doubt', () => {
		expect(closerLookConfidence('number', reading(VALID, 0.97), reading(OTHER_VALID, 0.8), false, false)).toBeLessThan(0.9);
	});

	test('a checked number where the first view read a UnionPay number valid without Luhn stays in doubt', () => {
		// One misread digit of a real UnionPay number passes Luhn one time in ten.
		const unionPay = reading('6212345678901234', 0.85);
		expect(closerLookConfidence('number', reading('6212345678901232', 0.97), unionPay, false, false)).toBeLessThan(0.9);
	});

	test('a number that fails the checksum gains nothing from being seen closer', () => {
		expect(closerLookConfidence('number', reading(VALID.slice(0, 15), 0.6), undefined, false, false)).toBeLessThanOrEqual(0.6);
	});

	test('a date that replaces the first view reading stays in doubt, even on the same card', () => {
		expect(closerLookConfidence('validThru', reading('10/31', 0.99), reading('10/34', 0.7), true, false)).toBeLessThan(0.9);
	});

	test('a date found only closer up is sure on the same card, unless a decoy date is printed', () => {
		expect(closerLookConfidence('validThru', reading('10/31', 0.99), undefined, true, false)).toBe(0.99);
		expect(closerLookConfidence('validThru', reading('10/31', 0.99), undefined, true, true)).toBeLessThan(0.9);
		expect(closerLookConfidence('validThru', reading('10/31', 0.99), undefined, false, false)).toBeLessThan(0.9);
	});

	test('a name found only closer up is not doubted for a decoy date', () => {
		expect(closerLookConfidence('name', reading('ANNA LEE', 0.97), undefined, true, true)).toBe(0.97);
	});

	test('a date found closer up beside its expiry label is sure on the same card, decoy date or not', () => {
		// Seed 2055: VALID FROM 04/33 and VALID THRU 08/35 run together in the first view (047930735).
		expect(closerLookConfidence('validThru', reading('08/35', 0.99, 'expiry'), undefined, true, true)).toBe(0.99);
		expect(closerLookConfidence('validThru', reading('08/35', 0.99, 'expiry'), undefined, false, true)).toBeLessThan(0.9);
	});

	test('a labelled date replaces a first reading that was hardly a date; a fair first reading stays a rival', () => {
		expect(closerLookConfidence('validThru', reading('07/33', 0.99, 'expiry'), reading('07/31', 0.4), true, false)).toBe(0.99);
		expect(closerLookConfidence('validThru', reading('07/33', 0.99, 'expiry'), reading('07/31', 0.7), true, false)).toBeLessThan(0.9);
		// A date any card could print, read with weak digits, is still a reading the closer view disagrees with.
		expect(closerLookConfidence('validThru', reading('07/33', 0.99, 'expiry'), reading('07/31', 0.45), true, false)).toBeLessThan(0.9);
		// The first view read its own expiry label: the two views read two labelled dates.
		expect(closerLookConfidence('validThru', reading('07/33', 0.99, 'expiry'), reading('07/31', 0.4, 'expiry'), true, false)).toBeLessThan(
			0.9,
		);
	});
});

describe('fieldsToLookAgain', () => {
	const sure = { number: reading(VALID, 0.99), validThru: reading('10/31', 0.99), name: reading('ANNA LEE', 0.97) };

	test('a field not found, or a number or date in doubt, is looked at again', () => {
		expect(fieldsToLookAgain(sure)).toEqual([]);
		expect(fieldsToLookAgain({ number: sure.number, name: sure.name })).toEqual(['validThru']);
		expect(fieldsToLookAgain({ ...sure, validThru: reading('10/31', 0.85), number: reading(VALID, 0.8) })).toEqual(['number', 'validThru']);
	});

	test('a name under 0.85', () => {
		// Bench seed 2101, portrait photos: CARDHOLDER NAME stacked tight over CHO MINWOO, one box
		// read CAHDOHMIE WON at 0.54; the view half again as large reads CHO MINWOO.
		expect(fieldsToLookAgain({ ...sure, name: reading('CAHDOHMIE WON', 0.54) })).toEqual(['name']);
		expect(fieldsToLookAgain({ ...sure, name: reading('KIM', 0.6) })).toEqual(['name']);
		// Bench seed 2251: a 12 MP photo's small card, the holder's name boxed with the date over it, and
		// the product's line chosen at 0.8; the view half again as large reads KIM WOO MIN.
		expect(fieldsToLookAgain({ ...sure, name: reading('DVENTURE WORKS', 0.8) })).toEqual(['name']);
		expect(fieldsToLookAgain({ ...sure, name: reading('ANNA LEF', 0.849) })).toEqual(['name']);
		// A name capped at 0.85 by a rule on its own line's print is read the same closer up.
		expect(fieldsToLookAgain({ ...sure, name: reading('ANNA LEF', 0.85) })).toEqual([]);
		expect(fieldsToLookAgain({ number: sure.number, validThru: sure.validThru })).toEqual(['name']);
		expect(fieldsToLookAgain({ ...sure, number: reading(VALID, 0.8), name: reading('KIM', 0.6) })).toEqual(['number', 'name']);
	});

	test("a name the closer look reads in place of another keeps what the first view's reading was worth (a read-only review)", () => {
		const closer = reading('KIM WOO MIN', 0.97);
		// Hardly read (CAHDOHMIE WON): the closer look's name stands alone, as before the fiftieth round.
		expect(replacedNameFlags(reading('CAHDOHMIE WON', 0.64), closer)).toEqual({});
		// A pass is scored on the first view's name; a name that was another pass's rival keeps the doubt.
		expect(replacedNameFlags(reading('DVENTURE WORKS', 0.7), closer)).toEqual({ replacedConfidence: 0.7 });
		expect(replacedNameFlags(reading('DVENTURE WORKS', 0.8), closer)).toEqual({ replacedConfidence: 0.8, viewsDisagree: true });
		expect(replacedNameFlags(reading('KIM WOO MIN', 0.8), closer)).toEqual({});
		expect(replacedNameFlags(undefined, closer)).toEqual({});
	});

	test('a name the closer look reads in place of one hardly read stays in doubt', () => {
		const garbage = reading('CAHDOHMIE WON', 0.54);
		const closer = reading('CHO MINWOO', 0.97);
		expect(closerLookTakes('name', closer, garbage)).toBe(true);
		expect(closerLookConfidence('name', closer, garbage, true, false)).toBeLessThan(0.9);
		expect(closerLookConfidence('name', closer, garbage, false, false)).toBeLessThan(0.9);
	});
});

describe('closerLookConfidence, larger print beside the date', () => {
	// Bench seed 2095: embossed 10/31 read "03" beside an unlabelled 04/28 two thirds its height; the
	// first view held 04/28 at 0.85 for the larger digits beside it.
	const first: FieldReading = { ...reading('04/28', 0.85), largerPrintBeside: true };

	test('the same date read closer, even beside its expiry label, stays in doubt', () => {
		// Beside its label the closer reading would otherwise be reported as read (next test).
		expect(closerLookConfidence('validThru', reading('04/28', 0.99, 'expiry'), first, true, false)).toBeLessThan(0.9);
	});

	test('without the larger print, the same date read closer beside its label is sure', () => {
		expect(closerLookConfidence('validThru', reading('04/28', 0.99, 'expiry'), reading('04/28', 0.85), true, false)).toBe(0.99);
	});
});

describe('closerLookConfidence, a date the crops read in part', () => {
	// Two crops read GOOD THRU 1/33 and one 11/33: the vote took 11/33 in doubt. A closer view that reads
	// 11/33 beside its label may share that crop's misread of a lost 0 (a read-only review).
	test('the same date read closer beside its expiry label stays in doubt', () => {
		const voted: FieldReading = { ...reading('11/33', 0.575), partReadByCrops: true };
		expect(closerLookConfidence('validThru', reading('11/33', 0.95, 'expiry'), voted, true, false)).toBeLessThan(0.9);
		expect(closerLookConfidence('validThru', reading('11/33', 0.95, 'expiry'), reading('11/33', 0.575), true, false)).toBe(0.95);
	});
});

describe('closerLookConfidence, two dates both views read', () => {
	// Bench seed 2085: the first view took VALID FROM 01/27 for want of its labels; the closer view
	// read VALID FROM, MONTH YEAR, 01/27 and 05/29, the later date beside its expiry label.
	const found = reading('05/29', 0.999, 'expiry');
	const first = reading('01/27', 0.85);

	test("the labelled date is sure where the closer view read the first view's date too, earlier", () => {
		expect(closerLookConfidence('validThru', found, first, true, true, ['01/27', '05/29'])).toBe(0.999);
	});

	test("it stays in doubt where the closer view did not read the first view's date: two readings of one print", () => {
		expect(closerLookConfidence('validThru', found, first, true, true, ['05/29'])).toBeLessThan(0.9);
		expect(closerLookConfidence('validThru', found, reading('05/23', 0.85), true, true, ['05/29', '01/27'])).toBeLessThan(0.9);
	});

	test('the labelled date is sure where the first reading was taken over an earlier date the closer view read too', () => {
		// Committed sample t11-005: 04/36 (for 04/30) taken at 0.50 by one crop over 04/25; the closer view
		// read 04/25 and VALID THRU 04/30.
		const taken: FieldReading = { ...reading('04/36', 0.502), otherDates: ['04/25'], laterThan: '04/25' };
		const closer = reading('04/30', 0.998, 'expiry');
		expect(closerLookConfidence('validThru', closer, taken, true, true, ['04/25', '04/30'])).toBe(0.998);
		// Not where the closer view did not read that earlier date, nor for a first reading not so taken.
		expect(closerLookConfidence('validThru', closer, taken, true, true, ['04/30'])).toBeLessThan(0.9);
		const chosen: FieldReading = { ...reading('04/36', 0.502), otherDates: ['04/25'] };
		expect(closerLookConfidence('validThru', closer, chosen, true, true, ['04/25', '04/30'])).toBeLessThan(0.9);
	});

	test("it stays in doubt where the first view's date is the later one, or on another card's number", () => {
		expect(closerLookConfidence('validThru', found, reading('08/31', 0.85), true, true, ['08/31', '05/29'])).toBeLessThan(0.9);
		expect(closerLookConfidence('validThru', found, first, false, true, ['01/27', '05/29'])).toBeLessThan(0.9);
	});

	test('it stays in doubt without the expiry label, or where the first view read a FROM or SINCE label on its date', () => {
		expect(closerLookConfidence('validThru', reading('05/29', 0.999), first, true, true, ['01/27', '05/29'])).toBeLessThan(0.9);
		const decoy = reading('01/27', 0.85, 'decoy');
		expect(closerLookConfidence('validThru', found, decoy, true, true, ['01/27', '05/29'])).toBeLessThan(0.9);
	});
});

describe('closerLookTakes', () => {
	test('the same date read closer beside its expiry label, more surely, takes the place of a first reading without one', () => {
		// Seed 2055: 0628 in the first view, VALID 06/28 THRU closer up.
		expect(closerLookTakes('validThru', reading('06/28', 0.99, 'expiry'), reading('06/28', 0.85))).toBe(true);
		expect(closerLookTakes('validThru', reading('06/28', 0.99), reading('06/28', 0.85))).toBe(false);
		expect(closerLookTakes('validThru', reading('06/28', 0.99, 'expiry'), reading('06/28', 0.85, 'expiry'))).toBe(false);
		expect(closerLookTakes('validThru', reading('06/28', 0.8, 'expiry'), reading('06/28', 0.85))).toBe(false);
	});

	test('a later date read closer beside its expiry label, unsurely, takes the place of an unlabelled one the closer view read too', () => {
		// b2169: VALID FROM 05/28 chosen at 0.72, closer up VALID THRU 1/32 read at 0.70 beside it.
		const first = reading('05/28', 0.72);
		expect(closerLookTakes('validThru', reading('01/32', 0.7, 'expiry'), first, ['05/28'])).toBe(true);
		expect(closerLookConfidence('validThru', reading('01/32', 0.7, 'expiry'), first, true, true, ['05/28'])).toBeLessThan(0.9);
		// Sure digits closer up leave it in doubt too: it was taken on the labels, without the margin (a read-only review).
		expect(closerLookTakes('validThru', reading('01/32', 0.95, 'expiry'), reading('05/28', 0.88), ['05/28'])).toBe(true);
		expect(closerLookConfidence('validThru', reading('01/32', 0.95, 'expiry'), reading('05/28', 0.88), true, true, ['05/28'])).toBeLessThan(
			0.9,
		);
		// Not when the closer view did not read the first view's date, nor for an earlier one, nor without the label.
		expect(closerLookTakes('validThru', reading('01/32', 0.7, 'expiry'), first, [])).toBe(false);
		expect(closerLookTakes('validThru', reading('01/27', 0.7, 'expiry'), first, ['05/28'])).toBe(false);
		expect(closerLookTakes('validThru', reading('01/32', 0.7), first, ['05/28'])).toBe(false);
		// Nor over a first reading with an expiry label of its own.
		expect(closerLookTakes('validThru', reading('01/32', 0.7, 'expiry'), reading('05/28', 0.72, 'expiry'), ['05/28'])).toBe(false);
	});

	test('a date the first view read under a FROM or SINCE label is not overruled by a THRU the closer view gave it', () => {
		// VALID FROM 04/27 read whole first; closer up, FROM misread and the THRU of the date beside it taken for this one's.
		const decoy = reading('04/27', 0.5, 'decoy');
		expect(closerLookTakes('validThru', reading('04/27', 0.997, 'expiry'), decoy)).toBe(false);
		expect(closerLookConfidence('validThru', reading('04/30', 0.99, 'expiry'), decoy, true, true)).toBeLessThan(0.9);
	});

	test("the same checked number read closer, surely, is reported as the closer view read it, at its brand's longest length", () => {
		// Independent seed 115: an Amex pieced from 3420 and 46945758191 (0.85), read whole closer up at 0.999.
		const amex = '378282246310005';
		const pieced = reading(amex, 0.89);
		expect(closerLookTakes('number', reading(amex, 0.999), pieced)).toBe(true);
		expect(closerLookConfidence('number', reading(amex, 0.999), pieced, true, false)).toBe(0.999);
		// A 16-digit Visa may be part of a 19-digit number whose last group both views missed.
		expect(closerLookTakes('number', reading(VALID, 0.998), reading(VALID, 0.85))).toBe(false);
		// Not when the closer view is unsure too, nor for a number only a brand's lengths check (UnionPay).
		expect(closerLookTakes('number', reading(amex, 0.88), reading(amex, 0.85))).toBe(false);
		expect(closerLookTakes('number', reading('6212345678901234', 0.99), reading('6212345678901234', 0.85))).toBe(false);
		// A name or a date read the same gains nothing: the closer view sees less around it.
		expect(closerLookTakes('name', reading('ANNA LEE', 0.99), reading('ANNA LEE', 0.85))).toBe(false);
	});

	test('a number the first view joined past page text, read the same and surely closer up, is as sure as one read anew', () => {
		// Third-hand sets: a portrait card on a printed page, its two lines joined past the page's words
		// at 0.85; the closer view, with less of the page, read the same checked number at 0.999.
		const joined: FieldReading = { ...reading(VALID, 0.85), joinedPastText: true };
		expect(closerLookTakes('number', reading(VALID, 0.999), joined)).toBe(true);
		expect(closerLookConfidence('number', reading(VALID, 0.999), joined, true, false)).toBe(0.999);
		// Not read surely closer, or read otherwise, or valid only by its brand's lengths (UnionPay).
		expect(closerLookTakes('number', reading(VALID, 0.88), joined)).toBe(false);
		expect(closerLookConfidence('number', reading(OTHER_VALID, 0.999), joined, false, false)).toBeLessThan(0.9);
		const unionPay = '6212345678901234';
		const joinedUnionPay: FieldReading = { ...reading(unionPay, 0.85), joinedPastText: true };
		expect(closerLookConfidence('number', reading(unionPay, 0.99), joinedUnionPay, true, false)).toBeLessThan(0.9);
	});

	test('another reading takes the place only when clearly surer', () => {
		expect(closerLookTakes('validThru', reading('06/29', 0.9), reading('06/28', 0.85))).toBe(false);
		expect(closerLookTakes('validThru', reading('06/29', 0.97), reading('06/28', 0.85))).toBe(true);
		expect(closerLookTakes('name', reading('ANNA LEE', 0.5), undefined)).toBe(true);
	});
});

describe('besideDigitsWereDate', () => {
	const box = (x0: number, x1: number, y0 = 100, y1 = 130): Quad => [
		{ x: x0, y: y0 },
		{ x: x1, y: y0 },
		{ x: x1, y: y1 },
		{ x: x0, y: y1 },
	];
	// A minimal card's number with 09/23 right after it: the first view read "09" beside the number.
	const date = { ...reading('09/23', 0.999), box: box(500, 590) };
	const beside = {
		at: [
			{ x: 510, y: 115 },
			{ x: 530, y: 115 },
		],
		confidence: 0.995,
	};
	interface Views {
		number: FieldReading;
		first: FieldReading;
		closer: FieldReading;
		reported: FieldReading;
		closerDate: FieldReading;
		digits: typeof beside;
	}
	const apart = (over: Partial<Views> = {}) =>
		besideDigitsWereDate(
			over.number ?? reading(VALID, 0.89),
			over.first ?? reading(VALID, 0.85),
			over.closer ?? reading(VALID, 0.999),
			over.reported ?? reading('09/23', 0.999),
			over.closerDate ?? date,
			over.digits ?? beside,
		);

	test('digits beside the number that the closer view read as the reported date clear its doubt', () => {
		// What the number earns apart from that doubt, and no more than the closer view's reading.
		expect(apart()).toBe(0.995);
		expect(apart({ closer: reading(VALID, 0.97) })).toBe(0.97);
		// A digit just past the date's end (its slash read wide) is the date's too; further off it is not.
		expect(apart({ digits: { ...beside, at: [{ x: 595, y: 115 }] } })).toBe(0.995);
		expect(apart({ digits: { ...beside, at: [{ x: 602, y: 115 }] } })).toBeNull();
	});

	test('not when the digits stand elsewhere, the views differ, or any of it is unsure', () => {
		expect(apart({ digits: { ...beside, at: [...beside.at, { x: 640, y: 115 }] } })).toBeNull();
		expect(apart({ digits: { ...beside, at: [{ x: 510, y: 160 }] } })).toBeNull();
		// The number had a doubt of its own besides the digits (two unsure digits).
		expect(apart({ digits: { ...beside, confidence: 0.8 } })).toBeNull();
		expect(apart({ closer: reading(OTHER_VALID, 0.999) })).toBeNull();
		expect(apart({ closer: reading(VALID, 0.85) })).toBeNull();
		expect(apart({ closerDate: { ...date, confidence: 0.85 } })).toBeNull();
		// The card is reported with another date, or with this one in doubt.
		expect(apart({ reported: reading('11/27', 0.999) })).toBeNull();
		expect(apart({ reported: reading('09/23', 0.85) })).toBeNull();
		// The number so far is another than the first view's (the closer view's, taken in doubt), or a
		// reread that read it otherwise made it less sure than the first view did.
		expect(apart({ number: reading(OTHER_VALID, 0.85), closer: reading(OTHER_VALID, 0.96) })).toBeNull();
		expect(apart({ number: reading(VALID, 0.6) })).toBeNull();
		// Digits no checksum vouches for (UnionPay's unchecked lengths) stay in doubt.
		const unionPay = reading('6212345678901234', 0.85);
		expect(besideDigitsWereDate(unionPay, unionPay, reading('6212345678901234', 0.99), date, date, beside)).toBeNull();
	});
});

describe('a date box read apart from its label', () => {
	/** Characters at the given starts along their box (shares of its width), as the recogniser places them. */
	const placed = (text: string, starts: number[]): RecognizedChar[] =>
		[...text].map((char, i) => ({
			char,
			prob: 0.9,
			u0: starts[i],
			u1: starts[i] + 0.05,
			spaceBefore: 0,
			dotBefore: 0,
			apostropheBefore: 0,
			alt: null,
		}));

	test('a box read as a year alone, or a year after a slash with no month, is read again from where its month starts', () => {
		// Third-hand set 31: VALID over THRU, an arrow, then 11/32 in one box, read "32".
		expect(monthStartBeforeYear(placed('32', [0.76, 0.85]))).toBeCloseTo(0.76 - 4.5 * 0.09);
		// Third-hand set 32: GOOD THRU 10/33 read "GOTU/33".
		expect(monthStartBeforeYear(placed('GOTU/33', [0.05, 0.15, 0.25, 0.4, 0.7, 0.8, 0.9]))).toBeCloseTo(0.8 - 0.45);
	});

	test('a box whose month was read, a longer run of digits, one digit, or no room before the month is not read again', () => {
		expect(monthStartBeforeYear(placed('SSUE02/25', [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]))).toBeNull();
		expect(monthStartBeforeYear(placed('5617', [0.1, 0.3, 0.5, 0.7]))).toBeNull();
		expect(monthStartBeforeYear(placed('3', [0.8]))).toBeNull();
		// 2/29 for 12/29, its 1 lost at the box's start: nothing before the month to read apart.
		expect(monthStartBeforeYear(placed('2/29', [0.1, 0.3, 0.5, 0.7]))).toBeNull();
		expect(monthStartBeforeYear(placed('THRU', [0.1, 0.3, 0.5, 0.7]))).toBeNull();
		// Without a slash, only a label's letters may stand before the year: a receipt's price is none.
		const total = 'TOTAL 25.90';
		expect(
			monthStartBeforeYear(
				placed(
					total,
					[...total].map((_, i) => 0.05 + 0.09 * i),
				),
			),
		).toBeNull();
		expect(monthStartBeforeYear(placed('THRU32', [0.05, 0.1, 0.15, 0.2, 0.8, 0.9]))).toBeCloseTo(0.8 - 0.45);
	});

	test('the part of a box from a share of its width keeps its end and its slant', () => {
		const quad: Quad = [
			{ x: 0, y: 0 },
			{ x: 100, y: 10 },
			{ x: 100, y: 40 },
			{ x: 0, y: 30 },
		];
		expect(quadFrom(quad, 0.25)).toEqual([{ x: 25, y: 2.5 }, quad[1], quad[2], { x: 25, y: 32.5 }]);
	});

	test('the date read apart replaces a missing one, a clearly less sure one, or an earlier one it read beside it, in doubt', () => {
		expect(dateReadApart(undefined, reading('11/32', 0.97))?.confidence).toBe(0.85);
		expect(dateReadApart(reading('06/25', 0.55), reading('10/33', 0.9))).toMatchObject({ text: '10/33', confidence: 0.85 });
		// 02/25 (its ISSUE label read SSUE) at 0.85, then 11/32 at 0.67 read beside it.
		expect(dateReadApart(reading('02/25', 0.85), reading('11/32', 0.67), ['02/25', '11/32'])).toMatchObject({
			text: '11/32',
			confidence: 0.67,
		});
	});

	test('the date read apart leaves the card date where it read the same, is not clearly surer, or read no such earlier date', () => {
		expect(dateReadApart(reading('11/32', 0.8), reading('11/32', 0.97))).toBeUndefined();
		expect(dateReadApart(reading('02/25', 0.85), reading('11/32', 0.9))).toBeUndefined();
		expect(dateReadApart(reading('02/25', 0.85), reading('11/32', 0.67), ['11/32'])).toBeUndefined();
		// Beside the card's date, an earlier one is no reason to take it.
		expect(dateReadApart(reading('11/32', 0.85), reading('02/25', 0.67), ['02/25', '11/32'])).toBeUndefined();
		expect(dateReadApart(reading('02/25', 0.85), undefined)).toBeUndefined();
		// Nor where the part hardly read it, or read it as a decoy (a read-only review: 11/33 at 0.2 was taken).
		expect(dateReadApart(reading('10/33', 0.89), reading('11/33', 0.2), ['10/33', '11/33'])).toBeUndefined();
		expect(dateReadApart(undefined, reading('06/25', 0.5, 'decoy'))).toBeUndefined();
	});
});

describe('blobOverUnsure', () => {
	const card = (number: FieldReading, validThru: FieldReading, name: FieldReading) => ({
		fields: { number, validThru, name },
		lines: [],
		rotationDeg: 0,
	});
	test("the whole group's view, reading the first view's number surely, settles the number only (third-hand set 31)", () => {
		const first = card(reading(VALID, 0.8), reading('08/29', 0.8), reading('MAXIMILIAN NGUYEN', 0.999));
		const blob = card(reading(VALID, 1), reading('08/29', 0.987), reading('MAXIMILIAN NGUYEN', 0.999));
		const kept = blobOverUnsure(first, blob).fields;
		expect([kept.number?.confidence, kept.validThru?.confidence, kept.name?.confidence]).toEqual([1, 0.8, 0.999]);
		// A date or name the two views read otherwise is in doubt.
		const other = blobOverUnsure(first, card(reading(VALID, 1), reading('03/29', 0.99), reading('MAXIMILIAN NGUYEN', 0.999)));
		expect(other.fields.validThru?.confidence).toBeLessThan(0.9);
	});

	test('where the first view read another number, or none a card has, its reading stands whole (bench seed 2217)', () => {
		const first = card(reading('500927221555', 0.53), reading('92/21', 0.4), reading('TEE', 0.65));
		const blob = card(reading(VALID, 0.995), reading('09/26', 0.995), reading("JAMES O'SULLIVAN", 0.85));
		expect(blobOverUnsure(first, blob)).toEqual(blob);
	});
});
