import type { BenchFont } from './benchFonts';
import { FIELD_FONTS, LABEL_FONTS } from './benchFonts';
import type { Decoy, MonthYear } from './benchTruth';
import { cardholderName, cardNumber, decoyDates, expiryDate, formatMonthYear, weighted } from './benchTruth';
import type { CardTruth } from './cardData';
import { between, pick } from './random';
import type { Finish } from './renderCard';

export type Layout = 'classic' | 'minimalist' | 'numberAboveName' | 'nameAboveNumber' | 'portraitOneLine' | 'portraitTwoLines';

export const LAYOUTS: readonly Layout[] = [
	'classic',
	'minimalist',
	'numberAboveName',
	'nameAboveNumber',
	'portraitOneLine',
	'portraitTwoLines',
];

export const isPortraitLayout = (layout: Layout): boolean => layout === 'portraitOneLine' || layout === 'portraitTwoLines';

/** Where the expiry label sits relative to the date; `inline` prints it in the date's own font ("EXP 03/28"). */
export type LabelPlacement = 'left' | 'above' | 'inline' | 'none';

export interface ExpiryLabel {
	/** A newline stacks the label in two lines ("VALID\nTHRU"). */
	text: string;
	placement: LabelPlacement;
}

export type PaletteKind = 'light' | 'dark' | 'vivid' | 'silver' | 'gold' | 'gunmetal';

export interface Palette {
	kind: PaletteKind;
	/** Gradient stops of the card face. */
	stops: string[];
	/** Flat-printed field text. */
	ink: string;
	/** Labels, bank and product names. */
	secondary: string;
	/** Strokes of the decorative pattern. */
	pattern: string;
	/** Relative luminance of the face, 0-1, to pick contrasting marks. */
	luminance: number;
}

export type Pattern = 'none' | 'arcs' | 'waves' | 'stripes' | 'dots' | 'guilloche' | 'polygons' | 'rings';

export type Placement = 'topLeft' | 'topRight';

export interface CardDesign {
	layout: Layout;
	portrait: boolean;
	truth: CardTruth;
	expiry: MonthYear;
	decoys: Decoy[];
	fieldFont: BenchFont;
	nameFont: BenchFont;
	labelFont: BenchFont;
	finish: Finish;
	palette: Palette;
	gradient: 'linear' | 'radial' | 'flat';
	pattern: Pattern;
	bank: string;
	bankPlacement: Placement;
	bankSize: number;
	product: string | null;
	/** belowBank and nameLine put capitals right next to the name line, which a reader must not take for the name. */
	productPlacement: 'belowBank' | 'opposite' | 'aboveLogo' | 'nameLine';
	logoPlacement: 'bottomRight' | 'topRight';
	expiryLabel: ExpiryLabel;
	/** Unlabelled issue dates go next to the expiry (hard) or up by the chip. */
	issueNearExpiry: boolean;
	/** Arrangement within the layout, 0-2. */
	variant: number;
	/** Small "CARD NUMBER" / "CARD HOLDER" captions some printed designs carry. */
	fieldLabels: boolean;
	chip: 'gold' | 'silver' | null;
	contactless: boolean;
	hologram: boolean;
	/** Old Visa cards repeat the first four digits small under the number. */
	binUnderNumber: boolean;
	/** Amex prints a 4-digit security code above the number. */
	amexCode: string | null;
	/** Extra space between digits, as a fraction of the font size. */
	tracking: number;
	/** Space between digit groups, as a fraction of the font size. */
	groupGap: number;
	/** Seeds the pattern and texture, so rendering at any scale draws the same card. */
	artSeed: number;
}

const BANKS = [
	'NORTHWIND FEDERAL CREDIT UNION',
	'CONTOSO BANK',
	'FABRIKAM FINANCIAL',
	'WOODGROVE BANK',
	'TAILSPIN SAVINGS',
	'LITWARE BANK',
	'ADVENTURE WORKS CREDIT',
	'CITY TRUST BANK',
	'FIRST PACIFIC BANK',
	'MERIDIAN CREDIT UNION',
	'ALPINE SAVINGS BANK',
	'HARBOR NATIONAL BANK',
	'HANA CARD',
	'SHINHAN CARD',
	'KB KOOKMIN CARD',
	'WOORI CARD',
	'LOTTE CARD',
	'HYUNDAI CARD',
	'SAMSUNG CARD',
	'NH NONGHYUP',
	'BC CARD',
	'GLOBAL BANK',
	'UNITED MUTUAL',
	'SUMMIT FINANCIAL',
	'BLUE RIVER BANK',
	'PIONEER CREDIT UNION',
	'OCEANIC BANK PLC',
];

