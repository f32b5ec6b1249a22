/**
 * Scoring and markdown for bench-engine.ts: pure functions, no I/O, so the numbers can be
 * recomputed or tested from saved results.
 */

export const FIELDS = ['number', 'validThru', 'name'] as const;
export type Field = (typeof FIELDS)[number];

/** Fields at or above this confidence are taken without review by the n8n node's users. */
export const REVIEW_THRESHOLD = 0.9;

export interface FieldRead {
	text: string;
	confidence: number;
}

export interface CardMeta {
	id: string;
	layout: string;
	capture: string;
	truth: Record<Field, string>;
	notes: string;
	/** Size of the image sent, before base64. */
	bytes: number;
}

export interface CardResult {
	card: CardMeta;
	/** Round trip including base64 upload, one request at a time. */
	ms: number;
	status: number;
	/** SUCCESS, FAILURE or ERROR from the answer, or the error code of a 4xx/5xx, or the client error. */
	outcome: string;
	fields: Partial<Record<Field, FieldRead>>;
}

export interface Scored extends CardResult {
	exact: Record<Field, boolean>;
	allExact: boolean;
}

/** Numbers are compared digits only (a reader may keep the printed spaces); the rest exactly. */
export function fieldMatches(field: Field, truth: string, read: string | undefined): boolean {
	if (read === undefined) return false;
	return field === 'number' ? read.replace(/[\s-]/g, '') === truth : read === truth;
}

export function score(result: CardResult): Scored {
	const exact = {
		number: fieldMatches('number', result.card.truth.number, result.fields.number?.text),
		validThru: fieldMatches('validThru', result.card.truth.validThru, result.fields.validThru?.text),
		name: fieldMatches('name', result.card.truth.name, result.fields.name?.text),
	};
	return { ...result, exact, allExact: exact.number && exact.validThru && exact.name };
}

/** Card numbers never appear whole in output: last four digits and the length. */
export function maskNumber(text: string): string {
	const digits = text.replace(/\D/g, '');
	return digits.length === 0 ? JSON.stringify(text) : `…${digits.slice(-4)} (${digits.length} digits)`;
}

function shown(field: Field, text: string | undefined): string {
	if (text === undefined) return 'nothing';
	return field === 'number' ? maskNumber(text) : JSON.stringify(text);
}

export function percentile(values: number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = (p / 100) * (sorted.length - 1);
	const low = Math.floor(rank);
	const high = Math.ceil(rank);
	return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

const pct = (n: number, d: number): string => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);

/** A field read wrong but reported as sure: what review thresholds cannot catch. */
export interface ConfidentError {
	id: string;
	field: Field;
	expected: string;
	read: string;
	confidence: number;
}

export function confidentErrors(scored: Scored[], threshold = REVIEW_THRESHOLD): ConfidentError[] {
	const errors: ConfidentError[] = [];
	for (const r of scored) {
		for (const field of FIELDS) {
			const read = r.fields[field];
			if (read && !r.exact[field] && read.confidence >= threshold) {
				errors.push({ id: r.card.id, field, expected: r.card.truth[field], read: read.text, confidence: read.confidence });
			}
		}
	}
	return errors;
}

/** Read exactly, yet some field came back under the threshold, so a person reviews it for nothing. */
export function needlesslyFlagged(scored: Scored[], threshold = REVIEW_THRESHOLD): Scored[] {
	return scored.filter((r) => r.allExact && FIELDS.some((f) => (r.fields[f]?.confidence ?? 0) < threshold));
}

function groupBy(scored: Scored[], key: (r: Scored) => string, order: readonly string[]): Array<[string, Scored[]]> {
	const groups = new Map<string, Scored[]>(order.map((k) => [k, []]));
	for (const r of scored) {
		const k = key(r);
		if (!groups.has(k)) groups.set(k, []);
		groups.get(k)?.push(r);
	}
	return [...groups.entries()].filter(([, rows]) => rows.length > 0);
}

