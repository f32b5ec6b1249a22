/**
 * What is printed on a card: numbers with real brand prefixes and Luhn check digits, holder names,
 * expiry and decoy dates, expiry labels, issuers and products, and the layout plan of a capture.
 */
import type { Rng } from './rng';

export type Brand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'diners' | 'jcb' | 'unionpay';
export type Layout =
	'classic' | 'minimal' | 'numberAboveName' | 'numberBelowName' | 'vertical1' | 'vertical2' | 'amex465' | 'nineteen' | 'diners464';
export const LAYOUTS: Layout[] = [
	'classic',
	'minimal',
	'numberAboveName',
	'numberBelowName',
	'vertical1',
	'vertical2',
	'amex465',
	'nineteen',
	'diners464',
];
// How often a layout comes up once every layout has had its turn in a capture.
const LAYOUT_WEIGHT: Record<Layout, number> = {
	classic: 4,
	minimal: 2.5,
	numberAboveName: 2,
	numberBelowName: 2,
	vertical1: 1.2,
	vertical2: 1.2,
	amex465: 1.6,
	nineteen: 1.2,
	diners464: 1,
};

export interface LabelSpec {
	text: string;
	/** inline: label left of the date; stacked: label on two lines left of it; above: label over it. */
	mode: 'inline' | 'stacked' | 'above' | 'none';
	/** A second label centred over the date (MONTH/YEAR). */
	over?: string;
	/** A small triangle between a stacked label and the date. */
	arrow?: boolean;
}

export type DecoyKind = 'none' | 'validFrom' | 'memberSince4' | 'memberSince2' | 'issued';

export interface DecoySpec {
	kind: DecoyKind;
	label: string;
	value: string;
}

export interface CardSpec {
	brand: Brand;
	layout: Layout;
	/** Digits only. */
	number: string;
	/** Digits per printed group, e.g. [4, 6, 5]. */
	groups: number[];
	name: string;
	nameStyle: string;
	company?: string;
	/** Expiry month and two-digit year. */
	mm: number;
	yy: number;
	/** The expiry as printed: MM/YY or MM/20YY. */
	expText: string;
	label: LabelSpec;
	decoy: DecoySpec;
}

const p2 = (n: number): string => String(n).padStart(2, '0');

/** prefix, random digits to len - 1, then the Luhn check digit. */
export function luhnComplete(prefix: string, len: number, rng: Rng): string {
	let s = prefix;
	while (s.length < len - 1) s += String(rng.int(0, 9));
	let sum = 0;
	for (let i = 0; i < s.length; i++) {
		// Counted from the right of the number without its check digit, so every even position is doubled.
		let d = +s[s.length - 1 - i];
		if (i % 2 === 0) {
			d *= 2;
			if (d > 9) d -= 9;
		}
		sum += d;
	}
	return s + String((10 - (sum % 10)) % 10);
}

export function luhnOk(n: string): boolean {
	let sum = 0;
	for (let i = 0; i < n.length; i++) {
		let d = +n[n.length - 1 - i];
		if (i % 2 === 1) {
			d *= 2;
			if (d > 9) d -= 9;
		}
		sum += d;
	}
	return sum % 10 === 0;
}

function brandPrefix(brand: Brand, rng: Rng): { prefix: string; len: number } {
	switch (brand) {
		case 'visa':
			return { prefix: '4', len: 16 };
		case 'mastercard':
			return rng.chance(0.7) ? { prefix: String(rng.int(51, 55)), len: 16 } : { prefix: String(rng.int(2221, 2720)), len: 16 };
		case 'amex':
			return { prefix: rng.pick(['34', '37']), len: 15 };
		case 'discover':
			return { prefix: rng.chance(0.5) ? '6011' : '65', len: 16 };
		case 'diners':
			return { prefix: '36', len: 14 };
		case 'jcb':
			return { prefix: String(rng.int(3528, 3589)), len: 16 };
		case 'unionpay':
			return { prefix: '62' + String(rng.int(10, 29)), len: 19 };
	}
}

function brandFor(layout: Layout, rng: Rng): Brand {
	switch (layout) {
		case 'amex465':
			return 'amex';
		case 'nineteen':
			return 'unionpay';
		case 'diners464':
			return 'diners';
		case 'vertical1':
		case 'vertical2':
			return rng.pick<Brand>(['visa', 'mastercard']);
		case 'minimal':
			return rng.wpick<Brand>([
				['visa', 5],
				['mastercard', 5],
				['discover', 1.5],
			]);
		default:
			return rng.wpick<Brand>([
				['visa', 5],
				['mastercard', 5],
				['discover', 1.2],
				['jcb', 1.2],
			]);
	}
}

