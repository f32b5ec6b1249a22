/*
 * Independent synthetic credit-card test-set generator ("fourth hands").
 * Usage: npx tsx server/scripts/fourthhand/generate.ts --seed N --out DIR --per-capture K
 * Deterministic from --seed. Writes images + DIR/truth.json.
 */
import * as fs from 'fs';
import * as path from 'path';

import type { Canvas, CanvasGradient, SKRSContext2D } from '@napi-rs/canvas';
import { GlobalFonts, createCanvas } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';

// ---------------------------------------------------------------- args
function argOf(name: string, def?: string): string {
	const i = process.argv.indexOf('--' + name);
	if (i >= 0 && i + 1 < process.argv.length) return process.argv[i + 1];
	if (def === undefined) throw new Error(`missing --${name}`);
	return def;
}
const SEED = parseInt(argOf('seed', '1'), 10) >>> 0;
const OUT = argOf('out');
const PER = parseInt(argOf('per-capture', '12'), 10);
const ONLY = argOf('only', ''); // optional: restrict to one capture (debug)

// ---------------------------------------------------------------- PRNG
function mulberry32(a: number) {
	return function () {
		a |= 0;
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
function hashStr(s: string): number {
	let h = 2166136261 >>> 0;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 16777619) >>> 0;
	}
	return h;
}
class Rng {
	f: () => number;
	constructor(seed: number) {
		this.f = mulberry32(seed);
	}
	next() {
		return this.f();
	}
	uni(a: number, b: number) {
		return a + (b - a) * this.f();
	}
	int(a: number, b: number) {
		return Math.floor(a + (b - a + 1) * this.f());
	}
	chance(p: number) {
		return this.f() < p;
	}
	pick<T>(arr: readonly T[]): T {
		return arr[Math.floor(this.f() * arr.length)];
	}
	weighted<T>(items: [T, number][]): T {
		const tot = items.reduce((s, x) => s + x[1], 0);
		let r = this.f() * tot;
		for (const [v, w] of items) {
			if ((r -= w) < 0) return v;
		}
		return items[items.length - 1][0];
	}
	gauss() {
		// Box-Muller
		const u = Math.max(1e-9, this.f());
		const v = this.f();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}
	shuffle<T>(arr: T[]): T[] {
		for (let i = arr.length - 1; i > 0; i--) {
			const j = Math.floor(this.f() * (i + 1));
			[arr[i], arr[j]] = [arr[j], arr[i]];
		}
		return arr;
	}
}

// ---------------------------------------------------------------- fonts
function listFontFiles(dir: string, acc: Map<string, string>) {
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) {
			if (e.name === 'Type1') continue;
			listFontFiles(p, acc);
		} else if (/\.(ttf|otf)$/i.test(e.name) && !acc.has(e.name)) acc.set(e.name, p);
	}
}
const FONT_FILES = new Map<string, string>();
listFontFiles('/usr/share/fonts', FONT_FILES);

type FontDef = { alias: string; file: string; family: string; kind: 'ocr' | 'mono' | 'sans' | 'narrow' | 'serif' };
const WANT: [string, string, FontDef['kind']][] = [
	['OCRA.ttf', 'OCR-A', 'ocr'],
	['OCRB.otf', 'OCR-B', 'ocr'],
	['Hack-Bold.ttf', 'Hack', 'mono'],
	['DejaVuSansMono.ttf', 'DejaVu Sans Mono', 'mono'],
	['LiberationMono-Bold.ttf', 'Liberation Mono', 'mono'],
	['Cousine-Regular.ttf', 'Cousine', 'mono'],
	['Inconsolata.otf', 'Inconsolata', 'mono'],
	['NimbusMonoPS-Bold.otf', 'Nimbus Mono PS', 'mono'],
	['FreeMonoBold.ttf', 'FreeMono', 'mono'],
	['Roboto-Medium.ttf', 'Roboto', 'sans'],
	['Roboto-Bold.ttf', 'Roboto', 'sans'],
	['OpenSans-Semibold.ttf', 'Open Sans', 'sans'],
	['Lato-Bold.ttf', 'Lato', 'sans'],
	['Lato-Regular.ttf', 'Lato', 'sans'],
	['Arimo-Regular.ttf', 'Arimo', 'sans'],
	['LiberationSans-Bold.ttf', 'Liberation Sans', 'sans'],
	['NotoSans-Regular.ttf', 'Noto Sans', 'sans'],
	['Carlito-Bold.ttf', 'Carlito', 'sans'],
	['DejaVuSans-Bold.ttf', 'DejaVu Sans', 'sans'],
	['URWGothic-Demi.otf', 'URW Gothic', 'sans'],
	['FreeSans.ttf', 'FreeSans', 'sans'],
	['LiberationSansNarrow-Regular.ttf', 'Liberation Sans Narrow', 'narrow'],
	['LiberationSansNarrow-Bold.ttf', 'Liberation Sans Narrow', 'narrow'],
	['NimbusSansNarrow-Bold.otf', 'Nimbus Sans Narrow', 'narrow'],
	['RobotoCondensed-Regular.ttf', 'Roboto Condensed', 'narrow'],
	['RobotoCondensed-Bold.ttf', 'Roboto Condensed', 'narrow'],
	['OpenSans-CondBold.ttf', 'Open Sans Condensed', 'narrow'],
	['DejaVuSansCondensed-Bold.ttf', 'DejaVu Sans Condensed', 'narrow'],
	['Tinos-Regular.ttf', 'Tinos', 'serif'],
	['LiberationSerif-Bold.ttf', 'Liberation Serif', 'serif'],
	['NotoSerif-Regular.ttf', 'Noto Serif', 'serif'],
	['DejaVuSerif-Bold.ttf', 'DejaVu Serif', 'serif'],
	['P052-Bold.otf', 'P052', 'serif'],
	['C059-Roman.otf', 'C059', 'serif'],
];
const FONTS: FontDef[] = [];
for (const [file, family, kind] of WANT) {
	const p = FONT_FILES.get(file);
	if (!p) continue;
	const alias = 'F4_' + file.replace(/\.(ttf|otf)$/i, '').replace(/[^A-Za-z0-9]/g, '_');
	GlobalFonts.registerFromPath(p, alias);
	FONTS.push({ alias, file, family, kind });
}
const byKind = (...k: FontDef['kind'][]) => FONTS.filter((f) => k.includes(f.kind));

// ---------------------------------------------------------------- card numbers
type Brand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'jcb' | 'unionpay';
/** The digit that completes `partial` (the number without its check digit) under Luhn. */
function luhnCheckDigit(partial: string): string {
	const digit = [...'0123456789'].find((d) => luhnOk(partial + d));
	if (digit === undefined) throw new Error('no Luhn check digit');
	return digit;
}
function luhnOk(num: string): boolean {
	let sum = 0;
	let dbl = false;
	for (let i = num.length - 1; i >= 0; i--) {
		let d = num.charCodeAt(i) - 48;
		if (dbl) {
			d *= 2;
			if (d > 9) d -= 9;
		}
		sum += d;
		dbl = !dbl;
	}
	return sum % 10 === 0;
}
function makeNumber(r: Rng, brand: Brand): { digits: string; groups: number[] } {
	let prefix = '';
	let len = 16;
	switch (brand) {
		case 'visa':
			prefix = '4';
			break;
		case 'mastercard':
			prefix = r.chance(0.7) ? String(r.int(51, 55)) : String(r.int(2221, 2720));
			break;
		case 'amex':
			prefix = r.pick(['34', '37']);
			len = 15;
			break;
		case 'discover':
			prefix = r.chance(0.5) ? '6011' : '65';
			break;
		case 'jcb':
			prefix = String(r.int(3528, 3589));
			break;
		case 'unionpay':
			prefix = '62';
			len = 19;
			break;
	}
	let s = prefix;
	while (s.length < len - 1) s += String(r.int(0, 9));
	s += luhnCheckDigit(s);
	const groups = len === 15 ? [4, 6, 5] : len === 19 ? [4, 4, 4, 4, 3] : [4, 4, 4, 4];
	return { digits: s, groups };
}
function splitGroups(d: string, g: number[]): string[] {
	const out: string[] = [];
	let i = 0;
	for (const n of g) {
		out.push(d.slice(i, i + n));
		i += n;
	}
	return out;
}

