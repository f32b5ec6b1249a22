/**
 * A throwaway PostgreSQL for tests: Debian's server binaries, a fresh cluster in a temp folder,
 * listening on a free 127.0.0.1 port, removed with its folder on stop. The machine's own
 * cluster (if any) is never touched.
 */
import { execFile, execFileSync, spawn } from 'child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { stopChild } from './childProcess';
import { freePort, waitFor } from './ports';

export interface RunningPostgres {
	host: '127.0.0.1';
	port: number;
	user: string;
	/** Rows of a query as tab-separated text columns (psql's unaligned output). */
	query(database: string, sql: string): Promise<string[][]>;
	createDatabase(name: string): Promise<void>;
	stop(): Promise<void>;
}

/** Debian keeps the server binaries out of PATH, under /usr/lib/postgresql/<major>/bin. */
export function postgresBinDir(): string | undefined {
	const root = '/usr/lib/postgresql';
	const majors = existsSync(root)
		? readdirSync(root)
				.filter((dir) => existsSync(join(root, dir, 'bin', 'initdb')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	return majors.length ? join(root, majors[0], 'bin') : undefined;
}

/** The server refuses to run as root: as root, it runs as Debian's `postgres` user. */
function runAs(): { uid: number; gid: number } | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
	const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
	return { uid, gid };
}

export async function startPostgres(): Promise<RunningPostgres> {
	const bin = postgresBinDir();
	if (!bin) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)');
	const user = 'postgres';
	const dir = mkdtempSync(join(tmpdir(), 'clova-pg-'));
	const data = join(dir, 'data');
	const owner = runAs();
	if (owner) chownSync(dir, owner.uid, owner.gid);
	const spawnOptions = { cwd: dir, ...(owner ?? {}) };
	try {
		// Trust on loopback only; no fsync: the cluster lives for one test run.
		execFileSync(join(bin, 'initdb'), ['-D', data, '-U', user, '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions'], {
			...spawnOptions,
			stdio: 'pipe',
			timeout: 120_000,
		});
	} catch (error) {
		rmSync(dir, { recursive: true, force: true });
		throw new Error(`initdb failed: ${(error as { stderr?: Buffer }).stderr?.toString() ?? String(error)}`);
	}
	const port = await freePort();
	const server = spawn(
		join(bin, 'postgres'),
		[
			...['-D', data, '-p', String(port), '-k', dir],
			...['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
			...['-c', 'max_connections=100'],
		],
		{ ...spawnOptions, stdio: ['ignore', 'ignore', 'pipe'] },
	);
	let log = '';
	server.stderr.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000)));

	const psql = async (database: string, sql: string): Promise<string> =>
		await new Promise((resolve, reject) => {
			execFile(
				join(bin, 'psql'),
				[
					'-h',
					'127.0.0.1',
					'-p',
					String(port),
					'-U',
					user,
					'-d',
					database,
					'-X',
					'-A',
					'-t',
					'-F',
					'\t',
					'-v',
					'ON_ERROR_STOP=1',
					'-c',
					sql,
				],
				{ timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
				(error, stdout, stderr) => (error ? reject(new Error(`psql: ${stderr || error.message}`)) : resolve(stdout)),
			);
		});
	const stop = async (): Promise<void> => {
		// SIGINT is PostgreSQL's fast shutdown: open sessions are ended, nothing is written out.
		await stopChild(server, { signal: 'SIGINT', graceMs: 15_000 });
		rmSync(dir, { recursive: true, force: true });
	};
	try {
		await waitFor(
			'PostgreSQL',
			60_000,
			async () => (await psql(user, 'SELECT 1')).trim() === '1',
			() => (server.exitCode !== null ? `postgres exited with ${server.exitCode}` : undefined),
		);
	} catch (error) {
		await stop();
		throw new Error(`${(error as Error).message}\n${log}`);
	}
	return {
		host: '127.0.0.1',
		port,
		user,
		query: async (database, sql) =>
			(await psql(database, sql))
				.split('\n')
				.filter((line) => line.length > 0)
				.map((line) => line.split('\t')),
		createDatabase: async (name) => void (await psql(user, `CREATE DATABASE "${name}"`)),
		stop,
	};
}
