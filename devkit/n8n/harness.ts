/**
 * Runs the node's execute() inside n8n-core's own ExecuteContext, with n8n's BinaryDataService in
 * filesystem mode: binary items carry only an id, as on n8n 2.x, so the node must read the bytes
 * through the helpers exactly as it does in production.
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const userFolder = mkdtempSync(join(tmpdir(), 'clova-n8n-'));
process.env.N8N_USER_FOLDER = userFolder;
process.env.N8N_DEFAULT_BINARY_DATA_MODE = 'filesystem';
process.env.N8N_AVAILABLE_BINARY_DATA_MODES = 'filesystem';
process.env.N8N_ENCRYPTION_KEY = 'test-encryption-key';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'false';

import { Container } from '@n8n/di';
import { BinaryDataService, ExecuteContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteData,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { ClovaOcrApi } from '../../credentials/ClovaOcrApi.credentials';
import type { ClovaCredential } from '../credentials';
import { ClovaOcr } from '../../nodes/ClovaOcr/ClovaOcr.node';

export const NODE_TYPE = 'n8n-nodes-clova-ocr.clovaOcr';
const WORKFLOW_ID = 'wf-test';
const EXECUTION_ID = 'exec-test';

let binaryReady: Promise<BinaryDataService> | undefined;

async function binaryDataService(): Promise<BinaryDataService> {
	binaryReady ??= (async () => {
		const service = Container.get(BinaryDataService);
		await service.init();
		return service;
	})();
	return await binaryReady;
}

export interface BinaryInput {
	data: Buffer;
	fileName?: string;
	mimeType?: string;
}

/** Stores files the way n8n's filesystem mode does and returns items that reference them by id. */
export async function binaryItems(files: Array<BinaryInput | Record<string, BinaryInput>>, field = 'data'): Promise<INodeExecutionData[]> {
	const service = await binaryDataService();
	const items: INodeExecutionData[] = [];
	for (const [index, file] of files.entries()) {
		const fields: Record<string, BinaryInput> =
			'data' in file && Buffer.isBuffer(file.data) ? { [field]: file as BinaryInput } : (file as Record<string, BinaryInput>);
		const binary: INodeExecutionData['binary'] = {};
		for (const [name, input] of Object.entries(fields)) {
			const extension = input.fileName?.split('.').pop();
			binary[name] = await service.store({ type: 'execution', workflowId: WORKFLOW_ID, executionId: EXECUTION_ID }, input.data, {
				data: 'filesystem',
				mimeType: input.mimeType ?? 'application/octet-stream',
				fileName: input.fileName,
				fileExtension: extension,
			});
		}
		items.push({ json: { index }, binary });
	}
	return items;
}

const nodeTypes: INodeTypes = {
	getByName: () => new ClovaOcr() as INodeType,
	getByNameAndVersion: () => new ClovaOcr() as INodeType,
	getKnownTypes: () => ({}),
} as unknown as INodeTypes;

const credentialType = new ClovaOcrApi();

/** Applies the credential's IAuthenticateGeneric block as n8n's CredentialsHelper does. */
function authenticate(credentials: ICredentialDataDecryptedObject, request: IHttpRequestOptions): IHttpRequestOptions {
	const headers: IDataObject = { ...(request.headers ?? {}) };
	for (const [name, template] of Object.entries(credentialType.authenticate.properties.headers ?? {})) {
		headers[name] = String(template).replace(/^=\{\{\s*\$credentials\.(\w+)\s*\}\}$/, (_, key: string) => String(credentials[key] ?? ''));
	}
	return { ...request, headers };
}

export interface RunOptions {
	parameters?: INodeParameters;
	credentials: ClovaCredential['data'];
	continueOnFail?: boolean;
	/** The execution's cancel signal, as n8n passes it when a run is stopped. */
	cancelSignal?: AbortSignal;
	/** The node's type name: `${NODE_TYPE}Tool` is how n8n runs it as an AI Agent's tool. */
	nodeType?: string;
	/** Workflow settings, e.g. n8n 2.x's `binaryMode: 'combined'`. */
	settings?: IDataObject;
}

