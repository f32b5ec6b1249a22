import { createServer } from 'http';
import type { Server } from 'http';
import type { AddressInfo } from 'net';

import type { ListenerOptions } from './protocol';
import { createRequestListener, isLoopbackHost } from './protocol';

export interface StartedServer {
	url: string;
	server: Server;
	close(): Promise<void>;
}

export interface ServeOptions extends ListenerOptions {
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
	const server = createServer(createRequestListener(options));
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
	};
}
