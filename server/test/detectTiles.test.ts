/** How a detector input too large for one run is cut into tiles (no models needed); its sides are multiples of 32. */
import { tilesAlong } from '../src/engine/detectText';

describe('tilesAlong', () => {
	test('a side that fits is one tile kept whole', () => {
		expect(tilesAlong(1280, 1280)).toEqual({ size: 1280, tiles: [{ start: 0, keep: [0, 1280] }] });
	});

	test.each([
		[1312, 1280],
		[1600, 1280],
		[1920, 1280],
		[4032, 1280],
		[992, 800],
		[1216, 800],
		[2496, 800],
	])('tiles of one size, at most the limit, cover %i px (limit %i), kept parts abutting away from cut edges', (side, most) => {
		const { size, tiles } = tilesAlong(side, most);
		expect(size).toBeLessThanOrEqual(most);
		expect(size % 32).toBe(0);
		expect(tiles[0].keep[0]).toBe(0);
		expect(tiles[tiles.length - 1].keep[1]).toBe(side);
		tiles.forEach(({ start, keep }, i) => {
			expect(start % 32).toBe(0);
			expect(start).toBeGreaterThanOrEqual(0);
			expect(start + size).toBeLessThanOrEqual(side);
			expect(keep[0]).toBeLessThan(keep[1]);
			if (i > 0) {
				expect(keep[0]).toBe(tiles[i - 1].keep[1]);
				expect(keep[0] - start).toBeGreaterThanOrEqual(128);
			}
			if (i < tiles.length - 1) expect(start + size - keep[1]).toBeGreaterThanOrEqual(128);
		});
	});
});
