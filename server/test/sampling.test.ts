/**
 * The samplers that turn an image into model inputs (no models needed): on an image whose colours
 * are linear in x and y, bilinear sampling is exact, so each plane's values and order are known.
 */
import type { RgbImage } from '../src/engine/decode';
import { detectorInput } from '../src/engine/detectText';
import { REC_HEIGHT, cropLine } from '../src/engine/recognizeText';
import type { Quad } from '../src/engine/types';

/** Red = x, green = 100, blue = 2y: every channel distinct, so a swapped plane shows. */
function gradient(width: number, height: number): RgbImage {
	const data = Buffer.alloc(width * height * 3);
	for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set([x, 100, 2 * y], (y * width + x) * 3);
	return { data, width, height };
}

const image = gradient(240, 120);

describe('cropLine', () => {
	const clamp = (v: number, most: number) => Math.min(most, Math.max(0, v));

	test.each([
		['one sample per pixel', 20.3, 5.6, 48],
		['2 x 2 samples per pixel', 20.3, 5.6, 72],
		['3 x 3 samples per pixel', 20.3, 5.6, 110],
		// Samples past the image take its edge pixel's colour.
		['a box running past the image', -10.4, -3.2, 48],
	])('samples a level box into BGR planes scaled to [-1, 1] (%s)', (_, x0, y0, boxHeight) => {
		const boxWidth = 100;
		const quad: Quad = [
			{ x: x0, y: y0 },
			{ x: x0 + boxWidth, y: y0 },
			{ x: x0 + boxWidth, y: y0 + boxHeight },
			{ x: x0, y: y0 + boxHeight },
		];
		const { pixels, width } = cropLine(image, quad);
		expect(width).toBe(Math.ceil((REC_HEIGHT * boxWidth) / boxHeight));
		const plane = REC_HEIGHT * width;
		const scaled = (v: number) => (v / 255 - 0.5) / 0.5;
		for (const [x, y] of [
			[0, 0],
			[width - 1, 0],
			[Math.floor(width / 2), 20],
			[3, REC_HEIGHT - 1],
			[width - 1, REC_HEIGHT - 1],
		]) {
			// The centre of crop pixel (x, y) in the image, where a pixel's colour sits at its centre.
			const sourceX = clamp(x0 + ((x + 0.5) * boxWidth) / width - 0.5, image.width - 1);
			const sourceY = clamp(y0 + ((y + 0.5) * boxHeight) / REC_HEIGHT - 0.5, image.height - 1);
			expect(pixels[y * width + x]).toBeCloseTo(scaled(2 * sourceY), 5);
			expect(pixels[plane + y * width + x]).toBeCloseTo(scaled(100), 5);
			expect(pixels[2 * plane + y * width + x]).toBeCloseTo(scaled(sourceX), 5);
		}
	});
});

describe('detectorInput', () => {
	const mean = [0.485, 0.456, 0.406];
	const std = [0.229, 0.224, 0.225];
	// Planes in BGR order, each with the statistics PaddleOCR applies to it.
	const normalised = (v: number, plane: number) => (v / 255 - mean[plane]) / std[plane];

	test.each([
		['at its own size', 240, 120],
		['halved', 120, 60],
		['to two thirds', 160, 80],
	])('resizes bilinearly into normalised BGR planes (%s)', (_, width, height) => {
		const input = detectorInput(image, width, height);
		const plane = width * height;
		expect(input).toHaveLength(3 * plane);
		for (const [x, y] of [
			[0, 0],
			[width - 1, 0],
			[17, height - 1],
			[Math.floor(width / 2), Math.floor(height / 2)],
		]) {
			const sourceX = Math.min(image.width - 1, Math.max(0, ((x + 0.5) * image.width) / width - 0.5));
			const sourceY = Math.min(image.height - 1, Math.max(0, ((y + 0.5) * image.height) / height - 0.5));
			expect(input[y * width + x]).toBeCloseTo(normalised(2 * sourceY, 0), 5);
			expect(input[plane + y * width + x]).toBeCloseTo(normalised(100, 1), 5);
			expect(input[2 * plane + y * width + x]).toBeCloseTo(normalised(sourceX, 2), 5);
		}
	});
});
