import sharp from 'sharp';

import type { Affine } from './affine';
import { affineScale } from './affine';
import type { RgbImage } from './decode';

/** Area-averaged downscale by libvips: cheaper and less aliased than sampling a 12 MP photo in JS. */
export async function resizeRgb(image: RgbImage, width: number, height: number): Promise<RgbImage> {
	if (width === image.width && height === image.height) return image;
	const { data, info } = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
		.resize(width, height, { fit: 'fill', kernel: 'linear' })
		.raw()
		.toBuffer({ resolveWithObject: true });
	return { data, width: info.width, height: info.height };
}

/**
 * Renders a width x height view whose pixel (x, y) shows the source at toSource(x, y): bilinear
 * (pixel centres at integers, clamped to the edge), supersampled when the view is smaller than the
 * source so thin strokes survive. Recognition crops (recognizeText.cropLine) sample the same way.
 * The sampling is written out in the loop: a call per sample took half the time of a view.
 */
export function warpRgb(source: RgbImage, toSource: Affine, width: number, height: number, background = 255): RgbImage {
	const out = Buffer.alloc(width * height * 3, background);
	const scale = affineScale(toSource);
	const samples = scale > 2.5 ? 3 : scale > 1.3 ? 2 : 1;
	const n = samples * samples;
	const { data, width: sw, height: sh } = source;
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			let r = 0;
			let g = 0;
			let b = 0;
			let inside = 0;
			for (let sy = 0; sy < samples; sy++) {
				for (let sx = 0; sx < samples; sx++) {
					const vx = x + (sx + 0.5) / samples;
					const vy = y + (sy + 0.5) / samples;
					const px = toSource.a * vx + toSource.b * vy + toSource.c - 0.5;
					const py = toSource.d * vx + toSource.e * vy + toSource.f - 0.5;
					if (px < -0.5 || py < -0.5 || px > sw - 0.5 || py > sh - 0.5) continue;
					inside += 1;
					const x0 = Math.max(0, Math.min(sw - 1, Math.floor(px)));
					const y0 = Math.max(0, Math.min(sh - 1, Math.floor(py)));
					const x1 = Math.min(sw - 1, x0 + 1);
					const y1 = Math.min(sh - 1, y0 + 1);
					const wx = Math.max(0, Math.min(1, px - x0));
					const wy = Math.max(0, Math.min(1, py - y0));
					const i00 = (y0 * sw + x0) * 3;
					const i01 = (y0 * sw + x1) * 3;
					const i10 = (y1 * sw + x0) * 3;
					const i11 = (y1 * sw + x1) * 3;
					r += (data[i00] * (1 - wx) + data[i01] * wx) * (1 - wy) + (data[i10] * (1 - wx) + data[i11] * wx) * wy;
					g += (data[i00 + 1] * (1 - wx) + data[i01 + 1] * wx) * (1 - wy) + (data[i10 + 1] * (1 - wx) + data[i11 + 1] * wx) * wy;
					b += (data[i00 + 2] * (1 - wx) + data[i01 + 2] * wx) * (1 - wy) + (data[i10 + 2] * (1 - wx) + data[i11 + 2] * wx) * wy;
				}
			}
			if (inside === 0) continue;
			const o = (y * width + x) * 3;
			const fill = background * (n - inside);
			out[o] = (r + fill) / n;
			out[o + 1] = (g + fill) / n;
			out[o + 2] = (b + fill) / n;
		}
	}
	return { data: out, width, height };
}
