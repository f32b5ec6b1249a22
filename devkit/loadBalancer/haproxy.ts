/**
 * Runs HAProxy with the committed deploy/haproxy.cfg as a child process on loopback ports: never
 * the system service, which the Debian package installs but must not be left running.
 */
import { spawn, spawnSync } from 'child_process';

import { HAPROXY_CONFIG } from '../paths';
import { freePort } from '../services/ports';

export interface HaproxyOptions {
	/** host:port of each clova-ocr-local server, in the config's order (ocr1, ocr2). */
	servers: [string, string];
	/** Requests HAProxy sends one server at once; the rest wait in its queue. */
	maxconn: number;
	/** tune.bufsize: a request larger than this is sent but never replayed by HAProxy. */
	bufsize?: number;
}

/** One server's line of the stats page, the fields a test reads. */
export interface BackendServerStats {
	/** UP, DOWN, "UP 1/2" (going down), "DOWN 1/2" (coming up), MAINT, no check. */
	status: string;
	/** Requests sent to it (stot). */
	sessions: number;
	/** Retries after a failed connection or a retryable answer from it (wretr). */
	retries: number;
	/** Requests taken from it and sent to another server (wredis). */
	redispatches: number;
}

export interface RunningHaproxy {
	/** What the node's credential points at: the frontend. */
	url: string;
	/** Everything HAProxy printed: its request log and its server state changes. */
	output: string[];
	/** The backend's servers by name (ocr1, ocr2), from /stats;csv. */
	servers(): Promise<Record<string, BackendServerStats>>;
	/** How many credit-card requests HAProxy answered with each status, from its request log. */
	answeredStatuses(): Record<string, number>;
	stop(): Promise<void>;
}

export function haproxyVersion(): string | undefined {
	const result = spawnSync('haproxy', ['-v'], { encoding: 'utf8' });
	return result.status === 0 ? result.stdout.split('\n')[0] : undefined;
}

function parseStatsCsv(csv: string): Record<string, BackendServerStats> {
	const [header, ...rows] = csv.trim().split('\n');
	const columns = header.replace(/^# /, '').split(',');
	const column = (row: string[], name: string) => row[columns.indexOf(name)] ?? '';
	const servers: Record<string, BackendServerStats> = {};
	for (const row of rows.map((line) => line.split(','))) {
		const name = column(row, 'svname');
		if (column(row, 'pxname') !== 'clova_ocr_servers' || name === 'BACKEND') continue;
		servers[name] = {
			status: column(row, 'status'),
			sessions: Number(column(row, 'stot')),
			retries: Number(column(row, 'wretr')),
			redispatches: Number(column(row, 'wredis')),
		};
	}
	return servers;
}

/**
 * Counts the status of each POST in HAProxy's httplog lines: `... backend/server Tq/Tw/Tc/Tr/Ta
 * <status> <bytes> ... "POST /document/credit-card HTTP/1.1"`.
 */
export function postStatuses(log: string): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const line of log.split('\n')) {
		const status = /\s-?\d+\/-?\d+\/-?\d+\/-?\d+\/\+?\d+ (\d{3}) .*"POST /.exec(line)?.[1];
		if (status) counts[status] = (counts[status] ?? 0) + 1;
	}
	return counts;
}

const START_TIMEOUT_MS = 10_000;

export async function startHaproxy(options: HaproxyOptions): Promise<RunningHaproxy> {
	const version = haproxyVersion();
	if (!version) throw new Error('haproxy is not installed: apt-get install -y haproxy (Debian), or see docs/deploy.md');
	const [port, statsPort] = [await freePort(), await freePort()];
	// -db: stay in the foreground, so this process owns it and its log comes to stdout.
	const child = spawn('haproxy', ['-db', '-f', HAPROXY_CONFIG], {
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {
			...process.env,
			CLOVA_LB_BIND: `127.0.0.1:${port}`,
			CLOVA_LB_STATS: `127.0.0.1:${statsPort}`,
			CLOVA_SERVER_1: options.servers[0],
			CLOVA_SERVER_2: options.servers[1],
			CLOVA_SERVER_MAXCONN: String(options.maxconn),
			...(options.bufsize === undefined ? {} : { CLOVA_LB_BUFSIZE: String(options.bufsize) }),
		},
	});
	const output: string[] = [];
	// The request log is counted from stdout alone: a state change on stderr (a server DOWN) arriving
	// between two chunks of a log line split it in the combined output, and that answer went uncounted.
	const requestLog: string[] = [];
	child.stdout.on('data', (chunk: Buffer) => {
		output.push(chunk.toString());
		requestLog.push(chunk.toString());
	});
	child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
	const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
	const statsUrl = `http://127.0.0.1:${statsPort}/stats;csv`;
	const servers = async () => parseStatsCsv(await (await fetch(statsUrl, { signal: AbortSignal.timeout(5_000) })).text());

	const deadline = Date.now() + START_TIMEOUT_MS;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`haproxy exited with ${child.exitCode}: ${output.join('')}`);
		const ready = await servers().then(
			() => true,
			() => false,
		);
		if (ready) break;
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`haproxy did not listen within ${START_TIMEOUT_MS / 1000} s: ${output.join('')}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return {
		url: `http://127.0.0.1:${port}`,
		output,
		servers,
		answeredStatuses: () => postStatuses(requestLog.join('')),
		stop: async () => {
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
			await exited;
		},
	};
}
