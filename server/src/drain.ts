import type { IncomingMessage, Server, ServerResponse } from 'http';

export interface DrainResult {
	/** Every request taken before the drain began was answered (false: time ran out first). */
	idle: boolean;
	/** Requests still unanswered when the drain ended: 0 when idle. */
	unanswered: number;
	ms: number;
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Counts the requests a server has taken and not yet answered, so a stopping server can finish
 * them before it exits. A request counts from the moment its headers arrive, whether its body is
 * still uploading, it waits in the queue or it is being recognised: all of those are work a client
 * is owed an answer for. Refusing new work is the listener's business (it asks `draining`).
 */
export class RequestDrain {
	private readonly unanswered = new Set<ServerResponse>();

	private startedAt: number | undefined;

	private readonly idleWaiters: Array<() => void> = [];

	get draining(): boolean {
		return this.startedAt !== undefined;
	}

	get inFlight(): number {
		return this.unanswered.size;
	}

	/** The listener with every request counted until its answer is sent or its connection drops. */
	track(listener: Listener): Listener {
		return (req, res) => {
			this.unanswered.add(res);
			// A keep-alive client (or a load balancer's pooled connection) must not send its next
			// request down a connection this process is about to close.
			if (this.draining) res.setHeader('Connection', 'close');
			res.once('close', () => {
				this.unanswered.delete(res);
				if (this.draining && this.unanswered.size === 0) this.idleWaiters.splice(0).forEach((wake) => wake());
			});
			listener(req, res);
		};
	}

	/**
	 * Starts draining `server` (once; later calls join the first): answers still to be written
	 * close their connection, idle keep-alive connections close now. Resolves when the last request
	 * taken is answered, or after `timeoutMs` with what is left. The server keeps listening, so a
	 * load balancer's health check reads "draining" rather than a refused connection.
	 */
	async drain(server: Server, timeoutMs: number): Promise<DrainResult> {
		this.startedAt ??= Date.now();
		const startedAt = this.startedAt;
		for (const res of this.unanswered) if (!res.headersSent) res.setHeader('Connection', 'close');
		server.closeIdleConnections();
		if (this.unanswered.size > 0) {
			let timer: NodeJS.Timeout | undefined;
			await Promise.race([
				new Promise<void>((resolve) => this.idleWaiters.push(resolve)),
				new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, timeoutMs - (Date.now() - startedAt))))),
			]);
			clearTimeout(timer);
		}
		const unanswered = this.unanswered.size;
		return { idle: unanswered === 0, unanswered, ms: Date.now() - startedAt };
	}
}
