/**
 * What is printed on a held-out card: holder names, issuers, products, numbers with real brand
 * prefixes and Luhn check digits, expiry and decoy dates. All word lists are this folder's own.
 */
import type { Rng } from './rng';

// The word lists below are kept one line per list (prettier-ignore): one word per line would bury them.

// ---------------------------------------------------------------- names

// prettier-ignore
const GIVEN_WESTERN = [
	'ROBERT', 'MARGARET', 'THOMAS', 'ELEANOR', 'WALTER', 'PRIYA', 'OLIVER', 'HANNAH', 'GEORGE', 'LUCIA', 'MARCUS', 'ROSALIND',
	'DANIEL', 'FIONA', 'ISAAC', 'BEATRIZ', 'VICTOR', 'NADIA', 'EDWIN', 'CLAIRE', 'HUGO', 'TERESA', 'FELIX', 'IMOGEN', 'RAFAEL',
	'AGNES', 'CONOR', 'MAEVE', 'STEFAN', 'YVONNE', 'KWAME', 'AMARA', 'DMITRI', 'SVETLANA', 'LEON', 'ASTRID', 'MATEO', 'CAMILA',
	'SAMUEL', 'NORA', 'ARJUN', 'LEILA', 'JONAS', 'GRETA', 'TOBIAS', 'IRENE', 'PATRICK', 'DELPHINE', 'MILES', 'JUNE', 'AUGUST',
	'WINONA', 'BRUNO', 'CELESTE', 'EZRA', 'OPAL', 'CALLUM', 'SIENNA', 'RHYS', 'TAMSIN',
];
// prettier-ignore
const GIVEN_HYPHEN = ['JEAN-PAUL', 'MARIE-CLAIRE', 'ANNE-SOPHIE', 'JEAN-MARC', 'MARY-BETH', 'LOUIS-PHILIPPE', 'ANA-LUISA', 'KARL-HEINZ', 'ELLA-ROSE', 'JOSE-MARIA'];
// prettier-ignore
const SURNAME_WESTERN = [
	'KING', 'HALLORAN', 'WHITFIELD', 'ABERNATHY', 'GOMEZ', 'LINDQVIST', 'OKAFOR', 'MORETTI', 'FAIRCHILD', 'NAKASHIMA', 'PETROV',
	'CASTELLANOS', 'BRENNAN', 'HOLLOWAY', 'DUBOIS', 'SCHNEIDER', 'VARGAS', 'OSEI', 'KOWALSKI', 'ASHWORTH', 'TANAKA', 'RIVERA',
	'MCALLISTER', 'PEMBERTON', 'SANTOS', 'HARGROVE', 'NOVAK', 'EKSTROM', 'DELACROIX', 'BANERJEE', 'FONTAINE', 'QUINTERO',
	'GALLAGHER', 'WESTBROOK', 'AMUNDSEN', 'CARVALHO', 'LOCKWOOD', 'ROSSI', 'TREMBLAY', 'MENDEZ', 'YATES', 'BLACKWOOD', 'IBARRA',
];
// prettier-ignore
const SURNAME_APOSTROPHE = ["O'BRIEN", "O'NEILL", "D'ANGELO", "O'CONNOR", "D'AMICO", "O'SULLIVAN", "D'SOUZA", "O'HARA", "DELL'ACQUA", "O'DONNELL"];
// prettier-ignore
const SURNAME_HYPHEN = ['SMITH-JONES', 'GARCIA-LOPEZ', 'HARRIS-COLE', 'BAKER-NUNEZ', 'WYNN-PARRY', 'MARTIN-VEGA'];
// prettier-ignore
const PARTICLES = [['VAN', 'DER'], ['DE', 'LA'], ['VAN'], ['DE'], ['DA'], ['DEL'], ['VON']];
// prettier-ignore
const PARTICLE_SURNAMES = ['BERG', 'CRUZ', 'HOEVEN', 'SILVA', 'ROSA', 'BRUGGE', 'MAR', 'ESCH', 'VALLE', 'HOLT'];

// prettier-ignore
const KOREAN_SURNAMES = ['KIM', 'LEE', 'PARK', 'CHOI', 'JUNG', 'KANG', 'CHO', 'YOON', 'JANG', 'LIM', 'HAN', 'OH', 'SEO', 'SHIN', 'KWON', 'HWANG', 'AHN', 'SONG', 'YOO', 'HONG', 'BAEK', 'NAM'];
// prettier-ignore
const KOREAN_GIVEN_HYPHEN = ['SOO-JIN', 'JI-HOON', 'MIN-SEO', 'SEO-YEON', 'HYUN-WOO', 'DO-YEON', 'EUN-JI', 'YOUNG-HO', 'SANG-WOO', 'JAE-WON', 'HYE-RIN', 'DONG-HYUN', 'SO-YOUNG', 'MIN-JAE'];
// prettier-ignore
const KOREAN_GIVEN_JOINED = ['JIMIN', 'MINJUN', 'SEOJUN', 'HAYOON', 'JIWOO', 'YERIN', 'JUNHO', 'SUBIN', 'TAEYANG', 'HAEUN', 'DOHYUN', 'YUNA', 'SEUNGMIN', 'JIHO'];

