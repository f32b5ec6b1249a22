/**
 * Where the card ends up: 3-D projected photos over wood, cloth, desk, granite, mat or a printed letter,
 * with props (receipts, keyboards, pens, phones, coins, sticky notes, mugs, cables, notebooks), a thumb,
 * glare, uneven light and a camera pipeline (blur, noise, tone, JPEG); or A4 scans with the card at true
 * size, typed page text, dust and a scanner's blur, noise and contrast.
 */
import type { Canvas, SKRSContext2D } from '@napi-rs/canvas';
import { createCanvas } from '@napi-rs/canvas';
import sharp from 'sharp';

import type { Box, RenderedCard } from './card';
import { S, hexRgb, roundRect, shade } from './card';
import type { Img, Mat3, Pt } from './geom';
import { apply, inv, mul, projectCard, scaleM, solveHomography, warpOver } from './geom';
import { Rng, makeNoise } from './rng';

type Ctx = SKRSContext2D;
// Text that must stay inside the frame (and out from under the thumb, bank aside).
const TEXT_ROLES = ['number', 'name', 'expiry', 'label', 'decoy', 'bank', 'product', 'cid', 'bin', 'company'];
// The fields the engine reads: their height in the image decides whether a placement is legible.
const KEY_ROLES = ['number', 'name', 'expiry'];

// ---------------------------------------------------------------- textures

// Textures are computed at a capped size and scaled up: they are soft anyway, and per-pixel noise at 12 MP is slow.
function lowres(W: number, H: number, maxDim = 900): { w: number; h: number; r: number } {
	const r = Math.min(1, maxDim / Math.max(W, H));
	return { w: Math.max(8, Math.round(W * r)), h: Math.max(8, Math.round(H * r)), r };
}

function woodTexture(rng: Rng, W: number, H: number, ppm: number): Canvas {
	const { w, h, r } = lowres(W, H, 1100);
	const c = createCanvas(w, h);
	const ctx = c.getContext('2d');
	const img = ctx.createImageData(w, h);
	const d = img.data;
	const { fbm } = makeNoise(rng);
	const pal = rng.pick([
		['#c99f6b', '#a57a47'],
		['#6e4b2f', '#4a3020'],
		['#d9d0c4', '#bdb09f'],
		['#8f4d2e', '#6b3420'],
		['#b9926a', '#8c6847'],
		['#e2c9a0', '#c4a373'],
	]);
	const [a, b] = [hexRgb(pal[0]), hexRgb(pal[1])];
	const vertical = rng.chance(0.5);
	const plank = rng.range(90, 160) * ppm * r;
	const gfreq = 1 / (rng.range(1.2, 3.5) * ppm * r);
	const ang = rng.range(-0.15, 0.15);
	for (let y = 0; y < h; y++)
		for (let x = 0; x < w; x++) {
			const u = vertical ? y : x;
			let v = vertical ? x : y;
			v += u * ang;
			const pi = Math.floor(v / plank);
			const off = pi * 137.1;
			const warpv = fbm((u + off * 50) / (plank * 1.5), v / (plank * 0.35) + off, 3);
			const g = 0.5 + 0.5 * Math.sin((v + warpv * plank * 0.5) * gfreq * Math.PI * 2 * 0.35 + warpv * 9);
			let t = 0.55 * g * g + 0.45 * fbm(u / (plank * 2) + off, v / (plank * 0.15), 3);
			const vv = v - pi * plank;
			// The dark seam between planks.
			if (vv < 1.3 || vv > plank - 1.3) t = 1.25;
			const k = (y * w + x) * 4;
			const tt = Math.min(1.3, t);
			d[k] = a[0] + (b[0] - a[0]) * tt;
			d[k + 1] = a[1] + (b[1] - a[1]) * tt;
			d[k + 2] = a[2] + (b[2] - a[2]) * tt;
			d[k + 3] = 255;
		}
	ctx.putImageData(img, 0, 0);
	return c;
}
function fbmTexture(rng: Rng, W: number, H: number, base: string, amp: number, scalePx: number): Canvas {
	const { w, h, r } = lowres(W, H, 700);
	const c = createCanvas(w, h);
	const ctx = c.getContext('2d');
	const img = ctx.createImageData(w, h);
	const d = img.data;
	const { fbm } = makeNoise(rng);
	const [R, G, B] = hexRgb(base);
	const sc = scalePx * r;
	for (let y = 0; y < h; y++)
		for (let x = 0; x < w; x++) {
			const n = (fbm(x / sc, y / sc, 4) - 0.5) * 2 * amp;
			const k = (y * w + x) * 4;
			d[k] = R + n;
			d[k + 1] = G + n;
			d[k + 2] = B + n;
			d[k + 3] = 255;
		}
	ctx.putImageData(img, 0, 0);
	return c;
}
// A plain weave: threads alternate over and under, each shaded across its width.
function weaveTile(rng: Rng, base: string, periodPx: number): Canvas {
	const p = Math.max(2, Math.round(periodPx));
	const n = p * 8;
	const c = createCanvas(n, n);
	const ctx = c.getContext('2d');
	const img = ctx.createImageData(n, n);
	const d = img.data;
	const [R, G, B] = hexRgb(base);
	const rr = new Rng(rng.u32());
	for (let y = 0; y < n; y++)
		for (let x = 0; x < n; x++) {
			const cx = Math.floor(x / p);
			const cy = Math.floor(y / p);
			const over = (cx + cy) % 2 === 0;
			const fx = (x % p) / p;
			const fy = (y % p) / p;
			const s = over ? Math.sin(fx * Math.PI) : Math.sin(fy * Math.PI);
			const v = (s - 0.5) * 40 + (rr.next() - 0.5) * 18;
			const k = (y * n + x) * 4;
			d[k] = R + v;
			d[k + 1] = G + v;
			d[k + 2] = B + v;
			d[k + 3] = 255;
		}
	ctx.putImageData(img, 0, 0);
	return c;
}

// ---------------------------------------------------------------- props

