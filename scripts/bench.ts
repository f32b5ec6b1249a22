/**
 * npm run bench: the CLOVA OCR node in a real n8n against a CLOVA-shaped service with 150 ms
 * latency and a rate limit of 8 calls in flight, side by side with the HTTP Request node users
 * build today; then per-item overhead against a plain Node loop, and peak memory for a 30 MB
 * image. Prints markdown tables (docs/benchmarks.md holds a copy) and writes .cache/bench/results.json.
 * The `several` scenario starts 4 executions of one webhook workflow at once in one `n8n start`,
 * all calling the same service, as a production n8n does when several requests come in together.
 *
 *   npm run bench [-- --n8n 1,2] [--runs 5] [--scenario single,several]
 */
import { execFile, execFileSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { loadavg } from 'os';
import { join } from 'path';

import { cardCopies, largeCard, truthOfCopy } from '../devkit/bench/cardCopies';
import type {
	BenchSettings,
	SeveralResult,
	SeveralRun,
	SeveralSettings,
	SeveralVersionResult,
	ThroughputResult,
	ThroughputRun,
	VersionResult,
} from '../devkit/bench/report';
import { report, severalReport } from '../devkit/bench/report';
import { RateLimitedService } from '../devkit/clova/rateLimitedService';
import type { ServiceProfile } from '../devkit/clova/rateLimitedService';
import type { CredentialRef } from '../devkit/credentials';
import { clovaCredential } from '../devkit/credentials';
import { startEditor } from '../devkit/n8n/editor';
import { N8nInstance } from '../devkit/n8n/instance';
import type { ExecutionRun } from '../devkit/n8n/runData';
import { nodeOutput, nodeRun, resultDataOf } from '../devkit/n8n/runData';
import type { N8nMajor, N8nRuntime } from '../devkit/n8n/runtime';
import { ensureN8n, n8nMajors, packNodePackage } from '../devkit/n8n/runtime';
import { CACHE, ROOT } from '../devkit/paths';
import { freePort, waitFor } from '../devkit/services/ports';
import { FLATTEN_NODE, HTTP_NODE, OCR_NODE, httpRequestWorkflow, ocrWorkflow } from '../devkit/workflows';

const WORK = join(CACHE, 'bench');
const CREDENTIAL: CredentialRef = { id: 'benchClovaCred01', name: 'bench' };
const SECRET = 'bench-secret-7Qp';
const CARDS = 200;
const LATENCY_MS = 150;
/** The service 20% slower than the batching was tuned for: what happens when latency drifts. */
const SLOWER_LATENCY_MS = 180;
const RATE_LIMIT = 8;
const OVERHEAD_ITEMS = 1000;
const PEAK_RSS_PRELOAD = join(__dirname, 'bench', 'peakRss.cjs');

function option(name: string, fallback: string): string {
	const index = process.argv.indexOf(`--${name}`);
	return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const VERSIONS = n8nMajors(option('n8n', '1,2'));
const RUNS = Math.max(1, Math.min(10, Number(option('runs', '5'))));
const SCENARIOS = option('scenario', 'single,several').split(',');
for (const scenario of SCENARIOS) {
	if (scenario !== 'single' && scenario !== 'several') throw new Error(`unknown scenario ${scenario}: use single, several or both`);
}
/** Executions started at once in the several scenario, each reading the same CARDS cards. */
const EXECUTIONS = 4;

/** The 1-minute load average: timing figures are only worth reading on a quiet machine. */
function loadAverage(): string {
	return loadavg()[0].toFixed(2);
}

function log(message: string): void {
	console.log(`[bench] ${message}`);
}

interface ThroughputSetup {
	label: string;
	workflowId: string;
	/** The node whose items are the workflow's result. */
	resultNode: string;
	/** The nodes that make the calls and shape the result: their summed time is the "OCR step". */
	stepNodes: string[];
	latencyMs: number;
}

function executionSeconds(run: ExecutionRun | undefined): number {
	if (!run?.startedAt || !run.stoppedAt) return NaN;
	return (Date.parse(run.stoppedAt) - Date.parse(run.startedAt)) / 1000;
}

/** Items whose fields equal the truth of the card copy they name. */
function correctCount(items: Array<Record<string, unknown>>): number {
	return items.filter((json) => {
		const truth = truthOfCopy(String(json.imageName ?? ''));
		return truth !== undefined && json.name === truth.name && json.number === truth.number && json.validThru === truth.validThru;
	}).length;
}

function correctItems(run: ExecutionRun | undefined, nodeName: string): number {
	return correctCount(nodeOutput(run, nodeName).map((item) => item.json));
}

function firstLine(text: string | undefined): string | undefined {
	return text?.split('\n')[0].slice(0, 120);
}

async function measureThroughput(n8n: N8nInstance, service: RateLimitedService, setup: ThroughputSetup): Promise<ThroughputRun> {
	service.prepare({ latencyMs: setup.latencyMs, rateLimit: RATE_LIMIT });
	const result = await n8n.execute(setup.workflowId);
	const stepMs = setup.stepNodes.reduce((sum, name) => sum + (nodeRun(result.run, name)?.executionTime ?? 0), 0);
	const counts = service.counts();
	if (!result.run) log(`${setup.label}: no run data\n${result.output.slice(-2000)}`);
	return {
		ok: result.ok,
		wallS: executionSeconds(result.run),
		stepS: stepMs / 1000,
		correct: result.ok ? correctItems(result.run, setup.resultNode) : 0,
		calls: counts.calls,
		rateLimited: counts.rateLimited,
		error: firstLine(resultDataOf(result.run)?.error?.message),
	};
}

async function peakRssKiB(n8n: N8nInstance, workflowId: string): Promise<number> {
	const file = join(WORK, `peak-${process.pid}.txt`);
	rmSync(file, { force: true });
	const result = await n8n.execute(workflowId, ['--require', PEAK_RSS_PRELOAD], { BENCH_PEAK_RSS_FILE: file });
	if (!result.ok) throw new Error(`${workflowId} failed:\n${result.output.slice(-2000)}`);
	if (!existsSync(file)) throw new Error(`${workflowId}: the n8n process wrote no peak RSS`);
	return Number(readFileSync(file, 'utf8'));
}

async function plainLoopMs(
	runtime: N8nRuntime,
	folder: string,
	invokeUrl: string,
	concurrency: number,
	connections: 'keep-alive' | 'new-connection',
): Promise<number> {
	const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
	const stdout = await new Promise<string>((resolve, reject) => {
		execFile(
			runtime.node,
			[tsx, join(__dirname, 'bench', 'plainLoop.ts'), folder, invokeUrl, SECRET, String(concurrency), connections],
			{ timeout: 300_000 },
			(error, out, err) => (error ? reject(new Error(`plain loop failed: ${err}`)) : resolve(out)),
		);
	});
	const result = JSON.parse(stdout.trim().split('\n').pop() as string) as { items: number; ok: number; ms: number };
	if (result.ok !== result.items) throw new Error(`plain loop: only ${result.ok} of ${result.items} calls succeeded`);
	return result.ms;
}

async function benchVersion(major: N8nMajor, tarball: string, service: RateLimitedService, invokeUrl: string): Promise<VersionResult> {
	const runtime = ensureN8n(major);
	const folders = {
		cards: cardCopies(join(WORK, 'cards-200'), CARDS),
		overhead: cardCopies(join(WORK, `cards-${OVERHEAD_ITEMS}`), OVERHEAD_ITEMS, 'hard-001.jpg'),
		large: join(WORK, 'large'),
	};
	const large = await largeCard(folders.large);
	const n8n = new N8nInstance(runtime, { N8N_RESTRICT_FILE_ACCESS_TO: WORK });
	log(`n8n ${runtime.version}: installing the package into ${n8n.userFolder}`);
	await n8n.installPackage(tarball);
	await n8n.importJson('credentials', [clovaCredential(CREDENTIAL, invokeUrl, SECRET)]);
	const endpoint = `${invokeUrl}/custom/v1/1/bench/document/credit-card`;
	const cardsGlob = `${folders.cards}/*.{png,jpg}`;
	const http = { invokeUrl: endpoint, secret: SECRET };
	await n8n.importJson('workflow', [
		ocrWorkflow('benchClovaMulti1', { glob: cardsGlob, credential: CREDENTIAL, mode: 'multipart' }),
		ocrWorkflow('benchClovaJson01', { glob: cardsGlob, credential: CREDENTIAL, mode: 'json' }),
		httpRequestWorkflow('benchHttpDefault', { glob: cardsGlob, ...http }),
		httpRequestWorkflow('benchHttpBatch15', { glob: cardsGlob, ...http, batching: { size: RATE_LIMIT, intervalMs: 150 } }),
		httpRequestWorkflow('benchHttpBatch20', { glob: cardsGlob, ...http, batching: { size: RATE_LIMIT, intervalMs: 200 } }),
		ocrWorkflow('benchOverhead001', { glob: `${folders.overhead}/*.jpg`, credential: CREDENTIAL, mode: 'multipart' }),
		httpRequestWorkflow('benchHttpOverhd1', { glob: `${folders.overhead}/*.jpg`, ...http }),
		ocrWorkflow('benchLargeNone01', { glob: large.path, credential: CREDENTIAL, mode: 'multipart', disabled: true }),
		ocrWorkflow('benchLargeMulti1', { glob: large.path, credential: CREDENTIAL, mode: 'multipart' }),
		ocrWorkflow('benchLargeJson01', { glob: large.path, credential: CREDENTIAL, mode: 'json' }),
		httpRequestWorkflow('benchLargeHttp01', { glob: large.path, ...http }),
	]);

	const ocrStep = { resultNode: OCR_NODE, stepNodes: [OCR_NODE] };
	const httpStep = { resultNode: FLATTEN_NODE, stepNodes: [HTTP_NODE, FLATTEN_NODE] };
	const setups: ThroughputSetup[] = [
		{ label: 'CLOVA OCR node, defaults (multipart)', workflowId: 'benchClovaMulti1', latencyMs: LATENCY_MS, ...ocrStep },
		{ label: 'CLOVA OCR node, defaults, JSON mode', workflowId: 'benchClovaJson01', latencyMs: LATENCY_MS, ...ocrStep },
		{ label: 'HTTP Request + Code, defaults', workflowId: 'benchHttpDefault', latencyMs: LATENCY_MS, ...httpStep },
		{ label: 'HTTP Request + Code, batching 8 / 150 ms', workflowId: 'benchHttpBatch15', latencyMs: LATENCY_MS, ...httpStep },
		{ label: 'HTTP Request + Code, batching 8 / 200 ms', workflowId: 'benchHttpBatch20', latencyMs: LATENCY_MS, ...httpStep },
		{ label: 'CLOVA OCR node, defaults (multipart)', workflowId: 'benchClovaMulti1', latencyMs: SLOWER_LATENCY_MS, ...ocrStep },
		{ label: 'HTTP Request + Code, batching 8 / 150 ms', workflowId: 'benchHttpBatch15', latencyMs: SLOWER_LATENCY_MS, ...httpStep },
	];
	const throughput: ThroughputResult[] = setups.map((setup) => ({ label: setup.label, latencyMs: setup.latencyMs, runs: [] }));
	// Round robin, so a slow moment of the machine does not land on one setup only.
	for (let run = 0; run < RUNS; run++) {
		for (const [index, setup] of setups.entries()) {
			const result = await measureThroughput(n8n, service, setup);
			throughput[index].runs.push(result);
			log(
				`n8n ${runtime.version} run ${run + 1}/${RUNS} ${setup.label} at ${setup.latencyMs} ms: step ${result.stepS.toFixed(2)} s, execution ${result.wallS.toFixed(2)} s, ${result.correct}/${CARDS} correct, ${result.calls} calls, ${result.rateLimited} x 0025${result.error ? `, failed: ${result.error}` : ''}`,
			);
		}
	}

	const overhead = {
		nodeMs: [] as number[],
		httpRequestMs: [] as number[],
		loopMs: [] as number[],
		newConnectionLoopMs: [] as number[],
		items: OVERHEAD_ITEMS,
		concurrency: 10,
	};
	const zeroLatency: ServiceProfile = { latencyMs: 0, rateLimit: Infinity };
	for (let run = 0; run < RUNS; run++) {
		service.prepare(zeroLatency);
		const result = await n8n.execute('benchOverhead001');
		const correct = correctItems(result.run, OCR_NODE);
		if (!result.ok || correct !== OVERHEAD_ITEMS)
			throw new Error(`overhead run: ${correct} of ${OVERHEAD_ITEMS} correct\n${result.output.slice(-2000)}`);
		overhead.nodeMs.push(nodeRun(result.run, OCR_NODE)?.executionTime ?? NaN);
		service.prepare(zeroLatency);
		const httpResult = await n8n.execute('benchHttpOverhd1');
		if (!httpResult.ok) throw new Error(`overhead run of HTTP Request failed\n${httpResult.output.slice(-2000)}`);
		overhead.httpRequestMs.push(nodeRun(httpResult.run, HTTP_NODE)?.executionTime ?? NaN);
		service.prepare(zeroLatency);
		overhead.loopMs.push(await plainLoopMs(runtime, folders.overhead, invokeUrl, overhead.concurrency, 'keep-alive'));
		service.prepare(zeroLatency);
		overhead.newConnectionLoopMs.push(await plainLoopMs(runtime, folders.overhead, invokeUrl, overhead.concurrency, 'new-connection'));
		log(
			`n8n ${runtime.version} overhead run ${run + 1}/${RUNS}: node ${overhead.nodeMs[run]} ms, HTTP Request ${overhead.httpRequestMs[run]} ms, plain loop ${overhead.loopMs[run].toFixed(0)} ms (keep-alive), ${overhead.newConnectionLoopMs[run].toFixed(0)} ms (connection per call) for ${OVERHEAD_ITEMS} items`,
		);
	}

	const memory = {
		fileBytes: large.bytes,
		baselineKiB: [] as number[],
		multipartKiB: [] as number[],
		jsonKiB: [] as number[],
		httpRequestKiB: [] as number[],
	};
	for (let run = 0; run < RUNS; run++) {
		service.prepare(zeroLatency);
		memory.baselineKiB.push(await peakRssKiB(n8n, 'benchLargeNone01'));
		memory.multipartKiB.push(await peakRssKiB(n8n, 'benchLargeMulti1'));
		memory.jsonKiB.push(await peakRssKiB(n8n, 'benchLargeJson01'));
		memory.httpRequestKiB.push(await peakRssKiB(n8n, 'benchLargeHttp01'));
		log(
			`n8n ${runtime.version} memory run ${run + 1}/${RUNS}: peak RSS node disabled ${(memory.baselineKiB[run] / 1024).toFixed(0)} MiB, multipart ${(memory.multipartKiB[run] / 1024).toFixed(0)} MiB, JSON ${(memory.jsonKiB[run] / 1024).toFixed(0)} MiB, HTTP Request ${(memory.httpRequestKiB[run] / 1024).toFixed(0)} MiB`,
		);
	}
	rmSync(n8n.userFolder, { recursive: true, force: true });
	const nodeVersion = execFileSync(runtime.node, ['--version'], { encoding: 'utf8' }).trim();
	return { version: runtime.version, node: nodeVersion, throughput, overhead, memory };
}

interface SeveralSetup {
	label: string;
	workflowId: string;
	webhookPath: string;
}

/** One webhook call: its time from `startedAt` to the end of its answer, and the items it answered with. */
async function callWebhook(
	url: string,
	startedAt: number,
): Promise<{ seconds: number; items: Array<Record<string, unknown>>; error?: string }> {
	try {
		const response = await fetch(url, {
			method: 'POST',
			body: '{}',
			headers: { 'Content-Type': 'application/json' },
			signal: AbortSignal.timeout(900_000),
		});
		const text = await response.text();
		const seconds = (Date.now() - startedAt) / 1000;
		let body: unknown;
		try {
			body = JSON.parse(text) as unknown;
		} catch {
			body = undefined;
		}
		if (response.ok && Array.isArray(body)) return { seconds, items: body as Array<Record<string, unknown>> };
		const message = typeof (body as { message?: unknown } | undefined)?.message === 'string' ? (body as { message: string }).message : text;
		return { seconds, items: [], error: firstLine(`HTTP ${response.status}: ${message}`) };
	} catch (error) {
		return {
			seconds: (Date.now() - startedAt) / 1000,
			items: [],
			error: firstLine(error instanceof Error ? error.message : String(error)),
		};
	}
}

async function measureSeveral(baseUrl: string, service: RateLimitedService, setup: SeveralSetup): Promise<SeveralRun> {
	service.prepare({ latencyMs: LATENCY_MS, rateLimit: RATE_LIMIT });
	const url = `${baseUrl}/webhook/${setup.webhookPath}`;
	const startedAt = Date.now();
	const answers = await Promise.all(Array.from({ length: EXECUTIONS }, async () => await callWebhook(url, startedAt)));
	const counts = service.counts();
	const busy = service.busyWindow();
	return {
		executionS: answers.map((answer) => answer.seconds),
		firstCallS: busy ? (busy.startMs - startedAt) / 1000 : NaN,
		callsS: busy ? (busy.endMs - busy.startMs) / 1000 : NaN,
		slotsBusy: busy ? service.server.acceptedBusyMs / (RATE_LIMIT * (busy.endMs - busy.startMs)) : NaN,
		correct: answers.reduce((sum, answer) => sum + correctCount(answer.items), 0),
		failedExecutions: answers.filter((answer) => correctCount(answer.items) < CARDS).length,
		calls: counts.calls,
		rateLimited: counts.rateLimited,
		error: answers.find((answer) => answer.error)?.error,
	};
}

/**
 * EXECUTIONS webhook calls at once to one `n8n start`: one process, as in n8n's regular mode, so
 * whatever the executions share in the process is shared here too. Queue-mode workers are
 * separate processes and would not share it.
 */
async function benchSeveral(
	major: N8nMajor,
	tarball: string,
	service: RateLimitedService,
	invokeUrl: string,
): Promise<SeveralVersionResult> {
	const runtime = ensureN8n(major);
	const cards = cardCopies(join(WORK, 'cards-200'), CARDS);
	const n8n = new N8nInstance(runtime, { N8N_RESTRICT_FILE_ACCESS_TO: WORK });
	log(`n8n ${runtime.version}: installing the package into ${n8n.userFolder} for ${EXECUTIONS} executions at once`);
	await n8n.installPackage(tarball);
	await n8n.importJson('credentials', [clovaCredential(CREDENTIAL, invokeUrl, SECRET)]);
	const glob = `${cards}/*.{png,jpg}`;
	const http = { glob, invokeUrl: `${invokeUrl}/custom/v1/1/bench/document/credit-card`, secret: SECRET };
	// Retry On Fail at the most the editor allows: 5 tries; a failed try re-runs all 200 items.
	const retry = { maxTries: 5, waitMs: 1000 };
	const share = RATE_LIMIT / EXECUTIONS;
	const setups: SeveralSetup[] = [
		{ label: 'CLOVA OCR node, defaults', workflowId: 'benchSevClova001', webhookPath: 'several-clova' },
		{
			// What suits one execution (see the single scenario).
			label: `HTTP Request + Code, batching ${RATE_LIMIT} / ${LATENCY_MS} ms, Retry On Fail`,
			workflowId: 'benchSevHttpB815',
			webhookPath: 'several-http-8-150',
		},
		{
			// The limit split between the executions: the user must know how many run at once.
			label: `HTTP Request + Code, batching ${share} / ${LATENCY_MS} ms, Retry On Fail`,
			workflowId: 'benchSevHttpB215',
			webhookPath: 'several-http-2-150',
		},
		{
			// Split, with a margin.
			label: `HTTP Request + Code, batching ${share} / 200 ms, Retry On Fail`,
			workflowId: 'benchSevHttpB220',
			webhookPath: 'several-http-2-200',
		},
	];
	await n8n.importJson('workflow', [
		ocrWorkflow(setups[0].workflowId, { glob, credential: CREDENTIAL, webhookPath: setups[0].webhookPath }),
		httpRequestWorkflow(setups[1].workflowId, {
			...http,
			webhookPath: setups[1].webhookPath,
			batching: { size: RATE_LIMIT, intervalMs: LATENCY_MS },
			retry,
		}),
		httpRequestWorkflow(setups[2].workflowId, {
			...http,
			webhookPath: setups[2].webhookPath,
			batching: { size: share, intervalMs: LATENCY_MS },
			retry,
		}),
		httpRequestWorkflow(setups[3].workflowId, {
			...http,
			webhookPath: setups[3].webhookPath,
			batching: { size: share, intervalMs: 200 },
			retry,
		}),
	]);
	for (const setup of setups) await n8n.activate(setup.workflowId);
	const logFile = join(WORK, `several-n8n-${runtime.version}.log`);
	const editor = await startEditor(n8n, { port: await freePort(), stdio: { file: logFile }, group: true, timeoutMs: 180_000 });
	const results: SeveralResult[] = setups.map((setup) => ({ label: setup.label, runs: [] }));
	try {
		// The editor answers before the active workflows' webhooks are registered; a CORS preflight
		// names a webhook's methods once it is, without starting an execution.
		for (const setup of setups) {
			await waitFor(`webhook ${setup.webhookPath}`, 60_000, async () => {
				const answer = await fetch(`${editor.url}/webhook/${setup.webhookPath}`, {
					method: 'OPTIONS',
					headers: { Origin: 'http://127.0.0.1', 'Access-Control-Request-Method': 'POST' },
				});
				return answer.status === 204;
			});
		}
		// One unmeasured call each without a rate limit: the first run of a workflow loads its nodes.
		for (const setup of setups) {
			service.prepare({ latencyMs: 0, rateLimit: Infinity });
			const warm = await callWebhook(`${editor.url}/webhook/${setup.webhookPath}`, Date.now());
			if (correctCount(warm.items) !== CARDS)
				throw new Error(
					`${setup.label}: warm-up run answered ${warm.error ?? `${correctCount(warm.items)} correct items`} (log: ${logFile})`,
				);
		}
		for (let run = 0; run < RUNS; run++) {
			for (const [index, setup] of setups.entries()) {
				const result = await measureSeveral(editor.url, service, setup);
				results[index].runs.push(result);
				log(
					`n8n ${runtime.version} several run ${run + 1}/${RUNS} ${setup.label} (load ${loadAverage()}): executions ${result.executionS.map((s) => s.toFixed(2)).join(', ')} s, first call after ${result.firstCallS.toFixed(2)} s, calls ${result.callsS.toFixed(2)} s (slots ${(result.slotsBusy * 100).toFixed(0)}% busy), ${result.correct}/${EXECUTIONS * CARDS} correct, ${result.calls} calls, ${result.rateLimited} x 0025${result.error ? `, failed: ${result.error}` : ''}`,
				);
			}
		}
	} finally {
		await editor.stop();
	}
	n8n.dispose();
	const nodeVersion = execFileSync(runtime.node, ['--version'], { encoding: 'utf8' }).trim();
	return { version: runtime.version, node: nodeVersion, setups: results };
}

async function main(): Promise<void> {
	mkdirSync(WORK, { recursive: true });
	const tarball = packNodePackage();
	const service = new RateLimitedService(SECRET);
	const invokeUrl = await service.start();
	const results: VersionResult[] = [];
	const several: SeveralVersionResult[] = [];
	try {
		for (const major of VERSIONS) {
			if (SCENARIOS.includes('single')) results.push(await benchVersion(major, tarball, service, invokeUrl));
			if (SCENARIOS.includes('several')) several.push(await benchSeveral(major, tarball, service, invokeUrl));
		}
	} finally {
		await service.stop();
	}
	writeFileSync(join(WORK, 'results.json'), JSON.stringify({ single: results, several }, null, 2));
	const settings: BenchSettings = { cards: CARDS, latencyMs: LATENCY_MS, rateLimit: RATE_LIMIT, runs: RUNS };
	if (results.length) console.log(`\n${report(results, settings)}\n`);
	const severalSettings: SeveralSettings = {
		executions: EXECUTIONS,
		cardsPerExecution: CARDS,
		latencyMs: LATENCY_MS,
		rateLimit: RATE_LIMIT,
		runs: RUNS,
	};
	if (several.length) console.log(`\n${severalReport(several, severalSettings)}\n`);
	log(`raw figures: ${join(WORK, 'results.json')}`);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