// ---------------------------------------------------------------- names
const N = {
	engFirst: [
		'JOHN',
		'SARAH',
		'MICHAEL',
		'EMILY',
		'DAVID',
		'JESSICA',
		'ROBERT',
		'OLIVIA',
		'WILLIAM',
		'CHARLOTTE',
		'JAMES',
		'HANNAH',
		'THOMAS',
		'GRACE',
		'DANIEL',
		'ELIZABETH',
		'MATTHEW',
		'REBECCA',
		'CHRISTOPHER',
		'AMY',
		'BENJAMIN',
		'LUCY',
	],
	engLast: [
		'SMITH',
		'JOHNSON',
		'WILLIAMS',
		'BROWN',
		'TAYLOR',
		'WILSON',
		'DAVIES',
		'EVANS',
		'THOMPSON',
		'WRIGHT',
		'HUGHES',
		'EDWARDS',
		'CLARKE',
		'HARRISON',
		'BENNETT',
		'ROBINSON',
		'FLETCHER',
		'WHITAKER',
	],
	irishFirst: ['SEAN', 'SIOBHAN', 'CIARAN', 'AOIFE', 'PADRAIG', 'NIAMH', 'EOIN', 'ROISIN', 'DECLAN', 'SINEAD'],
	irishLast: ["O'NEILL", "O'SULLIVAN", "O'BRIEN", "O'CONNOR", "O'DONNELL", 'MCCARTHY', 'FITZGERALD', "O'MAHONY", 'KAVANAGH', 'MCLOUGHLIN'],
	scotFirst: ['ANGUS', 'FIONA', 'HAMISH', 'ISLA', 'CALLUM', 'MORAG', 'EWAN', 'KIRSTY', 'ALASDAIR'],
	scotLast: ['MCDONALD', 'MACLEOD', 'MACKENZIE', 'MCGREGOR', 'MACINTYRE', 'MCALLISTER', 'MACPHERSON', 'MCKAY', 'MACAULAY'],
	dutchFirst: ['PIETER', 'ANNEKE', 'JOOST', 'SANNE', 'WILLEM', 'FLEUR', 'DIRK', 'MAARTJE', 'HENDRIK', 'LIEKE'],
	dutchLast: ['VAN DER BERG', 'VAN DIJK', 'DE VRIES', 'VAN DEN BOSCH', 'TER HORST', 'VAN LEEUWEN', 'DE JONG', 'VAN DER MEER'],
	germFirst: ['KLAUS', 'JUTTA', 'FRIEDRICH', 'ANKE', 'WOLFGANG', 'GRETA', 'JUERGEN', 'KATRIN', 'MATTHIAS'],
	germLast: ['VON KLEIST', 'SCHNEIDER', 'VON BRAUN', 'MUELLER', 'ZU HOHENLOHE', 'SCHMIDT-WEBER', 'HOFFMANN', 'VON ARNIM'],
	spFirst: ['MARIA JOSE', 'JUAN CARLOS', 'ANA', 'LUIS', 'CARMEN', 'JOSE LUIS', 'PILAR', 'ALEJANDRO', 'LUCIA', 'FRANCISCO', 'MARIA'],
	spLast: [
		'GARCIA',
		'LOPEZ',
		'MARTINEZ',
		'FERNANDEZ',
		'RODRIGUEZ',
		'SANCHEZ',
		'PEREZ',
		'GOMEZ',
		'DIAZ',
		'MORENO',
		'RUIZ',
		'JIMENEZ',
		'ALVAREZ',
	],
	viet: [
		'NGUYEN VAN AN',
		'TRAN THI MAI',
		'LE VAN HUNG',
		'PHAM MINH TUAN',
		'HOANG THI LAN',
		'VO VAN KHOA',
		'DANG THI HOA',
		'BUI QUANG HUY',
		'NGUYEN THI THU TRANG',
	],
	chinaLast: ['ZHANG', 'WANG', 'LI', 'LIU', 'CHEN', 'YANG', 'HUANG', 'ZHAO', 'WU', 'ZHOU', 'XU', 'SUN'],
	chinaFirst: ['WEI', 'NA', 'XIAOMING', 'JIE', 'YAN', 'LEI', 'JING', 'HAOYU', 'XIAOLING', 'ZIHAN', 'QIANG', 'YUTONG'],
	korLast: ['KIM', 'LEE', 'PARK', 'CHOI', 'JUNG', 'HWANG', 'KANG', 'YOON', 'JANG', 'LIM'],
	korFirst: ['SOO-JIN', 'MIN-SEO', 'JI-HOON', 'JIMIN', 'SEO-YEON', 'HYUN-WOO', 'EUNJI', 'DONG-HYUN', 'YE-JIN', 'SUNGMIN'],
	indFirst: ['PRIYA', 'RAHUL', 'ANANYA', 'VIKRAM', 'DEEPIKA', 'ARJUN', 'LAKSHMI', 'SURESH', 'KAVYA', 'ROHAN', 'MEENAKSHI'],
	indLast: ['RAMASWAMY', 'SHARMA', 'VENKATARAMAN', 'PATEL', 'IYER', 'REDDY', 'CHATTERJEE', 'KRISHNAMURTHY', 'GUPTA', 'NAIR', 'BANERJEE'],
	arFirst: ['ABDUL RAHMAN', 'MOHAMMED', 'FATIMA', 'AHMED', 'LAYLA', 'OMAR', 'KHALID', 'NOOR', 'YOUSSEF', 'AISHA', 'ABDULLAH'],
	arLast: ['AL-SAYED', 'AL-MANSOURI', 'BIN SALEH', 'EL-AMIN', 'AL-HASHIMI', 'HADDAD', 'AL-FARSI', 'ABU-ZAID', 'NASSER'],
	plFirst: ['KRZYSZTOF', 'AGNIESZKA', 'GRZEGORZ', 'MALGORZATA', 'PIOTR', 'KATARZYNA', 'WOJCIECH', 'JOANNA', 'SZYMON'],
	plLast: ['WOJCIECHOWSKI', 'KOWALCZYK', 'BRZEZINSKA', 'SZCZEPANSKI', 'WISNIEWSKA', 'LEWANDOWSKI', 'ZAJACZKOWSKI', 'GRABOWSKA'],
	otherFull: [
		"JEAN-PIERRE D'ARCY",
		'CHUKWUEMEKA OKONKWO',
		'KONSTANTINOS PAPADOPOULOS',
		'JOAO DOS SANTOS',
		"GIULIA D'ANGELO",
		'MEHMET YILMAZ',
		'OLUWASEUN ADEYEMI',
		'ANNE-MARIE LEBLANC',
		'SIPHO NDLOVU',
		'TANE TE WHARE',
	],
};
const INITIALS = 'ABCDEFGHIJKLMNOPRSTW';
function makeName(r: Rng): { name: string; culture: string } {
	for (let tries = 0; tries < 50; tries++) {
		const culture = r.weighted<string>([
			['english', 14],
			['irish', 7],
			['scottish', 6],
			['dutch', 6],
			['german', 5],
			['spanish', 9],
			['vietnamese', 7],
			['chinese', 7],
			['korean', 8],
			['indian', 8],
			['arabic', 7],
			['polish', 6],
			['other', 6],
		]);
		const mi = () => {
			const c = r.pick(INITIALS.split(''));
			return r.chance(0.55) ? c + '.' : c;
		};
		let parts: string[] = [];
		switch (culture) {
			case 'english': {
				parts.push(r.pick(N.engFirst));
				if (r.chance(0.45)) parts.push(mi());
				const l1 = r.pick(N.engLast);
				let l2 = r.pick(N.engLast);
				if (l2 === l1) l2 = 'WHITAKER' === l1 ? 'HUGHES' : 'WHITAKER';
				parts.push(r.chance(0.15) ? l1 + '-' + l2 : l1);
				break;
			}
			case 'irish':
				parts = [r.pick(N.irishFirst), ...(r.chance(0.3) ? [mi()] : []), r.pick(N.irishLast)];
				break;
			case 'scottish':
				parts = [r.pick(N.scotFirst), ...(r.chance(0.3) ? [mi()] : []), r.pick(N.scotLast)];
				break;
			case 'dutch':
				parts = [r.pick(N.dutchFirst), r.pick(N.dutchLast)];
				break;
			case 'german':
				parts = [r.pick(N.germFirst), ...(r.chance(0.25) ? [mi()] : []), r.pick(N.germLast)];
				break;
			case 'spanish': {
				const a = r.pick(N.spLast);
				let b = r.pick(N.spLast);
				if (b === a) b = 'DE LA CRUZ';
				parts = [r.pick(N.spFirst), a, b];
				break;
			}
			case 'vietnamese':
				parts = [r.pick(N.viet)];
				break;
			case 'chinese': {
				const l = r.pick(N.chinaLast),
					f = r.pick(N.chinaFirst);
				parts = r.chance(0.6) ? [l, f] : [f, l];
				break;
			}
			case 'korean': {
				const l = r.pick(N.korLast),
					f = r.pick(N.korFirst);
				parts = r.chance(0.5) ? [f, l] : [l, f];
				break;
			}
			case 'indian':
				parts = [r.pick(N.indFirst), ...(r.chance(0.35) ? [mi()] : []), r.pick(N.indLast)];
				break;
			case 'arabic':
				parts = [r.pick(N.arFirst), r.pick(N.arLast)];
				break;
			case 'polish':
				{
					const f = r.pick(N.plFirst);
					let l = r.pick(N.plLast);
					// Polish surname gender agreement (-SKI / -SKA)
					if (f.endsWith('A')) l = l.replace(/SKI$/, 'SKA');
					else l = l.replace(/SKA$/, 'SKI');
					parts = [f, ...(r.chance(0.2) ? [mi()] : []), l];
				}
				break;
			default:
				parts = [r.pick(N.otherFull)];
		}
		const name = parts.join(' ');
		const words = name.split(' ').length;
		if (words < 2 || words > 4 || name.length > 26) continue;
		return { name, culture };
	}
	return { name: 'JOHN SMITH', culture: 'english' };
}

// ---------------------------------------------------------------- card spec
const LAYOUTS = ['classic', 'minimalist', 'numberAboveName', 'nameAboveNumber', 'portraitOneLine', 'portraitTwoLines'] as const;
type Layout = (typeof LAYOUTS)[number];
const CAPTURES = ['upright', 'upsideDown', 'portrait', 'scanPdf', 'scanTiff', 'photo12mp', 'closeUp'] as const;
type Capture = (typeof CAPTURES)[number];

const BANKS = [
	'NORTHBRIDGE BANK',
	'CEDAR VALLEY CREDIT UNION',
	'BANCO ATLANTICO',
	'KESTREL FINANCIAL',
	'HANSA SPARKASSE',
	'PACIFIC RIM BANK',
	'FIRST HARBOUR',
	'ORIENT TRUST BANK',
	'MERIDIAN FCU',
	'ALPINE KANTONALBANK',
	'SUNRISE SAVINGS',
	'BLUESTONE BANK',
	'GREAT LAKES CU',
	'CITADEL & CO',
	'HANA CITY BANK',
	'LOTUS BANK',
	'BANK OF THE MIDLANDS',
	'NORDKAPP BANK',
	'EMIRATES UNION BANK',
	'REDWOOD COMMUNITY CU',
];
const PRODUCTS = [
	'PLATINUM',
	'WORLD ELITE',
	'DEBIT',
	'BUSINESS',
	'SIGNATURE',
	'GOLD',
	'INFINITE',
	'REWARDS',
	'CORPORATE',
	'WORLD',
	'PREMIER',
	'CLASSIC',
	'TITANIUM',
	'PREPAID',
];
const COMPANIES = [
	'ACME LOGISTICS LTD',
	'BLUE OCEAN TRADING',
	'NOVA DESIGN STUDIO',
	'HARBOR DENTAL GROUP',
	'GREENFIELD FARMS INC',
	'STELLAR SYSTEMS GMBH',
	'KOI RESTAURANT CO',
	'QUANTUM ANALYTICS',
];

type Design = {
	kind: 'flat' | 'linear' | 'radial' | 'waves' | 'dots' | 'noise' | 'stripes' | 'circles';
	dark: boolean;
	c1: string;
	c2: string;
};

type Spec = {
	layout: Layout;
	brand: Brand;
	digits: string;
	groups: number[];
	name: string;
	culture: string;
	expMM: string;
	expYY: string;
	fourYear: boolean;
	label: string; // expiry label kind
	decoy: null | { kind: string; text: string };
	bank: string | null;
	product: string | null;
	company: string | null;
	embossed: boolean;
	design: Design;
	numFont: FontDef;
	nameFont: FontDef;
	labelFont: FontDef;
	bankFont: FontDef;
	variant: number;
};

