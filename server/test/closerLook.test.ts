/**
 * How surely the card pipeline reports a field its closer look found, or read clearly surer than the
 * first view did: no models, only the two views' readings.
 */
import { closerLookConfidence } from '../src/engine/cardPipeline';
import type { FieldReading } from '../src/engine/types';

const reading = (text: string, confidence: number): FieldReading => ({ text, confidence, box: null, parts: [] });
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
});
