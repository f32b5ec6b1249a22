import { createCanvas } from '@napi-rs/canvas';
import type { SKRSContext2D } from '@napi-rs/canvas';
import sharp from 'sharp';

import type { Point } from '../protocol';
import type { CardPixels } from './benchRender';
import { homography } from './photoEffects';
import { between, pick } from './random';

export type Surface = 'wood' | 'desk' | 'fabric' | 'stone' | 'paper';

export interface SceneOptions {
	width: number;
	height: number;
	surface: Surface;
	/** Where the card's corners land (its own top-left, top-right, bottom-right, bottom-left). */
	corners: Point[];
	/** Opacity of the card's soft shadow, 0 for none. */
	shadow: number;
	/** Darkening from one side (a hand or phone in the light), 0-0.5. */
	falloff: number;
	vignette: number;
	/** White balance multiplier, as a CSS colour the scene is multiplied by. */
	cast: string;
	glare: { at: Point; radius: number; strength: number; streak: boolean } | null;
	/** Sensor or scanner noise, standard deviation in 8-bit levels. */
	noiseSigma: number;
	blurSigma: number;
	/** Hand shake: a short linear smear, in pixels. */
	motionBlur: { length: number; angleDeg: number } | null;
}

/** An RGB image, 3 bytes per pixel, rows top to bottom. */
export interface SceneImage {
	data: Buffer;
	width: number;
	height: number;
}

function drawSurface(ctx: SKRSContext2D, surface: Surface, width: number, height: number, random: () => number): void {
	const long = Math.max(width, height);
	if (surface === 'paper') {
		const tone = between(random, 238, 255);
		ctx.fillStyle = `rgb(${tone}, ${tone}, ${Math.min(255, tone + between(random, -4, 2))})`;
		ctx.fillRect(0, 0, width, height);
		return;
	}
	const hue = surface === 'wood' ? between(random, 20, 40) : random() * 360;
	const [sat, light] = {
		wood: [between(random, 0.3, 0.55), between(random, 0.22, 0.6)],
		desk: [between(random, 0, 0.12), pick(random, [between(random, 0.08, 0.2), between(random, 0.75, 0.95), between(random, 0.4, 0.6)])],
		fabric: [between(random, 0.15, 0.5), between(random, 0.2, 0.6)],
		stone: [between(random, 0, 0.08), between(random, 0.45, 0.8)],
	}[surface];
	const gradient = ctx.createLinearGradient(0, 0, width * random(), height);
	gradient.addColorStop(0, `hsl(${hue.toFixed(0)}, ${(sat * 100).toFixed(0)}%, ${(light * 100).toFixed(0)}%)`);
	gradient.addColorStop(
		1,
		`hsl(${hue.toFixed(0)}, ${(sat * 100).toFixed(0)}%, ${(Math.max(0.03, light - between(random, 0, 0.12)) * 100).toFixed(0)}%)`,
	);
	ctx.fillStyle = gradient;
	ctx.fillRect(0, 0, width, height);
	const scale = long / 1600;
	if (surface === 'wood') {
		ctx.save();
		ctx.translate(width / 2, height / 2);
		ctx.rotate(between(random, -0.4, 0.4) + (random() < 0.5 ? Math.PI / 2 : 0));
		for (let i = 0; i < 160; i++) {
			const y = between(random, -long, long);
			ctx.strokeStyle =
				random() < 0.5
					? `rgba(60,30,10,${between(random, 0.05, 0.2).toFixed(2)})`
					: `rgba(255,220,170,${between(random, 0.03, 0.1).toFixed(2)})`;
			ctx.lineWidth = between(random, 1, 6) * scale;
			ctx.beginPath();
			const wobble = between(random, 2, 14) * scale;
			const phase = random() * 6;
			for (let x = -long; x <= long; x += 40 * scale) {
				const yy = y + wobble * Math.sin(x / (200 * scale) + phase);
				if (x === -long) ctx.moveTo(x, yy);
				else ctx.lineTo(x, yy);
			}
			ctx.stroke();
		}
		ctx.restore();
	} else if (surface === 'fabric') {
		ctx.strokeStyle = 'rgba(0,0,0,0.06)';
		ctx.lineWidth = 1.2 * scale;
		const step = between(random, 4, 9) * scale;
		for (let x = 0; x < width; x += step) {
			ctx.beginPath();
			ctx.moveTo(x, 0);
			ctx.lineTo(x, height);
			ctx.stroke();
		}
		for (let y = 0; y < height; y += step) {
			ctx.beginPath();
			ctx.moveTo(0, y);
			ctx.lineTo(width, y);
			ctx.stroke();
		}
	} else if (surface === 'stone') {
		for (let i = 0; i < 220; i++) {
			ctx.fillStyle =
				random() < 0.5
					? `rgba(0,0,0,${between(random, 0.02, 0.08).toFixed(2)})`
					: `rgba(255,255,255,${between(random, 0.02, 0.08).toFixed(2)})`;
			ctx.beginPath();
			ctx.arc(random() * width, random() * height, between(random, 4, 60) * scale, 0, Math.PI * 2);
			ctx.fill();
		}
	}
}

