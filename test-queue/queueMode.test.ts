/**
 * The package in n8n's queue mode, as a scaled deployment runs it: `npm run test:queue`.
 * One `n8n start` (editor, webhooks, enqueuing) and two `n8n worker` processes share a throwaway
 * PostgreSQL (which also holds the binary data) and Redis, all on 127.0.0.1, with this package
 * installed from its tarball as Community Nodes installs it. The CLOVA side is a scripted
 * service that lets 8 calls be in flight and answers 0025 beyond that.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { cardCopies, distinctTruthOfCopy } from '../devkit/bench/cardCopies';
import { RateLimitedService } from '../devkit/clova/rateLimitedService';
import { LOCAL_CREDENTIAL, clovaCredential } from '../devkit/credentials';
import type { CardTruth } from '../devkit/fixtures';
import { N8nInstance } from '../devkit/n8n/instance';
import type { BinaryDataMode, QueueCluster } from '../devkit/n8n/queueCluster';
import { queueModeEnv, startQueueCluster } from '../devkit/n8n/queueCluster';
import { N8N_VERSIONS, ensureN8n, n8nMajors, packNodePackage } from '../devkit/n8n/runtime';
import { waitFor } from '../devkit/services/ports';
import type { RunningPostgres } from '../devkit/services/postgres';
import { startPostgres } from '../devkit/services/postgres';
import type { RunningRedis } from '../devkit/services/redis';
import { startRedis } from '../devkit/services/redis';
import { WEBHOOK_EXAMPLE, exampleId, exampleWorkflow, webhookBatchWorkflow } from '../devkit/workflows';

const SECRET = 'queue-secret-4Rt';
const CARDS = 200;
const UPLOADS = 4;
const RATE_LIMIT = 8;
/** Long enough for calls to overlap as they do against CLOVA, short enough to keep the run quick. */
const LATENCY_MS = 100;
const WORKERS = 2;
/** Each worker takes at most two jobs at once, so four started together cannot all land on one. */
const WORKER_CONCURRENCY = 2;
const BATCH_ID = 'queueBatchUpload';
const BATCH_PATH = 'read-cards';
const EXAMPLE_ID = exampleId(WEBHOOK_EXAMPLE);
const EXAMPLE_PATH = 'read-card';

interface Upload {
	fileName: string;
	bytes: Buffer;
	truth: CardTruth;
}

/** The example's answer (Mask Number pci): first 6 and last 4 digits, the rest starred. */
function pciMasked(number: string): string {
	return `${number.slice(0, 6)}${'*'.repeat(number.length - 10)}${number.slice(-4)}`;
}

function mimeOf(fileName: string): string {
	return fileName.endsWith('.png') ? 'image/png' : 'image/jpeg';
}

function fieldsOf(answer: Record<string, unknown>): Record<string, unknown> {
	return { name: answer.name, number: answer.number, validThru: answer.validThru, error: answer.error };
}

function expectedFields(upload: Upload): Record<string, unknown> {
	return { name: upload.truth.name, number: pciMasked(upload.truth.number), validThru: upload.truth.validThru, error: undefined };
}

/** One multipart upload of `files`; the body as parsed JSON, or as text when it is not JSON (an error page). */
async function post(url: string, files: Upload[]): Promise<{ status: number; body: unknown }> {
	const form = new FormData();
	for (const file of files) form.append('data', new Blob([file.bytes], { type: mimeOf(file.fileName) }), file.fileName);
	const response = await fetch(url, { method: 'POST', body: form, signal: AbortSignal.timeout(240_000) });
	const text = await response.text();
	try {
		return { status: response.status, body: JSON.parse(text) as unknown };
	} catch {
		return { status: response.status, body: text };
	}
}

/** What beforeAll started; a test only runs once it has. */
function running<T>(value: T | undefined, what: string): T {
	if (value === undefined) throw new Error(`${what} did not start`);
	return value;
}

/**
 * Both majors keep binary data in PostgreSQL here: 2.x by default in queue mode, 1.123.81 once
 * the mode is listed as available (queueModeEnv does). Filesystem mode is not used: it relies on
 * main and workers sharing a disk, which one machine always does and a scaled setup need not.
 */
const BINARY_MODE: BinaryDataMode = 'database';

