/** How a detector input too large for one run is cut into tiles (no models needed). */
import { tilesAlong } from '../src/engine/detectText';

describe('tilesAlong', () => {
	test('a side that fits is one tile kept whole', () => {
		expect(tilesAlong(1280, 1280)).toEqual([{ start: 0, keep: [0, 1280] }]);
	});

	test.each([1312, 1600, 1920, 2496, 4000])('tiles of one size cover %i px, kept parts abutting away from cut edges', (side) => {
		const tile = 800;
		const tiles = tilesAlong(side, tile);
		expect(tiles[0].keep[0]).toBe(0);
		expect(tiles[tiles.length - 1].keep[1]).toBe(side);
		tiles.forEach(({ start, keep }, i) => {
			expect(start).toBeGreaterThanOrEqual(0);
			expect(start + tile).toBeLessThanOrEqual(side);
			expect(keep[0]).toBeLessThan(keep[1]);
			if (i > 0) {
				expect(keep[0]).toBe(tiles[i - 1].keep[1]);
				expect(keep[0] - start).toBeGreaterThanOrEqual(128);
			}
			if (i < tiles.length - 1) expect(start + tile - keep[1]).toBeGreaterThanOrEqual(128);
		});
	});
});