function quadPath(ctx: SKRSContext2D, corners: Point[], shrink = 0): void {
	const cx = corners.reduce((s, p) => s + p.x, 0) / 4;
	const cy = corners.reduce((s, p) => s + p.y, 0) / 4;
	ctx.beginPath();
	corners.forEach((p, i) => {
		const x = p.x + (cx - p.x) * shrink;
		const y = p.y + (cy - p.y) * shrink;
		if (i === 0) ctx.moveTo(x, y);
		else ctx.lineTo(x, y);
	});
	ctx.closePath();
}

/** The card with one transparent pixel all round, so bilinear sampling fades its edges instead of cutting them. */
function padded(card: CardPixels): CardPixels {
	const width = card.width + 2;
	const height = card.height + 2;
	const rgba = Buffer.alloc(width * height * 4);
	for (let y = 0; y < card.height; y++) card.rgba.copy(rgba, ((y + 1) * width + 1) * 4, y * card.width * 4, (y + 1) * card.width * 4);
	return { rgba, width, height };
}

/** Maps the card onto `scene` (RGBA) through the homography taking its corners to `corners`. */
function warpCard(scene: Uint8ClampedArray, width: number, height: number, source: CardPixels, corners: Point[]): void {
	const card = padded(source);
	const { rgba, width: cw, height: ch } = card;
	// Card pixel (u, v) sits at padded (u + 1, v + 1).
	const src = [
		{ x: 1, y: 1 },
		{ x: source.width + 1, y: 1 },
		{ x: source.width + 1, y: source.height + 1 },
		{ x: 1, y: source.height + 1 },
	];
	const h = homography(corners, src);
	const minX = Math.max(0, Math.floor(Math.min(...corners.map((p) => p.x))) - 1);
	const maxX = Math.min(width - 1, Math.ceil(Math.max(...corners.map((p) => p.x))) + 1);
	const minY = Math.max(0, Math.floor(Math.min(...corners.map((p) => p.y))) - 1);
	const maxY = Math.min(height - 1, Math.ceil(Math.max(...corners.map((p) => p.y))) + 1);
	for (let y = minY; y <= maxY; y++) {
		const py = y + 0.5;
		// Numerators and denominator are linear in x along a row: step them instead of recomputing.
		let nu = h[0] * (minX + 0.5) + h[1] * py + h[2];
		let nv = h[3] * (minX + 0.5) + h[4] * py + h[5];
		let nw = h[6] * (minX + 0.5) + h[7] * py + h[8];
		for (let x = minX; x <= maxX; x++, nu += h[0], nv += h[3], nw += h[6]) {
			const sx = nu / nw - 0.5;
			const sy = nv / nw - 0.5;
			if (sx < 0 || sy < 0 || sx >= cw - 1 || sy >= ch - 1) continue;
			const x0 = sx | 0;
			const y0 = sy | 0;
			const wx = sx - x0;
			const wy = sy - y0;
			const i00 = (y0 * cw + x0) * 4;
			const i01 = i00 + 4;
			const i10 = i00 + cw * 4;
			const i11 = i10 + 4;
			const w00 = (1 - wx) * (1 - wy) * rgba[i00 + 3];
			const w01 = wx * (1 - wy) * rgba[i01 + 3];
			const w10 = (1 - wx) * wy * rgba[i10 + 3];
			const w11 = wx * wy * rgba[i11 + 3];
			const alphaSum = w00 + w01 + w10 + w11;
			if (alphaSum <= 0) continue;
			const o = (y * width + x) * 4;
			const a = alphaSum / 255;
			for (let c = 0; c < 3; c++) {
				// Alpha-weighted so transparent neighbours do not bleed their (black) colour into the edge.
				const v = (rgba[i00 + c] * w00 + rgba[i01 + c] * w01 + rgba[i10 + c] * w10 + rgba[i11 + c] * w11) / alphaSum;
				scene[o + c] = v * a + scene[o + c] * (1 - a);
			}
		}
	}
}