function groupsFor(layout: Layout): number[] {
	if (layout === 'amex465') return [4, 6, 5];
	if (layout === 'diners464') return [4, 6, 4];
	if (layout === 'nineteen') return [4, 4, 4, 4, 3];
	return [4, 4, 4, 4];
}

// ---------------------------------------------------------------- names

// The word lists below are kept a few words per line (prettier-ignore): one word per line would bury them.

// prettier-ignore
const GIVEN = [
	'JAMES', 'MARY', 'ROBERT', 'PATRICIA', 'MICHAEL', 'JENNIFER', 'DAVID', 'LINDA', 'WILLIAM', 'ELIZABETH', 'OLIVIA', 'NOAH',
	'EMMA', 'LIAM', 'SOPHIA', 'LUCAS', 'MIA', 'ETHAN', 'CHLOE', 'AIDEN', 'GRACE', 'HENRY', 'ZOE', 'OWEN', 'ISLA', 'FREYA', 'MATEO',
	'LUCIA', 'JAVIER', 'CARMEN', 'JOAO', 'BEATRIZ', 'PIETER', 'SANNE', 'ANJA', 'LARS', 'INGRID', 'PRIYA', 'ARJUN', 'WEI', 'MEI',
	'YUKI', 'HIROSHI', 'FATIMA', 'OMAR', 'AMARA', 'KWAME', 'EVE', 'AL', 'JO', 'TY', 'BO', 'MAXIMILIAN', 'ALEXANDRA', 'CHRISTOPHER',
	'KATHERINE', 'GUADALUPE', 'TOBIAS', 'NIAMH', 'SIOBHAN', 'RAFAEL', 'ELENA', 'DMITRI', 'TATIANA', 'OLUWASEUN', 'NGOZI',
	'THANDIWE', 'RUI', 'INES', 'MARGARET', 'SAMUEL', 'HANNAH', 'JULIAN', 'VICTORIA', 'BRIAN', 'DANIELA', 'ROSS', 'KAI', 'LEA',
	'ADA',
];
// prettier-ignore
const GIVEN_HYPH = [
	'ANNE-MARIE', 'JEAN-LUC', 'MARIE-CLAIRE', 'JEAN-PIERRE', 'SOO-JIN', 'MIN-SEO', 'JI-HOON', 'HYUN-WOO', 'ANNA-LENA', 'KARL-HEINZ',
	'MARY-KATE', 'JO-ANNE', 'LEE-ANN',
];
// prettier-ignore
const SURNAMES = [
	'SMITH', 'JOHNSON', 'BROWN', 'GARCIA', 'MILLER', 'DAVIS', 'WILSON', 'ANDERSON', 'THOMPSON', 'MARTINEZ', 'ROBINSON', 'CLARK',
	'LEWIS', 'WALKER', 'YOUNG', 'KING', 'WRIGHT', 'HILL', 'GREEN', 'BAKER', 'NELSON', 'CARTER', 'MITCHELL', 'PEREZ', 'ROBERTS',
	'TURNER', 'PHILLIPS', 'CAMPBELL', 'PARKER', 'EVANS', 'EDWARDS', 'COLLINS', 'STEWART', 'MORRIS', 'ROGERS', 'REED', 'COOK',
	'MORGAN', 'BELL', 'MURPHY', 'BAILEY', 'COOPER', 'RICHARDSON', 'HOWARD', 'WARD', 'DIAZ', 'WOOD', 'WATSON', 'BROOKS', 'BENNETT',
	'GRAY', 'HUGHES', 'PRICE', 'SANDERS', 'FOSTER', 'NG', 'LI', 'WU', 'OH', 'XU', 'YI', 'WOJCIECHOWSKI', 'SZCZEPANSKI',
	'VANDENBERGHE', 'KOWALCZYK', 'PAPADOPOULOS', 'CHRISTODOULOU', 'FITZGERALD', 'MACDONALD', 'MCALLISTER', 'NAKAMURA', 'TANAKA',
	'OKONKWO', 'ADEYEMI', 'HALVORSEN', 'LINDQVIST', 'FERREIRA', 'MOREAU', 'LEFEBVRE', 'SCHNEIDER', 'BAUMGARTNER', 'NOVAK',
	'HORVATH', 'PATEL', 'SHARMA', 'NGUYEN', 'TRAN', 'KHAN', 'ROSSI', 'ESPOSITO', 'IVANOV', 'KUZNETSOVA', 'OKAFOR', 'MENSAH', 'SATO',
	'CHEN', 'WANG', 'ZHANG', 'LOPEZ', 'GONZALEZ',
];
// prettier-ignore
const SURNAME_HYPH = [
	'SMITH-JONES', 'GARCIA-LOPEZ', 'LLOYD-WEBB', 'HAMILTON-REID', 'OYELARAN-ADE', 'MULLER-LANG', 'PEREZ-ROCA', 'BROWN-OKAFOR',
];
// prettier-ignore
const SURNAME_APOS = ["O'CONNOR", "O'BRIEN", "D'ANGELO", "O'NEILL", "D'SOUZA", "N'DIAYE", "DELL'ACQUA", "O'SULLIVAN", "D'ARCY"];
// prettier-ignore
const PARTICLES: Array<[string, string]> = [
	['VAN DER', 'BERG'], ['VAN', 'DIJK'], ['DE LA', 'CRUZ'], ['DE', 'VRIES'], ['DA', 'SILVA'], ['DOS', 'SANTOS'],
	['DE', 'OLIVEIRA'], ['VAN DEN', 'BOSCH'], ['DEL', 'RIO'], ['DE LOS', 'SANTOS'], ['TEN', 'HAAF'], ['VON', 'ESSEN'],
	['LE', 'ROUX'], ['DI', 'MARCO'], ['VAN DER', 'MEER'], ['DE LA', 'FUENTE'], ['DA', 'COSTA'], ['VAN', 'LEEUWEN'],
];
// prettier-ignore
const PARTICLE_GIVEN = [
	'MARIA', 'JAN', 'PIETER', 'ANA', 'JOAO', 'LUIS', 'SOFIA', 'DAAN', 'CARLOS', 'FLEUR', 'PEDRO', 'EVA', 'LOTTE', 'DIEGO',
];
// prettier-ignore
const KO_SUR = [
	'KIM', 'LEE', 'PARK', 'CHOI', 'JUNG', 'KANG', 'CHO', 'YOON', 'JANG', 'LIM', 'HAN', 'HWANG', 'SEO', 'SHIN', 'KWON', 'OH',
];
// prettier-ignore
const KO_GIVEN = [
	'JIMIN', 'MINSEO', 'MIN-SEO', 'SEO-YEON', 'JI-HOON', 'HYUNWOO', 'SOO-JIN', 'YEJIN', 'DOYOON', 'HA-EUN', 'JUNHO', 'EUNJI',
	'SEUNGMIN', 'JI-WOO', 'DA-EUN', 'TAEYANG',
];
// prettier-ignore
const COMPANIES = [
	'NORDLICHT TRADING LTD', 'BLUE HERON DESIGN LLC', 'ACORN FREIGHT CO', 'SILVERLINE MEDIA', 'KORU ARCHITECTS',
	'PEAK & VALE CONSULTING', 'HARBOUR DENTAL GROUP', 'FENWICK ELECTRICAL',
];

