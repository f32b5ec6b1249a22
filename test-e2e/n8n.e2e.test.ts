/**
 * The package in a real n8n, installed from its npm tarball the way Settings > Community Nodes
 * installs it, against the local server: `npm run test:e2e`.
 */
import { spawn } from 'child_process';
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';

import type { N8nRuntime } from '../scripts/e2e/n8nRuntime';
import { ensureN8n1, ensureN8n2, packNodePackage } from '../scripts/e2e/n8nRuntime';
import type { RunningServer } from '../server/test/helpers/startServer';
import { startLocalServer } from '../server/test/helpers/startServer';
import { N8nInstance, nodeOutput } from './n8nInstance';

const ROOT = join(__dirname, '..');
const SAMPLES = join(ROOT, 'server', 'samples');
const FIXTURES = join(ROOT, 'test', 'fixtures');
const SECRET = 'e2e-secret';
const truth = JSON.parse(readFileSync(join(SAMPLES, 'truth.json'), 'utf8')) as Record<string, { name: string; number: string; validThru: string }>;

const VERSIONS = (process.env.CLOVA_E2E_N8N ?? '1,2').split(',');
const runtimes: Array<[string, () => N8nRuntime]> = [
	['1.123.81', ensureN8n1],
	['2.41.1', ensureN8n2],
].filter(([version]) => VERSIONS.includes(version.split('.')[0])) as Array<[string, () => N8nRuntime]>;

function credential(id: string, name: string, invokeUrl: string, secretKey: string) {
	return { id, name, type: 'clovaOcrApi', data: { invokeUrl, secretKey } };
}

