/**
 * Turns a card design into a capture: a phone photo (upright, upside down, sideways, 12 MP, close-up)
 * or an A4 flatbed scan saved as PDF or TIFF. The card is rendered by librsvg at the size it will
 * appear, then warped with a perspective homography of our own (bilinear, premultiplied alpha).
 */
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';

import type { CardDesign } from './card';
import { cardSvg } from './card';
import { escapeXml } from './measure';
import type { Rng } from './rng';

export const CAPTURES = ['upright', 'upsideDown', 'portraitPhoto', 'scanPdf', 'scanTiff', 'photo12mp', 'closeUp'] as const;
export type Capture = (typeof CAPTURES)[number];

export interface CaptureResult {
	data: Buffer;
	ext: 'jpg' | 'png' | 'pdf' | 'tiff';
	notes: string[];
}

interface Pt {
	x: number;
	y: number;
}

interface Raster {
	data: Buffer;
	width: number;
	height: number;
}

// ---------------------------------------------------------------- geometry

/** Homography mapping from[i] to to[i] (four points), as 8 coefficients with h33 = 1. */
function homography(from: Pt[], to: Pt[]): number[] {
	const a: number[][] = [];
	for (let i = 0; i < 4; i++) {
		const p = from[i] as Pt;
		const q = to[i] as Pt;
		a.push([p.x, p.y, 1, 0, 0, 0, -p.x * q.x, -p.y * q.x, q.x]);
		a.push([0, 0, 0, p.x, p.y, 1, -p.x * q.y, -p.y * q.y, q.y]);
	}
	for (let col = 0; col < 8; col++) {
		let pivot = col;
		for (let r = col + 1; r < 8; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
		[a[col], a[pivot]] = [a[pivot]!, a[col]!];
		const row = a[col]!;
		const div = row[col]!;
		for (let c = col; c < 9; c++) row[c]! /= div;
		for (let r = 0; r < 8; r++) {
			if (r === col) continue;
			const other = a[r]!;
			const factor = other[col]!;
			if (factor === 0) continue;
			for (let c = col; c < 9; c++) other[c]! -= factor * row[c]!;
		}
	}
	return a.map((row) => row[8]!);
}

/**
 * Card corners in the frame: the card (w x h px, centred at cx, cy) tilted by pitch/yaw degrees,
 * seen through a pinhole with focal length f px, then rolled by `roll` degrees.
 */
function cardQuad(w: number, h: number, cx: number, cy: number, roll: number, pitch: number, yaw: number, f: number): Pt[] {
	const rx = (pitch * Math.PI) / 180;
	const ry = (yaw * Math.PI) / 180;
	const rr = (roll * Math.PI) / 180;
	const corners = [
		[-w / 2, -h / 2],
		[w / 2, -h / 2],
		[w / 2, h / 2],
		[-w / 2, h / 2],
	] as const;
	return corners.map(([x0, y0]) => {
		// Rotate about x (pitch), then y (yaw).
		const y1 = y0 * Math.cos(rx);
		const z1 = y0 * Math.sin(rx);
		const x2 = x0 * Math.cos(ry) + z1 * Math.sin(ry);
		const z2 = -x0 * Math.sin(ry) + z1 * Math.cos(ry);
		const px = (f * x2) / (f + z2);
		const py = (f * y1) / (f + z2);
		return { x: cx + px * Math.cos(rr) - py * Math.sin(rr), y: cy + px * Math.sin(rr) + py * Math.cos(rr) };
	});
}

const quadBox = (q: Pt[]) => ({
	x0: Math.min(...q.map((p) => p.x)),
	y0: Math.min(...q.map((p) => p.y)),
	x1: Math.max(...q.map((p) => p.x)),
	y1: Math.max(...q.map((p) => p.y)),
});

interface Placed extends Raster {
	left: number;
	top: number;
}

/** Warps an RGBA raster onto quad (clockwise from its top-left corner), clipped to the frame; `pad` px of transparent margin around it. */
function warp(src: Raster, quad: Pt[], frameW: number, frameH: number, pad: number): Placed {
	const b = quadBox(quad);
	const left = Math.max(0, Math.floor(b.x0) - pad);
	const top = Math.max(0, Math.floor(b.y0) - pad);
	const right = Math.min(frameW, Math.ceil(b.x1) + pad);
	const bottom = Math.min(frameH, Math.ceil(b.y1) + pad);
	const width = right - left;
	const height = bottom - top;
	const srcCorners = [
		{ x: 0, y: 0 },
		{ x: src.width, y: 0 },
		{ x: src.width, y: src.height },
		{ x: 0, y: src.height },
	];
	const [h0, h1, h2, h3, h4, h5, h6, h7] = homography(quad, srcCorners) as [number, number, number, number, number, number, number, number];
	const out = Buffer.alloc(width * height * 4);
	const s = src.data;
	const sw = src.width;
	const sh = src.height;
	for (let y = 0; y < height; y++) {
		const fy = top + y + 0.5;
		for (let x = 0; x < width; x++) {
			const fx = left + x + 0.5;
			const den = h6 * fx + h7 * fy + 1;
			const u = (h0 * fx + h1 * fy + h2) / den - 0.5;
			const v = (h3 * fx + h4 * fy + h5) / den - 0.5;
			if (u < -1 || v < -1 || u > sw || v > sh) continue;
			const ix = Math.floor(u);
			const iy = Math.floor(v);
			const ax = u - ix;
			const ay = v - iy;
			let r = 0;
			let g = 0;
			let bl = 0;
			let a = 0;
			for (let k = 0; k < 4; k++) {
				const sx = ix + (k & 1);
				const sy = iy + (k >> 1);
				if (sx < 0 || sy < 0 || sx >= sw || sy >= sh) continue;
				const wgt = ((k & 1) === 1 ? ax : 1 - ax) * (k >> 1 === 1 ? ay : 1 - ay);
				const o = (sy * sw + sx) * 4;
				const alpha = (s[o + 3] ?? 0) * wgt;
				r += (s[o] ?? 0) * alpha;
				g += (s[o + 1] ?? 0) * alpha;
				bl += (s[o + 2] ?? 0) * alpha;
				a += alpha;
			}
			if (a <= 0) continue;
			const o = (y * width + x) * 4;
			out[o] = Math.round(r / a);
			out[o + 1] = Math.round(g / a);
			out[o + 2] = Math.round(bl / a);
			out[o + 3] = Math.round(a);
		}
	}
	return { data: out, width, height, left, top };
}

async function renderCard(design: CardDesign, pxWidth: number, id: string): Promise<Raster> {
	const svg = cardSvg(design, Math.round(pxWidth), id);
	const { data, info } = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
	return { data, width: info.width, height: info.height };
}

async function shadowOf(card: Placed, opacity: number, sigma: number): Promise<Buffer> {
	const a = Buffer.alloc(card.width * card.height * 4);
	for (let i = 0; i < card.width * card.height; i++) a[i * 4 + 3] = Math.round((card.data[i * 4 + 3] ?? 0) * opacity);
	return sharp(a, { raw: { width: card.width, height: card.height, channels: 4 } })
		.blur(Math.max(0.3, sigma))
		.raw()
		.toBuffer();
}

// ---------------------------------------------------------------- backgrounds

async function photoBackground(rng: Rng, w: number, h: number, notes: string[]): Promise<Buffer> {
	const bw = Math.max(64, Math.round(w / 4));
	const bh = Math.max(64, Math.round(h / 4));
	const kind = rng.pick(['wood', 'fabric', 'desk', 'marble', 'paper', 'leather', 'granite'] as const);
	notes.push(`surface ${kind}`);
	const seed = rng.int(1, 9999);
	const defs: string[] = [];
	const body: string[] = [];
	const tint = (r: number, g: number, b: number) =>
		`<feColorMatrix type="matrix" values="${r * 0.6} 0 0 0 ${r * 0.4}  ${g * 0.6} 0 0 0 ${g * 0.4}  ${b * 0.6} 0 0 0 ${b * 0.4}  0 0 0 0 1"/>`;
	switch (kind) {
		case 'wood': {
			const [r, g, b] = rng.pick([
				[0.55, 0.36, 0.2],
				[0.72, 0.55, 0.36],
				[0.36, 0.22, 0.13],
				[0.82, 0.7, 0.52],
			] as const);
			defs.push(
				`<filter id="bgf" x="0" y="0" width="100%" height="100%"><feTurbulence type="fractalNoise" baseFrequency="${(0.4 / bw).toFixed(5)} ${(12 / bh).toFixed(4)}" numOctaves="4" seed="${seed}"/>${tint(r, g, b)}</filter>`,
			);
			// Grain runs across or along the frame; the rect is a square over the whole frame so either way covers it.
			const side = Math.max(bw, bh);
			body.push(
				`<rect x="${(bw - side) / 2}" y="${(bh - side) / 2}" width="${side}" height="${side}" filter="url(#bgf)" transform="rotate(${rng.pick([0, 90])} ${bw / 2} ${bh / 2})"/>`,
			);
			break;
		}
		case 'fabric': {
			const [r, g, b] = rng.pick([
				[0.3, 0.35, 0.45],
				[0.5, 0.5, 0.5],
				[0.25, 0.4, 0.3],
				[0.6, 0.3, 0.3],
			] as const);
			defs.push(
				`<filter id="bgf" x="0" y="0" width="100%" height="100%"><feTurbulence type="fractalNoise" baseFrequency="0.35" numOctaves="2" seed="${seed}"/>${tint(r, g, b)}</filter>`,
			);
			body.push(`<rect width="${bw}" height="${bh}" filter="url(#bgf)"/>`);
			break;
		}
		case 'desk':
			body.push(
				`<rect width="${bw}" height="${bh}" fill="${rng.pick(['#e8e6e1', '#c9ccd1', '#40464f', '#2b2b2e', '#d8cfc0', '#f5f5f2', '#7b8794'])}"/>`,
			);
			break;
		case 'marble':
			defs.push(
				`<filter id="bgf" x="0" y="0" width="100%" height="100%"><feTurbulence type="turbulence" baseFrequency="${(3 / bw).toFixed(4)}" numOctaves="5" seed="${seed}"/><feColorMatrix type="matrix" values="-0.25 0 0 0 0.95  -0.25 0 0 0 0.95  -0.25 0 0 0 0.96  0 0 0 0 1"/></filter>`,
			);
			body.push(`<rect width="${bw}" height="${bh}" filter="url(#bgf)"/>`);
			break;
		case 'paper':
			body.push(`<rect width="${bw}" height="${bh}" fill="${rng.pick(['#f7f5ef', '#ffffff', '#eef1f4'])}"/>`);
			for (let y = rng.range(4, 10); y < bh; y += bh / rng.range(18, 30))
				body.push(`<line x1="0" x2="${bw}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#9db8d9" stroke-width="0.6" opacity="0.5"/>`);
			break;
		case 'leather':
			defs.push(
				`<filter id="bgf" x="0" y="0" width="100%" height="100%"><feTurbulence type="fractalNoise" baseFrequency="0.12" numOctaves="3" seed="${seed}"/>${tint(0.22, 0.14, 0.1)}</filter>`,
			);
			body.push(`<rect width="${bw}" height="${bh}" filter="url(#bgf)"/>`);
			break;
		case 'granite':
			defs.push(
				`<filter id="bgf" x="0" y="0" width="100%" height="100%"><feTurbulence type="fractalNoise" baseFrequency="0.6" numOctaves="2" seed="${seed}"/>${tint(0.45, 0.45, 0.47)}</filter>`,
			);
			body.push(`<rect width="${bw}" height="${bh}" filter="url(#bgf)"/>`);
			break;
	}
	// Props lying around: no text on them, so they add clutter without inventing a second card.
	for (let i = 0; i < rng.int(0, 3); i++) {
		const x = rng.range(0, bw);
		const y = rng.range(0, bh);
		const prop = rng.pick(['pen', 'coin', 'keyring', 'mug'] as const);
		if (prop === 'pen') {
			const len = rng.range(0.3, 0.6) * Math.max(bw, bh);
			body.push(
				`<g transform="rotate(${rng.range(0, 180).toFixed(1)} ${x.toFixed(1)} ${y.toFixed(1)})"><rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${len.toFixed(1)}" height="${(len * 0.035).toFixed(1)}" rx="${(len * 0.017).toFixed(1)}" fill="${rng.pick(['#1d3557', '#222', '#b5121b', '#e0e0e0'])}"/><rect x="${(x + len * 0.8).toFixed(1)}" y="${y.toFixed(1)}" width="${(len * 0.2).toFixed(1)}" height="${(len * 0.035).toFixed(1)}" fill="#c0c0c0"/></g>`,
			);
		} else if (prop === 'coin') {
			const r = rng.range(0.025, 0.045) * Math.max(bw, bh);
			body.push(
				`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}" fill="${rng.pick(['#b08d57', '#c8c8c8', '#d4a84b'])}" stroke="#6b5a3a" stroke-width="${(r * 0.08).toFixed(2)}"/>`,
			);
		} else if (prop === 'keyring') {
			const r = rng.range(0.03, 0.05) * Math.max(bw, bh);
			body.push(
				`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}" fill="none" stroke="#9a9a9a" stroke-width="${(r * 0.15).toFixed(2)}"/><rect x="${x.toFixed(1)}" y="${(y + r * 0.8).toFixed(1)}" width="${(r * 0.7).toFixed(1)}" height="${(r * 3).toFixed(1)}" rx="${(r * 0.2).toFixed(1)}" fill="#a8a8a8"/>`,
			);
		} else {
			const r = rng.range(0.08, 0.14) * Math.max(bw, bh);
			body.push(
				`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}" fill="${rng.pick(['#f4f4f4', '#2d6a4f', '#e9c46a', '#264653'])}"/><circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${(r * 0.8).toFixed(1)}" fill="#3b2314" opacity="0.85"/>`,
			);
		}
	}
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${bw}" height="${bh}" viewBox="0 0 ${bw} ${bh}"><defs>${defs.join('')}</defs>${body.join('')}</svg>`;
	// Rasterise first: resizing the SVG input directly would make librsvg render it at full size.
	const small = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer();
	return sharp(small, { raw: { width: bw, height: bh, channels: 3 } })
		.resize(w, h, { kernel: 'cubic' })
		.raw()
		.toBuffer();
}

// ---------------------------------------------------------------- photometric

interface Finish {
	blur: number;
	motion: number;
	noise: number;
	quality: number;
	light: {
		gx: number;
		gy: number;
		base: number;
		vignette: number;
		glare: { x: number; y: number; r: number; amp: number } | undefined;
		cast: [number, number, number];
	};
}

function photoFinish(rng: Rng, w: number, h: number, scale: 'phone' | 'large' | 'close'): Finish {
	return {
		blur: scale === 'large' ? rng.range(0.5, 1.6) : rng.range(0, 1.1),
		motion: scale !== 'large' && rng.chance(0.15) ? rng.int(3, 5) : 0,
		noise: scale === 'large' ? rng.range(3, 7) : rng.range(1.5, 5),
		quality: rng.int(72, 92),
		light: {
			gx: rng.range(-0.25, 0.25),
			gy: rng.range(-0.25, 0.25),
			base: rng.range(0.85, 1.08),
			vignette: rng.range(0, 0.35),
			glare: rng.chance(0.35)
				? { x: rng.range(0.2, 0.8) * w, y: rng.range(0.2, 0.8) * h, r: rng.range(0.08, 0.25) * Math.max(w, h), amp: rng.range(12, 38) }
				: undefined,
			cast: [rng.range(0.94, 1.06), rng.range(0.97, 1.03), rng.range(0.92, 1.06)],
		},
	};
}

/** Lighting gradient, vignette, glare, colour cast and sensor noise, in place on RGB. */
function develop(rgb: Buffer, w: number, h: number, fin: Finish, rng: Rng): void {
	const { light } = fin;
	let state = (rng.int(1, 0x7ffffffe) | 1) >>> 0;
	const rand = () => {
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		return (state >>> 0) / 4294967296;
	};
	const diag2 = (w * w + h * h) / 4;
	const sigma = fin.noise;
	for (let y = 0; y < h; y++) {
		const ny = y / h - 0.5;
		for (let x = 0; x < w; x++) {
			const nx = x / w - 0.5;
			const dx = x - w / 2;
			const dy = y - h / 2;
			const m = light.base * (1 + light.gx * nx + light.gy * ny) * (1 - (light.vignette * (dx * dx + dy * dy)) / diag2);
			let add = 0;
			if (light.glare) {
				const gx = x - light.glare.x;
				const gy = y - light.glare.y;
				add = light.glare.amp * Math.exp(-(gx * gx + gy * gy) / (2 * light.glare.r * light.glare.r));
			}
			// Luminance-shared noise plus a little per channel, as a phone sensor after demosaicing.
			const shared = (rand() + rand() + rand() - 1.5) * 2 * sigma;
			const o = (y * w + x) * 3;
			for (let c = 0; c < 3; c++) {
				const v = (rgb[o + c] ?? 0) * m * (light.cast[c] ?? 1) + add + shared + (rand() - 0.5) * sigma;
				rgb[o + c] = v < 0 ? 0 : v > 255 ? 255 : v;
			}
		}
	}
}

// ---------------------------------------------------------------- photos

interface PhotoPlan {
	frameW: number;
	frameH: number;
	/** Card long side as a fraction of the frame side it lies along. */
	coverage: number;
	roll: number;
	tilt: number;
	finish: 'phone' | 'large' | 'close';
	allowOverflow: boolean;
}

function planPhoto(rng: Rng, capture: Capture, portraitCard: boolean): PhotoPlan {
	switch (capture) {
		case 'upright':
		case 'upsideDown': {
			const roll = (capture === 'upsideDown' ? 180 : 0) + rng.range(-20, 20);
			const long = rng.pick([1600, 1600, 1440, 1280, 1200]);
			const short = Math.round(long * rng.pick([0.75, 0.75, 0.5625]));
			// Frame held the way the card lies (landscape card, landscape frame), mostly.
			const landscape = portraitCard ? rng.chance(0.15) : rng.chance(0.85);
			return {
				frameW: landscape ? long : short,
				frameH: landscape ? short : long,
				coverage: rng.range(0.5, 0.9),
				roll,
				tilt: 12,
				finish: 'phone',
				allowOverflow: false,
			};
		}
		case 'portraitPhoto': {
			const roll = rng.pick([90, 270]) + rng.range(-20, 20);
			const long = rng.pick([1600, 1440, 1280]);
			const short = Math.round(long * rng.pick([0.75, 0.5625]));
			// The card's long side now runs along the frame's long side.
			const landscape = portraitCard;
			return {
				frameW: landscape ? long : short,
				frameH: landscape ? short : long,
				coverage: rng.range(0.5, 0.9),
				roll,
				tilt: 12,
				finish: 'phone',
				allowOverflow: false,
			};
		}
		case 'photo12mp':
			return {
				frameW: 4032,
				frameH: 3024,
				coverage: rng.range(0.15, 0.5),
				roll: rng.range(-15, 15),
				tilt: 15,
				finish: 'large',
				allowOverflow: false,
			};
		case 'closeUp': {
			const long = rng.int(1000, 1600);
			const aspect = rng.range(1.45, 1.7);
			return portraitCard
				? {
						frameW: Math.round(long / aspect),
						frameH: long,
						coverage: rng.range(0.9, 1.0),
						roll: rng.range(-4, 4),
						tilt: 5,
						finish: 'close',
						allowOverflow: true,
					}
				: {
						frameW: long,
						frameH: Math.round(long / aspect),
						coverage: rng.range(0.9, 1.0),
						roll: rng.range(-4, 4),
						tilt: 5,
						finish: 'close',
						allowOverflow: true,
					};
		}
		default:
			throw new Error(`${capture} is not a photo`);
	}
}

async function photo(rng: Rng, design: CardDesign, capture: Capture, id: string): Promise<CaptureResult> {
	const plan = planPhoto(rng, capture, design.portrait);
	const notes: string[] = [];
	const { frameW, frameH } = plan;
	const longMm = Math.max(design.W, design.H);
	// The frame side the card's long side runs along, given the roll.
	const r = ((plan.roll % 360) + 360) % 360;
	const longAlongX = design.portrait ? (r > 45 && r < 135) || (r > 225 && r < 315) : !((r > 45 && r < 135) || (r > 225 && r < 315));
	// 12 MP: the card's width as a share of the frame width; phone photos: its long side along the frame.
	let pxPerMm = capture === 'photo12mp' ? (plan.coverage * frameW) / design.W : (plan.coverage * (longAlongX ? frameW : frameH)) / longMm;
	const pitch = rng.range(-plan.tilt, plan.tilt);
	const yaw = rng.range(-plan.tilt, plan.tilt);
	const f = Math.max(frameW, frameH) * rng.range(0.9, 1.4);
	let quad: Pt[] = [];
	const margin = plan.allowOverflow ? -0.01 : 0.03;
	for (let i = 0; i < 30; i++) {
		const w = design.W * pxPerMm;
		const h = design.H * pxPerMm;
		const probe = cardQuad(w, h, 0, 0, plan.roll, pitch, yaw, f);
		const b = quadBox(probe);
		const spanX = frameW * (1 - 2 * margin) - (b.x1 - b.x0);
		const spanY = frameH * (1 - 2 * margin) - (b.y1 - b.y0);
		if (spanX >= 0 && spanY >= 0) {
			const cx = frameW * margin - b.x0 + rng.range(0, spanX);
			const cy = frameH * margin - b.y0 + rng.range(0, spanY);
			quad = cardQuad(w, h, cx, cy, plan.roll, pitch, yaw, f);
			break;
		}
		pxPerMm *= 0.96;
	}
	if (quad.length === 0) throw new Error('card does not fit the frame');
	const coverage = capture === 'photo12mp' ? (pxPerMm * design.W) / frameW : (pxPerMm * longMm) / (longAlongX ? frameW : frameH);
	notes.push(
		`${frameW}x${frameH}, card ${capture === 'photo12mp' ? 'width' : 'long side'} ${(coverage * 100).toFixed(0)}% of frame, roll ${plan.roll.toFixed(1)} deg, tilt ${pitch.toFixed(1)}/${yaw.toFixed(1)} deg`,
	);
	const edge = Math.max(
		Math.hypot(quad[1]!.x - quad[0]!.x, quad[1]!.y - quad[0]!.y),
		Math.hypot(quad[2]!.x - quad[3]!.x, quad[2]!.y - quad[3]!.y),
	);
	const card = await renderCard(design, edge * 1.05, id);
	const shadowSigma = Math.max(1, pxPerMm * rng.range(0.5, 1.5));
	const pad = Math.ceil(shadowSigma * 3);
	const placed = warp(card, quad, frameW, frameH, pad);
	const shadow = await shadowOf(placed, rng.range(0.25, 0.55), shadowSigma);
	const background = await photoBackground(rng, frameW, frameH, notes);
	const sdx = Math.round(pxPerMm * rng.range(-0.8, 0.8));
	const sdy = Math.round(pxPerMm * rng.range(0.2, 1.2));
	const shadowLeft = Math.max(0, Math.min(frameW - placed.width, placed.left + sdx));
	const shadowTop = Math.max(0, Math.min(frameH - placed.height, placed.top + sdy));
	const fin = photoFinish(rng, frameW, frameH, plan.finish);
	let pipeline = sharp(background, { raw: { width: frameW, height: frameH, channels: 3 } }).composite([
		{ input: shadow, raw: { width: placed.width, height: placed.height, channels: 4 }, left: shadowLeft, top: shadowTop },
		{ input: placed.data, raw: { width: placed.width, height: placed.height, channels: 4 }, left: placed.left, top: placed.top },
	]);
	let composed = await pipeline.removeAlpha().raw().toBuffer();
	pipeline = sharp(composed, { raw: { width: frameW, height: frameH, channels: 3 } });
	if (fin.motion > 0) {
		const n = fin.motion;
		const angle = rng.range(0, Math.PI);
		const kernel = new Array<number>(n * n).fill(0);
		for (let i = 0; i < n; i++) {
			const t = i - (n - 1) / 2;
			const kx = Math.round((n - 1) / 2 + t * Math.cos(angle));
			const ky = Math.round((n - 1) / 2 + t * Math.sin(angle));
			kernel[ky * n + kx] = 1;
		}
		pipeline = pipeline.convolve({ width: n, height: n, kernel, scale: kernel.reduce((s, v) => s + v, 0) });
		notes.push(`motion blur ${n}px`);
	}
	if (fin.blur >= 0.3) pipeline = pipeline.blur(fin.blur);
	composed = await pipeline.raw().toBuffer();
	develop(composed, frameW, frameH, fin, rng);
	notes.push(
		`blur ${fin.blur.toFixed(2)}, noise ${fin.noise.toFixed(1)}${fin.light.glare ? ', glare' : ''}, vignette ${fin.light.vignette.toFixed(2)}`,
	);
	const out = sharp(composed, { raw: { width: frameW, height: frameH, channels: 3 } });
	if (capture === 'closeUp' && rng.chance(0.25)) {
		notes.push('PNG');
		return { data: await out.png({ compressionLevel: 6 }).toBuffer(), ext: 'png', notes };
	}
	notes.push(`JPEG q${fin.quality}`);
	return { data: await out.jpeg({ quality: fin.quality, chromaSubsampling: '4:2:0' }).toBuffer(), ext: 'jpg', notes };
}

// ---------------------------------------------------------------- scans

async function scan(rng: Rng, design: CardDesign, capture: Capture, id: string): Promise<CaptureResult> {
	const dpi = rng.pick([200, 300]);
	const pageW = Math.round((210 / 25.4) * dpi);
	const pageH = Math.round((297 / 25.4) * dpi);
	const pxPerMm = dpi / 25.4;
	const notes: string[] = [`A4 at ${dpi} dpi (${pageW}x${pageH})`];
	const upsideDown = rng.chance(1 / 6);
	const roll = (upsideDown ? 180 : 0) + rng.range(-3, 3);
	if (upsideDown) notes.push('card placed upside down');
	const w = design.W * pxPerMm;
	const h = design.H * pxPerMm;
	// Card in the top or bottom half, anywhere across; the printed line goes in the other half.
	const cardTop = rng.chance(0.5);
	const m = 8 * pxPerMm;
	const probe = quadBox(cardQuad(w, h, 0, 0, roll, 0, 0, 1e9));
	const cx = m - probe.x0 + rng.range(0, pageW - 2 * m - (probe.x1 - probe.x0));
	const halfTop = cardTop ? m : pageH / 2 + m;
	const cy = halfTop - probe.y0 + rng.range(0, pageH / 2 - 2 * m - (probe.y1 - probe.y0));
	const quad = cardQuad(w, h, cx, cy, roll, 0, 0, 1e9);
	notes.push(`card at ${(cx / pxPerMm).toFixed(0)},${(cy / pxPerMm).toFixed(0)} mm, roll ${roll.toFixed(1)} deg`);
	const card = await renderCard(design, w, id);
	const placed = warp(card, quad, pageW, pageH, 4);
	const shadow = await shadowOf(placed, 0.35, 1.2);
	// Paper with a faint lid shadow along one edge, and a printed line far from the card.
	const lineY = cardTop ? rng.range(0.7, 0.9) * 297 : rng.range(0.08, 0.25) * 297;
	const lineText = rng.pick(['Customer copy', 'Customer copy - please retain', 'Front of card scanned for verification', 'Customer copy']);
	const lineFont = rng.pick(['Tinos', 'Arimo', 'Liberation Serif', 'DejaVu Sans']);
	const edge = rng.pick(['left', 'right', 'top', 'bottom'] as const);
	const lid =
		edge === 'left' || edge === 'right'
			? `<rect x="${edge === 'left' ? 0 : 204}" y="0" width="6" height="297" fill="url(#lid)"/>`
			: `<rect x="0" y="${edge === 'top' ? 0 : 291}" width="210" height="6" fill="url(#lid)"/>`;
	const lidGrad =
		edge === 'left'
			? 'x1="0" y1="0" x2="1" y2="0"'
			: edge === 'right'
				? 'x1="1" y1="0" x2="0" y2="0"'
				: edge === 'top'
					? 'x1="0" y1="0" x2="0" y2="1"'
					: 'x1="0" y1="1" x2="0" y2="0"';
	const paper = rng.pick(['#fbfbf9', '#f7f7f5', '#fdfdfd', '#f4f5f2']);
	const pageSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="${pageW}" height="${pageH}" viewBox="0 0 210 297"><defs><linearGradient id="lid" ${lidGrad}><stop offset="0" stop-color="#000" stop-opacity="${rng.range(0.08, 0.25).toFixed(2)}"/><stop offset="1" stop-color="#000" stop-opacity="0"/></linearGradient></defs><rect width="210" height="297" fill="${paper}"/>${lid}<text x="${rng.range(15, 60).toFixed(1)}" y="${lineY.toFixed(1)}" font-family="${lineFont}" font-size="${rng.range(3.5, 5).toFixed(2)}" fill="#222">${escapeXml(lineText)}</text></svg>`;
	notes.push(`printed line "${lineText}" at ${lineY.toFixed(0)} mm`);
	const page = await sharp(Buffer.from(pageSvg)).removeAlpha().raw().toBuffer();
	let composed = await sharp(page, { raw: { width: pageW, height: pageH, channels: 3 } })
		.composite([
			{
				input: shadow,
				raw: { width: placed.width, height: placed.height, channels: 4 },
				left: Math.min(pageW - placed.width, placed.left + 1),
				top: Math.min(pageH - placed.height, placed.top + 1),
			},
			{ input: placed.data, raw: { width: placed.width, height: placed.height, channels: 4 }, left: placed.left, top: placed.top },
		])
		.removeAlpha()
		.raw()
		.toBuffer();
	const blur = rng.range(0.4, 0.9);
	composed = await sharp(composed, { raw: { width: pageW, height: pageH, channels: 3 } })
		.blur(blur)
		.raw()
		.toBuffer();
	const fin: Finish = {
		blur,
		motion: 0,
		noise: rng.range(1, 2.5),
		quality: rng.int(82, 92),
		light: {
			gx: rng.range(-0.03, 0.03),
			gy: rng.range(-0.03, 0.03),
			base: rng.range(0.98, 1.02),
			vignette: 0,
			glare: undefined,
			cast: [1, 1, rng.range(0.98, 1.01)],
		},
	};
	develop(composed, pageW, pageH, fin, rng);
	const image = sharp(composed, { raw: { width: pageW, height: pageH, channels: 3 } });
	if (capture === 'scanPdf') {
		const jpeg = await image.jpeg({ quality: fin.quality }).toBuffer();
		const doc = await PDFDocument.create({ updateMetadata: false });
		const pdfPage = doc.addPage([595.28, 841.89]);
		const embedded = await doc.embedJpg(jpeg);
		pdfPage.drawImage(embedded, { x: 0, y: 0, width: 595.28, height: 841.89 });
		notes.push(`PDF with JPEG q${fin.quality}`);
		return { data: Buffer.from(await doc.save()), ext: 'pdf', notes };
	}
	const compression = rng.pick(['lzw', 'jpeg', 'deflate'] as const);
	notes.push(`TIFF ${compression}`);
	return {
		data: await image.tiff({ compression, quality: 90, xres: dpi / 25.4, yres: dpi / 25.4, resolutionUnit: 'inch' }).toBuffer(),
		ext: 'tiff',
		notes,
	};
}

export async function captureCard(rng: Rng, design: CardDesign, capture: Capture, id: string): Promise<CaptureResult> {
	return capture === 'scanPdf' || capture === 'scanTiff' ? scan(rng, design, capture, id) : photo(rng, design, capture, id);
}
