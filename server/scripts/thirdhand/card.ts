/**
 * The flat front of a card, drawn with @napi-rs/canvas at S px/mm: background, network logo, chip,
 * contactless mark, hologram, issuer and product, number, expiry with its label and decoy date, name and
 * company line. Every drawn item leaves a box; a design whose boxes leave the safe area or overlap is
 * thrown away and tried again.
 */
import type { Canvas, SKRSContext2D } from '@napi-rs/canvas';
import { createCanvas } from '@napi-rs/canvas';

import type { Brand, CardSpec, Layout, LabelSpec } from './data';
import { BANKS, PRODUCTS, splitGroups } from './data';
import { fontsWith } from './fonts';
import type { Rng } from './rng';

/** Pixels per millimetre on the master card. */
export const S = 20;

export interface Box {
	/** number, name, expiry, label, decoy, bank, product, cid, bin, company, chip, logo, contactless or holo. */
	role: string;
	text: string;
	x: number;
	y: number;
	w: number;
	h: number;
	/** Extra horizontal clearance this box wants from its neighbours. */
	padX?: number;
	/** Boxes of one group (a label and its date) may touch each other. */
	group?: string;
}

export interface RenderedCard {
	canvas: Canvas;
	W: number;
	H: number;
	wMm: number;
	hMm: number;
	boxes: Box[];
	notes: string[];
	/** Light ink on a dark card. */
	inkLight: boolean;
	embossed: boolean;
}

type Ctx = SKRSContext2D;
type Gradient = ReturnType<Ctx['createLinearGradient']>;
type Ink = 'white' | 'black' | 'darkgrey' | 'navy' | 'gold' | 'silver' | 'cream' | 'brown';

interface TStyle {
	font: string;
	/** Cap height in px. */
	cap: number;
	/** Extra px between characters. */
	spacing: number;
	ink: Ink;
	emboss: boolean;
	/** Per-character offset (px, standard deviation): embossers do not line characters up exactly. */
	jitter: number;
	alpha?: number;
}

// ---------------------------------------------------------------- colour