export type NameStyle =
	| 'given-surname'
	| 'initial'
	| 'hyphen-given'
	| 'apostrophe'
	| 'hyphen-surname'
	| 'particle'
	| 'four-words'
	| 'korean-hyphen'
	| 'korean-surname-first'
	| 'korean-spaced';

export interface HolderName {
	text: string;
	style: NameStyle;
}

const initial = (rng: Rng, dot: boolean): string => `${String.fromCharCode(65 + rng.int(0, 25))}${dot ? '.' : ''}`;

export function makeName(rng: Rng): HolderName {
	const style = rng.weighted<NameStyle>([
		['given-surname', 3],
		['initial', 2.5],
		['hyphen-given', 1.2],
		['apostrophe', 1.5],
		['hyphen-surname', 0.8],
		['particle', 1],
		['four-words', 0.8],
		['korean-hyphen', 1.5],
		['korean-surname-first', 1.5],
		['korean-spaced', 0.8],
	]);
	const given = () => rng.pick(GIVEN_WESTERN);
	const surname = () => rng.pick(SURNAME_WESTERN);
	let words: string[];
	switch (style) {
		case 'given-surname':
			words = [given(), surname()];
			break;
		case 'initial':
			words = [given(), initial(rng, rng.chance(0.6)), surname()];
			break;
		case 'hyphen-given':
			words = [rng.pick(GIVEN_HYPHEN), surname()];
			break;
		case 'apostrophe':
			words = rng.chance(0.3)
				? [given(), initial(rng, rng.chance(0.5)), rng.pick(SURNAME_APOSTROPHE)]
				: [given(), rng.pick(SURNAME_APOSTROPHE)];
			break;
		case 'hyphen-surname':
			words = [given(), rng.pick(SURNAME_HYPHEN)];
			break;
		case 'particle':
			words = [given(), ...rng.pick(PARTICLES), rng.pick(PARTICLE_SURNAMES)];
			break;
		case 'four-words':
			words = [given(), given(), surname(), surname()];
			break;
		case 'korean-hyphen': {
			const g = rng.pick(KOREAN_GIVEN_HYPHEN);
			const s = rng.pick(KOREAN_SURNAMES);
			words = rng.chance(0.5) ? [g, s] : [s, g];
			break;
		}
		case 'korean-surname-first':
			words = [rng.pick(KOREAN_SURNAMES), rng.pick(KOREAN_GIVEN_JOINED)];
			break;
		case 'korean-spaced': {
			const [a, b] = rng.pick(KOREAN_GIVEN_HYPHEN).split('-') as [string, string];
			words = [rng.pick(KOREAN_SURNAMES), a, b];
			break;
		}
	}
	const text = words.join(' ');
	// Card printers allow about 26 characters per line; longer names get abbreviated by issuers.
	if (text.length > 24) return makeName(rng);
	return { text, style };
}

