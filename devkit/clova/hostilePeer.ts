import { createServer } from 'http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'http';

import { LoopbackHttp } from '../services/loopbackHttp';

/** One request the peer received, body read to the end. */
export interface PeerRequest {
	method: string;
	url: string;
	headers: IncomingHttpHeaders;
	bodyBytes: number;
}

export type PeerHandler = (req: IncomingMessage, res: ServerResponse, peer: HostilePeer) => void | Promise<void>;

/** Resolves on 'drain' or 'close', whichever comes first, and removes the other listener. */
async function drainedOrClosed(res: ServerResponse): Promise<void> {
	await new Promise<void>((resolve) => {
		const done = () => {
			res.off('drain', done);
			res.off('close', done);
			resolve();
		};
		res.once('drain', done);
		res.once('close', done);
	});
}

/**
 * A server on 127.0.0.1 that answers as a broken or hostile CLOVA endpoint would (redirects, huge
 * or trickling bodies, odd JSON): `handler` runs once the request body has been read, and the
 * peer counts the body bytes it managed to write, so a test can see how much a client read.
 */
export class HostilePeer {
	readonly requests: PeerRequest[] = [];

	/** Response body bytes accepted by the socket, over all requests since start. */
	bytesWritten = 0;

	handler: PeerHandler = (_req, res) => {
		res.writeHead(500).end();
	};

	private readonly server: Server;

	private readonly listener: LoopbackHttp;

	constructor() {
		this.server = createServer((req, res) => {
			let bodyBytes = 0;
			req.on('data', (chunk: Buffer) => (bodyBytes += chunk.length));
			req.on('end', () => {
				this.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, bodyBytes });
				void Promise.resolve(this.handler(req, res, this)).catch(() => res.destroy());
			});
		});
		this.listener = new LoopbackHttp(this.server);
	}

	async start(): Promise<string> {
		return await this.listener.start();
	}

	async stop(): Promise<void> {
		await this.listener.stop();
	}

	reset(): void {
		this.requests.length = 0;
		this.bytesWritten = 0;
	}

	/**
	 * Writes `total` bytes of `chunk` repeated, waiting for the client to take each one (back
	 * pressure), and stops early when the client closes the connection. Resolves with the bytes
	 * the socket accepted.
	 */
	async stream(res: ServerResponse, total: number, chunk: Buffer): Promise<number> {
		let written = 0;
		let closed = false;
		res.on('close', () => (closed = true));
		while (written < total && !closed) {
			const piece = total - written >= chunk.length ? chunk : chunk.subarray(0, total - written);
			const more = res.write(piece);
			written += piece.length;
			this.bytesWritten += piece.length;
			if (!more) await drainedOrClosed(res);
		}
		if (!closed) res.end();
		return written;
	}

	/** Sends `text` one byte every `intervalMs`, until done or the client closes the connection. */
	async trickle(res: ServerResponse, text: string, intervalMs: number): Promise<void> {
		let closed = false;
		res.on('close', () => (closed = true));
		for (const byte of Buffer.from(text)) {
			if (closed) return;
			res.write(Buffer.from([byte]));
			this.bytesWritten += 1;
			await new Promise((resolve) => setTimeout(resolve, intervalMs));
		}
		if (!closed) res.end();
	}
}