export function hexRgb(h: string): [number, number, number] {
	const n = parseInt(h.slice(1), 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function rgbHex(r: number, g: number, b: number): string {
	const c = (v: number): string =>
		Math.max(0, Math.min(255, Math.round(v)))
			.toString(16)
			.padStart(2, '0');
	return '#' + c(r) + c(g) + c(b);
}
/** Relative luminance (WCAG). */
export function lum(h: string): number {
	const [r, g, b] = hexRgb(h).map((v) => {
		const c = v / 255;
		return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
/** f > 0 lightens towards white, f < 0 darkens towards black. */
export function shade(h: string, f: number): string {
	const [r, g, b] = hexRgb(h);
	return f >= 0 ? rgbHex(r + (255 - r) * f, g + (255 - g) * f, b + (255 - b) * f) : rgbHex(r * (1 + f), g * (1 + f), b * (1 + f));
}
function jitterColor(rng: Rng, h: string, amt: number): string {
	const [r, g, b] = hexRgb(h);
	const l = rng.gauss() * amt * 255;
	return rgbHex(r + l + rng.gauss() * amt * 60, g + l + rng.gauss() * amt * 60, b + l + rng.gauss() * amt * 60);
}

const INK_SOLID: Record<Ink, string> = {
	white: '#fafafa',
	black: '#151515',
	darkgrey: '#3b3d40',
	navy: '#17244a',
	cream: '#f1e7cc',
	brown: '#3b2a12',
	gold: '#d9b253',
	silver: '#cfd3d7',
};
// Gold and silver ink is a vertical gradient between top and bottom, the way foil catches light.
function inkFill(ctx: Ctx, ink: Ink, top: number, bottom: number): string | Gradient {
	if (ink === 'gold' || ink === 'silver') {
		const g = ctx.createLinearGradient(0, top, 0, bottom);
		const st = ink === 'gold' ? ['#fbe9a8', '#dcb659', '#b58d2e', '#f2d47e'] : ['#ffffff', '#d8dbdf', '#a6abb1', '#eff1f3'];
		g.addColorStop(0, st[0]);
		g.addColorStop(0.45, st[1]);
		g.addColorStop(0.6, st[2]);
		g.addColorStop(1, st[3]);
		return g;
	}
	return INK_SOLID[ink];
}

// ---------------------------------------------------------------- text

const scratch = createCanvas(16, 16).getContext('2d');
const capCache = new Map<string, number>();

/** Cap height over font size, so text can be sized by its cap height whatever the face. */
export function capRatio(font: string): number {
	let r = capCache.get(font);
	if (r === undefined) {
		scratch.font = `200px ${font}`;
		r = scratch.measureText('H').actualBoundingBoxAscent / 200 || 0.7;
		capCache.set(font, r);
	}
	return r;
}
function setFont(ctx: Ctx, st: { font: string; cap: number }): void {
	ctx.font = `${(st.cap / capRatio(st.font)).toFixed(2)}px ${st.font}`;
}
// Measured character by character, the way drawText places them.
export function textW(ctx: Ctx, s: string, st: TStyle): number {
	setFont(ctx, st);
	const ch = [...s];
	let w = 0;
	for (const c of ch) w += ctx.measureText(c).width;
	return w + st.spacing * Math.max(0, ch.length - 1);
}

let groupSeq = 0;

// Characters are drawn one at a time so that spacing and embossing jitter apply per character.
function drawText(ctx: Ctx, rng: Rng, s: string, x: number, base: number, st: TStyle, role: string, boxes: Box[], group?: string): Box {
	setFont(ctx, st);
	const chars = [...s];
	const adv = chars.map((c) => ctx.measureText(c).width);
	const m = ctx.measureText(s);
	const asc = Math.max(st.cap, m.actualBoundingBoxAscent);
	const desc = Math.max(0, m.actualBoundingBoxDescent);
	const w = adv.reduce((a, b) => a + b, 0) + st.spacing * (chars.length - 1);
	const jit = chars.map(() => (st.jitter > 0 ? [rng.gauss() * st.jitter, rng.gauss() * st.jitter * 1.3] : [0, 0]));
	const paint = (dx: number, dy: number, style: string | Gradient): void => {
		ctx.fillStyle = style;
		let cx = x;
		chars.forEach((c, i) => {
			if (c !== ' ') ctx.fillText(c, cx + dx + jit[i][0], base + dy + jit[i][1]);
			cx += adv[i] + st.spacing;
		});
	};
	ctx.save();
	ctx.globalAlpha = st.alpha ?? 1;
	if (st.emboss) {
		// Raised characters: a soft shadow below right and a highlight above left.
		const d = Math.max(1.3, st.cap * 0.05);
		ctx.filter = `blur(${(d * 0.5).toFixed(2)}px)`;
		paint(d * 1.1, d * 1.2, 'rgba(0,0,0,0.6)');
		paint(-d * 0.7, -d * 0.7, 'rgba(255,255,255,0.5)');
		ctx.filter = 'none';
	}
	paint(0, 0, inkFill(ctx, st.ink, base - asc, base + desc));
	ctx.restore();
	const b: Box = { role, text: s, x, y: base - asc, w, h: asc + desc, group: group ?? `g${groupSeq++}` };
	boxes.push(b);
	return b;
}

function groupsW(ctx: Ctx, groups: string[], st: TStyle, gap: number): number {
	return groups.reduce((a, g) => a + textW(ctx, g, st), 0) + gap * (groups.length - 1);
}
// The whole number gets one box; the groups' own boxes are only used to measure it.
function drawGroups(ctx: Ctx, rng: Rng, groups: string[], x: number, base: number, st: TStyle, gap: number, boxes: Box[]): Box {
	const tmp: Box[] = [];
	let cx = x;
	for (const g of groups) {
		const b = drawText(ctx, rng, g, cx, base, st, 'number', tmp);
		cx += b.w + gap;
	}
	const x0 = Math.min(...tmp.map((b) => b.x));
	const y0 = Math.min(...tmp.map((b) => b.y));
	const x1 = Math.max(...tmp.map((b) => b.x + b.w));
	const y1 = Math.max(...tmp.map((b) => b.y + b.h));
	const b: Box = { role: 'number', text: groups.join(' '), x: x0, y: y0, w: x1 - x0, h: y1 - y0, group: `g${groupSeq++}` };
	boxes.push(b);
	return b;
}

/** Shrinks a style (spacing first, then size) until measure() <= maxW; false if that needs a cap below minCap. */
function fit(st: TStyle, measure: () => number, maxW: number, minCap: number): boolean {
	for (let i = 0; i < 60 && measure() > maxW; i++) {
		if (st.spacing > st.cap * 0.04) st.spacing *= 0.8;
		else st.cap *= 0.96;
	}
	return measure() <= maxW && st.cap >= minCap;
}

// ---------------------------------------------------------------- labelled dates (expiry, decoy)

interface Piece {
	s: string;
	dx: number;
	base: number;
	st: TStyle;
	role: string;
}
interface Arrow {
	dx: number;
	cy: number;
	size: number;
}

/** A date with its label, laid out relative to the date's baseline at x = 0. */
interface Block {
	pieces: Piece[];
	arrows: Arrow[];
	w: number;
	/** Highest cap top, relative to the baseline (negative). */
	top: number;
}

function labeledValue(ctx: Ctx, value: string, role: string, label: LabelSpec, vSt: TStyle, lSt: TStyle, rng: Rng): Block {
	const pieces: Piece[] = [];
	const arrows: Arrow[] = [];
	const vW = textW(ctx, value, vSt);
	const lc = lSt.cap;
	const vc = vSt.cap;
	let vx = 0;
	let mode = label.mode;
	const words = label.text.split(' ');
	// A one-word label cannot be stacked.
	if (mode === 'stacked' && words.length < 2) mode = 'inline';
	if (mode === 'inline') {
		const lw = textW(ctx, label.text, lSt);
		const base = rng.chance(0.5) ? 0 : -(vc - lc) / 2;
		pieces.push({ s: label.text, dx: 0, base, st: lSt, role: 'label' });
		vx = lw + lc * rng.range(1.0, 2.2);
	} else if (mode === 'stacked') {
		const l1 = words.slice(0, Math.ceil(words.length / 2)).join(' ');
		const l2 = words.slice(Math.ceil(words.length / 2)).join(' ');
		const lh = lc * rng.range(1.35, 1.6);
		const base2 = -vc / 2 + (lh + lc) / 2;
		const base1 = base2 - lh;
		const w1 = textW(ctx, l1, lSt);
		const w2 = textW(ctx, l2, lSt);
		const sw = Math.max(w1, w2);
		const right = rng.chance(0.6);
		pieces.push({ s: l1, dx: right ? sw - w1 : 0, base: base1, st: lSt, role: 'label' });
		pieces.push({ s: l2, dx: right ? sw - w2 : 0, base: base2, st: lSt, role: 'label' });
		vx = sw + lc * 0.6;
		if (label.arrow) {
			arrows.push({ dx: vx, cy: -vc / 2, size: lc * 0.95 });
			vx += lc * 1.4;
		} else vx += lc * 0.6;
	}
	pieces.push({ s: value, dx: vx, base: 0, st: vSt, role });
	if (mode === 'above' || label.over) {
		const t = mode === 'above' ? label.text : label.over!;
		const lw = textW(ctx, t, lSt);
		const centered = label.over ? true : rng.chance(0.5);
		pieces.push({ s: t, dx: centered ? vx + (vW - lw) / 2 : vx, base: -vc - lc * rng.range(0.55, 0.9), st: lSt, role: 'label' });
	}
	const minDx = Math.min(...pieces.map((p) => p.dx));
	for (const p of pieces) p.dx -= minDx;
	for (const a of arrows) a.dx -= minDx;
	const w = Math.max(...pieces.map((p) => p.dx + textW(ctx, p.s, p.st)));
	const top = Math.min(...pieces.map((p) => p.base - p.st.cap));
	return { pieces, arrows, w, top };
}

function drawBlock(ctx: Ctx, rng: Rng, blk: Block, x: number, base: number, boxes: Box[], group: string): void {
	for (const p of blk.pieces) drawText(ctx, rng, p.s, x + p.dx, base + p.base, p.st, p.role, boxes, group);
	for (const a of blk.arrows) {
		const lab = blk.pieces.find((p) => p.role === 'label')!;
		ctx.save();
		ctx.fillStyle = inkFill(ctx, lab.st.ink, 0, 1);
		ctx.globalAlpha = lab.st.alpha ?? 1;
		ctx.beginPath();
		ctx.moveTo(x + a.dx, base + a.cy - a.size / 2);
		ctx.lineTo(x + a.dx + a.size * 0.8, base + a.cy);
		ctx.lineTo(x + a.dx, base + a.cy + a.size / 2);
		ctx.closePath();
		ctx.fill();
		ctx.restore();
	}
}

interface ExpiryRow {
	blocks: Array<{ b: Block; dx: number }>;
	w: number;
	top: number;
}

// The decoy goes left of the expiry, labelled in the same style, so that only the label tells them apart.
function expiryRow(ctx: Ctx, rng: Rng, spec: CardSpec, vSt: TStyle, lSt: TStyle): ExpiryRow {
	const exp = labeledValue(ctx, spec.expText, 'expiry', spec.label, vSt, lSt, rng);
	if (spec.decoy.kind === 'none') return { blocks: [{ b: exp, dx: 0 }], w: exp.w, top: exp.top };
	const mode: LabelSpec['mode'] = spec.label.mode === 'none' ? 'inline' : spec.label.mode;
	const dl: LabelSpec = { text: spec.decoy.label, mode, arrow: spec.label.arrow };
	const dec = labeledValue(ctx, spec.decoy.value, 'decoy', dl, { ...vSt }, lSt, rng);
	const gap = vSt.cap * rng.range(1.6, 3.2);
	return {
		blocks: [
			{ b: dec, dx: 0 },
			{ b: exp, dx: dec.w + gap },
		],
		w: dec.w + gap + exp.w,
		top: Math.min(dec.top, exp.top),
	};
}
function drawExpiryRow(ctx: Ctx, rng: Rng, row: ExpiryRow, x: number, base: number, boxes: Box[]): void {
	for (const { b, dx } of row.blocks) drawBlock(ctx, rng, b, x + dx, base, boxes, `lab${groupSeq++}`);
}

// ---------------------------------------------------------------- graphics

export function roundRect(ctx: Ctx, x: number, y: number, w: number, h: number, r: number): void {
	ctx.beginPath();
	ctx.moveTo(x + r, y);
	ctx.lineTo(x + w - r, y);
	ctx.arcTo(x + w, y, x + w, y + r, r);
	ctx.lineTo(x + w, y + h - r);
	ctx.arcTo(x + w, y + h, x + w - r, y + h, r);
	ctx.lineTo(x + r, y + h);
	ctx.arcTo(x, y + h, x, y + h - r, r);
	ctx.lineTo(x, y + r);
	ctx.arcTo(x, y, x + r, y, r);
	ctx.closePath();
}
// rotated: the chip of a vertical card, contacts turned by 90 degrees.
function drawChip(ctx: Ctx, x: number, y: number, w: number, h: number, metal: 'gold' | 'silver', rotated: boolean, boxes: Box[]): void {
	const g = ctx.createLinearGradient(x, y, x + w, y + h);
	if (metal === 'gold') {
		g.addColorStop(0, '#f6dc8c');
		g.addColorStop(0.5, '#c9a24a');
		g.addColorStop(1, '#e9cd7a');
	} else {
		g.addColorStop(0, '#eef0f2');
		g.addColorStop(0.5, '#a9adb2');
		g.addColorStop(1, '#d9dcdf');
	}
	ctx.save();
	roundRect(ctx, x, y, w, h, 1.3 * S);
	ctx.fillStyle = g;
	ctx.fill();
	ctx.strokeStyle = metal === 'gold' ? 'rgba(110,80,20,0.8)' : 'rgba(80,80,85,0.8)';
	ctx.lineWidth = 0.17 * S;
	ctx.stroke();
	const cw = (rotated ? h : w) * 0.34;
	const ch = (rotated ? w : h) * 0.42;
	const cx = x + w / 2;
	const cy = y + h / 2;
	ctx.beginPath();
	if (!rotated) {
		ctx.rect(cx - cw / 2, cy - ch / 2, cw, ch);
		for (const f of [1 / 3, 2 / 3]) {
			ctx.moveTo(x, y + h * f);
			ctx.lineTo(cx - cw / 2, y + h * f);
			ctx.moveTo(cx + cw / 2, y + h * f);
			ctx.lineTo(x + w, y + h * f);
		}
		ctx.moveTo(cx, y);
		ctx.lineTo(cx, cy - ch / 2);
		ctx.moveTo(cx, cy + ch / 2);
		ctx.lineTo(cx, y + h);
	} else {
		ctx.rect(cx - ch / 2, cy - cw / 2, ch, cw);
		for (const f of [1 / 3, 2 / 3]) {
			ctx.moveTo(x + w * f, y);
			ctx.lineTo(x + w * f, cy - cw / 2);
			ctx.moveTo(x + w * f, cy + cw / 2);
			ctx.lineTo(x + w * f, y + h);
		}
		ctx.moveTo(x, cy);
		ctx.lineTo(cx - ch / 2, cy);
		ctx.moveTo(cx + ch / 2, cy);
		ctx.lineTo(x + w, cy);
	}
	ctx.lineWidth = 0.14 * S;
	ctx.stroke();
	ctx.restore();
	boxes.push({ role: 'chip', text: '', x, y, w, h, group: `g${groupSeq++}` });
}

function drawContactless(ctx: Ctx, x: number, y: number, size: number, color: string, boxes: Box[]): void {
	ctx.save();
	ctx.strokeStyle = color;
	ctx.lineCap = 'round';
	ctx.lineWidth = size * 0.085;
	for (let i = 0; i < 4; i++) {
		const r = size * (0.22 + 0.2 * i);
		ctx.beginPath();
		ctx.arc(x, y + size / 2, r, -0.85, 0.85);
		ctx.stroke();
	}
	ctx.restore();
	boxes.push({ role: 'contactless', text: '', x: x, y, w: size * 0.9, h: size, group: `g${groupSeq++}` });
}

function drawHologram(ctx: Ctx, x: number, y: number, w: number, h: number, boxes: Box[]): void {
	ctx.save();
	roundRect(ctx, x, y, w, h, 0.6 * S);
	ctx.clip();
	const g = ctx.createLinearGradient(x, y, x + w, y + h);
	['#c0c0ff', '#b5ffd9', '#fff6a8', '#ffc1d6', '#b8e6ff', '#e0e0e0'].forEach((c, i, a) => g.addColorStop(i / (a.length - 1), c));
	ctx.fillStyle = g;
	ctx.fillRect(x, y, w, h);
	ctx.strokeStyle = 'rgba(255,255,255,0.5)';
	ctx.lineWidth = 0.15 * S;
	for (let i = -10; i < 20; i++) {
		ctx.beginPath();
		ctx.moveTo(x + i * 0.9 * S, y);
		ctx.lineTo(x + i * 0.9 * S + h, y + h);
		ctx.stroke();
	}
	ctx.fillStyle = 'rgba(120,120,140,0.35)';
	ctx.beginPath();
	ctx.ellipse(x + w * 0.5, y + h * 0.5, w * 0.25, h * 0.22, -0.4, 0, Math.PI * 2);
	ctx.fill();
	ctx.restore();
	boxes.push({ role: 'holo', text: '', x, y, w, h, group: `g${groupSeq++}` });
}

/** The font size (px) at which text is w wide. */
function fitFontToWidth(ctx: Ctx, font: string, text: string, w: number): number {
	ctx.font = `100px ${font}`;
	return (100 * w) / ctx.measureText(text).width;
}

/** Height of the network mark drawn w wide. */
function logoHeight(brand: Brand, w: number, withText: boolean): number {
	switch (brand) {
		case 'visa':
			return w * 0.33;
		case 'mastercard':
			return (w / 3.2) * 2 + (withText ? w * 0.2 : 0);
		case 'amex':
			return w;
		case 'discover':
			return w * 0.18;
		case 'diners':
			return w * 0.36;
		case 'jcb':
			return w * 0.74;
		case 'unionpay':
			return w * 0.64;
	}
}
function drawLogo(ctx: Ctx, brand: Brand, x: number, y: number, w: number, onDark: boolean, withText: boolean, boxes: Box[]): number {
	const h = logoHeight(brand, w, withText);
	ctx.save();
	switch (brand) {
		case 'visa': {
			const px = fitFontToWidth(ctx, 'NimbusSansBI', 'VISA', w);
			ctx.font = `${px}px NimbusSansBI`;
			ctx.fillStyle = onDark ? '#ffffff' : '#1a1f71';
			ctx.fillText('VISA', x, y + capRatio('NimbusSansBI') * px);
			break;
		}
		case 'mastercard': {
			const r = w / 3.2;
			const c1 = x + r;
			const c2 = x + w - r;
			const cy = y + r;
			ctx.fillStyle = '#eb001b';
			ctx.beginPath();
			ctx.arc(c1, cy, r, 0, Math.PI * 2);
			ctx.fill();
			ctx.fillStyle = '#f79e1b';
			ctx.beginPath();
			ctx.arc(c2, cy, r, 0, Math.PI * 2);
			ctx.fill();
			ctx.save();
			ctx.beginPath();
			ctx.arc(c1, cy, r, 0, Math.PI * 2);
			ctx.clip();
			ctx.fillStyle = '#ff5f00';
			ctx.beginPath();
			ctx.arc(c2, cy, r, 0, Math.PI * 2);
			ctx.fill();
			ctx.restore();
			if (withText) {
				const px = fitFontToWidth(ctx, 'RobotoM', 'mastercard', w * 0.92);
				ctx.font = `${px}px RobotoM`;
				ctx.fillStyle = onDark ? '#ffffff' : '#222222';
				ctx.fillText('mastercard', x + w * 0.04, y + 2 * r + w * 0.17);
			}
			break;
		}
		case 'amex': {
			ctx.fillStyle = '#2e77bc';
			ctx.fillRect(x, y, w, w);
			const px = fitFontToWidth(ctx, 'RobotoCondB', 'AMERICAN', w * 0.86);
			ctx.font = `${px}px RobotoCondB`;
			ctx.fillStyle = '#ffffff';
			const cap = capRatio('RobotoCondB') * px;
			ctx.fillText('AMERICAN', x + w * 0.07, y + w * 0.5 - cap * 0.25);
			const px2 = fitFontToWidth(ctx, 'RobotoCondB', 'EXPRESS', w * 0.86);
			ctx.font = `${px2}px RobotoCondB`;
			ctx.fillText('EXPRESS', x + w * 0.07, y + w * 0.5 + cap * 1.2);
			break;
		}
		case 'discover': {
			const px = fitFontToWidth(ctx, 'LibSansB', 'DISCOVER', w);
			ctx.font = `${px}px LibSansB`;
			const cap = capRatio('LibSansB') * px;
			ctx.fillStyle = onDark ? '#ffffff' : '#231f20';
			const wDisc = ctx.measureText('DISC').width;
			const wO = ctx.measureText('O').width;
			ctx.fillText('DISC', x, y + cap);
			const g = ctx.createRadialGradient(x + wDisc + wO * 0.4, y + cap * 0.4, 1, x + wDisc + wO / 2, y + cap / 2, cap * 0.6);
			g.addColorStop(0, '#ffd080');
			g.addColorStop(1, '#f26f21');
			ctx.fillStyle = g;
			ctx.beginPath();
			ctx.arc(x + wDisc + wO / 2, y + cap / 2, cap * 0.52, 0, Math.PI * 2);
			ctx.fill();
			ctx.fillStyle = onDark ? '#ffffff' : '#231f20';
			ctx.fillText('VER', x + wDisc + wO, y + cap);
			break;
		}
		case 'diners': {
			const col = onDark ? '#ffffff' : '#0b4f9c';
			const r = h / 2;
			ctx.strokeStyle = col;
			ctx.lineWidth = r * 0.18;
			ctx.beginPath();
			ctx.arc(x + r, y + r, r * 0.9, 0, Math.PI * 2);
			ctx.stroke();
			ctx.beginPath();
			ctx.arc(x + r * 0.55, y + r, r * 0.45, -Math.PI / 2, Math.PI / 2);
			ctx.stroke();
			ctx.beginPath();
			ctx.arc(x + r * 1.45, y + r, r * 0.45, Math.PI / 2, Math.PI * 1.5);
			ctx.stroke();
			const px = fitFontToWidth(ctx, 'TinosB', 'Diners Club', w - 2.3 * r);
			ctx.font = `${px}px TinosB`;
			ctx.fillStyle = col;
			ctx.fillText('Diners Club', x + 2.3 * r, y + r * 1.05);
			const px2 = fitFontToWidth(ctx, 'ArimoR', 'INTERNATIONAL', w - 2.3 * r);
			ctx.font = `${px2}px ArimoR`;
			ctx.fillText('INTERNATIONAL', x + 2.3 * r, y + r * 1.75);
			break;
		}
		case 'jcb': {
			const cw = w / 3 - w * 0.02;
			const cols = [
				['#0e4c96', '#3b7bd0'],
				['#e21836', '#f25a6e'],
				['#007940', '#34a86c'],
			];
			['J', 'C', 'B'].forEach((L, i) => {
				const xx = x + i * (cw + w * 0.03);
				const g = ctx.createLinearGradient(xx, y, xx + cw, y);
				g.addColorStop(0, cols[i][0]);
				g.addColorStop(1, cols[i][1]);
				roundRect(ctx, xx, y, cw, h, cw * 0.28);
				ctx.fillStyle = g;
				ctx.fill();
				ctx.font = `${(h * 0.55).toFixed(1)}px ArimoB`;
				ctx.fillStyle = '#ffffff';
				const lw = ctx.measureText(L).width;
				ctx.fillText(L, xx + (cw - lw) / 2, y + h * 0.72);
			});
			break;
		}
		case 'unionpay': {
			const pw = w * 0.42;
			const sk = w * 0.1;
			const cols = ['#e21836', '#00447c', '#007b84'];
			cols.forEach((c, i) => {
				const xx = x + i * w * 0.27;
				ctx.fillStyle = c;
				ctx.beginPath();
				ctx.moveTo(xx + sk, y);
				ctx.lineTo(xx + pw, y);
				ctx.lineTo(xx + pw - sk, y + h);
				ctx.lineTo(xx, y + h);
				ctx.closePath();
				ctx.fill();
			});
			const px = fitFontToWidth(ctx, 'ArimoB', 'UnionPay', w * 0.8);
			ctx.font = `${px}px ArimoB`;
			ctx.fillStyle = '#ffffff';
			ctx.fillText('UnionPay', x + w * 0.1, y + h * 0.78);
			break;
		}
	}
	ctx.restore();
	boxes.push({ role: 'logo', text: brand, x, y, w, h, group: `g${groupSeq++}` });
	return h;
}

// ---------------------------------------------------------------- backgrounds

// prettier-ignore
const DARK = ['#0b1f3a', '#111213', '#1d1d1f', '#2b2d31', '#0d3b2e', '#4a0e1e', '#2a0f4a', '#083a4a', '#1a2a6c', '#3b0a0a', '#14213d', '#202a25', '#3a1f5d', '#0f2f57'];
// prettier-ignore
const MID = ['#1565c0', '#b71c1c', '#00796b', '#6a1b9a', '#2e7d32', '#c43e12', '#ad1457', '#283593', '#00695c', '#5d4037', '#37474f', '#0277bd'];
// prettier-ignore
const LIGHT = ['#f5f5f5', '#ffffff', '#e3f2fd', '#e8f5e9', '#fff8e1', '#fce4ec', '#eceff1', '#f3e5f5', '#e0f7fa', '#f1ece2', '#dfe6e9', '#d7ccc8', '#ffe0b2', '#c8e6c9'];
type Metal = 'gold' | 'silver' | 'rose' | 'graphite' | 'steel';
const METALS: Record<Metal, string[]> = {
	gold: ['#a47f2c', '#e6c36a', '#c29d45', '#f0d890'],
	silver: ['#9aa0a6', '#e3e6e9', '#b7bcc1', '#f2f4f5'],
	rose: ['#b27079', '#e8b9bb', '#c98a8f'],
	graphite: ['#2b2e31', '#5d6266', '#3c4044'],
	steel: ['#50606b', '#a7b4bd', '#6f808b'],
};

type Overlay = 'none' | 'waves' | 'circles' | 'stripes' | 'geo' | 'dots' | 'topo';

interface Design {
	/** tone-fill (dark-linear, metal-gold, amex-green/solid, ...); paintBackground goes by it. */
	desc: string;
	colors: string[];
	avgLum: number;
	ink: Ink;
	labelInk: Ink;
	overlay: Overlay;
	/** Light ink, so overlays are drawn light too. */
	dark: boolean;
}

function pickDesign(rng: Rng, spec: CardSpec): Design {
	let colors: string[];
	let kind: string;
	// Most Amex cards come in Amex's own colours.
	if (spec.brand === 'amex' && rng.chance(0.8)) {
		const v = rng.pick(['green', 'gold', 'platinum', 'blue', 'black', 'white'] as const);
		kind = rng.pick(['linear', 'metal', 'solid']);
		colors = {
			green: ['#86a88f', '#6e917a'],
			gold: METALS.gold,
			platinum: METALS.silver,
			blue: ['#2a74b8', '#1d5d99'],
			black: ['#1a1a1a', '#2c2c2c'],
			white: ['#f4f4f2', '#e3e5e8'],
		}[v];
		if (v === 'gold' || v === 'platinum') kind = 'metal';
		kind = `amex-${v}/${kind}`;
	} else {
		const tone = rng.wpick<'dark' | 'mid' | 'light' | 'metal'>([
			['dark', 4.5],
			['mid', 2.5],
			['light', 3],
			['metal', 1.4],
		]);
		if (tone === 'metal') {
			const m = rng.pick(Object.keys(METALS) as Metal[]);
			colors = METALS[m];
			kind = `metal-${m}`;
		} else {
			const pal = tone === 'dark' ? DARK : tone === 'mid' ? MID : LIGHT;
			const c0 = rng.pick(pal);
			const c1 = rng.chance(0.5) ? rng.pick(pal) : shade(c0, tone === 'light' ? -rng.range(0.05, 0.15) : rng.sign() * rng.range(0.1, 0.3));
			colors = [c0, c1];
			kind = `${tone}-${rng.wpick([
				['solid', 2],
				['linear', 3],
				['radial', 1.5],
				['photo', 1.5],
			])}`;
		}
	}
	const avgLum = colors.reduce((a, c) => a + lum(c), 0) / colors.length;
	const maxLum = Math.max(...colors.map(lum));
	const minLum = Math.min(...colors.map(lum));
	// Printed text keeps a contrast ratio >= 4.5 against the worst background colour: a reader has to be able to read it.
	const INK_L: Record<Ink, number> = {
		white: 0.95,
		cream: 0.8,
		silver: 0.6,
		gold: 0.45,
		black: 0.01,
		darkgrey: 0.045,
		navy: 0.02,
		brown: 0.03,
	};
	const cr = (a: number, b: number): number => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
	const lightOk = (i: Ink): boolean => cr(INK_L[i], maxLum + 0.04) >= 4.5;
	const darkOk = (i: Ink): boolean => cr(INK_L[i], minLum - 0.03) >= 4.5;
	let ink: Ink;
	const lightC = (
		[
			['white', 4],
			['silver', 2],
			['gold', 1.6],
			['cream', 0.8],
		] as [Ink, number][]
	).filter(([i]) => lightOk(i));
	const darkC = (
		[
			['black', 4],
			['darkgrey', 2],
			['navy', 1.4],
			['brown', 0.6],
		] as [Ink, number][]
	).filter(([i]) => darkOk(i));
	if (avgLum < 0.3 && lightC.length) ink = rng.wpick(lightC);
	else if (darkC.length) ink = rng.wpick(darkC);
	// A busy metal that neither ink clears: the better of white and black.
	else ink = cr(INK_L.white, avgLum) >= cr(INK_L.black, avgLum) ? 'white' : 'black';
	const dark = ['white', 'silver', 'gold', 'cream'].includes(ink);
	const labelInk: Ink = dark ? (rng.chance(0.7) ? 'white' : ink) : rng.chance(0.7) ? 'black' : ink;
	const overlay = rng.wpick<Overlay>([
		['none', 3],
		['waves', 1.3],
		['circles', 1.2],
		['stripes', 1],
		['geo', 1],
		['dots', 0.7],
		['topo', 0.8],
	]);
	return { desc: kind, colors, avgLum, ink, labelInk, overlay, dark };
}

function paintBackground(ctx: Ctx, rng: Rng, W: number, H: number, d: Design): void {
	const c = d.colors;
	const kind = d.desc;
	if (kind.includes('metal')) {
		const g = ctx.createLinearGradient(0, 0, W * rng.range(0.6, 1.2), H);
		c.forEach((col, i) => g.addColorStop(i / (c.length - 1), col));
		ctx.fillStyle = g;
		ctx.fillRect(0, 0, W, H);
		// Brushed metal: a faint light or dark line per pixel row (or column).
		const horiz = rng.chance(0.75);
		for (let i = 0; i < (horiz ? H : W); i += 1) {
			ctx.fillStyle = rng.chance(0.5)
				? `rgba(255,255,255,${rng.range(0.01, 0.07).toFixed(3)})`
				: `rgba(0,0,0,${rng.range(0.01, 0.06).toFixed(3)})`;
			if (horiz) ctx.fillRect(0, i, W, 1);
			else ctx.fillRect(i, 0, 1, H);
		}
		const sh = ctx.createLinearGradient(W * rng.range(0, 0.5), 0, W * rng.range(0.5, 1), H);
		sh.addColorStop(0, 'rgba(255,255,255,0)');
		sh.addColorStop(0.5, `rgba(255,255,255,${rng.range(0.1, 0.3).toFixed(2)})`);
		sh.addColorStop(1, 'rgba(255,255,255,0)');
		ctx.fillStyle = sh;
		ctx.fillRect(0, 0, W, H);
	} else if (kind.endsWith('radial')) {
		const g = ctx.createRadialGradient(W * rng.range(0, 1), H * rng.range(0, 1), 1, W * 0.5, H * 0.5, W * rng.range(0.6, 1.1));
		g.addColorStop(0, c[1]);
		g.addColorStop(1, c[0]);
		ctx.fillStyle = g;
		ctx.fillRect(0, 0, W, H);
	} else if (kind.endsWith('photo')) {
		// A photo-like wash: a few random colour cells scaled up, then soft blurred blobs.
		const gw = rng.int(5, 9);
		const gh = rng.int(3, 6);
		const small = createCanvas(gw, gh);
		const sc = small.getContext('2d');
		for (let y = 0; y < gh; y++)
			for (let x = 0; x < gw; x++) {
				sc.fillStyle = jitterColor(rng, rng.chance(0.5) ? c[0] : c[1], 0.06);
				sc.fillRect(x, y, 1, 1);
			}
		ctx.imageSmoothingEnabled = true;
		ctx.imageSmoothingQuality = 'high';
		ctx.drawImage(small, -W * 0.1, -H * 0.1, W * 1.2, H * 1.2);
		ctx.filter = `blur(${Math.round(W / 25)}px)`;
		for (let i = 0; i < rng.int(3, 7); i++) {
			ctx.fillStyle = d.dark ? `rgba(255,255,255,${rng.range(0.04, 0.1).toFixed(2)})` : `rgba(0,0,0,${rng.range(0.03, 0.07).toFixed(2)})`;
			ctx.beginPath();
			ctx.ellipse(rng.range(0, W), rng.range(0, H), rng.range(0.1, 0.35) * W, rng.range(0.08, 0.3) * H, rng.range(0, 3), 0, Math.PI * 2);
			ctx.fill();
		}
		ctx.filter = 'none';
	} else if (kind.endsWith('solid')) {
		ctx.fillStyle = c[0];
		ctx.fillRect(0, 0, W, H);
	} else {
		const a = rng.range(0, Math.PI * 2);
		const g = ctx.createLinearGradient(
			W / 2 - (Math.cos(a) * W) / 2,
			H / 2 - (Math.sin(a) * H) / 2,
			W / 2 + (Math.cos(a) * W) / 2,
			H / 2 + (Math.sin(a) * H) / 2,
		);
		c.forEach((col, i) => g.addColorStop(i / Math.max(1, c.length - 1), col));
		ctx.fillStyle = g;
		ctx.fillRect(0, 0, W, H);
	}
	const ov = d.overlay;
	const col = (a: number): string => (d.dark ? `rgba(255,255,255,${a.toFixed(3)})` : `rgba(0,0,0,${(a * 0.8).toFixed(3)})`);
	ctx.save();
	if (ov === 'waves') {
		const n = rng.int(6, 22);
		const amp = rng.range(2, 9) * S;
		const per = rng.range(25, 70) * S;
		const y0 = rng.range(0.2, 0.8) * H;
		const sp = rng.range(0.6, 2.5) * S;
		ctx.lineWidth = rng.range(0.2, 1.5) * S;
		ctx.strokeStyle = col(rng.range(0.06, 0.16));
		for (let i = 0; i < n; i++) {
			ctx.beginPath();
			for (let x = -10; x <= W + 10; x += 8) {
				const y = y0 + i * sp + amp * Math.sin((x / per) * Math.PI * 2 + i * 0.25);
				x < 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y);
			}
			ctx.stroke();
		}
	} else if (ov === 'circles') {
		for (let i = 0; i < rng.int(2, 5); i++) {
			ctx.fillStyle = col(rng.range(0.04, 0.12));
			ctx.beginPath();
			ctx.arc(rng.range(0.4, 1.1) * W, rng.range(-0.2, 1.2) * H, rng.range(15, 60) * S, 0, Math.PI * 2);
			ctx.fill();
		}
	} else if (ov === 'stripes') {
		const bw = rng.range(2, 14) * S;
		const ang = rng.range(-1, 1);
		ctx.translate(W / 2, H / 2);
		ctx.rotate(ang);
		ctx.fillStyle = col(rng.range(0.04, 0.1));
		for (let x = -W * 1.5; x < W * 1.5; x += bw * 2) ctx.fillRect(x, -H * 1.5, bw, H * 3);
	} else if (ov === 'geo') {
		for (let i = 0; i < rng.int(5, 14); i++) {
			ctx.fillStyle = col(rng.range(0.03, 0.1));
			ctx.beginPath();
			for (let k = 0; k < 3; k++) ctx.lineTo(rng.range(-0.2, 1.2) * W, rng.range(-0.2, 1.2) * H);
			ctx.closePath();
			ctx.fill();
		}
	} else if (ov === 'dots') {
		const step = rng.range(1.2, 2.5) * S;
		ctx.fillStyle = col(rng.range(0.08, 0.16));
		for (let y = step / 2; y < H; y += step)
			for (let x = step / 2; x < W; x += step) {
				const r = step * 0.42 * Math.max(0, (x / W - 0.35) / 0.65);
				if (r > 0.5) {
					ctx.beginPath();
					ctx.arc(x, y, r, 0, Math.PI * 2);
					ctx.fill();
				}
			}
	} else if (ov === 'topo') {
		const cx = rng.range(0, W);
		const cy = rng.range(0, H);
		const n = rng.int(10, 25);
		const ph = rng.range(0, 6);
		ctx.strokeStyle = col(rng.range(0.07, 0.15));
		ctx.lineWidth = rng.range(0.15, 0.5) * S;
		for (let i = 1; i <= n; i++) {
			ctx.beginPath();
			for (let t = 0; t <= 64; t++) {
				const a = (t / 64) * Math.PI * 2;
				const r = i * 3.2 * S * (1 + 0.18 * Math.sin(a * 3 + ph + i * 0.2) + 0.08 * Math.sin(a * 5 - ph));
				ctx.lineTo(cx + Math.cos(a) * r * 1.3, cy + Math.sin(a) * r);
			}
			ctx.stroke();
		}
	}
	ctx.restore();
	// Print grain: without it, flat colour fields are cleaner than any printed card.
	const img = ctx.getImageData(0, 0, W, H);
	const dd = img.data;
	const amp = rng.range(2, 6);
	const tab = new Float32Array(8192);
	for (let i = 0; i < tab.length; i++) tab[i] = (rng.next() - 0.5) * 2 * amp;
	let st = rng.u32();
	for (let i = 0; i < dd.length; i += 4) {
		st = (Math.imul(st, 1664525) + 1013904223) >>> 0;
		const v = tab[st >>> 19];
		dd[i] += v;
		dd[i + 1] += v;
		dd[i + 2] += v;
	}
	ctx.putImageData(img, 0, 0);
}

// ---------------------------------------------------------------- the card

// How often a layout is embossed (where the name allows it: embossers print capitals only).
const EMB_PROB: Record<Layout, number> = {
	classic: 0.65,
	amex465: 0.7,
	diners464: 0.6,
	nineteen: 0.4,
	minimal: 0,
	numberAboveName: 0.15,
	numberBelowName: 0.12,
	vertical1: 0,
	vertical2: 0,
};

interface Painted {
	design: Design;
	bg: Canvas;
}

// The background is painted once and reused by several layout attempts, since painting it is the slow part.
function paintDesign(rng: Rng, spec: CardSpec, W: number, H: number): Painted {
	const design = pickDesign(rng, spec);
	const bg = createCanvas(W, H);
	const ctx = bg.getContext('2d');
	ctx.save();
	roundRect(ctx, 0, 0, W, H, 3.18 * S);
	ctx.clip();
	paintBackground(ctx, rng, W, H, design);
	ctx.restore();
	return { design, bg };
}

type Attempt = { res: RenderedCard } | { err: string };

function tryRender(rng: Rng, spec: CardSpec, P: Painted): Attempt {
	const vertical = spec.layout.startsWith('vertical');
	const wMm = vertical ? 54 : 85.6;
	const hMm = vertical ? 85.6 : 54;
	const W = Math.round(wMm * S);
	const H = Math.round(hMm * S);
	const canvas = createCanvas(W, H);
	const ctx = canvas.getContext('2d');
	ctx.drawImage(P.bg, 0, 0);
	const boxes: Box[] = [];
	const d = P.design;
	const notes: string[] = [spec.brand, `bg ${d.desc}${d.overlay !== 'none' ? '+' + d.overlay : ''}`];
	ctx.save();
	roundRect(ctx, 0, 0, W, H, 3.18 * S);
	ctx.clip();

	const emb = spec.name === spec.name.toUpperCase() && rng.chance(EMB_PROB[spec.layout]);
	const embFonts: Array<[string, number]> = [
		['OCRA', 2],
		['OCRB', 3],
		...fontsWith('emb')
			.filter((f) => !f.startsWith('OCR'))
			.map((f) => [f, 0.7] as [string, number]),
		...fontsWith('embsans').map((f) => [f, 0.4] as [string, number]),
	];
	const numFont = emb ? rng.wpick(embFonts) : rng.chance(0.12) ? rng.pick(['OCRB', 'OCRA']) : rng.pick(fontsWith('num'));
	const nameFont = emb
		? rng.chance(0.75)
			? numFont
			: rng.wpick(embFonts)
		: rng.chance(0.35) && fontsWith('name').includes(numFont)
			? numFont
			: rng.pick(fontsWith('name'));
	const labFont = rng.pick(fontsWith('label'));
	const bankFont = rng.pick(fontsWith('bank'));
	notes.push(`${emb ? 'embossed' : 'flat'} ${d.ink} ${numFont}/${nameFont}`);

	const jit = emb ? rng.range(0.2, 0.9) : 0;
	const mkSt = (font: string, capMm: number, spacingEm: number, embossed = emb, ink: Ink = d.ink, alpha = 1): TStyle => ({
		font,
		cap: capMm * S,
		spacing: capMm * S * spacingEm,
		ink,
		emboss: embossed,
		jitter: embossed ? jit : 0,
		alpha,
	});
	const labelSt = (): TStyle => mkSt(labFont, rng.range(1.0, 1.45), rng.range(0, 0.12), false, d.labelInk, rng.range(0.8, 1));
	const groups = splitGroups(spec.number, spec.groups);
	const onDark = d.dark;
	const logoWithText = rng.chance(0.5);
	const expNote = (): void => {
		notes.push(
			`exp label ${spec.label.mode}:${spec.label.text.replace(' ', '_') || '-'}${spec.label.over ? '+' + spec.label.over : ''}${spec.decoy.kind !== 'none' ? `; decoy ${spec.decoy.label} ${spec.decoy.value}` : ''}`,
		);
	};

	const bankText = rng.pick(BANKS);
	const bankUpper = bankText === bankText.toUpperCase();
	const bankInk: Ink = d.ink === 'gold' || d.ink === 'silver' ? d.ink : d.labelInk;
	const drawBank = (x: number, capMm: number, align: 'left' | 'right', maxW: number): Box | null => {
		const st = mkSt(bankFont, capMm, bankUpper ? rng.range(0, 0.25) : 0, false, bankInk);
		if (!fit(st, () => textW(ctx, bankText, st), maxW, 1.6 * S)) return null;
		const w = textW(ctx, bankText, st);
		const base = rng.range(3.6, 5.5) * S + st.cap * 1.15;
		notes.push(`bank "${bankText}"`);
		return drawText(ctx, rng, bankText, align === 'left' ? x : x - w, base, st, 'bank', boxes);
	};
	const product = rng.chance(0.75) ? rng.pick(PRODUCTS) : '';
	const prodSt = mkSt(
		rng.chance(0.5) ? bankFont : labFont,
		rng.range(1.6, 2.8),
		rng.range(0.05, 0.3),
		false,
		rng.chance(0.5) ? d.ink : d.labelInk,
	);
	// Products get extra side clearance (padX) so they never read as part of the name or number next to them.
	const drawProduct = (x: number, base: number, align: 'left' | 'right', where: string, padX = 3 * S): Box | null => {
		if (!product) return null;
		const w = textW(ctx, product, prodSt);
		const b = drawText(ctx, rng, product, align === 'left' ? x : x - w, base, prodSt, 'product', boxes);
		b.padX = padX;
		notes.push(`product "${product}" ${where}`);
		return b;
	};
	const chipMetal = rng.chance(0.7) ? 'gold' : 'silver';
	const contactColor = onDark ? 'rgba(255,255,255,0.85)' : 'rgba(30,30,30,0.8)';
	const numSpacing = (): number => (emb ? rng.range(0.02, 0.16) : rng.range(-0.02, 0.3));
	const digitGap = (st: TStyle): number => textW(ctx, '0', st) * rng.range(0.55, 1.5);
	const nameSpacing = (): number => (emb ? rng.range(0.03, 0.12) : rng.range(0, 0.18));
	const name = spec.name;
	const L = spec.layout;
	const bottomOf = (b: Box): number => b.y + b.h;

	if (!vertical) {
		const logoPos = L === 'amex465' ? rng.pick(['tl', 'tr']) : L === 'minimal' ? rng.pick(['tr', 'br']) : rng.chance(0.68) ? 'br' : 'tr';
		const logoW =
			(spec.brand === 'amex'
				? logoPos === 'tl'
					? rng.range(9.5, 12)
					: rng.range(11, 14.5)
				: spec.brand === 'discover'
					? rng.range(18, 24)
					: spec.brand === 'diners'
						? rng.range(20, 26)
						: spec.brand === 'jcb'
							? rng.range(10, 13)
							: rng.range(13.5, 19)) * S;
		const logoH = logoHeight(spec.brand, logoW, logoWithText);
		let logoX = 0;
		let logoY = 0;
		if (logoPos === 'br') {
			logoX = W - rng.range(4.5, 6.5) * S - logoW;
			logoY = H - rng.range(4.2, 6) * S - logoH;
		} else if (logoPos === 'tr') {
			logoX = W - rng.range(4.5, 6.5) * S - logoW;
			logoY = rng.range(4.0, 6.0) * S;
		} else {
			logoX = rng.range(5, 7) * S;
			logoY = rng.range(4.0, 5.5) * S;
		}
		drawLogo(ctx, spec.brand, logoX, logoY, logoW, onDark, logoWithText, boxes);
		notes.push(`logo ${logoPos}`);
		// Text in the logo's rows stops short of the logo.
		const rightLimit = (top: number, bottom: number): number =>
			logoPos !== 'tl' && top < logoY + logoH + 1.5 * S && bottom > logoY - 1.5 * S ? logoX - 2.8 * S : W - 6 * S;

		// Issuer, then maybe the product near it or near the logo.
		const bankCap = rng.range(2.2, 3.6);
		let bank: Box | null;
		if (logoPos === 'tl') {
			const x = W - rng.range(5, 7) * S;
			bank = drawBank(x, bankCap, 'right', x - (logoX + logoW + 4 * S));
		} else if (logoPos === 'tr') {
			const x = rng.range(5.5, 8) * S;
			bank = drawBank(x, bankCap, 'left', logoX - 4 * S - x);
		} else if (rng.chance(0.65)) {
			const x = rng.range(5.5, 8) * S;
			bank = drawBank(x, bankCap, 'left', W * 0.75 - x);
		} else {
			const x = W - rng.range(5.5, 7) * S;
			bank = drawBank(x, bankCap, 'right', x - W * 0.3);
		}
		if (!bank) return { err: 'bank' };
		const wheres = ['underBank'];
		if (logoPos !== 'br' && ['classic', 'nineteen', 'diners464', 'amex465'].includes(L)) wheres.push('onName', 'onName');
		if (logoPos === 'br') wheres.push('aboveLogo');
		if (logoPos === 'tr') wheres.push('underLogo');
		const prodWhere = product ? rng.pick(wheres) : 'none';
		if (prodWhere === 'underBank') {
			const left = bank.x < W / 2;
			drawProduct(
				left ? bank.x : bank.x + bank.w,
				bottomOf(bank) + rng.range(1.4, 2.4) * S + prodSt.cap,
				left ? 'left' : 'right',
				'under bank',
			);
		} else if (prodWhere === 'aboveLogo') drawProduct(W - rng.range(5, 7) * S, logoY - rng.range(1.8, 3) * S, 'right', 'above logo');
		else if (prodWhere === 'underLogo')
			drawProduct(W - rng.range(5, 7) * S, logoY + logoH + rng.range(1.6, 2.6) * S + prodSt.cap, 'right', 'under logo');
		const topBottom = Math.max(3 * S, ...boxes.filter((b) => b.x < W * 0.4).map(bottomOf));

		const chipW = rng.range(10.5, 12.5) * S;
		const chipH = rng.range(8.2, 9.6) * S;
		const chipX = rng.range(7, 10.5) * S;
		const chipY = Math.max(rng.range(14, 18) * S, topBottom + rng.range(1.5, 2.5) * S);
		if (chipY + chipH > 31 * S) return { err: 'chip low' };
		drawChip(ctx, chipX, chipY, chipW, chipH, chipMetal, false, boxes);
		if (rng.chance(0.65)) {
			const cs = rng.range(4.2, 6) * S;
			if (rng.chance(0.75) || logoPos !== 'br')
				drawContactless(ctx, chipX + chipW + rng.range(2.5, 6) * S, chipY + (chipH - cs) / 2, cs, contactColor, boxes);
			else drawContactless(ctx, W - rng.range(8, 11) * S, rng.range(5, 8) * S, cs, contactColor, boxes);
		}
		const chipBottom = chipY + chipH;

		// All seven sizes are drawn whichever layout applies; keep it so, or every later draw of the card shifts.
		const numCapByLayout: Partial<Record<Layout, number>> = {
			classic: emb ? rng.range(3.8, 4.6) : rng.range(3.2, 4.3),
			nineteen: rng.range(3.0, 3.9),
			diners464: rng.range(3.6, 4.4),
			amex465: rng.range(3.5, 4.3),
			numberAboveName: rng.range(3.0, 4.0),
			numberBelowName: rng.range(2.6, 3.6),
			minimal: rng.range(2.2, 3.0),
		};
		const numCapMm = numCapByLayout[L] as number;
		const numSt = mkSt(numFont, numCapMm, numSpacing());
		let gap = digitGap(numSt);
		const nameSt = mkSt(nameFont, L === 'minimal' ? rng.range(2.0, 2.8) : emb ? rng.range(2.6, 3.3) : rng.range(2.2, 3.2), nameSpacing());
		const dateSt = mkSt(
			rng.chance(0.7) ? nameFont : numFont,
			Math.max(2.0, Math.min((nameSt.cap / S) * rng.range(0.8, 1.05), 3.3)),
			rng.range(0, 0.12),
		);
		const labSt = labelSt();
		const margin = rng.range(6, 9) * S;
		const numW = (): number => groupsW(ctx, groups, numSt, gap);
		const maxNumW = L === 'minimal' ? W * 0.62 : W - 2 * rng.range(5.5, 7.5) * S;
		if (
			!fit(
				numSt,
				() => {
					// The gap between groups shrinks with the digits, never wider than 1.4 digits.
					gap = Math.min(gap, textW(ctx, '0', numSt) * 1.4);
					return numW();
				},
				maxNumW,
				2.0 * S,
			)
		)
			return { err: 'number too wide' };
		const expRow = expiryRow(ctx, rng, spec, dateSt, labSt);
		expNote();
		const placeExpiry = (xWanted: number, base: number): number => {
			const rl = rightLimit(base + expRow.top, base);
			const x = Math.max(5.5 * S, Math.min(xWanted, rl - expRow.w));
			drawExpiryRow(ctx, rng, expRow, x, base, boxes);
			return x;
		};
		const placeName = (x: number, base: number, maxRight?: number): boolean => {
			const mr = maxRight ?? rightLimit(base - nameSt.cap, base + nameSt.cap * 0.3);
			if (!fit(nameSt, () => textW(ctx, name, nameSt), mr - x, 1.7 * S)) return false;
			drawText(ctx, rng, name, x, base, nameSt, 'name', boxes);
			if (spec.company && base + nameSt.cap * 1.9 < H - 4 * S) {
				const cst = { ...nameSt, cap: nameSt.cap * 0.85 };
				if (textW(ctx, spec.company, cst) < mr - x) {
					drawText(ctx, rng, spec.company, x, base + nameSt.cap * 1.75, cst, 'company', boxes);
					notes.push('company line under name');
				}
			}
			return true;
		};
		const lastBase = (): number => H - rng.range(4.4, 6.2) * S;

		if (L === 'classic' || L === 'nineteen' || L === 'diners464' || L === 'amex465') {
			const center = L !== 'amex465' ? rng.chance(0.7) : rng.chance(0.25);
			const ny = Math.max(rng.range(31.5, 35) * S, chipBottom + rng.range(1.6, 2.8) * S + numSt.cap);
			const nw = numW();
			const nx = center ? (W - nw) / 2 + rng.range(-1.5, 1.5) * S : Math.max(margin * 0.8, chipX - rng.range(0, 2) * S);
			drawGroups(ctx, rng, groups, nx, ny, numSt, gap, boxes);
			notes.push(center ? 'number centred' : 'number left');
			let below = ny;
			// Embossed Visa and Mastercard cards often repeat the first four digits in small print under the number.
			if (emb && (spec.brand === 'visa' || spec.brand === 'mastercard') && rng.chance(0.35)) {
				const bst = mkSt(labFont, rng.range(1.2, 1.5), 0.05, false, d.labelInk);
				drawText(ctx, rng, groups[0], nx, ny + rng.range(2.4, 2.9) * S, bst, 'bin', boxes);
				below += 1.5 * S;
				notes.push('small BIN print under number');
			}
			// Amex prints its four-digit security code (CID) above the number, right-aligned with it.
			if (L === 'amex465') {
				const cst = mkSt(labFont, rng.range(1.5, 2.0), 0.08, false, d.labelInk);
				const cid = String(rng.int(1000, 9999));
				const cw = textW(ctx, cid, cst);
				drawText(ctx, rng, cid, Math.min(W - 7 * S - cw, nx + nw - cw), ny - numSt.cap - rng.range(1.4, 2.2) * S, cst, 'cid', boxes);
				notes.push(`CID ${cid} above number`);
			}
			const ey = below + -expRow.top + rng.range(1.8, 3.0) * S;
			placeExpiry(
				L === 'amex465'
					? nx + rng.range(8, 30) * S
					: rng.chance(0.65)
						? W * rng.range(0.42, 0.58) - expRow.w / 2
						: nx + rng.range(0, 20) * S,
				ey,
			);
			const nmy = Math.min(ey + nameSt.cap + rng.range(2.4, 4.2) * S, H - 4.3 * S);
			const nmx = rng.chance(0.7) ? nx : Math.max(margin * 0.8, nx - rng.range(0, 3) * S);
			if (prodWhere === 'onName') {
				const pb = drawProduct(W - rng.range(6, 8) * S, nmy, 'right', 'on name line', 3.5 * S)!;
				if (!placeName(nmx, nmy, pb.x - 4 * S)) return { err: 'name too wide' };
			} else if (!placeName(nmx, nmy)) return { err: 'name too wide' };
			if (emb && logoPos === 'tr' && rng.chance(0.4) && spec.brand !== 'amex')
				drawHologram(ctx, W - rng.range(20, 24) * S, H - rng.range(15, 17) * S, 14 * S, 10 * S, boxes);
		} else if (L === 'numberAboveName') {
			const nx = rng.range(6.5, 9) * S;
			const ny = Math.max(rng.range(33, 37) * S, chipBottom + rng.range(1.6, 2.8) * S + numSt.cap);
			drawGroups(ctx, rng, groups, nx, ny, numSt, gap, boxes);
			if (rng.chance(0.55)) {
				const ey = ny + -expRow.top + rng.range(1.8, 3.0) * S;
				placeExpiry(nx + (rng.chance(0.5) ? 0 : rng.range(5, 25) * S), ey);
				const nmy = Math.min(ey + nameSt.cap + rng.range(2.4, 3.8) * S, H - 4.3 * S);
				if (!placeName(nx, nmy)) return { err: 'name too wide' };
				notes.push('rows number/expiry/name');
			} else {
				const nmy = Math.min(ny + nameSt.cap + rng.range(2.8, 4.8) * S, H - 4.3 * S);
				const ex = rightLimit(nmy + expRow.top, nmy) - expRow.w;
				if (!placeName(nx, nmy, ex - 4 * S)) return { err: 'name too wide' };
				drawExpiryRow(ctx, rng, expRow, ex, nmy, boxes);
				notes.push('rows number / name+expiry');
			}
		} else if (L === 'numberBelowName') {
			const nx = rng.range(6.5, 9) * S;
			const nw = numW();
			const last = lastBase();
			let ny: number;
			const sameRow = rng.chance(0.45) && nx + nw + 5 * S + expRow.w < rightLimit(last - numSt.cap, last);
			if (sameRow) {
				ny = last;
				drawExpiryRow(ctx, rng, expRow, nx + nw + rng.range(5, 9) * S, ny, boxes);
				notes.push('rows name / number+expiry');
			} else {
				placeExpiry(nx + (rng.chance(0.6) ? 0 : rng.range(4, 20) * S), last);
				ny = last + expRow.top - rng.range(1.8, 2.8) * S;
				notes.push('rows name/number/expiry');
			}
			drawGroups(ctx, rng, groups, nx, ny, numSt, gap, boxes);
			const nmy = ny - numSt.cap - rng.range(2.4, 4) * S;
			if (nmy - nameSt.cap < chipBottom + 1.2 * S) return { err: 'name hits chip' };
			if (!placeName(nx, nmy)) return { err: 'name too wide' };
		} else {
			// L === 'minimal'
			const nx = rng.range(5.5, 8) * S;
			const ny = lastBase();
			drawGroups(ctx, rng, groups, nx, ny, numSt, gap, boxes);
			const nw = numW();
			const nmy = ny - numSt.cap - rng.range(2.2, 3.6) * S;
			const rl = rightLimit(ny - numSt.cap, ny);
			const v = rng.next();
			if (v < 0.4 && nx + nw + 4 * S + expRow.w < rl) {
				drawExpiryRow(ctx, rng, expRow, nx + nw + rng.range(4, 8) * S, ny, boxes);
				if (!placeName(nx, nmy)) return { err: 'name too wide' };
				notes.push('minimal: name / number+expiry');
			} else if (v < 0.7) {
				const ex = rightLimit(nmy + expRow.top, nmy) - expRow.w;
				if (!placeName(nx, nmy, ex - 4 * S)) return { err: 'name too wide' };
				drawExpiryRow(ctx, rng, expRow, ex, nmy, boxes);
				notes.push('minimal: name+expiry / number');
			} else {
				if (!placeName(nx, nmy)) return { err: 'name too wide' };
				const ey = nmy - nameSt.cap - rng.range(2.0, 3.2) * S;
				placeExpiry(nx, ey);
				notes.push('minimal: expiry / name / number');
			}
		}
	} else {
		// Vertical cards: logo bottom right, chip top left, text stacked upwards from above the logo.
		const logoW = rng.range(12, 16) * S;
		const logoH = logoHeight(spec.brand, logoW, logoWithText);
		const logoX = W - rng.range(4.5, 6) * S - logoW;
		const logoY = H - rng.range(4.5, 6.5) * S - logoH;
		drawLogo(ctx, spec.brand, logoX, logoY, logoW, onDark, logoWithText, boxes);
		const chipW = rng.range(8.2, 9.4) * S;
		const chipH = rng.range(10.5, 12.2) * S;
		const chipX = rng.range(6, 9) * S;
		const chipY = rng.range(9, 14) * S;
		drawChip(ctx, chipX, chipY, chipW, chipH, chipMetal, true, boxes);
		if (rng.chance(0.7)) {
			const cs = rng.range(4, 5.5) * S;
			drawContactless(ctx, chipX + chipW + rng.range(3, 5) * S, chipY + (chipH - cs) / 2, cs, contactColor, boxes);
		}
		if (rng.chance(0.5)) {
			if (!drawBank(W - rng.range(4.5, 6) * S, rng.range(2, 2.8), 'right', W * 0.45)) return { err: 'bank' };
		} else {
			const st = mkSt(bankFont, rng.range(2.2, 3.2), bankUpper ? rng.range(0, 0.2) : 0, false, bankInk);
			const x = rng.range(5.5, 7.5) * S;
			if (!fit(st, () => textW(ctx, bankText, st), W - x - 5 * S, 1.6 * S)) return { err: 'bank' };
			drawText(ctx, rng, bankText, x, chipY + chipH + rng.range(3, 6) * S + st.cap, st, 'bank', boxes);
			notes.push(`bank "${bankText}"`);
		}
		const x = rng.range(5, 7) * S;
		const maxW = W - x - rng.range(4, 5.5) * S;
		const nameSt = mkSt(nameFont, rng.range(2.1, 2.9), nameSpacing());
		const dateSt = mkSt(rng.chance(0.7) ? nameFont : numFont, (nameSt.cap / S) * rng.range(0.85, 1.05), rng.range(0, 0.1));
		const labSt = labelSt();
		let expRow = expiryRow(ctx, rng, spec, dateSt, labSt);
		// A vertical card is narrow: shrink the date and its labels until the row fits.
		for (let i = 0; i < 12 && expRow.w > maxW; i++) {
			dateSt.cap *= 0.94;
			labSt.cap = Math.max(0.9 * S, labSt.cap * 0.94);
			dateSt.spacing *= 0.8;
			labSt.spacing *= 0.7;
			expRow = expiryRow(ctx, rng, spec, dateSt, labSt);
		}
		if (expRow.w > maxW || dateSt.cap < 1.7 * S) return { err: 'exp too wide' };
		expNote();
		if (!fit(nameSt, () => textW(ctx, name, nameSt), maxW, 1.6 * S)) return { err: 'name too wide' };
		const lines = L === 'vertical1' ? [groups] : [groups.slice(0, 2), groups.slice(2)];
		const numSt = mkSt(numFont, L === 'vertical1' ? rng.range(2.5, 3.3) : rng.range(3.4, 4.4), numSpacing());
		let gap = digitGap(numSt);
		if (
			!fit(
				numSt,
				() => {
					gap = Math.min(gap, textW(ctx, '0', numSt) * 1.3);
					return Math.max(...lines.map((g) => groupsW(ctx, g, numSt, gap)));
				},
				maxW,
				1.9 * S,
			)
		)
			return { err: 'number too wide' };
		const order = rng.chance(0.6)
			? ['number', 'name', 'expiry']
			: rng.chance(0.5)
				? ['name', 'number', 'expiry']
				: ['number', 'expiry', 'name'];
		let base = logoY - rng.range(2.5, 4) * S;
		const lineGap = numSt.cap * rng.range(1.5, 1.9);
		const placed: Record<string, number> = {};
		for (const item of [...order].reverse()) {
			if (item === 'expiry') {
				placed.expiry = base;
				base += expRow.top - rng.range(2.2, 3.4) * S;
			} else if (item === 'name') {
				placed.name = base;
				base -= nameSt.cap + rng.range(2.4, 3.6) * S;
			} else {
				placed.number = base - (lines.length - 1) * lineGap;
				base = placed.number - numSt.cap - rng.range(2.6, 3.8) * S;
			}
		}
		lines.forEach((g, i) => drawGroups(ctx, rng, g, x, placed.number + i * lineGap, numSt, gap, boxes));
		drawText(ctx, rng, name, x, placed.name, nameSt, 'name', boxes);
		drawExpiryRow(ctx, rng, expRow, x, placed.expiry, boxes);
		notes.push(`vertical ${order.join('/')}`);
		if (product) {
			const top = Math.min(...boxes.filter((b) => ['number', 'name', 'expiry', 'label', 'decoy'].includes(b.role)).map((b) => b.y));
			drawProduct(x, top - rng.range(2.5, 4.5) * S, 'left', 'above text');
		}
	}
	ctx.restore();
	// A thin edge line, so a light card on a light desk still has an outline.
	ctx.save();
	roundRect(ctx, 0.5, 0.5, W - 1, H - 1, 3.18 * S);
	ctx.strokeStyle = onDark ? 'rgba(255,255,255,0.18)' : 'rgba(0,0,0,0.22)';
	ctx.lineWidth = 2;
	ctx.stroke();
	ctx.restore();

	const err = validate(boxes, W, H);
	if (err) return { err };
	return { res: { canvas, W, H, wMm, hMm, boxes, notes, inkLight: onDark, embossed: emb } };
}

/** Why a layout is rejected: a box outside the safe area, or two boxes (of different groups) too close. */
function validate(boxes: Box[], W: number, H: number): string | null {
	const m = 2.3 * S;
	for (const b of boxes) {
		if (b.x < m || b.y < m || b.x + b.w > W - m || b.y + b.h > H - m) return `out of card: ${b.role} ${b.text}`;
	}
	const isText = (x: Box): boolean => !['chip', 'logo', 'contactless', 'holo'].includes(x.role);
	for (let i = 0; i < boxes.length; i++)
		for (let j = i + 1; j < boxes.length; j++) {
			const a = boxes[i];
			const b = boxes[j];
			if (a.group && a.group === b.group) continue;
			const p = isText(a) && isText(b) ? 0.8 * S : 1.0 * S;
			const px = Math.max(p, a.padX ?? 0, b.padX ?? 0);
			if (
				a.x - px / 2 < b.x + b.w + px / 2 &&
				b.x - px / 2 < a.x + a.w + px / 2 &&
				a.y - p / 2 < b.y + b.h + p / 2 &&
				b.y - p / 2 < a.y + a.h + p / 2
			)
				return `overlap ${a.role}/${b.role}`;
		}
	return null;
}

/** Draws the card, retrying layouts (and now and then the background) until one passes validate. */
export function renderCard(rng: Rng, spec: CardSpec): RenderedCard {
	const errs: string[] = [];
	const vertical = spec.layout.startsWith('vertical');
	const W = Math.round((vertical ? 54 : 85.6) * S);
	const H = Math.round((vertical ? 85.6 : 54) * S);
	let painted = paintDesign(rng.fork('design0'), spec, W, H);
	for (let attempt = 0; attempt < 120; attempt++) {
		// A new background now and then, in case it is the design (its ink, say) that keeps failing.
		if (attempt > 0 && attempt % 15 === 0) painted = paintDesign(rng.fork('design' + attempt), spec, W, H);
		const r = rng.fork('card' + attempt);
		const result = tryRender(r, spec, painted);
		if ('res' in result) {
			if (process.env.CARD_DEBUG) console.error('attempts', attempt + 1, errs.join(' | '));
			return result.res;
		}
		errs.push(result.err);
	}
	throw new Error(`could not render ${spec.layout} ${spec.name}: ${errs.slice(-8).join('; ')}`);
}
