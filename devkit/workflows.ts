/** Workflows as `n8n import:workflow` reads them: the ones tests and the benchmark build, and the examples. */
import { randomUUID } from 'crypto';
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';

import type { CredentialRef } from './credentials';
import { EXAMPLES } from './paths';

export const READ_NODE = 'Read Files';
export const OCR_NODE = 'CLOVA OCR';
export const HTTP_NODE = 'HTTP Request';
export const FLATTEN_NODE = 'Flatten';

export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, CredentialRef>;
	onError?: 'continueRegularOutput';
	disabled?: boolean;
	webhookId?: string;
	/** n8n's Retry On Fail: the whole node runs again, every item of it, up to maxTries times. */
	retryOnFail?: boolean;
	maxTries?: number;
	waitBetweenTries?: number;
}

type NodeSpec = Omit<WorkflowNode, 'id' | 'position'>;

interface Connection {
	node: string;
	type: 'main';
	index: 0;
}

export interface Workflow {
	id: string;
	name: string;
	active: false;
	settings: { executionOrder: 'v1' };
	nodes: WorkflowNode[];
	connections: Record<string, { main: Connection[][] }>;
}

/** Nodes in a row, each feeding the next. */
function chain(id: string, specs: NodeSpec[]): Workflow {
	const nodes = specs.map((spec, index): WorkflowNode => ({ ...spec, id: `${id}-${index}`, position: [index * 220, 0] }));
	const connections: Workflow['connections'] = {};
	for (let i = 0; i + 1 < nodes.length; i++) connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return { id, name: id, active: false, settings: { executionOrder: 'v1' }, nodes, connections };
}

/**
 * A manual trigger, or a webhook at `webhookPath` that answers with every item of the last node
 * once the run ends (so several calls start several executions at once); then every file
 * matching `glob` as one item each with its bytes in `data`.
 */
function readFiles(glob: string, webhookPath?: string): NodeSpec[] {
	const start: NodeSpec =
		webhookPath === undefined
			? { name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} }
			: {
					name: 'Start',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
					webhookId: randomUUID(),
				};
	return [
		start,
		{ name: READ_NODE, type: 'n8n-nodes-base.readWriteFile', typeVersion: 1, parameters: { fileSelector: glob, options: {} } },
	];
}

export interface OcrWorkflowOptions {
	glob: string;
	/** Started by a POST to this webhook path instead of by hand (the workflow must be activated). */
	webhookPath?: string;
	credential: CredentialRef;
	/** multipart is the node's default. */
	mode?: 'multipart' | 'json';
	/** Node parameters beyond the defaults, e.g. an expression in options. */
	parameters?: Record<string, unknown>;
	continueOnFail?: boolean;
	/** The node still in the workflow but skipped: the baseline for memory measurements. */
	disabled?: boolean;
}

/** Read Files -> CLOVA OCR, every parameter at its default unless `options` says otherwise. */
export function ocrWorkflow(id: string, options: OcrWorkflowOptions): Workflow {
	return chain(id, [
		...readFiles(options.glob, options.webhookPath),
		{
			name: OCR_NODE,
			type: 'n8n-nodes-clova-ocr.clovaOcr',
			typeVersion: 1,
			parameters: { ...(options.mode === 'json' ? { requestMode: 'json' } : {}), ...options.parameters },
			// Only the reference: a full credential passed here must not put its secret into the workflow.
			credentials: { clovaOcrApi: { id: options.credential.id, name: options.credential.name } },
			...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			...(options.disabled ? { disabled: true } : {}),
		},
	]);
}

export interface HttpRequestWorkflowOptions {
	glob: string;
	invokeUrl: string;
	secret: string;
	batching?: { size: number; intervalMs: number };
	/** n8n's Retry On Fail on the HTTP Request node (at most 5 tries, at most 5000 ms apart in the editor). */
	retry?: { maxTries: number; waitMs: number };
	/** See OcrWorkflowOptions.webhookPath. */
	webhookPath?: string;
}

/**
 * What the CLOVA docs' curl example becomes in n8n: a multipart POST with the message field
 * and the file, the secret in a header, then a Code node to flatten images[0].creditCard.result
 * (reading `confidence`, or `confidenceScore` which some responses use instead).
 */
