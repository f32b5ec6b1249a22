/**
 * What the card pipeline takes from its view over a card's whole extent, when the first view read the
 * number but not the date or the name: no models, only the two views' readings.
 */
import type { CardReading } from '../src/engine/cardPipeline';
import {
	finerPassWanted,
	keepDoubt,
	looseForName,
	onCardRow,
	readingScore,
	textNearSideEdge,
	textPastGroup,
	withDateGuess,
	withPassRival,
	withWiderView,
	withoutSureNumberInDoubt,
} from '../src/engine/cardPipeline';
import type { FieldName, FieldReading, Quad } from '../src/engine/types';

const reading = (text: string, confidence: number): FieldReading => ({ text, confidence, box: null, parts: [] });
const card = (fields: Partial<Record<FieldName, FieldReading>>): CardReading => ({ fields, lines: [], rotationDeg: 0 });
/** Visa, 16 digits, passes Luhn. */
const NUMBER = '4932358643690149';
/** The first view: the number and the name, no date. */
const FIRST = card({ number: reading(NUMBER, 0.999), name: reading('HIROSHI ANDERSON', 0.994) });

describe('finerPassWanted', () => {
	test('a large image is looked at again at a finer size unless its number was read surely or in a close-up; a number in deep doubt is no sign of one (third-hand seed 55)', () => {
		const withNumber = (confidence: number) => card({ number: reading('804989920992', confidence), validThru: reading('52/20', 0.4) });
		// A 12 MP photo: a card, a receipt and a notepad spread text over 70% of the frame.
		expect(finerPassWanted(withNumber(0.11), 0.7, 4032, 640)).toBe(true);
		expect(finerPassWanted(withNumber(0.6), 0.7, 4032, 640)).toBe(false);
		expect(finerPassWanted(withNumber(0.6), 0.3, 4032, 640)).toBe(true);
		expect(finerPassWanted(withNumber(0.99), 0.3, 4032, 640)).toBe(false);
		expect(finerPassWanted({ ...withNumber(0.99), numberSureOnlyCloser: true }, 0.3, 4032, 640)).toBe(true);
		// A phone photo only where no number was read at all, and some text was seen.
		expect(finerPassWanted(withNumber(0.11), 0.3, 1440, 640)).toBe(false);
		expect(finerPassWanted(card({}), 0.3, 1440, 640)).toBe(true);
		expect(finerPassWanted(card({}), 0, 1440, 640)).toBe(false);
	});
});

