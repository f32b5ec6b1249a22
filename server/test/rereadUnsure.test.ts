/**
 * How the card pipeline merges a field read again from crops of other heights: no models, only the
 * readings each crop gave.
 */
import { rereadUnsure } from '../src/engine/cardPipeline';
import type { CardFields, DateLabel } from '../src/engine/types';

const name = (text: string, confidence: number): CardFields => ({ name: { text, confidence, box: null, parts: [] } });

const date = (text: string, confidence: number, label?: DateLabel): CardFields => ({
	validThru: { text, confidence, box: null, parts: [], ...(label ? { label } : {}) },
});

/** A date whose month was read as one digit (1/33 as 01/33). */
const short = (text: string, confidence: number): CardFields => ({
	validThru: { text, confidence, box: null, parts: [], shortMonth: true },
});

/** A date read by a crop that read other dates beside it. */
const beside = (text: string, confidence: number, otherDates: string[], label?: DateLabel): CardFields => ({
	validThru: { text, confidence, box: null, parts: [], otherDates, ...(label ? { label } : {}) },
});

/** A date read with digits beside it that no date took. */
const withDigits = (text: string, confidence: number, label?: DateLabel): CardFields => ({
	validThru: { text, confidence, box: null, parts: [], digitsBeside: true, ...(label ? { label } : {}) },
});

/** The first crop's reading, then one per crop height tried again. */
async function merge(first: CardFields, ...again: CardFields[]) {
	return await rereadUnsure(first, async (grows) => grows.map((_, k) => again[k] ?? {}));
}

