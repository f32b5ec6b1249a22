/**
 * npm run demo: the local server and a real n8n (installed once into a cache folder) read the
 * committed sample cards through the example workflow; prints what came out and stops everything.
 */
import { LOCAL_CREDENTIAL, clovaCredential } from '../devkit/credentials';
import { startLocalServer } from '../devkit/localServer/launch';
import { N8nInstance } from '../devkit/n8n/instance';
import { nodeOutput } from '../devkit/n8n/runData';
import { ensureN8n, packNodePackage } from '../devkit/n8n/runtime';
import { SAMPLES } from '../devkit/paths';
import { OCR_NODE, exampleWorkflow } from '../devkit/workflows';

const SECRET = 'demo-secret';
const EXAMPLE = 'folder-batch-to-spreadsheet.json';

async function main(): Promise<void> {
	const runtime = ensureN8n(process.env.CLOVA_DEMO_N8N === '2' ? '2' : '1');
	const tarball = packNodePackage();
	console.log('[demo] starting the local CLOVA-compatible server');
	const server = await startLocalServer(['--quiet', '--secret', SECRET]);
	try {
		const n8n = new N8nInstance(runtime, {
			N8N_RESTRICT_FILE_ACCESS_TO: SAMPLES,
			CLOVA_SAMPLES_GLOB: `${SAMPLES}/*.{png,jpg}`,
			N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
		});
		console.log(`[demo] installing the package into a fresh n8n ${runtime.version} user folder`);
		await n8n.installPackage(tarball);
		await n8n.importJson('credentials', [clovaCredential(LOCAL_CREDENTIAL, server.url, SECRET)]);
		const example = exampleWorkflow(EXAMPLE);
		await n8n.importJson('workflow', [example]);
		console.log('[demo] running the example workflow "folder of card images to a spreadsheet" headless');
		const started = Date.now();
		const result = await n8n.execute(example.id);
		if (!result.ok) throw new Error(`the workflow failed:\n${result.output}`);
		const items = nodeOutput(result.run, OCR_NODE);
		console.log(
			`\n${items.length} cards in ${((Date.now() - started) / 1000).toFixed(1)} s (n8n ${runtime.version}, local server ${server.url})\n`,
		);
		const rows = items.map((item) => ({
			file: String(item.json.imageName ?? ''),
			name: String(item.json.name ?? item.json.error ?? ''),
			number: String(item.json.number ?? ''),
			validThru: String(item.json.validThru ?? ''),
			confidence: typeof item.json.confidence === 'number' ? item.json.confidence.toFixed(3) : '',
			needsReview: item.json.needsReview === true ? `yes (${(item.json.reviewReasons as string[]).join(', ')})` : 'no',
		}));
		const headers = ['file', 'name', 'number', 'validThru', 'confidence', 'needsReview'] as const;
		const widths = headers.map((h) => Math.max(h.length, ...rows.map((r) => r[h].length)));
		const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
		console.log(line([...headers]));
		console.log(line(widths.map((w) => '-'.repeat(w))));
		for (const row of rows) console.log(line(headers.map((h) => row[h])));
		console.log('\nNumbers are masked PCI-style (first 6 + last 4) by the example workflow.');
	} finally {
		await server.stop();
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