describe('withWiderView', () => {
	test("a number in doubt, its text at the view's edge, gives way to the whole the wider view read surely, in doubt (third-hand seed 54)", () => {
		// A 12 MP photo's small card: the view cut its left side off, and 904935056172840 (15 of
		// 4904 9350 5617 2840's digits) was read at 0.45.
		const whole = '4904935056172840';
		const cut = reading(whole.slice(1), 0.45);
		const first: CardReading = {
			...card({ number: cut, validThru: reading('05/32', 0.85), name: reading('SOPHIA M. HILL', 0.85) }),
			textAtEdge: true,
		};
		const wider = (number: FieldReading) => card({ number, validThru: reading('05/32', 0.99) });
		expect(withWiderView(first, wider(reading(whole, 0.999)))?.fields).toMatchObject({
			number: { text: whole, confidence: 0.85 },
			validThru: { text: '05/32', confidence: 0.85 },
			name: { text: 'SOPHIA M. HILL' },
		});
		// Not taken: the first view's text short of its edge, a first number read surely, a wider one in
		// doubt, a first one too short to tell, another number, or one Luhn does not check.
		expect(withWiderView({ ...first, textAtEdge: false }, wider(reading(whole, 0.999)))?.fields.number?.text).not.toBe(whole);
		expect(
			withWiderView({ ...first, fields: { ...first.fields, number: { ...cut, confidence: 0.95 } } }, wider(reading(whole, 0.999))),
		).toBeNull();
		expect(withWiderView(first, wider(reading(whole, 0.85)))).toBeNull();
		const short = { ...first, fields: { ...first.fields, number: reading(whole.slice(5), 0.45) } };
		expect(withWiderView(short, wider(reading(whole, 0.999)))).toBeNull();
		expect(withWiderView(first, wider(reading(NUMBER, 0.999)))).toBeNull();
		expect(withWiderView(first, wider(reading(`${whole.slice(0, 15)}1`, 0.999)))).toBeNull();
		expect(withWiderView(first, wider(reading(`5${whole.slice(1)}`, 0.999)))).toBeNull();
		expect(withWiderView({ ...first, fields: { ...first.fields, number: reading(whole, 0.6) } }, wider(reading(whole, 0.999)))).toBeNull();
		// A checked number in doubt for digits beside it is no cut one: the wider view read a code after it, valid by Luhn's chance.
		const checkedFirst = { ...first, fields: { ...first.fields, number: reading(whole, 0.85) } };
		expect(withWiderView(checkedFirst, wider(reading(`${whole}002`, 0.95)))).toBeNull();
	});

	test("an unlabelled date the first view chose, its text at the view's edge, gives way to the expiry the wider view read by its label on a card line, in doubt (bench seed 2129)", () => {
		// A 12 MP photo: the first view ended past an unlabelled 03/30 (0.998); EXPIRES END 12/34 lay beyond it.
		const number = placed(NUMBER, 0.999, box(280, 735, 700, 65));
		const fields = { number, name: reading('HIROSHI ANDERSON', 0.994) };
		const first: CardReading = { ...card({ ...fields, validThru: reading('03/30', 0.998) }), textAtEdge: true };
		const onRow = box(1060, 750, 90, 35);
		const wider = (date: FieldReading) => card({ ...fields, validThru: date });
		const labelled = wider({ ...placed('12/34', 0.998, onRow), label: 'expiry' });
		expect(withWiderView(first, labelled)?.fields.validThru).toMatchObject({ text: '12/34', confidence: 0.85, label: 'expiry' });
		// Another unlabelled date there: the first view's stays, in doubt.
		expect(withWiderView(first, wider(placed('12/34', 0.97, onRow)))?.fields.validThru).toMatchObject({ text: '03/30', confidence: 0.85 });
		// A date by its label off the card's lines (a page's typed "Expiry: 12/34"): a rival, not taken.
		const offCard = wider({ ...placed('12/34', 0.998, box(1370, 700, 110, 60)), label: 'expiry' });
		expect(withWiderView(first, offCard)?.fields.validThru).toMatchObject({ text: '03/30', confidence: 0.85 });
		// No rival: one hardly believed, the same date, an earlier FROM or SINCE date, a date after a cut VALID.
		expect(withWiderView(first, wider(placed('12/34', 0.6, onRow)))).toBeNull();
		expect(withWiderView(first, wider({ ...placed('03/30', 0.99, onRow), label: 'expiry' }))).toBeNull();
		expect(withWiderView(first, wider({ ...placed('01/22', 0.8, onRow), label: 'decoy' }))).toBeNull();
		// A later one held in doubt between a decoy label and an expiry label is a rival, not taken: the
		// first view's date may be the VALID FROM (a read-only review: 05/25 kept at 0.997).
		expect(withWiderView(first, wider({ ...placed('12/34', 0.8, onRow), label: 'decoy' }))?.fields.validThru).toMatchObject({
			text: '03/30',
			confidence: 0.85,
		});
		expect(withWiderView(first, wider({ ...placed('12/34', 0.85, onRow), label: 'cutValid' }))).toBeNull();
		// A date the first view read by its expiry label stands; so does any where its text did not reach the edge.
		expect(
			withWiderView({ ...first, fields: { ...first.fields, validThru: { ...reading('03/30', 0.998), label: 'expiry' } } }, labelled),
		).toBeNull();
		expect(withWiderView({ ...first, textAtEdge: false }, labelled)).toBeNull();
	});

	test('an unlabelled date the first view chose gives way to another the wider view chose beside it, in doubt (bench seed 2141)', () => {
		// An A4 scan: a small unlabelled 10/25 ended near the first view's edge; 04/30 stood past it, on the
		// name's row. The wider view read both, in one box, and chose 04/30.
		const name = placed('YOO JIHO', 0.999, box(280, 640, 300, 60));
		const number = placed(NUMBER, 0.999, box(280, 735, 700, 65));
		const first: CardReading = { ...card({ number, name, validThru: reading('10/25', 0.999) }), textAtEdge: true };
		const dates = box(900, 645, 160, 45);
		const line = (text: string) => ({ quad: dates, chars: [], text });
		const wider = (lines: string[]) => ({
			...card({ number, name, validThru: placed('04/30', 0.999, box(1000, 645, 60, 45)) }),
			lines: lines.map(line),
		});
		expect(withWiderView(first, wider(['10/25 04/30']))?.fields.validThru).toMatchObject({ text: '04/30', confidence: 0.85 });
		// The wider view did not read the first view's date: it chose without it, the first stays; nor is
		// the first view's date in a longer run of digits (110/25) one the wider view read.
		expect(withWiderView(first, wider(['04/30']))?.fields.validThru).toMatchObject({ text: '10/25', confidence: 0.85 });
		expect(withWiderView(first, wider(['110/25 04/30']))?.fields.validThru).toMatchObject({ text: '10/25', confidence: 0.85 });
		// The first view read 04/30 too and still chose 10/25: no view saw more, the first stays.
		const sawBoth = { ...first, lines: [line('10/25 04/30')] };
		expect(withWiderView(sawBoth, wider(['10/25 04/30']))?.fields.validThru).toMatchObject({ text: '10/25', confidence: 0.85 });
		// The wider view read another date beside its own and took the later, past the first view's date: the
		// expiry is a card's latest date (bench seed 2227: VALID FROM 06/28 and VALID THRU 11/31 in one box,
		// labels garbled, beyond an unlabelled 07/27). Not one earlier than the first view's.
		const choseAmong = (date: string, other: string) => ({
			...card({ number, name, validThru: { ...placed(date, 0.984, box(1000, 645, 60, 45)), otherDates: [other] } }),
			lines: [line(`${other} ${date}`)],
		});
		expect(withWiderView(first, choseAmong('04/30', '03/28'))?.fields.validThru).toMatchObject({ text: '04/30', confidence: 0.85 });
		expect(withWiderView(first, choseAmong('04/24', '03/23'))?.fields.validThru).toMatchObject({ text: '10/25', confidence: 0.85 });
		// Nor one a digit off the first view's: its print, misread (a read-only review).
		expect(withWiderView(first, choseAmong('10/26', '03/23'))?.fields.validThru).toMatchObject({ text: '10/25', confidence: 0.85 });
		// 04/30 off the card's rows (a page's date): not taken.
		const offRow = { ...wider(['10/25 04/30']), fields: { number, name, validThru: placed('04/30', 0.999, box(1400, 500, 60, 45)) } };
		expect(withWiderView(first, offRow)?.fields.validThru).toMatchObject({ text: '10/25', confidence: 0.85 });
	});

	test("text ending within the given lines of a view's side edge may run past it (bench seed 2141's too small views)", () => {
		// A view 236 px wide, lines 20 px high: a small date ending 12 px (0.6 of a line) from its right edge.
		const quads = [box(49, 53, 138, 20), box(207, 63, 17, 11), box(48, 77, 124, 20)];
		expect(textNearSideEdge(quads, 236, 1)).toBe(true);
		expect(textNearSideEdge(quads, 236, 0.5)).toBe(false);
		// The left edge counts too, and the line height is the boxes' median, not the small date's.
		expect(textNearSideEdge([box(10, 53, 138, 20), box(160, 63, 17, 11), box(30, 77, 124, 20)], 236, 0.55)).toBe(true);
		expect(textNearSideEdge([box(12, 53, 138, 20), box(160, 63, 17, 11), box(30, 77, 124, 20)], 236, 0.55)).toBe(false);
	});

	test("print seen past the side of the group a too small view was placed round may run past the view's edge too (bench seed 2177's A4 scan)", () => {
		// The coarse pass saw the name and the number (x 54-211); the view, lines 19 px high, also saw a small
		// date from x 204 to 244: 33 px (1.7 lines) past the group's end.
		const group = [box(54, 54, 112, 20), box(54, 79, 157, 23)];
		const seen = [...group, box(204, 84, 40, 14)];
		expect(textPastGroup(seen, group)).toBe(true);
		// Print within half a line of the group's ends, on either side, is the group's own.
		expect(textPastGroup([...group, box(195, 84, 25, 14)], group)).toBe(false);
		expect(textPastGroup([...group, box(46, 110, 60, 14)], group)).toBe(false);
		expect(textPastGroup([...group, box(40, 110, 60, 14)], group)).toBe(true);
		expect(textPastGroup(seen, [])).toBe(false);
	});

	test("a name's boxes are loose round its print below 16 crop pixels a letter (bench seed 2139's 12 MP photos)", () => {
		// YOON BIN WOO in one box, its crop 148 px wide at the recogniser's height: 14.8 px a letter.
		expect(looseForName(['YOONBGIN WO'], [148])).toBe(true);
		// Read well, names take 20-30 px a letter; over several boxes the letters and widths add up.
		expect(looseForName(['MARIA JOSE SANTOS LIMA'], [396])).toBe(false);
		expect(looseForName(['MARIA', 'JOSE'], [70, 70])).toBe(true);
		expect(looseForName(['MARIA', 'JOSE'], [90, 80])).toBe(false);
		// Marks and spaces are no letters; under four letters says nothing.
		expect(looseForName(["O'NEIL-LEE"], [128])).toBe(false);
		expect(looseForName(['LEE'], [30])).toBe(false);
	});

	test('a date only the wider view found is kept, never surely', () => {
		const wider = card({ number: reading(NUMBER, 0.998), name: reading('HIROSHI ANDERSON', 0.98), validThru: reading('02/34', 0.99) });
		const merged = withWiderView(FIRST, wider);
		expect(merged?.fields.validThru?.text).toBe('02/34');
		expect(merged?.fields.validThru?.confidence).toBeLessThan(0.9);
		expect(merged?.fields.name?.confidence).toBeGreaterThanOrEqual(0.9);
	});

	test('a date the wider view alone read is never sure, even beside its expiry label: it may be off the card', () => {
		// An authorisation form's typed "Expiry: 03/27" beside a copy of the card.
		const first = card({ number: reading(NUMBER, 0.999) });
		const wider = card({ number: reading(NUMBER, 0.998), validThru: { ...reading('03/27', 0.99), label: 'expiry' } });
		expect(withWiderView(first, wider)?.fields.validThru?.confidence).toBeLessThan(0.9);
	});

	test("a name the wider view read otherwise keeps the first view's reading, in doubt, and the date is still taken", () => {
		// Seed 2055's A4 scan: the wider view ran the name together and read the only date on the card.
		const wider = card({ number: reading(NUMBER, 0.998), name: reading('HIROSHIANDERSON', 0.8), validThru: reading('02/34', 0.8) });
		const merged = withWiderView(FIRST, wider);
		expect(merged?.fields.name?.text).toBe('HIROSHI ANDERSON');
		expect(merged?.fields.name?.confidence).toBeLessThan(0.9);
		expect(merged?.fields.validThru).toMatchObject({ text: '02/34', confidence: 0.8 });
	});

	test("a date the wider view read the same keeps the first view's doubt about a date read in part elsewhere", () => {
		const first = card({ ...FIRST.fields, validThru: { ...reading('05/26', 0.85), partDateElsewhere: true } });
		const wider = card({ number: reading(NUMBER, 0.998), name: reading('HIROSHI ANDERSON', 0.99), validThru: reading('05/26', 0.998) });
		// The wider view adds nothing here; give it a field the first lacks so it is merged.
		const withCvc = card({ ...first.fields, name: undefined });
		expect(withWiderView(withCvc, wider)?.fields.validThru).toMatchObject({ text: '05/26', confidence: 0.85, partDateElsewhere: true });
	});

	test('a rival the wider view hardly believed casts no doubt, as a rival pass must be at 0.75 or more', () => {
		const wider = card({ number: reading(NUMBER, 0.998), name: reading('HIROSHIANDERSON', 0.6), validThru: reading('02/34', 0.97) });
		const merged = withWiderView(FIRST, wider);
		expect(merged?.fields.name).toEqual(FIRST.fields.name);
		expect(merged?.fields.validThru).toMatchObject({ text: '02/34', confidence: 0.85 });
	});

	test('a name added beside a date read otherwise: the date as first read, in doubt, the name never sure', () => {
		const first = card({ number: reading(NUMBER, 0.999), validThru: reading('02/34', 0.97) });
		const wider = card({ number: reading(NUMBER, 0.998), validThru: reading('02/24', 0.95), name: reading('HIROSHI ANDERSON', 0.99) });
		const merged = withWiderView(first, wider);
		expect(merged?.fields.validThru).toMatchObject({ text: '02/34', confidence: 0.85 });
		expect(merged?.fields.name).toMatchObject({ text: 'HIROSHI ANDERSON', confidence: 0.85 });
	});

	test("views that agree give the wider view's readings, and a number sure only up close stays so marked", () => {
		const first = card({ number: reading(NUMBER, 0.95), name: reading('HIROSHI ANDERSON', 0.93) });
		const wider = card({ number: reading(NUMBER, 0.99), name: reading('HIROSHI ANDERSON', 0.98), validThru: reading('02/34', 0.97) });
		const merged = withWiderView({ ...first, numberSureOnlyCloser: true }, wider);
		expect(merged?.fields.number?.confidence).toBe(0.99);
		expect(merged?.fields.name?.confidence).toBe(0.98);
		expect(merged?.numberSureOnlyCloser).toBe(true);
	});

	test('a field the wider view did not read at all stays as the first view read it', () => {
		const merged = withWiderView(FIRST, card({ number: reading(NUMBER, 0.998), validThru: reading('02/34', 0.97) }));
		expect(merged?.fields.name).toEqual(FIRST.fields.name);
		expect(merged?.fields.validThru?.text).toBe('02/34');
	});

	test("a name the first view read in doubt gives way to one the wider view read surer, in more words, on the number's line, in doubt (a fourth-hand probe)", () => {
		// A minimal card on a scanned page: its view round the number read the stacked VALID THRU as YARD;
		// the wider view read the holder's name at the number row's far end.
		const box = (x0: number, x1: number, y: number): Quad => [
			{ x: x0, y },
			{ x: x1, y },
			{ x: x1, y: y + 30 },
			{ x: x0, y: y + 30 },
		];
		const number = { ...reading(NUMBER, 0.999), box: box(40, 400, 200) };
		const first = card({ number, validThru: reading('02/33', 0.99), name: reading('YARD', 0.65) });
		const wider = (name: string, confidence: number, y = 200) =>
			card({ number, validThru: reading('02/33', 0.99), name: { ...reading(name, confidence), box: box(450, 700, y) } });
		expect(withWiderView(first, wider('DIRK VAN DER BERG', 0.89))?.fields.name).toMatchObject({
			text: 'DIRK VAN DER BERG',
			confidence: 0.85,
		});
		// Not a rival the wider view hardly believed, nor one no surer than the first view's, nor one of as many words.
		expect(withWiderView(first, wider('DIRK VAN DER BERG', 0.7))).toBeNull();
		expect(
			withWiderView({ ...first, fields: { ...first.fields, name: reading('YARD', 0.8) } }, wider('DIRK VAN DER BERG', 0.78)),
		).toBeNull();
		expect(withWiderView(first, wider('DIRK', 0.89))).toBeNull();
		// Nor where the first view's name was sure.
		expect(
			withWiderView({ ...first, fields: { ...first.fields, name: reading('DIRK VAN', 0.95) } }, wider('DIRK VAN DER BERG', 0.99)),
		).toBeNull();
		// Nor the same letters parted otherwise, nor a line off the number's (a read-only review).
		const obrien = { ...first, fields: { ...first.fields, name: reading("SEAN O'BRIEN", 0.8) } };
		expect(withWiderView(obrien, wider('SEAN O BRIEN', 0.88))).toBeNull();
		expect(withWiderView(first, wider('PLEASE SIGN THE BACK', 0.95, 40))).toBeNull();
	});

	test('another number, or nothing added, leaves the first reading alone', () => {
		expect(withWiderView(FIRST, card({ number: reading('4111111111111111', 0.99), validThru: reading('02/34', 0.97) }))).toBeNull();
		expect(withWiderView(FIRST, card({ number: reading(NUMBER, 0.99), name: reading('HIROSHI ANDERSON', 0.99) }))).toBeNull();
	});

	test("the wider view's guess at a date whose slash was lost is kept when no view read a date, and only then", () => {
		// Bench seed 2065: a shaken 12 MP photo's 07/25 read as "0725" by the wider view alone.
		const guess = reading('07/25', 0.4);
		const wider = { ...card({ number: reading(NUMBER, 0.99), name: reading('HIROSHI ANDERSON', 0.99) }), dateGuess: guess };
		expect(withWiderView(FIRST, wider)?.dateGuess).toEqual(guess);
		const dated = card({ ...FIRST.fields, validThru: reading('02/34', 0.7) });
		expect(withWiderView(dated, wider)).toBeNull();
		expect(withWiderView(FIRST, { ...wider, fields: { ...wider.fields, number: reading('4111111111111111', 0.99) } })).toBeNull();
	});
});