function accuracyTable(title: string, groups: Array<[string, Scored[]]>, all: Scored[], threshold: number): string[] {
	const lines = [
		`| ${title} | cards | all three exact | number | validThru | name | wrong at >= ${threshold} | exact but flagged |`,
		'|---|---:|---:|---:|---:|---:|---:|---:|',
	];
	for (const [label, rows] of [...groups, ['**all**', all] as [string, Scored[]]]) {
		const n = rows.length;
		const count = (f: (r: Scored) => boolean) => rows.filter(f).length;
		const exactCards = count((r) => r.allExact);
		lines.push(
			`| ${label} | ${n} | ${pct(exactCards, n)} | ${pct(
				count((r) => r.exact.number),
				n,
			)} | ${pct(
				count((r) => r.exact.validThru),
				n,
			)} | ${pct(
				count((r) => r.exact.name),
				n,
			)} | ${confidentErrors(rows, threshold).length} | ${needlesslyFlagged(rows, threshold).length} of ${exactCards} |`,
		);
	}
	return lines;
}

function matrix(scored: Scored[], captures: readonly string[], layouts: readonly string[]): string[] {
	const present = layouts.filter((l) => scored.some((r) => r.card.layout === l));
	const lines = [`| capture \\ layout | ${present.join(' | ')} |`, `|---|${present.map(() => '---:').join('|')}|`];
	for (const capture of captures) {
		const rows = scored.filter((r) => r.card.capture === capture);
		if (rows.length === 0) continue;
		const cells = present.map((layout) => {
			const cell = rows.filter((r) => r.card.layout === layout);
			return cell.length === 0 ? '-' : `${cell.filter((r) => r.allExact).length}/${cell.length}`;
		});
		lines.push(`| ${capture} | ${cells.join(' | ')} |`);
	}
	return lines;
}

/** What each capture kind is, for the latency table. */
export const CAPTURE_LABELS: Record<string, string> = {
	upright: 'phone photo, upright (<= 1600 px JPEG)',
	upsideDown: 'phone photo, upside down',
	portrait: 'phone photo taken in portrait',
	scanPdf: 'A4 scan in PDF (200-300 dpi)',
	scanTiff: 'A4 scan in TIFF (200-300 dpi)',
	photo12mp: '12 MP photo (4032x3024 JPEG)',
	closeUp: 'close-up, card fills the frame',
};

function latencyTable(scored: Scored[], captures: readonly string[], excludedId: string | null): string[] {
	const lines = ['| capture | what | n | p50 ms | p95 ms | max ms | mean KB sent |', '|---|---|---:|---:|---:|---:|---:|'];
	for (const capture of captures) {
		const rows = scored.filter((r) => r.card.capture === capture && r.card.id !== excludedId && r.status === 200);
		if (rows.length === 0) continue;
		const ms = rows.map((r) => r.ms);
		lines.push(
			`| ${capture} | ${CAPTURE_LABELS[capture] ?? ''} | ${rows.length} | ${percentile(ms, 50).toFixed(0)} | ${percentile(ms, 95).toFixed(0)} | ${Math.max(...ms).toFixed(0)} | ${(rows.reduce((s, r) => s + r.card.bytes, 0) / rows.length / 1024).toFixed(0)} |`,
		);
	}
	return lines;
}

export interface ColdStart {
	spawnToListeningMs: number;
	/** When the server logs its models loaded after it listens. */
	spawnToModelsMs: number | null;
	firstRequestMs: number;
	firstCardId: string;
}

export interface LoadResult {
	cards: number;
	ok: number;
	/** Answered 0025 (queue full): the server's back-pressure, not a failure of recognition. */
	rejected: number;
	failed: number;
	/** Outcome of every answer that was not a 200, counted. */
	failures: Record<string, number>;
	exact: number;
	wallMs: number;
	cpuSeconds: number;
	/** VmHWM after resetting it just before the load, in MB; null where the kernel refused the reset. */
	peakRssMb: number | null;
	/** The highest VmRSS seen sampling every 100 ms during the load. */
	sampledPeakRssMb: number;
	/** VmHWM over the server's whole life before the load (sequential phase, 12 MP and A4 included). */
	lifetimePeakRssMb: number;
	threads: number;
	childProcesses: Array<{ name: string; rssMb: number }>;
	concurrency: number | null;
}