// Mixed-case names are printed by some flat cards; particles stay lower case the way they are written.
function titleWord(w: string): string {
	if (w.length <= 1) return w;
	if (/^(VAN|DER|DEN|DE|LA|LOS|DA|DOS|DEL|TEN|VON|DI|LE)$/.test(w)) return w.toLowerCase();
	if (w.endsWith('.') && w.length === 2) return w;
	return w
		.split('-')
		.map((p) => {
			const ap = p.indexOf("'");
			if (ap >= 0 && ap <= 3) {
				const head = p.slice(0, ap + 1);
				const tail = p.slice(ap + 1);
				return head[0] + head.slice(1).toLowerCase() + tail[0] + tail.slice(1).toLowerCase();
			}
			if (p.startsWith('MC') && p.length > 3) return 'Mc' + p[2] + p.slice(3).toLowerCase();
			return p[0] + p.slice(1).toLowerCase();
		})
		.join('-');
}

type NameKind =
	'plain' | 'initial' | 'middle' | 'hyphGiven' | 'hyphSur' | 'apos' | 'particle' | 'koreanSurFirst' | 'koreanGivenFirst' | 'short' | 'long';

/** A holder name and how it was built (the style goes into the notes), title-cased now and then when allowTitle. */
export function makeName(rng: Rng, allowTitle: boolean): { name: string; style: string } {
	for (let tries = 0; tries < 50; tries++) {
		const initial = (): string => String.fromCharCode(65 + rng.int(0, 25)) + (rng.chance(0.55) ? '.' : '');
		const kind = rng.wpick<NameKind>([
			['plain', 5],
			['initial', 2.5],
			['middle', 1.2],
			['hyphGiven', 1.2],
			['hyphSur', 0.8],
			['apos', 1.2],
			['particle', 1.5],
			['koreanSurFirst', 1],
			['koreanGivenFirst', 0.8],
			['short', 0.7],
			['long', 0.8],
		]);
		let words: string[] = [];
		switch (kind) {
			case 'plain':
				words = [rng.pick(GIVEN), rng.pick(SURNAMES)];
				break;
			case 'initial':
				words = [rng.pick(GIVEN), initial(), rng.pick(SURNAMES)];
				break;
			case 'middle':
				words = [rng.pick(GIVEN), rng.pick(GIVEN), rng.pick(SURNAMES)];
				break;
			case 'hyphGiven':
				words = [rng.pick(GIVEN_HYPH), rng.pick(rng.chance(0.4) ? KO_SUR : SURNAMES)];
				break;
			case 'hyphSur':
				words = [rng.pick(GIVEN), ...(rng.chance(0.3) ? [initial()] : []), rng.pick(SURNAME_HYPH)];
				break;
			case 'apos':
				words = [rng.pick(GIVEN), ...(rng.chance(0.3) ? [initial()] : []), rng.pick(SURNAME_APOS)];
				break;
			case 'particle': {
				const [p, s] = rng.pick(PARTICLES);
				words = [rng.pick(PARTICLE_GIVEN), ...p.split(' '), s];
				break;
			}
			case 'koreanSurFirst':
				words = [rng.pick(KO_SUR), rng.pick(KO_GIVEN)];
				break;
			case 'koreanGivenFirst':
				words = [rng.pick(KO_GIVEN), rng.pick(KO_SUR)];
				break;
			case 'short':
				words = [
					rng.pick(['AL', 'JO', 'TY', 'BO', 'EVE', 'ADA', 'KAI', 'LEA']),
					rng.pick(['NG', 'LI', 'WU', 'OH', 'XU', 'YI', 'KO', 'LEE']),
				];
				break;
			case 'long':
				words = [
					rng.pick(['MAXIMILIAN', 'ALEXANDRA', 'CHRISTOPHER', 'KATHERINE', 'GUADALUPE', 'OLUWASEUN']),
					rng.pick(['WOJCIECHOWSKI', 'SZCZEPANSKI', 'VANDENBERGHE', 'PAPADOPOULOS', 'CHRISTODOULOU', 'BAUMGARTNER']),
				];
				break;
		}
		if (words.length < 2 || words.length > 4) continue;
		let name = words.join(' ');
		// Longer names do not fit one embossed line.
		if (name.length > 26) continue;
		let style: string = kind;
		if (allowTitle && rng.chance(0.16)) {
			name = words.map(titleWord).join(' ');
			style += '/titlecase';
		}
		return { name, style };
	}
	return { name: 'JOHN SMITH', style: 'plain' };
}