describe('withoutSureNumberInDoubt', () => {
	test("a name and date read beside no sure number are in doubt: the text may be no card's (a receipt's THANK YOU, third-hand set 16)", () => {
		const fields = { name: reading('THANK YOU', 0.998), validThru: reading('09/33', 0.95) };
		for (const number of [undefined, reading('558174716569', 0.4), reading(NUMBER, 0.89)]) {
			const out = withoutSureNumberInDoubt(card({ ...fields, ...(number ? { number } : {}) })).fields;
			expect([out.name?.confidence, out.validThru?.confidence, out.number?.confidence]).toEqual([0.85, 0.85, number?.confidence]);
		}
		// Beside a sure number they stay as read, and a field already in doubt stays as low.
		const sure = withoutSureNumberInDoubt(card({ ...fields, number: reading(NUMBER, 0.9) })).fields;
		expect([sure.name?.confidence, sure.validThru?.confidence]).toEqual([0.998, 0.95]);
		expect(withoutSureNumberInDoubt(card({ name: reading('THANK YOU', 0.6) })).fields.name?.confidence).toBe(0.6);
	});
});

describe('withDateGuess', () => {
	test('a guess stands in for a date no view read, never for one that was read', () => {
		const guess = reading('07/25', 0.4);
		expect(withDateGuess({ ...FIRST, dateGuess: guess }).fields.validThru).toEqual(guess);
		const dated = card({ ...FIRST.fields, validThru: reading('02/34', 0.7) });
		expect(withDateGuess({ ...dated, dateGuess: guess }).fields.validThru?.text).toBe('02/34');
		expect(withDateGuess({ ...dated, dateGuess: guess }).dateGuess).toBeUndefined();
	});
});

