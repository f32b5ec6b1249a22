import { readFileSync } from 'fs';
import { decodeImage } from '../src/engine/decode';
import { loadModels } from '../src/engine/models';
import { cropLine, readCrop } from '../src/engine/recognizeText';
import { encodedImage } from './encodedImage';

async function main(): Promise<void> {
	const [file, ...nums] = process.argv.slice(2);
	const [x0, y0, x1, y1, x2, y2, x3, y3] = nums.map(Number);
	const models = await loadModels({ intraOpThreads: 1 });
	const image = await decodeImage(encodedImage(readFileSync(file), file));
	const quad = [{ x: x0, y: y0 }, { x: x1, y: y1 }, { x: x2, y: y2 }, { x: x3, y: y3 }] as const;
	for (const stretch of [1, 1.15, 1.3, 1.5]) {
		const crop = cropLine(image, [...quad] as never);
		// stretch: resample the crop horizontally
		const w = Math.round(crop.width * stretch);
		const px = new Float32Array(3 * 48 * w);
		for (let c = 0; c < 3; c++) for (let y = 0; y < 48; y++) for (let x = 0; x < w; x++) {
			const sx = Math.min(crop.width - 1, (x + 0.5) / stretch - 0.5);
			const a = Math.max(0, Math.floor(sx)); const b = Math.min(crop.width - 1, a + 1); const f = Math.max(0, sx - a);
			const base = c * 48 * crop.width + y * crop.width;
			px[c * 48 * w + y * w + x] = crop.pixels[base + a] * (1 - f) + crop.pixels[base + b] * f;
		}
		const chars = await readCrop(models, { pixels: px, width: w });
		console.log(stretch, chars.map((c) => c.char).join(''), chars.map((c) => `${c.char}${c.prob.toFixed(2)}a${c.apostropheBefore.toFixed(2)}`).join(' '));
	}
}
main();
