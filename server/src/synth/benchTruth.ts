import type { CardTruth } from './cardData';
import { luhnCheckDigit } from './cardData';
import { between, pick } from './random';

type Brand = CardTruth['brand'];

// The word lists below are kept one line per list (prettier-ignore): one word per line would bury them.

interface NumberScheme {
	brand: Brand;
	length: 14 | 15 | 16 | 19;
	/** Issuer prefixes; a range [low, high] stands for every prefix in it (Mastercard 2221-2720). */
	prefixes: ReadonlyArray<string | [number, number]>;
	weight: number;
}

/** Real IIN ranges and lengths, weighted roughly as cards circulate; 19 digits and Diners on purpose more often than in life. */
// prettier-ignore
const SCHEMES: readonly NumberScheme[] = [
	{ brand: 'visa', length: 16, prefixes: ['4'], weight: 26 },
	{ brand: 'mastercard', length: 16, prefixes: [[51, 55], [2221, 2720]], weight: 24 },
	{ brand: 'amex', length: 15, prefixes: ['34', '37'], weight: 12 },
	{ brand: 'discover', length: 16, prefixes: ['6011', [644, 649], '65'], weight: 5 },
	{ brand: 'jcb', length: 16, prefixes: [[3528, 3589]], weight: 5 },
	{ brand: 'unionpay', length: 16, prefixes: ['62'], weight: 5 },
	{ brand: 'visa', length: 19, prefixes: ['4'], weight: 6 },
	{ brand: 'unionpay', length: 19, prefixes: ['62'], weight: 6 },
	{ brand: 'maestro', length: 19, prefixes: ['5018', '5020', '5038', '6304', '6759', '6761', '6763'], weight: 6 },
	{ brand: 'diners', length: 14, prefixes: ['36', '38', [300, 305]], weight: 5 },
];

export function weighted<T>(random: () => number, items: ReadonlyArray<readonly [T, number]>): T {
	const total = items.reduce((sum, [, weight]) => sum + weight, 0);
	let roll = random() * total;
	for (const [item, weight] of items) {
		roll -= weight;
		if (roll < 0) return item;
	}
	return items[items.length - 1][0];
}

export function cardNumber(random: () => number): { brand: Brand; number: string } {
	const scheme = weighted(
		random,
		SCHEMES.map((s) => [s, s.weight] as const),
	);
	const prefix = pick(random, scheme.prefixes);
	let body = typeof prefix === 'string' ? prefix : String(prefix[0] + Math.floor(random() * (prefix[1] - prefix[0] + 1)));
	while (body.length < scheme.length - 1) body += String(Math.floor(random() * 10));
	return { brand: scheme.brand, number: body + luhnCheckDigit(body) };
}

/** How the number is printed: Amex 4-6-5, Diners 4-6-4, otherwise fours with a last group of 3 for 19 digits. */
export function printedGroups(number: string): string[] {
	if (number.length === 15 || number.length === 14) return [number.slice(0, 4), number.slice(4, 10), number.slice(10)];
	const groups: string[] = [];
	for (let i = 0; i < number.length; i += 4) groups.push(number.slice(i, i + 4));
	return groups;
}

