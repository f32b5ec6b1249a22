/**
 * Scores the engine, in process, on a held-out set written by generate.ts.
 *
 *   npx tsx server/scripts/heldout/score.ts /tmp/heldout [--limit N] [--only capture]
 *
 * Prints accuracy per capture kind and per layout, fields read wrong with confidence >= 0.9,
 * exactly read cards that would still go to review (a field < 0.9), p50 latency per capture,
 * and every miss. Card numbers appear only as their last four digits.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseArgs } from 'util';

import { recognizeCard } from '../../src/engine/readCard';
import { loadModels } from '../../src/engine/models';
import { encodedImage } from '../encodedImage';
import type { HeldoutTruth } from './truth';

const REVIEW_THRESHOLD = 0.9;
const FIELDS = ['number', 'validThru', 'name'] as const;
type Field = (typeof FIELDS)[number];

interface Reading {
	text: string;
	confidence: number;
}

interface Scored {
	file: string;
	truth: HeldoutTruth;
	ms: number;
	outcome: string;
	read: Partial<Record<Field, Reading>>;
	exact: Record<Field, boolean>;
}

const pct = (n: number, d: number): string => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Card numbers are shown only as their last four digits. */
function show(field: Field, text: string | undefined): string {
	if (text === undefined) return 'nothing';
	if (field !== 'number') return JSON.stringify(text);
	const digits = text.replace(/\D/g, '');
	return `*${digits.slice(-4)} (${digits.length} digits)`;
}

function table(title: string, key: (s: Scored) => string, results: Scored[], order: string[]): void {
	console.log(`\n${title}`);
	console.log(`| ${title.split(' ').pop()} | cards | all three | number | validThru | name | p50 ms |`);
	console.log('|---|---|---|---|---|---|---|');
	for (const group of [...order, 'all']) {
		const rows = group === 'all' ? results : results.filter((r) => key(r) === group);
		if (rows.length === 0) continue;
		const count = (f: (r: Scored) => boolean) => rows.filter(f).length;
		console.log(
			`| ${group} | ${rows.length} | ${pct(
				count((r) => r.exact.number && r.exact.validThru && r.exact.name),
				rows.length,
			)} | ${pct(
				count((r) => r.exact.number),
				rows.length,
			)} | ${pct(
				count((r) => r.exact.validThru),
				rows.length,
			)} | ${pct(
				count((r) => r.exact.name),
				rows.length,
			)} | ${percentile(
				rows.map((r) => r.ms),
				50,
			).toFixed(0)} |`,
		);
	}
}

async function main(): Promise<void> {
	const { values, positionals } = parseArgs({ allowPositionals: true, options: { limit: { type: 'string' }, only: { type: 'string' } } });
	const dir = positionals[0] ?? '/tmp/heldout';
	const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Record<string, HeldoutTruth>;
	let files = Object.keys(truth).sort();
	if (values.only) files = files.filter((f) => truth[f]?.capture === values.only);
	if (values.limit) files = files.slice(0, Number(values.limit));

	const models = await loadModels({ intraOpThreads: 2 });
	console.log(`models loaded in ${models.loadMs} ms; scoring ${files.length} images from ${dir}`);
	const first = files[0];
	if (first) await recognizeCard(models, encodedImage(readFileSync(join(dir, first)), first)); // warm-up, not timed

	const results: Scored[] = [];
	for (const file of files) {
		const t = truth[file] as HeldoutTruth;
		const data = readFileSync(join(dir, file));
		const started = performance.now();
		const outcome = await recognizeCard(models, encodedImage(data, file));
		const ms = performance.now() - started;
		const read: Partial<Record<Field, Reading>> = {};
		if (outcome.kind === 'card') {
			for (const f of FIELDS) {
				const r = outcome.fields[f];
				if (r) read[f] = { text: r.text, confidence: r.confidence };
			}
		}
		const exact = {
			number: read.number?.text === t.number,
			validThru: read.validThru?.text === t.validThru,
			name: read.name?.text === t.name,
		};
		results.push({
			file,
			truth: t,
			ms,
			outcome:
				outcome.kind === 'card' ? 'success' : `${outcome.kind}${'message' in outcome && outcome.message ? `: ${outcome.message}` : ''}`,
			read,
			exact,
		});
		process.stderr.write(`${file} ${exact.number && exact.validThru && exact.name ? 'ok' : 'MISS'} ${ms.toFixed(0)} ms\n`);
	}

	const captures = [...new Set(results.map((r) => r.truth.capture))];
	const layouts = [...new Set(results.map((r) => r.truth.layout))].sort();
	table('per capture', (r) => r.truth.capture, results, captures);
	table('per layout', (r) => r.truth.layout, results, layouts);

	const confidentWrong = results.flatMap((r) =>
		FIELDS.filter((f) => r.read[f] && !r.exact[f] && (r.read[f]?.confidence ?? 0) >= REVIEW_THRESHOLD).map((f) => ({ r, f })),
	);
	console.log(`\nfields wrong at confidence >= ${REVIEW_THRESHOLD}: ${confidentWrong.length}`);
	for (const { r, f } of confidentWrong)
		console.log(
			`  ${r.file} ${f}: expected ${show(f, r.truth[f])}, read ${show(f, r.read[f]?.text)} @${(r.read[f]?.confidence ?? 0).toFixed(3)}`,
		);

	const exactLow = results.filter(
		(r) => r.exact.number && r.exact.validThru && r.exact.name && FIELDS.some((f) => (r.read[f]?.confidence ?? 0) < REVIEW_THRESHOLD),
	);
	console.log(
		`\nexactly read cards with a field < ${REVIEW_THRESHOLD}: ${exactLow.length} of ${results.filter((r) => r.exact.number && r.exact.validThru && r.exact.name).length}`,
	);
	for (const r of exactLow) {
		const low = FIELDS.filter((f) => (r.read[f]?.confidence ?? 0) < REVIEW_THRESHOLD).map(
			(f) => `${f} @${(r.read[f]?.confidence ?? 0).toFixed(3)}`,
		);
		console.log(`  ${r.file} [${r.truth.layout}]: ${low.join(', ')}`);
	}

	const misses = results.filter((r) => !(r.exact.number && r.exact.validThru && r.exact.name));
	console.log(`\nmisses: ${misses.length} of ${results.length}`);
	for (const r of misses) {
		const parts = FIELDS.filter((f) => !r.exact[f]).map(
			(f) =>
				`${f}: expected ${show(f, r.truth[f])}, read ${show(f, r.read[f]?.text)}${r.read[f] ? ` @${(r.read[f]?.confidence ?? 0).toFixed(2)}` : ''}`,
		);
		console.log(`  ${r.file} [${r.truth.layout}]${r.outcome !== 'success' ? ` (${r.outcome})` : ''}: ${parts.join('; ')}`);
	}
	const all = results.map((r) => r.ms);
	console.log(
		`\nlatency over all images: p50 ${percentile(all, 50).toFixed(0)} ms, p95 ${percentile(all, 95).toFixed(0)} ms, max ${Math.max(...all).toFixed(0)} ms`,
	);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
