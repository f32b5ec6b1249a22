import { pick } from './random';

export interface CardTruth {
	name: string;
	number: string;
	validThru: string;
	brand: 'visa' | 'mastercard' | 'amex' | 'jcb' | 'discover' | 'unionpay' | 'diners' | 'maestro';
}

const FIRST = [
	'JAMES',
	'MARY',
	'MINJUN',
	'SEOYEON',
	'KAIYA',
	'JIHOON',
	'OLIVIA',
	'HIROSHI',
	'ANNA',
	'DAVID',
	'SOPHIA',
	'LUCAS',
	'YUNA',
	'ETHAN',
	'HANNAH',
	'NOAH',
	'CHLOE',
	'DANIEL',
	'EMMA',
	'LIAM',
];
const LAST = [
	'KIM',
	'LEE',
	'PARK',
	'CHOI',
	'JUNG',
	'SMITH',
	'JOHNSON',
	'VENY',
	'TANAKA',
	'GARCIA',
	'MULLER',
	'ROSSI',
	'NGUYEN',
	'BROWN',
	'WILSON',
	'MARTIN',
	'KANG',
	'YOON',
	'LIM',
	'HAN',
];
const LONG_LAST = ['VANDERBERGHE-MONTGOMERY', 'ALEXANDROPOULOS', 'WOLFESCHLEGELSTEIN', 'KOWALCZYK-NOWAKOWSKA'];

export function luhnCheckDigit(body: string): string {
	let sum = 0;
	for (let i = 0; i < body.length; i++) {
		let digit = Number(body[body.length - 1 - i]);
		if (i % 2 === 0) {
			digit *= 2;
			if (digit > 9) digit -= 9;
		}
		sum += digit;
	}
	return String((10 - (sum % 10)) % 10);
}

const BRANDS: Record<CardTruth['brand'], { prefixes: string[]; length: number }> = {
	visa: { prefixes: ['4'], length: 16 },
	mastercard: { prefixes: ['51', '52', '53', '54', '55', '2221', '2720'], length: 16 },
	amex: { prefixes: ['34', '37'], length: 15 },
	jcb: { prefixes: ['3528', '3589'], length: 16 },
	discover: { prefixes: ['6011', '65'], length: 16 },
	unionpay: { prefixes: ['62'], length: 16 },
	diners: { prefixes: ['36', '38', '300', '305'], length: 14 },
	maestro: { prefixes: ['5018', '5020', '6304', '6759'], length: 19 },
};

export function luhnNumber(random: () => number, brand: CardTruth['brand']): string {
	const { prefixes, length } = BRANDS[brand];
	let body = pick(random, prefixes);
	while (body.length < length - 1) body += String(Math.floor(random() * 10));
	return body + luhnCheckDigit(body);
}

/** How the number is printed: Amex 4-6-5, 19-digit 4-4-4-4-3, everything else 4-4-4-4. */
export function groupNumber(number: string): string[] {
	if (number.length === 15) return [number.slice(0, 4), number.slice(4, 10), number.slice(10)];
	const groups: string[] = [];
	for (let i = 0; i < number.length; i += 4) groups.push(number.slice(i, i + 4));
	return groups;
}

export function randomTruth(random: () => number, options: { brand?: CardTruth['brand']; longName?: boolean } = {}): CardTruth {
	const brand = options.brand ?? pick(random, ['visa', 'visa', 'mastercard', 'mastercard', 'amex', 'jcb', 'discover', 'unionpay'] as const);
	const last = options.longName ? pick(random, LONG_LAST) : pick(random, LAST);
	const month = 1 + Math.floor(random() * 12);
	const year = 24 + Math.floor(random() * 10);
	return {
		name: `${pick(random, FIRST)} ${last}`,
		number: luhnNumber(random, brand),
		validThru: `${String(month).padStart(2, '0')}/${String(year).padStart(2, '0')}`,
		brand,
	};
}