function hsl(h: number, s: number, l: number) {
	return `hsl(${h.toFixed(0)}, ${s.toFixed(0)}%, ${l.toFixed(0)}%)`;
}

function makeSpec(r: Rng, layout: Layout): Spec {
	const brand = r.weighted<Brand>([
		['visa', 33],
		['mastercard', 25],
		['amex', 15],
		['discover', 8],
		['jcb', 7],
		['unionpay', 12],
	]);
	const { digits, groups } = makeNumber(r, brand);
	const { name, culture } = makeName(r);
	const expMM = String(r.int(1, 12)).padStart(2, '0');
	const expYY = String(r.int(26, 35));
	const fourYear = r.chance(0.2);
	const label = r.weighted<string>([
		['VALID THRU', 30],
		['GOOD THRU', 12],
		['EXP', 10],
		['EXPIRES END', 8],
		['MONTH/YEAR', 8],
		['VALID DATES', 7],
		['none', 25],
	]);
	let decoy: Spec['decoy'] = null;
	if (r.chance(0.3)) {
		const kind = r.pick(['VALID FROM', 'MEMBER SINCE', 'ISSUED']);
		let dm = String(r.int(1, 12)).padStart(2, '0');
		const dy = String(r.int(15, 25));
		if (dm === expMM) dm = String((+dm % 12) + 1).padStart(2, '0');
		const text = kind === 'MEMBER SINCE' && r.chance(0.4) ? '20' + dy : `${dm}/${dy}`;
		decoy = { kind, text };
	}
	const dark = r.chance(0.55);
	const h1 = r.uni(0, 360);
	const h2 = (h1 + r.uni(-60, 60) + 360) % 360;
	const s1 = r.uni(10, 80);
	const c1 = dark ? hsl(h1, s1, r.uni(8, 30)) : hsl(h1, s1, r.uni(72, 94));
	const c2 = dark ? hsl(h2, s1, r.uni(12, 36)) : hsl(h2, s1, r.uni(66, 90));
	const design: Design = {
		kind: r.weighted<Design['kind']>([
			['flat', 18],
			['linear', 20],
			['radial', 12],
			['waves', 14],
			['dots', 10],
			['noise', 10],
			['stripes', 8],
			['circles', 8],
		]),
		dark,
		c1,
		c2,
	};
	const embossed = r.chance(0.4);
	const numFont = r.chance(0.3) ? r.pick(byKind('ocr')) : r.chance(0.45) ? r.pick(byKind('mono')) : r.pick(byKind('sans', 'serif'));
	const long = name.length > 20;
	const nameFont = long
		? r.pick(byKind('narrow'))
		: r.weighted<FontDef>([
				...byKind('sans', 'mono', 'ocr').map((f) => [f, 3] as [FontDef, number]),
				...byKind('serif', 'narrow').map((f) => [f, 1] as [FontDef, number]),
			]);
	return {
		layout,
		brand,
		digits,
		groups,
		name,
		culture,
		expMM,
		expYY,
		fourYear,
		label,
		decoy,
		bank: r.chance(0.75) ? r.pick(BANKS) : null,
		product: r.chance(0.55) ? r.pick(PRODUCTS) : null,
		company: r.chance(0.15) ? r.pick(COMPANIES) : null,
		embossed,
		design,
		numFont,
		nameFont,
		labelFont: r.pick(byKind('sans', 'narrow')),
		bankFont: r.pick(byKind('sans', 'serif', 'narrow')),
		variant: r.int(0, 1),
	};
}

// ---------------------------------------------------------------- card rendering
// Card units: landscape 1000 x 630, portrait 630 x 1000.
type TextStyle = { emboss: boolean; dark: boolean; fill: string; foil: 'silver' | 'gold' | 'dark' | 'white' };

function fontStr(f: FontDef, size: number) {
	return `${size.toFixed(2)}px "${f.alias}"`;
}

function paintText(ctx: SKRSContext2D, text: string, x: number, y: number, size: number, st: TextStyle) {
	if (st.emboss) {
		const o = Math.max(0.8, size * 0.045);
		ctx.fillStyle = st.dark ? 'rgba(0,0,0,0.75)' : 'rgba(0,0,0,0.45)';
		ctx.fillText(text, x + o, y + o);
		ctx.fillStyle = st.dark ? 'rgba(255,255,255,0.35)' : 'rgba(255,255,255,0.85)';
		ctx.fillText(text, x - o * 0.7, y - o * 0.7);
		const g = ctx.createLinearGradient(0, y - size * 0.8, 0, y);
		if (st.foil === 'gold') {
			g.addColorStop(0, '#f8e7a6');
			g.addColorStop(0.5, '#c49a3a');
			g.addColorStop(1, '#f1d98a');
		} else if (st.foil === 'silver') {
			g.addColorStop(0, '#fbfbfb');
			g.addColorStop(0.5, '#a9adb3');
			g.addColorStop(1, '#e6e8ea');
		} else if (st.foil === 'white') {
			g.addColorStop(0, '#ffffff');
			g.addColorStop(1, '#dcdcdc');
		} else {
			g.addColorStop(0, '#3a3a3a');
			g.addColorStop(0.5, '#111111');
			g.addColorStop(1, '#2e2e2e');
		}
		ctx.fillStyle = g;
		ctx.fillText(text, x, y);
	} else {
		ctx.fillStyle = st.fill;
		ctx.fillText(text, x, y);
	}
}

/** draw single-line text with font fitted into maxW. align: left|center|right. returns drawn width */
function drawFit(
	ctx: SKRSContext2D,
	text: string,
	f: FontDef,
	size: number,
	x: number,
	y: number,
	maxW: number,
	align: 'left' | 'center' | 'right',
	st: TextStyle,
): { w: number; size: number } {
	ctx.font = fontStr(f, size);
	let w = ctx.measureText(text).width;
	if (w > maxW) {
		size *= maxW / w;
		ctx.font = fontStr(f, size);
		w = ctx.measureText(text).width;
	}
	const x0 = align === 'left' ? x : align === 'center' ? x - w / 2 : x - w;
	ctx.textAlign = 'left';
	ctx.textBaseline = 'alphabetic';
	paintText(ctx, text, x0, y, size, st);
	return { w, size };
}

/** number groups with gap; returns width */
function drawGroups(
	ctx: SKRSContext2D,
	groups: string[],
	f: FontDef,
	size: number,
	gapEm: number,
	x: number,
	y: number,
	maxW: number,
	align: 'left' | 'center' | 'right',
	st: TextStyle,
): { w: number; size: number } {
	const measure = (s: number) => {
		ctx.font = fontStr(f, s);
		return groups.reduce((a, g) => a + ctx.measureText(g).width, 0) + gapEm * s * (groups.length - 1);
	};
	let w = measure(size);
	if (w > maxW) {
		size *= maxW / w;
		w = measure(size);
	}
	ctx.font = fontStr(f, size);
	let cx = align === 'left' ? x : align === 'center' ? x - w / 2 : x - w;
	ctx.textAlign = 'left';
	ctx.textBaseline = 'alphabetic';
	for (const g of groups) {
		paintText(ctx, g, cx, y, size, st);
		cx += ctx.measureText(g).width + gapEm * size;
	}
	return { w, size };
}

function roundRect(ctx: SKRSContext2D, x: number, y: number, w: number, h: number, rad: number) {
	ctx.beginPath();
	ctx.moveTo(x + rad, y);
	ctx.lineTo(x + w - rad, y);
	ctx.quadraticCurveTo(x + w, y, x + w, y + rad);
	ctx.lineTo(x + w, y + h - rad);
	ctx.quadraticCurveTo(x + w, y + h, x + w - rad, y + h);
	ctx.lineTo(x + rad, y + h);
	ctx.quadraticCurveTo(x, y + h, x, y + h - rad);
	ctx.lineTo(x, y + rad);
	ctx.quadraticCurveTo(x, y, x + rad, y);
	ctx.closePath();
}

function drawChip(ctx: SKRSContext2D, x: number, y: number, w: number, h: number) {
	const g = ctx.createLinearGradient(x, y, x + w, y + h);
	g.addColorStop(0, '#e9cf7e');
	g.addColorStop(0.5, '#b8913e');
	g.addColorStop(1, '#ecd58e');
	roundRect(ctx, x, y, w, h, Math.min(w, h) * 0.16);
	ctx.fillStyle = g;
	ctx.fill();
	ctx.strokeStyle = 'rgba(90,60,10,0.8)';
	ctx.lineWidth = Math.max(1, w * 0.018);
	ctx.stroke();
	ctx.beginPath();
	const horiz = w >= h;
	if (horiz) {
		ctx.moveTo(x, y + h / 3);
		ctx.lineTo(x + w * 0.35, y + h / 3);
		ctx.moveTo(x, y + (2 * h) / 3);
		ctx.lineTo(x + w * 0.35, y + (2 * h) / 3);
		ctx.moveTo(x + w, y + h / 3);
		ctx.lineTo(x + w * 0.65, y + h / 3);
		ctx.moveTo(x + w, y + (2 * h) / 3);
		ctx.lineTo(x + w * 0.65, y + (2 * h) / 3);
		ctx.rect(x + w * 0.35, y + h * 0.22, w * 0.3, h * 0.56);
	} else {
		ctx.moveTo(x + w / 3, y);
		ctx.lineTo(x + w / 3, y + h * 0.35);
		ctx.moveTo(x + (2 * w) / 3, y);
		ctx.lineTo(x + (2 * w) / 3, y + h * 0.35);
		ctx.moveTo(x + w / 3, y + h);
		ctx.lineTo(x + w / 3, y + h * 0.65);
		ctx.moveTo(x + (2 * w) / 3, y + h);
		ctx.lineTo(x + (2 * w) / 3, y + h * 0.65);
		ctx.rect(x + w * 0.22, y + h * 0.35, w * 0.56, h * 0.3);
	}
	ctx.stroke();
}

function drawContactless(ctx: SKRSContext2D, x: number, y: number, s: number, color: string) {
	ctx.strokeStyle = color;
	ctx.lineWidth = s * 0.09;
	ctx.lineCap = 'round';
	for (let i = 0; i < 4; i++) {
		const rr = s * (0.18 + i * 0.22);
		ctx.beginPath();
		ctx.arc(x - s * 0.3, y, rr, -Math.PI / 4, Math.PI / 4);
		ctx.stroke();
	}
}

