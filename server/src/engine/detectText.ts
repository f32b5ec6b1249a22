import type { OcrModels } from './models';

import type { Quad } from './types';
import type { RgbImage } from './decode';
import type { RotatedRect } from './geometry';
import type { RowSpans } from './geometry';
import { addToRowSpans, rectCorners, rowSpansRect } from './geometry';

/**
 * PaddleOCR's DB post-processing defaults for PP-OCRv4 detection. The input size is the caller's:
 * the card pipeline sizes each view so card text lands at a height the detector handles well.
 */
export const DET_SETTINGS = { threshold: 0.3, boxThreshold: 0.6, unclipRatio: 1.5, minSize: 3 };

const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

export interface TextBox {
	quad: Quad;
	score: number;
}

/**
 * Bilinear resize of RGB into the model's BGR, normalised, CHW tensor. Each column's source pixels
 * and weights are worked out once, not once per row: the same arithmetic, so the same floats.
 */
export function detectorInput(image: RgbImage, width: number, height: number): Float32Array {
	const out = new Float32Array(3 * width * height);
	const { data } = image;
	const sx = image.width / width;
	const sy = image.height / height;
	const plane = width * height;
	const left = new Int32Array(width);
	const right = new Int32Array(width);
	const towardsRight = new Float64Array(width);
	for (let x = 0; x < width; x++) {
		const fx = Math.min(image.width - 1, Math.max(0, (x + 0.5) * sx - 0.5));
		const x0 = Math.floor(fx);
		left[x] = x0 * 3;
		right[x] = Math.min(image.width - 1, x0 + 1) * 3;
		towardsRight[x] = fx - x0;
	}
	// Paddle models were trained on OpenCV's BGR order with these RGB statistics applied as-is:
	// red goes to the last plane with the last mean and deviation.
	const [meanB, meanG, meanR] = MEAN;
	const [stdB, stdG, stdR] = STD;
	for (let y = 0; y < height; y++) {
		const fy = Math.min(image.height - 1, Math.max(0, (y + 0.5) * sy - 0.5));
		const y0 = Math.floor(fy);
		const top = y0 * image.width * 3;
		const bottom = Math.min(image.height - 1, y0 + 1) * image.width * 3;
		const wy = fy - y0;
		const row = y * width;
		for (let x = 0; x < width; x++) {
			const wx = towardsRight[x];
			const i00 = top + left[x];
			const i01 = top + right[x];
			const i10 = bottom + left[x];
			const i11 = bottom + right[x];
			const r = (data[i00] * (1 - wx) + data[i01] * wx) * (1 - wy) + (data[i10] * (1 - wx) + data[i11] * wx) * wy;
			const g = (data[i00 + 1] * (1 - wx) + data[i01 + 1] * wx) * (1 - wy) + (data[i10 + 1] * (1 - wx) + data[i11 + 1] * wx) * wy;
			const b = (data[i00 + 2] * (1 - wx) + data[i01 + 2] * wx) * (1 - wy) + (data[i10 + 2] * (1 - wx) + data[i11 + 2] * wx) * wy;
			out[2 * plane + row + x] = (r / 255 - meanR) / stdR;
			out[plane + row + x] = (g / 255 - meanG) / stdG;
			out[row + x] = (b / 255 - meanB) / stdB;
		}
	}
	return out;
}

function modelSize(image: RgbImage, maxSide: number): { width: number; height: number } {
	const longest = Math.max(image.width, image.height);
	const ratio = longest > maxSide ? maxSide / longest : 1;
	const round32 = (v: number) => Math.max(32, Math.round((v * ratio) / 32) * 32);
	return { width: round32(image.width), height: round32(image.height) };
}

/**
 * Labels 4-connected regions above the threshold and returns the row spans and mean probability of
 * each that is large and sure enough to be a box. The fill keeps no per-pixel objects: a 1280 x 800
 * map of a dense card holds tens of thousands of text pixels, a scanned page thousands of specks.
 */
function boxRegions(prob: Float32Array, width: number, height: number): Array<{ spans: RowSpans; score: number }> {
	const { threshold, boxThreshold } = DET_SETTINGS;
	const labels = new Uint8Array(width * height);
	const found: Array<{ spans: RowSpans; score: number }> = [];
	// Pixels waiting to be visited, and the region's pixels in the order they were visited.
	const stack = new Int32Array(width * height);
	const members = new Int32Array(width * height);
	for (let start = 0; start < labels.length; start++) {
		if (labels[start] !== 0 || prob[start] <= threshold) continue;
		labels[start] = 1;
		let top = 0;
		let size = 0;
		let sum = 0;
		stack[top++] = start;
		while (top > 0) {
			const index = stack[--top];
			members[size++] = index;
			sum += prob[index];
			const x = index % width;
			// Left, right, up, down: the order the probabilities have always been summed in.
			if (x > 0 && labels[index - 1] === 0 && prob[index - 1] > threshold) {
				labels[index - 1] = 1;
				stack[top++] = index - 1;
			}
			if (x < width - 1 && labels[index + 1] === 0 && prob[index + 1] > threshold) {
				labels[index + 1] = 1;
				stack[top++] = index + 1;
			}
			if (index >= width && labels[index - width] === 0 && prob[index - width] > threshold) {
				labels[index - width] = 1;
				stack[top++] = index - width;
			}
			if (index < labels.length - width && labels[index + width] === 0 && prob[index + width] > threshold) {
				labels[index + width] = 1;
				stack[top++] = index + width;
			}
		}
		const score = sum / size;
		if (size < 4 || score < boxThreshold) continue;
		const spans: RowSpans = new Map();
		for (let i = 0; i < size; i++) {
			const x = members[i] % width;
			addToRowSpans(spans, x, (members[i] - x) / width);
		}
		found.push({ spans, score });
	}
	return found;
}

