/**
 * The package in a real n8n, installed from its npm tarball the way Settings > Community Nodes
 * installs it, against the local server: `npm run test:e2e`.
 */
import { readFileSync } from 'fs';
import { join } from 'path';

import type { CredentialRef } from '../devkit/credentials';
import { LOCAL_CREDENTIAL, clovaCredential } from '../devkit/credentials';
import { sampleTruth as truth } from '../devkit/fixtures';
import type { RunningServer } from '../devkit/localServer/launch';
import { startLocalServer } from '../devkit/localServer/launch';
import { startEditor } from '../devkit/n8n/editor';
import { N8nInstance } from '../devkit/n8n/instance';
import { nodeOutput } from '../devkit/n8n/runData';
import { N8N_VERSIONS, ensureN8n, n8nMajors, packNodePackage } from '../devkit/n8n/runtime';
import { FIXTURES, SAMPLES } from '../devkit/paths';
import { freePort } from '../devkit/services/ports';
import { exampleId, exampleWorkflows, ocrWorkflow } from '../devkit/workflows';

const SECRET = 'e2e-secret';
const WRONG_KEY: CredentialRef = { id: 'clovaWrongKey01', name: 'wrong secret' };

/** What the examples show: first 6 and last 4 digits, the rest starred. */
function pciMasked(number: string): string {
	return `${number.slice(0, 6)}${'*'.repeat(number.length - 10)}${number.slice(-4)}`;
}

const runtimes = n8nMajors(process.env.CLOVA_E2E_N8N ?? '1,2').map((major) => [N8N_VERSIONS[major], major] as const);

describe.each(runtimes)('n8n %s', (version, major) => {
	let n8n: N8nInstance;
	let server: RunningServer;

	beforeAll(async () => {
		const runtime = ensureN8n(major);
		const tarball = packNodePackage();
		n8n = new N8nInstance(runtime, {
			N8N_RESTRICT_FILE_ACCESS_TO: `${SAMPLES};${FIXTURES}`,
			N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
			CLOVA_SAMPLES_GLOB: `${SAMPLES}/*.{png,jpg}`,
		});
		await n8n.installPackage(tarball);
		server = await startLocalServer(['--secret', SECRET, '--quiet']);
		await n8n.importJson('credentials', [
			clovaCredential(LOCAL_CREDENTIAL, server.url, SECRET),
			clovaCredential(WRONG_KEY, `${server.url}/custom/v1/1/key/document/credit-card`, 'not-the-secret'),
		]);
		// The image name as an expression, so a run also proves the node's options resolve expressions.
		const imageName = { options: { imageName: '={{ $binary.data.fileName }}' } };
		const cards = `${SAMPLES}/*.{png,jpg}`;
		await n8n.importJson('workflow', [
			ocrWorkflow('e2eMultipart0001', { glob: cards, mode: 'multipart', credential: LOCAL_CREDENTIAL, parameters: imageName }),
			ocrWorkflow('e2eJsonMode00001', { glob: cards, mode: 'json', credential: LOCAL_CREDENTIAL, parameters: imageName }),
			ocrWorkflow('e2eWrongSecret01', { glob: `${SAMPLES}/flat-000.png`, credential: WRONG_KEY }),
			ocrWorkflow('e2eNotAnImage001', { glob: `${FIXTURES}/notes.txt`, credential: LOCAL_CREDENTIAL }),
			ocrWorkflow('e2eContinue00001', {
				glob: `${FIXTURES}/{card-visa.png,notes.txt,card-amex.jpg}`,
				credential: LOCAL_CREDENTIAL,
				continueOnFail: true,
			}),
			...exampleWorkflows(),
		]);
	}, 1_800_000);

	afterAll(async () => await server?.stop());

	test.each(['e2eMultipart0001', 'e2eJsonMode00001'])(
		'%s reads every committed sample card exactly',
		async (workflowId) => {
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
		},
		300_000,
	);

	test('a wrong secret stops with the credential error', async () => {
		const result = await n8n.execute('e2eWrongSecret01');
		expect(result.ok).toBe(false);
		expect(result.output).toContain('CLOVA OCR rejected the secret key (code 0002)');
		expect(result.output).not.toContain('not-the-secret');
	}, 300_000);

	test('a text file stops with the input error naming the item', async () => {
		const result = await n8n.execute('e2eNotAnImage001');
		expect(result.ok).toBe(false);
		expect(result.output).toContain(
			'Item 0, binary field \\"data\\": The file is a text file, which CLOVA OCR cannot read'.replace(/\\"/g, '"'),
		);
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
		const result = await n8n.execute(exampleId('folder-batch-to-spreadsheet.json'));
		if (!result.ok) console.log(result.output.slice(-3000));
		expect(result.ok).toBe(true);
		const items = nodeOutput(result.run, 'CLOVA OCR');
		expect(items).toHaveLength(Object.keys(truth).length);
		for (const item of items) {
			const expected = truth[String(item.json.imageName)];
			expect(item.json.number).toBe(pciMasked(expected.number));
		}
		expect(nodeOutput(result.run, 'To Spreadsheet')).toHaveLength(1);
	}, 300_000);

	test('the webhook example answers an uploaded card with its fields', async () => {
		const id = exampleId('webhook-upload-answers-fields.json');
		const activate = version.startsWith('1.') ? ['update:workflow', `--id=${id}`, '--active=true'] : ['publish:workflow', `--id=${id}`];
		const activated = await n8n.cli(activate);
		expect(activated.code).toBe(0);
		// A free port, not a random one; n8n's log kept so a start that fails says why.
		const editor = await startEditor(n8n, {
			port: await freePort(),
			stdio: { file: join(n8n.userFolder, 'editor.log') },
			timeoutMs: 180_000,
		});
		try {
			// The editor answers before every active workflow's webhook is registered.
			const deadline = Date.now() + 60_000;
			let status: number | undefined;
			let body: Record<string, unknown> | undefined;
			const sample = 'flat-001.jpg';
			while (Date.now() < deadline) {
				try {
					const form = new FormData();
					form.append('data', new Blob([readFileSync(join(SAMPLES, sample))], { type: 'image/jpeg' }), sample);
					const answer = await fetch(`${editor.url}/webhook/read-card`, { method: 'POST', body: form });
					status = answer.status;
					const text = await answer.text();
					if (status !== 404 && status !== 503) {
						try {
							body = JSON.parse(text) as Record<string, unknown>;
							break;
						} catch {
							// One clean-clone CI run got a 200 whose body was no JSON ("Unexpected number at
							// position 1") while n8n 2.41.1 was starting; the rerun passed. Shown, then asked again.
							console.log(`webhook answered ${status} with no JSON: ${JSON.stringify(text.slice(0, 120))}`);
						}
					}
				} catch {
					// n8n is still starting
				}
				await new Promise((resolve) => setTimeout(resolve, 1000));
			}
			expect(status).toBe(200);
			expect(body).toBeDefined();
			const expected = truth[sample];
			expect(body).toMatchObject({ name: expected.name, validThru: expected.validThru });
			expect(body?.number).toBe(pciMasked(expected.number));
		} finally {
			await editor.stop();
		}
	}, 300_000);

	test(`runs on n8n ${version}`, () => expect(n8n.runtime.version).toBe(version));
});