function drawNetwork(ctx: SKRSContext2D, brand: Brand, x: number, y: number, w: number, h: number, dark: boolean) {
	// (x,y) top-left of logo box
	ctx.save();
	switch (brand) {
		case 'visa': {
			ctx.font = `italic bold ${h * 0.75}px "${FONTS.find((f) => f.file.startsWith('LiberationSans-Bold'))?.alias ?? FONTS[0].alias}"`;
			ctx.fillStyle = dark ? '#ffffff' : '#1a1f71';
			ctx.textBaseline = 'middle';
			ctx.textAlign = 'right';
			ctx.fillText('VISA', x + w, y + h / 2);
			break;
		}
		case 'mastercard': {
			const rr = h * 0.42;
			const cx = x + w - rr * 1.7;
			ctx.globalAlpha = 0.95;
			ctx.fillStyle = '#eb001b';
			ctx.beginPath();
			ctx.arc(cx - rr * 0.6, y + h / 2, rr, 0, Math.PI * 2);
			ctx.fill();
			ctx.fillStyle = '#f79e1b';
			ctx.globalAlpha = 0.85;
			ctx.beginPath();
			ctx.arc(cx + rr * 0.6, y + h / 2, rr, 0, Math.PI * 2);
			ctx.fill();
			break;
		}
		case 'amex': {
			const bw = h * 1.1;
			ctx.fillStyle = '#2e77bb';
			ctx.fillRect(x + w - bw, y, bw, h);
			ctx.fillStyle = '#ffffff';
			ctx.font = `bold ${h * 0.22}px "${FONTS.find((f) => f.kind === 'sans')!.alias}"`;
			ctx.textAlign = 'center';
			ctx.textBaseline = 'middle';
			ctx.fillText('AMERICAN', x + w - bw / 2, y + h * 0.36);
			ctx.fillText('EXPRESS', x + w - bw / 2, y + h * 0.64);
			break;
		}
		case 'discover': {
			ctx.fillStyle = dark ? '#ffffff' : '#222222';
			ctx.font = `bold ${h * 0.32}px "${FONTS.find((f) => f.kind === 'sans')!.alias}"`;
			ctx.textAlign = 'right';
			ctx.textBaseline = 'middle';
			ctx.fillText('VER', x + w, y + h / 2);
			const tw = ctx.measureText('VER').width;
			const rr = h * 0.12;
			ctx.fillText('DISC', x + w - tw - rr * 2.3, y + h / 2);
			ctx.fillStyle = '#f58220';
			ctx.beginPath();
			ctx.arc(x + w - tw - rr * 1.15, y + h / 2, rr, 0, Math.PI * 2);
			ctx.fill();
			break;
		}
		case 'jcb': {
			const cols = ['#0e4c96', '#e21836', '#007940'];
			const bw = h * 0.4;
			for (let i = 0; i < 3; i++) {
				const bx = x + w - (3 - i) * bw * 1.05;
				roundRect(ctx, bx, y, bw, h, bw * 0.25);
				ctx.fillStyle = cols[i];
				ctx.fill();
			}
			ctx.fillStyle = '#ffffff';
			ctx.font = `bold ${h * 0.3}px "${FONTS.find((f) => f.kind === 'sans')!.alias}"`;
			ctx.textAlign = 'center';
			ctx.textBaseline = 'middle';
			'JCB'.split('').forEach((c, i) => ctx.fillText(c, x + w - (3 - i) * bw * 1.05 + bw / 2, y + h * 0.6));
			break;
		}
		case 'unionpay': {
			const cols = ['#d81e06', '#01408b', '#00908c'];
			const bw = h * 0.45;
			for (let i = 0; i < 3; i++) {
				const bx = x + w - (3 - i) * bw * 0.9 - bw * 0.3;
				ctx.beginPath();
				ctx.moveTo(bx + bw * 0.3, y);
				ctx.lineTo(bx + bw + bw * 0.3, y);
				ctx.lineTo(bx + bw, y + h);
				ctx.lineTo(bx, y + h);
				ctx.closePath();
				ctx.fillStyle = cols[i];
				ctx.fill();
			}
			ctx.fillStyle = '#ffffff';
			ctx.font = `bold ${h * 0.2}px "${FONTS.find((f) => f.kind === 'sans')!.alias}"`;
			ctx.textAlign = 'right';
			ctx.textBaseline = 'middle';
			ctx.fillText('UnionPay', x + w - bw * 0.35, y + h * 0.62);
			break;
		}
	}
	ctx.restore();
}

function drawDesign(ctx: SKRSContext2D, W: number, H: number, d: Design, r: Rng) {
	let fill: string | CanvasGradient = d.c1;
	if (d.kind === 'linear' || d.kind === 'waves' || d.kind === 'stripes') {
		const a = r.uni(0, Math.PI);
		const g = ctx.createLinearGradient(
			W / 2 - (Math.cos(a) * W) / 2,
			H / 2 - (Math.sin(a) * H) / 2,
			W / 2 + (Math.cos(a) * W) / 2,
			H / 2 + (Math.sin(a) * H) / 2,
		);
		g.addColorStop(0, d.c1);
		g.addColorStop(1, d.c2);
		fill = g;
	} else if (d.kind === 'radial' || d.kind === 'circles') {
		const g = ctx.createRadialGradient(r.uni(0, W), r.uni(0, H), 10, W / 2, H / 2, Math.max(W, H));
		g.addColorStop(0, d.c2);
		g.addColorStop(1, d.c1);
		fill = g;
	}
	ctx.fillStyle = fill;
	ctx.fillRect(0, 0, W, H);
	const ink = d.dark ? '255,255,255' : '0,0,0';
	if (d.kind === 'waves') {
		ctx.lineWidth = r.uni(1.5, 4);
		const n = r.int(6, 18);
		const amp = r.uni(15, 60),
			per = r.uni(250, 700),
			ph = r.uni(0, 6);
		for (let i = 0; i < n; i++) {
			ctx.strokeStyle = `rgba(${ink},${r.uni(0.04, 0.11).toFixed(3)})`;
			ctx.beginPath();
			const y0 = (H * i) / n + r.uni(-10, 10);
			for (let x = 0; x <= W; x += 10) {
				const y = y0 + amp * Math.sin((x / per) * Math.PI * 2 + ph + i * 0.35);
				x === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y);
			}
			ctx.stroke();
		}
	} else if (d.kind === 'dots') {
		const step = r.uni(14, 30),
			rad = r.uni(1.5, 4);
		ctx.fillStyle = `rgba(${ink},${r.uni(0.05, 0.12).toFixed(3)})`;
		for (let y = step / 2; y < H; y += step)
			for (let x = step / 2 + ((y / step) % 2) * step * 0.5; x < W; x += step) {
				ctx.beginPath();
				ctx.arc(x, y, rad, 0, Math.PI * 2);
				ctx.fill();
			}
	} else if (d.kind === 'noise') {
		for (let i = 0; i < 5000; i++) {
			ctx.fillStyle = `rgba(${r.chance(0.5) ? '255,255,255' : '0,0,0'},${r.uni(0.03, 0.12).toFixed(3)})`;
			const s = r.uni(1, 3.5);
			ctx.fillRect(r.uni(0, W), r.uni(0, H), s, s);
		}
	} else if (d.kind === 'stripes') {
		ctx.save();
		ctx.translate(W / 2, H / 2);
		ctx.rotate(r.uni(-1, 1));
		const step = r.uni(20, 60);
		ctx.fillStyle = `rgba(${ink},${r.uni(0.03, 0.08).toFixed(3)})`;
		for (let x = -W * 1.5; x < W * 1.5; x += step * 2) ctx.fillRect(x, -H * 1.5, step, H * 3);
		ctx.restore();
	} else if (d.kind === 'circles') {
		ctx.lineWidth = r.uni(2, 10);
		for (let i = 0; i < r.int(2, 6); i++) {
			ctx.strokeStyle = `rgba(${ink},${r.uni(0.04, 0.1).toFixed(3)})`;
			ctx.beginPath();
			ctx.arc(r.uni(0, W), r.uni(0, H), r.uni(100, 600), 0, Math.PI * 2);
			ctx.stroke();
		}
	}
}

type CardRender = { canvas: Canvas; W: number; H: number; pad: number; notes: string[] };