describe('withPassRival', () => {
	const kept = card({ number: reading(NUMBER, 0.997), name: reading('YOUNGNA LEE', 0.995), validThru: reading('11/29', 0.99) });

	test('a hyphen the other pass saw in the same name keeps it in doubt, whichever view is kept', () => {
		const seen: FieldReading = { ...reading('YOUNGNA LEE', 0.8), markSeen: true };
		expect(withPassRival(kept, card({ ...kept.fields, name: seen })).fields.name).toMatchObject({ confidence: 0.8, markSeen: true });
		expect(withPassRival(kept, card({ ...kept.fields, name: { ...seen, text: 'YOUNG LEE' } })).fields.name?.markSeen).toBeUndefined();
		const wider = card({ ...kept.fields, validThru: undefined });
		const first = card({ ...kept.fields, name: seen, validThru: undefined, number: reading(NUMBER, 0.997) });
		expect(withWiderView(first, { ...wider, fields: { ...wider.fields, validThru: reading('11/29', 0.99) } })?.fields.name).toMatchObject({
			confidence: 0.8,
			markSeen: true,
		});
		expect(keepDoubt(reading('YOUNGNA LEE', 0.99), undefined, 'markSeen').confidence).toBe(0.99);
	});

	test("a name the closer look read in place of its view's other reading stays in doubt beside a pass or wider view that agrees (a read-only review)", () => {
		// The coarse pass read KIM WOO MIN at 0.8 and its closer look KIM WOO MIN for DVENTURE WORKS: the
		// finer pass's KIM WOO MIN at 0.995 was in doubt beside DVENTURE WORKS, and stays so beside it.
		const replaced: FieldReading = { ...reading('YOUNGNA LEE', 0.85), viewsDisagree: true };
		expect(withPassRival(kept, card({ ...kept.fields, name: replaced })).fields.name).toMatchObject({
			confidence: 0.85,
			viewsDisagree: true,
		});
		expect(withPassRival(card({ ...kept.fields, name: replaced }), kept).fields.name?.confidence).toBe(0.85);
		const first = card({ ...kept.fields, name: replaced, validThru: undefined });
		expect(withWiderView(first, kept)?.fields.name).toMatchObject({ text: 'YOUNGNA LEE', confidence: 0.85 });
		// Not a pass that read another name, which is a rival of its own, nor one without the doubt.
		expect(
			withPassRival(kept, card({ ...kept.fields, name: { ...replaced, text: 'YOUNG LEE' } })).fields.name?.viewsDisagree,
		).toBeUndefined();
		expect(withWiderView(card({ ...kept.fields, validThru: undefined }), kept)?.fields.name?.confidence).toBe(0.995);
	});

	test("such a name is no agreement with a wider view, and a pass is chosen on its first view's name (a read-only review)", () => {
		// The first view read the number in doubt and no date; its closer look read the wider view's name in
		// place of one read at 0.7 (a fourth read-only review: HARBOR POINT, the wider view's too, at 0.996).
		const replaced: FieldReading = { ...reading('YOUNGNA LEE', 0.85), replacedConfidence: 0.7 };
		const first = card({ number: reading(NUMBER, 0.8), name: replaced });
		const merged = withWiderView(first, kept);
		expect([merged?.fields.number?.confidence, merged?.fields.name?.confidence, merged?.fields.validThru?.text]).toEqual([
			0.8,
			0.85,
			'11/29',
		]);
		// The same name read alike by both views is one: the wider view's reading is taken whole.
		expect(withWiderView(card({ ...first.fields, name: reading('YOUNGNA LEE', 0.85) }), kept)?.fields.number?.confidence).toBe(0.997);
		const withName = (name: FieldReading) => card({ ...kept.fields, name });
		expect(readingScore(withName(replaced))).toBeCloseTo(readingScore(withName(reading('YOUNG LEE', 0.7))));
	});

	test('a field the other pass read otherwise, surely enough, is in doubt', () => {
		const other = card({ number: reading(NUMBER, 0.95), name: reading('NA LEE', 0.85) });
		expect(withPassRival(kept, other).fields.name).toMatchObject({ text: 'YOUNGNA LEE', confidence: 0.85 });
		expect(withPassRival(kept, other).fields.validThru?.confidence).toBe(0.99);
	});

	test('a pass that read no number surely, beside one that did, casts no doubt on the name or the date', () => {
		// Bench seed 2067's 12 MP photo: the coarse pass read 12 digits at 0.45 and NA LEE.
		const other = card({ number: reading('816266797044', 0.45), name: reading('NA LEE', 0.85), validThru: reading('11/28', 0.8) });
		const merged = withPassRival(kept, other);
		expect(merged.fields.name?.confidence).toBe(0.995);
		expect(merged.fields.validThru?.confidence).toBe(0.99);
		// The same number read by the other pass, in doubt but not deep doubt: it read the card, and its rival counts.
		const fair = card({ number: reading(NUMBER, 0.85), name: reading('YOUNGHA LEE', 0.92) });
		expect(withPassRival(kept, fair).fields.name?.confidence).toBe(0.85);
		// Neither pass read the number surely: the rival counts.
		const unsure = card({ ...kept.fields, number: reading(NUMBER, 0.6) });
		expect(withPassRival(unsure, other).fields.name?.confidence).toBe(0.85);
	});

	test('the same date the other pass read beside a date read in part elsewhere keeps that doubt', () => {
		// Independent seed 175: one reading saw the embossed 10/31 as "/", another as nothing, both took 05/26.
		const flagged = { ...reading('11/29', 0.85), partDateElsewhere: true as const };
		const merged = withPassRival(kept, card({ number: reading(NUMBER, 0.95), validThru: flagged }));
		expect(merged.fields.validThru).toMatchObject({ text: '11/29', confidence: 0.85, partDateElsewhere: true });
		// Not a pass that did not read the card, nor another date.
		expect(withPassRival(kept, card({ number: reading('816266797044', 0.45), validThru: flagged })).fields.validThru?.confidence).toBe(
			0.99,
		);
		const otherDate = { ...reading('05/26', 0.6), partDateElsewhere: true as const };
		expect(withPassRival(kept, card({ number: reading(NUMBER, 0.95), validThru: otherDate })).fields.validThru?.confidence).toBe(0.99);
	});
});

