/**
 * npm run demo [-- <file or folder>...]: the local server and a real n8n (installed once into a
 * cache folder) read card images through the example workflow "folder of card images to a
 * spreadsheet": the committed samples, or the JPEG, PNG, PDF and TIFF files named (folders walked).
 * Prints what came out and stops everything. CLOVA_DEMO_N8N=2 uses n8n 2.x.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';

import { collectCardFiles, displayPath } from '../devkit/cardFiles';
import { LOCAL_CREDENTIAL, clovaCredential } from '../devkit/credentials';
import { readTruth } from '../devkit/fixtures';
import type { CardTruth } from '../devkit/fixtures';
import { startLocalServer } from '../devkit/localServer/launch';
import { N8nInstance } from '../devkit/n8n/instance';
import type { OutputItem } from '../devkit/n8n/runData';
import { nodeOutput } from '../devkit/n8n/runData';
import { ensureN8n, packNodePackage } from '../devkit/n8n/runtime';
import { SAMPLES } from '../devkit/paths';
import { withProgress } from '../devkit/progress';
import { OCR_NODE, exampleWorkflow } from '../devkit/workflows';

const SECRET = 'demo-secret';
const EXAMPLE = 'folder-batch-to-spreadsheet.json';
const READ_NODE = 'Read Card Images';
const SKIPPED_SHOWN = 5;
const HEADERS = ['file', 'name', 'number', 'validThru', 'confidence', 'needsReview'] as const;

type Row = Record<(typeof HEADERS)[number], string>;

interface SampleTruth extends CardTruth {
	/** The one sample kept expired, so the table shows what the `expired` flag looks like. */
	expiredOnPurpose?: boolean;
}

/** What the run reads: a folder n8n may read (the samples, or copies of the user's files) and how each file is shown. */
interface Inputs {
	folder: string;
	/** File name in `folder` -> the path the user gave. */
	shownAs: Map<string, string>;
	/** Rows for paths that could not be read at all, shown with their error. */
	failed: Row[];
	skipped: string[];
	/** Deleted when the demo ends: the copies. */
	temporary: boolean;
}

function errorRow(file: string, error: string): Row {
	return { file, name: '', number: '', validThru: '', confidence: '', needsReview: `error: ${error}` };
}

/**
 * The user's files are copied into one fresh folder (numbered, so equal names in different folders
 * stay apart): n8n is then allowed to read only that folder, whatever else is on the machine.
 */
function stageUserFiles(paths: string[]): Inputs {
	const { images, skipped, missing } = collectCardFiles(paths);
	const folder = mkdtempSync(join(tmpdir(), 'clova-demo-'));
	const shownAs = new Map<string, string>();
	const failed = missing.map(({ path, error }) => errorRow(displayPath(path), error));
	images.forEach((path, index) => {
		const staged = `${String(index + 1).padStart(4, '0')}-${basename(path)}`;
		try {
			copyFileSync(path, join(folder, staged));
			shownAs.set(staged, displayPath(path));
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			failed.push(errorRow(displayPath(path), code === 'EACCES' ? 'permission denied' : String((error as Error).message)));
		}
	});
	return { folder, shownAs, failed, skipped: skipped.map((path) => displayPath(path)), temporary: true };
}

function sampleInputs(): Inputs {
	const shownAs = new Map(Object.keys(readTruth(SAMPLES)).map((file) => [file, file]));
	return { folder: SAMPLES, shownAs, failed: [], skipped: [], temporary: false };
}

/** The file an output item came from: its image name, or through pairedItem the file Read Files gave it. */
function sourceFile(item: OutputItem, readItems: Array<OutputItem & { binary?: { data?: { fileName?: string } } }>): string {
	if (typeof item.json.imageName === 'string') return item.json.imageName;
	const paired = item.pairedItem as { item?: number } | undefined;
	return readItems[paired?.item ?? -1]?.binary?.data?.fileName ?? '';
}

function rowOf(item: OutputItem, file: string): Row {
	if (item.json.error !== undefined) return errorRow(file, String(item.json.error));
	const reasons = Array.isArray(item.json.reviewReasons) ? item.json.reviewReasons.map(String) : [];
	return {
		file,
		name: String(item.json.name ?? ''),
		number: String(item.json.number ?? ''),
		validThru: String(item.json.validThru ?? ''),
		confidence: typeof item.json.confidence === 'number' ? item.json.confidence.toFixed(3) : '',
		needsReview: item.json.needsReview === true ? `yes (${reasons.join(', ')})` : 'no',
	};
}