// ---------------------------------------------------------------- labels and decoys

export function pickLabel(rng: Rng, layout: Layout): LabelSpec {
	if (layout === 'amex465' && rng.chance(0.6))
		return { text: 'VALID THRU', mode: 'stacked', over: rng.chance(0.6) ? 'MONTH/YEAR' : undefined };
	// Every option is built (and its rng drawn) before one is picked.
	return rng.wpick<LabelSpec>([
		[{ text: 'VALID THRU', mode: 'inline' }, 2],
		[{ text: 'VALID THRU', mode: 'stacked', arrow: true }, 2],
		[{ text: 'VALID THRU', mode: 'stacked' }, 1],
		[{ text: 'GOOD THRU', mode: 'stacked', arrow: rng.chance(0.5) }, 1.2],
		[{ text: 'GOOD THRU', mode: 'inline' }, 0.8],
		[{ text: 'EXP', mode: 'inline' }, 1],
		[{ text: 'EXP', mode: 'above' }, 0.4],
		[{ text: 'EXPIRES', mode: 'inline' }, 0.8],
		[{ text: 'EXPIRES', mode: 'above' }, 0.6],
		[{ text: 'EXPIRES END', mode: 'inline' }, 0.7],
		[{ text: 'EXPIRES END', mode: 'above' }, 0.7],
		[{ text: 'MONTH/YEAR', mode: 'above' }, 1],
		[{ text: 'VALID THRU', mode: 'stacked', over: 'MONTH/YEAR' }, 0.8],
		[{ text: '', mode: 'none' }, 1.6],
	]);
}

