import type { Quad } from './types';
import type { RgbImage } from './decode';
import type { RowSpans } from './geometry';
import { addToRowSpans, median, rectCorners, rowSpansRect } from './geometry';

/** How far a pixel's colour must be from the page's to count as part of something on it. */
const CONTRAST = 48;

/** The page colour: the per-channel median of the image border, where a scan shows bare glass or paper. */
function borderColour(image: RgbImage): [number, number, number] {
	const samples: number[][] = [[], [], []];
	const push = (x: number, y: number) => {
		const i = (y * image.width + x) * 3;
		for (let c = 0; c < 3; c++) samples[c].push(image.data[i + c]);
	};
	for (let x = 0; x < image.width; x++) {
		push(x, 0);
		push(x, image.height - 1);
	}
	for (let y = 0; y < image.height; y++) {
		push(0, y);
		push(image.width - 1, y);
	}
	return samples.map(median) as [number, number, number];
}

/**
 * The card as a solid shape on a plain background (a flatbed scan, a desk, a sheet of paper): the
 * largest blob that stands out from the border colour, fills its minimum-area rectangle and has
 * a card's proportions (ISO/IEC 7810 ID-1 is 85.6 x 54 mm, 1.59:1). Returns its corners, or null
 * when nothing in the image looks like that; text detection remains the primary way to find a card.
 */
export function findCardShape(image: RgbImage): Quad | null {
	const { width, height, data } = image;
	const bg = borderColour(image);
	const mask = new Uint8Array(width * height);
	for (let i = 0, p = 0; p < mask.length; p++, i += 3) {
		const d = Math.abs(data[i] - bg[0]) + Math.abs(data[i + 1] - bg[1]) + Math.abs(data[i + 2] - bg[2]);
		mask[p] = d > CONTRAST ? 1 : 0;
	}
	const labels = new Int32Array(width * height);
	const stack: number[] = [];
	let best: { quad: Quad; area: number } | null = null;
	let next = 0;
	for (let start = 0; start < mask.length; start++) {
		if (!mask[start] || labels[start]) continue;
		next += 1;
		labels[start] = next;
		stack.push(start);
		const spans: RowSpans = new Map();
		let area = 0;
		while (stack.length > 0) {
			const index = stack.pop() as number;
			const x = index % width;
			const y = (index - x) / width;
			area += 1;
			addToRowSpans(spans, x, y);
			if (x > 0 && mask[index - 1] && !labels[index - 1]) ((labels[index - 1] = next), stack.push(index - 1));
			if (x < width - 1 && mask[index + 1] && !labels[index + 1]) ((labels[index + 1] = next), stack.push(index + 1));
			if (y > 0 && mask[index - width] && !labels[index - width]) ((labels[index - width] = next), stack.push(index - width));
			if (y < height - 1 && mask[index + width] && !labels[index + width]) ((labels[index + width] = next), stack.push(index + width));
		}
		if (area < width * height * 0.005 || (best && area <= best.area)) continue;
		const rect = rowSpansRect(spans);
		const fill = area / (rect.width * rect.height);
		const aspect = rect.width / Math.max(1, rect.height);
		if (fill > 0.85 && aspect > 1.4 && aspect < 1.8) best = { quad: rectCorners(rect), area };
	}
	return best?.quad ?? null;
}
