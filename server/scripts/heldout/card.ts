/**
 * Held-out card fronts as SVG (millimetre user units, 85.6 x 54 or 54 x 85.6), drawn by librsvg
 * through sharp with system fonts picked by family name. Every text is measured as drawn and the
 * finished layout is checked: nothing outside the safe area, no two items overlapping.
 */
import type { Brand, Expiry, HolderName } from './content';
import {
	BUSINESS_NAMES,
	PRODUCTS,
	SMALL_PRINT,
	decoyDate,
	groupNumber,
	makeExpiry,
	makeIssuer,
	makeName,
	makeNumber,
	mixedCase,
	mmyy,
} from './content';
import type { Box, FontFace } from './measure';
import { boxesOverlap, escapeXml, fontAttrs, measureText, shiftBox } from './measure';
import type { Rng } from './rng';

export const LAYOUTS = [
	'centered',
	'numberAboveName',
	'nameAboveNumber',
	'minimal',
	'vertical-1line',
	'vertical-2line',
	'amex-4-6-5',
	'diners-4-6-4',
	'long-19',
] as const;
export type Layout = (typeof LAYOUTS)[number];

export const CARD_LONG = 85.6;
export const CARD_SHORT = 54;
const CORNER = 3.18;
/** Nothing may come closer than this to the card edge. */
const SAFE = 2.4;

// ---------------------------------------------------------------- fonts

const f = (family: string, weight: number, label: string, italic = false): FontFace => ({ family, weight, label, italic });

const EMBOSS_FONTS: FontFace[] = [
	f('OCRA', 400, 'OCR-A'),
	f('OCR B', 400, 'OCR-B'),
	f('Nimbus Mono PS', 700, 'Nimbus Mono PS Bold'),
	f('FreeMono', 700, 'FreeMono Bold'),
	f('Cousine', 700, 'Cousine Bold'),
	f('DejaVu Sans Mono', 700, 'DejaVu Sans Mono Bold'),
	f('Hack', 700, 'Hack Bold'),
];
const PRINT_NUMBER_FONTS: FontFace[] = [
	f('Arimo', 400, 'Arimo'),
	f('Roboto', 500, 'Roboto Medium'),
	f('Lato', 700, 'Lato Bold'),
	f('Open Sans', 600, 'Open Sans Semibold'),
	f('Nimbus Sans', 400, 'Nimbus Sans'),
	f('URW Gothic', 400, 'URW Gothic Book'),
	f('TeX Gyre Adventor', 400, 'TeX Gyre Adventor'),
	f('Noto Sans Display', 500, 'Noto Sans Display Medium'),
	f('DejaVu Sans Condensed', 400, 'DejaVu Sans Condensed'),
	f('Roboto Condensed', 400, 'Roboto Condensed'),
	f('Carlito', 700, 'Carlito Bold'),
	f('OCR B', 400, 'OCR-B'),
	f('Inconsolata', 500, 'Inconsolata'),
];
const PRINT_NAME_FONTS: FontFace[] = [
	f('Arimo', 700, 'Arimo Bold'),
	f('Roboto Condensed', 400, 'Roboto Condensed'),
	f('Open Sans Condensed', 700, 'Open Sans Condensed Bold'),
	f('Lato', 400, 'Lato'),
	f('Nimbus Sans Narrow', 700, 'Nimbus Sans Narrow Bold'),
	f('Liberation Sans Narrow', 400, 'Liberation Sans Narrow'),
	f('URW Gothic', 600, 'URW Gothic Demi'),
	f('TeX Gyre Heros Cn', 400, 'TeX Gyre Heros Cn'),
	f('Noto Sans', 400, 'Noto Sans'),
	f('Roboto', 400, 'Roboto'),
	f('OCR B', 400, 'OCR-B'),
];
const ISSUER_FONTS: FontFace[] = [
	f('C059', 700, 'C059 Bold'),
	f('P052', 700, 'P052 Bold'),
	f('URW Bookman', 600, 'URW Bookman Demi'),
	f('Tinos', 700, 'Tinos Bold'),
	f('Lato', 900, 'Lato Black'),
	f('Open Sans', 800, 'Open Sans Extrabold'),
	f('Roboto', 900, 'Roboto Black'),
	f('URW Gothic', 600, 'URW Gothic Demi'),
	f('TeX Gyre Adventor', 700, 'TeX Gyre Adventor Bold'),
	f('Nimbus Sans', 700, 'Nimbus Sans Bold'),
	f('Noto Serif', 700, 'Noto Serif Bold'),
];
const LABEL_FONTS: FontFace[] = [
	f('Arimo', 700, 'Arimo Bold'),
	f('Roboto Condensed', 700, 'Roboto Condensed Bold'),
	f('Lato', 700, 'Lato Bold'),
	f('Nimbus Sans', 400, 'Nimbus Sans'),
	f('Open Sans', 600, 'Open Sans Semibold'),
];
const LOGO_SANS = f('Nimbus Sans', 700, 'Nimbus Sans Bold');
const LOGO_SANS_ITALIC = f('Nimbus Sans', 700, 'Nimbus Sans Bold Italic', true);
const LOGO_ROUND = f('Arimo', 700, 'Arimo Bold');

// ---------------------------------------------------------------- elements

type Role = 'number' | 'name' | 'expiry' | 'label' | 'decoy' | 'issuer' | 'product' | 'smallprint' | 'business' | 'cid';
type Ink = 'print' | 'foil' | 'plain-emboss';

interface TextEl {
	kind: 'text';
	role: Role;
	text: string;
	font: FontFace;
	size: number;
	spacing: number;
	x: number;
	y: number;
	fill: string;
	ink: Ink;
	rotate: number;
	box: Box;
}

interface ShapeEl {
	kind: 'shape';
	role: 'chip' | 'contactless' | 'logo' | 'hologram';
	svg: string;
	box: Box;
}

type Element = TextEl | ShapeEl;

interface Measured {
	text: string;
	font: FontFace;
	size: number;
	spacing: number;
	box: Box;
}

const width = (b: Box): number => b.x1 - b.x0;

class Retry extends Error {}

// ---------------------------------------------------------------- style

type Tone = 'light' | 'dark';
type Foil = 'silver' | 'gold' | 'black';
export type Finish = 'flat-light' | 'flat-dark' | 'embossed-foil' | 'embossed-plain' | 'metal' | 'pattern';

interface Style {
	finish: Finish;
	tone: Tone;
	stops: string[];
	fieldInk: Ink;
	foil: Foil;
	fieldColor: string;
	labelColor: string;
	issuerColor: string;
	numberFont: FontFace;
	nameFont: FontFace;
	expiryFont: FontFace;
	labelFont: FontFace;
	issuerFont: FontFace;
	emboss: number;
	plainFill: string;
}

const DARK_STOPS = [
	['#0d1b2a', '#1b263b', '#13203a'],
	['#0f0f10', '#2a2a2c'],
	['#0b3d2e', '#06281d'],
	['#4a0d1c', '#2b0710', '#5a1424'],
	['#2d1b4e', '#160c2c'],
	['#083344', '#0b1f2a'],
	['#3b2a1a', '#1e140b'],
	['#1f2937', '#374151'],
	['#7f1d1d', '#450a0a'],
	['#1e3a8a', '#172554', '#1d4ed8'],
	['#134e4a', '#042f2e'],
	['#3f3f46', '#18181b'],
];
const LIGHT_STOPS = [
	['#ffffff', '#eef2f7'],
	['#f5efe0', '#e8dcc0'],
	['#dfe7ef', '#c6d3e0'],
	['#e6f4ea', '#cfe9d8'],
	['#fde2e4', '#f7cad0', '#fff1f2'],
	['#d9d9d9', '#f2f2f2', '#bfbfbf'],
	['#f0e0b0', '#d9c07a', '#f3e6bf'],
	['#e0f2fe', '#bae6fd'],
	['#fef3c7', '#fde68a'],
	['#ede9fe', '#ddd6fe'],
	['#f4f4f5', '#e4e4e7'],
];
const METAL_STOPS = [
	['#d8dadc', '#eef0f1', '#b9bcc0', '#e3e5e7'],
	['#e2cf9c', '#f3e6c2', '#c7ae6e'],
	['#c9c3bc', '#e7e2dc', '#aaa49c'],
];