// Receipts and papers put digits, dates and words near the card for the reader to ignore.
const RECEIPT_SHOPS = ['CAFE LUMEN', 'GREENGROCER 24', 'BAKERY HOFMANN', 'CITY PHARMACY', 'BOOKS & MORE', 'SUPERMARKT NORD', 'KIOSK 7'];
// prettier-ignore
const RECEIPT_ITEMS = ['LATTE', 'CROISSANT', 'BAGELS', 'MINERAL WATER', 'NEWSPAPER', 'APPLES 1KG', 'TOOTHPASTE', 'NOTEBOOK A5', 'SANDWICH', 'CHOC BAR', 'TEA', 'BATTERIES'];
function receiptLines(rng: Rng): string[] {
	const lines = [rng.pick(RECEIPT_SHOPS), `${rng.int(1, 99)} HIGH STREET`, ''];
	let tot = 0;
	for (let i = 0; i < rng.int(2, 6); i++) {
		const p = rng.int(80, 1500) / 100;
		tot += p;
		const it = rng.pick(RECEIPT_ITEMS);
		lines.push(`${it.padEnd(16, ' ')}${p.toFixed(2).padStart(7, ' ')}`);
	}
	lines.push('-----------------------');
	lines.push(`TOTAL${tot.toFixed(2).padStart(18, ' ')}`);
	lines.push(`CARD ****${rng.int(1000, 9999)}`);
	lines.push(`AUTH CODE ${String(rng.int(0, 999999)).padStart(6, '0')}`);
	lines.push(
		`${rng.int(1, 28)} ${rng.pick(['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'SEP', 'OCT', 'NOV'])} 2024  ${rng.int(7, 21)}:${String(rng.int(0, 59)).padStart(2, '0')}`,
	);
	lines.push('THANK YOU');
	return lines;
}
// prettier-ignore
const NOTES = ['call Min-ji', 'pick up milk', 'dentist thu', 'pay rent!', 'book flights', 'ask about fee', 'return parcel', 'gym', 'mum bday'];
// prettier-ignore
const DOC_WORDS = 'the of and to in for is on that by this with you it not or be are from at as your all have new more an was we will home can us about if page my has search free but our one other do no information time they site he up may what which their news out use any there see only so his when contact here business who web also now help get view online first am been would how were me services some these click its like service than find price date back top people had list name just over state year day into email two health world re next used go work last most products music buy data make them should'.split(' ');

type PropKind = 'receipt' | 'keyboard' | 'pen' | 'phone' | 'coins' | 'sticky' | 'mug' | 'cable' | 'notebook';