function drawLight(ctx: SKRSContext2D, options: SceneOptions, random: () => number): void {
	const { width, height } = options;
	const long = Math.max(width, height);
	ctx.save();
	ctx.globalCompositeOperation = 'multiply';
	ctx.fillStyle = options.cast;
	ctx.fillRect(0, 0, width, height);
	if (options.falloff > 0) {
		const angle = random() * Math.PI * 2;
		const dx = Math.cos(angle) * long * 0.6;
		const dy = Math.sin(angle) * long * 0.6;
		const gradient = ctx.createLinearGradient(width / 2 - dx, height / 2 - dy, width / 2 + dx, height / 2 + dy);
		const shade = Math.round(255 * (1 - options.falloff));
		gradient.addColorStop(0, `rgb(${shade}, ${shade}, ${shade})`);
		gradient.addColorStop(1, '#ffffff');
		ctx.fillStyle = gradient;
		ctx.fillRect(0, 0, width, height);
	}
	if (options.vignette > 0) {
		const gradient = ctx.createRadialGradient(width / 2, height / 2, long * 0.25, width / 2, height / 2, long * 0.75);
		const shade = Math.round(255 * (1 - options.vignette));
		gradient.addColorStop(0, '#ffffff');
		gradient.addColorStop(1, `rgb(${shade}, ${shade}, ${shade})`);
		ctx.fillStyle = gradient;
		ctx.fillRect(0, 0, width, height);
	}
	ctx.restore();
	if (options.glare) {
		// Specular highlight on the glossy card only.
		const { at, radius, strength, streak } = options.glare;
		ctx.save();
		quadPath(ctx, options.corners);
		ctx.clip();
		ctx.globalCompositeOperation = 'screen';
		if (streak) {
			ctx.translate(at.x, at.y);
			ctx.rotate(random() * Math.PI);
			const gradient = ctx.createLinearGradient(-radius * 0.4, 0, radius * 0.4, 0);
			gradient.addColorStop(0, 'rgba(255,255,255,0)');
			gradient.addColorStop(0.5, `rgba(255,255,255,${strength.toFixed(2)})`);
			gradient.addColorStop(1, 'rgba(255,255,255,0)');
			ctx.fillStyle = gradient;
			ctx.fillRect(-radius * 0.4, -long, radius * 0.8, long * 2);
		} else {
			const gradient = ctx.createRadialGradient(at.x, at.y, 0, at.x, at.y, radius);
			gradient.addColorStop(0, `rgba(255,255,255,${strength.toFixed(2)})`);
			gradient.addColorStop(1, 'rgba(255,255,255,0)');
			ctx.fillStyle = gradient;
			ctx.fillRect(at.x - radius, at.y - radius, radius * 2, radius * 2);
		}
		ctx.restore();
	}
}

/** Grain on RGBA in place, from a fast integer generator seeded by the scene's stream. */
function addNoise(data: Uint8ClampedArray, sigma: number, seed: number): void {
	if (sigma <= 0) return;
	let state = seed | 1;
	// The sum of two uniforms on [-1, 1) has standard deviation sqrt(2/3).
	const scale = sigma / Math.sqrt(2 / 3) / 2147483648;
	for (let i = 0; i < data.length; i += 4) {
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		const a = state;
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		// Mostly luminance grain, with a little colour noise in red and blue.
		const luma = (a + state) * scale;
		data[i] += luma + ((a >>> 24) / 127.5 - 1) * sigma * 0.3;
		data[i + 1] += luma;
		data[i + 2] += luma + ((state >>> 24) / 127.5 - 1) * sigma * 0.3;
	}
}

/** A straight 1-D kernel along `angleDeg`, for sharp's convolve. */
function motionKernel(length: number, angleDeg: number): { width: number; height: number; kernel: number[] } {
	const size = Math.max(3, Math.round(length) | 1);
	const kernel = new Array<number>(size * size).fill(0);
	const c = (size - 1) / 2;
	const rad = (angleDeg * Math.PI) / 180;
	for (let t = -c; t <= c; t += 0.25) {
		const x = Math.round(c + t * Math.cos(rad));
		const y = Math.round(c + t * Math.sin(rad));
		kernel[y * size + x] += 1;
	}
	return { width: size, height: size, kernel };
}

/** The card photographed or scanned: surface, shadow, card, light, glare, grain and blur, as RGB. */
export async function composeScene(card: CardPixels, options: SceneOptions, random: () => number): Promise<SceneImage> {
	const { width, height } = options;
	const canvas = createCanvas(width, height);
	const ctx = canvas.getContext('2d');
	drawSurface(ctx, options.surface, width, height, random);
	if (options.shadow > 0) {
		const cardWidth = Math.hypot(options.corners[1].x - options.corners[0].x, options.corners[1].y - options.corners[0].y);
		ctx.save();
		ctx.shadowColor = `rgba(0,0,0,${options.shadow.toFixed(2)})`;
		ctx.shadowBlur = cardWidth * between(random, 0.02, 0.06);
		ctx.shadowOffsetX = cardWidth * between(random, -0.02, 0.02);
		ctx.shadowOffsetY = cardWidth * between(random, 0, 0.03);
		ctx.fillStyle = 'rgba(0,0,0,1)';
		// Shrunk so the fill itself hides under the card and only its shadow shows.
		quadPath(ctx, options.corners, 0.04);
		ctx.fill();
		ctx.restore();
	}
	const image = ctx.getImageData(0, 0, width, height);
	warpCard(image.data, width, height, card, options.corners);
	ctx.putImageData(image, 0, 0);
	drawLight(ctx, options, random);
	const lit = ctx.getImageData(0, 0, width, height);
	addNoise(lit.data, options.noiseSigma, Math.floor(random() * 2 ** 31));
	let pipeline = sharp(Buffer.from(lit.data.buffer, lit.data.byteOffset, lit.data.byteLength), {
		raw: { width, height, channels: 4 },
	}).removeAlpha();
	if (options.motionBlur) pipeline = pipeline.convolve(motionKernel(options.motionBlur.length, options.motionBlur.angleDeg));
	if (options.blurSigma >= 0.3) pipeline = pipeline.blur(options.blurSigma);
	const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
	return { data, width: info.width, height: info.height };
}