function renderCard(spec: Spec, pxWidth: number, r: Rng): CardRender {
	const portrait = spec.layout.startsWith('portrait');
	const W = portrait ? 630 : 1000,
		H = portrait ? 1000 : 630;
	const s = pxWidth / W;
	const pad = 3;
	const cw = Math.round(W * s) + 2 * pad,
		ch = Math.round(H * s) + 2 * pad;
	const canvas = createCanvas(cw, ch);
	const ctx = canvas.getContext('2d');
	ctx.translate(pad, pad);
	ctx.scale(s, s);
	ctx.save();
	roundRect(ctx, 0, 0, W, H, 36);
	ctx.clip();
	drawDesign(ctx, W, H, spec.design, r);
	ctx.restore();
	// a thin edge
	roundRect(ctx, 0.5, 0.5, W - 1, H - 1, 36);
	ctx.strokeStyle = spec.design.dark ? 'rgba(255,255,255,0.18)' : 'rgba(0,0,0,0.18)';
	ctx.lineWidth = 2;
	ctx.stroke();

	const dark = spec.design.dark;
	const notes: string[] = [];
	const flatFill = dark
		? r.pick(['#ffffff', '#f2f2f2', '#e8e2cf', '#dfe6ee'])
		: r.pick(['#111111', '#1b1f3a', '#2a2a2a', '#0f2f4f', '#3a1010']);
	const foil: TextStyle['foil'] = dark ? r.pick(['silver', 'gold', 'white'] as const) : 'dark';
	const main: TextStyle = { emboss: spec.embossed, dark, fill: flatFill, foil };
	const soft: TextStyle = { emboss: false, dark, fill: dark ? 'rgba(255,255,255,0.8)' : 'rgba(0,0,0,0.72)', foil };
	notes.push(spec.embossed ? `embossed(${foil})` : 'flat print');
	notes.push(`numFont=${spec.numFont.family}/${spec.numFont.file}`, `nameFont=${spec.nameFont.family}/${spec.nameFont.file}`);
	notes.push(`design=${spec.design.kind}/${dark ? 'dark' : 'light'}`);

	const numGroups = splitGroups(spec.digits, spec.groups);
	const gapEm = spec.numFont.kind === 'ocr' || spec.numFont.kind === 'mono' ? r.uni(0.5, 1.0) : r.uni(0.35, 0.8);
	const expText = `${spec.expMM}/${spec.fourYear ? '20' + spec.expYY : spec.expYY}`;

	// bank name + product
	const drawBank = (x: number, y: number, size: number, maxW: number, align: 'left' | 'right' | 'center') => {
		if (!spec.bank) return;
		drawFit(ctx, spec.bank, spec.bankFont, size, x, y, maxW, align, { ...soft, fill: dark ? '#ffffff' : '#15233f' });
		notes.push(`bank text "${spec.bank}"`);
	};
	const drawProduct = (x: number, y: number, size: number, maxW: number, align: 'left' | 'right' | 'center') => {
		if (!spec.product) return;
		drawFit(ctx, spec.product, spec.labelFont, size, x, y, maxW, align, soft);
		notes.push(`product word "${spec.product}"`);
	};

	// expiry block: label + date (+decoy). Returns nothing. (x,y)= baseline-left of the date area.
	const drawExpiry = (x: number, y: number, size: number, align: 'left' | 'center' | 'right', maxW: number) => {
		ctx.font = fontStr(spec.numFont, size);
		const dateW = ctx.measureText(expText).width;
		const lsz = size * 0.4;
		let labelW = 0;
		const lab = spec.label;
		let labelMode: 'stack' | 'inline' | 'above' | 'none' = 'none';
		let lab1 = '',
			lab2 = '';
		if (lab === 'none') labelMode = 'none';
		else if (lab === 'EXP') {
			labelMode = 'inline';
			lab1 = 'EXP';
		} else if (lab === 'MONTH/YEAR') {
			labelMode = 'above';
			lab1 = 'MONTH/YEAR';
		} else {
			const [a, ...b] = lab.split(' ');
			lab1 = a;
			lab2 = b.join(' ');
			labelMode = r.chance(0.7) ? 'stack' : 'inline';
			if (labelMode === 'inline') lab1 = lab;
		}
		ctx.font = fontStr(spec.labelFont, lsz);
		if (labelMode === 'stack') labelW = Math.max(ctx.measureText(lab1).width, ctx.measureText(lab2).width) + size * 0.25;
		if (labelMode === 'inline') {
			ctx.font = fontStr(spec.labelFont, size * 0.55);
			labelW = ctx.measureText(lab1).width + size * 0.3;
		}
		// decoy (same line, to the left) width
		let decoyW = 0;
		let decoyLab = '',
			decoyLabW = 0,
			decoyDateW = 0;
		const decoySameLine = spec.decoy && spec.decoy.kind !== 'MEMBER SINCE';
		if (spec.decoy && decoySameLine) {
			decoyLab = spec.decoy.kind;
			ctx.font = fontStr(spec.labelFont, lsz);
			const parts = decoyLab.split(' ');
			decoyLabW = Math.max(...parts.map((p) => ctx.measureText(p).width)) + size * 0.25;
			ctx.font = fontStr(spec.numFont, size * 0.85);
			decoyDateW = ctx.measureText(spec.decoy.text).width;
			decoyW = decoyLabW + decoyDateW + size * 0.9;
		}
		let total = decoyW + labelW + dateW;
		let k = 1;
		if (total > maxW) k = maxW / total;
		const S = size * k;
		total *= k;
		let cx = align === 'left' ? x : align === 'center' ? x - total / 2 : x - total;
		if (decoyW > 0 && spec.decoy) {
			const parts = decoyLab.split(' ');
			ctx.font = fontStr(spec.labelFont, lsz * k);
			ctx.textAlign = 'left';
			ctx.textBaseline = 'alphabetic';
			if (parts.length === 2) {
				paintText(ctx, parts[0], cx, y - S * 0.4, lsz * k, soft);
				paintText(ctx, parts[1], cx, y, lsz * k, soft);
			} else paintText(ctx, parts[0], cx, y - S * 0.2, lsz * k, soft);
			cx += decoyLabW * k;
			ctx.font = fontStr(spec.numFont, S * 0.85);
			paintText(ctx, spec.decoy.text, cx, y, S * 0.85, main);
			cx += (decoyDateW + size * 0.9) * k;
			notes.push(`DECOY "${spec.decoy.kind} ${spec.decoy.text}" left of expiry`);
		}
		ctx.textAlign = 'left';
		ctx.textBaseline = 'alphabetic';
		if (labelMode === 'stack') {
			ctx.font = fontStr(spec.labelFont, lsz * k);
			paintText(ctx, lab1, cx, y - S * 0.4, lsz * k, soft);
			paintText(ctx, lab2, cx, y, lsz * k, soft);
			cx += labelW * k;
		} else if (labelMode === 'inline') {
			ctx.font = fontStr(spec.labelFont, S * 0.55);
			paintText(ctx, lab1, cx, y, S * 0.55, soft);
			cx += labelW * k;
		}
		if (labelMode === 'above') {
			ctx.font = fontStr(spec.labelFont, lsz * k);
			paintText(ctx, lab1, cx, y - S * 0.95, lsz * k, soft);
		}
		ctx.font = fontStr(spec.numFont, S);
		paintText(ctx, expText, cx, y, S, main);
		notes.push(`expiry printed "${expText}" label=${lab}${labelMode !== 'none' ? '/' + labelMode : ''}`);
	};
	const drawMemberSince = (x: number, y: number, size: number, align: 'left' | 'right' | 'center') => {
		if (spec.decoy && spec.decoy.kind === 'MEMBER SINCE') {
			drawFit(ctx, `MEMBER SINCE ${spec.decoy.text}`, spec.labelFont, size, x, y, 400, align, soft);
			notes.push(`DECOY "MEMBER SINCE ${spec.decoy.text}"`);
		}
	};
	const nameBase = spec.name.length > 20 ? 0.85 : 1;
	const drawName = (x: number, y: number, size: number, maxW: number, align: 'left' | 'right' | 'center') => {
		const res = drawFit(ctx, spec.name, spec.nameFont, size * nameBase, x, y, maxW, align, main);
		if (spec.name.length > 20) notes.push('long name in narrow font');
		return res;
	};
	const drawCompany = (x: number, y: number, nameSize: number, maxW: number, align: 'left' | 'right' | 'center') => {
		if (!spec.company) return;
		drawFit(ctx, spec.company, spec.labelFont, nameSize * 0.62, x, y, maxW, align, soft);
		notes.push(`company line "${spec.company}" under name (smaller, not part of name)`);
	};
	const lineColor = dark ? 'rgba(255,255,255,0.85)' : 'rgba(0,0,0,0.7)';

	switch (spec.layout) {
		case 'classic': {
			drawBank(60, 95, r.uni(34, 44), 560, 'left');
			drawProduct(940, 95, r.uni(24, 30), 300, 'right');
			drawChip(ctx, 85, 175, 120, 92);
			if (r.chance(0.7)) drawContactless(ctx, 260, 221, 50, lineColor);
			drawNetwork(ctx, spec.brand, 770, 485, 180, 100, dark);
			const nsz = r.uni(60, 72);
			drawGroups(ctx, numGroups, spec.numFont, nsz, gapEm, 500, 385, 880, 'center', main);
			drawMemberSince(60, 300, 22, 'left');
			drawExpiry(r.uni(470, 540), 462, r.uni(32, 38), 'center', 560);
			const nm = drawName(60, spec.company ? 540 : 560, r.uni(34, 40), 680, 'left');
			drawCompany(60, 582, nm.size, 680, 'left');
			break;
		}
		case 'minimalist': {
			drawBank(60, 90, r.uni(30, 40), 600, 'left');
			drawNetwork(ctx, spec.brand, 770, 40, 180, 95, dark);
			drawChip(ctx, 80, 200, 110, 84);
			if (r.chance(0.5)) drawContactless(ctx, 230, 242, 44, lineColor);
			const nsz = r.uni(34, 40);
			drawMemberSince(940, 200, 20, 'right');
			if (spec.variant === 0) {
				// name above number; expiry bottom-right
				drawProduct(60, 440, 22, 400, 'left');
				const nm = drawName(60, 505, r.uni(30, 36), 620, 'left');
				drawGroups(ctx, numGroups, spec.numFont, nsz, gapEm * 0.6, 60, 570, 560, 'left', main);
				drawExpiry(940, 570, r.uni(28, 34), 'right', 300);
				void nm;
				notes.push('minimalist: name above small number');
			} else {
				// number bottom-left, name beside it (right-aligned); expiry above number
				drawProduct(940, 440, 22, 300, 'right');
				drawExpiry(60, 505, r.uni(28, 32), 'left', 500);
				const g = drawGroups(ctx, numGroups, spec.numFont, nsz, gapEm * 0.6, 60, 570, 520, 'left', main);
				drawName(940, 570, r.uni(28, 34), 940 - 60 - g.w - 45, 'right');
				notes.push('minimalist: name beside small number');
			}
			spec.company = null;
			break;
		}
		case 'numberAboveName': {
			drawBank(940, 90, r.uni(32, 40), 520, 'right');
			drawProduct(940, 135, r.uni(22, 28), 320, 'right');
			drawChip(ctx, 80, 150, 118, 90);
			if (r.chance(0.6)) drawContactless(ctx, 250, 195, 48, lineColor);
			drawNetwork(ctx, spec.brand, 770, 490, 180, 100, dark);
			drawMemberSince(60, 290, 20, 'left');
			drawGroups(ctx, numGroups, spec.numFont, r.uni(54, 64), gapEm, 60, 370, 880, 'left', main);
			const nm = drawName(60, 448, r.uni(32, 38), 860, 'left');
			drawCompany(60, 486, nm.size, 600, 'left');
			drawExpiry(60, spec.company ? 565 : 545, r.uni(30, 36), 'left', 660);
			break;
		}
		case 'nameAboveNumber': {
			drawBank(60, 85, r.uni(32, 42), 600, 'left');
			drawNetwork(ctx, spec.brand, 770, 35, 180, 95, dark);
			drawChip(ctx, 80, 130, 112, 86);
			drawProduct(940, 190, r.uni(22, 28), 360, 'right');
			const nm = drawName(60, 300, r.uni(32, 40), 860, 'left');
			drawCompany(60, 338, nm.size, 600, 'left');
			drawGroups(ctx, numGroups, spec.numFont, r.uni(54, 64), gapEm, 60, 435, 880, 'left', main);
			drawExpiry(60, 525, r.uni(30, 36), 'left', 640);
			drawMemberSince(940, 590, 20, 'right');
			if (r.chance(0.5)) drawContactless(ctx, 900, 520, 50, lineColor);
			break;
		}
		case 'portraitOneLine':
		case 'portraitTwoLines': {
			drawBank(50, 85, r.uni(30, 38), 530, 'left');
			drawProduct(50, 128, r.uni(20, 26), 400, 'left');
			drawChip(ctx, 60, 190, 92, 120);
			if (r.chance(0.6)) drawContactless(ctx, 230, 250, 50, lineColor);
			drawNetwork(ctx, spec.brand, 420, 880, 170, 90, dark);
			drawMemberSince(580, 420, 20, 'right');
			let y: number;
			if (spec.layout === 'portraitOneLine') {
				drawGroups(ctx, numGroups, spec.numFont, r.uni(44, 52), gapEm * 0.7, 50, 660, 530, 'left', main);
				y = 660;
			} else {
				const cut = Math.ceil(numGroups.length / 2);
				const a = numGroups.slice(0, cut),
					b = numGroups.slice(cut);
				const sz = r.uni(52, 62);
				const g1 = drawGroups(ctx, a, spec.numFont, sz, gapEm, 50, 600, 530, 'left', main);
				drawGroups(ctx, b, spec.numFont, g1.size, gapEm, 50, 600 + g1.size * 1.25, 530, 'left', main);
				y = 600 + g1.size * 1.25;
				notes.push(`number split ${a.join(' ')} / ${b.join(' ')}`);
			}
			const nm = drawName(50, y + 85, r.uni(30, 36), 530, 'left');
			drawCompany(50, y + 120, nm.size, 500, 'left');
			drawExpiry(50, spec.company ? y + 185 : y + 165, r.uni(28, 34), 'left', 340);
			break;
		}
	}
	return { canvas, W: cw, H: ch, pad, notes };
}