/** A prop centred at (x, y), turned at random, casting a shadow away from the light; ppm = scene px per mm. */
function drawProp(ctx: Ctx, rng: Rng, kind: PropKind, x: number, y: number, ppm: number, light: Pt): void {
	ctx.save();
	ctx.translate(x, y);
	ctx.rotate(rng.range(-Math.PI, Math.PI));
	ctx.shadowColor = 'rgba(0,0,0,0.35)';
	ctx.shadowBlur = 3 * ppm;
	ctx.shadowOffsetX = light[0] * 2 * ppm;
	ctx.shadowOffsetY = light[1] * 2 * ppm;
	const mm = (v: number): number => v * ppm;
	switch (kind) {
		case 'receipt': {
			const lines = receiptLines(rng);
			const w = mm(rng.range(58, 80));
			const lh = mm(3.6);
			const h = lh * (lines.length + 3);
			ctx.fillStyle = rng.pick(['#f7f5ef', '#fbfbf8', '#f2efe6']);
			ctx.fillRect(-w / 2, -h / 2, w, h);
			// Only the paper casts a shadow, not its print.
			ctx.shadowColor = 'transparent';
			ctx.fillStyle = 'rgba(40,40,45,0.85)';
			ctx.font = `${mm(2.6).toFixed(1)}px ${rng.pick(['NimbusMonoR', 'FreeMonoR', 'LibMonoR'])}`;
			lines.forEach((l, i) => ctx.fillText(l, -w / 2 + mm(4), -h / 2 + lh * (i + 2)));
			break;
		}
		case 'keyboard': {
			const pitch = mm(19);
			const rows = ['QWERTYUIOP', 'ASDFGHJKL', 'ZXCVBNM'];
			const w = pitch * 14.5;
			const h = pitch * 5.6;
			const dark = rng.chance(0.6);
			ctx.fillStyle = dark ? '#232427' : '#c9cbce';
			roundRect(ctx, -w / 2, -h / 2, w, h, mm(6));
			ctx.fill();
			ctx.shadowColor = 'transparent';
			for (let r = 0; r < 5; r++)
				for (let k = 0; k < 14; k++) {
					const kx = -w / 2 + mm(4) + k * pitch + (r % 3) * mm(3);
					const ky = -h / 2 + mm(4) + r * pitch;
					if (kx + pitch > w / 2) continue;
					ctx.fillStyle = dark ? '#34363a' : '#eef0f2';
					roundRect(ctx, kx, ky, pitch - mm(2.5), pitch - mm(2.5), mm(2));
					ctx.fill();
					const row = rows[r - 1];
					const ch = r >= 1 && r <= 3 && row && k < row.length ? row[k] : '';
					if (ch) {
						ctx.fillStyle = dark ? '#d8d8d8' : '#333';
						ctx.font = `${mm(4).toFixed(1)}px ArimoR`;
						ctx.fillText(ch, kx + mm(3), ky + mm(7));
					}
				}
			break;
		}
		case 'pen': {
			const l = mm(rng.range(125, 145));
			const r = mm(rng.range(4, 5.5));
			const g = ctx.createLinearGradient(0, -r, 0, r);
			const col = rng.pick(['#1b3a8a', '#111111', '#b3261e', '#d0d0d0', '#2f6b3a']);
			g.addColorStop(0, shade(col, 0.4));
			g.addColorStop(0.5, col);
			g.addColorStop(1, shade(col, -0.4));
			ctx.fillStyle = g;
			roundRect(ctx, -l / 2, -r, l, 2 * r, r);
			ctx.fill();
			ctx.shadowColor = 'transparent';
			ctx.fillStyle = '#bfc3c7';
			ctx.fillRect(l / 2 - mm(12), -r, mm(3), 2 * r);
			ctx.fillStyle = '#8f9398';
			ctx.fillRect(-l / 2 + mm(8), -r - mm(1), mm(45), mm(2));
			break;
		}
		case 'phone': {
			const w = mm(72);
			const h = mm(150);
			ctx.fillStyle = '#0e0f11';
			roundRect(ctx, -w / 2, -h / 2, w, h, mm(9));
			ctx.fill();
			ctx.shadowColor = 'transparent';
			const g = ctx.createLinearGradient(-w / 2, -h / 2, w / 2, h / 2);
			g.addColorStop(0, '#1c2230');
			g.addColorStop(0.5, '#2d3446');
			g.addColorStop(1, '#151820');
			ctx.fillStyle = g;
			roundRect(ctx, -w / 2 + mm(3), -h / 2 + mm(3), w - mm(6), h - mm(6), mm(7));
			ctx.fill();
			ctx.fillStyle = 'rgba(255,255,255,0.08)';
			ctx.beginPath();
			ctx.moveTo(-w / 2, -h / 2);
			ctx.lineTo(w / 2, -h / 2);
			ctx.lineTo(-w / 2, h / 4);
			ctx.fill();
			break;
		}
		case 'coins': {
			for (let i = 0; i < rng.int(1, 4); i++) {
				const r = mm(rng.range(9, 13));
				const cx = rng.range(-1, 1) * mm(30);
				const cy = rng.range(-1, 1) * mm(30);
				const gold = rng.chance(0.5);
				const g = ctx.createRadialGradient(cx - r * 0.3, cy - r * 0.3, r * 0.1, cx, cy, r);
				g.addColorStop(0, gold ? '#f4dc96' : '#f0f0f0');
				g.addColorStop(1, gold ? '#a07a2a' : '#8a8d90');
				ctx.fillStyle = g;
				ctx.beginPath();
				ctx.arc(cx, cy, r, 0, Math.PI * 2);
				ctx.fill();
				ctx.strokeStyle = 'rgba(0,0,0,0.25)';
				ctx.lineWidth = mm(0.8);
				ctx.beginPath();
				ctx.arc(cx, cy, r * 0.85, 0, Math.PI * 2);
				ctx.stroke();
			}
			break;
		}
		case 'sticky': {
			const s = mm(76);
			ctx.fillStyle = rng.pick(['#fff27a', '#ffc4d6', '#b9f3b0', '#aee3ff']);
			ctx.fillRect(-s / 2, -s / 2, s, s);
			ctx.shadowColor = 'transparent';
			ctx.fillStyle = rng.pick(['#1d2b7a', '#222222', '#7a1d1d']);
			ctx.font = `${mm(9).toFixed(1)}px Z003`;
			const t = rng.pick(NOTES).split(' ');
			t.forEach((wd, i) => ctx.fillText(wd, -s / 2 + mm(8), -s / 2 + mm(22 + i * 14)));
			break;
		}
		case 'mug': {
			const r = mm(44);
			ctx.fillStyle = rng.pick(['#f2f2f2', '#b03a2e', '#2c3e50', '#e6b655']);
			ctx.beginPath();
			ctx.arc(0, 0, r, 0, Math.PI * 2);
			ctx.fill();
			ctx.fillRect(r * 0.85, -mm(8), mm(26), mm(16));
			ctx.shadowColor = 'transparent';
			ctx.fillStyle = '#3b2313';
			ctx.beginPath();
			ctx.arc(0, 0, r * 0.84, 0, Math.PI * 2);
			ctx.fill();
			ctx.fillStyle = 'rgba(255,255,255,0.15)';
			ctx.beginPath();
			ctx.ellipse(-r * 0.3, -r * 0.3, r * 0.25, r * 0.12, -0.6, 0, Math.PI * 2);
			ctx.fill();
			break;
		}
		case 'cable': {
			ctx.strokeStyle = rng.pick(['#f4f4f4', '#1a1a1a', '#444']);
			ctx.lineWidth = mm(3.2);
			ctx.lineCap = 'round';
			ctx.beginPath();
			ctx.moveTo(-mm(200), rng.range(-1, 1) * mm(60));
			ctx.bezierCurveTo(-mm(60), mm(rng.range(-120, 120)), mm(60), mm(rng.range(-120, 120)), mm(200), rng.range(-1, 1) * mm(60));
			ctx.stroke();
			break;
		}
		case 'notebook': {
			const w = mm(148);
			const h = mm(210);
			ctx.fillStyle = '#fbfbf7';
			ctx.fillRect(-w / 2, -h / 2, w, h);
			ctx.shadowColor = 'transparent';
			ctx.strokeStyle = 'rgba(90,130,200,0.55)';
			ctx.lineWidth = Math.max(1, mm(0.3));
			for (let yy = -h / 2 + mm(20); yy < h / 2; yy += mm(7)) {
				ctx.beginPath();
				ctx.moveTo(-w / 2, yy);
				ctx.lineTo(w / 2, yy);
				ctx.stroke();
			}
			ctx.strokeStyle = 'rgba(220,80,80,0.6)';
			ctx.beginPath();
			ctx.moveTo(-w / 2 + mm(20), -h / 2);
			ctx.lineTo(-w / 2 + mm(20), h / 2);
			ctx.stroke();
			ctx.fillStyle = 'rgba(20,30,90,0.8)';
			ctx.font = `${mm(5).toFixed(1)}px Z003`;
			for (let i = 0; i < rng.int(2, 6); i++)
				ctx.fillText(
					Array.from({ length: rng.int(2, 5) }, () => rng.pick(DOC_WORDS)).join(' '),
					-w / 2 + mm(23),
					-h / 2 + mm(19 + 7 * (i + 1)) - mm(1),
				);
			break;
		}
	}
	ctx.restore();
}

type SceneKind = 'wood' | 'cloth' | 'desk' | 'granite' | 'mat' | 'paper';

