import type { Server } from 'http';
import type { AddressInfo, Socket } from 'net';

/**
 * An HTTP server of a test on a free port of 127.0.0.1 that stops at once: open connections (kept
 * alive, stalled or trickling on purpose) are destroyed rather than waited for.
 */
export class LoopbackHttp {
	private readonly sockets = new Set<Socket>();

	constructor(private readonly server: Server) {
		server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
	}

	/** Listens and returns the base URL (http://127.0.0.1:port). */
	async start(): Promise<string> {
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
	}

	async stop(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}
