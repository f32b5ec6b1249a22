/**
 * A name's rival letters across one card's readings (nameRivals.ts) and the doubt they put on the
 * name the card's reading ends with: no models, only readings.
 */
import type { CardReading } from '../src/engine/cardPipeline';
import { noteNameRival, readNameInDoubt, strongestNameRival } from '../src/engine/nameRivals';

const card = (name: string, confidence: number): CardReading => ({
	fields: { name: { text: name, confidence, box: null, parts: [] } },
	lines: [],
	rotationDeg: 0,
});

describe("rival letters across a card's readings", () => {
	test('outside a card reading nothing is noted', () => {
		noteNameRival('ANDREA NARTIN', 0.3);
		expect(strongestNameRival('ANDREA NARTIN')).toBe(0);
	});

	test('the strongest rival of any reading of the same letters counts, spaced or hyphened otherwise', async () => {
		await readNameInDoubt(async () => {
			noteNameRival('ANDREA NARTIN', 0.14);
			noteNameRival('ANDREANARTIN', 0.2);
			noteNameRival('ANDREA NARTIN', 0.01);
			noteNameRival('ANDREA MARTIN', 0.5);
			expect(strongestNameRival('Andrea Nartin')).toBe(0.2);
			expect(strongestNameRival('ANDREA-NARTIN')).toBe(0.2);
			expect(strongestNameRival('ANDREA MARTINA')).toBe(0);
			return card('ANDREA NARTIN', 0.99);
		});
	});

	test('two cards read at once keep their own ledgers', async () => {
		const tick = () => new Promise((resolve) => setImmediate(resolve));
		const read = (rival: number) =>
			readNameInDoubt(async () => {
				noteNameRival('JOHN SMITH', rival);
				await tick();
				await tick();
				return card('JOHN SMITH', 0.99);
			});
		const [first, second] = await Promise.all([read(0.3), read(0.05)]);
		expect([first.fields.name?.confidence, second.fields.name?.confidence]).toEqual([0.85, 0.99]);
	});

	test('the name a card ends with is held in doubt from 0.15 on; under it, or lower already, it keeps its confidence', async () => {
		const held = async (rival: number, confidence = 0.99, read = 'ANDREA NARTIN') =>
			(
				await readNameInDoubt(async () => {
					noteNameRival('ANDREA NARTIN', rival);
					return card(read, confidence);
				})
			).fields.name?.confidence;
		await expect(held(0.15)).resolves.toBe(0.85);
		await expect(held(0.149)).resolves.toBe(0.99);
		await expect(held(0.3, 0.6)).resolves.toBe(0.6);
		// A rival behind another name's letters says nothing of this one.
		await expect(held(0.3, 0.99, 'JOHN SMITH')).resolves.toBe(0.99);
	});
});
