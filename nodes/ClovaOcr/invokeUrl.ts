const CREDIT_CARD_PATH = '/document/credit-card';

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
	const host = hostname.toLowerCase();
	return LOOPBACK_HOSTS.has(host) || /^127(\.\d{1,3}){3}$/.test(host) || host.endsWith('.localhost');
}

/** The problem with an invoke URL, phrased for the credentials dialog, or null when it is usable. */
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
	let path = url.pathname.replace(/\/+$/, '');
	if (path.endsWith(CREDIT_CARD_PATH)) {
		path = path.slice(0, -CREDIT_CARD_PATH.length);
	}
	return `${url.protocol}//${url.host}${path}${CREDIT_CARD_PATH}`;
}