describe('rereadUnsure', () => {
	test('a number joined past page text keeps that doubt alone only where the crops agreed (a read-only review)', async () => {
		const joined = (text: string, confidence: number): CardFields => ({
			number: { text, confidence, box: null, parts: [], joinedPastText: true },
		});
		const agreed = await merge(joined('4539148803436467', 0.85), joined('4539148803436467', 0.85), {});
		expect(agreed.number?.joinedPastText).toBe(true);
		// A crop that read another number surely is a doubt of its own: a closer view must not clear it.
		const other: CardFields = { number: { text: '4111111111111111', confidence: 0.97, box: null, parts: [] } };
		const rival = await merge(joined('4539148803436467', 0.85), other, joined('4539148803436467', 0.85));
		expect([rival.number?.text, rival.number?.joinedPastText]).toEqual(['4539148803436467', undefined]);
	});

	test('one sure crop does not clear a date another crop, agreeing, hardly believed', async () => {
		// OCR-A embossed 05/31: the detector's crop read the last digit as 3 at 0.3, a taller crop read 05/33 surely.
		const fields = await merge(date('05/33', 0.488), date('05/33', 0.93), {});
		expect(fields.validThru?.text).toBe('05/33');
		expect(fields.validThru?.confidence).toBeLessThan(0.9);
	});

	test('one sure crop clears a date the others read only a little unsure', async () => {
		const fields = await merge(date('10/31', 0.85), date('10/31', 0.97), {});
		expect(fields.validThru).toMatchObject({ text: '10/31', confidence: 0.97 });
	});

	test('crops that agree with an unsure first reading and read it surely make it sure', async () => {
		const fields = await merge(date('10/31', 0.8), date('10/31', 0.99), date('10/31', 0.97));
		expect(fields.validThru).toMatchObject({ text: '10/31', confidence: 0.99 });
	});

	test('a surer crop does not clear the doubt of the first reading when another crop read otherwise', async () => {
		// The first crop saw digits beside the date; one crop read them as a single digit, the other as another date.
		const fields = await merge(date('10/31', 0.85), date('10/31', 0.99), date('11/34', 0.4));
		expect(fields.validThru?.text).toBe('10/31');
		expect(fields.validThru?.confidence).toBeLessThan(0.9);
	});

	test('a first reading that another crop corrected is no doubt of its own (69/29 read again as 09/29)', async () => {
		const fields = await merge(date('69/29', 0.4), date('09/29', 0.99), date('09/29', 0.4));
		expect(fields.validThru).toMatchObject({ text: '09/29', confidence: 0.99 });
	});

	test('a first reading that was sure keeps the surest agreeing reading beside a faint dissent', async () => {
		const fields = await merge(date('10/31', 0.95), date('10/31', 0.99), date('11/34', 0.4));
		expect(fields.validThru?.confidence).toBe(0.99);
	});

	test('a VALID read cut short before the date is not cleared by a crop that read no label there', async () => {
		// Seed 2053: VALID FROM read VAUID in two crops, FRUIP in the third, which read 08/24 at 0.995.
		const fields = await merge(date('08/24', 0.85, 'cutValid'), date('08/24', 0.85, 'cutValid'), date('08/24', 0.995));
		expect(fields.validThru?.text).toBe('08/24');
		expect(fields.validThru?.confidence).toBeLessThan(0.9);
	});

	test('a date a crop read under a decoy label stays in doubt, however sure the crops that missed the label (third-hand seed 56)', async () => {
		// ISSUED 11/25: the first crop read its label, two others "ISSUER", and a MONTH/YEAR beside it took it for the expiry.
		const merged = await merge(date('11/25', 0.8, 'decoy'), date('11/25', 0.98, 'expiry'), date('11/25', 0.96, 'expiry'));
		expect(merged.validThru).toMatchObject({ text: '11/25', confidence: 0.85 });
		// Without the decoy's crop, the same crops make it sure.
		expect((await merge(date('11/25', 0.8), date('11/25', 0.98, 'expiry'), date('11/25', 0.96, 'expiry'))).validThru?.confidence).toBe(
			0.98,
		);
	});

	test('a VALID read cut short is cleared by a crop that read the expiry label whole', async () => {
		const fields = await merge(date('03/31', 0.85, 'cutValid'), date('03/31', 0.99, 'expiry'), {});
		expect(fields.validThru).toMatchObject({ text: '03/31', confidence: 0.99 });
	});

	test('an earlier date two crops read surely stays in doubt beside a later date the first crop read', async () => {
		// Seed 2059: the detector's crop read VALID FROM 04/27 and the expiry 10/30 (chosen, 0.62); two
		// crops read 10/30 as 10730, so only 04/27, surely. The latest date is the expiry.
		const fields = await merge(date('10/30', 0.621), date('04/27', 0.929), date('04/27', 0.961));
		expect(fields.validThru?.confidence).toBeLessThan(0.9);
		// An earlier rival casts no such doubt.
		expect((await merge(date('04/27', 0.621), date('10/30', 0.929), date('10/30', 0.961))).validThru?.confidence).toBe(0.961);
	});

	test('a name the vote ran into one word takes the word gaps a crop read in the same letters, in doubt', async () => {
		// Seed 2085: MEI JONES in a proportional font read MEIJONES by two crops of three.
		const fields = await merge(name('MEIJONES', 0.6), name('MEI JONES', 0.8), name('MEIJONES', 0.65));
		expect(fields.name?.text).toBe('MEI JONES');
		expect(fields.name?.confidence).toBeLessThan(0.9);
		// Only the same letters: a crop that read other letters with a gap is no such reading.
		expect((await merge(name('MEIJONES', 0.6), name('MEI JONAS', 0.8), name('MEIJONES', 0.65))).name?.text).toBe('MEIJONES');
		// A name of two words or more keeps the vote's reading (a gap one crop read inside a word).
		expect((await merge(name('ANNA LEE', 0.95), name('AN NA LEE', 0.8), name('ANNA LEE', 0.97))).name?.text).toBe('ANNA LEE');
		// Split three ways by different crops, the likelier split wins.
		const three = await merge(name('MILESDABRUGGE', 0.65), name('MILES DABRUGGE', 0.6), name('MILES DA BRUGGE', 0.62));
		expect(three.name?.text).toBe('MILES DA BRUGGE');
	});

	test("an apostrophe one crop read inside a word the others ran over is the name's, in doubt", async () => {
		// Independent seed 137: PRIYA DELL'ACQUA read DELLACQUA by the two crops the vote went to.
		const fields = await merge(name('PRIYA DELLACQUA', 0.8), name("PRIYA DELL'ACQUA", 0.85), name('PRIYA DELLACQUA', 0.8));
		expect(fields.name?.text).toBe("PRIYA DELL'ACQUA");
		expect(fields.name?.confidence).toBeLessThan(0.9);
		// Not one that stands for a word gap the others read (PAUL'ST JOHN for PAUL ST JOHN).
		expect((await merge(name('PAUL ST JOHN', 0.8), name("PAUL'ST JOHN", 0.85), name('PAUL ST JOHN', 0.8))).name?.text).toBe('PAUL ST JOHN');
	});

	test('a mark is not taken over a name a crop read surely, nor from a reading too faint to be a rival', async () => {
		// A sure crop saw no trace of an apostrophe there: AN'NA is a speck, not a mark.
		expect((await merge(name('ANNA LEE', 0.97), name("AN'NA LEE", 0.3), name('ANNA LEE', 0.96))).name).toMatchObject({
			text: 'ANNA LEE',
			confidence: 0.97,
		});
		expect((await merge(name('THOMPSON', 0.55), name('THOMP SON', 0.2), name('THOMPSON', 0.55))).name?.text).toBe('THOMPSON');
	});

	test('a vote that kept one mark still takes the one it ran over', async () => {
		expect((await merge(name("KWAMEO'HARA", 0.6), name("KWAME O'HARA", 0.8), name("KWAMEO'HARA", 0.6))).name?.text).toBe("KWAME O'HARA");
		expect((await merge(name("DARCY O'NEIL", 0.8), name("D'ARCY O'NEIL", 0.85), name("DARCY O'NEIL", 0.8))).name?.text).toBe(
			"D'ARCY O'NEIL",
		);
		// Never the other way: a reading with fewer marks does not replace the vote's.
		expect((await merge(name("D'ARCY O'NEIL", 0.8), name("DARCY O'NEIL", 0.85), name("D'ARCY O'NEIL", 0.8))).name?.text).toBe(
			"D'ARCY O'NEIL",
		);
	});

	test('a date read in part elsewhere by one crop keeps the chosen date in doubt where the other crops read that box as nothing', async () => {
		// Independent seed 175: the crop at 0.88 of the box's height read the "/" of the embossed 10/31 as nothing.
		const besidePart: CardFields = { validThru: { text: '05/26', confidence: 0.85, box: null, parts: [], partDateElsewhere: true } };
		const fields = await merge(besidePart, date('05/26', 0.999), date('05/26', 0.999));
		expect(fields.validThru?.text).toBe('05/26');
		expect(fields.validThru?.confidence).toBeLessThan(0.9);
		expect(fields.validThru?.partDateElsewhere).toBe(true);
	});

	test('larger digits one crop read beside the date keep it in doubt where the other crops read none', async () => {
		// Bench seed 2095: only the detector's crop read the embossed expiry's "03" beside the small 04/28.
		const besideLarger: CardFields = { validThru: { text: '04/28', confidence: 0.85, box: null, parts: [], largerPrintBeside: true } };
		const fields = await merge(besideLarger, date('04/28', 0.993), date('04/28', 0.99));
		expect(fields.validThru?.text).toBe('04/28');
		expect(fields.validThru?.confidence).toBeLessThan(0.9);
	});

	test('a name one crop set apart from a page line stays in doubt where another crop read it surely (a fifth read-only review)', async () => {
		const apart: CardFields = { name: { text: 'HOME DEPOT', confidence: 0.85, box: null, parts: [], pageSetApart: true } };
		const fields = await merge(apart, name('HOME DEPOT', 0.996), name('HOME DEPOT', 0.85));
		expect(fields.name).toMatchObject({ text: 'HOME DEPOT', pageSetApart: true, confidence: 0.85 });
	});

	test('a hyphen one crop saw in the name keeps it in doubt where the other crops did not see it', async () => {
		// Third-hand probe seed 3: SOO JIN KIM for SOO-JIN KIM, the hyphen class at 0.10 in one crop's gap, 0.01-0.02 in the others'.
		const seen: CardFields = { name: { text: 'SOO JIN KIM', confidence: 0.8, box: null, parts: [], markSeen: true } };
		const fields = await merge(seen, name('SOO JIN KIM', 0.996), name('SOO JIN KIM', 0.995));
		expect(fields.name).toMatchObject({ text: 'SOO JIN KIM', markSeen: true });
		expect(fields.name?.confidence).toBeLessThan(0.9);
		expect(
			(await merge(name('SOO JIN KIM', 0.8), name('SOO JIN KIM', 0.996), name('SOO JIN KIM', 0.995))).name?.confidence,
		).toBeGreaterThanOrEqual(0.9);
	});

	test('crops that read a month as one digit vote with a crop that read it whole', async () => {
		// Independent seed 207: GOOD THRU 11/33 read "1/33" by two crops and "11/33" by the third.
		const fields = await merge(short('01/33', 0.585), short('01/33', 0.585), date('11/33', 0.575));
		expect(fields.validThru?.text).toBe('11/33');
		expect(fields.validThru?.confidence).toBeLessThan(0.9);
		expect(fields.validThru?.partReadByCrops).toBe(true);
		// 12/33 holds the 1 as well; 03/33 and another year's 11/32 do not.
		expect((await merge(short('01/33', 0.585), short('01/33', 0.585), date('12/33', 0.575))).validThru?.text).toBe('12/33');
		expect((await merge(short('01/33', 0.585), short('01/33', 0.585), date('03/33', 0.575))).validThru?.text).toBe('01/33');
		expect((await merge(short('01/33', 0.585), short('01/33', 0.585), date('11/32', 0.575))).validThru?.text).toBe('01/33');
		// Only a one-digit month is short of a digit: 01/33 read whole twice is not 11/33.
		expect((await merge(date('01/33', 0.585), date('01/33', 0.585), date('11/33', 0.575))).validThru?.text).toBe('01/33');
	});

	test('a month read as one digit votes only for a month a card prints, read at even odds, and not against its own text read whole', async () => {
		// A read-only review: 05/33 read "5/33" twice and 85/33 once (no month), 01/33 twice and 71/33 once.
		expect((await merge(short('05/33', 0.8), short('05/33', 0.8), date('85/33', 0.4))).validThru?.text).toBe('05/33');
		expect((await merge(short('01/33', 0.8), short('01/33', 0.8), date('71/33', 0.4))).validThru?.text).toBe('01/33');
		// A faint 11/33 does not take two sure readings of 1/33.
		expect((await merge(short('01/33', 0.8), short('01/33', 0.8), date('11/33', 0.26))).validThru?.text).toBe('01/33');
		// A crop that read 01/33 whole says the month's other digit was a 0.
		expect((await merge(short('01/33', 0.8), date('01/33', 0.45), date('11/33', 0.5))).validThru?.text).toBe('01/33');
	});

	test('a month read whole that a crop read as one digit stays in doubt, however sure the whole readings', async () => {
		// The crop that read 1/27 may have lost a 0 (01/27) that the others misread as a 1.
		const agreed = await merge(short('01/27', 0.8), date('11/27', 0.97), date('11/27', 0.96));
		expect(agreed.validThru?.text).toBe('11/27');
		expect(agreed.validThru?.confidence).toBeLessThan(0.9);
		// A crop read the month whole surely: a closer view that reads it so beside its label may clear the doubt.
		expect(agreed.validThru?.partReadByCrops).toBeUndefined();
		expect((await merge(date('11/27', 0.8), date('11/27', 0.97), date('11/27', 0.96))).validThru?.confidence).toBeGreaterThanOrEqual(0.9);
		// A crop that read the one digit as 11, for a 1's stroke seen before it, is the same doubt.
		const rebuilt = await merge(short('11/27', 0.8), date('11/27', 0.97), date('11/27', 0.96));
		expect(rebuilt.validThru?.text).toBe('11/27');
		expect(rebuilt.validThru?.confidence).toBeLessThan(0.9);
		const alone = await merge(short('11/27', 0.8), date('11/27', 0.7), date('11/27', 0.75));
		expect(alone.validThru?.partReadByCrops).toBe(true);
		// A short month of another digit read as such votes as itself, as before.
		expect((await merge(short('02/27', 0.8), date('02/27', 0.97), date('02/27', 0.96))).validThru?.confidence).toBeGreaterThanOrEqual(0.9);
	});

	test('a crop that read two dates and took the later outweighs crops that read only the earlier', async () => {
		// Bench seed 2207: VALID FROM 01/20 and VALID THRU 08/23 in small OCR-A, labels unread: "01/20 823" in
		// two crops, "01/20 8/23" in the third.
		const fields = await merge(withDigits('01/20', 0.8), beside('08/23', 0.61, ['01/20']), withDigits('01/20', 0.8));
		expect(fields.validThru?.text).toBe('08/23');
		expect(fields.validThru?.confidence).toBeLessThan(0.9);
		// Marked with the date it was taken over, for a closer view that reads both (closerLookConfidence).
		expect(fields.validThru?.laterThan).toBe('01/20');
		// Not an earlier date, a crop that did not read the voted date, a faint one, or one read beside a decoy label.
		expect((await merge(withDigits('08/23', 0.8), beside('01/20', 0.61, ['08/23']), withDigits('08/23', 0.8))).validThru?.text).toBe(
			'08/23',
		);
		expect((await merge(withDigits('01/20', 0.8), date('08/23', 0.61), withDigits('01/20', 0.8))).validThru?.text).toBe('01/20');
		expect((await merge(withDigits('01/20', 0.8), beside('08/23', 0.45, ['01/20']), withDigits('01/20', 0.8))).validThru?.text).toBe(
			'01/20',
		);
		expect(
			(await merge(withDigits('01/20', 0.8), beside('08/23', 0.5, ['01/20'], 'decoy'), withDigits('01/20', 0.8))).validThru?.text,
		).toBe('01/20');
	});

	test('a date read surely beside its expiry label outweighs crops that read another only beside a decoy label', async () => {
		// Bench seed 2227: VALID FROM 05/30 at 0.5 in two crops, VALID THRU 04/34 at 0.954 in the third.
		const fields = await merge(date('05/30', 0.5, 'decoy'), date('04/34', 0.954, 'expiry'), date('05/30', 0.5, 'decoy'));
		expect(fields.validThru?.text).toBe('04/34');
		expect(fields.validThru?.confidence).toBeLessThan(0.9);
		expect(fields.validThru?.laterThan).toBe('05/30');
		// Not one read in doubt, nor over a crop that read the voted date with no decoy label.
		expect((await merge(date('05/30', 0.5, 'decoy'), date('04/34', 0.85, 'expiry'), date('05/30', 0.5, 'decoy'))).validThru?.text).toBe(
			'05/30',
		);
		expect((await merge(date('05/30', 0.5, 'decoy'), date('04/34', 0.954, 'expiry'), date('05/30', 0.8))).validThru?.text).toBe('05/30');
		// Nor an expiry before the decoy's date: a misread (a read-only review).
		expect((await merge(date('08/27', 0.8, 'decoy'), date('08/22', 0.95, 'expiry'), date('08/27', 0.8, 'decoy'))).validThru?.text).toBe(
			'08/27',
		);
	});

	test('a crop that read two dates does not overrule crops that read the earlier with no digits beside it', async () => {
		// A read-only review: VALID FROM 03/21 misread 03/27 by one crop, which took it over VALID THRU 03/25.
		expect((await merge(date('03/25', 0.8), beside('03/27', 0.6, ['03/25']))).validThru?.text).toBe('03/25');
		expect((await merge(date('03/25', 0.95), date('03/25', 0.99), beside('03/27', 0.6, ['03/25']))).validThru?.text).toBe('03/25');
	});

	test('a crop that read two dates does not overrule a date read beside its own label', async () => {
		const fields = await merge(withDigits('01/20', 0.8, 'expiry'), beside('08/23', 0.61, ['01/20']), withDigits('01/20', 0.8));
		expect(fields.validThru?.text).toBe('01/20');
	});

	test('a crop that read two dates does not overrule crops that read two dates as well', async () => {
		// Bench seed 2201: an issue date 09/24 chosen beside VALID FROM 10/23 read whole, and by the third
		// crop beside 10/70; the second read 10/23 as 10/28 and took it.
		const fields = await merge(
			{ validThru: { text: '09/24', confidence: 0.85, box: null, parts: [], otherDates: ['10/23'], digitsBeside: true } },
			beside('10/28', 0.501, ['09/24']),
			{ validThru: { text: '09/24', confidence: 1, box: null, parts: [], otherDates: ['10/70'], digitsBeside: true } },
		);
		expect(fields.validThru?.text).toBe('09/24');
	});
});
