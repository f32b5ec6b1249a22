/**
 * npm run bench: the CLOVA OCR node in a real n8n against a CLOVA-shaped service with 150 ms
 * latency and a rate limit of 8 calls in flight, side by side with the HTTP Request node users
 * build today; then per-item overhead against a plain Node loop, and peak memory for a 30 MB
 * image. Prints markdown tables (docs/benchmarks.md holds a copy) and writes .cache/bench/results.json.
 *
 *   npm run bench [-- --n8n 1,2] [--runs 5]
 */
import { execFile, execFileSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';

import { cardCopies, largeCard, truthOfCopy } from '../devkit/bench/cardCopies';
import type { BenchSettings, ThroughputResult, ThroughputRun, VersionResult } from '../devkit/bench/report';
import { report } from '../devkit/bench/report';
import type { CredentialRef } from '../devkit/credentials';
import { clovaCredential } from '../devkit/credentials';
import { N8nInstance } from '../devkit/n8n/instance';
import type { ExecutionRun } from '../devkit/n8n/runData';
import { nodeOutput, nodeRun, resultDataOf } from '../devkit/n8n/runData';
import type { N8nMajor, N8nRuntime } from '../devkit/n8n/runtime';
import { ensureN8n, n8nMajors, packNodePackage } from '../devkit/n8n/runtime';
import { CACHE, ROOT } from '../devkit/paths';
import { FLATTEN_NODE, HTTP_NODE, OCR_NODE, httpRequestWorkflow, ocrWorkflow } from '../devkit/workflows';
import { BenchService } from './bench/benchServer';
import type { ServiceProfile } from './bench/benchServer';

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

function correctItems(run: ExecutionRun | undefined, nodeName: string): number {
	return nodeOutput(run, nodeName).filter((item) => {
		const truth = truthOfCopy(String(item.json.imageName ?? ''));
		return (
			truth !== undefined && item.json.name === truth.name && item.json.number === truth.number && item.json.validThru === truth.validThru
		);
	}).length;
}

function firstLine(text: string | undefined): string | undefined {
	return text?.split('\n')[0].slice(0, 120);
}

async function measureThroughput(n8n: N8nInstance, service: BenchService, setup: ThroughputSetup): Promise<ThroughputRun> {
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

async function benchVersion(major: N8nMajor, tarball: string, service: BenchService, invokeUrl: string): Promise<VersionResult> {
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

async function main(): Promise<void> {
	mkdirSync(WORK, { recursive: true });
	const tarball = packNodePackage();
	const service = new BenchService(SECRET);
	const invokeUrl = await service.start();
	const results: VersionResult[] = [];
	try {
		for (const major of VERSIONS) results.push(await benchVersion(major, tarball, service, invokeUrl));
	} finally {
		await service.stop();
	}
	writeFileSync(join(WORK, 'results.json'), JSON.stringify(results, null, 2));
	const settings: BenchSettings = { cards: CARDS, latencyMs: LATENCY_MS, rateLimit: RATE_LIMIT, runs: RUNS };
	console.log(`\n${report(results, settings)}\n`);
	log(`raw figures: ${join(WORK, 'results.json')}`);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
