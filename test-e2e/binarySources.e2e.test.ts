/**
 * The node's inputs in a real n8n, installed from its tarball: the Input Binary Field given a file
 * object (`{{ $binary.data }}`), a mail's attachments by `attachment_*`, n8n 2.x's binary mode
 * `combined` (files under `$json._files`), and the node as an AI Agent tool reading an Image URL,
 * run through n8n's own tool path (Tool Executor: the tool object createNodeAsTool builds, invoked
 * as an agent invokes it) with no language model. Against the local server: `npm run test:e2e`.
 */
import type { CredentialRef } from '../devkit/credentials';
import { LOCAL_CREDENTIAL, clovaCredential } from '../devkit/credentials';
import { sampleTruth as truth } from '../devkit/fixtures';
import { ImageHost } from '../devkit/imageHost';
import type { RunningServer } from '../devkit/localServer/launch';
import { startLocalServer } from '../devkit/localServer/launch';
import { N8nInstance } from '../devkit/n8n/instance';
import type { ExecutionRun } from '../devkit/n8n/runData';
import { nodeOutput, resultDataOf } from '../devkit/n8n/runData';
import { N8N_VERSIONS, ensureN8n, n8nMajors, packNodePackage } from '../devkit/n8n/runtime';
import { SAMPLES } from '../devkit/paths';

const SECRET = 'e2e-sources-secret';
const OCR = 'CLOVA OCR';
const OCR_TYPE = 'n8n-nodes-clova-ocr.clovaOcr';
const TOOL_SAMPLE = 'flat-000.png';
const MAIL_SAMPLES = ['flat-000.png', 'flat-001.jpg'];

interface Node {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, CredentialRef>;
}

type Connections = Record<string, Record<string, Array<Array<{ node: string; type: string; index: number }>>>>;

function workflow(
	id: string,
	nodes: Array<Omit<Node, 'id' | 'position'>>,
	connections: Connections,
	settings: Record<string, unknown> = {},
) {
	return {
		id,
		name: id,
		active: false,
		settings: { executionOrder: 'v1', ...settings },
		nodes: nodes.map((node, index): Node => ({ ...node, id: `${id}-${index}`, position: [index * 220, 0] })),
		connections,
	};
}

const start = { name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} };
const readFiles = (glob: string) => ({
	name: 'Read Files',
	type: 'n8n-nodes-base.readWriteFile',
	typeVersion: 1,
	parameters: { fileSelector: glob, options: {} },
});
const ocr = (parameters: Record<string, unknown>, type = OCR_TYPE) => ({
	name: OCR,
	type,
	typeVersion: 1,
	parameters,
	credentials: { clovaOcrApi: { id: LOCAL_CREDENTIAL.id, name: LOCAL_CREDENTIAL.name } },
});
const main = (from: string, to: string): Connections => ({ [from]: { main: [[{ node: to, type: 'main', index: 0 }]] } });
const line = (...names: string[]): Connections => Object.assign({}, ...names.slice(1).map((name, i) => main(names[i], name)));

/** What the examples show: first 6 and last 4 digits, the rest starred. */
function pciMasked(number: string): string {
	return `${number.slice(0, 6)}${'*'.repeat(number.length - 10)}${number.slice(-4)}`;
}

const runtimes = n8nMajors(process.env.CLOVA_E2E_N8N ?? '1,2').map((major) => [N8N_VERSIONS[major], major] as const);

