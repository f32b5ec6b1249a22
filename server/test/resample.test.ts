/**
 * warpRgb: a view rendered from the source through an affine map, bilinear, supersampled when it
 * shrinks, with the background where it falls outside.
 */
import { warpRgb } from '../src/engine/resample';

/** A 4 x 3 image whose red is 10x + 40y, green 200 - red, blue 7. */
const SOURCE = (() => {
	const width = 4;
	const height = 3;
	const data = Buffer.alloc(width * height * 3);
	for (let y = 0; y < height; y++)
		for (let x = 0; x < width; x++) {
			const i = (y * width + x) * 3;
			data[i] = 10 * x + 40 * y;
			data[i + 1] = 200 - data[i];
			data[i + 2] = 7;
		}
	return { data, width, height };
})();

const pixel = (image: { data: Buffer; width: number }, x: number, y: number) => [
	...image.data.subarray((y * image.width + x) * 3, (y * image.width + x) * 3 + 3),
];

describe('warpRgb', () => {
	test('the identity map gives the source back', () => {
		const view = warpRgb(SOURCE, { a: 1, b: 0, c: 0, d: 0, e: 1, f: 0 }, 4, 3);
		expect(view.data.equals(SOURCE.data)).toBe(true);
	});

	test('half a pixel over, each channel is the mean of its two neighbours; past the edge, the edge pixel', () => {
		const view = warpRgb(SOURCE, { a: 1, b: 0, c: 0.5, d: 0, e: 1, f: 0 }, 4, 3);
		expect(pixel(view, 0, 1)).toEqual([45, 155, 7]);
		expect(pixel(view, 2, 2)).toEqual([105, 95, 7]);
		// x = 3.5 lies on the last column's outer half: clamped to it, inside the image.
		expect(pixel(view, 3, 0)).toEqual([30, 170, 7]);
	});

	test('a view twice as small is supersampled 2 x 2 (a box mean); samples outside count as background', () => {
		const view = warpRgb(SOURCE, { a: 2, b: 0, c: 0, d: 0, e: 2, f: 0 }, 2, 2, 255);
		// The first view pixel's four samples fall on source pixels (0, 0), (1, 0), (0, 1) and (1, 1).
		expect(pixel(view, 0, 0)).toEqual([25, 175, 7]);
		// The lower row's samples fall on source rows 2 and 3; row 3 is past the source: background there.
		expect(pixel(view, 0, 1)).toEqual([(80 + 90 + 2 * 255) / 4, (120 + 110 + 2 * 255) / 4, (7 + 7 + 2 * 255) / 4]);
	});
});