/** A box from its top-left corner, length and height, turned by `degrees` about that corner. */
function box(x: number, y: number, length: number, height: number, degrees = 0): Quad {
	const t = (degrees * Math.PI) / 180;
	const [c, s] = [Math.cos(t), Math.sin(t)];
	const at = (u: number, v: number) => ({ x: x + u * c - v * s, y: y + u * s + v * c });
	return [at(0, 0), at(length, 0), at(length, height), at(0, height)];
}
const placed = (text: string, confidence: number, quad: Quad): FieldReading => ({ text, confidence, box: quad, parts: [] });

describe('withWiderView, a date on a line of the card', () => {
	// Bench seed 2085's close-up: 09/32 at the end of LUIS FITZGERALD-SMYTHE's row, past the view
	// that held the name and the number.
	const name = placed('LUIS FITZGERALD-SMYTHE', 0.994, box(280, 640, 640, 60));
	const number = placed(NUMBER, 0.999, box(280, 735, 700, 65));
	const first = card({ number, name });
	const withDate = (date: FieldReading) => withWiderView(first, card({ number, name, validThru: date }))?.fields.validThru?.confidence;

	test("a date on the name's or the number's axis, as tall and as turned, is the card's own: reported as read", () => {
		expect(withDate(placed('09/32', 0.999, box(1370, 645, 110, 60)))).toBe(0.999);
		expect(withDate(placed('09/32', 0.999, box(1060, 750, 90, 35)))).toBe(0.999);
	});

	test('a date off the line, of another size or running another way stays in doubt: it may be off the card', () => {
		expect(withDate(placed('09/32', 0.999, box(1370, 700, 110, 60)))).toBeLessThan(0.9);
		expect(withDate(placed('09/32', 0.999, box(1370, 655, 60, 28)))).toBeLessThan(0.9);
		expect(withDate(placed('09/32', 0.999, box(1370, 610, 220, 130)))).toBeLessThan(0.9);
		expect(withDate(placed('09/32', 0.999, box(1370, 645, 110, 60, 15)))).toBeLessThan(0.9);
		expect(withDate(reading('09/32', 0.999))).toBeLessThan(0.9);
	});

	test('a name only the wider view found stays in doubt even on the number line: nothing vouches for it', () => {
		const numberOnly = card({ number });
		const merged = withWiderView(numberOnly, card({ number, name: placed('LUIS SMYTHE', 0.99, box(1060, 740, 300, 60)) }));
		expect(merged?.fields.name?.confidence).toBeLessThan(0.9);
	});

	test('only a line both views read the same, or a sure number, places the card', () => {
		const date = placed('09/32', 0.999, box(1370, 645, 110, 60));
		expect(onCardRow(date, [number, name])).toBe(true);
		expect(onCardRow(date, [number, undefined])).toBe(false);
		expect(onCardRow(date, [number, { ...name, confidence: 0.85 }])).toBe(false);
		const otherName = withWiderView(first, card({ number, name: { ...name, text: 'LUISFITZGERALD-SMYTHE' }, validThru: date }));
		expect(otherName?.fields.validThru?.confidence).toBeLessThan(0.9);
	});
});