/** The surface under the card and the props on it; returns what was drawn, for the notes. */
export function paintScene(ctx: Ctx, rng: Rng, W: number, H: number, ppm: number, busy: boolean, light: Pt): string[] {
	const kind = rng.wpick<SceneKind>([
		['wood', 3],
		['cloth', 1.5],
		['desk', 2.5],
		['granite', 1],
		['mat', 1],
		['paper', 0.8],
	]);
	const desc: string[] = [kind];
	ctx.imageSmoothingEnabled = true;
	ctx.imageSmoothingQuality = 'high';
	if (kind === 'wood') ctx.drawImage(woodTexture(rng, W, H, ppm), 0, 0, W, H);
	else if (kind === 'cloth') {
		const base = rng.pick(['#2b3a55', '#6b6f74', '#c8b99a', '#3f5e45', '#4a6fa5', '#7a2e35', '#d9d4cc']);
		const pat = ctx.createPattern(weaveTile(rng, base, rng.range(0.5, 1.2) * ppm), 'repeat');
		ctx.fillStyle = pat;
		ctx.fillRect(0, 0, W, H);
		ctx.globalCompositeOperation = 'multiply';
		ctx.drawImage(fbmTexture(rng, W, H, '#d0d0d0', 40, 60 * ppm), 0, 0, W, H);
		ctx.globalCompositeOperation = 'source-over';
	} else if (kind === 'desk') {
		const base = rng.pick(['#e9e7e2', '#d6d2c9', '#9aa0a6', '#3a3d42', '#f4f4f2', '#b7c4cf', '#cdbfa8', '#1f2226']);
		ctx.drawImage(fbmTexture(rng, W, H, base, 10, 80 * ppm), 0, 0, W, H);
	} else if (kind === 'granite') {
		const base = rng.pick(['#8b8682', '#2f2f33', '#c9c2b8', '#5b524b']);
		ctx.drawImage(fbmTexture(rng, W, H, base, 18, 25 * ppm), 0, 0, W, H);
		const n = Math.min(60000, Math.round((W * H) / (ppm * ppm * 2)));
		for (let i = 0; i < n; i++) {
			const v = rng.int(0, 255);
			ctx.fillStyle = `rgba(${v},${v},${v},${rng.range(0.3, 0.8).toFixed(2)})`;
			const r = rng.range(0.15, 0.7) * ppm;
			ctx.fillRect(rng.range(0, W), rng.range(0, H), r, r);
		}
	} else if (kind === 'mat') {
		const base = rng.pick(['#151618', '#23262b', '#3b2a20', '#1c2a3a']);
		ctx.drawImage(fbmTexture(rng, W, H, base, 12, 10 * ppm), 0, 0, W, H);
	} else {
		ctx.drawImage(fbmTexture(rng, W, H, rng.pick(['#8d7b68', '#5c6670', '#a39e93']), 10, 60 * ppm), 0, 0, W, H);
		// A printed letter under the card: lines of words all around it.
		ctx.save();
		ctx.translate(W * rng.range(0.3, 0.7), H * rng.range(0.3, 0.7));
		ctx.rotate(rng.range(-0.4, 0.4));
		const pw = 210 * ppm;
		const ph = 297 * ppm;
		ctx.shadowColor = 'rgba(0,0,0,0.3)';
		ctx.shadowBlur = 4 * ppm;
		ctx.fillStyle = '#f8f8f5';
		ctx.fillRect(-pw / 2, -ph / 2, pw, ph);
		ctx.shadowColor = 'transparent';
		ctx.fillStyle = 'rgba(30,30,30,0.85)';
		ctx.font = `${(3.2 * ppm).toFixed(1)}px ${rng.pick(['TinosR', 'LibSerifR', 'ArimoR'])}`;
		for (let i = 0; i < 40; i++)
			ctx.fillText(Array.from({ length: 11 }, () => rng.pick(DOC_WORDS)).join(' '), -pw / 2 + 25 * ppm, -ph / 2 + 30 * ppm + i * 6 * ppm);
		ctx.restore();
	}
	const nProps = busy
		? rng.int(3, 7)
		: rng.wpick([
				[0, 3],
				[1, 3],
				[2, 1.5],
			]);
	const kinds: PropKind[] = ['receipt', 'receipt', 'keyboard', 'pen', 'pen', 'phone', 'coins', 'sticky', 'mug', 'cable', 'notebook'];
	for (let i = 0; i < nProps; i++) {
		const k = rng.pick(kinds);
		drawProp(ctx, rng, k, rng.range(-0.1, 1.1) * W, rng.range(-0.1, 1.1) * H, ppm, light);
		desc.push(k);
	}
	return desc;
}

// ---------------------------------------------------------------- thumb

// A thumb holding the card at an edge, clear of the text. It is drawn in card pixels through the homography's
// local affine approximation at the edge point, so it follows the card's tilt closely enough for its size.
function drawThumb(ctx: Ctx, rng: Rng, card: RenderedCard, Hc: Mat3): string | null {
	const W = card.W;
	const Hh = card.H;
	const keep = card.boxes.filter((b) => TEXT_ROLES.includes(b.role) && b.role !== 'bank');
	for (let t = 0; t < 30; t++) {
		const edge = rng.pick(['left', 'right', 'bottom', 'top'] as const);
		const along = rng.range(0.15, 0.85);
		// How far the tip reaches into the card.
		const inset = rng.range(5, 11) * S;
		const half = rng.range(8, 9.5) * S;
		let px: number;
		let py: number;
		let ang: number;
		if (edge === 'left') {
			px = 0;
			py = along * Hh;
			ang = 0;
		} else if (edge === 'right') {
			px = W;
			py = along * Hh;
			ang = Math.PI;
		} else if (edge === 'top') {
			px = along * W;
			py = 0;
			ang = Math.PI / 2;
		} else {
			px = along * W;
			py = Hh;
			ang = -Math.PI / 2;
		}
		const dx = Math.cos(ang);
		const dy = Math.sin(ang);
		// What the thumb covers, in card pixels, with a margin.
		const tipX = px + dx * inset;
		const tipY = py + dy * inset;
		const ox0 = Math.min(px, tipX) - Math.abs(dy) * half - 1.5 * S;
		const ox1 = Math.max(px, tipX) + Math.abs(dy) * half + 1.5 * S;
		const oy0 = Math.min(py, tipY) - Math.abs(dx) * half - 1.5 * S;
		const oy1 = Math.max(py, tipY) + Math.abs(dx) * half + 1.5 * S;
		if (keep.some((b) => b.x < ox1 && b.x + b.w > ox0 && b.y < oy1 && b.y + b.h > oy0)) continue;
		const p0 = apply(Hc, px, py);
		const p1 = apply(Hc, px + 1, py);
		const p2 = apply(Hc, px, py + 1);
		ctx.save();
		ctx.setTransform(p1[0] - p0[0], p1[1] - p0[1], p2[0] - p0[0], p2[1] - p0[1], p0[0], p0[1]);
		ctx.rotate(ang);
		const len = rng.range(55, 70) * S;
		const skin = rng.pick([
			['#f1c7a8', '#c98f6e'],
			['#e0ac85', '#a86f4b'],
			['#c68a62', '#8a5636'],
			['#8d5a3b', '#5a3622'],
			['#f5d5c0', '#d3a185'],
		]);
		const x0 = inset - len;
		const r = half;
		ctx.filter = `blur(${(2 * S).toFixed(0)}px)`;
		ctx.fillStyle = 'rgba(0,0,0,0.4)';
		roundRect(ctx, x0 + 1.2 * S, -r + 1.5 * S, len, 2 * r, r);
		ctx.fill();
		ctx.filter = 'none';
		const g = ctx.createLinearGradient(0, -r, 0, r);
		g.addColorStop(0, skin[1]);
		g.addColorStop(0.3, skin[0]);
		g.addColorStop(0.7, skin[0]);
		g.addColorStop(1, skin[1]);
		ctx.fillStyle = g;
		roundRect(ctx, x0, -r, len, 2 * r, r);
		ctx.fill();
		ctx.strokeStyle = 'rgba(90,50,30,0.25)';
		ctx.lineWidth = 0.35 * S;
		ctx.beginPath();
		ctx.moveTo(inset - 22 * S, -r * 0.5);
		ctx.quadraticCurveTo(inset - 23.5 * S, 0, inset - 22 * S, r * 0.5);
		ctx.stroke();
		const nl = 11.5 * S;
		const nw = r * 0.72;
		const ng = ctx.createLinearGradient(inset - nl - 2 * S, 0, inset - 1 * S, 0);
		ng.addColorStop(0, 'rgba(255,200,190,0.55)');
		ng.addColorStop(0.8, 'rgba(255,215,205,0.6)');
		ng.addColorStop(1, 'rgba(255,245,235,0.9)');
		ctx.fillStyle = ng;
		roundRect(ctx, inset - nl - 1.2 * S, -nw, nl, 2 * nw, nw * 0.9);
		ctx.fill();
		ctx.strokeStyle = 'rgba(110,60,45,0.35)';
		ctx.lineWidth = 0.3 * S;
		ctx.stroke();
		const hl = ctx.createLinearGradient(0, -nw, 0, nw);
		hl.addColorStop(0, 'rgba(255,255,255,0)');
		hl.addColorStop(0.35, 'rgba(255,255,255,0.28)');
		hl.addColorStop(0.55, 'rgba(255,255,255,0)');
		ctx.fillStyle = hl;
		roundRect(ctx, inset - nl - 1.2 * S, -nw, nl, 2 * nw, nw * 0.9);
		ctx.fill();
		ctx.restore();
		return `thumb on ${edge} edge`;
	}
	return null;
}