function printTable(rows: Row[]): void {
	// Error messages (in the last column, left unpadded) do not set its rule's width.
	const widths = HEADERS.map((h) => Math.max(h.length, ...rows.filter((r) => !r[h].startsWith('error: ')).map((r) => r[h].length)));
	const line = (cells: string[]) =>
		cells
			.map((c, i) => (i + 1 < cells.length ? c.padEnd(widths[i]) : c))
			.join('  ')
			.trimEnd();
	console.log(line([...HEADERS]));
	console.log(line(widths.map((w) => '-'.repeat(w))));
	for (const row of rows) console.log(line(HEADERS.map((h) => row[h])));
}

function printLegend(usingSamples: boolean): void {
	console.log('\nNumbers are masked PCI-style (first 6 + last 4) by the example workflow.');
	console.log(
		'needsReview lists why a person should look: low_confidence_<field> (the engine is unsure), missing_<field>, luhn_failed, bad_expiry, expired.',
	);
	if (!usingSamples) return;
	const expired = Object.entries(readTruth<SampleTruth>(SAMPLES)).filter(([, truth]) => truth.expiredOnPurpose);
	for (const [file, truth] of expired) {
		console.log(`${file} is expired on purpose (valid thru ${truth.validThru}): its "expired" flag is a correct read, not a misread.`);
	}
	console.log('Try your own cards: npm run demo -- <file or folder>...  (JPEG, PNG, PDF, TIFF)');
}

/** Request log lines of the local server so far: one per card it answered. */
function answered(output: string[]): number {
	return output
		.join('')
		.split('\n')
		.filter((line) => line.includes('"requestId"')).length;
}

async function main(): Promise<void> {
	const paths = process.argv.slice(2);
	const usingSamples = paths.length === 0;
	const inputs = usingSamples ? sampleInputs() : stageUserFiles(paths);
	if (inputs.skipped.length > 0) {
		const shown = inputs.skipped.slice(0, SKIPPED_SHOWN).join(', ');
		const more = inputs.skipped.length > SKIPPED_SHOWN ? ` and ${inputs.skipped.length - SKIPPED_SHOWN} more` : '';
		console.log(`[demo] skipped ${inputs.skipped.length} file(s) that are not JPEG, PNG, PDF or TIFF: ${shown}${more}`);
	}
	if (!usingSamples) console.log(`[demo] ${inputs.shownAs.size} image(s) to read, ${inputs.failed.length} path(s) that cannot be opened`);
	if (inputs.shownAs.size === 0) {
		printTable(inputs.failed);
		if (inputs.temporary) rmSync(inputs.folder, { recursive: true, force: true });
		return;
	}
	// The user's card photos were copied into a temporary folder, and n8n's user folder keeps the
	// execution database and binary data: both go whatever fails from here on.
	let server: Awaited<ReturnType<typeof startLocalServer>> | undefined;
	let n8n: N8nInstance | undefined;
	try {
		const runtime = ensureN8n(process.env.CLOVA_DEMO_N8N === '2' ? '2' : '1');
		const tarball = packNodePackage();
		// Not --quiet: its one log line per request counts the cards read while n8n runs.
		server = await startLocalServer(['--secret', SECRET]);
		const local = server;
		n8n = new N8nInstance(runtime, {
			N8N_RESTRICT_FILE_ACCESS_TO: inputs.folder,
			CLOVA_SAMPLES_GLOB: usingSamples ? `${inputs.folder}/*.{png,jpg}` : `${inputs.folder}/*`,
			N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
		});
		const rows: Row[] = [];
		const instance = n8n;
		await withProgress(`[demo] installing the package into a fresh n8n ${runtime.version} user folder`, instance.installPackage(tarball));
		const example = exampleWorkflow(EXAMPLE);
		await withProgress(
			'[demo] importing the credential and the example workflow',
			(async () => {
				await instance.importJson('credentials', [clovaCredential(LOCAL_CREDENTIAL, local.url, SECRET)]);
				await instance.importJson('workflow', [example]);
			})(),
		);
		const started = Date.now();
		const before = answered(local.output);
		const total = inputs.shownAs.size;
		const result = await withProgress(
			'[demo] running "folder of card images to a spreadsheet" headless',
			instance.execute(example.id),
			() => `${answered(local.output) - before} of ${total} images answered`,
			() => `${answered(local.output) - before} of ${total} images answered`,
		);
		if (!result.ok) throw new Error(`the workflow failed:\n${result.output.slice(-3000)}`);
		const readItems = nodeOutput(result.run, READ_NODE);
		for (const item of nodeOutput(result.run, OCR_NODE)) {
			const file = sourceFile(item, readItems);
			rows.push(rowOf(item, inputs.shownAs.get(file) ?? file));
		}
		rows.push(...inputs.failed);
		console.log(
			`\n${rows.length} files in ${((Date.now() - started) / 1000).toFixed(1)} s (n8n ${runtime.version}, local server ${local.url})\n`,
		);
		printTable(rows);
		printLegend(usingSamples);
	} finally {
		n8n?.dispose();
		await server?.stop();
		if (inputs.temporary) rmSync(inputs.folder, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
