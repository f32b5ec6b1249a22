/**
 * A throwaway Redis for tests: Debian's redis-server on a free 127.0.0.1 port, nothing saved to
 * disk, its working folder removed on stop. The machine's redis service (if any) is not used.
 */
import { spawn } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { connect } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';

import { stopChild } from './childProcess';
import { freePort, waitFor } from './ports';

export interface RunningRedis {
	host: '127.0.0.1';
	port: number;
	stop(): Promise<void>;
}

/** One inline command, one reply line: enough for PING without a client library. */
async function ping(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		socket.setTimeout(2_000, () => socket.destroy());
		socket.once('error', () => resolve(false));
		socket.once('close', () => resolve(false));
		socket.once('data', (chunk: Buffer) => {
			resolve(chunk.toString().startsWith('+PONG'));
			socket.end();
		});
		socket.once('connect', () => socket.write('PING\r\n'));
	});
}

export async function startRedis(binary = 'redis-server'): Promise<RunningRedis> {
	const dir = mkdtempSync(join(tmpdir(), 'clova-redis-'));
	const port = await freePort();
	const server = spawn(
		binary,
		[
			...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir],
			// No RDB snapshots or AOF: a queue that lives for one test run.
			...['--save', '', '--appendonly', 'no', '--daemonize', 'no', '--loglevel', 'warning'],
		],
		{ cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	let log = '';
	const keep = (chunk: Buffer): void => void (log = (log + chunk.toString()).slice(-20_000));
	server.stdout.on('data', keep);
	server.stderr.on('data', keep);
	let spawnError: Error | undefined;
	server.once('error', (error) => (spawnError = error));
	const stop = async (): Promise<void> => {
		await stopChild(server, { signal: 'SIGTERM', graceMs: 10_000 });
		rmSync(dir, { recursive: true, force: true });
	};
	try {
		await waitFor(
			'redis-server',
			30_000,
			async () => await ping(port),
			() => spawnError?.message ?? (server.exitCode !== null ? `exited with ${server.exitCode}: ${log}` : undefined),
		);
	} catch (error) {
		await stop();
		throw error;
	}
	return { host: '127.0.0.1', port, stop };
}
