/**
 * Engine benchmark: accuracy per tier, latency, cold start, RSS and throughput, side by side
 * with @gutenye/ocr-node on the same generated images.
 *
 *   npm run bench:engine -- [--per-tier 40] [--seed 7] [--no-gutenye]
 *
 * The default seed (7) is not the one the extraction rules were tuned on (1).
 */
import { spawn } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { cpus, tmpdir } from 'os';
import { join } from 'path';
import { parseArgs } from 'util';

import { extractFields } from '../src/engine/extractFields';
import type { RecognizedLine } from '../src/engine/recognizeText';
import { groupIntoRows } from '../src/engine/textRows';
import type { FieldName, Quad, RecognitionOutcome } from '../src/protocol';
import type { SyntheticCard, Tier } from '../src/synth/cardSet';
import { TIERS, generateCardSet } from '../src/synth/cardSet';

const REVIEW_THRESHOLD = 0.9;
const FIELDS: FieldName[] = ['number', 'validThru', 'name'];

interface Scored {
	card: SyntheticCard;
	ms: number;
	exact: Record<FieldName, boolean>;
	confidence: Partial<Record<FieldName, number>>;
	read: Partial<Record<FieldName, string>>;
}

function score(card: SyntheticCard, outcome: RecognitionOutcome, ms: number): Scored {
	const fields = outcome.kind === 'success' ? outcome.fields : {};
	const exact = {
		number: fields.number?.text === card.truth.number,
		validThru: fields.validThru?.text === card.truth.validThru,
		name: fields.name?.text === card.truth.name,
	};
	return {
		card,
		ms,
		exact,
		confidence: Object.fromEntries(FIELDS.map((f) => [f, fields[f]?.confidence])),
		read: Object.fromEntries(FIELDS.map((f) => [f, fields[f]?.text])),
	};
}

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const pct = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);

function report(label: string, results: Scored[]): void {
	console.log(`\n${label}`);
	console.log('| tier | cards | number | validThru | name | all three | wrong number >= 0.9 | p50 ms | p95 ms |');
	console.log('|---|---|---|---|---|---|---|---|---|');
	for (const tier of [...TIERS, 'all'] as Array<Tier | 'all'>) {
		const rows = tier === 'all' ? results : results.filter((r) => r.card.tier === tier);
		if (rows.length === 0) continue;
		const count = (f: (r: Scored) => boolean) => rows.filter(f).length;
		const wrongConfident = count((r) => r.read.number !== undefined && !r.exact.number && (r.confidence.number ?? 0) >= REVIEW_THRESHOLD);
		console.log(
			`| ${tier} | ${rows.length} | ${pct(count((r) => r.exact.number), rows.length)} | ${pct(count((r) => r.exact.validThru), rows.length)} | ${pct(count((r) => r.exact.name), rows.length)} | ${pct(count((r) => r.exact.number && r.exact.validThru && r.exact.name), rows.length)} | ${wrongConfident} | ${percentile(rows.map((r) => r.ms), 50).toFixed(0)} | ${percentile(rows.map((r) => r.ms), 95).toFixed(0)} |`,
		);
	}
}

function misses(results: Scored[], limit: number): void {
	const wrong = results.filter((r) => !(r.exact.number && r.exact.validThru && r.exact.name));
	if (wrong.length === 0) return;
	console.log(`\nmisses (first ${Math.min(limit, wrong.length)} of ${wrong.length}; card numbers shown only as last 4 digits):`);
	for (const r of wrong.slice(0, limit)) {
		const parts = FIELDS.filter((f) => !r.exact[f]).map((f) => {
			const truth = f === 'number' ? `*${r.card.truth.number.slice(-4)}` : r.card.truth[f];
			const read = f === 'number' && r.read.number ? `*${r.read.number.slice(-4)} (${r.read.number.length} digits)` : r.read[f];
			return `${f}: expected ${truth}, read ${read ?? 'nothing'} @${(r.confidence[f] ?? 0).toFixed(2)}`;
		});
		console.log(`  ${r.card.id} [${r.card.notes}] ${parts.join('; ')}`);
	}
}

interface ServerProcess {
	url: string;
	pid: number;
	coldStartMs: number;
	stop(): void;
}

/** Starts the real server (the CLI users run) and times spawn to its listening line. */
async function startServer(queue: number): Promise<ServerProcess> {
	const started = Date.now();
	const child = spawn(process.execPath, [join(__dirname, '..', 'bin', 'clova-ocr-local.js'), '--port', '0', '--quiet', '--queue', String(queue)], {
		stdio: ['ignore', 'pipe', 'inherit'],
		env: { ...process.env, CLOVA_OCR_FROM_SOURCE: '1' },
	});
	return await new Promise<ServerProcess>((resolve, reject) => {
		const timer = setTimeout(() => {
			child.kill();
			reject(new Error('server did not start within 30 s'));
		}, 30_000);
		child.stdout.on('data', (chunk: Buffer) => {
			const match = /listening on (http:\/\/\S+?) /.exec(chunk.toString());
			if (match) {
				clearTimeout(timer);
				resolve({ url: match[1], pid: child.pid as number, coldStartMs: Date.now() - started, stop: () => child.kill() });
			}
		});
	});
}

