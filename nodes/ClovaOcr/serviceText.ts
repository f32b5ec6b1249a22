import { redactCardNumbers } from './cardInsights';

/** The most of one service message an error or an output field quotes: a CLOVA message is one sentence. */
export const SERVICE_MESSAGE_CHARS = 300;

/** What an echoed secret key is replaced with. */
export const SECRET_REMOVED = '[secret key removed]';

/** Whatever a server sends counts as untrusted: how deep its JSON may nest before the node refuses it. */
export const MAX_RESPONSE_DEPTH = 32;

/** The spellings of the secret a server could echo: as sent, and URL-encoded (a query string, a Location). */
function secretSpellings(secret: string): string[] {
	if (secret === '') return [];
	const encoded = encodeURIComponent(secret);
	return encoded === secret ? [secret] : [secret, encoded];
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `text` with every occurrence of the secret key replaced, so no error or output can quote it
 * back. Letter case is ignored: a host name in a Location header arrives lower-cased.
 */
export function withoutSecret(text: string, secret: string): string {
	const spellings = secretSpellings(secret);
	if (spellings.length === 0) return text;
	return text.replace(new RegExp(spellings.map(escapeRegExp).join('|'), 'gi'), SECRET_REMOVED);
}

/**
 * A server's free text made safe to show: the secret key removed (first, over the whole text, so a
 * cut can never leave part of it), card-number-like digit runs masked, control characters dropped,
 * and at most `maxChars` characters kept. Undefined when the server sent no text.
 */
export function serviceText(raw: unknown, secret: string, maxChars = SERVICE_MESSAGE_CHARS): string | undefined {
	if (typeof raw !== 'string') return undefined;
	const clean = withoutSecret(raw, secret);
	// Masking looks at a little more than is kept, so a card number across the cut is masked whole.
	const window = clean.slice(0, maxChars + 64);
	let masked = redactCardNumbers(window).replace(/[\u0000-\u001f\u007f]+/g, ' ');
	// Digits at a cut may be the start of a number masking could not see whole: drop them.
	if (window.length < clean.length) masked = masked.replace(/[\d -]+$/, '');
	return clean.length > maxChars ? `${masked.slice(0, maxChars)}...` : masked;
}

/**
 * A code a server sent (CLOVA's are four digits, e.g. 0011), or '' when it is not a short plain
 * token: a code travels into errorCode and the error title, where free text does not belong.
 */
export function serviceCode(raw: unknown): string {
	const code = typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 ? String(raw).padStart(4, '0') : raw;
	if (typeof code !== 'string' || !/^[A-Za-z0-9_.-]{1,32}$/.test(code)) return '';
	return redactCardNumbers(code) === code ? code : '';
}

/**
 * The keys whose text the node quotes into errors, messages and the `message` output field: the
 * secret key is removed from these wherever they appear (the images' and validationResult's
 * `message`, an error body's `code` and `message`, `inferResult`). Nothing else is rewritten: the
 * card's fields and the answer's keys stay exactly as sent, so a short secret such as `1111` cannot
 * corrupt a card number, nor a secret `result` rename a key.
 */
const QUOTED_KEYS = new Set(['code', 'inferResult', 'message']);

/**
 * The parsed JSON answer with the secret key removed from the text the node quotes (QUOTED_KEYS),
 * or undefined when it nests deeper than MAX_RESPONSE_DEPTH (a CLOVA answer nests about 9 levels;
 * a deeper one would only cost n8n stack and memory when it copies the item).
 */
export function scrubbedAnswer(value: unknown, secret: string, depth = 0): { value: unknown } | undefined {
	if (typeof value !== 'object' || value === null) return { value };
	if (depth >= MAX_RESPONSE_DEPTH) return undefined;
	if (Array.isArray(value)) {
		const items: unknown[] = [];
		for (const item of value) {
			const clean = scrubbedAnswer(item, secret, depth + 1);
			if (!clean) return undefined;
			items.push(clean.value);
		}
		return { value: items };
	}
	const object: Record<string, unknown> = {};
	for (const [key, item] of Object.entries(value)) {
		const clean =
			typeof item === 'string' && QUOTED_KEYS.has(key) ? { value: withoutSecret(item, secret) } : scrubbedAnswer(item, secret, depth + 1);
		if (!clean) return undefined;
		// defineProperty: a key "__proto__" stays plain data, as JSON.parse made it.
		Object.defineProperty(object, key, { value: clean.value, enumerable: true, writable: true, configurable: true });
	}
	return { value: object };
}