describe.each(runtimes)('n8n %s: binary sources and tool use', (version, major) => {
	let n8n: N8nInstance;
	let server: RunningServer;
	const host = new ImageHost(SAMPLES);
	let hostUrl: string;

	async function run(id: string): Promise<ExecutionRun | undefined> {
		const result = await n8n.execute(id);
		// n8n's error output ends in stack traces: its message lines say what went wrong.
		if (!result.ok)
			console.log(
				result.output
					.split('\n')
					.filter((l) => /"(message|description)"|Error/.test(l))
					.slice(0, 20)
					.join('\n'),
			);
		expect(result.output).not.toContain(SECRET);
		expect(result.ok).toBe(true);
		return result.run;
	}

	beforeAll(async () => {
		const runtime = ensureN8n(major);
		const tarball = packNodePackage();
		n8n = new N8nInstance(runtime, { N8N_RESTRICT_FILE_ACCESS_TO: SAMPLES });
		await n8n.installPackage(tarball);
		server = await startLocalServer(['--secret', SECRET, '--quiet']);
		hostUrl = await host.start();
		await n8n.importJson('credentials', [clovaCredential(LOCAL_CREDENTIAL, server.url, SECRET)]);
		const toolArguments = { imageUrl: `${hostUrl}/cards/${TOOL_SAMPLE}` };
		// A mail as the Gmail and IMAP nodes give it: one item, attachment_0 and attachment_1.
		const toMail =
			'return [{ json: { subject: "cards" }, binary: Object.fromEntries($input.all().map((item, index) => [`attachment_${index}`, item.binary.data])) }];';
		await n8n.importJson('workflow', [
			workflow(
				'e2eSrcObject0001',
				[start, readFiles(`${SAMPLES}/${TOOL_SAMPLE}`), ocr({ binaryPropertyName: '={{ $binary.data }}' })],
				line('Start', 'Read Files', OCR),
			),
			workflow(
				'e2eSrcAttach0001',
				[
					start,
					readFiles(`${SAMPLES}/{${MAIL_SAMPLES.join(',')}}`),
					{ name: 'To Mail', type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { jsCode: toMail } },
					ocr({ binaryPropertyName: 'attachment_*' }),
				],
				line('Start', 'Read Files', 'To Mail', OCR),
			),
			workflow('e2eSrcCombined01', [start, readFiles(`${SAMPLES}/${TOOL_SAMPLE}`), ocr({})], line('Start', 'Read Files', OCR), {
				binaryMode: 'combined',
			}),
			workflow(
				'e2eSrcToolExec01',
				[
					start,
					{
						name: 'Tool Executor',
						type: '@n8n/n8n-nodes-langchain.toolExecutor',
						typeVersion: 1,
						// What an agent's model would answer: the $fromAI arguments, which n8n 2.x's Tool Executor takes under the tool's name (its node's name).
						parameters: { query: JSON.stringify(major === '1' ? toolArguments : { CLOVA_OCR: toolArguments }), toolName: '' },
					},
					// The image host runs on 127.0.0.1, which a tool reaches only with Allow Local Addresses on.
					ocr(
						{
							imageSource: 'url',
							imageUrl: "={{ $fromAI('imageUrl', 'https URL of the card image', 'string') }}",
							options: { allowLocalAddresses: true },
						},
						`${OCR_TYPE}Tool`,
					),
				],
				{ ...main('Start', 'Tool Executor'), [OCR]: { ai_tool: [[{ node: 'Tool Executor', type: 'ai_tool', index: 0 }]] } },
			),
		]);
	}, 1_800_000);

	afterAll(async () => {
		await host.stop();
		await server?.stop();
	});

	test('the Input Binary Field takes the file itself: {{ $binary.data }}', async () => {
		const items = nodeOutput(await run('e2eSrcObject0001'), OCR);
		expect(items).toHaveLength(1);
		const expected = truth[TOOL_SAMPLE];
		expect(items[0].json).toMatchObject({
			binaryPropertyName: 'data',
			name: expected.name,
			number: expected.number,
			validThru: expected.validThru,
		});
	}, 300_000);

	test('a mail with two attachments: attachment_* reads both, each output item names its attachment', async () => {
		const items = nodeOutput(await run('e2eSrcAttach0001'), OCR);
		expect(items.map((item) => [item.json.binaryPropertyName, item.json.number, item.pairedItem])).toEqual(
			MAIL_SAMPLES.map((sample, index) => [`attachment_${index}`, truth[sample].number, { item: 0 }]),
		);
	}, 300_000);

	// n8n 1.x has no binary mode `combined` (no Execution Logic v2, no BINARY_MODE_COMBINED in n8n-workflow 1.123).
	(major === '2' ? test : test.skip)(
		'binary mode combined (Execution Logic v2): the default field reads the file under $json._files',
		async () => {
			const ran = await run('e2eSrcCombined01');
			// The mode was on: Read Files' item carried its file in its JSON.
			expect(nodeOutput(ran, 'Read Files')[0].json._files).toBeDefined();
			const items = nodeOutput(ran, OCR);
			expect(items[0].json).toMatchObject({ binaryPropertyName: '_files.data', number: truth[TOOL_SAMPLE].number });
		},
		300_000,
	);

	test('as an AI Agent tool: the model gives an image URL, the tool answers with the card, number PCI-masked', async () => {
		host.reset();
		const ran = await run('e2eSrcToolExec01');
		expect(host.requested).toEqual([`/cards/${TOOL_SAMPLE}`]);
		const toolRun = resultDataOf(ran)?.runData[OCR]?.[0] as
			{ data?: { ai_tool?: Array<Array<{ json: { response?: unknown } }>> } } | undefined;
		const response = toolRun?.data?.ai_tool?.[0]?.[0]?.json.response as Array<Record<string, unknown>>;
		const expected = truth[TOOL_SAMPLE];
		expect(response).toHaveLength(1);
		expect(response[0]).toMatchObject({
			name: expected.name,
			number: pciMasked(expected.number),
			imageUrl: `${hostUrl}/cards/${TOOL_SAMPLE}`,
		});
		// What the agent's model reads: the Tool Executor's output is the tool's answer as the model gets it.
		const answer = JSON.stringify(nodeOutput(ran, 'Tool Executor'));
		expect(answer).toContain(pciMasked(expected.number));
		expect(answer).not.toContain(expected.number);
	}, 300_000);

	test(`runs on n8n ${version}`, () => expect(n8n.runtime.version).toBe(version));
});