function workflowFor(node: INode, settings?: IDataObject): Workflow {
	return new Workflow({ id: WORKFLOW_ID, nodes: [node], connections: {}, active: false, nodeTypes, settings });
}

function additionalData(credentials: ICredentialDataDecryptedObject): IWorkflowExecuteAdditionalData {
	return {
		executionId: EXECUTION_ID,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		variables: {},
		credentialsHelper: {
			getParentTypes: () => [],
			preAuthentication: async () => undefined,
			authenticate: async (creds: ICredentialDataDecryptedObject, _type: string, request: IHttpRequestOptions) =>
				authenticate(creds, request),
			getDecrypted: async () => credentials,
			getCredentials: async () => credentials,
			updateCredentials: async () => undefined,
			updateCredentialsOauthTokenData: async () => undefined,
			getCredentialsProperties: () => credentialType.properties,
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** Executes the CLOVA OCR node once over `items`, through n8n-core's ExecuteContext. */
export async function runNode(items: INodeExecutionData[], options: RunOptions): Promise<INodeExecutionData[]> {
	await binaryDataService();
	const node: INode = {
		id: 'node-1',
		name: 'CLOVA OCR',
		type: options.nodeType ?? NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {
			operation: 'recognizeCreditCard',
			binaryPropertyName: 'data',
			requestMode: 'multipart',
			simplify: true,
			options: {},
			...(options.parameters ?? {}),
		},
		credentials: { clovaOcrApi: { id: 'cred-1', name: 'CLOVA test' } },
		onError: options.continueOnFail ? 'continueRegularOutput' : 'stopWorkflow',
	};
	const workflow = workflowFor(node, options.settings);
	const runExecutionData: IRunExecutionData = { resultData: { runData: {} } } as IRunExecutionData;
	const executeData: IExecuteData = { node, data: { main: [items] }, source: null };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData(options.credentials as ICredentialDataDecryptedObject),
		'manual',
		runExecutionData,
		0,
		items,
		{ main: [items] },
		executeData,
		[],
		options.cancelSignal,
	);
	const result = await new ClovaOcr().execute.call(context);
	return result[0];
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/**
 * Runs the credential's declarative `test` the way n8n's credentials tester does: resolve the
 * request's expressions against the credentials, send it authenticated, then apply the rules.
 */
export async function testCredentials(credentials: ClovaCredential['data']): Promise<CredentialTestResult> {
	const node: INode = { id: 'cred-test', name: 'Temp-Node', type: NODE_TYPE, typeVersion: 1, position: [0, 0], parameters: {} };
	const workflow = workflowFor(node);
	const test = credentialType.test;
	const url = workflow.expression.getParameterValue(test.request.url as string, null, 0, 0, node.name, [], 'internal', {
		$credentials: credentials,
	} as unknown as IDataObject) as string;
	const items = [{ json: {} }];
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData(credentials as unknown as ICredentialDataDecryptedObject),
		'internal',
		{ resultData: { runData: {} } } as IRunExecutionData,
		0,
		items,
		{ main: [items] },
		{ node, data: { main: [items] }, source: null },
		[],
	);
	let body: IDataObject;
	try {
		body = (await context.helpers.httpRequest(
			authenticate(credentials as unknown as ICredentialDataDecryptedObject, { ...(test.request as IHttpRequestOptions), url }),
		)) as IDataObject;
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
	for (const rule of test.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		// n8n reads the key with lodash's get: a dotted path, into strings too (`code.3`).
		const value = rule.properties.key
			.split('.')
			.reduce<unknown>((at, key) => (at === null || at === undefined ? undefined : (at as IDataObject)[key]), body);
		if (value === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection tested successfully' };
}