// ---------------------------------------------------------------- photos

/** The card's rounded outline mapped into the image, for its shadow and the glare's clip. */
function cardOutline(card: RenderedCard, Hc: Mat3): Pt[] {
	const r = 3.18 * S;
	const W = card.W;
	const H = card.H;
	const pts: Pt[] = [];
	const corners: Array<[number, number, number]> = [
		[W - r, r, -Math.PI / 2],
		[W - r, H - r, 0],
		[r, H - r, Math.PI / 2],
		[r, r, Math.PI],
	];
	for (const [cx, cy, a0] of corners)
		for (let i = 0; i <= 6; i++) {
			const a = a0 + (i / 6) * (Math.PI / 2);
			pts.push(apply(Hc, cx + Math.cos(a) * r, cy + Math.sin(a) * r));
		}
	return pts;
}

export interface Placement {
	/** Card pixel -> image pixel. */
	Hc: Mat3;
	quad: Pt[];
	/** Image px per card mm, roughly. */
	ppm: number;
	/** Smallest height in the image, in px, of the number, name and expiry boxes. */
	minCap: number;
	info: string;
}

function mappedBoxOk(Hc: Mat3, b: Box, W: number, H: number, m: number): boolean {
	const corners: Pt[] = [
		[b.x, b.y],
		[b.x + b.w, b.y],
		[b.x, b.y + b.h],
		[b.x + b.w, b.y + b.h],
	];
	for (const [x, y] of corners) {
		const [u, v] = apply(Hc, x, y);
		if (u < m || v < m || u > W - m || v > H - m) return false;
	}
	return true;
}
function mappedHeight(Hc: Mat3, b: Box): number {
	const cx = b.x + b.w / 2;
	const [a0, a1] = apply(Hc, cx, b.y);
	const [b0, b1] = apply(Hc, cx, b.y + b.h);
	return Math.hypot(b0 - a0, b1 - a1);
}

export interface PhotoOpts {
	/** Image size in px. */
	W: number;
	H: number;
	/** Card width as a fraction of the image width: [min, max]. */
	frac: [number, number];
	/** Degrees, and the most it may vary either way. */
	roll: number;
	rollJit: number;
	/** Most pitch and yaw, in degrees. */
	tilt: number;
	/** Three to seven props instead of up to two. */
	busy: boolean;
	/** The card may run off the frame (close-ups), as long as its text stays in. */
	allowCut: boolean;
	/** The card anywhere in the frame rather than near the centre. */
	offCentre: boolean;
	/** Chance of a thumb on the card. */
	thumbP: number;
	/** Smallest number height in px a placement should give. */
	minNumPx: number;
}

/**
 * A pose for the card: up to 200 tries for one whose text is all in frame and whose number is at least
 * minNumPx high; failing that, the most legible pose found. Later tries push the card larger.
 */
export function place(rng: Rng, card: RenderedCard, o: PhotoOpts): Placement {
	const fmax = Math.min(o.frac[1], ((o.H * card.wMm) / (card.hMm * o.W)) * (o.allowCut ? 1.02 : 0.9));
	let best: Placement | null = null;
	for (let t = 0; t < 200; t++) {
		let frac = rng.range(o.frac[0], Math.max(o.frac[0], fmax));
		if (t > 60) frac = Math.min(o.frac[1], frac * (1 + (t - 60) * 0.01));
		const ppm = (frac * o.W) / card.wMm;
		const roll = o.roll + rng.range(-o.rollJit, o.rollJit);
		const pitch = rng.range(-o.tilt, o.tilt);
		const yaw = rng.range(-o.tilt, o.tilt);
		const f = Math.max(o.W, o.H) * rng.range(0.75, 1.1);
		const cx = o.offCentre ? rng.range(0.15, 0.85) * o.W : o.W / 2 + rng.range(-0.08, 0.08) * o.W;
		const cy = o.offCentre ? rng.range(0.15, 0.85) * o.H : o.H / 2 + rng.range(-0.08, 0.08) * o.H;
		const quad = projectCard(card.W * (ppm / S), card.H * (ppm / S), { roll, pitch, yaw, cx, cy, f });
		const Hc = solveHomography(
			[
				[0, 0],
				[card.W, 0],
				[card.W, card.H],
				[0, card.H],
			],
			quad,
		);
		const m = Math.max(4, 0.012 * Math.min(o.W, o.H));
		if (!o.allowCut && !quad.every(([u, v]) => u > m && v > m && u < o.W - m && v < o.H - m)) continue;
		if (!card.boxes.filter((b) => TEXT_ROLES.includes(b.role)).every((b) => mappedBoxOk(Hc, b, o.W, o.H, m))) continue;
		if (o.allowCut) {
			const inside = quad.filter(([u, v]) => u >= 0 && v >= 0 && u <= o.W && v <= o.H).length;
			if (inside < 2) continue;
		}
		const caps = card.boxes.filter((b) => KEY_ROLES.includes(b.role)).map((b) => mappedHeight(Hc, b));
		const numCap = Math.min(...card.boxes.filter((b) => b.role === 'number').map((b) => mappedHeight(Hc, b)));
		const minCap = Math.min(...caps);
		const p: Placement = {
			Hc,
			quad,
			ppm,
			minCap,
			info: `roll ${roll.toFixed(0)}deg tilt ${pitch.toFixed(0)}/${yaw.toFixed(0)} card ${(frac * 100).toFixed(0)}%W`,
		};
		if (numCap >= o.minNumPx && minCap >= o.minNumPx * 0.72) return p;
		if (!best || minCap > best.minCap) best = p;
	}
	if (best) return best;
	throw new Error('no placement');
}