function hexLum(hex: string): number {
	const v = [1, 3, 5]
		.map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
		.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
	return 0.2126 * (v[0] ?? 0) + 0.7152 * (v[1] ?? 0) + 0.0722 * (v[2] ?? 0);
}

function mix(a: string, b: string, t: number): string {
	const ca = [1, 3, 5].map((i) => parseInt(a.slice(i, i + 2), 16));
	const cb = [1, 3, 5].map((i) => parseInt(b.slice(i, i + 2), 16));
	return `#${ca
		.map((v, i) =>
			Math.round(v + ((cb[i] ?? 0) - v) * t)
				.toString(16)
				.padStart(2, '0'),
		)
		.join('')}`;
}

function contrast(a: string, b: string): number {
	const la = hexLum(a);
	const lb = hexLum(b);
	return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function makeStyle(rng: Rng, layout: Layout): Style {
	const modern = layout === 'minimal' || layout === 'vertical-1line' || layout === 'vertical-2line';
	const finish: Finish = modern
		? rng.weighted<Finish>([
				['flat-light', 3],
				['flat-dark', 3],
				['pattern', 2],
				['metal', 1],
			])
		: rng.weighted<Finish>([
				['flat-light', 1.5],
				['flat-dark', 1.5],
				['embossed-foil', 3.5],
				['embossed-plain', 0.8],
				['metal', 1],
				['pattern', 1.5],
			]);
	const tone: Tone =
		finish === 'flat-light' || finish === 'metal'
			? 'light'
			: finish === 'flat-dark' || finish === 'embossed-plain'
				? 'dark'
				: rng.chance(0.6)
					? 'dark'
					: 'light';
	const stops = finish === 'metal' ? rng.pick(METAL_STOPS) : rng.pick(tone === 'dark' ? DARK_STOPS : LIGHT_STOPS);
	const embossed = finish === 'embossed-foil' || finish === 'embossed-plain';
	const fieldInk: Ink = finish === 'embossed-foil' ? 'foil' : finish === 'embossed-plain' ? 'plain-emboss' : 'print';
	const foil: Foil = tone === 'light' ? 'black' : rng.chance(0.7) ? 'silver' : 'gold';
	const fieldColor =
		tone === 'dark' ? rng.pick(['#ffffff', '#f1f1ee', '#ece6d2', '#e2e9f1']) : rng.pick(['#111111', '#1c2536', '#262626', '#14284a']);
	const labelColor = tone === 'dark' ? rng.pick(['#d7dbe0', '#e8e2cc', '#c9ced6']) : rng.pick(['#3a3a3a', '#4a4f57', '#2f3a4d']);
	let issuerColor =
		tone === 'dark'
			? rng.pick(['#ffffff', '#d9b65b', '#a8d4ff', '#f2f2f2', '#ffd9a0'])
			: rng.pick(['#0b2a5b', '#8b1020', '#0f5132', '#111111', '#5b2a86']);
	for (const stop of stops) if (contrast(issuerColor, stop) < 4) issuerColor = tone === 'dark' ? '#ffffff' : '#111111';
	const numberFont = embossed ? rng.pick(EMBOSS_FONTS) : rng.pick(PRINT_NUMBER_FONTS);
	const nameFont = embossed
		? rng.chance(0.8)
			? numberFont
			: rng.pick(EMBOSS_FONTS)
		: rng.chance(0.3)
			? numberFont
			: rng.pick(PRINT_NAME_FONTS);
	const expiryFont = rng.chance(0.7) ? numberFont : nameFont;
	return {
		finish,
		tone,
		stops,
		fieldInk,
		foil,
		fieldColor,
		labelColor,
		issuerColor,
		numberFont,
		nameFont,
		expiryFont,
		labelFont: rng.pick(LABEL_FONTS),
		issuerFont: rng.pick(ISSUER_FONTS),
		emboss: embossed ? rng.range(0.12, 0.2) : 0,
		plainFill: mix(stops[0] ?? '#000000', '#ffffff', 0.5),
	};
}

// ---------------------------------------------------------------- background

interface Background {
	defs: string[];
	body: string;
	notes: string[];
}

function makeBackground(rng: Rng, st: Style, W: number, H: number, id: string): Background {
	const defs: string[] = [];
	const parts: string[] = [];
	const notes: string[] = [];
	const angle = rng.range(0, 180);
	const rad = (angle * Math.PI) / 180;
	const gx = 0.5 + 0.5 * Math.cos(rad);
	const gy = 0.5 + 0.5 * Math.sin(rad);
	const stops = st.stops.map((c, i) => `<stop offset="${(i / Math.max(1, st.stops.length - 1)).toFixed(3)}" stop-color="${c}"/>`).join('');
	if (rng.chance(0.75)) {
		defs.push(
			`<linearGradient id="${id}bg" x1="${(1 - gx).toFixed(3)}" y1="${(1 - gy).toFixed(3)}" x2="${gx.toFixed(3)}" y2="${gy.toFixed(3)}">${stops}</linearGradient>`,
		);
	} else {
		defs.push(
			`<radialGradient id="${id}bg" cx="${rng.range(0.1, 0.9).toFixed(3)}" cy="${rng.range(0.1, 0.9).toFixed(3)}" r="${rng.range(0.7, 1.2).toFixed(3)}">${stops}</radialGradient>`,
		);
	}
	parts.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="url(#${id}bg)"/>`);
	const ink = st.tone === 'dark' ? '#ffffff' : '#000000';
	const accent =
		st.tone === 'dark'
			? rng.pick(['#ffffff', '#7dd3fc', '#fcd34d', '#f0abfc', '#86efac'])
			: rng.pick(['#1e3a8a', '#991b1b', '#065f46', '#6b21a8', '#000000']);
	if (st.finish === 'metal') {
		defs.push(
			`<filter id="${id}brush" x="0" y="0" width="${W}" height="${H}" filterUnits="userSpaceOnUse"><feTurbulence type="fractalNoise" baseFrequency="${rng.range(0.008, 0.03).toFixed(3)} ${rng.range(1.2, 3).toFixed(2)}" numOctaves="3" seed="${rng.int(1, 999)}"/><feColorMatrix type="saturate" values="0"/><feComponentTransfer><feFuncA type="table" tableValues="0 ${rng.range(0.35, 0.6).toFixed(2)}"/></feComponentTransfer></filter>`,
		);
		parts.push(`<rect x="0" y="0" width="${W}" height="${H}" filter="url(#${id}brush)" opacity="0.55"/>`);
		notes.push('brushed metal');
	}
	const patternCount =
		st.finish === 'pattern'
			? rng.int(1, 2)
			: st.finish === 'metal'
				? 0
				: rng.weighted([
						[0, 2],
						[1, 3],
					]);
	const kinds = rng
		.shuffle(['stripes', 'waves', 'guilloche', 'dots', 'polygons', 'marble', 'circles', 'grain'] as const)
		.slice(0, patternCount);
	for (const kind of kinds) {
		const op = (st.finish === 'pattern' ? rng.range(0.1, 0.2) : rng.range(0.05, 0.12)).toFixed(3);
		notes.push(kind);
		switch (kind) {
			case 'stripes': {
				const s = rng.range(1.2, 4);
				defs.push(
					`<pattern id="${id}st" patternUnits="userSpaceOnUse" width="${s.toFixed(2)}" height="${s.toFixed(2)}" patternTransform="rotate(${rng.range(-60, 60).toFixed(1)})"><rect width="${(s * rng.range(0.25, 0.5)).toFixed(2)}" height="${s.toFixed(2)}" fill="${ink}"/></pattern>`,
				);
				parts.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="url(#${id}st)" opacity="${op}"/>`);
				break;
			}
			case 'waves': {
				const n = rng.int(6, 18);
				const y0 = rng.range(0, H * 0.5);
				const amp = rng.range(3, 12);
				const paths: string[] = [];
				for (let i = 0; i < n; i++) {
					const y = y0 + i * rng.range(0.8, 1.8);
					paths.push(
						`<path d="M -5 ${y.toFixed(2)} C ${(W * 0.3).toFixed(1)} ${(y - amp).toFixed(2)}, ${(W * 0.6).toFixed(1)} ${(y + amp).toFixed(2)}, ${W + 5} ${(y - amp * 0.3).toFixed(2)}" fill="none" stroke="${accent}" stroke-width="${rng.range(0.1, 0.35).toFixed(2)}"/>`,
					);
				}
				parts.push(`<g opacity="${(Number(op) * 2).toFixed(3)}">${paths.join('')}</g>`);
				break;
			}
			case 'guilloche': {
				const cx = rng.range(0, W);
				const cy = rng.range(0, H);
				const n = rng.int(18, 40);
				const rx = rng.range(15, 40);
				const ry = rng.range(5, 15);
				const ellipses: string[] = [];
				for (let i = 0; i < n; i++)
					ellipses.push(
						`<ellipse cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" rx="${rx.toFixed(1)}" ry="${ry.toFixed(1)}" transform="rotate(${((180 * i) / n).toFixed(1)} ${cx.toFixed(1)} ${cy.toFixed(1)})"/>`,
					);
				parts.push(
					`<g fill="none" stroke="${accent}" stroke-width="0.12" opacity="${(Number(op) * 2).toFixed(3)}">${ellipses.join('')}</g>`,
				);
				break;
			}
			case 'dots': {
				const s = rng.range(1.2, 2.5);
				defs.push(
					`<pattern id="${id}dt" patternUnits="userSpaceOnUse" width="${s.toFixed(2)}" height="${s.toFixed(2)}"><circle cx="${(s / 2).toFixed(2)}" cy="${(s / 2).toFixed(2)}" r="${(s * rng.range(0.12, 0.25)).toFixed(2)}" fill="${ink}"/></pattern>`,
				);
				parts.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="url(#${id}dt)" opacity="${op}"/>`);
				break;
			}
			case 'polygons': {
				const polys: string[] = [];
				for (let i = 0; i < rng.int(4, 9); i++) {
					const pts = [0, 1, 2].map(() => `${rng.range(-10, W + 10).toFixed(1)},${rng.range(-10, H + 10).toFixed(1)}`).join(' ');
					polys.push(`<polygon points="${pts}" fill="${rng.chance(0.5) ? accent : ink}" opacity="${rng.range(0.3, 1).toFixed(2)}"/>`);
				}
				parts.push(`<g opacity="${op}">${polys.join('')}</g>`);
				break;
			}
			case 'marble':
				defs.push(
					`<filter id="${id}mb" x="0" y="0" width="${W}" height="${H}" filterUnits="userSpaceOnUse"><feTurbulence type="turbulence" baseFrequency="${rng.range(0.03, 0.08).toFixed(3)}" numOctaves="4" seed="${rng.int(1, 999)}"/><feColorMatrix type="saturate" values="0"/><feComponentTransfer><feFuncA type="linear" slope="1.6"/></feComponentTransfer></filter>`,
				);
				parts.push(`<rect x="0" y="0" width="${W}" height="${H}" filter="url(#${id}mb)" opacity="${(Number(op) * 1.2).toFixed(3)}"/>`);
				break;
			case 'circles': {
				const circles: string[] = [];
				for (let i = 0; i < rng.int(2, 4); i++)
					circles.push(
						`<circle cx="${rng.range(0, W).toFixed(1)}" cy="${rng.range(0, H).toFixed(1)}" r="${rng.range(12, 45).toFixed(1)}" fill="${accent}"/>`,
					);
				parts.push(`<g opacity="${op}">${circles.join('')}</g>`);
				break;
			}
			case 'grain':
				defs.push(
					`<filter id="${id}gr" x="0" y="0" width="${W}" height="${H}" filterUnits="userSpaceOnUse"><feTurbulence type="fractalNoise" baseFrequency="2.2" numOctaves="1" seed="${rng.int(1, 999)}"/><feColorMatrix type="saturate" values="0"/></filter>`,
				);
				parts.push(`<rect x="0" y="0" width="${W}" height="${H}" filter="url(#${id}gr)" opacity="${(Number(op) * 0.8).toFixed(3)}"/>`);
				break;
		}
	}
	if (rng.chance(0.25)) {
		// A thin coloured edge band, clear of the text area.
		const band = rng.pick(['#c8102e', '#0033a0', '#00857c', '#d4af37', '#ff6a13', '#6d2077']);
		if (rng.chance(0.5)) parts.push(`<rect x="0" y="${(H - 1.6).toFixed(2)}" width="${W}" height="1.6" fill="${band}"/>`);
		else parts.push(`<rect x="0" y="0" width="2" height="${H}" fill="${band}"/>`);
		notes.push('edge band');
	}
	return { defs, body: parts.join(''), notes };
}

// ---------------------------------------------------------------- shapes

function chip(rng: Rng, x: number, y: number, portrait: boolean, id: string): ShapeEl {
	const w = portrait ? 8.6 : 11.2;
	const h = portrait ? 11.2 : 8.6;
	const gold = rng.chance(0.75);
	const c = gold ? ['#f6dc8c', '#caa14a', '#efd27a'] : ['#ececec', '#a9abae', '#dadbdd'];
	const line = gold ? '#8a6a26' : '#6f7175';
	const cx = x + w / 2;
	const cy = y + h / 2;
	const lines = portrait
		? `M ${x} ${y + h * 0.33} H ${x + w} M ${x} ${y + h * 0.67} H ${x + w} M ${cx} ${y} V ${y + h * 0.33} M ${cx} ${y + h * 0.67} V ${y + h} M ${x + w * 0.3} ${y + h * 0.33} V ${y + h * 0.67} M ${x + w * 0.7} ${y + h * 0.33} V ${y + h * 0.67}`
		: `M ${x + w * 0.33} ${y} V ${y + h} M ${x + w * 0.67} ${y} V ${y + h} M ${x} ${cy} H ${x + w * 0.33} M ${x + w * 0.67} ${cy} H ${x + w} M ${x + w * 0.33} ${y + h * 0.3} H ${x + w * 0.67} M ${x + w * 0.33} ${y + h * 0.7} H ${x + w * 0.67}`;
	const svg = `<linearGradient id="${id}chip" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${c[0]}"/><stop offset="0.5" stop-color="${c[1]}"/><stop offset="1" stop-color="${c[2]}"/></linearGradient><rect x="${x}" y="${y}" width="${w}" height="${h}" rx="1.3" fill="url(#${id}chip)" stroke="${line}" stroke-width="0.15"/><path d="${lines}" stroke="${line}" stroke-width="0.16" fill="none"/>`;
	return { kind: 'shape', role: 'chip', svg, box: { x0: x, y0: y, x1: x + w, y1: y + h } };
}

function contactless(x: number, y: number, color: string): ShapeEl {
	const arcs = [1.1, 2, 2.9, 3.8].map(
		(r) =>
			`<path d="M ${(x + r * 0.55).toFixed(2)} ${(y + 2.5 - r * 0.75).toFixed(2)} A ${r} ${r} 0 0 1 ${(x + r * 0.55).toFixed(2)} ${(y + 2.5 + r * 0.75).toFixed(2)}"/>`,
	);
	return {
		kind: 'shape',
		role: 'contactless',
		svg: `<g fill="none" stroke="${color}" stroke-width="0.4" stroke-linecap="round">${arcs.join('')}</g>`,
		box: { x0: x, y0: y - 0.6, x1: x + 3.3, y1: y + 5.6 },
	};
}

function hologram(x: number, y: number, id: string): ShapeEl {
	const svg = `<linearGradient id="${id}holo" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#d8e8ff"/><stop offset="0.3" stop-color="#f7d8ff"/><stop offset="0.55" stop-color="#d6fff0"/><stop offset="0.8" stop-color="#fff3c4"/><stop offset="1" stop-color="#c8d8f0"/></linearGradient><rect x="${x}" y="${y}" width="10" height="7" rx="0.6" fill="url(#${id}holo)" stroke="#9aa" stroke-width="0.1"/><circle cx="${x + 5}" cy="${y + 3.5}" r="2.2" fill="none" stroke="#8899aa" stroke-width="0.2" opacity="0.6"/>`;
	return { kind: 'shape', role: 'hologram', svg, box: { x0: x, y0: y, x1: x + 10, y1: y + 7 } };
}

/** Draws `text` so its ink fills (at most) the given box, centred; returns the SVG. */
async function fittedText(
	text: string,
	font: FontFace,
	box: Box,
	fill: string,
	spacing = 0,
	align: 'middle' | 'start' = 'middle',
): Promise<string> {
	const probe = await measureText(text, font, 10, spacing * 10);
	const scale = Math.min(width(box) / width(probe), (box.y1 - box.y0) / (probe.y1 - probe.y0));
	const size = 10 * scale;
	const m = await measureText(text, font, size, spacing * size);
	const dx = align === 'middle' ? box.x0 + (width(box) - width(m)) / 2 - m.x0 : box.x0 - m.x0;
	const dy = box.y0 + (box.y1 - box.y0 - (m.y1 - m.y0)) / 2 - m.y0;
	return `<text x="${dx.toFixed(3)}" y="${dy.toFixed(3)}" ${fontAttrs(font, size, spacing * size)} fill="${fill}">${escapeXml(text)}</text>`;
}

async function networkLogo(rng: Rng, brand: Brand, box: Box, tone: Tone): Promise<ShapeEl> {
	const w = width(box);
	const h = box.y1 - box.y0;
	const fg = tone === 'dark' ? '#ffffff' : '#1a1f71';
	let svg = '';
	switch (brand) {
		case 'visa': {
			const inner = { x0: box.x0, y0: box.y0 + h * 0.15, x1: box.x1, y1: box.y1 - h * 0.15 };
			svg = await fittedText('VISA', LOGO_SANS_ITALIC, inner, tone === 'dark' ? '#ffffff' : rng.pick(['#1a1f71', '#14357a']), 0.02);
			break;
		}
		case 'mastercard': {
			const r = Math.min(h * 0.34, w * 0.24);
			const cy = box.y0 + r + h * 0.02;
			const cx = box.x0 + w / 2;
			svg = `<circle cx="${cx - r * 0.62}" cy="${cy}" r="${r}" fill="#eb001b"/><circle cx="${cx + r * 0.62}" cy="${cy}" r="${r}" fill="#f79e1b"/><path d="M ${cx} ${cy - r * 0.79} A ${r} ${r} 0 0 1 ${cx} ${cy + r * 0.79} A ${r} ${r} 0 0 1 ${cx} ${cy - r * 0.79} Z" fill="#ff5f00"/>`;
			svg += await fittedText(
				'mastercard',
				LOGO_ROUND,
				{ x0: box.x0 + w * 0.05, y0: cy + r + h * 0.06, x1: box.x1 - w * 0.05, y1: box.y1 },
				tone === 'dark' ? '#ffffff' : '#231f20',
			);
			break;
		}
		case 'amex': {
			svg = `<rect x="${box.x0}" y="${box.y0}" width="${w}" height="${h}" rx="0.6" fill="#2671b9"/>`;
			svg += await fittedText(
				'AMERICAN',
				LOGO_SANS,
				{ x0: box.x0 + w * 0.08, y0: box.y0 + h * 0.22, x1: box.x1 - w * 0.08, y1: box.y0 + h * 0.45 },
				'#ffffff',
			);
			svg += await fittedText(
				'EXPRESS',
				LOGO_SANS,
				{ x0: box.x0 + w * 0.08, y0: box.y0 + h * 0.55, x1: box.x1 - w * 0.08, y1: box.y0 + h * 0.78 },
				'#ffffff',
			);
			break;
		}
		case 'discover': {
			const textBox = { x0: box.x0, y0: box.y0 + h * 0.25, x1: box.x1, y1: box.y0 + h * 0.62 };
			svg = await fittedText('DISCOVER', LOGO_SANS, textBox, tone === 'dark' ? '#ffffff' : '#231f20');
			svg += `<rect x="${box.x0}" y="${box.y0 + h * 0.74}" width="${w}" height="${h * 0.1}" fill="#ff6000"/>`;
			break;
		}
		case 'jcb': {
			const cw = w / 3.3;
			const colors = ['#0e4c96', '#e21836', '#007b40'];
			const letters = ['J', 'C', 'B'];
			for (let i = 0; i < 3; i++) {
				const x = box.x0 + i * cw * 1.15;
				svg += `<rect x="${x}" y="${box.y0}" width="${cw}" height="${h}" rx="${cw * 0.25}" fill="${colors[i]}"/>`;
				svg += await fittedText(
					letters[i] ?? 'J',
					LOGO_SANS_ITALIC,
					{ x0: x + cw * 0.2, y0: box.y0 + h * 0.45, x1: x + cw * 0.8, y1: box.y0 + h * 0.85 },
					'#ffffff',
				);
			}
			break;
		}
		case 'unionpay': {
			const pw = w / 2.9;
			const colors = ['#e21836', '#00447c', '#007b84'];
			for (let i = 0; i < 3; i++) {
				const x = box.x0 + i * pw * 0.95;
				svg += `<path d="M ${x + pw * 0.25} ${box.y0} H ${x + pw} L ${x + pw * 0.75} ${box.y1} H ${x} Z" fill="${colors[i]}"/>`;
			}
			svg += await fittedText(
				'UnionPay',
				LOGO_SANS_ITALIC,
				{ x0: box.x0 + w * 0.12, y0: box.y0 + h * 0.5, x1: box.x1 - w * 0.12, y1: box.y0 + h * 0.85 },
				'#ffffff',
			);
			break;
		}
		case 'diners': {
			const r = h * 0.32;
			const cx = box.x0 + r + 0.2;
			const cy = box.y0 + h * 0.42;
			svg = `<circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="${fg}" stroke-width="${r * 0.18}"/><rect x="${cx - r * 0.55}" y="${cy - r * 0.6}" width="${r * 0.3}" height="${r * 1.2}" fill="${fg}"/><rect x="${cx + r * 0.25}" y="${cy - r * 0.6}" width="${r * 0.3}" height="${r * 1.2}" fill="${fg}"/>`;
			svg += await fittedText(
				'Diners Club',
				f('Tinos', 700, 'Tinos Bold', true),
				{ x0: cx + r * 1.3, y0: box.y0 + h * 0.2, x1: box.x1, y1: box.y0 + h * 0.55 },
				fg,
				0,
				'start',
			);
			svg += await fittedText(
				'INTERNATIONAL',
				LOGO_SANS,
				{ x0: cx + r * 1.3, y0: box.y0 + h * 0.64, x1: box.x1, y1: box.y0 + h * 0.8 },
				fg,
				0.05,
				'start',
			);
			break;
		}
	}
	return { kind: 'shape', role: 'logo', svg, box };
}

// ---------------------------------------------------------------- content of one card

type LabelKind = 'VALID THRU' | 'VALID/THRU' | 'GOOD THRU' | 'EXP' | 'EXPIRES END' | 'MONTH/YEAR' | 'none';
type DecoyKind = 'valid-from' | 'member-since-4' | 'member-since-2' | 'customer-since' | 'issue-code';

export interface CardTruth {
	name: string;
	number: string;
	validThru: string;
	layout: Layout;
	notes: string[];
}

interface Content {
	brand: Brand;
	number: string;
	groups: string[];
	name: HolderName;
	printedName: string;
	expiry: Expiry;
	expiryText: string;
	label: LabelKind;
	decoys: Array<{ kind: DecoyKind; text: string }>;
	issuer: string;
	product: string | undefined;
	smallPrint: string | undefined;
	business: string | undefined;
	cid: string | undefined;
}

function makeContent(rng: Rng, layout: Layout): Content {
	let brand: Brand;
	let length = 16;
	if (layout === 'amex-4-6-5') {
		brand = 'amex';
		length = 15;
	} else if (layout === 'diners-4-6-4') {
		brand = 'diners';
		length = 14;
	} else if (layout === 'long-19') {
		brand = rng.weighted<Brand>([
			['visa', 2],
			['unionpay', 2],
			['discover', 1],
		]);
		length = 19;
	} else {
		brand = rng.weighted<Brand>([
			['visa', 4],
			['mastercard', 4],
			['discover', 1],
			['jcb', 1],
			['unionpay', 1],
		]);
	}
	const number = makeNumber(rng, brand, length);
	const name = makeName(rng);
	const expiry = makeExpiry(rng);
	const printedName = layout === 'minimal' && rng.chance(0.25) ? mixedCase(name.text) : name.text;
	let label = rng.weighted<LabelKind>([
		['VALID THRU', 3],
		['VALID/THRU', 2],
		['GOOD THRU', 1.2],
		['EXP', 1.2],
		['EXPIRES END', 1],
		['MONTH/YEAR', 1.2],
		['none', 1.5],
	]);
	const decoys: Content['decoys'] = [];
	const decoyCount = rng.weighted([
		[0, 4],
		[1, 4],
		[2, 1],
	]);
	const kinds = rng.shuffle<DecoyKind>(['valid-from', 'member-since-4', 'member-since-2', 'customer-since', 'issue-code']);
	for (const kind of kinds.slice(0, decoyCount)) {
		const d = decoyDate(rng, expiry);
		if (kind === 'member-since-4' || kind === 'customer-since') decoys.push({ kind, text: String(d.year) });
		else if (kind === 'member-since-2') decoys.push({ kind, text: String(d.year % 100).padStart(2, '0') });
		else decoys.push({ kind, text: mmyy(d) });
	}
	// At most one "since" line per card.
	const since = decoys.filter((d) => d.kind !== 'valid-from' && d.kind !== 'issue-code');
	for (const extra of since.slice(1)) decoys.splice(decoys.indexOf(extra), 1);
	// A VALID FROM date next to an unlabelled expiry would leave a reader guessing which is which.
	if (decoys.some((d) => d.kind === 'valid-from') && (label === 'none' || label === 'MONTH/YEAR'))
		label = rng.pick<LabelKind>(['VALID THRU', 'EXPIRES END', 'GOOD THRU']);
	const expiryText = rng.chance(0.07) ? `${String(expiry.month).padStart(2, '0')}/${expiry.year}` : expiry.truth;
	const product = rng.chance(0.55) ? rng.pick(PRODUCTS) : undefined;
	return {
		brand,
		number,
		groups: groupNumber(number),
		name,
		printedName,
		expiry,
		expiryText,
		label,
		decoys,
		issuer: makeIssuer(rng),
		product,
		smallPrint: rng.chance(0.3) ? rng.pick(SMALL_PRINT) : undefined,
		business: product === 'BUSINESS' || product === 'CORPORATE' ? (rng.chance(0.6) ? rng.pick(BUSINESS_NAMES) : undefined) : undefined,
		cid: brand === 'amex' && rng.chance(0.5) ? String(rng.int(1000, 9999)) : undefined,
	};
}

// ---------------------------------------------------------------- composer

class Composer {
	readonly elements: Element[] = [];
	readonly notes: string[] = [];

	constructor(
		readonly rng: Rng,
		readonly W: number,
		readonly H: number,
		readonly st: Style,
		readonly c: Content,
		readonly id: string,
	) {}

	async measure(text: string, font: FontFace, size: number, spacing = 0): Promise<Measured> {
		return { text, font, size, spacing, box: await measureText(text, font, size, spacing) };
	}

	/** Shrinks to maxWidth; Retry when that would take the size below minSize. */
	async fit(m: Measured, maxWidth: number, minSize: number): Promise<Measured> {
		let cur = m;
		for (let i = 0; i < 3 && width(cur.box) > maxWidth; i++) {
			const scale = (maxWidth / width(cur.box)) * 0.985;
			const size = cur.size * scale;
			if (size < minSize) throw new Retry(`"${m.text}" does not fit ${maxWidth.toFixed(1)} mm`);
			cur = await this.measure(m.text, m.font, size, m.spacing * scale);
		}
		return cur;
	}

	/** Places measured text with its ink starting at inkLeft and its baseline at baseline. */
	place(m: Measured, role: Role, inkLeft: number, baseline: number, opts: { ink?: Ink; fill?: string; rotate?: number } = {}): TextEl {
		const ink = opts.ink ?? 'print';
		const x = inkLeft - m.box.x0;
		let box = shiftBox(m.box, x, baseline);
		const e = ink === 'print' ? 0 : this.st.emboss + 0.05;
		box = { x0: box.x0 - e, y0: box.y0 - e, x1: box.x1 + e, y1: box.y1 + e };
		const rotate = opts.rotate ?? 0;
		if (rotate !== 0) {
			const a = (rotate * Math.PI) / 180;
			const corners = [
				[box.x0, box.y0],
				[box.x1, box.y0],
				[box.x0, box.y1],
				[box.x1, box.y1],
			].map(([px, py]) => {
				const dx = (px ?? 0) - x;
				const dy = (py ?? 0) - baseline;
				return [x + dx * Math.cos(a) - dy * Math.sin(a), baseline + dx * Math.sin(a) + dy * Math.cos(a)] as const;
			});
			box = {
				x0: Math.min(...corners.map((p) => p[0])),
				y0: Math.min(...corners.map((p) => p[1])),
				x1: Math.max(...corners.map((p) => p[0])),
				y1: Math.max(...corners.map((p) => p[1])),
			};
		}
		const el: TextEl = {
			kind: 'text',
			role,
			text: m.text,
			font: m.font,
			size: m.size,
			spacing: m.spacing,
			x,
			y: baseline,
			fill: opts.fill ?? this.st.fieldColor,
			ink,
			rotate,
			box,
		};
		this.elements.push(el);
		return el;
	}

	field(m: Measured, role: Role, inkLeft: number, baseline: number): TextEl {
		return this.place(m, role, inkLeft, baseline, { ink: this.st.fieldInk, fill: this.st.fieldColor });
	}

	add(shape: ShapeEl): void {
		this.elements.push(shape);
	}

	// -- building blocks shared by layouts

	/** Number as one text, groups joined by one or two spaces. Size is the digit (cap) height in mm. */
	async numberLine(groups: string[], capHeight: number, maxWidth: number, minCap = 2.5): Promise<Measured> {
		const sep = this.numberSep;
		const fontSize = capHeight / 0.72;
		const spacing = this.st.fieldInk === 'print' ? this.numberSpacing * fontSize : 0;
		const m = await this.measure(groups.join(sep), this.st.numberFont, fontSize, spacing);
		// Correct to the requested digit height as drawn by this font.
		const k = capHeight / (m.box.y1 - m.box.y0);
		const corrected = await this.measure(m.text, m.font, fontSize * k, spacing * k);
		return this.fit(corrected, maxWidth, (corrected.size * minCap) / capHeight);
	}

	numberSep = ' ';
	numberSpacing = 0;

	async nameLine(maxWidth: number): Promise<Measured> {
		const cap = this.rng.range(2.5, 3.0);
		const fontSize = cap / 0.72;
		const spacing = this.st.fieldInk === 'print' && this.rng.chance(0.4) ? this.rng.range(0.02, 0.12) * fontSize : 0;
		const probe = await this.measure('H', this.st.nameFont, fontSize, 0);
		const scale = cap / (probe.box.y1 - probe.box.y0);
		const m = await this.measure(this.c.printedName, this.st.nameFont, fontSize * scale, spacing * scale);
		return this.fit(m, maxWidth, fontSize * scale * 0.78);
	}

	/** Cap-height-true size for a font. */
	async sized(text: string, font: FontFace, cap: number, spacing = 0): Promise<Measured> {
		const probe = await this.measure('H', font, 10, 0);
		const size = (10 * cap) / (probe.box.y1 - probe.box.y0);
		return this.measure(text, font, size, spacing * size);
	}

	labelColor(): string {
		return this.st.labelColor;
	}

	/**
	 * Lays out [decoy group] [label] date on one row. align says where anchorX is: the row's left,
	 * centre or right. Returns the row's ink box.
	 */
	async expiryRow(
		anchorX: number,
		baseline: number,
		align: 'left' | 'center' | 'right',
		maxWidth: number,
		withDecoy: boolean,
		rightLimit = Infinity,
		minLeft = 6,
	): Promise<Box> {
		const { c, st, rng } = this;
		const dateCap = rng.range(2.3, 2.9);
		const date = await this.sized(c.expiryText, st.expiryFont, dateCap);
		const dateH = date.box.y1 - date.box.y0;
		const labelCap = rng.range(0.95, 1.25);
		interface Piece {
			m: Measured;
			dx: number;
			baseline: number;
			role: Role;
			field: boolean;
		}
		const pieces: Piece[] = [];
		let cursor = 0;
		const labelGroup = async (label: LabelKind, dateM: Measured, role: Role, field: boolean) => {
			if (label === 'VALID/THRU') {
				const second = role === 'decoy' ? 'FROM' : 'THRU';
				const a = await this.sized('VALID', st.labelFont, labelCap * 0.9);
				const b = await this.sized(second, st.labelFont, labelCap * 0.9);
				const w = Math.max(width(a.box), width(b.box));
				const gap = labelCap * 0.45;
				const top = -(dateM.box.y1 - dateM.box.y0);
				pieces.push({ m: a, dx: cursor + w - width(a.box), baseline: top + labelCap * 0.9, role: 'label', field: false });
				pieces.push({ m: b, dx: cursor + w - width(b.box), baseline: top + labelCap * 1.8 + gap, role: 'label', field: false });
				cursor += w + 1.0;
			} else if (label === 'MONTH/YEAR') {
				const a = await this.sized(label, st.labelFont, labelCap * 0.85);
				const top = -(dateM.box.y1 - dateM.box.y0);
				const w = Math.max(width(a.box), width(dateM.box));
				pieces.push({ m: a, dx: cursor + (w - width(a.box)) / 2, baseline: top - 0.7, role: 'label', field: false });
				pieces.push({ m: dateM, dx: cursor + (w - width(dateM.box)) / 2, baseline: 0, role, field });
				cursor += w;
				return;
			} else if (label !== 'none') {
				const text = role === 'decoy' ? (label === 'EXPIRES END' ? 'VALID FROM' : label === 'EXP' ? 'FROM' : 'VALID FROM') : label;
				const a = await this.sized(text, st.labelFont, labelCap);
				// Inline labels sit on the date's baseline or midway up it.
				const lift = rng.chance(0.5) ? 0 : -(dateH - labelCap) / 2;
				pieces.push({ m: a, dx: cursor, baseline: lift, role: 'label', field: false });
				cursor += width(a.box) + rng.range(1, 1.8);
			}
			pieces.push({ m: dateM, dx: cursor, baseline: 0, role, field });
			cursor += width(dateM.box);
		};
		const decoy = withDecoy
			? c.decoys.find(
					(d) => d.kind === 'valid-from' || d.kind === 'member-since-2' || d.kind === 'member-since-4' || d.kind === 'customer-since',
				)
			: undefined;
		if (decoy) {
			if (decoy.kind === 'valid-from') {
				const dm = await this.sized(decoy.text, st.expiryFont, dateCap);
				await labelGroup(c.label === 'none' || c.label === 'MONTH/YEAR' ? 'VALID THRU' : c.label, dm, 'decoy', true);
			} else {
				const words = decoy.kind === 'customer-since' ? `CUSTOMER SINCE ${decoy.text}` : `MEMBER SINCE ${decoy.text}`;
				const dm = await this.sized(words, st.labelFont, labelCap * 1.25);
				pieces.push({ m: dm, dx: cursor, baseline: 0, role: 'decoy', field: false });
				cursor += width(dm.box);
			}
			cursor += rng.range(3.5, 6);
			c.decoys.splice(c.decoys.indexOf(decoy), 1);
			this.notes.push(`decoy on expiry row: ${decoy.kind} ${decoy.text}`);
		}
		await labelGroup(c.label, date, 'expiry', true);
		if (cursor > maxWidth) throw new Retry('expiry row too wide');
		const left =
			align === 'left'
				? Math.max(minLeft, Math.min(anchorX, rightLimit - cursor))
				: align === 'center'
					? anchorX - cursor / 2
					: anchorX - cursor;
		let box: Box | undefined;
		for (const p of pieces) {
			const el =
				p.field && st.fieldInk !== 'print'
					? this.field(p.m, p.role, left + p.dx, baseline + p.baseline)
					: this.place(p.m, p.role, left + p.dx, baseline + p.baseline, { fill: p.field ? st.fieldColor : this.labelColor() });
			box = box
				? {
						x0: Math.min(box.x0, el.box.x0),
						y0: Math.min(box.y0, el.box.y0),
						x1: Math.max(box.x1, el.box.x1),
						y1: Math.max(box.y1, el.box.y1),
					}
				: el.box;
		}
		if (!box) throw new Retry('empty expiry row');
		return box;
	}

	async issuer(x: number, baseline: number, maxWidth: number, align: 'left' | 'right' | 'center'): Promise<Box> {
		const m = await this.fit(
			await this.sized(this.c.issuer, this.st.issuerFont, this.rng.range(2.1, 3.2), this.rng.chance(0.3) ? 0.05 : 0),
			maxWidth,
			1.6,
		);
		const left = align === 'left' ? x : align === 'right' ? x - width(m.box) : x - width(m.box) / 2;
		return this.place(m, 'issuer', left, baseline, { fill: this.st.issuerColor }).box;
	}

	async product(x: number, baseline: number, maxWidth: number, align: 'left' | 'right'): Promise<Box | undefined> {
		if (!this.c.product) return undefined;
		const m = await this.fit(
			await this.sized(this.c.product, this.st.labelFont, this.rng.range(1.4, 2.0), this.rng.range(0, 0.12)),
			maxWidth,
			1,
		);
		const left = align === 'left' ? x : x - width(m.box);
		return this.place(m, 'product', left, baseline, { fill: this.st.issuerColor }).box;
	}

	/** Small free-standing decoys (issue code, leftover "since" lines) at a spot the layout offers. */
	async spareDecoy(x: number, baseline: number, align: 'left' | 'right'): Promise<void> {
		const d = this.c.decoys.shift();
		if (!d) return;
		const text =
			d.kind === 'issue-code'
				? d.text
				: d.kind === 'valid-from'
					? `VALID FROM ${d.text}`
					: d.kind === 'customer-since'
						? `CUSTOMER SINCE ${d.text}`
						: `MEMBER SINCE ${d.text}`;
		const m = await this.sized(text, this.st.labelFont, d.kind === 'issue-code' ? 1.5 : 1.3);
		this.place(m, 'decoy', align === 'left' ? x : x - width(m.box), baseline, { fill: this.labelColor() });
		this.notes.push(`decoy: ${text}`);
	}

	async smallPrint(x: number, baseline: number, align: 'left' | 'right', rotate = 0): Promise<void> {
		if (!this.c.smallPrint) return;
		const m = await this.sized(this.c.smallPrint, this.st.labelFont, 0.8, 0.04);
		this.place(m, 'smallprint', align === 'left' ? x : x - width(m.box), baseline, { fill: this.labelColor(), rotate });
		this.notes.push(`small print "${this.c.smallPrint}"${rotate !== 0 ? ' (rotated)' : ''}`);
	}

	async business(x: number, baseline: number, maxWidth: number): Promise<void> {
		if (!this.c.business) return;
		const m = await this.fit(await this.sized(this.c.business, this.st.nameFont, this.rng.range(1.9, 2.3)), maxWidth, 1);
		this.field(m, 'business', x, baseline);
		this.notes.push(`company line "${this.c.business}" under the name`);
	}

	async logo(box: Box): Promise<void> {
		this.add(await networkLogo(this.rng, this.c.brand, box, this.st.tone));
	}
}

// ---------------------------------------------------------------- layouts

/** Classic: chip, number across the middle, expiry row, name bottom left, logo bottom right (or top right). */
async function classic(k: Composer, centred: boolean): Promise<void> {
	const { rng, c, W } = k;
	const logoTop = c.brand === 'amex' || rng.chance(0.25);
	const logoBox: Box =
		c.brand === 'amex'
			? { x0: 68, y0: 4.5, x1: 80.5, y1: 17 }
			: logoTop
				? { x0: 64, y0: 4.5, x1: 80.5, y1: 13.5 }
				: { x0: 65, y0: 41, x1: 80.5, y1: 50.5 };
	await k.logo(logoBox);
	await k.issuer(6.5, rng.range(8.5, 10), logoTop ? logoBox.x0 - 9 : 72, 'left');
	if (!logoTop) await k.product(80.5, rng.range(13.5, 15), 24, 'right');
	const chipY = centred ? rng.range(13.5, 15) : rng.range(16, 18);
	k.add(chip(rng, rng.range(7.5, 10), chipY, false, k.id));
	if (rng.chance(0.6)) k.add(contactless(22.5, chipY + 1.5, k.st.tone === 'dark' ? '#ffffff' : '#333333'));
	const cap = c.number.length === 19 ? rng.range(3.0, 3.4) : rng.range(3.3, 4.0);
	const nb = (centred ? rng.range(32, 33.5) : rng.range(34.5, 36)) + (c.cid ? 1 : 0);
	const number = await k.numberLine(c.groups, cap, W - 13);
	const left = centred ? (W - width(number.box)) / 2 : rng.range(6.5, 8.5);
	const numberEl = k.field(number, 'number', left, nb);
	if (c.cid) {
		const cid = await k.sized(c.cid, k.st.labelFont, 1.6);
		k.place(cid, 'cid', numberEl.box.x1 - width(cid.box), numberEl.box.y0 - 1.3, { fill: k.labelColor() });
		k.notes.push('Amex CID printed above the number');
	}
	const rowBase = nb + rng.range(6.5, 7.5);
	const rowRight = logoTop ? 80.5 : logoBox.x0 - 1.5;
	if (centred) await k.expiryRow(W / 2 + 2, rowBase, 'center', 2 * (rowRight - W / 2 - 2), true);
	else await k.expiryRow(rng.range(24, 34), rowBase, 'left', rowRight - 6.5, true, rowRight);
	const nameBase = Math.min(rowBase + rng.range(6.5, 7.5), 50.5);
	const name = await k.nameLine((logoTop ? 80.5 : logoBox.x0 - 1.5) - 7.5);
	k.field(name, 'name', rng.range(6.5, 7.5), nameBase);
	if (logoTop) await k.product(80.5, rng.range(nameBase - 0.5, 50.5), 20, 'right');
	if (!logoTop && !centred && rng.chance(0.3)) {
		k.add(hologram(70.5, 19.5, k.id));
		k.notes.push('hologram');
	} else await k.spareDecoy(80.5, logoTop ? logoBox.y1 + 2.8 : 19.5, 'right');
	if (rng.chance(0.5)) await k.smallPrint(81.8, logoTop ? logoBox.y1 + 5 : 16, 'left', 90);
}

/** Name on a middle row, number below it, expiry at the bottom; logo top right. */
async function nameAbove(k: Composer): Promise<void> {
	const { rng, c, W } = k;
	const logoBox: Box = c.brand === 'amex' ? { x0: 68, y0: 4.5, x1: 80.5, y1: 17 } : { x0: 64.5, y0: 4.5, x1: 80.5, y1: 13.5 };
	await k.logo(logoBox);
	await k.issuer(6.5, rng.range(8.5, 10), logoBox.x0 - 9, 'left');
	const chipY = c.business ? rng.range(13, 14) : rng.range(14.5, 16.5);
	k.add(chip(rng, rng.range(7.5, 9.5), chipY, false, k.id));
	if (rng.chance(0.5)) k.add(contactless(22.5, chipY + 1.5, k.st.tone === 'dark' ? '#ffffff' : '#333333'));
	let nameBase = rng.range(31.5, 33);
	if (c.business) nameBase -= 2;
	const name = await k.nameLine(W - 14);
	const nameEl = k.field(name, 'name', rng.range(6.5, 8), nameBase);
	let above = nameBase;
	if (c.business) {
		above = nameBase + 3.6;
		await k.business(nameEl.box.x0, above, W - 14);
	}
	const cap = c.number.length === 19 ? rng.range(3.0, 3.3) : rng.range(3.2, 3.8);
	const nb = above + cap + rng.range(4.5, 6);
	const number = await k.numberLine(c.groups, cap, W - 13);
	const numberEl = k.field(number, 'number', rng.range(6.5, 8), nb);
	if (c.cid) {
		const cid = await k.sized(c.cid, k.st.labelFont, 1.5);
		k.place(cid, 'cid', numberEl.box.x1 - width(cid.box), numberEl.box.y0 - 1.2, { fill: k.labelColor() });
		k.notes.push('Amex CID printed above the number');
	}
	const rowBase = Math.min(nb + rng.range(6.5, 7.5), 50.8);
	if (rng.chance(0.5)) {
		const row = await k.expiryRow(6.5, rowBase, 'left', 74, true);
		if (row.x1 < 55) await k.product(80.5, rowBase, 80.5 - row.x1 - 3, 'right');
	} else {
		const row = await k.expiryRow(80.5, rowBase, 'right', 74, true);
		if (row.x0 > 30) await k.product(6.5, rowBase, row.x0 - 9.5, 'left');
	}
	await k.spareDecoy(80.5, logoBox.y1 + 3, 'right');
	if (rng.chance(0.4)) await k.smallPrint(80.5, logoBox.y1 + 7, 'right');
}

/** Minimalist: small number bottom left, name above it, expiry beside the name or above it. */
async function minimal(k: Composer): Promise<void> {
	const { rng, c } = k;
	const beside = rng.chance(0.5);
	const logoBox: Box = beside ? { x0: 65, y0: 4.5, x1: 80.5, y1: 13.5 } : { x0: 66, y0: 42, x1: 80.5, y1: 50.5 };
	await k.logo(logoBox);
	await k.issuer(6, rng.range(8, 9.5), beside ? 52 : 50, 'left');
	if (!beside) await k.product(80, rng.range(8, 9.5), 22, 'right');
	if (rng.chance(0.7)) k.add(chip(rng, rng.range(6.5, 8.5), rng.range(16, 19), false, k.id));
	const numberBase = rng.range(48.5, 49.8);
	const number = await k.numberLine(c.groups, rng.range(2.6, 3.0), beside ? 60 : logoBox.x0 - 8.5, 2.4);
	const numberEl = k.field(number, 'number', 6, numberBase);
	const nameBase = numberBase - rng.range(6, 7);
	if (beside) {
		const row = await k.expiryRow(80, nameBase, 'right', 30, false);
		const name = await k.nameLine(row.x0 - 3 - 6);
		k.field(name, 'name', 6, nameBase);
		if (numberEl.box.x1 < 60) await k.product(80, numberBase, 80 - numberEl.box.x1 - 4, 'right');
	} else {
		const name = await k.nameLine(logoBox.x0 - 8);
		k.field(name, 'name', 6, nameBase);
		await k.expiryRow(6, nameBase - rng.range(6.5, 7.5), 'left', 55, true);
	}
	await k.spareDecoy(80, beside ? 19 : 16, 'right');
	if (rng.chance(0.4)) await k.smallPrint(80, beside ? 23 : 21, 'right');
}

/** Portrait card, text horizontal. */
async function vertical(k: Composer, twoLines: boolean): Promise<void> {
	const { rng, c, W, H } = k;
	const logoBox: Box = { x0: 34, y0: 73.5, x1: 48.5, y1: 82 };
	await k.logo(logoBox);
	const centredIssuer = rng.chance(0.4);
	await k.issuer(centredIssuer ? W / 2 : 5.5, rng.range(8.5, 10), W - 11, centredIssuer ? 'center' : 'left');
	const chipY = rng.range(15, 19);
	k.add(chip(rng, rng.range(5.5, 7), chipY, true, k.id));
	if (rng.chance(0.6)) k.add(contactless(18, chipY + 3, k.st.tone === 'dark' ? '#ffffff' : '#333333'));
	await k.product(48.5, chipY + 5, 22, 'right');
	let bottom: number;
	if (twoLines) {
		const cap = rng.range(3.2, 3.8);
		const l1 = await k.numberLine(c.groups.slice(0, 2), cap, W - 11);
		const l2 = await k.numberLine(c.groups.slice(2), cap, W - 11);
		const size = Math.min(l1.size, l2.size);
		const a = size < l1.size ? await k.measure(l1.text, l1.font, size, l1.spacing) : l1;
		const b = size < l2.size ? await k.measure(l2.text, l2.font, size, l2.spacing) : l2;
		const y1 = rng.range(50, 53);
		k.field(a, 'number', 5.5, y1);
		bottom = y1 + cap + rng.range(3, 4);
		k.field(b, 'number', 5.5, bottom);
		k.notes.push('number on two lines');
	} else {
		const number = await k.numberLine(c.groups, rng.range(2.8, 3.3), W - 10, 2.4);
		bottom = rng.range(54, 57);
		k.field(number, 'number', 5, bottom);
	}
	const nameBase = bottom + rng.range(7, 8);
	const name = await k.nameLine(W - 11);
	k.field(name, 'name', 5.5, nameBase);
	await k.expiryRow(5.5, Math.min(nameBase + rng.range(7, 8), H - 5), 'left', 27, false);
	await k.spareDecoy(48.5, 30, 'right');
	if (rng.chance(0.4)) await k.smallPrint(5.5, H - 3.2, 'left');
}

// ---------------------------------------------------------------- design + SVG

export interface CardDesign {
	W: number;
	H: number;
	portrait: boolean;
	defs: string[];
	background: string;
	elements: Element[];
	truth: CardTruth;
	style: Style;
}

function checkLayout(elements: Element[], W: number, H: number): string | undefined {
	for (const e of elements) {
		const b = e.box;
		if (b.x0 < SAFE || b.y0 < SAFE || b.x1 > W - SAFE || b.y1 > H - SAFE)
			return `${e.kind === 'text' ? `"${e.text}"` : e.role} leaves the safe area`;
	}
	for (let i = 0; i < elements.length; i++) {
		for (let j = i + 1; j < elements.length; j++) {
			const a = elements[i] as Element;
			const b = elements[j] as Element;
			const pad = a.kind === 'text' && b.kind === 'text' ? 0.45 : 0.7;
			if (boxesOverlap(a.box, b.box, pad)) {
				const label = (e: Element) => (e.kind === 'text' ? `"${e.text}"` : e.role);
				return `${label(a)} overlaps ${label(b)}`;
			}
		}
	}
	return undefined;
}

export async function designCard(rng: Rng, layout: Layout, id: string): Promise<CardDesign> {
	let lastProblem = '';
	for (let attempt = 0; attempt < 40; attempt++) {
		const portrait = layout === 'vertical-1line' || layout === 'vertical-2line';
		const W = portrait ? CARD_SHORT : CARD_LONG;
		const H = portrait ? CARD_LONG : CARD_SHORT;
		const content = makeContent(rng, layout);
		const st = makeStyle(rng, layout);
		const k = new Composer(rng, W, H, st, content, id);
		k.numberSep = st.fieldInk === 'print' && rng.chance(0.35) ? '  ' : rng.chance(0.2) ? '  ' : ' ';
		k.numberSpacing = rng.chance(0.3) ? rng.range(0.02, 0.1) : 0;
		let arrangement: string = layout;
		try {
			switch (layout) {
				case 'centered':
					await classic(k, true);
					break;
				case 'numberAboveName':
					await classic(k, false);
					break;
				case 'nameAboveNumber':
					await nameAbove(k);
					break;
				case 'minimal':
					await minimal(k);
					break;
				case 'vertical-1line':
					await vertical(k, false);
					break;
				case 'vertical-2line':
					await vertical(k, true);
					break;
				case 'amex-4-6-5':
				case 'diners-4-6-4':
				case 'long-19':
					arrangement = rng.pick(
						layout === 'long-19' ? ['centered', 'numberAboveName', 'nameAboveNumber'] : ['centered', 'numberAboveName', 'nameAboveNumber'],
					);
					if (arrangement === 'nameAboveNumber') await nameAbove(k);
					else await classic(k, arrangement === 'centered');
					break;
			}
		} catch (error) {
			if (error instanceof Retry) {
				lastProblem = error.message;
				continue;
			}
			throw error;
		}
		const problem = checkLayout(k.elements, W, H);
		if (problem) {
			lastProblem = problem;
			continue;
		}
		const bg = makeBackground(rng, st, W, H, id);
		const number = k.elements.find((e): e is TextEl => e.kind === 'text' && e.role === 'number');
		const name = k.elements.find((e): e is TextEl => e.kind === 'text' && e.role === 'name');
		const expiry = k.elements.find((e): e is TextEl => e.kind === 'text' && e.role === 'expiry');
		if (!number || !name || !expiry) throw new Error('layout lost a field');
		const capOf = (e: TextEl) => e.box.y1 - e.box.y0 - (e.ink === 'print' ? 0 : 2 * (st.emboss + 0.05));
		const notes = [
			`brand ${content.brand}`,
			arrangement !== layout ? `arranged as ${arrangement}` : '',
			`finish ${st.finish}${st.fieldInk === 'foil' ? ` (${st.foil} tipping)` : ''}, ${st.tone}`,
			...bg.notes.map((n) => `background ${n}`),
			`number font ${st.numberFont.label}, digits ${capOf(number).toFixed(1)} mm high${k.numberSep.length > 1 ? ', wide group gaps' : ''}`,
			`name font ${st.nameFont.label}, ink ${capOf(name).toFixed(1)} mm high (${content.name.style}${content.printedName !== content.name.text ? ', mixed case' : ''})`,
			`expiry "${content.expiryText}" label ${content.label}, font ${st.expiryFont.label}`,
			`issuer "${content.issuer}"${content.product ? `, product ${content.product}` : ''}`,
			...k.notes,
		].filter((n) => n !== '');
		return {
			W,
			H,
			portrait,
			defs: bg.defs,
			background: bg.body,
			elements: k.elements,
			style: st,
			truth: { name: content.printedName, number: content.number, validThru: content.expiry.truth, layout, notes },
		};
	}
	throw new Error(`no valid ${layout} design after 40 attempts (last problem: ${lastProblem})`);
}

function textSvg(e: TextEl, st: Style, id: string): string {
	const attrs = fontAttrs(e.font, e.size, e.spacing);
	const t = escapeXml(e.text);
	const rot = e.rotate !== 0 ? ` transform="rotate(${e.rotate} ${e.x.toFixed(3)} ${e.y.toFixed(3)})"` : '';
	const at = (dx: number, dy: number) => `x="${(e.x + dx).toFixed(3)}" y="${(e.y + dy).toFixed(3)}"`;
	if (e.ink === 'print') return `<text ${at(0, 0)} ${attrs} fill="${e.fill}"${rot}>${t}</text>`;
	const d = st.emboss;
	const dark = st.tone === 'dark';
	const shadow = `<text ${at(d, d)} ${attrs} fill="#000000" fill-opacity="${dark ? 0.75 : 0.4}" filter="url(#${id}soft)">${t}</text>`;
	const highlight = `<text ${at(-d * 0.7, -d * 0.7)} ${attrs} fill="#ffffff" fill-opacity="${dark ? 0.35 : 0.85}">${t}</text>`;
	const face = e.ink === 'foil' ? `url(#${id}foil)` : st.plainFill;
	return `<g${rot}>${shadow}${highlight}<text ${at(0, 0)} ${attrs} fill="${face}">${t}</text></g>`;
}

/** The card as SVG, `pxWidth` pixels wide, transparent outside its rounded corners. */
export function cardSvg(design: CardDesign, pxWidth: number, id: string): string {
	const { W, H, style: st } = design;
	const pxHeight = Math.round((pxWidth * H) / W);
	const foil =
		st.foil === 'gold'
			? ['#fff4c2', '#c9a23c', '#f6e08f', '#a8832a']
			: st.foil === 'silver'
				? ['#ffffff', '#b9bec4', '#eef0f2', '#9aa0a6']
				: ['#3a3a3a', '#0a0a0a', '#2a2a2a', '#000000'];
	const defs = [
		...design.defs,
		`<clipPath id="${id}clip"><rect x="0" y="0" width="${W}" height="${H}" rx="${CORNER}"/></clipPath>`,
		`<linearGradient id="${id}foil" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${foil[0]}"/><stop offset="0.45" stop-color="${foil[1]}"/><stop offset="0.7" stop-color="${foil[2]}"/><stop offset="1" stop-color="${foil[3]}"/></linearGradient>`,
		`<filter id="${id}soft" x="-5%" y="-20%" width="110%" height="140%"><feGaussianBlur stdDeviation="0.06"/></filter>`,
	];
	const body = design.elements.map((e) => (e.kind === 'text' ? textSvg(e, st, id) : e.svg)).join('');
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${pxWidth}" height="${pxHeight}" viewBox="0 0 ${W} ${H}"><defs>${defs.join('')}</defs><g clip-path="url(#${id}clip)">${design.background}${body}</g></svg>`;
}

export { Retry };
