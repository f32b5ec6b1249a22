/**
 * n8n in queue mode on one machine: `n8n start` (editor, webhooks, enqueuing) and `n8n worker`
 * processes sharing one PostgreSQL database, one Redis and one user folder, everything on 127.0.0.1.
 */
import { readFileSync } from 'fs';
import { join } from 'path';

import type { RunningPostgres } from '../services/postgres';
import { freePort, waitFor } from '../services/ports';
import type { RunningRedis } from '../services/redis';
import type { RunningEditor } from './editor';
import { startEditor } from './editor';
import type { N8nInstance } from './instance';
import { launchN8n } from './process';
import type { N8nMajor } from './runtime';

export type BinaryDataMode = 'database' | 'filesystem';

export interface QueueBackends {
	postgres: RunningPostgres;
	/** A database of its own per instance: n8n's schema differs between majors. */
	database: string;
	redis: RunningRedis;
	/** Keeps instances that share the Redis apart. */
	queuePrefix: string;
}

/** What every process of the cluster, and every CLI command on its instance, runs with. */
export function queueModeEnv(backends: QueueBackends, binaryMode: BinaryDataMode, major: N8nMajor): NodeJS.ProcessEnv {
	const { postgres, redis } = backends;
	return {
		// 1.x offers a mode only when it is listed; 2.x offers all and warns that the variable is obsolete.
		...(major === '1' ? { N8N_AVAILABLE_BINARY_DATA_MODES: 'filesystem,database' } : {}),
		EXECUTIONS_MODE: 'queue',
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: backends.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		QUEUE_BULL_PREFIX: backends.queuePrefix,
		N8N_DEFAULT_BINARY_DATA_MODE: binaryMode,
		// Bounds how long a stop waits for running executions.
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
	};
}

export interface RunningWorker {
	name: string;
	logFile: string;
	/** The execution ids this worker's log says it started, in order. */
	executionsStarted(): string[];
	stop(): Promise<void>;
}

export interface QueueCluster {
	url: string;
	mainLogFile: string;
	workers: RunningWorker[];
	stop(): Promise<void>;
}

export interface QueueClusterOptions {
	workers: number;
	/** Jobs each worker runs at once (`n8n worker --concurrency`). */
	concurrency: number;
	timeoutMs?: number;
}

/** The line n8n's job processor logs (1.x and 2.x alike) when a worker takes a job. */
const STARTED_EXECUTION = /Worker started execution (\d+) \(job [^)]+\)/g;

async function startWorker(n8n: N8nInstance, name: string, concurrency: number, timeoutMs: number): Promise<RunningWorker> {
	const healthPort = await freePort();
	const logFile = join(n8n.userFolder, `${name}.log`);
	const worker = launchN8n(n8n, ['worker', `--concurrency=${concurrency}`], {
		// The health server's readiness route says when the worker has its DB and Redis connections.
		env: { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(healthPort), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' },
		output: { file: logFile },
		group: true,
	});
	try {
		await waitFor(
			`n8n worker ${name}`,
			timeoutMs,
			async () => (await fetch(`http://127.0.0.1:${healthPort}/healthz/readiness`)).ok,
			worker.exitReason,
		);
	} catch (error) {
		await worker.stop();
		throw error;
	}
	return {
		name,
		logFile,
		executionsStarted: () => [...readFileSync(logFile, 'utf8').matchAll(STARTED_EXECUTION)].map((match) => match[1]),
		stop: worker.stop,
	};
}

/** Starts the main and the workers side by side; if any fails to start, the others are stopped again. */
export async function startQueueCluster(n8n: N8nInstance, options: QueueClusterOptions): Promise<QueueCluster> {
	const timeoutMs = options.timeoutMs ?? 180_000;
	const mainLogFile = join(n8n.userFolder, 'main.log');
	const [mainResult, workerResults] = await Promise.all([
		Promise.allSettled([
			(async (): Promise<RunningEditor> =>
				await startEditor(n8n, { port: await freePort(), stdio: { file: mainLogFile }, group: true, timeoutMs }))(),
		]),
		Promise.allSettled(
			Array.from(
				{ length: options.workers },
				async (_, index) => await startWorker(n8n, `worker-${index + 1}`, options.concurrency, timeoutMs),
			),
		),
	]);
	const main = mainResult[0].status === 'fulfilled' ? mainResult[0].value : undefined;
	const workers = workerResults.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
	const stop = async (): Promise<void> => {
		// Workers first: a main stopped first would leave their results with no one to take them.
		await Promise.all(workers.map(async (worker) => await worker.stop()));
		await main?.stop();
	};
	const failures = [...mainResult, ...workerResults].flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
	if (!main || failures.length) {
		await stop();
		throw new Error(`queue-mode n8n did not start: ${failures.join('; ')}`);
	}
	return { url: main.url, mainLogFile, workers, stop };
}
