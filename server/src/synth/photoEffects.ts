import sharp from 'sharp';

import type { Point } from '../protocol';
import { between } from './random';

/** Solves the homography mapping 4 source points onto 4 destination points (8x8 Gaussian elimination). */
export function homography(src: Point[], dst: Point[]): number[] {
	const a: number[][] = [];
	for (let i = 0; i < 4; i++) {
		const { x, y } = src[i];
		const { x: u, y: v } = dst[i];
		a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
		a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
	}
	for (let col = 0; col < 8; col++) {
		let pivot = col;
		for (let row = col + 1; row < 8; row++) if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) pivot = row;
		[a[col], a[pivot]] = [a[pivot], a[col]];
		for (let row = 0; row < 8; row++) {
			if (row === col) continue;
			const factor = a[row][col] / a[col][col];
			for (let k = col; k < 9; k++) a[row][k] -= factor * a[col][k];
		}
	}
	const h = a.map((row, i) => row[8] / row[i]);
	return [...h, 1];
}

function apply(h: number[], x: number, y: number): Point {
	const w = h[6] * x + h[7] * y + h[8];
	return { x: (h[0] * x + h[1] * y + h[2]) / w, y: (h[3] * x + h[4] * y + h[5]) / w };
}

export interface PhotoOptions {
	rotationDeg: number;
	/** Corner displacement as a fraction of card width. */
	perspective: number;
	blurSigma: number;
	noiseSigma: number;
	glare: number;
	jpegQuality: number;
	/** Card width as a fraction of the photo width. */
	cardScale: number;
}

/** The photo's RGB background: a lit table-top gradient with grain. */
function background(random: () => number, width: number, height: number): Buffer {
	const data = Buffer.alloc(width * height * 3);
	const base = [between(random, 60, 200), between(random, 60, 200), between(random, 60, 200)];
	const gx = between(random, -0.3, 0.3);
	const gy = between(random, -0.3, 0.3);
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			const shade = 1 + gx * (x / width - 0.5) + gy * (y / height - 0.5);
			const i = (y * width + x) * 3;
			for (let c = 0; c < 3; c++) data[i + c] = Math.max(0, Math.min(255, base[c] * shade + (random() - 0.5) * 12));
		}
	}
	return data;
}

/**
 * Turns a flat card into a phone photo: rotated and tilted on a table, glare, blur, sensor noise
 * and JPEG compression. Returns JPEG bytes.
 */
export async function photograph(cardPng: Buffer, options: PhotoOptions, random: () => number): Promise<Buffer> {
	const { data: card, info } = await sharp(cardPng).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
	const cw = info.width;
	const ch = info.height;
	const width = Math.round(cw / options.cardScale);
	const height = Math.round(width * between(random, 0.7, 0.8));
	const out = background(random, width, height);

	const angle = (options.rotationDeg * Math.PI) / 180;
	const cx = width / 2 + between(random, -0.05, 0.05) * width;
	const cy = height / 2 + between(random, -0.05, 0.05) * height;
	const corners = [
		{ x: 0, y: 0 },
		{ x: cw, y: 0 },
		{ x: cw, y: ch },
		{ x: 0, y: ch },
	];
	const dst = corners.map((p) => {
		const dx = p.x - cw / 2 + between(random, -1, 1) * options.perspective * cw;
		const dy = p.y - ch / 2 + between(random, -1, 1) * options.perspective * cw;
		return { x: cx + dx * Math.cos(angle) - dy * Math.sin(angle), y: cy + dx * Math.sin(angle) + dy * Math.cos(angle) };
	});
	const inverse = homography(dst, corners);
	const minX = Math.max(0, Math.floor(Math.min(...dst.map((p) => p.x))));
	const maxX = Math.min(width - 1, Math.ceil(Math.max(...dst.map((p) => p.x))));
	const minY = Math.max(0, Math.floor(Math.min(...dst.map((p) => p.y))));
	const maxY = Math.min(height - 1, Math.ceil(Math.max(...dst.map((p) => p.y))));
	for (let y = minY; y <= maxY; y++) {
		for (let x = minX; x <= maxX; x++) {
			const s = apply(inverse, x + 0.5, y + 0.5);
			const sx = s.x - 0.5;
			const sy = s.y - 0.5;
			if (sx < 0 || sy < 0 || sx >= cw - 1 || sy >= ch - 1) continue;
			const x0 = Math.floor(sx);
			const y0 = Math.floor(sy);
			const wx = sx - x0;
			const wy = sy - y0;
			const i00 = (y0 * cw + x0) * 4;
			const i01 = i00 + 4;
			const i10 = i00 + cw * 4;
			const i11 = i10 + 4;
			const alpha =
				((card[i00 + 3] * (1 - wx) + card[i01 + 3] * wx) * (1 - wy) + (card[i10 + 3] * (1 - wx) + card[i11 + 3] * wx) * wy) / 255;
			const o = (y * width + x) * 3;
			for (let c = 0; c < 3; c++) {
				const v = (card[i00 + c] * (1 - wx) + card[i01 + c] * wx) * (1 - wy) + (card[i10 + c] * (1 - wx) + card[i11 + c] * wx) * wy;
				out[o + c] = v * alpha + out[o + c] * (1 - alpha);
			}
		}
	}
	if (options.glare > 0) {
		const gx = between(random, minX, maxX);
		const gy = between(random, minY, maxY);
		const radius = between(random, 0.15, 0.35) * width;
		for (let y = 0; y < height; y++) {
			for (let x = 0; x < width; x++) {
				const d = Math.hypot(x - gx, y - gy) / radius;
				if (d >= 1) continue;
				const k = options.glare * (1 - d) * (1 - d);
				const o = (y * width + x) * 3;
				for (let c = 0; c < 3; c++) out[o + c] = out[o + c] + (255 - out[o + c]) * k;
			}
		}
	}
	if (options.noiseSigma > 0) {
		for (let i = 0; i < out.length; i++) {
			// Box-Muller would be exact; the sum of three uniforms is close enough for sensor grain.
			const n = (random() + random() + random() - 1.5) * 2 * options.noiseSigma;
			out[i] = Math.max(0, Math.min(255, out[i] + n));
		}
	}
	let image = sharp(out, { raw: { width, height, channels: 3 } });
	if (options.blurSigma >= 0.3) image = image.blur(options.blurSigma);
	return await image.jpeg({ quality: Math.round(options.jpegQuality) }).toBuffer();
}
