import { GlobalFonts, createCanvas } from '@napi-rs/canvas';
import type { SKRSContext2D } from '@napi-rs/canvas';
import { existsSync } from 'fs';

import type { CardTruth } from './cardData';
import { groupNumber } from './cardData';
import { between, pick } from './random';

export const CARD_WIDTH = 1012;
export const CARD_HEIGHT = 638;

const FONT_FILES: Record<string, string> = {
	'OCR-A': '/usr/share/fonts/truetype/ocr-a/OCRA.ttf',
	'OCR-B': '/usr/share/fonts/opentype/ocr-b/OCRB.otf',
	'DejaVu Sans Mono': '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf',
	'DejaVu Sans': '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
	'Liberation Mono': '/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf',
};

let fontsRegistered = false;

/**
 * The card fonts, always all of them: a set generated from a seed must not change with what
 * happens to be installed. Debian: apt-get install fonts-ocr-a fonts-ocr-b fonts-dejavu-core fonts-liberation
 */
export function availableCardFonts(): string[] {
	const missing = Object.entries(FONT_FILES).filter(([, file]) => !existsSync(file));
	if (missing.length > 0) {
		throw new Error(
			`Card fonts missing: ${missing.map(([family, file]) => `${family} (${file})`).join(', ')}. Install them with: apt-get install fonts-ocr-a fonts-ocr-b fonts-dejavu-core fonts-liberation`,
		);
	}
	if (!fontsRegistered) {
		for (const [family, file] of Object.entries(FONT_FILES)) GlobalFonts.registerFromPath(file, family);
		fontsRegistered = true;
	}
	return Object.keys(FONT_FILES);
}

export type Finish = 'flat' | 'embossedSilver' | 'embossedGold';

export interface CardStyle {
	dark: boolean;
	font: string;
	finish: Finish;
	background: [string, string];
	bankName: string;
	showValidThruLabel: boolean;
	validThruLabel: string;
}

const LIGHT_BACKGROUNDS: Array<[string, string]> = [
	['#f4f6f8', '#c9d6df'],
	['#fdf6e3', '#e8d8b0'],
	['#e3f2fd', '#90caf9'],
	['#e8f5e9', '#a5d6a7'],
	['#fce4ec', '#f8bbd0'],
];
const DARK_BACKGROUNDS: Array<[string, string]> = [
	['#1b1f3b', '#3a416f'],
	['#111111', '#3c3c3c'],
	['#0d3b2e', '#1f6f50'],
	['#4a0e2e', '#8e244d'],
	['#102a43', '#243b53'],
];
const BANKS = ['HANA BANK', 'SHINHAN CARD', 'KB KOOKMIN', 'WOORI CARD', 'NORTHWIND BANK', 'CONTOSO CREDIT', 'FABRIKAM', 'LOTTE CARD'];

export function randomStyle(random: () => number, overrides: Partial<CardStyle> = {}): CardStyle {
	const dark = overrides.dark ?? random() < 0.45;
	return {
		dark,
		font: pick(random, availableCardFonts()),
		finish: pick(random, ['flat', 'flat', 'embossedSilver', 'embossedGold'] as const),
		background: pick(random, dark ? DARK_BACKGROUNDS : LIGHT_BACKGROUNDS),
		bankName: pick(random, BANKS),
		showValidThruLabel: random() < 0.8,
		validThruLabel: pick(random, ['VALID THRU', 'GOOD THRU', 'EXPIRES END', 'VALID\nTHRU']),
		...overrides,
	};
}

function inkColors(style: CardStyle): { fill: string; shadow: string | null; highlight: string | null } {
	if (style.finish === 'embossedSilver') return { fill: '#d9dde1', shadow: 'rgba(0,0,0,0.55)', highlight: 'rgba(255,255,255,0.9)' };
	if (style.finish === 'embossedGold') return { fill: '#d4af37', shadow: 'rgba(0,0,0,0.55)', highlight: 'rgba(255,248,200,0.9)' };
	return { fill: style.dark ? '#f5f5f5' : '#1a1a1a', shadow: null, highlight: null };
}

function drawInk(ctx: SKRSContext2D, style: CardStyle, text: string, x: number, y: number): void {
	const ink = inkColors(style);
	if (ink.shadow && ink.highlight) {
		ctx.fillStyle = ink.shadow;
		ctx.fillText(text, x + 2, y + 2);
		ctx.fillStyle = ink.highlight;
		ctx.fillText(text, x - 1, y - 1);
	}
	ctx.fillStyle = ink.fill;
	ctx.fillText(text, x, y);
}

