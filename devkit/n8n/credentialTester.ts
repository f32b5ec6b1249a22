/**
 * The credentials dialog's Test button, in-process: the declarative path of n8n's
 * CredentialsTester (packages/cli/src/services/credentials-tester.service.ts, n8n 1.123), which
 * wraps the credential's `test.request` in a throwaway node and sends it through n8n-core's own
 * RoutingNode, so request options (redirects, status handling, expressions) are n8n's, not ours.
 */
import { ExecuteContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
	Workflow as WorkflowType,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { ClovaOcrApi } from '../../credentials/ClovaOcrApi.credentials';
import type { ClovaCredential } from '../credentials';

export interface TesterResult {
	status: 'OK' | 'Error';
	message: string;
}

const credentialType = new ClovaOcrApi();

/** What n8n's CredentialsHelper.authenticate does with a generic block: resolve each header's expression. */
function authenticate(credentials: ICredentialDataDecryptedObject, request: IHttpRequestOptions, workflow: WorkflowType, node: INode) {
	const headers: IDataObject = { ...(request.headers ?? {}) };
	for (const [name, template] of Object.entries(credentialType.authenticate.properties.headers ?? {})) {
		headers[name] = workflow.expression.getParameterValue(template as string, null, 0, 0, node.name, [], 'internal', {
			$credentials: credentials,
		} as unknown as IDataObject) as string;
	}
	return { ...request, headers };
}

/** lodash's get for a dotted key, as the tester uses it (no @types/lodash here). */
function valueAt(value: unknown, key: string): unknown {
	let current = value;
	for (const part of key.split('.')) {
		if (current === null || current === undefined) return undefined;
		current = (current as Record<string, unknown>)[part];
	}
	return current;
}

/** Runs the credential's declarative test against whatever the Invoke URL points at. */
export async function runCredentialTest(data: ClovaCredential['data']): Promise<TesterResult> {
	const test = credentialType.test;
	const credentialsDecrypted: ICredentialsDecrypted = {
		id: 'cred-test',
		name: 'CLOVA test',
		type: credentialType.name,
		data: data as unknown as ICredentialDataDecryptedObject,
	};
	const nodeType = {
		description: {
			displayName: 'Temp',
			name: 'temp',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Temp' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialType.name, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: test.request }, default: '' }],
		},
	} as unknown as INodeType;
	const nodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'temp',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [credentialType.name]: { id: credentialsDecrypted.id, name: credentialsDecrypted.name } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = {
		credentialsHelper: {
			getParentTypes: () => [],
			preAuthentication: async () => undefined,
			authenticate: async (credentials: ICredentialDataDecryptedObject, _type: string, request: IHttpRequestOptions) =>
				authenticate(credentials, request, workflow, node),
			getDecrypted: async () => credentialsDecrypted.data,
			getCredentialsProperties: () => credentialType.properties,
		},
	} as unknown as IWorkflowExecuteAdditionalData;
	const inputData = { main: [[{ json: {} }]] };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		{ resultData: { runData: {} } } as IRunExecutionData,
		0,
		[],
		inputData,
		{ node, data: {}, source: null },
		[],
	);
	const routingNode = new RoutingNode(context, nodeType, credentialsDecrypted);
	let response: INodeExecutionData[][] | null | undefined;
	// The rest mirrors CredentialsTester.testCredentials after runNode().
	try {
		response = await routingNode.runNode();
	} catch (error) {
		const cause = (error as { cause?: { response?: { status: number; statusText?: string }; code?: string } }).cause;
		if (cause?.response) {
			for (const rule of test.rules ?? []) {
				if (rule.type === 'responseCode' && cause.response.status === rule.properties.value) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (cause.response.status < 199 || cause.response.status > 299) {
				return { status: 'Error', message: cause.response.statusText || `Received HTTP status code: ${cause.response.status}` };
			}
		} else if (cause?.code) {
			return { status: 'Error', message: cause.code };
		}
		return { status: 'Error', message: String((error as Error).message) };
	}
	for (const rule of test.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		if (valueAt(response?.[0]?.[0]?.json, rule.properties.key) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}
