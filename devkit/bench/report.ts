/** The benchmark's figures as markdown tables (docs/benchmarks.md holds a copy). */
import { cpus, totalmem } from 'os';

export interface BenchSettings {
	cards: number;
	latencyMs: number;
	rateLimit: number;
	runs: number;
}

export interface ThroughputRun {
	ok: boolean;
	wallS: number;
	stepS: number;
	correct: number;
	calls: number;
	rateLimited: number;
	error?: string;
}

export interface ThroughputResult {
	label: string;
	latencyMs: number;
	runs: ThroughputRun[];
}

export interface VersionResult {
	version: string;
	node: string;
	throughput: ThroughputResult[];
	overhead: {
		nodeMs: number[];
		httpRequestMs: number[];
		loopMs: number[];
		newConnectionLoopMs: number[];
		items: number;
		concurrency: number;
	};
	memory: { fileBytes: number; baselineKiB: number[]; multipartKiB: number[]; jsonKiB: number[]; httpRequestKiB: number[] };
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function report(results: VersionResult[], settings: BenchSettings): string {
	const { cards, latencyMs, rateLimit, runs } = settings;
	const lines: string[] = [];
	const cpu = cpus()[0]?.model ?? 'unknown CPU';
	lines.push(`Machine: ${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB. ${runs} runs per figure, median shown.`);
	for (const result of results) {
		lines.push('', `### n8n ${result.version} (Node ${result.node})`, '');
		for (const latency of [...new Set(result.throughput.map((setup) => setup.latencyMs))]) {
			const boundS = (cards / rateLimit) * (latency / 1000);
			const drift =
				latency === latencyMs
					? ''
					: ` (the service ${Math.round((latency / latencyMs - 1) * 100)}% slower than the batching was tuned for)`;
			lines.push(
				`${cards} card images, ${latency} ms latency${drift}, rate limit ${rateLimit} in flight: bound ${cards} / ${rateLimit} x ${latency / 1000} s = ${boundS.toFixed(2)} s.`,
				'',
			);
			lines.push(
				'| setup | step s (min-max) | step x bound | execution s | correct items | failed items | calls | 0025 answers | outcome |',
			);
			lines.push('|---|---|---|---|---|---|---|---|---|');
			for (const setup of result.throughput.filter((s) => s.latencyMs === latency)) {
				const steps = setup.runs.map((r) => r.stepS);
				const step = median(steps);
				const failedRuns = setup.runs.filter((r) => !r.ok);
				const outcome = failedRuns.length
					? `workflow failed ${failedRuns.length}/${setup.runs.length} runs: "${failedRuns[0].error ?? 'error'}"`
					: `${setup.runs.length}/${setup.runs.length} runs succeeded`;
				const correct = Math.min(...setup.runs.map((r) => r.correct));
				lines.push(
					`| ${setup.label} | ${step.toFixed(2)} (${Math.min(...steps).toFixed(2)}-${Math.max(...steps).toFixed(2)}) | ${(step / boundS).toFixed(2)} | ${median(setup.runs.map((r) => r.wallS)).toFixed(2)} | ${correct} | ${cards - correct} | ${median(setup.runs.map((r) => r.calls))} | ${median(setup.runs.map((r) => r.rateLimited))} | ${outcome} |`,
				);
			}
			lines.push('');
		}
		lines.push(
			"Step: the calling node(s) alone, from n8n's per-node execution time (HTTP Request and Code summed). Execution: the whole run, Read Files included (the same for every setup). Correct items: fields equal to the truth in the worst run.",
		);
		const { overhead } = result;
		const nodeMs = median(overhead.nodeMs);
		const perItem = (ms: number) => (ms / overhead.items).toFixed(2);
		const range = (values: number[]) => `${Math.min(...values).toFixed(0)}-${Math.max(...values).toFixed(0)}`;
		lines.push('', `Per-item overhead, ${overhead.items} items at 0 ms latency, no rate limit, ${overhead.concurrency} in flight:`, '');
		lines.push('| | total ms (min-max) | ms per item | node over this floor, ms per item |', '|---|---|---|---|');
		lines.push(`| CLOVA OCR node (its own execution time) | ${nodeMs.toFixed(0)} (${range(overhead.nodeMs)}) | ${perItem(nodeMs)} | |`);
		for (const [label, values] of [
			['plain Node loop, keep-alive (node:http + form-data, same requests)', overhead.loopMs],
			["plain Node loop, a new connection per call (as n8n's helpers open one)", overhead.newConnectionLoopMs],
		] as Array<[string, number[]]>) {
			const floor = median(values);
			lines.push(`| ${label} | ${floor.toFixed(0)} (${range(values)}) | ${perItem(floor)} | ${perItem(nodeMs - floor)} |`);
		}
		const httpMs = median(overhead.httpRequestMs);
		lines.push(
			`| for reference: HTTP Request node, defaults (all items at once), its own execution time | ${httpMs.toFixed(0)} (${range(overhead.httpRequestMs)}) | ${perItem(httpMs)} | |`,
		);
		const { memory } = result;
		const mb = memory.fileBytes / 2 ** 20;
		const base = median(memory.baselineKiB) / 1024;
		lines.push(
			'',
			`Peak RSS of the n8n process for one ${(memory.fileBytes / 1e6).toFixed(1)} MB PNG (${mb.toFixed(1)} MiB), filesystem binary storage:`,
			'',
		);
		lines.push('| workflow | peak RSS MiB | growth over the node disabled, MiB | growth / file size |', '|---|---|---|---|');
		lines.push(`| Read Files -> CLOVA OCR disabled (baseline) | ${base.toFixed(0)} | | |`);
		for (const [label, values] of [
			['Read Files -> CLOVA OCR, multipart', memory.multipartKiB],
			['Read Files -> CLOVA OCR, JSON (base64)', memory.jsonKiB],
			['Read Files -> HTTP Request multipart -> Code', memory.httpRequestKiB],
		] as Array<[string, number[]]>) {
			const peak = median(values) / 1024;
			lines.push(`| ${label} | ${peak.toFixed(0)} | ${(peak - base).toFixed(0)} | ${((peak - base) / mb).toFixed(2)}x |`);
		}
	}
	return lines.join('\n');
}

/** Several executions of one workflow started at once against one rate-limited service. */
export interface SeveralSettings {
	executions: number;
	cardsPerExecution: number;
	latencyMs: number;
	rateLimit: number;
	runs: number;
}

export interface SeveralRun {
	/** Each execution's time from the moment all were started to its answer, in seconds. */
	executionS: number[];
	/** From that moment to the first call the service accepted: Read Files and n8n's own start. */
	firstCallS: number;
	/** From the first accepted call's arrival to the last one's answer: the part the bound is about. */
	callsS: number;
	/** How full the service's slots were over callsS: accepted calls' time in flight / (rate limit x callsS). */
	slotsBusy: number;
	/** Items, over all executions, whose fields equal the truth. */
	correct: number;
	/** Executions that did not answer all their items with their true fields. */
	failedExecutions: number;
	calls: number;
	rateLimited: number;
	/** The first failed execution's answer, shortened. */
	error?: string;
}

export interface SeveralResult {
	label: string;
	runs: SeveralRun[];
}

export interface SeveralVersionResult {
	version: string;
	node: string;
	setups: SeveralResult[];
}

/** "all 4", "1-2 of 4": how many executions failed in the runs where any did. */
function failedExecutionsText(counts: number[], executions: number): string {
	const low = Math.min(...counts);
	const high = Math.max(...counts);
	if (low === executions) return `all ${executions} executions`;
	return `${low === high ? low : `${low}-${high}`} of ${executions} executions`;
}

export function severalReport(results: SeveralVersionResult[], settings: SeveralSettings): string {
	const { executions, cardsPerExecution, latencyMs, rateLimit } = settings;
	const cards = executions * cardsPerExecution;
	const boundS = (cards / rateLimit) * (latencyMs / 1000);
	const lines: string[] = [
		`${executions} executions at once x ${cardsPerExecution} cards, one service allowing ${rateLimit} calls in flight at ${latencyMs} ms: bound ${cards} / ${rateLimit} x ${latencyMs / 1000} s = ${boundS.toFixed(2)} s.`,
	];
	for (const result of results) {
		lines.push(
			'',
			`#### n8n ${result.version} (Node ${result.node})`,
			'',
			'| setup | slowest execution s, each run | slowest x bound (median) | first call after s | calls s | slots busy | 0025 answers / calls | failed items (worst run) | outcome |',
			'|---|---|---|---|---|---|---|---|---|',
		);
		for (const setup of result.setups) {
			const slowest = setup.runs.map((run) => Math.max(...run.executionS));
			const share = median(setup.runs.map((run) => run.rateLimited / Math.max(1, run.calls)));
			const failed = Math.max(...setup.runs.map((run) => cards - run.correct));
			const failedRuns = setup.runs.filter((run) => run.failedExecutions > 0);
			// A failed execution stops early: its time says nothing about speed.
			const timesBound = failedRuns.length ? '(failed)' : (median(slowest) / boundS).toFixed(2);
			const outcome = failedRuns.length
				? `${failedExecutionsText(
						failedRuns.map((run) => run.failedExecutions),
						executions,
					)} failed in ${failedRuns.length}/${setup.runs.length} runs${failedRuns[0].error ? `: "${failedRuns[0].error}"` : ''}`
				: `${setup.runs.length}/${setup.runs.length} runs complete`;
			const medianOf = (pick: (run: SeveralRun) => number): number => median(setup.runs.map(pick));
			lines.push(
				`| ${setup.label} | ${slowest.map((s) => s.toFixed(2)).join(' / ')} | ${timesBound} | ${medianOf((run) => run.firstCallS).toFixed(2)} | ${medianOf((run) => run.callsS).toFixed(2)} | ${(medianOf((run) => run.slotsBusy) * 100).toFixed(0)}% | ${(share * 100).toFixed(1)}% (${medianOf((run) => run.rateLimited)} / ${medianOf((run) => run.calls)}) | ${failed} | ${outcome} |`,
			);
		}
	}
	lines.push(
		'',
		`Medians of the runs, except where each run is listed. Slowest execution: from the moment the ${executions} webhook calls were sent to the last answer, Read Files included. First call after: from that moment to the first call the service accepted (Read Files and starting the executions). Calls: from that call's arrival to the last accepted call's answer. Slots busy: the accepted calls' time in the service (arrival to answer, upload included) over ${rateLimit} x calls. Failed items: items not answered with their true fields, over all executions (all of a failed execution's items).`,
	);
	return lines.join('\n');
}