/** DB's unclip: grows the shrunk text kernel back by area x ratio / perimeter on every side. */
function unclip(rect: RotatedRect): RotatedRect {
	const area = rect.width * rect.height;
	const perimeter = 2 * (rect.width + rect.height);
	const d = (area * DET_SETTINGS.unclipRatio) / perimeter;
	return { ...rect, width: rect.width + 2 * d, height: rect.height + 2 * d };
}

/**
 * Largest detector run, in model pixels (its long and short side, turned with the image); larger
 * inputs run in overlapping tiles. onnxruntime's memory arena keeps the buffers of the largest input
 * a worker ran for the rest of its life: a 1920 x 1216 view held 556 MB more, a 1280 x 800 one 201
 * MB, and the finer first pass and the closer look make views that large on 12 MP photos and A4
 * scans; in tiles, a 1920 px view holds 250 MB. Card views up to this size run whole, as before: a
 * tile seam across a 19-digit number line (tiles of 896 px) split it in two. Tiles of one input
 * share one size (the arena reuses its buffers: tiles of unequal sizes held 90 MB more) and are as
 * few and as small as the overlaps allow (tiles of the full 1280 x 800 made close-ups 9% slower).
 */
const TILE_LONG = 1280;
const TILE_SHORT = 800;
/**
 * Model pixels each tile reaches past the part it keeps: DB's probability near a cut edge lacks the
 * context beyond it; text on cards is at most about 50 px high in the views the pipeline detects.
 */
const TILE_OVERLAP = 128;

/**
 * Tiles along one side: one size for all (as few as the overlaps allow, no larger than `most`),
 * where each starts and the part of the side it keeps. Starts are spread evenly; each kept part
 * ends halfway across its overlap with the next tile, at least TILE_OVERLAP from either cut edge.
 */
export function tilesAlong(side: number, most: number): { size: number; tiles: Array<{ start: number; keep: [number, number] }> } {
	if (side <= most) return { size: side, tiles: [{ start: 0, keep: [0, side] }] };
	const count = Math.ceil((side - 2 * TILE_OVERLAP) / (most - 2 * TILE_OVERLAP));
	// Sides are multiples of 32 (the model's stride), and so are tiles and their starts.
	const size = Math.min(most, Math.ceil((side + (count - 1) * 2 * TILE_OVERLAP) / count / 32) * 32);
	const starts = Array.from({ length: count }, (_, i) =>
		i === count - 1 ? side - size : Math.round((i * (side - size)) / (count - 1) / 32) * 32,
	);
	const cuts = starts.slice(1).map((start, i) => Math.round((start + starts[i] + size) / 2));
	return { size, tiles: starts.map((start, i) => ({ start, keep: [i === 0 ? 0 : cuts[i - 1], i === count - 1 ? side : cuts[i]] })) };
}

/** DB's text probability map for a CHW input, run whole or in tiles whose kept parts abut. */
async function textProbability(models: OcrModels, input: Float32Array, width: number, height: number): Promise<Float32Array> {
	const session = models.detector;
	const run = async (data: Float32Array, w: number, h: number) => {
		const output = await session.run({ [session.inputNames[0]]: new models.ort.Tensor('float32', data, [1, 3, h, w]) });
		return output[session.outputNames[0]].data as Float32Array;
	};
	const [tileWidth, tileHeight] = width >= height ? [TILE_LONG, TILE_SHORT] : [TILE_SHORT, TILE_LONG];
	if (width <= tileWidth && height <= tileHeight) return await run(input, width, height);
	const prob = new Float32Array(width * height);
	const plane = width * height;
	const across = tilesAlong(width, tileWidth);
	const down = tilesAlong(height, tileHeight);
	const [w, h] = [across.size, down.size];
	for (const { start: y0, keep: rows } of down.tiles) {
		for (const { start: x0, keep: columns } of across.tiles) {
			const tile = new Float32Array(3 * w * h);
			for (let c = 0; c < 3; c++)
				for (let y = 0; y < h; y++)
					tile.set(input.subarray(c * plane + (y0 + y) * width + x0, c * plane + (y0 + y) * width + x0 + w), c * w * h + y * w);
			const tileProb = await run(tile, w, h);
			for (let y = rows[0]; y < rows[1]; y++)
				prob.set(tileProb.subarray((y - y0) * w + columns[0] - x0, (y - y0) * w + columns[1] - x0), y * width + columns[0]);
		}
	}
	return prob;
}

/**
 * Finds text lines with PP-OCRv4's DB detector; quads are in the image's own pixel coordinates.
 * The image is scaled so its longer side is at most maxSide (rounded to the model's stride of 32).
 */
export async function detectText(models: OcrModels, image: RgbImage, maxSide = 736): Promise<TextBox[]> {
	const { width, height } = modelSize(image, maxSide);
	const prob = await textProbability(models, detectorInput(image, width, height), width, height);
	const scaleX = image.width / width;
	const scaleY = image.height / height;
	const boxes: TextBox[] = [];
	for (const region of boxRegions(prob, width, height)) {
		const kernel = rowSpansRect(region.spans);
		if (Math.min(kernel.width, kernel.height) < DET_SETTINGS.minSize) continue;
		const grown = unclip(kernel);
		if (grown.height < DET_SETTINGS.minSize + 2) continue;
		const quad = rectCorners(grown).map((p) => ({
			x: Math.min(image.width, Math.max(0, p.x * scaleX)),
			y: Math.min(image.height, Math.max(0, p.y * scaleY)),
		})) as Quad;
		boxes.push({ quad, score: region.score });
	}
	return boxes;
}
