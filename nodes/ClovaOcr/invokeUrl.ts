import { LOOPBACK_HOST_PATTERN, isLoopbackHost } from './loopbackHost';

export const CREDIT_CARD_PATH = '/document/credit-card';

const TRAILING_SLASHES = /\/+$/;

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^$()|[\]{}\\]/g, '\\$&');
}

const CREDIT_CARD_SUFFIX = new RegExp(`${escapeRegExp(CREDIT_CARD_PATH)}$`);

/** The problem with an invoke URL, phrased for the credentials dialog. */
export class InvokeUrlError extends Error {
	constructor(
		message: string,
		readonly description: string,
	) {
		super(message);
		this.name = 'InvokeUrlError';
	}
}

/**
 * Turns what users paste from the NAVER Cloud console into the credit-card endpoint.
 * The console shows the domain's invoke URL without a path for the document model, while
 * docs and curl samples include it; both, with or without a trailing slash, must work.
 */
export function creditCardEndpoint(rawInvokeUrl: unknown): string {
	const raw = typeof rawInvokeUrl === 'string' ? rawInvokeUrl.trim() : '';
	const fix =
		'Copy the APIGW Invoke URL of your CLOVA OCR domain (NAVER Cloud console > CLOVA OCR > Domain > API Gateway integration) into the Invoke URL of the CLOVA OCR API credentials, e.g. https://xxxx.apigw.ntruss.com/custom/v1/12345/abcdef...';
	if (raw === '') {
		throw new InvokeUrlError('The Invoke URL in the CLOVA OCR API credentials is empty', fix);
	}
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new InvokeUrlError(`The Invoke URL "${raw}" is not a valid URL`, fix);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new InvokeUrlError(`The Invoke URL must start with https:// (got "${url.protocol}")`, fix);
	}
	if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
		throw new InvokeUrlError(
			`The Invoke URL uses plain http:// for the remote host "${url.hostname}"`,
			'Card images and the secret key would travel unencrypted. Use the https:// invoke URL from the NAVER Cloud console; plain http:// is only accepted for a local server on 127.0.0.1 or localhost.',
		);
	}
	if (url.search !== '' || url.hash !== '') {
		throw new InvokeUrlError('The Invoke URL must not contain a query string or fragment', fix);
	}
	const path = url.pathname.replace(TRAILING_SLASHES, '').replace(CREDIT_CARD_SUFFIX, '');
	return `${url.protocol}//${url.host}${path}${CREDIT_CARD_PATH}`;
}

/** Plain http:// to a loopback host, read from the URL as typed: the credentials test has no URL parser. */
const LOOPBACK_HTTP_URL = new RegExp(`^http://${LOOPBACK_HOST_PATTERN}(?::\\d*)?(?:[\\/?#]|$)`, 'i');

const PLAIN_HTTP = /^http:/i;

/** Where the credentials test sends a plain-http remote URL: the host name is the fix. */
export const PLAIN_HTTP_REFUSED_URL = `https://use-https-plain-http-is-only-for-localhost.invalid${CREDIT_CARD_PATH}`;

/**
 * The credentials test's URL, as an n8n expression doing what creditCardEndpoint does. An
 * expression cannot throw, so a plain-http remote URL is steered to PLAIN_HTTP_REFUSED_URL,
 * which fails with its name in the message. It reads the URL as typed, so it is stricter than
 * the node: `http://127.1` passes the node's URL parser but is steered here. A port must be all
 * digits and end the authority, so `http://localhost:80@evil.com` is steered too.
 */
export const CREDENTIAL_TEST_URL = (() => {
	const raw = 'String($credentials.invokeUrl).trim()';
	const plainRemote = `(${PLAIN_HTTP}.test(${raw}) && !${LOOPBACK_HTTP_URL}.test(${raw}))`;
	const endpoint = `${raw}.replace(${TRAILING_SLASHES}, "").replace(${CREDIT_CARD_SUFFIX}, "") + ${JSON.stringify(CREDIT_CARD_PATH)}`;
	return `={{ ${plainRemote} ? ${JSON.stringify(PLAIN_HTTP_REFUSED_URL)} : ${endpoint} }}`;
})();