function drawChip(ctx: SKRSContext2D, x: number, y: number): void {
	const gradient = ctx.createLinearGradient(x, y, x + 110, y + 85);
	gradient.addColorStop(0, '#e6c66a');
	gradient.addColorStop(1, '#b08a2e');
	ctx.fillStyle = gradient;
	ctx.beginPath();
	ctx.roundRect(x, y, 110, 85, 12);
	ctx.fill();
	ctx.strokeStyle = 'rgba(80,60,10,0.6)';
	ctx.lineWidth = 2;
	for (const dy of [28, 57]) {
		ctx.beginPath();
		ctx.moveTo(x, y + dy);
		ctx.lineTo(x + 110, y + dy);
		ctx.stroke();
	}
	ctx.beginPath();
	ctx.moveTo(x + 55, y);
	ctx.lineTo(x + 55, y + 85);
	ctx.stroke();
}

/** Renders the front of a card, flat and straight, as PNG. */
export function renderCardFront(truth: CardTruth, style: CardStyle, random: () => number): Buffer {
	const canvas = createCanvas(CARD_WIDTH, CARD_HEIGHT);
	const ctx = canvas.getContext('2d');
	const gradient = ctx.createLinearGradient(0, 0, CARD_WIDTH, CARD_HEIGHT);
	gradient.addColorStop(0, style.background[0]);
	gradient.addColorStop(1, style.background[1]);
	ctx.fillStyle = gradient;
	ctx.beginPath();
	ctx.roundRect(0, 0, CARD_WIDTH, CARD_HEIGHT, 36);
	ctx.fill();

	// Decorative arcs, as printed cards have, so the detector sees more than text on a plain field.
	ctx.strokeStyle = style.dark ? 'rgba(255,255,255,0.08)' : 'rgba(0,0,0,0.06)';
	ctx.lineWidth = 40;
	ctx.beginPath();
	ctx.arc(CARD_WIDTH * between(random, 0.6, 0.9), CARD_HEIGHT * between(random, -0.2, 0.3), 380, 0, Math.PI * 2);
	ctx.stroke();

	const fontFamily = `"${style.font}"`;
	ctx.textBaseline = 'alphabetic';
	ctx.fillStyle = style.dark ? '#ffffff' : '#1d3557';
	ctx.font = `bold 44px "DejaVu Sans", sans-serif`;
	ctx.fillText(style.bankName, 60, 95);

	drawChip(ctx, 80, 180);

	const groups = groupNumber(truth.number);
	const numberSize = truth.number.length > 16 ? 54 : 64;
	ctx.font = `${numberSize}px ${fontFamily}`;
	const gap = numberSize * 0.55;
	const widths = groups.map((g) => ctx.measureText(g).width);
	const total = widths.reduce((a, b) => a + b, 0) + gap * (groups.length - 1);
	let x = Math.max(50, (CARD_WIDTH - total) / 2);
	const numberY = 380;
	groups.forEach((group, i) => {
		drawInk(ctx, style, group, x, numberY);
		x += widths[i] + gap;
	});

	const expiryY = 462;
	ctx.font = `40px ${fontFamily}`;
	const expiryX = 470;
	if (style.showValidThruLabel) {
		ctx.font = `bold 16px "DejaVu Sans", sans-serif`;
		ctx.fillStyle = style.dark ? '#dddddd' : '#333333';
		const lines = style.validThruLabel.split('\n');
		lines.forEach((line, i) => ctx.fillText(line, expiryX - 130, expiryY - 20 + i * 18 - (lines.length - 1) * 9));
		ctx.font = `40px ${fontFamily}`;
	}
	drawInk(ctx, style, truth.validThru, expiryX, expiryY);

	const nameSize = truth.name.length > 24 ? 34 : 42;
	ctx.font = `${nameSize}px ${fontFamily}`;
	drawInk(ctx, style, truth.name, 80, 548);

	ctx.fillStyle = style.dark ? 'rgba(255,255,255,0.85)' : 'rgba(0,0,0,0.7)';
	ctx.font = `bold italic 46px "DejaVu Sans", sans-serif`;
	const brandLabel = {
		visa: 'VISA',
		mastercard: 'mastercard',
		amex: 'AMEX',
		jcb: 'JCB',
		discover: 'DISCOVER',
		unionpay: 'UnionPay',
		diners: 'Diners Club',
		maestro: 'maestro',
	}[truth.brand];
	const brandWidth = ctx.measureText(brandLabel).width;
	ctx.fillText(brandLabel, CARD_WIDTH - brandWidth - 60, 590);

	return canvas.toBuffer('image/png');
}
