/**
 * Why a person should look at a reading, and the number as it may be shown: the n8n node's rules
 * (nodes/ClovaOcr/cardInsights.ts and simplifyResult.ts, at its default threshold) for the read
 * command, which runs without the node. The packages are separate, so this is a copy;
 * server/test/readCommand.test.ts fails when the two give different answers.
 */
import luhn10 from 'card-validator/dist/luhn-10';

import type { CardFields, FieldName } from './engine/types';

/** The node's default Confidence Threshold: a field below it needs review. */
export const REVIEW_THRESHOLD = 0.9;

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

const REASON_KEYS: Record<FieldName, string> = { name: 'name', number: 'number', validThru: 'valid_thru' };

/** MM/YY, MM/YYYY, MM-YY, MM.YY or MMYY; valid through the last day of its month. Null when it is none of them. */
export function isExpired(text: string, now: Date): boolean | null {
	const match = /^\s*(\d{1,2})\s*[/\-. ]\s*(\d{2}|\d{4})\s*$/.exec(text) ?? /^\s*(\d{2})(\d{2})\s*$/.exec(text);
	if (!match) return null;
	const month = Number(match[1]);
	if (month < 1 || month > 12) return null;
	const year = Number(match[2]) + (match[2].length === 2 ? 2000 : 0);
	return now.getTime() >= Date.UTC(year, month, 1);
}

export function reviewReasons(fields: CardFields, now: Date): ReviewReason[] {
	const reasons: ReviewReason[] = [];
	for (const key of ['name', 'number', 'validThru'] as const) {
		const field = fields[key];
		if (!field || field.text.trim() === '') reasons.push(`missing_${REASON_KEYS[key]}` as ReviewReason);
		else if (!(field.confidence >= REVIEW_THRESHOLD)) reasons.push(`low_confidence_${REASON_KEYS[key]}` as ReviewReason);
	}
	const digits = fields.number?.text.replace(/\D/g, '') ?? '';
	if (digits !== '' && !luhn10(digits)) reasons.push('luhn_failed');
	const validThru = fields.validThru?.text.trim() ?? '';
	if (validThru !== '') {
		const expired = isExpired(validThru, now);
		if (expired === null) reasons.push('bad_expiry');
		else if (expired) reasons.push('expired');
	}
	return reasons;
}

/** PCI style: the first 6 and last 4 digits of a number of 13 or more, else the last 4; the rest starred. */
export function maskCardNumber(text: string): string {
	const digits = text.replace(/\D/g, '');
	if (digits.length < 4) return '*'.repeat(digits.length);
	const keepStart = digits.length >= 13 ? 6 : 0;
	return digits.slice(0, keepStart) + '*'.repeat(digits.length - keepStart - 4) + digits.slice(-4);
}
