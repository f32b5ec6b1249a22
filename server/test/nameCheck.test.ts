/**
 * What the card pipeline makes of a name once its line is read again from crops reaching past the
 * line's ends: no models, only the two readings.
 */
import { afterNameCheck } from '../src/engine/cardPipeline';
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
