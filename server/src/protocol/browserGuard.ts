import type { IncomingMessage } from 'http';

import { ProtocolError } from './errors';
import { isLoopbackHost } from './loopbackHost';

/** The host name of a Host header value (`127.0.0.1:8866`, `[::1]:8866`, `localhost`), or undefined when it is none. */
function hostName(host: string): string | undefined {
	const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::\d{1,5})?$/.exec(host.trim());
	return match?.[1];
}

function clip(text: string): string {
	return text.length > 64 ? `${text.slice(0, 64)}…` : text;
}

/**
 * Without a secret the server is for programs on this machine. A web page the user has open can
 * reach it too: a cross-origin form POST needs no CORS preflight, and DNS rebinding makes the
 * page's own name point at 127.0.0.1. Browsers always send Origin on such requests and the page's
 * name as Host, so a request with an Origin other than the server's own loopback origin, or with a
 * Host that is not loopback, is refused (0002, the answer a missing secret gets). A request
 * without either header (HTTP/1.0, health checks) is a program's and passes.
 */
export function refuseBrowserRequest(req: IncomingMessage): void {
	const host = req.headers.host;
	if (host !== undefined) {
		const name = hostName(host);
		if (name === undefined || !isLoopbackHost(name)) {
			throw new ProtocolError(
				'0002',
				`Host "${clip(host)}" is not this machine: without a secret this server answers only requests to localhost, 127.0.0.1 or [::1]. Start it with --secret to serve other names.`,
			);
		}
	}
	const origin = req.headers.origin;
	if (origin !== undefined) {
		let sameOrigin = false;
		try {
			const url = new URL(origin);
			sameOrigin = url.protocol === 'http:' && host !== undefined && url.host === host.toLowerCase() && isLoopbackHost(url.hostname);
		} catch {
			sameOrigin = false;
		}
		if (!sameOrigin) {
			throw new ProtocolError(
				'0002',
				`Requests from web pages (Origin "${clip(origin)}") are refused: without a secret this server serves programs on this machine, not web pages.`,
			);
		}
	}
}