/** The server ending on its own during the bench: a crash the numbers must not hide. */
export interface ServerExit {
	code: number | null;
	signal: string | null;
	stderrTail: string;
	during?: 'sequential' | 'load';
}

export interface ReportInput {
	seed: number;
	perCapture: number;
	machine: string;
	generateMs: number;
	captures: readonly string[];
	layouts: readonly string[];
	scored: Scored[];
	coldStart: ColdStart | null;
	load: LoadResult | null;
	serverExit?: ServerExit | null;
	threshold?: number;
	missesLimit?: number;
}

export function renderReport(input: ReportInput): string {
	const threshold = input.threshold ?? REVIEW_THRESHOLD;
	const { scored } = input;
	const out: string[] = [];
	out.push(`## Engine benchmark: seed ${input.seed}, ${input.perCapture} cards per capture kind (${scored.length} cards)`);
	out.push('');
	out.push(`${input.machine}. Cards generated in ${(input.generateMs / 1000).toFixed(1)} s (not part of any timing below).`);
	out.push(
		`Exact means: number digits equal (spaces ignored), validThru equal as MM/YY, name equal character for character. Review threshold ${threshold}.`,
	);
	if (input.serverExit) {
		const e = input.serverExit;
		out.push('');
		out.push(
			`**The server exited on its own during the ${e.during ?? ''} run (${e.signal ? `signal ${e.signal}` : `exit code ${e.code}`}); figures after that point are connection errors, not recognition.**`,
		);
		if (e.stderrTail) out.push('', '```', e.stderrTail.split('\n').slice(-12).join('\n'), '```');
	}
	const notAnswered = scored.filter((r) => r.outcome !== 'SUCCESS');
	if (notAnswered.length > 0) {
		const kinds = new Map<string, number>();
		for (const r of notAnswered) kinds.set(r.outcome, (kinds.get(r.outcome) ?? 0) + 1);
		out.push(`Not SUCCESS: ${[...kinds.entries()].map(([k, n]) => `${n} x ${k}`).join(', ')}.`);
	}
	out.push('', '### Accuracy by capture kind', '');
	out.push(
		...accuracyTable(
			'capture',
			groupBy(scored, (r) => r.card.capture, input.captures),
			scored,
			threshold,
		),
	);
	out.push('', '### Accuracy by layout', '');
	out.push(
		...accuracyTable(
			'layout',
			groupBy(scored, (r) => r.card.layout, input.layouts),
			scored,
			threshold,
		),
	);
	out.push('', '### All three exact, capture x layout', '');
	out.push(...matrix(scored, input.captures, input.layouts));

	const errors = confidentErrors(scored, threshold);
	out.push('', `### Wrong at confidence >= ${threshold}: ${errors.length}`, '');
	out.push(
		`number ${errors.filter((e) => e.field === 'number').length}, validThru ${errors.filter((e) => e.field === 'validThru').length}, name ${errors.filter((e) => e.field === 'name').length}`,
	);
	if (errors.length > 0) {
		out.push('', '| card | field | expected | read | confidence |', '|---|---|---|---|---:|');
		for (const e of errors)
			out.push(`| ${e.id} | ${e.field} | ${shown(e.field, e.expected)} | ${shown(e.field, e.read)} | ${e.confidence.toFixed(3)} |`);
	}

	const exactCards = scored.filter((r) => r.allExact);
	const flagged = needlesslyFlagged(scored, threshold);
	out.push(
		'',
		`### Needlessly flagged: ${flagged.length} of ${exactCards.length} exactly read cards (${pct(flagged.length, exactCards.length)})`,
		'',
	);
	out.push(
		`Fields under ${threshold} on exactly read cards: ${FIELDS.map((f) => `${f} ${flagged.filter((r) => (r.fields[f]?.confidence ?? 0) < threshold).length}`).join(', ')}`,
	);
	// Which cards, so a change that flags more can be traced to the fields it doubts.
	if (flagged.length > 0)
		out.push(
			'',
			`Flagged: ${flagged
				.map(
					(r) =>
						`${r.card.id} (${FIELDS.filter((f) => (r.fields[f]?.confidence ?? 0) < threshold)
							.map((f) => `${f} ${(r.fields[f]?.confidence ?? 0).toFixed(2)}`)
							.join(', ')})`,
				)
				.join('; ')}`,
		);

	out.push('', '### Latency, one request at a time (HTTP round trip incl. base64 upload)', '');
	out.push(...latencyTable(scored, input.captures, input.coldStart?.firstCardId ?? null));
	if (input.coldStart) {
		const { spawnToListeningMs, spawnToModelsMs, firstRequestMs, firstCardId } = input.coldStart;
		const models = spawnToModelsMs === null ? '' : `; spawn to "models loaded" ${spawnToModelsMs.toFixed(0)} ms`;
		out.push(
			'',
			`Cold start: spawn to listening line ${spawnToListeningMs.toFixed(0)} ms${models}; first request ${firstRequestMs.toFixed(0)} ms (${firstCardId}, sent right after the listening line, left out of the latency table).`,
		);
	}

	if (input.load) {
		const l = input.load;
		const seconds = l.wallMs / 1000;
		out.push('', `### Load: ${l.cards} upright phone photos, all in flight at once`, '');
		out.push(
			'| cards/s | wall s | answered 200 | rejected 0025 | failed | all three exact | server CPU s | cores used | peak RSS MB (VmHWM, reset before load) | peak RSS MB (sampled) | peak RSS MB before load | threads | recognition slots |',
		);
		out.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
		out.push(
			`| ${(l.ok / seconds).toFixed(2)} | ${seconds.toFixed(1)} | ${l.ok} | ${l.rejected} | ${l.failed} | ${l.exact} | ${l.cpuSeconds.toFixed(1)} | ${(l.cpuSeconds / seconds).toFixed(2)} | ${l.peakRssMb === null ? 'n/a' : l.peakRssMb.toFixed(0)} | ${l.sampledPeakRssMb.toFixed(0)} | ${l.lifetimePeakRssMb.toFixed(0)} | ${l.threads} | ${l.concurrency ?? '?'} |`,
		);
		const failures = Object.entries(l.failures);
		if (failures.length > 0) out.push('', `Not answered 200: ${failures.map(([outcome, n]) => `${n} x ${outcome}`).join(', ')}.`);
		const children = l.childProcesses.map((c) => `${c.name} ${c.rssMb.toFixed(0)} MB`).join(', ');
		out.push(
			'',
			`RSS and CPU are the server process's own (/proc/<pid>/status VmHWM, /proc/<pid>/stat utime+stime); worker threads share the process, so they are included. ${children ? `Child processes, not included: ${children} (esbuild is tsx compiling the TypeScript source; a built server has none).` : 'It had no child processes.'}`,
		);
	}

	const misses = scored.filter((r) => !r.allExact);
	const limit = input.missesLimit ?? 20;
	out.push('', `### Misses (first ${Math.min(limit, misses.length)} of ${misses.length})`, '');
	for (const r of misses.slice(0, limit)) {
		const parts = FIELDS.filter((f) => !r.exact[f]).map(
			(f) =>
				`${f}: expected ${shown(f, r.card.truth[f])}, read ${shown(f, r.fields[f]?.text)}${r.fields[f] ? ` @${r.fields[f]?.confidence.toFixed(2)}` : ''}`,
		);
		out.push(`- ${r.card.id}${r.outcome === 'SUCCESS' ? '' : ` (${r.outcome})`}: ${parts.join('; ')}  \n  _${r.card.notes}_`);
	}
	return out.join('\n');
}