function peakRssMb(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const match = /VmHWM:\s+(\d+) kB/.exec(status);
	return match ? Number(match[1]) / 1024 : NaN;
}

interface ClovaAnswer {
	images?: Array<{ inferResult?: string; creditCard?: { result?: Partial<Record<FieldName, { text: string; confidence: number }>> } }>;
	code?: string;
}

async function postCard(url: string, card: SyntheticCard): Promise<{ outcome: RecognitionOutcome; status: number }> {
	const response = await fetch(`${url}/document/credit-card`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ version: 'V2', requestId: card.id, timestamp: Date.now(), images: [{ format: card.format, name: card.id, data: card.data.toString('base64') }] }),
	});
	const body = (await response.json()) as ClovaAnswer;
	const result = body.images?.[0]?.creditCard?.result ?? {};
	const fields = Object.fromEntries(
		Object.entries(result).map(([name, field]) => [name, { text: field?.text ?? '', confidence: field?.confidence ?? 0, box: null, parts: [] }]),
	);
	return { outcome: { kind: 'success', width: 0, height: 0, fields }, status: response.status };
}

/** @gutenye/ocr-node reads lines only; our extraction runs on its lines so the OCR is what differs. */
async function runGutenye(cards: SyntheticCard[]): Promise<Scored[]> {
	const dir = mkdtempSync(join(tmpdir(), 'bench-gutenye-'));
	try {
		const { default: Ocr } = (await import('@gutenye/ocr-node')) as { default: { create(): Promise<{ detect(path: string): Promise<Array<{ text: string; mean: number; box?: number[][] }>> }> } };
		const ocr = await Ocr.create();
		const results: Scored[] = [];
		for (const card of cards) {
			const file = join(dir, `${card.id}.${card.format}`);
			writeFileSync(file, card.data);
			const started = performance.now();
			const lines = await ocr.detect(file);
			const ms = performance.now() - started;
			const recognized: RecognizedLine[] = lines.map((line) => {
				const box = (line.box ?? [[0, 0], [1, 0], [1, 1], [0, 1]]).map(([x, y]) => ({ x, y })) as Quad;
				const chars = [...line.text].map((char, i, all) => ({ char, prob: line.mean, u0: i / all.length, u1: (i + 1) / all.length }));
				return { quad: box, chars, text: line.text };
			});
			const { fields } = extractFields(groupIntoRows(recognized));
			results.push(score(card, { kind: 'success', width: 0, height: 0, fields }, ms));
		}
		return results;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			'per-tier': { type: 'string', default: '40' },
			seed: { type: 'string', default: '7' },
			'no-gutenye': { type: 'boolean', default: false },
			misses: { type: 'string', default: '15' },
		},
	});
	const perTier = Number(values['per-tier']);
	const seed = Number(values.seed);
	console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}; seed ${seed}, ${perTier} cards per tier`);

	const generated = Date.now();
	const cards = await generateCardSet(seed, perTier);
	console.log(`generated ${cards.length} cards in ${Date.now() - generated} ms`);

	const server = await startServer(cards.length);
	const ours: Scored[] = [];
	let throughput = '';
	let rss = NaN;
	try {
		let firstMs = 0;
		for (const [index, card] of cards.entries()) {
			const started = performance.now();
			const { outcome } = await postCard(server.url, card);
			const ms = performance.now() - started;
			if (index === 0) firstMs = ms;
			ours.push(score(card, outcome, ms));
		}
		console.log(`cold start (spawn to listening): ${server.coldStartMs} ms; first request ${firstMs.toFixed(0)} ms`);
		const throughputStart = performance.now();
		const statuses = await Promise.all(cards.map(async (card) => (await postCard(server.url, card)).status));
		const seconds = (performance.now() - throughputStart) / 1000;
		const health = (await (await fetch(`${server.url}/healthz`)).json()) as { concurrency: number };
		throughput = `${(statuses.filter((s) => s === 200).length / seconds).toFixed(2)} cards/s with ${cards.length} requests in flight on ${health.concurrency} recognition slots (${statuses.filter((s) => s !== 200).length} not 200)`;
		rss = peakRssMb(server.pid);
	} finally {
		server.stop();
	}

	report(`clova-ocr-local server over HTTP (sequential latency incl. HTTP and base64; review threshold ${REVIEW_THRESHOLD})`, ours);
	console.log(`\nthroughput: ${throughput}; server peak RSS (VmHWM) ${rss.toFixed(0)} MB`);
	misses(ours, Number(values.misses));

	if (!values['no-gutenye']) {
		const theirs = await runGutenye(cards);
		report('@gutenye/ocr-node 1.4.8 (same models; its lines fed to the same field extraction)', theirs);
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