// The card scaled down (lanczos) close to its size in the image first, so the bilinear warp does not alias.
async function cardPixels(card: RenderedCard, scale: number): Promise<Img & { s: number }> {
	const raw = card.canvas.getContext('2d').getImageData(0, 0, card.W, card.H);
	const w = Math.max(8, Math.round(card.W * scale));
	const h = Math.max(8, Math.round(card.H * scale));
	if (scale > 0.95) return { data: raw.data, width: card.W, height: card.H, s: 1 };
	const buf = await sharp(Buffer.from(raw.data.buffer, raw.data.byteOffset, raw.data.byteLength), {
		raw: { width: card.W, height: card.H, channels: 4 },
	})
		.resize(w, h, { kernel: 'lanczos3' })
		.raw()
		.toBuffer();
	return { data: buf, width: w, height: h, s: w / card.W };
}

export async function composePhoto(
	rng: Rng,
	card: RenderedCard,
	o: PhotoOpts,
): Promise<{ canvas: Canvas; info: string[]; minCap: number }> {
	const P = place(rng, card, o);
	const info = [P.info];
	const canvas = createCanvas(o.W, o.H);
	const ctx = canvas.getContext('2d');
	const la = rng.range(0, Math.PI * 2);
	const light: Pt = [Math.cos(la), Math.sin(la)];
	info.push('bg ' + paintScene(ctx, rng, o.W, o.H, P.ppm, o.busy, light).join('+'));
	// The card's shadow, away from the light.
	ctx.save();
	const sh = rng.range(0.6, 2.2) * P.ppm;
	ctx.filter = `blur(${Math.max(1, rng.range(0.8, 2.5) * P.ppm).toFixed(1)}px)`;
	ctx.fillStyle = `rgba(0,0,0,${rng.range(0.3, 0.55).toFixed(2)})`;
	const outline = cardOutline(card, P.Hc);
	ctx.beginPath();
	outline.forEach(([u, v], i) => (i ? ctx.lineTo(u + light[0] * sh, v + light[1] * sh) : ctx.moveTo(u + light[0] * sh, v + light[1] * sh)));
	ctx.closePath();
	ctx.fill();
	ctx.restore();
	const edgeLen = Math.hypot(P.quad[1][0] - P.quad[0][0], P.quad[1][1] - P.quad[0][1]);
	const scale = Math.min(1, (edgeLen / card.W) * 1.15);
	const src = await cardPixels(card, scale);
	const Hs = mul(P.Hc, scaleM(1 / src.s));
	const img = ctx.getImageData(0, 0, o.W, o.H);
	const xs = P.quad.map((q) => q[0]);
	const ys = P.quad.map((q) => q[1]);
	warpOver(img, src, inv(Hs), [Math.min(...xs) - 2, Math.min(...ys) - 2, Math.max(...xs) + 2, Math.max(...ys) + 2], rng.range(0.92, 1.04));
	ctx.putImageData(img, 0, 0);
	if (rng.chance(o.thumbP)) {
		const t = drawThumb(ctx, rng, card, P.Hc);
		if (t) info.push(t);
	}
	// Glare: a soft hot spot, sometimes with a streak across the card.
	if (rng.chance(0.6)) {
		ctx.save();
		ctx.beginPath();
		outline.forEach(([u, v], i) => (i ? ctx.lineTo(u, v) : ctx.moveTo(u, v)));
		ctx.closePath();
		ctx.clip();
		const [gx, gy] = apply(P.Hc, rng.range(0.1, 0.9) * card.W, rng.range(0.1, 0.9) * card.H);
		const gr = edgeLen * rng.range(0.12, 0.4);
		const a = card.inkLight ? rng.range(0.15, 0.3) : rng.range(0.25, 0.5);
		const g = ctx.createRadialGradient(gx, gy, 0, gx, gy, gr);
		g.addColorStop(0, `rgba(255,255,250,${a.toFixed(2)})`);
		g.addColorStop(0.5, `rgba(255,255,250,${(a * 0.4).toFixed(2)})`);
		g.addColorStop(1, 'rgba(255,255,250,0)');
		ctx.globalCompositeOperation = 'screen';
		ctx.fillStyle = g;
		ctx.fillRect(0, 0, o.W, o.H);
		if (rng.chance(0.4)) {
			const b0 = apply(P.Hc, rng.range(0, 1) * card.W, 0);
			const b1 = apply(P.Hc, rng.range(0, 1) * card.W, card.H);
			const lg = ctx.createLinearGradient(b0[0] - edgeLen * 0.1, b0[1], b0[0] + edgeLen * 0.1, b1[1]);
			lg.addColorStop(0, 'rgba(255,255,255,0)');
			lg.addColorStop(0.5, `rgba(255,255,255,${(a * 0.5).toFixed(2)})`);
			lg.addColorStop(1, 'rgba(255,255,255,0)');
			ctx.fillStyle = lg;
			ctx.fillRect(0, 0, o.W, o.H);
		}
		ctx.restore();
		info.push('glare');
	}
	// Uneven light across the frame, a white-balance tint and a vignette.
	ctx.save();
	ctx.globalCompositeOperation = 'multiply';
	const lg = ctx.createLinearGradient(
		o.W / 2 - light[0] * o.W * 0.6,
		o.H / 2 - light[1] * o.H * 0.6,
		o.W / 2 + light[0] * o.W * 0.6,
		o.H / 2 + light[1] * o.H * 0.6,
	);
	const dim = rng.int(150, 235);
	lg.addColorStop(0, 'rgb(255,255,255)');
	lg.addColorStop(1, `rgb(${dim},${dim},${dim})`);
	ctx.fillStyle = lg;
	ctx.fillRect(0, 0, o.W, o.H);
	const tint = rng.pick(['rgb(255,244,226)', 'rgb(255,250,240)', 'rgb(236,242,255)', 'rgb(255,255,255)', 'rgb(248,255,246)']);
	ctx.fillStyle = tint;
	ctx.fillRect(0, 0, o.W, o.H);
	ctx.globalCompositeOperation = 'source-over';
	const vg = ctx.createRadialGradient(o.W / 2, o.H / 2, Math.min(o.W, o.H) * 0.35, o.W / 2, o.H / 2, Math.hypot(o.W, o.H) / 2);
	vg.addColorStop(0, 'rgba(0,0,0,0)');
	vg.addColorStop(1, `rgba(0,0,0,${rng.range(0.1, 0.4).toFixed(2)})`);
	ctx.fillStyle = vg;
	ctx.fillRect(0, 0, o.W, o.H);
	ctx.restore();
	info.push(`light dim ${dim}`);
	return { canvas, info, minCap: P.minCap };
}