const PRODUCTS_BY_BRAND: Record<CardTruth['brand'], string[]> = {
	visa: ['PLATINUM', 'VISA SIGNATURE', 'INFINITE', 'GOLD', 'CLASSIC', 'DEBIT', 'BUSINESS', 'VISA DEBIT', 'TRAVEL REWARDS', 'PREFERRED'],
	mastercard: ['WORLD ELITE', 'WORLD', 'PLATINUM', 'TITANIUM', 'DEBIT', 'BUSINESS', 'GOLD', 'CASHBACK', 'STANDARD'],
	amex: ['PLATINUM', 'GOLD', 'BUSINESS', 'BLUE CASH', 'CORPORATE'],
	discover: ['IT', 'CASHBACK', 'MILES', 'STUDENT'],
	jcb: ['GOLD', 'PLATINUM', 'THE CLASS'],
	unionpay: ['PLATINUM', 'DIAMOND', 'GOLD', 'DEBIT'],
	diners: ['PREMIER', 'CLUB REWARDS', 'ELITE'],
	maestro: ['DEBIT', 'CHECK CARD', 'SAVINGS'],
};

const EXPIRY_LABELS: ReadonlyArray<readonly [ExpiryLabel, number]> = [
	[{ text: 'VALID THRU', placement: 'left' }, 10],
	[{ text: 'VALID\nTHRU', placement: 'left' }, 14],
	[{ text: 'GOOD\nTHRU', placement: 'left' }, 6],
	[{ text: 'GOOD THRU', placement: 'above' }, 5],
	[{ text: 'VALID THRU', placement: 'above' }, 6],
	[{ text: 'EXP', placement: 'inline' }, 8],
	[{ text: 'EXP', placement: 'left' }, 4],
	[{ text: 'EXPIRES END', placement: 'above' }, 8],
	[{ text: 'EXPIRES\nEND', placement: 'left' }, 3],
	[{ text: 'MONTH/YEAR', placement: 'above' }, 8],
	[{ text: 'EXPIRES', placement: 'inline' }, 3],
	[{ text: '', placement: 'none' }, 15],
];

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
	const k = (n: number) => (n + h / 30) % 12;
	const a = s * Math.min(l, 1 - l);
	const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
	return [f(0), f(8), f(4)];
}

const luminanceOf = ([r, g, b]: [number, number, number]): number => {
	const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
	return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};

const css = (h: number, s: number, l: number): string => `hsl(${h.toFixed(0)}, ${(s * 100).toFixed(0)}%, ${(l * 100).toFixed(0)}%)`;

function palette(random: () => number, kind: PaletteKind): Palette {
	const hue = random() * 360;
	const near = () => (hue + between(random, -35, 35) + 360) % 360;
	if (kind === 'silver' || kind === 'gold' || kind === 'gunmetal') {
		const stops = {
			silver: ['#e9ecef', '#b8bec4', '#dfe3e6'],
			gold: ['#f3dd9a', '#c9a247', '#ecd28a'],
			gunmetal: ['#4a4f55', '#25282c', '#3b3f44'],
		}[kind];
		const dark = kind === 'gunmetal';
		return {
			kind,
			stops,
			ink: dark ? '#f4f4f4' : pick(random, ['#1b1b1b', '#2b2b2b', '#3a2a10']),
			secondary: dark ? 'rgba(240,240,240,0.85)' : 'rgba(30,30,30,0.8)',
			pattern: dark ? 'rgba(255,255,255,0.08)' : 'rgba(0,0,0,0.07)',
			luminance: dark ? 0.04 : 0.6,
		};
	}
	const [sLow, sHigh, lLow, lHigh] = { light: [0.15, 0.7, 0.8, 0.95], dark: [0.15, 0.7, 0.07, 0.25], vivid: [0.55, 0.9, 0.35, 0.5] }[kind];
	const s = between(random, sLow, sHigh);
	const l1 = between(random, lLow, lHigh);
	const l2 = Math.max(0, Math.min(1, l1 + between(random, -0.08, 0.08)));
	const h2 = near();
	const luminance = (luminanceOf(hslToRgb(hue, s, l1)) + luminanceOf(hslToRgb(h2, s, l2))) / 2;
	// Ink must stay readable on the face: white on anything under ~0.3 luminance, dark otherwise.
	const lightInk = luminance < 0.3;
	const ink = lightInk
		? pick(random, ['#ffffff', '#f3f3f3', '#e9e9e9', '#f1dc9a', css(hue, 0.3, 0.93)])
		: pick(random, ['#111111', '#1e1e1e', '#14213d', '#2f2f2f', css(hue, 0.5, 0.15)]);
	return {
		kind,
		stops: [css(hue, s, l1), css(h2, s, l2)],
		ink,
		secondary: lightInk ? 'rgba(255,255,255,0.82)' : 'rgba(20,20,20,0.78)',
		pattern: lightInk
			? `rgba(255,255,255,${between(random, 0.05, 0.14).toFixed(2)})`
			: `rgba(0,0,0,${between(random, 0.04, 0.1).toFixed(2)})`,
		luminance,
	};
}

