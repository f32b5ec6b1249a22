import cardValidator from 'card-validator';
import luhn10 from 'card-validator/dist/luhn-10';

export type MaskMode = 'asReturned' | 'pci' | 'last4';

export type ReviewReason =
	| 'missing_name'
	| 'missing_number'
	| 'missing_valid_thru'
	| 'low_confidence_name'
	| 'low_confidence_number'
	| 'low_confidence_valid_thru'
	| 'luhn_failed'
	| 'bad_expiry'
	| 'expired';

export interface Expiry {
	expiryMonth: number | null;
	expiryYear: number | null;
	isExpired: boolean | null;
}

/** Card number characters only: digits and the service's `*` mask. */
export function numberCharacters(text: string): string {
	return text.replace(/[^0-9*]/g, '');
}

export function isMasked(text: string): boolean {
	return text.includes('*');
}

export function luhnValid(text: string | null): boolean | null {
	if (text === null) return null;
	const chars = numberCharacters(text);
	if (chars === '' || isMasked(chars)) return null;
	return luhn10(chars);
}

/** Brand from the leading digits, so a number the service masked at the end still gets one. */
export function cardBrand(text: string | null): string | null {
	if (text === null) return null;
	const prefix = numberCharacters(text).split('*')[0];
	if (prefix.length < 1) return null;
	return cardValidator.number(prefix).card?.niceType ?? null;
}

export function maskNumber(text: string | null, mode: MaskMode): string | null {
	if (text === null || mode === 'asReturned') return text;
	const chars = numberCharacters(text);
	if (chars.length < 4) return '*'.repeat(chars.length);
	const keepStart = mode === 'pci' && chars.length >= 13 ? 6 : 0;
	const keepEnd = 4;
	return chars.slice(0, keepStart) + '*'.repeat(chars.length - keepStart - keepEnd) + chars.slice(-keepEnd);
}

/** Digits shown in error messages and logs: never more than the last four. */
export function redactNumber(text: string): string {
	const chars = numberCharacters(text);
	return chars.length <= 4 ? '****' : `${'*'.repeat(chars.length - 4)}${chars.slice(-4)}`;
}

/**
 * Reads MM/YY, MM/YYYY, MM-YY, MM.YY and MMYY. A card is valid through the last day of its
 * expiry month, so it counts as expired only from the first day of the following month.
 */
export function parseExpiry(text: string | null, now: Date): Expiry | null {
	if (text === null) return null;
	const match = /^\s*(\d{1,2})\s*[/\-. ]\s*(\d{2}|\d{4})\s*$/.exec(text) ?? /^\s*(\d{2})(\d{2})\s*$/.exec(text);
	if (!match) return null;
	const month = Number(match[1]);
	let year = Number(match[2]);
	if (month < 1 || month > 12) return null;
	if (match[2].length === 2) year += 2000;
	const firstDayAfter = Date.UTC(year, month, 1);
	return { expiryMonth: month, expiryYear: year, isExpired: now.getTime() >= firstDayAfter };
}

/** Masks anything in free text that could be a card number (12+ digits, spaces or dashes allowed). */
export function redactCardNumbers(text: string): string {
	return text.replace(/\d(?:[ -]?\d){11,}/g, (run) => redactNumber(run));
}