// ---------------------------------------------------------------- sensor and encoding

// Noise draws from a table of 65536 normal samples indexed by an LCG: far faster than Box-Muller per pixel.
function gaussTable(rng: Rng): Float32Array {
	const t = new Float32Array(1 << 16);
	for (let i = 0; i < t.length; i++) t[i] = rng.gauss();
	return t;
}
/** Luma noise plus weaker chroma noise, in place, on 8-bit RGB(A) pixels. */
export function addNoise(buf: Buffer, channels: number, rng: Rng, sLuma: number, sChroma: number): void {
	const t = gaussTable(rng);
	let s = rng.u32();
	for (let i = 0; i < buf.length; i += channels) {
		s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
		const l = t[s >>> 16] * sLuma;
		s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
		const c1 = t[s >>> 16] * sChroma;
		s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
		const c2 = t[s >>> 16] * sChroma;
		const v0 = buf[i] + l + c1;
		const v1 = buf[i + 1] + l - (c1 + c2) * 0.5;
		const v2 = buf[i + 2] + l + c2;
		buf[i] = v0 < 0 ? 0 : v0 > 255 ? 255 : v0;
		buf[i + 1] = v1 < 0 ? 0 : v1 > 255 ? 255 : v1;
		buf[i + 2] = v2 < 0 ? 0 : v2 > 255 ? 255 : v2;
	}
}

export interface CameraOpts {
	/** Degrees the final image is turned by (a phone held sideways). */
	rotate: number;
	/** From the placement: blur is scaled to the text's size in the image. */
	minCap: number;
	/** JPEG quality range. */
	quality: [number, number];
}

export interface CameraResult {
	jpeg: Buffer;
	info: string[];
	width: number;
	height: number;
}

export async function cameraFinish(rng: Rng, canvas: Canvas, o: CameraOpts): Promise<CameraResult> {
	const W = canvas.width;
	const H = canvas.height;
	const raw = canvas.getContext('2d').getImageData(0, 0, W, H);
	let img = sharp(Buffer.from(raw.data.buffer, raw.data.byteOffset, raw.data.byteLength), {
		raw: { width: W, height: H, channels: 4 },
	}).removeAlpha();
	const info: string[] = [];
	// Defocus scaled to the text's size, so that small text is not blurred past reading.
	const sigma = rng.range(0.3, 1.0) * Math.max(0.6, Math.min(2.2, o.minCap / 16));
	if (rng.chance(0.15)) {
		const len = Math.max(3, Math.round(Math.min(7, o.minCap / 8))) | 1;
		const ang = rng.range(0, Math.PI);
		// A short straight streak at a random angle: hand shake.
		const k = new Array<number>(len * len).fill(0);
		for (let i = 0; i < len * 3; i++) {
			const t = i / (len * 3 - 1) - 0.5;
			const x = Math.round((len - 1) / 2 + Math.cos(ang) * t * (len - 1));
			const y = Math.round((len - 1) / 2 + Math.sin(ang) * t * (len - 1));
			k[y * len + x] += 1;
		}
		const sum = k.reduce((a, b) => a + b, 0);
		img = sharp(
			await img
				.convolve({ width: len, height: len, kernel: k.map((v) => v / sum) })
				.raw()
				.toBuffer(),
			{ raw: { width: W, height: H, channels: 3 } },
		);
		info.push(`motion blur ${len}px`);
	}
	if (sigma >= 0.3) img = img.blur(sigma);
	info.push(`blur ${sigma.toFixed(2)}`);
	if (o.rotate) img = img.rotate(o.rotate);
	const { data, info: meta } = await img.raw().toBuffer({ resolveWithObject: true });
	const nl = rng.range(1.5, 6.5);
	addNoise(data, 3, rng, nl, nl * 0.5);
	info.push(`noise ${nl.toFixed(1)}`);
	const q = rng.int(o.quality[0], o.quality[1]);
	// The mild tone curve and sharpening of phone camera pipelines.
	let out = sharp(data, { raw: { width: meta.width, height: meta.height, channels: 3 } }).linear(rng.range(0.95, 1.12), rng.range(-12, 6));
	if (rng.chance(0.5)) out = out.sharpen({ sigma: rng.range(0.6, 1.2), m1: 0.5, m2: 1.5 });
	const jpeg = await out.jpeg({ quality: q, chromaSubsampling: '4:2:0' }).toBuffer();
	info.push(`jpeg q${q}`);
	return { jpeg, info, width: meta.width, height: meta.height };
}

// ---------------------------------------------------------------- scans

// Typed lines on the page: account numbers and dates that are not on the card.
const ACCT_LINES = [
	(a: string) => `Copy of card for account ${a}`,
	(a: string) => `Account no. ${a} - card copy as requested`,
	(a: string) => `Customer reference: ${a}`,
	(a: string) => `Card copy for account ${a}, front side`,
	(a: string) => `Ref ${a} / cardholder verification`,
];
const SECOND_LINES = [
	'Please keep this copy on file.',
	'Signed by the cardholder.',
	'Front of card only.',
	'Scanned on 3 March 2024.',
	'For verification purposes only.',
];

