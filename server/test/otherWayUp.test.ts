/**
 * Which way up a view is read when the direction classifier's way gave no sure number: no models,
 * only the two readings of the view.
 */
import { otherWayUpWins } from '../src/engine/cardPipeline';
import type { ExtractedFields } from '../src/engine/extractFields';
import type { FieldName, FieldReading } from '../src/engine/types';

const field = (text: string, confidence: number): FieldReading => ({ text, confidence, box: null, parts: [] });
type Reading = Pick<ExtractedFields, 'fields' | 'besideNumber'>;
const view = (fields: Partial<Record<FieldName, FieldReading>>, apart?: number): Reading => ({
	fields,
	...(apart !== undefined ? { besideNumber: { at: [], confidence: apart } } : {}),
});

const NUMBER = '5112705163704552';

describe('the other way up', () => {
	test('a sure number with a date and no fewer fields turns the view', () => {
		const first = view({ name: field('Should Whi', 0.8) });
		expect(otherWayUpWins(first, view({ number: field(NUMBER, 0.99), validThru: field('07/31', 0.7) }))).toBe(true);
		// No date beside it, or fewer fields than the first way up: not the card's reading.
		expect(otherWayUpWins(first, view({ number: field(NUMBER, 0.99) }))).toBe(false);
		const fuller = view({ number: field('4111111111111111', 0.5), validThru: field('01/29', 0.9), name: field('JOHN LEE', 0.9) });
		expect(otherWayUpWins(fuller, view({ number: field(NUMBER, 0.99), validThru: field('07/31', 0.99) }))).toBe(false);
	});

	test('where the first way up read no number, a number in doubt only for digits beside it turns the view beside a sure date (third-hand set 27)', () => {
		// An upside-down card on a printed page, turned the page's way: no number that way; the other way
		// read the number at 0.85 for the small BIN print under it, its date and name at 0.998.
		const first = view({ name: field('Should Whi', 0.8), validThru: field('10/20', 0.21) });
		const card = (date: number, apart?: number) =>
			view({ number: field(NUMBER, 0.85), validThru: field('07/31', date), name: field('CHRISTOPHER BAUMGARTNER', 0.998) }, apart);
		expect(otherWayUpWins(first, card(0.998, 0.999))).toBe(true);
		// The date in doubt too: no.
		expect(otherWayUpWins(first, card(0.8, 0.999))).toBe(false);
		// A number in doubt as read, or repaired by a runner-up digit (at most 0.85, nothing beside it):
		// a digit of nine makes almost any run of misread digits pass Luhn (a read-only review).
		expect(otherWayUpWins(first, card(0.998, 0.85))).toBe(false);
		expect(otherWayUpWins(first, card(0.998))).toBe(false);
		// Where the first way up read a number, even in doubt, only a sure one turns it.
		const withNumber = view({ number: field('4539148803436467', 0.52), validThru: field('03/27', 0.997) });
		expect(otherWayUpWins(withNumber, card(0.998, 0.999))).toBe(false);
	});
});