/** A second date on the card that is not the expiry; it always lies before the expiry and no later than 2025. */
export function pickDecoy(rng: Rng, layout: Layout, mm: number, yy: number): DecoySpec {
	const iy = Math.min(yy - rng.int(2, 5), 25);
	const im = rng.int(1, 12);
	const kind =
		layout === 'amex465'
			? rng.wpick<DecoyKind>([
					['none', 4],
					['memberSince2', 4],
					['memberSince4', 2],
				])
			: rng.wpick<DecoyKind>([
					['none', 11],
					['validFrom', 3],
					['memberSince4', 1.5],
					['memberSince2', 1],
					['issued', 1.5],
				]);
	switch (kind) {
		case 'none':
			return { kind, label: '', value: '' };
		case 'validFrom':
			return { kind, label: rng.pick(['VALID FROM', 'VALID FROM', 'FROM', 'VALID FROM']), value: `${p2(im)}/${p2(iy)}` };
		case 'issued':
			return { kind, label: rng.pick(['ISSUED', 'ISSUE DATE', 'ISSUED ON']), value: `${p2(im)}/${p2(iy)}` };
		case 'memberSince4':
			return { kind, label: rng.pick(['MEMBER SINCE', 'CUSTOMER SINCE', 'CARDMEMBER SINCE']), value: String(2000 + iy - rng.int(0, 8)) };
		case 'memberSince2':
			return { kind, label: 'MEMBER SINCE', value: p2(iy - rng.int(0, 8)) };
	}
}

/** The layouts of a capture's k images: every layout once (while k allows), the rest by weight, shuffled. */
export function layoutPlan(rng: Rng, k: number): Layout[] {
	const out: Layout[] = [];
	const base = rng.shuffle([...LAYOUTS]);
	for (let i = 0; i < k; i++) {
		if (i < base.length) out.push(base[i]);
		else out.push(rng.wpick(LAYOUTS.map((l) => [l, LAYOUT_WEIGHT[l]] as [Layout, number])));
	}
	return rng.shuffle(out);
}

export function makeSpec(rng: Rng, layout: Layout): CardSpec {
	const brand = brandFor(layout, rng);
	const { prefix, len } = brandPrefix(brand, rng);
	const number = luhnComplete(prefix, len, rng);
	const groups = groupsFor(layout);
	const mm = rng.int(1, 12);
	const yy = rng.int(25, 34);
	const expText = rng.chance(0.13) ? `${p2(mm)}/20${p2(yy)}` : `${p2(mm)}/${p2(yy)}`;
	const nm = makeName(rng, true);
	const label = pickLabel(rng, layout);
	const decoy = pickDecoy(rng, layout, mm, yy);
	return {
		brand,
		layout,
		number,
		groups,
		name: nm.name,
		nameStyle: nm.style,
		mm,
		yy,
		expText,
		label,
		decoy,
		company: ['classic', 'nineteen', 'numberAboveName'].includes(layout) && rng.chance(0.08) ? rng.pick(COMPANIES) : undefined,
	};
}

export function splitGroups(num: string, groups: number[]): string[] {
	const out: string[] = [];
	let i = 0;
	for (const g of groups) {
		out.push(num.slice(i, i + g));
		i += g;
	}
	return out;
}

// ---------------------------------------------------------------- issuers

// prettier-ignore
export const BANKS = [
	'NORTHGATE BANK', 'Harbor Federal', 'BANCO ALTAMAR', 'KESTREL CREDIT UNION', 'Meridian Trust', 'LUMEN BANK', 'FJORD SPAREBANK',
	'HANBIT CARD', 'SOLACE', 'Banque Arcadie', 'TIDEWATER', 'Crestline Savings', 'ORBIT', 'Pinnacle One', 'UNITY FIRST',
	'Greystone', 'BANCO CIELO', 'VELDHUIS BANK', 'AURORA FINANCIAL', 'Riverstone', 'MAPLE & CO', 'CITADEL MUTUAL', 'SEORAK BANK',
	'Halcyon', 'EMBER', 'KAPPA BANK', 'Westmarch', 'NOVA CREDIT',
];
// prettier-ignore
export const PRODUCTS = [
	'PLATINUM', 'REWARDS', 'BUSINESS', 'WORLD ELITE', 'SIGNATURE', 'GOLD', 'INFINITE', 'CASHBACK', 'TRAVEL', 'PREFERRED', 'PREMIER',
	'CLASSIC', 'DEBIT', 'CORPORATE', 'STUDENT', 'SELECT', 'WORLD', 'BLACK', 'PRIVATE', 'MILES', 'PLATINUM REWARDS',
];
