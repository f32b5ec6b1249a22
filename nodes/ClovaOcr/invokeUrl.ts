import { LOOPBACK_HOST_PATTERN, isLoopbackHost } from './loopbackHost';

export const CREDIT_CARD_PATH = '/document/credit-card';

const TRAILING_SLASHES = /\/+$/;

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^$()|[\]{}\\]/g, '\\$&');
}

const CREDIT_CARD_SUFFIX = new RegExp(`${escapeRegExp(CREDIT_CARD_PATH)}$`);

/**
 * The one rule on where the secret may be sent, applied to the URL as typed (trimmed) by both the
 * node and the credentials test, so they cannot disagree: https:// to an authority without
 * user-info, or plain http:// to a loopback host with an optional all-digit port. The authority
 * must end at `/`, `?`, `#` or the end of the text, so what a URL parser reads as the host is the
 * text matched here: `http://localhost:80@elsewhere.example` (user-info), `http://localhost.evil.com`,
 * `http://127.1` (loopback only after a parser normalises it) and a leading control character
 * (which URL parsers drop) all fail it. Written without `{n}` quantifiers or a `{`/`}` so it can sit
 * inside an n8n `{{ }}` expression.
 */
const SENDABLE_URL = new RegExp(`^(?:https://[^/?#\\\\@\\s]+|http://${LOOPBACK_HOST_PATTERN}(?::\\d*)?)(?:[/?#]|$)`, 'i');

/** Whether the typed (trimmed) Invoke URL may carry the secret: see SENDABLE_URL. */
export function isSendableInvokeUrl(trimmed: string): boolean {
	return SENDABLE_URL.test(trimmed);
}

/**
 * The problem with an invoke URL, phrased for the credentials dialog. A value, not an exception:
 * the node reports it on each item as a NodeOperationError, so Continue On Fail pairs every input.
 */
export class InvokeUrlProblem {
	constructor(
		readonly message: string,
		readonly description: string,
	) {}
}

/** At most this much of what the user typed is quoted back in an error. */
const QUOTED_URL_CHARS = 200;

function quoted(raw: string): string {
	const printable = raw.replace(/[\u0000-\u001f\u007f]/g, '?');
	return printable.length > QUOTED_URL_CHARS ? `${printable.slice(0, QUOTED_URL_CHARS)}...` : printable;
}

/**
 * Turns what users paste from the NAVER Cloud console into the credit-card endpoint.
 * The console shows the domain's invoke URL without a path for the document model, while
 * docs and curl samples include it; both, with or without a trailing slash, must work.
 */
export function creditCardEndpoint(rawInvokeUrl: unknown): string | InvokeUrlProblem {
	const raw = typeof rawInvokeUrl === 'string' ? rawInvokeUrl.trim() : '';
	const fix =
		'Copy the APIGW Invoke URL of your CLOVA OCR domain (NAVER Cloud console > CLOVA OCR > Domain > API Gateway integration) into the Invoke URL of the CLOVA OCR API credentials, e.g. https://xxxx.apigw.ntruss.com/custom/v1/12345/abcdef...';
	if (raw === '') {
		return new InvokeUrlProblem('The Invoke URL in the CLOVA OCR API credentials is empty', fix);
	}
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		return new InvokeUrlProblem(`The Invoke URL "${quoted(raw)}" is not a valid URL`, fix);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		return new InvokeUrlProblem(`The Invoke URL must start with https:// (got "${quoted(url.protocol)}")`, fix);
	}
	// The parsed hostname is checked too, so a gap between the typed rule and the parser can only refuse.
	if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
		return new InvokeUrlProblem(
			`The Invoke URL uses plain http:// for the remote host "${quoted(url.hostname)}"`,
			'Card images and the secret key would travel unencrypted. Use the https:// invoke URL from the NAVER Cloud console; plain http:// is only accepted for a local server on 127.0.0.1, localhost or [::1].',
		);
	}
	if (!isSendableInvokeUrl(raw)) {
		return new InvokeUrlProblem(
			url.protocol === 'http:'
				? 'The Invoke URL uses plain http:// in a form only a local server address written exactly may use'
				: 'The Invoke URL must start with https:// followed by the host, with no user name or password before an @',
			url.protocol === 'http:'
				? 'Plain http:// is accepted only as http://127.0.0.1:PORT, http://localhost:PORT or http://[::1]:PORT (no user name before an @, no other spelling of the address), so the secret key cannot travel unencrypted to another host.'
				: fix,
		);
	}
	if (url.search !== '' || url.hash !== '') {
		return new InvokeUrlProblem('The Invoke URL must not contain a query string or fragment', fix);
	}
	const path = url.pathname.replace(TRAILING_SLASHES, '').replace(CREDIT_CARD_SUFFIX, '');
	return `${url.protocol}//${url.host}${path}${CREDIT_CARD_PATH}`;
}

/** Where the credentials test sends an Invoke URL the node would refuse: the host name is the fix. */
export const PLAIN_HTTP_REFUSED_URL = `https://use-https-plain-http-is-only-for-localhost.invalid${CREDIT_CARD_PATH}`;

/**
 * The credentials test's URL, as an n8n expression doing what creditCardEndpoint does. An
 * expression cannot throw, so an Invoke URL failing SENDABLE_URL is steered to
 * PLAIN_HTTP_REFUSED_URL, which fails with its name in the message. SENDABLE_URL is the node's
 * own rule, so the test and the node send the secret to the same URLs.
 */
export const CREDENTIAL_TEST_URL = (() => {
	const raw = 'String($credentials.invokeUrl).trim()';
	const endpoint = `${raw}.replace(${TRAILING_SLASHES}, "").replace(${CREDIT_CARD_SUFFIX}, "") + ${JSON.stringify(CREDIT_CARD_PATH)}`;
	return `={{ ${SENDABLE_URL}.test(${raw}) ? ${endpoint} : ${JSON.stringify(PLAIN_HTTP_REFUSED_URL)} }}`;
})();
