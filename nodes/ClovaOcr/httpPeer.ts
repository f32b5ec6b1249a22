/**
 * What the node needs to know about an HTTP peer's answer, for both peers it talks to (the CLOVA
 * endpoint and an Image URL's host): one reading of headers, lengths, redirects and socket errors.
 */

/** An answer as n8n's HTTP helper returns it with `returnFullResponse: true` and `encoding: 'stream'`. */
export interface PeerResponse {
	body: unknown;
	headers?: Record<string, unknown>;
	statusCode: number;
}

/** A header's value when the peer sent it once, as text. */
export function headerText(headers: Record<string, unknown> | undefined, name: string): string | undefined {
	const value = headers?.[name];
	return typeof value === 'string' ? value : undefined;
}

/** The declared Content-Length, only when it is all digits: `''`, `1e9` or `-1` declare nothing. */
export function declaredLength(headers: Record<string, unknown> | undefined): number | undefined {
	const value = headerText(headers, 'content-length');
	const bytes = value !== undefined && /^\d+$/.test(value) ? Number(value) : NaN;
	return Number.isSafeInteger(bytes) ? bytes : undefined;
}

/** Closes an answer's body the node will not read, so its connection is freed at once. */
export function discardBody(response: PeerResponse): void {
	const body = response.body as { destroy?: () => unknown } | null | undefined;
	if (typeof body?.destroy === 'function') body.destroy();
}

/** The host a redirect points at (a relative Location resolves against `base`), or undefined when it cannot be read. */
export function redirectHost(response: PeerResponse, base?: URL): string | undefined {
	const location = headerText(response.headers, 'location');
	if (!location) return undefined;
	try {
		return new URL(location, base).host || undefined;
	} catch {
		return undefined;
	}
}

interface ErrorShape {
	code?: unknown;
	/** Where n8n's NodeApiError keeps the socket error code. */
	httpCode?: unknown;
	message?: unknown;
	cause?: unknown;
}

const SYSTEM_CODE = /^(E[A-Z_]+|ERR_[A-Z_]+|CERT_[A-Z_]+|UND_[A-Z_]+)$/;

/**
 * The socket error code (ECONNRESET, ENOTFOUND, UND_ERR_SOCKET...) and first message of a failed
 * request. n8n wraps the socket error in a NodeApiError whose httpCode holds the code; other
 * versions keep it on the error or down the `cause` chain, so all of them are looked at.
 */
export function systemErrorOf(error: unknown): { code: string; message: string } {
	let current: unknown = error;
	let message = '';
	for (let depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth++) {
		const shape = current as ErrorShape;
		if (!message && typeof shape.message === 'string') message = shape.message;
		for (const candidate of [shape.code, shape.httpCode]) {
			if (typeof candidate === 'string' && SYSTEM_CODE.test(candidate)) return { code: candidate, message };
		}
		current = shape.cause;
	}
	return { code: '', message };
}

/** Words for the connection failures a message names: NodeApiError swaps a message containing ECONNRESET & co for a generic one. */
export const CONNECTION_FAILURE_WORDS: Record<string, string> = {
	ECONNRESET: 'connection reset',
	ECONNREFUSED: 'connection refused',
	ENOTFOUND: 'host not found',
	EAI_AGAIN: 'host name lookup failed',
	EPIPE: 'connection closed while sending',
	EHOSTUNREACH: 'host unreachable',
	ENETUNREACH: 'network unreachable',
	ERR_STREAM_PREMATURE_CLOSE: 'connection closed early',
};