// prettier-ignore
const GIVEN = ['JAMES', 'MARY', 'JOHN', 'PATRICIA', 'ROBERT', 'JENNIFER', 'MICHAEL', 'LINDA', 'DAVID', 'ELIZABETH', 'WILLIAM', 'SUSAN', 'OLIVIA', 'NOAH', 'EMMA', 'LIAM', 'SOPHIA', 'LUCAS', 'CHLOE', 'ETHAN', 'HANNAH', 'DANIEL', 'GRACE', 'SAMUEL', 'ZOE', 'MARIA', 'JOSE', 'ANA', 'LUIS', 'CARMEN', 'PIERRE', 'CLAIRE', 'HANS', 'INGRID', 'ANDREA', 'MATTEO', 'GIULIA', 'AHMED', 'FATIMA', 'PRIYA', 'ARJUN', 'HIROSHI', 'YUKI', 'WEI', 'MEI', 'THANH', 'OLUWASEUN', 'KWAME', 'SIOBHAN', 'NIAMH', 'BJORN', 'ASTRID'];
// prettier-ignore
const SURNAMES = ['SMITH', 'JOHNSON', 'WILLIAMS', 'BROWN', 'JONES', 'GARCIA', 'MILLER', 'DAVIS', 'RODRIGUEZ', 'MARTINEZ', 'WILSON', 'ANDERSON', 'TAYLOR', 'THOMAS', 'MOORE', 'MARTIN', 'LEE', 'THOMPSON', 'WHITE', 'HARRIS', 'CLARK', 'LEWIS', 'WALKER', 'YOUNG', 'KING', 'WRIGHT', 'LOPEZ', 'HILL', 'GREEN', 'ADAMS', 'NELSON', 'CARTER', 'MITCHELL', 'ROBERTS', 'MULLER', 'SCHMIDT', 'ROSSI', 'BIANCHI', 'DUBOIS', 'LAURENT', 'NOVAK', 'KOWALSKI', 'TANAKA', 'SATO', 'NGUYEN', 'TRAN', 'CHEN', 'WANG', 'SINGH', 'PATEL', 'OKAFOR', 'MENSAH', 'LINDQVIST', 'HANSEN'];
// prettier-ignore
const APOSTROPHE_SURNAMES = ["O'NEIL", "O'BRIEN", "O'CONNOR", "D'ANGELO", "O'SULLIVAN", "D'SOUZA", "DELL'AGNOLA"];
// prettier-ignore
const HYPHENATED_GIVEN = ['MARY-ANNE', 'JEAN-PAUL', 'ANNE-MARIE', 'JEAN-LUC', 'MARIE-CLAIRE', 'KARL-HEINZ'];
// prettier-ignore
const LONG_SURNAMES = ['VANDERBERGHE', 'ALEXANDROPOULOS', 'KOWALCZYK-NOWAK', 'FITZGERALD-SMYTHE', 'WOJCIECHOWSKI', 'SCHWARZENBERGER', 'RAMAKRISHNAN', 'MONTGOMERY-WATTS'];
// prettier-ignore
const PARTICLE_NAMES = ['MARIA DEL CARMEN LOPEZ', 'JOHN PAUL VAN DYKE', 'ANA DE LA CRUZ', 'JUAN CARLOS DE SOUZA', 'LUDWIG VAN DER BERG', 'MARIA JOSE SANTOS LIMA', 'MOHAMMED BIN SALIM', 'PAUL ST JOHN', 'ELENA DI STEFANO'];
// prettier-ignore
const KOREAN_SURNAMES = ['KIM', 'LEE', 'PARK', 'CHOI', 'JUNG', 'KANG', 'CHO', 'YOON', 'JANG', 'LIM', 'HAN', 'OH', 'SEO', 'SHIN', 'KWON', 'HWANG', 'AHN', 'SONG', 'YOO', 'HONG'];
// prettier-ignore
const KOREAN_SYLLABLES = ['MIN', 'JUN', 'SOO', 'JIN', 'JI', 'HOON', 'SEO', 'YEON', 'HYUN', 'WOO', 'YOUNG', 'EUN', 'HYE', 'SUNG', 'HO', 'JAE', 'DA', 'IN', 'HA', 'NA', 'YU', 'BIN', 'KYUNG', 'SEUNG', 'MI', 'JOO', 'DONG', 'TAE'];

const CARD_NAME_MAX = 26;

function koreanGiven(random: () => number, style: 'joined' | 'hyphen' | 'split'): string {
	const first = pick(random, KOREAN_SYLLABLES);
	let second = pick(random, KOREAN_SYLLABLES);
	while (second === first) second = pick(random, KOREAN_SYLLABLES);
	if (style === 'hyphen') return `${first}-${second}`;
	if (style === 'split') return `${first} ${second}`;
	return `${first}${second}`;
}