export function httpRequestWorkflow(id: string, options: HttpRequestWorkflowOptions): Workflow {
	const message =
		'={{ JSON.stringify({ version: "V2", requestId: $binary.data.fileName, timestamp: 0, images: [{ format: $binary.data.fileExtension, name: $binary.data.fileName }] }) }}';
	const flatten = `return $input.all().map((item) => {
  const image = (item.json.images || [])[0] || {};
  const result = (image.creditCard || {}).result || {};
  const field = (f) => (f ? { text: f.text, confidence: f.confidence ?? f.confidenceScore } : { text: '', confidence: 0 });
  const name = field(result.name), number = field(result.number), validThru = field(result.validThru);
  return { json: { imageName: image.name, inferResult: image.inferResult, name: name.text, number: number.text, validThru: validThru.text,
    nameConfidence: name.confidence, numberConfidence: number.confidence, validThruConfidence: validThru.confidence } };
});`;
	return chain(id, [
		...readFiles(options.glob, options.webhookPath),
		{
			name: HTTP_NODE,
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			parameters: {
				method: 'POST',
				url: options.invokeUrl,
				sendHeaders: true,
				headerParameters: { parameters: [{ name: 'X-OCR-SECRET', value: options.secret }] },
				sendBody: true,
				contentType: 'multipart-form-data',
				bodyParameters: {
					parameters: [
						{ parameterType: 'formData', name: 'message', value: message },
						{ parameterType: 'formBinaryData', name: 'file', inputDataFieldName: 'data' },
					],
				},
				options: options.batching
					? { batching: { batch: { batchSize: options.batching.size, batchInterval: options.batching.intervalMs } } }
					: {},
			},
			...(options.retry ? { retryOnFail: true, maxTries: options.retry.maxTries, waitBetweenTries: options.retry.waitMs } : {}),
		},
		{ name: FLATTEN_NODE, type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { jsCode: flatten } },
	]);
}

/** examples/*.json, sorted. */
export function exampleFiles(): string[] {
	return readdirSync(EXAMPLES)
		.filter((file) => file.endsWith('.json'))
		.sort();
}

/**
 * A stable id per example, so tests, links and screenshots can name it: 16 characters like n8n's
 * own ids, from both ends of the name (mailbox-attachment-to-crm and -to-postgres share a start).
 */
export function exampleId(file: string): string {
	const letters = file.replace(/\.json$/, '').replace(/[^a-z]/gi, '');
	return `ex${letters.slice(0, 8)}${letters.slice(-6)}`;
}

/** An example as committed (the examples carry no id), under its stable id and inactive. */
export function exampleWorkflow(file: string): Record<string, unknown> & { id: string; active: false } {
	const example = JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')) as Record<string, unknown>;
	return { ...example, id: exampleId(file), active: false };
}

export function exampleWorkflows(): Array<Record<string, unknown> & { id: string; active: false }> {
	return exampleFiles().map(exampleWorkflow);
}

export const WEBHOOK_EXAMPLE = 'webhook-upload-answers-fields.json';

/** The parts of a committed example's node that the variants below change. */
interface ExampleNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	webhookId?: string;
}

type ExampleWorkflow = ReturnType<typeof exampleWorkflow> & { nodes: ExampleNode[]; connections: Workflow['connections'] };

/**
 * The webhook example taking many cards per upload, under `id` at webhook path `path`: its nodes
 * as committed, plus a step after the Webhook that makes one item of each uploaded file (the
 * Webhook node puts all of a request's files on one item, data0..dataN, of which the example
 * reads the first), and the answer carrying every item's fields instead of the first item's.
 */
export function webhookBatchWorkflow(id: string, path: string): ExampleWorkflow {
	const example = exampleWorkflow(WEBHOOK_EXAMPLE) as ExampleWorkflow;
	const [upload, ocr, respond] = ['n8n-nodes-base.webhook', 'n8n-nodes-clova-ocr.clovaOcr', 'n8n-nodes-base.respondToWebhook'].map(
		(type) => {
			const node = example.nodes.find((candidate) => candidate.type === type);
			if (!node) throw new Error(`${WEBHOOK_EXAMPLE} has no ${type} node`);
			return node;
		},
	);
	const split: ExampleNode = {
		id: `${id}-split`,
		name: 'One Item Per File',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [110, 160],
		parameters: {
			jsCode:
				'return $input.all().flatMap((item) => Object.entries(item.binary ?? {}).map(([field, file]) => ({ json: { field }, binary: { data: file } })));',
		},
	};
	const link = (node: string): { main: Connection[][] } => ({ main: [[{ node, type: 'main', index: 0 }]] });
	return {
		...example,
		id,
		name: `${String(example.name)} (several files per upload)`,
		// Fresh node and webhook ids: the example itself may be imported beside this variant.
		nodes: [
			{ ...upload, id: `${id}-upload`, webhookId: randomUUID(), parameters: { ...upload.parameters, path } },
			split,
			{ ...ocr, id: `${id}-ocr` },
			{ ...respond, id: `${id}-respond`, parameters: { respondWith: 'allIncomingItems', options: {} } },
		],
		connections: { [upload.name]: link(split.name), [split.name]: link(ocr.name), [ocr.name]: link(respond.name) },
	};
}