const ROUTINE_LOG_LINE = /^(Enqueued execution|Execution \d+ \(job|Worker (started|finished) execution)|^\s*$/;

const runtimes = n8nMajors(process.env.CLOVA_QUEUE_N8N ?? '2,1').map((major) => [N8N_VERSIONS[major], major] as const);

let postgres: RunningPostgres | undefined;
let redis: RunningRedis | undefined;
let service: RateLimitedService | undefined;
let serviceUrl = '';
let tarball = '';
let cardsDir = '';
let uploads: Upload[] = [];

beforeAll(async () => {
	// Everything that can fail is assigned as it starts, so afterAll stops whatever did.
	service = new RateLimitedService(SECRET, distinctTruthOfCopy);
	serviceUrl = await service.start();
	postgres = await startPostgres();
	redis = await startRedis();
	cardsDir = mkdtempSync(join(tmpdir(), 'clova-queue-cards-'));
	cardCopies(cardsDir, CARDS);
	uploads = readdirSync(cardsDir)
		.sort()
		.map((fileName) => ({ fileName, bytes: readFileSync(join(cardsDir, fileName)), truth: distinctTruthOfCopy(fileName) as CardTruth }));
	tarball = packNodePackage();
}, 600_000);

afterAll(async () => {
	await service?.stop();
	await redis?.stop();
	await postgres?.stop();
	if (cardsDir) rmSync(cardsDir, { recursive: true, force: true });
}, 120_000);

describe.each(runtimes)('n8n %s in queue mode', (version, major) => {
	let n8n: N8nInstance | undefined;
	let cluster: QueueCluster | undefined;
	const database = `n8n_${major}`;
	let failed = false;

	/** Executions of a workflow in the shared database: id and status, oldest first. */
	async function executionsOf(workflowId: string): Promise<Array<{ id: string; status: string }>> {
		const rows = await running(postgres, 'PostgreSQL').query(
			database,
			`SELECT id, status FROM execution_entity WHERE "workflowId" = '${workflowId}' ORDER BY id`,
		);
		return rows.map(([id, status]) => ({ id, status }));
	}

	/** The database's clock, so rows written from now on can be told from earlier ones. */
	async function databaseNow(): Promise<string> {
		const [[now]] = await running(postgres, 'PostgreSQL').query(database, 'SELECT now()');
		return now;
	}

	/**
	 * File names of the binary files stored in the database since `since`, sorted. The main stores
	 * a webhook's uploads before the execution exists, under n8n's placeholder id 'temp', so
	 * they are found by time and name rather than by execution.
	 */
	async function binaryFilesSince(since: string): Promise<string[]> {
		const rows = await running(postgres, 'PostgreSQL').query(
			database,
			`SELECT "fileName" FROM binary_data WHERE "sourceType" = 'execution' AND "createdAt" >= '${since}'`,
		);
		return rows.map(([fileName]) => fileName).sort();
	}

	/** Which worker ran each execution, from the workers' own logs. */
	function workersOf(executionIds: string[]): Map<string, string[]> {
		const byExecution = new Map<string, string[]>(executionIds.map((id) => [id, []]));
		for (const worker of running(cluster, 'n8n').workers) {
			for (const id of worker.executionsStarted()) byExecution.get(id)?.push(worker.name);
		}
		return byExecution;
	}

	function expectBothWorkersEachExecutionOnce(executionIds: string[]): void {
		const ranOn = workersOf(executionIds);
		for (const [id, workers] of ranOn) expect({ id, workers: workers.length }).toEqual({ id, workers: 1 });
		const runs = new Map<string, number>();
		for (const name of [...ranOn.values()].flat()) runs.set(name, (runs.get(name) ?? 0) + 1);
		console.log(`[queue] n8n ${version}: ${[...runs].map(([name, count]) => `${name} ran ${count}`).join(', ')}`);
		expect(runs.size).toBe(WORKERS);
	}

	/** Runs a step and remembers a failure, so afterAll shows the n8n logs only when they can explain one. */
	async function noting<T>(step: () => Promise<T>): Promise<T> {
		try {
			return await step();
		} catch (error) {
			failed = true;
			throw error;
		}
	}

	beforeAll(
		async () =>
			await noting(async () => {
				const runtime = ensureN8n(major);
				await running(postgres, 'PostgreSQL').createDatabase(database);
				n8n = new N8nInstance(
					runtime,
					queueModeEnv(
						{ postgres: running(postgres, 'PostgreSQL'), database, redis: running(redis, 'Redis'), queuePrefix: `bull${major}` },
						BINARY_MODE,
						major,
					),
				);
				await n8n.installPackage(tarball);
				await n8n.importJson('credentials', [clovaCredential(LOCAL_CREDENTIAL, serviceUrl, SECRET)]);
				await n8n.importJson('workflow', [exampleWorkflow(WEBHOOK_EXAMPLE), webhookBatchWorkflow(BATCH_ID, BATCH_PATH)]);
				await n8n.activate(EXAMPLE_ID);
				await n8n.activate(BATCH_ID);
				cluster = await startQueueCluster(n8n, { workers: WORKERS, concurrency: WORKER_CONCURRENCY });
				// The editor answers before the main has registered every active workflow's webhook; a CORS
				// preflight names a webhook's methods once it is registered, without starting an execution.
				for (const path of [EXAMPLE_PATH, BATCH_PATH]) {
					await waitFor(`webhook ${path}`, 60_000, async () => {
						const answer = await fetch(`${running(cluster, 'n8n').url}/webhook/${path}`, {
							method: 'OPTIONS',
							headers: { Origin: 'http://127.0.0.1', 'Access-Control-Request-Method': 'POST' },
						});
						return answer.status === 204;
					});
				}
			}),
		900_000,
	);

	afterAll(async () => {
		await cluster?.stop();
		if (failed && n8n) {
			for (const file of readdirSync(n8n.userFolder).filter((name) => name.endsWith('.log'))) {
				// One line per job is routine; what explains a failure is in the rest.
				const log = readFileSync(join(n8n.userFolder, file), 'utf8')
					.split('\n')
					.filter((line) => !ROUTINE_LOG_LINE.test(line))
					.join('\n');
				console.log(`[queue] ${file}, without the per-job lines:\n${log.slice(-6000)}`);
			}
		}
		n8n?.dispose();
	}, 120_000);

	test(
		`four uploads of ${CARDS / UPLOADS} cards each, started at once: every card read exactly once, every execution succeeded on both workers`,
		async () =>
			await noting(async () => {
				const live = running(service, 'the CLOVA service');
				live.prepare({ latencyMs: LATENCY_MS, rateLimit: RATE_LIMIT });
				const perUpload = CARDS / UPLOADS;
				const batches = Array.from({ length: UPLOADS }, (_, index) => uploads.slice(index * perUpload, (index + 1) * perUpload));
				const since = await databaseNow();
				const started = Date.now();
				const answers = await Promise.all(
					batches.map(async (batch) => await post(`${running(cluster, 'n8n').url}/webhook/${BATCH_PATH}`, batch)),
				);
				const { calls, rateLimited } = live.counts();
				console.log(
					`[queue] n8n ${version}: ${UPLOADS} uploads x ${perUpload} cards in ${((Date.now() - started) / 1000).toFixed(1)} s, ${calls} calls, ${rateLimited} answered 0025`,
				);

				// Each upload answered with its own cards, each read exactly. The Webhook node numbers a
				// request's files in the order it finishes receiving them, so order is not compared.
				for (const [index, answer] of answers.entries()) {
					expect(answer.status).toBe(200);
					const items = answer.body as Array<Record<string, unknown>>;
					expect(Array.isArray(items)).toBe(true);
					const byName = new Map(batches[index].map((upload) => [upload.fileName, upload]));
					expect(items.map((item) => String(item.imageName)).sort()).toEqual([...byName.keys()].sort());
					for (const item of items) expect(fieldsOf(item)).toEqual(expectedFields(byName.get(String(item.imageName)) as Upload));
				}
				// The service read every card once: none lost, none sent twice (a 0025 is not a read).
				expect(live.reads.size).toBe(CARDS);
				expect([...live.reads.values()].every((count) => count === 1)).toBe(true);
				expect(rateLimited).toBeGreaterThan(0);

				const executions = await executionsOf(BATCH_ID);
				expect(executions.map((execution) => execution.status)).toEqual(Array(UPLOADS).fill('success'));
				const ids = executions.map((execution) => execution.id);
				expect(await binaryFilesSince(since)).toEqual(uploads.map((upload) => upload.fileName).sort());
				expectBothWorkersEachExecutionOnce(ids);
			}),
		300_000,
	);

	test(
		`the example as committed: ${CARDS} single-card uploads, ${UPLOADS} at a time: every answer is its own card, every execution succeeded on both workers`,
		async () =>
			await noting(async () => {
				const live = running(service, 'the CLOVA service');
				live.prepare({ latencyMs: LATENCY_MS, rateLimit: RATE_LIMIT });
				const since = await databaseNow();
				const started = Date.now();
				const perStream = CARDS / UPLOADS;
				const answers = new Array<{ status: number; body: unknown }>(CARDS);
				await Promise.all(
					Array.from({ length: UPLOADS }, async (_, stream) => {
						for (let i = stream * perStream; i < (stream + 1) * perStream; i++) {
							answers[i] = await post(`${running(cluster, 'n8n').url}/webhook/${EXAMPLE_PATH}`, [uploads[i]]);
						}
					}),
				);
				console.log(`[queue] n8n ${version}: ${CARDS} single-card uploads in ${((Date.now() - started) / 1000).toFixed(1)} s`);

				answers.forEach((answer, index) => {
					expect(answer.status).toBe(200);
					expect(fieldsOf(answer.body as Record<string, unknown>)).toEqual(expectedFields(uploads[index]));
				});
				expect(live.reads.size).toBe(CARDS);
				expect([...live.reads.values()].every((count) => count === 1)).toBe(true);

				const executions = await executionsOf(EXAMPLE_ID);
				expect(executions).toHaveLength(CARDS);
				expect(executions.filter((execution) => execution.status !== 'success')).toEqual([]);
				const ids = executions.map((execution) => execution.id);
				expect(await binaryFilesSince(since)).toEqual(uploads.map((upload) => upload.fileName).sort());
				expectBothWorkersEachExecutionOnce(ids);
			}),
		300_000,
	);

	test(`runs on n8n ${version}`, () => expect(n8n?.runtime.version).toBe(version));
});