// ---------------------------------------------------------------- geometry
type Pt = [number, number];
function solveHomography(src: Pt[], dst: Pt[]): number[] {
	// returns h (9) mapping src->dst
	const A: number[][] = [];
	const b: number[] = [];
	for (let i = 0; i < 4; i++) {
		const [x, y] = src[i],
			[u, v] = dst[i];
		A.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
		b.push(u);
		A.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
		b.push(v);
	}
	const n = 8;
	for (let c = 0; c < n; c++) {
		let p = c;
		for (let i = c + 1; i < n; i++) if (Math.abs(A[i][c]) > Math.abs(A[p][c])) p = i;
		[A[c], A[p]] = [A[p], A[c]];
		[b[c], b[p]] = [b[p], b[c]];
		for (let i = 0; i < n; i++) {
			if (i === c) continue;
			const f = A[i][c] / A[c][c];
			for (let j = c; j < n; j++) A[i][j] -= f * A[c][j];
			b[i] -= f * b[c];
		}
	}
	const h = b.map((v, i) => v / A[i][i]);
	return [...h, 1];
}
function applyH(h: number[], x: number, y: number): Pt {
	const w = h[6] * x + h[7] * y + h[8];
	return [(h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w];
}

/** warp card RGBA into dst RGBA (alpha-over) using quad (TL,TR,BR,BL) for card rect */
/**
 * Warps the rendered card, its padding included, onto `quad` (the card's own corners in the scene).
 * Returns the homography from the card's unit square to the scene.
 */
function warpCardOnto(dst: Uint8ClampedArray, DW: number, DH: number, card: CardRender, quad: Pt[]): number[] {
	const padF = card.pad / (card.W - 2 * card.pad);
	const padFy = card.pad / (card.H - 2 * card.pad);
	const hq = solveHomography(
		[
			[0, 0],
			[1, 0],
			[1, 1],
			[0, 1],
		],
		quad,
	);
	warpInto(dst, DW, DH, card, [
		applyH(hq, -padF, -padFy),
		applyH(hq, 1 + padF, -padFy),
		applyH(hq, 1 + padF, 1 + padFy),
		applyH(hq, -padF, 1 + padFy),
	]);
	return hq;
}

function warpInto(dst: Uint8ClampedArray, DW: number, DH: number, card: CardRender, quad: Pt[]) {
	const src = card.canvas.getContext('2d').getImageData(0, 0, card.W, card.H).data;
	const SW = card.W,
		SH = card.H;
	const hInv = solveHomography(quad, [
		[0, 0],
		[SW, 0],
		[SW, SH],
		[0, SH],
	]);
	const xs = quad.map((p) => p[0]),
		ys = quad.map((p) => p[1]);
	const x0 = Math.max(0, Math.floor(Math.min(...xs)) - 1),
		x1 = Math.min(DW - 1, Math.ceil(Math.max(...xs)) + 1);
	const y0 = Math.max(0, Math.floor(Math.min(...ys)) - 1),
		y1 = Math.min(DH - 1, Math.ceil(Math.max(...ys)) + 1);
	for (let y = y0; y <= y1; y++) {
		for (let x = x0; x <= x1; x++) {
			const px = x + 0.5,
				py = y + 0.5;
			const w = hInv[6] * px + hInv[7] * py + hInv[8];
			const u = (hInv[0] * px + hInv[1] * py + hInv[2]) / w - 0.5;
			const v = (hInv[3] * px + hInv[4] * py + hInv[5]) / w - 0.5;
			if (u < -1 || v < -1 || u > SW || v > SH) continue;
			const iu = Math.floor(u),
				iv = Math.floor(v);
			const fu = u - iu,
				fv = v - iv;
			let r = 0,
				g = 0,
				b = 0,
				a = 0;
			for (let k = 0; k < 4; k++) {
				const sx = iu + (k & 1),
					sy = iv + (k >> 1);
				if (sx < 0 || sy < 0 || sx >= SW || sy >= SH) continue;
				const wt = (k & 1 ? fu : 1 - fu) * (k >> 1 ? fv : 1 - fv);
				const si = (sy * SW + sx) * 4;
				const sa = src[si + 3] * wt;
				// canvas getImageData is un-premultiplied
				r += src[si] * sa;
				g += src[si + 1] * sa;
				b += src[si + 2] * sa;
				a += sa;
			}
			if (a <= 0.5) continue;
			const A = a / 255;
			const di = (y * DW + x) * 4;
			dst[di] = dst[di] * (1 - A) + (r / a) * A;
			dst[di + 1] = dst[di + 1] * (1 - A) + (g / a) * A;
			dst[di + 2] = dst[di + 2] * (1 - A) + (b / a) * A;
		}
	}
}

// ---------------------------------------------------------------- backgrounds
function drawBackground(ctx: SKRSContext2D, W: number, H: number, kind: string, r: Rng) {
	const lowfreq = (alpha: number, dark: boolean) => {
		const t = createCanvas(16, 12);
		const tc = t.getContext('2d');
		const id = tc.createImageData(16, 12);
		for (let i = 0; i < 16 * 12; i++) {
			const v = dark ? 0 : 255;
			id.data[i * 4] = v;
			id.data[i * 4 + 1] = v;
			id.data[i * 4 + 2] = v;
			id.data[i * 4 + 3] = Math.floor(r.next() * 255 * alpha);
		}
		tc.putImageData(id, 0, 0);
		ctx.imageSmoothingEnabled = true;
		ctx.drawImage(t, 0, 0, W, H);
	};
	if (kind === 'wood') {
		const h = r.uni(18, 35),
			l = r.uni(25, 55);
		ctx.fillStyle = hsl(h, r.uni(35, 60), l);
		ctx.fillRect(0, 0, W, H);
		ctx.save();
		ctx.translate(W / 2, H / 2);
		ctx.rotate(r.uni(-0.3, 0.3) + (r.chance(0.3) ? Math.PI / 2 : 0));
		const L = Math.max(W, H) * 1.5;
		const n = Math.floor(L / r.uni(4, 9));
		for (let i = 0; i < n; i++) {
			const y = -L / 2 + (i * L) / n;
			ctx.strokeStyle = `hsla(${h.toFixed(0)}, 50%, ${(l + r.uni(-18, 12)).toFixed(0)}%, ${r.uni(0.15, 0.5).toFixed(2)})`;
			ctx.lineWidth = r.uni(1, 5) * (W / 1500);
			ctx.beginPath();
			const amp = r.uni(2, 20) * (W / 1500),
				per = r.uni(200, 900) * (W / 1500),
				ph = r.uni(0, 6);
			for (let x = -L / 2; x <= L / 2; x += L / 60) {
				const yy = y + amp * Math.sin(x / per + ph);
				x === -L / 2 ? ctx.moveTo(x, yy) : ctx.lineTo(x, yy);
			}
			ctx.stroke();
		}
		ctx.restore();
		lowfreq(0.25, true);
	} else if (kind === 'fabric') {
		ctx.fillStyle = hsl(r.uni(0, 360), r.uni(10, 50), r.uni(20, 60));
		ctx.fillRect(0, 0, W, H);
		const step = Math.max(2, Math.round(W / 500));
		for (let x = 0; x < W; x += step) {
			ctx.fillStyle = `rgba(255,255,255,${r.uni(0.02, 0.09).toFixed(3)})`;
			ctx.fillRect(x, 0, 1, H);
		}
		for (let y = 0; y < H; y += step) {
			ctx.fillStyle = `rgba(0,0,0,${r.uni(0.03, 0.1).toFixed(3)})`;
			ctx.fillRect(0, y, W, 1);
		}
		lowfreq(0.3, true);
	} else if (kind === 'paper') {
		ctx.fillStyle = hsl(r.uni(35, 55), r.uni(5, 30), r.uni(82, 94));
		ctx.fillRect(0, 0, W, H);
		lowfreq(0.12, true);
	} else if (kind === 'dark') {
		ctx.fillStyle = hsl(r.uni(0, 360), r.uni(0, 15), r.uni(4, 14));
		ctx.fillRect(0, 0, W, H);
		lowfreq(0.1, false);
	} else {
		// desk laminate
		const g = ctx.createLinearGradient(0, 0, W, H);
		const hh = r.uni(0, 360),
			ss = r.uni(0, 12);
		g.addColorStop(0, hsl(hh, ss, r.uni(55, 80)));
		g.addColorStop(1, hsl(hh, ss, r.uni(40, 70)));
		ctx.fillStyle = g;
		ctx.fillRect(0, 0, W, H);
		lowfreq(0.15, true);
	}
}

// ---------------------------------------------------------------- pixel effects
function addNoise(d: Uint8ClampedArray, sigma: number, r: Rng, mono: boolean) {
	for (let i = 0; i < d.length; i += 4) {
		if (mono) {
			const n = (r.next() + r.next() + r.next() - 1.5) * 2 * sigma;
			d[i] += n;
			d[i + 1] += n;
			d[i + 2] += n;
		} else {
			d[i] += (r.next() + r.next() + r.next() - 1.5) * 2 * sigma;
			d[i + 1] += (r.next() + r.next() + r.next() - 1.5) * 2 * sigma;
			d[i + 2] += (r.next() + r.next() + r.next() - 1.5) * 2 * sigma;
		}
	}
}
function colourGrade(d: Uint8ClampedArray, gain: [number, number, number], gamma: number, lift: number) {
	const lut: Uint8ClampedArray[] = [0, 1, 2].map((c) => {
		const t = new Uint8ClampedArray(256);
		for (let v = 0; v < 256; v++) t[v] = 255 * Math.pow(Math.min(1, (v / 255) * gain[c]), gamma) + lift;
		return t;
	});
	for (let i = 0; i < d.length; i += 4) {
		d[i] = lut[0][d[i]];
		d[i + 1] = lut[1][d[i + 1]];
		d[i + 2] = lut[2][d[i + 2]];
	}
}

// ---------------------------------------------------------------- scene composition
type SceneOut = { rgb: Buffer; W: number; H: number; notes: string[]; cardPx?: number };

function quadFor(cardW: number, cardH: number, cx: number, cy: number, rollDeg: number, kx: number, ky: number): Pt[] {
	const hw = cardW / 2,
		hh = cardH / 2;
	const base: Pt[] = [
		[-hw, -hh],
		[hw, -hh],
		[hw, hh],
		[-hw, hh],
	];
	const a = (rollDeg * Math.PI) / 180;
	return base.map(([x, y]) => {
		const x2 = x * (1 + ky * Math.sign(y));
		const y2 = y * (1 + kx * Math.sign(x));
		return [cx + x2 * Math.cos(a) - y2 * Math.sin(a), cy + x2 * Math.sin(a) + y2 * Math.cos(a)] as Pt;
	});
}

function composePhoto(
	spec: Spec,
	r: Rng,
	opts: {
		W: number;
		H: number;
		cover: [number, number];
		roll: number;
		keystone: number;
		minCardPx: number;
		closeUp?: boolean;
		blurScale: number;
	},
): SceneOut {
	const { W, H } = opts;
	const notes: string[] = [];
	const portraitCard = spec.layout.startsWith('portrait');
	const aspect = portraitCard ? 1000 / 630 : 630 / 1000; // h/w
	const cover = r.uni(opts.cover[0], opts.cover[1]);
	let cardW = Math.max(cover * W, opts.minCardPx);
	const roll = r.uni(-opts.roll, opts.roll);
	const kx = r.uni(-opts.keystone, opts.keystone),
		ky = r.uni(-opts.keystone, opts.keystone);
	// fit inside the frame (with margin) unless close-up
	const margin = opts.closeUp ? 0 : 0.02 * Math.min(W, H);
	for (let it = 0; it < 40; it++) {
		const q = quadFor(cardW, cardW * aspect, 0, 0, roll, kx, ky);
		const bw = Math.max(...q.map((p) => p[0])) - Math.min(...q.map((p) => p[0]));
		const bh = Math.max(...q.map((p) => p[1])) - Math.min(...q.map((p) => p[1]));
		const limW = opts.closeUp ? W * 1.0 : W - 2 * margin,
			limH = opts.closeUp ? H * 1.0 : H - 2 * margin;
		if (opts.closeUp) {
			// text must never be cut: the card *height* must fit, width may exceed frame by a few px
			if (bh <= limH * 0.995 && bw <= W + 6) break;
		} else if (bw <= limW && bh <= limH) break;
		cardW *= 0.96;
	}
	const cardH = cardW * aspect;
	const q0 = quadFor(cardW, cardH, 0, 0, roll, kx, ky);
	const minX = Math.min(...q0.map((p) => p[0])),
		maxX = Math.max(...q0.map((p) => p[0]));
	const minY = Math.min(...q0.map((p) => p[1])),
		maxY = Math.max(...q0.map((p) => p[1]));
	let cx: number, cy: number;
	if (opts.closeUp) {
		cx = W / 2 + r.uni(-1, 1) * Math.max(0, (W - (maxX - minX)) / 2 + 3);
		cy = H / 2 + r.uni(-1, 1) * Math.max(0, (H - (maxY - minY)) / 2);
	} else {
		cx = r.uni(margin - minX, W - margin - maxX);
		cy = r.uni(margin - minY, H - margin - maxY);
	}
	const quad = quadFor(cardW, cardH, cx, cy, roll, kx, ky);
	notes.push(
		`card width ${((100 * cardW) / W).toFixed(0)}% of frame width (bbox ${((100 * (maxX - minX)) / W).toFixed(0)}%), roll ${roll.toFixed(1)}deg, keystone ${kx.toFixed(3)}/${ky.toFixed(3)}`,
	);

	const canvas = createCanvas(W, H);
	const ctx = canvas.getContext('2d');
	const bg = r.weighted<string>([
		['wood', 25],
		['fabric', 20],
		['paper', 15],
		['dark', 20],
		['desk', 20],
	]);
	drawBackground(ctx, W, H, bg, r);
	notes.push(`bg=${bg}`);
	// drop shadow under card
	ctx.save();
	ctx.shadowColor = 'rgba(0,0,0,0.55)';
	ctx.shadowBlur = cardW * 0.03;
	// draw the shape far off-canvas so only its (offset) shadow lands on the frame
	const far = W * 3;
	ctx.shadowOffsetX = cardW * r.uni(-0.015, 0.02) - far;
	ctx.shadowOffsetY = cardW * r.uni(0.005, 0.025);
	ctx.fillStyle = 'rgba(0,0,0,1)';
	ctx.beginPath();
	quad.forEach((p, i) => (i ? ctx.lineTo(p[0] + far, p[1]) : ctx.moveTo(p[0] + far, p[1])));
	ctx.closePath();
	ctx.fill();
	ctx.restore();

	const cardPx = Math.ceil(cardW * 1.15);
	const card = renderCard(spec, cardPx, r);
	notes.push(...card.notes);
	// map card canvas (incl. pad) corners: pad is tiny, extend quad proportionally
	const img = ctx.getImageData(0, 0, W, H);
	const hq = warpCardOnto(img.data, W, H, card, quad);
	ctx.putImageData(img, 0, 0);

	// shadow across scene (e.g. phone/hand shadow)
	if (r.chance(0.25)) {
		const a = r.uni(0, Math.PI * 2);
		const g = ctx.createLinearGradient(W / 2, H / 2, W / 2 + Math.cos(a) * W * 0.5, H / 2 + Math.sin(a) * H * 0.5);
		const alpha = r.uni(0.18, 0.4);
		const st = r.uni(0.0, 0.6);
		g.addColorStop(0, 'rgba(0,0,0,0)');
		g.addColorStop(st, 'rgba(0,0,0,0)');
		g.addColorStop(Math.min(1, st + r.uni(0.08, 0.3)), `rgba(0,0,0,${alpha.toFixed(2)})`);
		g.addColorStop(1, `rgba(0,0,0,${alpha.toFixed(2)})`);
		ctx.fillStyle = g;
		ctx.fillRect(0, 0, W, H);
		notes.push(`shadow alpha ${alpha.toFixed(2)}`);
	}
	// glare: centred in upper part of the card (away from the number line), partial alpha
	if (r.chance(0.3)) {
		const portrait = spec.layout.startsWith('portrait');
		const u = r.uni(0.45, 0.95),
			v = portrait ? r.uni(0.05, 0.35) : r.uni(0.05, 0.3);
		const [gx, gy] = applyH(hq, u, v);
		const rad = cardW * r.uni(0.08, 0.22);
		const a = r.uni(0.35, 0.7);
		const g = ctx.createRadialGradient(gx, gy, 0, gx, gy, rad);
		g.addColorStop(0, `rgba(255,255,250,${a.toFixed(2)})`);
		g.addColorStop(0.4, `rgba(255,255,250,${(a * 0.5).toFixed(2)})`);
		g.addColorStop(1, 'rgba(255,255,250,0)');
		ctx.fillStyle = g;
		ctx.fillRect(0, 0, W, H);
		notes.push(`glare at card (${u.toFixed(2)},${v.toFixed(2)}) alpha ${a.toFixed(2)}`);
	}
	// vignette
	if (r.chance(0.4)) {
		const g = ctx.createRadialGradient(W / 2, H / 2, Math.min(W, H) * 0.3, W / 2, H / 2, Math.max(W, H) * 0.75);
		g.addColorStop(0, 'rgba(0,0,0,0)');
		g.addColorStop(1, `rgba(0,0,0,${r.uni(0.2, 0.45).toFixed(2)})`);
		ctx.fillStyle = g;
		ctx.fillRect(0, 0, W, H);
	}
	const out = ctx.getImageData(0, 0, W, H);
	// low light / colour cast
	if (r.chance(0.22)) {
		const k = r.uni(0.5, 0.78);
		colourGrade(out.data, [k, k * r.uni(0.95, 1.02), k * r.uni(0.85, 1.0)], r.uni(1.0, 1.25), r.uni(0, 6));
		notes.push(`low light x${k.toFixed(2)}`);
	} else if (r.chance(0.3)) {
		const warm = r.chance(0.6);
		const c = r.uni(0.05, 0.14);
		colourGrade(out.data, warm ? [1 + c * 0.3, 1, 1 - c] : [1 - c, 1, 1 + c * 0.3], 1, 0);
		notes.push(`${warm ? 'warm' : 'cool'} cast`);
	}
	const noise = r.uni(1.5, 9);
	addNoise(out.data, noise, r, r.chance(0.3));
	notes.push(`noise ${noise.toFixed(1)}`);
	const rgb = Buffer.alloc(W * H * 3);
	for (let i = 0, j = 0; i < out.data.length; i += 4, j += 3) {
		rgb[j] = out.data[i];
		rgb[j + 1] = out.data[i + 1];
		rgb[j + 2] = out.data[i + 2];
	}
	return { rgb, W, H, notes, cardPx: maxX - minX };
}

async function blurStage(sc: SceneOut, r: Rng, scale: number): Promise<Buffer> {
	let img = sharp(sc.rgb, { raw: { width: sc.W, height: sc.H, channels: 3 } });
	const mode = r.weighted<string>([
		['none', 35],
		['gauss', 45],
		['motion', 20],
	]);
	if (mode === 'gauss') {
		const s = r.uni(0.4, 1.4) * scale;
		if (s >= 0.35) img = img.blur(Math.max(0.3, s));
		sc.notes.push(`gaussian blur ${s.toFixed(2)}`);
	} else if (mode === 'motion') {
		const len = Math.max(3, Math.round(r.uni(2, 5) * scale)) | 1;
		const ang = r.uni(0, Math.PI);
		const size = len;
		const k = new Array(size * size).fill(0);
		const c = (size - 1) / 2;
		for (let t = -c; t <= c; t += 0.25) {
			const x = Math.round(c + t * Math.cos(ang)),
				y = Math.round(c + t * Math.sin(ang));
			k[y * size + x] += 1;
		}
		const sum = k.reduce((a, b) => a + b, 0);
		img = img.convolve({ width: size, height: size, kernel: k.map((v) => v / sum) });
		sc.notes.push(`motion blur ${len}px`);
	}
	return img.raw().toBuffer();
}

// ---------------------------------------------------------------- scan composition
function composeScan(spec: Spec, r: Rng, dpi: number): SceneOut & { dpi: number } {
	const W = Math.round((210 / 25.4) * dpi),
		H = Math.round((297 / 25.4) * dpi);
	const notes: string[] = [`A4 ${dpi}dpi`];
	const canvas = createCanvas(W, H);
	const ctx = canvas.getContext('2d');
	ctx.fillStyle = hsl(r.uni(40, 60), r.uni(0, 20), r.uni(93, 99));
	ctx.fillRect(0, 0, W, H);
	// faint scanner edge shading
	if (r.chance(0.5)) {
		const g = ctx.createLinearGradient(0, 0, W * 0.04, 0);
		g.addColorStop(0, 'rgba(0,0,0,0.25)');
		g.addColorStop(1, 'rgba(0,0,0,0)');
		ctx.fillStyle = g;
		ctx.fillRect(0, 0, W * 0.04, H);
	}
	const portraitCard = spec.layout.startsWith('portrait');
	const cardWmm = portraitCard ? 53.98 : 85.6;
	const cardW = (cardWmm / 25.4) * dpi;
	const cardH = cardW * (portraitCard ? 1000 / 630 : 630 / 1000);
	const roll = r.uni(-5, 5);
	const q0 = quadFor(cardW, cardH, 0, 0, roll, 0, 0);
	const minX = Math.min(...q0.map((p) => p[0])),
		maxX = Math.max(...q0.map((p) => p[0]));
	const minY = Math.min(...q0.map((p) => p[1])),
		maxY = Math.max(...q0.map((p) => p[1]));
	const m = dpi * 0.3;
	const cx = r.uni(m - minX, W - m - maxX),
		cy = r.uni(m - minY, H - m - maxY);
	const quad = quadFor(cardW, cardH, cx, cy, roll, 0, 0);
	notes.push(`skew ${roll.toFixed(1)}deg at (${cx.toFixed(0)},${cy.toFixed(0)})`);
	ctx.save();
	ctx.shadowColor = 'rgba(0,0,0,0.35)';
	ctx.shadowBlur = dpi * 0.03;
	ctx.shadowOffsetY = dpi * 0.01;
	ctx.shadowOffsetX = -W * 3;
	ctx.fillStyle = 'rgba(0,0,0,1)';
	ctx.beginPath();
	quad.forEach((p, i) => (i ? ctx.lineTo(p[0] + W * 3, p[1]) : ctx.moveTo(p[0] + W * 3, p[1])));
	ctx.closePath();
	ctx.fill();
	ctx.restore();
	const card = renderCard(spec, Math.ceil(cardW * 1.2), r);
	notes.push(...card.notes);
	const img = ctx.getImageData(0, 0, W, H);
	warpCardOnto(img.data, W, H, card, quad);
	// scanners flatten: slight contrast lift
	colourGrade(img.data, [1.04, 1.04, 1.04], r.uni(0.9, 1.05), 0);
	addNoise(img.data, r.uni(1, 4), r, true);
	const rgb = Buffer.alloc(W * H * 3);
	for (let i = 0, j = 0; i < img.data.length; i += 4, j += 3) {
		rgb[j] = img.data[i];
		rgb[j + 1] = img.data[i + 1];
		rgb[j + 2] = img.data[i + 2];
	}
	return { rgb, W, H, notes, dpi };
}

// ---------------------------------------------------------------- main
type Truth = { name: string; number: string; validThru: string; layout: string; capture: string; notes: string };

async function makeOne(capture: Capture, layout: Layout, index: number, outDir: string): Promise<[string, Truth]> {
	const r = new Rng(hashStr(`${SEED}|${capture}|${index}`));
	const spec = makeSpec(r, layout);
	const notes: string[] = [`brand=${spec.brand}`, `name culture=${spec.culture}`];
	let file = '';
	const base = `${capture}-${layout}-${String(index).padStart(2, '0')}`;
	if (capture === 'scanPdf' || capture === 'scanTiff') {
		const dpi = r.chance(0.5) ? 200 : 300;
		const sc = composeScan(spec, r, dpi);
		notes.push(...sc.notes);
		const blurS = r.uni(0.3, 0.8) * (dpi / 200);
		let img = sharp(sc.rgb, { raw: { width: sc.W, height: sc.H, channels: 3 } }).blur(blurS);
		notes.push(`scan blur ${blurS.toFixed(2)}`);
		if (capture === 'scanPdf') {
			const q = r.int(60, 92);
			const jpg = await img.jpeg({ quality: q }).toBuffer();
			const pdf = await PDFDocument.create();
			const page = pdf.addPage([595.28, 841.89]);
			const emb = await pdf.embedJpg(jpg);
			page.drawImage(emb, { x: 0, y: 0, width: 595.28, height: 841.89 });
			pdf.setCreator('fourth-gen scanner sim');
			pdf.setCreationDate(new Date(Date.UTC(2026, 0, 1)));
			pdf.setModificationDate(new Date(Date.UTC(2026, 0, 1)));
			file = base + '.pdf';
			fs.writeFileSync(path.join(outDir, file), await pdf.save());
			notes.push(`pdf jpeg q${q}`);
		} else {
			const gray = r.chance(0.25);
			if (gray) img = img.grayscale();
			file = base + '.tif';
			await img.tiff({ compression: 'lzw', xres: dpi / 25.4, yres: dpi / 25.4 }).toFile(path.join(outDir, file));
			notes.push(`tiff lzw${gray ? ' grayscale' : ''}`);
		}
	} else {
		let W: number, H: number;
		let cover: [number, number] = [0.15, 0.9];
		const minCardPx = 420;
		let roll = 20,
			keystone = 0.05,
			closeUp = false,
			blurScale = 1;
		const portraitCard = layout.startsWith('portrait');
		if (capture === 'photo12mp') {
			const land = r.chance(0.6);
			W = land ? 4032 : 3024;
			H = land ? 3024 : 4032;
			cover = [0.15, 0.6];
			blurScale = 2.2;
		} else if (capture === 'closeUp') {
			const long = r.int(1000, 1600);
			if (portraitCard) {
				W = Math.round((long * 9) / 16);
				H = long;
			} else {
				W = long;
				H = Math.round((long * 3) / 4);
			}
			cover = [0.85, 1.0];
			roll = 2.5;
			keystone = 0.015;
			closeUp = true;
			blurScale = 1.3;
		} else {
			const long = r.int(1000, 1600);
			const ar = r.pick([4 / 3, 16 / 9, 3 / 2]);
			const land = r.chance(portraitCard ? 0.4 : 0.75);
			if (land) {
				W = long;
				H = Math.round(long / ar);
			} else {
				H = long;
				W = Math.round(long / ar);
			}
		}
		const sc = composePhoto(spec, r, { W, H, cover, roll, keystone, minCardPx, closeUp, blurScale });
		// blur strength follows the card size in pixels so small cards stay legible
		const raw = await blurStage(sc, r, Math.max(0.6, Math.min(2.4, (sc.cardPx ?? 800) / 800)) * (closeUp ? 1.1 : 1));
		notes.push(...sc.notes);
		let img = sharp(raw, { raw: { width: sc.W, height: sc.H, channels: 3 } });
		if (capture === 'upsideDown') {
			img = img.rotate(180);
			notes.push('image rotated 180');
		}
		if (capture === 'portrait') {
			const ang = r.chance(0.5) ? 90 : 270;
			img = img.rotate(ang);
			notes.push(`image rotated ${ang}`);
		}
		const q = r.int(45, 95);
		file = base + '.jpg';
		await img.jpeg({ quality: q, chromaSubsampling: q > 85 ? '4:4:4' : '4:2:0' }).toFile(path.join(outDir, file));
		notes.push(`jpeg q${q}`);
	}
	const truth: Truth = {
		name: spec.name,
		number: spec.digits,
		validThru: `${spec.expMM}/${spec.expYY}`,
		layout,
		capture,
		notes: notes.join('; '),
	};
	return [file, truth];
}

async function main() {
	const t0 = Date.now();
	fs.mkdirSync(OUT, { recursive: true });
	console.error(`fonts registered: ${FONTS.length} files, ${new Set(FONTS.map((f) => f.family)).size} families`);
	const truth: Record<string, Truth> = {};
	const master = new Rng(SEED ^ 0x9e3779b9);
	for (const [ci, capture] of CAPTURES.entries()) {
		// even spread of layouts: repeat list (offset per capture so small K still covers all), shuffle deterministically
		const lays: Layout[] = [];
		for (let i = 0; i < PER; i++) lays.push(LAYOUTS[(i + ci * PER) % LAYOUTS.length]);
		master.shuffle(lays);
		if (ONLY && capture !== ONLY) continue;
		for (let i = 0; i < PER; i++) {
			const [file, t] = await makeOne(capture, lays[i], i, OUT);
			truth[file] = t;
			process.stderr.write(`${file}\n`);
		}
	}
	fs.writeFileSync(path.join(OUT, 'truth.json'), JSON.stringify(truth, null, 2));
	console.error(`done: ${Object.keys(truth).length} files in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
}
main().catch((e) => {
	console.error(e);
	process.exit(1);
});