export interface Scan {
	canvas: Canvas;
	dpi: number;
	gray: boolean;
	info: string[];
}

/** An A4 page at 200, 240 or 300 dpi with the card at true size, skewed a little, free or pushed into the top-left corner. */
export async function composeScan(rng: Rng, card: RenderedCard): Promise<Scan> {
	const dpi = rng.pick([200, 200, 240, 300, 300, 300]);
	const ppmm = dpi / 25.4;
	const W = Math.round(210 * ppmm);
	const H = Math.round(297 * ppmm);
	const canvas = createCanvas(W, H);
	const ctx = canvas.getContext('2d');
	const pv = rng.int(240, 252);
	const page = `rgb(${pv + rng.int(0, 3)},${pv + rng.int(0, 3)},${pv - rng.int(0, 6)})`;
	ctx.fillStyle = page;
	ctx.fillRect(0, 0, W, H);
	ctx.globalCompositeOperation = 'multiply';
	ctx.drawImage(fbmTexture(rng, W, H, '#f8f8f8', 3, 15 * ppmm), 0, 0, W, H);
	ctx.globalCompositeOperation = 'source-over';
	const info = [`${dpi}dpi`];
	const cw = card.wMm * ppmm;
	const ch = card.hMm * ppmm;
	const skew = rng.chance(0.55) ? rng.range(-0.8, 0.8) : rng.sign() * rng.range(1, 4);
	let cx: number;
	let cy: number;
	const corner = rng.chance(0.45);
	if (corner) {
		cx = rng.range(2, 12) * ppmm + cw / 2;
		cy = rng.range(2, 12) * ppmm + ch / 2;
	} else {
		cx = rng.range(15 * ppmm + cw / 2, W - 15 * ppmm - cw / 2);
		cy = rng.range(20 * ppmm + ch / 2, H - 20 * ppmm - ch / 2);
	}
	info.push(`${corner ? 'corner' : 'free'} placement skew ${skew.toFixed(1)}deg`);
	const quad = projectCard(cw, ch, { roll: skew, pitch: 0, yaw: 0, cx, cy, f: 1e9 });
	const Hc = solveHomography(
		[
			[0, 0],
			[card.W, 0],
			[card.W, card.H],
			[0, card.H],
		],
		quad,
	);
	if (rng.chance(0.6)) {
		const acct = String(rng.int(10000, 99999999));
		const font = rng.pick(['NimbusMonoR', 'FreeMonoR', 'TinosR', 'LibSerifR', 'ArimoR', 'CarlitoR', 'DejaVuSans']);
		const pt = rng.range(10, 13);
		ctx.font = `${((pt / 72) * dpi).toFixed(1)}px ${font}`;
		ctx.fillStyle = 'rgba(20,20,20,0.92)';
		const lines = [rng.pick(ACCT_LINES)(acct)];
		if (rng.chance(0.4)) lines.push(rng.pick(SECOND_LINES));
		const lh = (pt / 72) * dpi * 1.5;
		const cardTop = Math.min(...quad.map((q) => q[1]));
		const cardBottom = Math.max(...quad.map((q) => q[1]));
		let y0 = cardTop > 45 * ppmm ? cardTop - 10 * ppmm - lh * (lines.length - 1) : cardBottom + 14 * ppmm;
		if (rng.chance(0.35) && cardTop > 60 * ppmm) y0 = 25 * ppmm;
		const x0 = rng.range(15, 30) * ppmm;
		lines.forEach((l, i) => ctx.fillText(l, x0, y0 + i * lh));
		info.push(`page text "${lines[0]}"`);
	}
	// The scanner lid leaves a thin shadow along the card's edge.
	ctx.save();
	ctx.filter = `blur(${(0.35 * ppmm).toFixed(1)}px)`;
	ctx.fillStyle = `rgba(0,0,0,${rng.range(0.25, 0.5).toFixed(2)})`;
	const so = rng.range(0.2, 0.6) * ppmm;
	ctx.beginPath();
	cardOutline(card, Hc).forEach(([u, v], i) => (i ? ctx.lineTo(u + so, v + so) : ctx.moveTo(u + so, v + so)));
	ctx.closePath();
	ctx.fill();
	ctx.restore();
	const src = await cardPixels(card, Math.min(1, (cw / card.W) * 1.1));
	const img = ctx.getImageData(0, 0, W, H);
	const xs = quad.map((q) => q[0]);
	const ys = quad.map((q) => q[1]);
	warpOver(
		img,
		src,
		inv(mul(Hc, scaleM(1 / src.s))),
		[Math.min(...xs) - 2, Math.min(...ys) - 2, Math.max(...xs) + 2, Math.max(...ys) + 2],
		rng.range(0.95, 1.05),
	);
	ctx.putImageData(img, 0, 0);
	for (let i = 0; i < rng.int(0, 25); i++) {
		ctx.fillStyle = `rgba(0,0,0,${rng.range(0.2, 0.7).toFixed(2)})`;
		ctx.beginPath();
		ctx.arc(rng.range(0, W), rng.range(0, H), rng.range(0.5, 2.2) * (dpi / 300), 0, Math.PI * 2);
		ctx.fill();
	}
	const gray = rng.chance(0.2);
	if (gray) info.push('grayscale');
	return { canvas, dpi, gray, info };
}

export interface ScanResult {
	img: sharp.Sharp;
	info: string[];
}

export async function scanFinish(rng: Rng, canvas: Canvas, dpi: number, gray: boolean): Promise<ScanResult> {
	const W = canvas.width;
	const H = canvas.height;
	const raw = canvas.getContext('2d').getImageData(0, 0, W, H);
	const sigma = (dpi / 300) * rng.range(0.45, 0.95);
	const img = sharp(Buffer.from(raw.data.buffer, raw.data.byteOffset, raw.data.byteLength), { raw: { width: W, height: H, channels: 4 } })
		.removeAlpha()
		.blur(sigma);
	const { data } = await img.raw().toBuffer({ resolveWithObject: true });
	addNoise(data, 3, rng, rng.range(1, 3), 0.6);
	// Scanners lift the shadows and flatten contrast.
	let out = sharp(data, { raw: { width: W, height: H, channels: 3 } }).linear(rng.range(0.9, 1.0), rng.range(4, 16));
	if (gray) out = out.grayscale();
	return { img: out, info: [`scan blur ${sigma.toFixed(2)}`] };
}
