import type { Quad } from './types';
import type { RgbImage } from './decode';
import { distance, quadHeight } from './geometry';
import type { OcrModels } from './models';
import { REC_HEIGHT, cropLine } from './recognizeText';

const CLS_WIDTH = 192;

/**
 * The direction text runs in, in radians within (-pi/2, pi/2]: the length-weighted axial mean of
 * the elongated boxes. Axial because a box says which line the text is on, not which way it reads;
 * that is the classifier's job.
 */
export function dominantTextAngle(quads: Quad[]): number {
	let sx = 0;
	let sy = 0;
	for (const [tl, tr, , bl] of quads) {
		const length = distance(tl, tr);
		const height = distance(tl, bl);
		if (length < height * 1.8) continue;
		const angle = Math.atan2(tr.y - tl.y, tr.x - tl.x);
		sx += length * Math.cos(2 * angle);
		sy += length * Math.sin(2 * angle);
	}
	if (sx === 0 && sy === 0) return 0;
	return Math.atan2(sy, sx) / 2;
}

/**
 * Probability that text in these quads (read tl -> tr) is upside down, from PaddleOCR's direction
 * classifier over the longest crops, weighted by their length: one crop can be fooled by a logo,
 * a card's worth of lines rarely is.
 */
export async function upsideDownProbability(models: OcrModels, source: RgbImage, quads: Quad[], maxCrops = 8): Promise<number> {
	const chosen = [...quads].sort((a, b) => distance(b[0], b[1]) - distance(a[0], a[1])).slice(0, maxCrops);
	if (chosen.length === 0) return 0;
	const plane = REC_HEIGHT * CLS_WIDTH;
	const input = new Float32Array(chosen.length * 3 * plane);
	chosen.forEach((quad, b) => {
		const { pixels, width } = cropLine(source, quad, CLS_WIDTH);
		for (let c = 0; c < 3; c++) {
			for (let y = 0; y < REC_HEIGHT; y++) {
				input.set(
					pixels.subarray(c * REC_HEIGHT * width + y * width, c * REC_HEIGHT * width + (y + 1) * width),
					b * 3 * plane + c * plane + y * CLS_WIDTH,
				);
			}
		}
	});
	const session = models.classifier;
	const output = await session.run({
		[session.inputNames[0]]: new models.ort.Tensor('float32', input, [chosen.length, 3, REC_HEIGHT, CLS_WIDTH]),
	});
	const probs = output[session.outputNames[0]].data as Float32Array;
	let weighted = 0;
	let total = 0;
	chosen.forEach((quad, b) => {
		const weight = Math.min(distance(quad[0], quad[1]) / Math.max(1, quadHeight(quad)), 8);
		weighted += weight * probs[b * 2 + 1];
		total += weight;
	});
	return weighted / total;
}