/** A name as embossed or printed: 2-4 words, initials, hyphens, apostrophes, romanised Korean, long names. */
export function cardholderName(random: () => number): string {
	for (;;) {
		const name = weighted<() => string>(random, [
			[() => `${pick(random, GIVEN)} ${pick(random, SURNAMES)}`, 22],
			[() => `${pick(random, GIVEN)} ${String.fromCharCode(65 + Math.floor(random() * 26))} ${pick(random, SURNAMES)}`, 8],
			[() => `${pick(random, GIVEN)} ${String.fromCharCode(65 + Math.floor(random() * 26))}. ${pick(random, SURNAMES)}`, 6],
			[() => `${pick(random, HYPHENATED_GIVEN)} ${pick(random, SURNAMES)}`, 5],
			[() => `${pick(random, GIVEN)} ${pick(random, SURNAMES)}-${pick(random, SURNAMES)}`, 4],
			[() => `${pick(random, GIVEN)} ${pick(random, APOSTROPHE_SURNAMES)}`, 6],
			[() => `${pick(random, GIVEN)} ${pick(random, LONG_SURNAMES)}`, 5],
			[() => `${pick(random, GIVEN)} ${pick(random, GIVEN)} ${pick(random, SURNAMES)}`, 4],
			[() => pick(random, PARTICLE_NAMES), 5],
			// Korean cards print the name both ways round; given names joined, hyphenated or split.
			[() => `${koreanGiven(random, 'hyphen')} ${pick(random, KOREAN_SURNAMES)}`, 8],
			[() => `${pick(random, KOREAN_SURNAMES)} ${koreanGiven(random, 'joined')}`, 10],
			[() => `${koreanGiven(random, 'joined')} ${pick(random, KOREAN_SURNAMES)}`, 6],
			[() => `${pick(random, KOREAN_SURNAMES)} ${koreanGiven(random, 'split')}`, 5],
			[() => `${pick(random, KOREAN_SURNAMES)} ${koreanGiven(random, 'hyphen')}`, 4],
		])();
		if (name.length <= CARD_NAME_MAX) return name;
	}
}

export interface MonthYear {
	month: number;
	/** Four digits. */
	year: number;
}

export const formatMonthYear = (date: MonthYear): string =>
	`${String(date.month).padStart(2, '0')}/${String(date.year % 100).padStart(2, '0')}`;

const monthsOf = (date: MonthYear): number => date.year * 12 + date.month - 1;
const fromMonths = (months: number): MonthYear => ({ year: Math.floor(months / 12), month: (months % 12) + 1 });

/**
 * Expiry fixed in absolute years, not relative to today, so a seed gives the same cards next
 * year: mostly 2026-2035, one in seven already expired (2023-2025).
 */
export function expiryDate(random: () => number): MonthYear {
	const year = random() < 0.86 ? 2026 + Math.floor(random() * 10) : 2023 + Math.floor(random() * 3);
	return { month: 1 + Math.floor(random() * 12), year };
}

export type DecoyKind = 'validFrom' | 'memberSinceYY' | 'memberSinceYYYY' | 'issueDate';

/** A date printed on the card that is not the expiry; always earlier than it, as on real cards. */
export interface Decoy {
	kind: DecoyKind;
	label: string | null;
	text: string;
}

export function decoyDates(random: () => number, expiry: MonthYear): Decoy[] {
	const decoys: Decoy[] = [];
	const earlier = (minMonths: number, maxMonths: number): MonthYear =>
		fromMonths(monthsOf(expiry) - Math.round(between(random, minMonths, maxMonths)));
	if (random() < 0.3) decoys.push({ kind: 'validFrom', label: 'VALID FROM', text: formatMonthYear(earlier(24, 60)) });
	if (random() < 0.12) {
		const since = earlier(36, 240);
		decoys.push(
			random() < 0.5
				? { kind: 'memberSinceYY', label: 'MEMBER SINCE', text: String(since.year % 100).padStart(2, '0') }
				: { kind: 'memberSinceYYYY', label: pick(random, ['MEMBER SINCE', 'CUSTOMER SINCE', 'SINCE']), text: String(since.year) },
		);
	}
	if (random() < 0.12) decoys.push({ kind: 'issueDate', label: null, text: formatMonthYear(earlier(30, 60)) });
	return decoys;
}