function ocrWorkflow(id: string, options: { glob: string; mode: 'multipart' | 'json'; credentialId: string; continueOnFail?: boolean }) {
	return {
		id,
		name: `e2e ${id}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ parameters: {}, id: `${id}-1`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] },
			{ parameters: { fileSelector: options.glob, options: {} }, id: `${id}-2`, name: 'Read Card Images', type: 'n8n-nodes-base.readWriteFile', typeVersion: 1, position: [220, 0] },
			{
				parameters: { binaryPropertyName: 'data', requestMode: options.mode, simplify: true, options: { imageName: '={{ $binary.data.fileName }}' } },
				id: `${id}-3`,
				name: 'CLOVA OCR',
				type: 'n8n-nodes-clova-ocr.clovaOcr',
				typeVersion: 1,
				position: [440, 0],
				credentials: { clovaOcrApi: { id: options.credentialId, name: options.credentialId } },
				...(options.continueOnFail ? { onError: 'continueRegularOutput' } : {}),
			},
		],
		connections: {
			Start: { main: [[{ node: 'Read Card Images', type: 'main', index: 0 }]] },
			'Read Card Images': { main: [[{ node: 'CLOVA OCR', type: 'main', index: 0 }]] },
		},
	};
}

describe.each(runtimes)('n8n %s', (version, ensure) => {
	let n8n: N8nInstance;
	let server: RunningServer;

	beforeAll(async () => {
		const runtime = ensure();
		const tarball = packNodePackage(ROOT, join(ROOT, '.cache', 'pack'));
		n8n = new N8nInstance(runtime, {
			N8N_RESTRICT_FILE_ACCESS_TO: `${SAMPLES};${FIXTURES}`,
			N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
			CLOVA_SAMPLES_GLOB: `${SAMPLES}/*.{png,jpg}`,
		});
		await n8n.installPackage(tarball);
		server = await startLocalServer(['--secret', SECRET, '--quiet']);
		await n8n.importJson('credentials', [
			credential('clovaLocal0001', 'CLOVA OCR (local server)', server.url, SECRET),
			credential('clovaWrongKey01', 'wrong secret', `${server.url}/custom/v1/1/key/document/credit-card`, 'not-the-secret'),
		]);
		await n8n.importJson('workflow', [
			ocrWorkflow('e2eMultipart0001', { glob: `${SAMPLES}/*.{png,jpg}`, mode: 'multipart', credentialId: 'clovaLocal0001' }),
			ocrWorkflow('e2eJsonMode00001', { glob: `${SAMPLES}/*.{png,jpg}`, mode: 'json', credentialId: 'clovaLocal0001' }),
			ocrWorkflow('e2eWrongSecret01', { glob: `${SAMPLES}/flat-000.png`, mode: 'multipart', credentialId: 'clovaWrongKey01' }),
			ocrWorkflow('e2eNotAnImage001', { glob: `${FIXTURES}/notes.txt`, mode: 'multipart', credentialId: 'clovaLocal0001' }),
			ocrWorkflow('e2eContinue00001', { glob: `${FIXTURES}/{card-visa.png,notes.txt,card-amex.jpg}`, mode: 'multipart', credentialId: 'clovaLocal0001', continueOnFail: true }),
		]);
		for (const file of readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.json'))) {
			const example = JSON.parse(readFileSync(join(ROOT, 'examples', file), 'utf8')) as Record<string, unknown>;
			await n8n.importJson('workflow', [{ ...example, id: `example${file.length}${file.slice(0, 6).replace(/\W/g, '')}`, active: false }]);
		}
	}, 1_800_000);

	afterAll(async () => await server?.stop());

	test.each(['e2eMultipart0001', 'e2eJsonMode00001'])('%s reads every committed sample card exactly', async (workflowId) => {
		const result = await n8n.execute(workflowId);
		if (!result.ok) console.log(result.output.slice(-3000));
		expect(result.output).not.toContain(SECRET);
		expect(result.ok).toBe(true);
		const items = nodeOutput(result.run, 'CLOVA OCR');
		expect(items).toHaveLength(Object.keys(truth).length);
		for (const [index, item] of items.entries()) {
			const expected = truth[String(item.json.imageName)];
			expect(expected).toBeDefined();
			expect({ name: item.json.name, number: item.json.number, validThru: item.json.validThru }).toEqual({
				name: expected.name,
				number: expected.number,
				validThru: expected.validThru,
			});
			expect(item.pairedItem).toEqual({ item: index });
		}
	}, 300_000);

	test('a wrong secret stops with the credential error', async () => {
		const result = await n8n.execute('e2eWrongSecret01');
		expect(result.ok).toBe(false);
		expect(result.output).toContain('CLOVA OCR rejected the secret key (code 0002)');
		expect(result.output).not.toContain('not-the-secret');
	}, 300_000);

	test('a text file stops with the input error naming the item', async () => {
		const result = await n8n.execute('e2eNotAnImage001');
		expect(result.ok).toBe(false);
		expect(result.output).toContain('Item 0, binary field \\"data\\": The file is a text file, which CLOVA OCR cannot read'.replace(/\\"/g, '"'));
	}, 300_000);

	test('Continue On Fail gives error items paired to their inputs', async () => {
		const result = await n8n.execute('e2eContinue00001');
		if (!result.ok) console.log(result.output.slice(-3000));
		expect(result.ok).toBe(true);
		const items = nodeOutput(result.run, 'CLOVA OCR');
		expect(items).toHaveLength(3);
		items.forEach((item, index) => expect(item.pairedItem).toEqual({ item: index }));
		const failed = items.filter((item) => item.json.errorCode === 'INVALID_INPUT');
		expect(failed).toHaveLength(1);
		expect(String(failed[0].json.error)).toContain('The file is a text file');
	}, 300_000);

	test('the examples were imported', async () => {
		const listed = await n8n.cli(['list:workflow']);
		if (!listed.stdout.includes('CLOVA')) console.log(listed.stdout.slice(-2000), listed.stderr.slice(-2000));
		expect(listed.stdout).toContain('CLOVA OCR: folder of card images to a spreadsheet');
		expect(listed.stdout).toContain('CLOVA OCR: card photos from a mailbox to a CRM sheet, with review');
		expect(listed.stdout).toContain('CLOVA OCR: upload a card image to a webhook, get the fields back');
	}, 120_000);

	test('the folder batch example runs: every sample read, numbers PCI-masked, a CSV made', async () => {
		const file = 'folder-batch-to-spreadsheet.json';
		const result = await n8n.execute(`example${file.length}${file.slice(0, 6).replace(/\W/g, '')}`);
		if (!result.ok) console.log(result.output.slice(-3000));
		expect(result.ok).toBe(true);
		const items = nodeOutput(result.run, 'CLOVA OCR');
		expect(items).toHaveLength(Object.keys(truth).length);
		for (const item of items) {
			const expected = truth[String(item.json.imageName)];
			expect(item.json.number).toBe(`${expected.number.slice(0, 6)}${'*'.repeat(expected.number.length - 10)}${expected.number.slice(-4)}`);
		}
		expect(nodeOutput(result.run, 'To Spreadsheet')).toHaveLength(1);
	}, 300_000);

	test('the webhook example answers an uploaded card with its fields', async () => {
		const file = 'webhook-upload-answers-fields.json';
		const id = `example${file.length}${file.slice(0, 6).replace(/\W/g, '')}`;
		const activate = version.startsWith('1.') ? ['update:workflow', `--id=${id}`, '--active=true'] : ['publish:workflow', `--id=${id}`];
		const activated = await n8n.cli(activate);
		expect(activated.code).toBe(0);
		const port = 5900 + Math.floor(Math.random() * 500);
		const editor = spawn(n8n.runtime.node, [n8n.runtime.n8nBin, 'start'], {
			cwd: n8n.userFolder,
			env: { ...n8n.environment(), N8N_PORT: String(port), N8N_LISTEN_ADDRESS: '127.0.0.1' },
			stdio: 'ignore',
		});
		try {
			const base = `http://127.0.0.1:${port}`;
			const deadline = Date.now() + 120_000;
			let answer: Response | undefined;
			const sample = 'flat-001.jpg';
			while (Date.now() < deadline) {
				try {
					const form = new FormData();
					form.append('data', new Blob([readFileSync(join(SAMPLES, sample))], { type: 'image/jpeg' }), sample);
					answer = await fetch(`${base}/webhook/read-card`, { method: 'POST', body: form });
					if (answer.status !== 404 && answer.status !== 503) break;
				} catch {
					// n8n is still starting
				}
				await new Promise((resolve) => setTimeout(resolve, 1000));
			}
			expect(answer?.status).toBe(200);
			const body = (await answer?.json()) as Record<string, unknown>;
			const expected = truth[sample];
			expect(body).toMatchObject({ name: expected.name, validThru: expected.validThru });
			expect(body.number).toBe(`${expected.number.slice(0, 6)}${'*'.repeat(expected.number.length - 10)}${expected.number.slice(-4)}`);
		} finally {
			const exited = new Promise((resolve) => editor.once('exit', resolve));
			editor.kill('SIGTERM');
			await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
		}
	}, 300_000);

	test(`runs on n8n ${version}`, () => expect(n8n.runtime.version).toBe(version));
});
