import { createServer } from 'http';
import type { Server } from 'http';
import type { AddressInfo } from 'net';

import type { DrainResult } from './drain';
import { RequestDrain } from './drain';
import type { ListenerOptions } from './protocol';
import { createRequestListener, isLoopbackHost } from './protocol';

export interface StartedServer {
	url: string;
	server: Server;
	/** Stops at once: connections still answering are cut. */
	close(): Promise<void>;
	/**
	 * Stops taking work and waits for what was taken: new requests and /healthz answer 503 from
	 * now on, every answer closes its connection. Resolves once the requests taken before were
	 * answered, or after `timeoutMs`; the server still listens until close().
	 */
	drain(timeoutMs: number): Promise<DrainResult>;
	/** Requests taken and not yet answered. */
	inFlight(): number;
}

export interface ServeOptions extends Omit<ListenerOptions, 'draining'> {
	host: string;
	port: number;
}

/** Listens with the CLOVA API; refuses a non-loopback address without a secret. */
export async function serveClova(options: ServeOptions): Promise<StartedServer> {
	if (!isLoopbackHost(options.host) && !options.secret) {
		throw new Error(
			`Refusing to listen on ${options.host} without a secret: card images would be open to the network. Set --secret or CLOVA_OCR_SECRET.`,
		);
	}
	const drain = new RequestDrain();
	const server = createServer(drain.track(createRequestListener({ ...options, draining: () => drain.draining })));
	// Large uploads on slow links must not be cut off by Node's default request timeout.
	server.requestTimeout = 120_000;
	server.headersTimeout = 30_000;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port, options.host, () => resolve());
	});
	const address = server.address() as AddressInfo;
	const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
	return {
		url: `http://${host}:${address.port}`,
		server,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
		drain: async (timeoutMs) => await drain.drain(server, timeoutMs),
		inFlight: () => drain.inFlight,
	};
}