/** Mixed-case printing, as a few modern flat cards do ("Jean-Paul O'Brien"). */
export function mixedCase(name: string): string {
	return name
		.toLowerCase()
		.replace(/(^|[\s\-'.])([a-z])/g, (_m, sep: string, ch: string) => sep + ch.toUpperCase())
		.replace(/\b(Van|Der|De|La|Da|Del|Von)\b/g, (w) => w.toLowerCase());
}

// ---------------------------------------------------------------- issuers, products

// prettier-ignore
const ISSUER_HEADS = [
	'PINE RIDGE', 'HARBOR LIGHT', 'SILVER BIRCH', 'NORTHSTAR', 'CEDAR HOLLOW', 'GRANITE PEAK', 'RIVERBEND', 'BLUEWATER',
	'OAK MEADOW', 'COPPER CREEK', 'LAKESHORE', 'REDWOOD', 'FIRST PRAIRIE', 'TRI-COUNTY', 'KEYSTONE', 'MERIDIAN', 'EVERGREEN',
	'HANGANG', 'NAMSAN', 'SEORAE', 'GYEONGGI', 'BUSAN HARBOR', 'HANSEONG', 'STONEBRIDGE', 'WILLOW CREEK', 'IRONWOOD',
	'GOLDEN PLAINS', 'BAYVIEW', 'FALCON', 'ASPEN VALLEY', 'CORAL COAST', 'MAPLE LEAF', 'TIDEWATER', 'HIGHLAND',
];
// prettier-ignore
const ISSUER_TAILS = ['BANK', 'SAVINGS BANK', 'FEDERAL CREDIT UNION', 'CREDIT UNION', 'NATIONAL BANK', 'BANK & TRUST', 'CARD', 'FINANCIAL', 'EXCHANGE', 'COMMUNITY BANK', 'TRUST', ''];
// prettier-ignore
const ISSUER_SOLO = ['ACORNPAY', 'NOVABANK', 'KORVEX', 'LUMEN', 'HELIX CARD', 'ZENITH', 'TALLY', 'ORBIT', 'MOSAIC BANK', 'QUARRY', 'SOLACE'];

export function makeIssuer(rng: Rng): string {
	if (rng.chance(0.2)) return rng.pick(ISSUER_SOLO);
	const head = rng.pick(ISSUER_HEADS);
	const tail = rng.pick(ISSUER_TAILS);
	return tail ? `${head} ${tail}` : head;
}

// prettier-ignore
export const PRODUCTS = [
	'PLATINUM', 'WORLD ELITE', 'PREFERRED REWARDS', 'BUSINESS', 'SIGNATURE', 'INFINITE', 'GOLD', 'CASH REWARDS', 'TRAVEL PLUS',
	'CORPORATE', 'SECURED', 'WORLD', 'PREMIER', 'CLASSIC', 'DEBIT', 'STUDENT', 'RESERVE',
];

// prettier-ignore
export const SMALL_PRINT = ['AUTHORIZED SIGNATURE', 'NOT VALID UNLESS SIGNED', 'PROPERTY OF THE ISSUER', 'NOT TRANSFERABLE', 'CUSTOMER SERVICE ON REVERSE'];

// prettier-ignore
export const BUSINESS_NAMES = ['KING LOGISTICS LLC', 'BLUE FERN STUDIO', 'NORTHPOINT SUPPLY CO', 'ORCHARD DENTAL', 'HANIL TRADING', 'MESA ROOFING INC'];

// ---------------------------------------------------------------- numbers

export type Brand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'jcb' | 'unionpay' | 'diners';

export function luhnCheckDigit(body: string): number {
	let sum = 0;
	// Doubling starts with the rightmost body digit, since the check digit will follow it.
	for (let i = 0; i < body.length; i++) {
		let d = body.charCodeAt(body.length - 1 - i) - 48;
		if (i % 2 === 0) {
			d *= 2;
			if (d > 9) d -= 9;
		}
		sum += d;
	}
	return (10 - (sum % 10)) % 10;
}

export function luhnValid(number: string): boolean {
	return luhnCheckDigit(number.slice(0, -1)) === Number(number.slice(-1));
}

function prefixFor(rng: Rng, brand: Brand, length: number): string {
	switch (brand) {
		case 'visa':
			return '4';
		case 'mastercard':
			return rng.chance(0.7) ? String(rng.int(51, 55)) : String(rng.int(2221, 2720));
		case 'amex':
			return rng.pick(['34', '37']);
		case 'discover':
			return rng.weighted([
				['6011', 3],
				[String(rng.int(644, 649)), 1],
				['65', 2],
			]);
		case 'jcb':
			return String(rng.int(3528, 3589));
		case 'unionpay':
			return length === 19 ? rng.pick(['6212', '6228', '6217', '6259']) : rng.pick(['6221', '6250', '6282', '6234']);
		case 'diners':
			return rng.chance(0.6) ? '36' : String(rng.int(300, 305));
	}
}

export function makeNumber(rng: Rng, brand: Brand, length: number): string {
	let body = prefixFor(rng, brand, length);
	while (body.length < length - 1) body += String(rng.int(0, 9));
	return body + String(luhnCheckDigit(body));
}

export function groupNumber(number: string): string[] {
	const sizes = number.length === 15 ? [4, 6, 5] : number.length === 14 ? [4, 6, 4] : number.length === 19 ? [4, 4, 4, 4, 3] : [4, 4, 4, 4];
	const groups: string[] = [];
	let at = 0;
	for (const size of sizes) {
		groups.push(number.slice(at, at + size));
		at += size;
	}
	return groups;
}

// ---------------------------------------------------------------- dates

export interface Expiry {
	month: number;
	year: number;
	/** As the scorer expects it: MM/YY. */
	truth: string;
}

export function makeExpiry(rng: Rng): Expiry {
	const month = rng.int(1, 12);
	const year = rng.int(2027, 2033);
	return { month, year, truth: `${String(month).padStart(2, '0')}/${String(year % 100).padStart(2, '0')}` };
}

/** A month/year strictly before both the expiry and the end of 2026, for VALID FROM and issue codes. */
export function decoyDate(rng: Rng, expiry: Expiry): { month: number; year: number } {
	const latest = Math.min(expiry.year - 1, 2026);
	const year = rng.int(Math.max(2012, latest - 6), latest);
	return { month: rng.int(1, 12), year };
}

export const mmyy = (d: { month: number; year: number }): string =>
	`${String(d.month).padStart(2, '0')}/${String(d.year % 100).padStart(2, '0')}`;