function fieldFont(random: () => number, embossCandidate: boolean): BenchFont {
	// Embossing machines use OCR-like monospaced faces; printed cards use anything.
	const pool = embossCandidate && random() < 0.7 ? FIELD_FONTS.filter((f) => f.kind === 'ocr' || f.kind === 'mono') : FIELD_FONTS;
	return pick(random, pool);
}

function finishFor(random: () => number, layout: Layout, font: BenchFont, face: Palette): Finish {
	const embossable = layout === 'classic' || layout === 'numberAboveName' || layout === 'nameAboveNumber';
	// Foil on a pale face is nearly invisible; issuers do not do that.
	if (!embossable || face.luminance > 0.5 || (font.kind !== 'ocr' && font.kind !== 'mono' && random() < 0.7)) return 'flat';
	return weighted<Finish>(random, [
		['flat', 4],
		['embossedSilver', 4],
		['embossedGold', 2],
	]);
}

function amexCode(random: () => number): string {
	return String(Math.floor(random() * 10000)).padStart(4, '0');
}

/** Every random choice for one card, made before anything is drawn. */
export function randomDesign(random: () => number, layout: Layout): CardDesign {
	const { brand, number } = cardNumber(random);
	const expiry = expiryDate(random);
	const decoys = decoyDates(random, expiry);
	const truth: CardTruth = { name: cardholderName(random), number, validThru: formatMonthYear(expiry), brand };
	const kind = weighted<PaletteKind>(random, [
		['light', 28],
		['dark', 32],
		['vivid', 20],
		['silver', 7],
		['gold', 6],
		['gunmetal', 7],
	]);
	const face = palette(random, kind);
	const embossCandidate = layout === 'classic' || layout === 'numberAboveName' || layout === 'nameAboveNumber';
	const font = fieldFont(random, embossCandidate);
	const finish = finishFor(random, layout, font, face);
	const nameFont =
		finish === 'flat' && random() < 0.25
			? pick(
					random,
					FIELD_FONTS.filter((f) => f.kind !== 'ocr'),
				)
			: font;
	let expiryLabel = weighted(random, EXPIRY_LABELS);
	// A second, earlier date with a label next to an unlabelled expiry is not a design anyone prints.
	if (decoys.some((d) => d.kind === 'validFrom') && (expiryLabel.placement === 'none' || expiryLabel.placement === 'inline')) {
		expiryLabel = pick(random, [
			{ text: 'VALID THRU', placement: 'above' },
			{ text: 'EXPIRES END', placement: 'above' },
			{ text: 'VALID\nTHRU', placement: 'left' },
		] as const);
	}
	const productPlacement = pick(random, ['belowBank', 'opposite', 'aboveLogo', 'nameLine', 'aboveLogo'] as const);
	const logoPlacement =
		layout === 'nameAboveNumber' || productPlacement === 'nameLine' ? 'topRight' : random() < 0.8 ? 'bottomRight' : 'topRight';
	const printed = layout === 'minimalist' || layout === 'portraitOneLine' || layout === 'portraitTwoLines';
	return {
		layout,
		portrait: isPortraitLayout(layout),
		truth,
		expiry,
		decoys,
		fieldFont: font,
		nameFont,
		labelFont: pick(random, LABEL_FONTS),
		finish,
		palette: face,
		gradient: pick(random, ['linear', 'linear', 'radial', 'flat'] as const),
		pattern: pick(random, ['none', 'arcs', 'waves', 'stripes', 'dots', 'guilloche', 'polygons', 'rings'] as const),
		bank: pick(random, BANKS),
		bankPlacement: random() < 0.75 ? 'topLeft' : 'topRight',
		bankSize: between(random, 0.8, 1.2),
		product: random() < 0.7 ? pick(random, PRODUCTS_BY_BRAND[brand]) : null,
		productPlacement,
		logoPlacement,
		expiryLabel,
		issueNearExpiry: random() < 0.5,
		variant: Math.floor(random() * 3),
		fieldLabels: printed && random() < 0.25,
		chip: random() < 0.92 ? (random() < 0.7 ? 'gold' : 'silver') : null,
		contactless: random() < 0.7,
		hologram: !printed && random() < 0.15,
		binUnderNumber: layout === 'classic' && (brand === 'visa' || brand === 'mastercard') && number.length === 16 && random() < 0.15,
		amexCode: brand === 'amex' && random() < 0.6 ? amexCode(random) : null,
		tracking: finish === 'flat' ? between(random, -0.02, 0.12) : between(random, 0.04, 0.14),
		groupGap: between(random, 0.35, 0.9),
		artSeed: Math.floor(random() * 2 ** 32),
	};
}
