/** Loopback ports for the services and n8n processes a test starts. */
import { createServer } from 'net';
import type { AddressInfo } from 'net';

/**
 * A port nothing listens on at 127.0.0.1 right now. The caller binds it moments later, so a clash
 * with another process is possible but unlikely; fixed ports would clash with every parallel run.
 */
export async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

/**
 * Polls `probe` until it answers true (a throw counts as not yet); throws once `timeoutMs` has
 * passed, or at once when `failed` names a reason to stop waiting (the process exited).
 */
export async function waitFor(
	what: string,
	timeoutMs: number,
	probe: () => Promise<boolean>,
	failed?: () => string | undefined,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			if (await probe()) return;
		} catch {
			// not up yet
		}
		const reason = failed?.();
		if (reason !== undefined) throw new Error(`${what} failed to start: ${reason}`);
		if (Date.now() > deadline) throw new Error(`${what} not ready within ${timeoutMs / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}
