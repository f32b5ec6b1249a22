import { lendingSplit } from '../src/engine/recognizeText';

// What the lent crops read like, and a pool's routing of them, are tested in engine.test.ts.
describe('lending recognition crops to an idle worker', () => {
	test('the lent share is the tail, a little under half of the padded work, and never all of it', () => {
		expect(lendingSplit([100, 100])).toBe(1);
		// Padded to 320 each: four crops split two and two.
		expect(lendingSplit([80, 200, 120, 300])).toBe(2);
		// A long number line is worth several short words.
		expect(lendingSplit([1200, 100, 100, 100])).toBe(1);
		expect(lendingSplit([100, 100, 100, 1200])).toBe(3);
		expect(lendingSplit([100, 100, 100, 100, 100])).toBe(3);
		expect(lendingSplit([500])).toBe(1);
	});
});
