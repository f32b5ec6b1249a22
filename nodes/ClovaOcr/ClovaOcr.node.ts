import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { loadImageSource } from './binaryInput';
import { nodeProperties } from './description';
import { ImageFormatError, resolveImageFormat } from './imageFormat';
import { InvokeUrlError, creditCardEndpoint } from './invokeUrl';
import type { NodeOptions } from './itemParameters';
import { itemParameterReader } from './itemParameters';
import { AdaptiveLimiter, DEFAULT_RETRY_POLICY, callWithRetries, mapInOrder } from './requestScheduler';
import { recognizedImage, simplifyImageResult } from './simplifyResult';
import { ClovaCallError, CREDENTIAL_NAME, postCreditCard } from './transport';

type NodeError = NodeApiError | NodeOperationError;

type ItemOutcome = { json: IDataObject } | { error: NodeError; errorCode: string } | { skipped: true };

function toNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof ClovaCallError) {
		// Not under a key NodeApiError reads as a status (code, errorCode...): it would swap our message for a generic one.
		const safe: JsonObject = { message: error.message, failureCode: error.code, kind: error.kind };
		if (error.httpStatus !== undefined) safe.httpCode = String(error.httpStatus);
		if (error.serviceMessage !== undefined) safe.serviceMessage = error.serviceMessage;
		if (error.kind === 'inference') {
			return new NodeOperationError(ctx.getNode(), error.message, { itemIndex, description: error.description });
		}
		return new NodeApiError(ctx.getNode(), safe, {
			itemIndex,
			message: error.message,
			description: error.description,
			httpCode: error.httpStatus !== undefined ? String(error.httpStatus) : undefined,
		});
	}
	if (error instanceof InvokeUrlError || error instanceof ImageFormatError) {
		return new NodeOperationError(ctx.getNode(), error.message, { itemIndex, description: error.description });
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(ctx.getNode(), message, { itemIndex });
}

/** A stable code for If/Switch nodes: CLOVA's own code where there is one. */
function errorCodeOf(error: unknown): string {
	if (error instanceof ClovaCallError) return error.code;
	if (error instanceof InvokeUrlError) return 'INVALID_CREDENTIALS';
	return 'INVALID_INPUT';
}

export class ClovaOcr implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CLOVA OCR',
		name: 'clovaOcr',
		icon: 'file:clovaOcr.svg',
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] === "recognizeCreditCard" ? "Recognize Credit Card" : $parameter["operation"] }}',
		description: 'Read credit cards (name, number, valid thru) with NAVER CLOVA OCR or a local CLOVA-compatible server',
		defaults: {
			name: 'CLOVA OCR',
		},
		usableAsTool: true,
		inputs: ['main'],
		outputs: ['main'],
		credentials: [
			{
				name: CREDENTIAL_NAME,
				required: true,
			},
		],
		properties: nodeProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		if (items.length === 0) return [[]];

		const credentials = await this.getCredentials(CREDENTIAL_NAME);
		const secretKey = typeof credentials.secretKey === 'string' ? credentials.secretKey : '';
		let endpoint: string | InvokeUrlError;
		try {
			endpoint = creditCardEndpoint(credentials.invokeUrl);
		} catch (error) {
			if (!(error instanceof InvokeUrlError)) throw error;
			endpoint = error;
		}

		// Pool size and retry budget describe the whole batch, so they come from the first item.
		const batchOptions = this.getNodeParameter('options', 0, {}) as NodeOptions;
		const concurrency = Math.max(1, Math.floor(batchOptions.concurrency ?? 10));
		const policy = { ...DEFAULT_RETRY_POLICY, maxRetries: Math.max(0, Math.floor(batchOptions.maxRetries ?? 4)) };
		const limiter = new AdaptiveLimiter(concurrency);
		const continueOnFail = this.continueOnFail();
		const cancelSignal = this.getExecutionCancelSignal?.();
		const now = new Date();
		let stopped = false;

		const parametersOf = itemParameterReader(this);

		const processItem = async (itemIndex: number): Promise<IDataObject> => {
			if (endpoint instanceof InvokeUrlError) throw endpoint;
			const { binaryPropertyName, requestMode, simplify, options } = parametersOf(itemIndex);

			const image = await loadImageSource(this, items[itemIndex], binaryPropertyName, itemIndex);
			let format;
			try {
				format = resolveImageFormat(image.head, options.imageFormat ?? 'auto', image);
			} catch (error) {
				if (error instanceof ImageFormatError) {
					throw new NodeOperationError(
						this.getNode(),
						`Item ${itemIndex}, binary field "${binaryPropertyName}": ${error.message}`,
						{ itemIndex, description: error.description },
					);
				}
				throw error;
			}
			const imageName = (options.imageName ?? '').trim() || image.fileName || `image-${itemIndex}`;
			const { requestId, response } = await callWithRetries(
				limiter,
				policy,
				async () =>
					await postCreditCard(this, {
						endpoint,
						secretKey,
						mode: requestMode,
						format,
						imageName,
						timeoutMs: Math.round((options.timeout ?? 60) * 1000),
						image,
					}),
				() => cancelSignal?.aborted === true,
			);

			if (!simplify) return response as IDataObject;
			const result = recognizedImage(response, itemIndex);
			return simplifyImageResult(result, {
				maskNumber: options.maskNumber ?? 'asReturned',
				confidenceThreshold: options.confidenceThreshold ?? 0.9,
				includeBoundingPolys: options.includeBoundingPolys === true,
				includeRawResponse: options.includeRawResponse === true,
				requestId,
				now,
			});
		};

		const outcomes = await mapInOrder<ItemOutcome>(items.length, concurrency, async (itemIndex) => {
			if (stopped) return { skipped: true };
			try {
				return { json: await processItem(itemIndex) };
			} catch (error) {
				if (!continueOnFail) stopped = true;
				return { error: toNodeError(this, error, itemIndex), errorCode: errorCodeOf(error) };
			}
		});

		const output: INodeExecutionData[] = [];
		for (const [itemIndex, outcome] of outcomes.entries()) {
			if ('skipped' in outcome) continue;
			const keepBinary = parametersOf(itemIndex).options.keepBinary === true;
			const binary = keepBinary ? items[itemIndex].binary : undefined;
			if ('error' in outcome) {
				if (!continueOnFail) throw outcome.error;
				output.push({
					json: {
						error: outcome.error.message,
						errorCode: outcome.errorCode,
						errorDescription: outcome.error.description ?? null,
					},
					...(binary ? { binary } : {}),
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			output.push({ json: outcome.json, ...(binary ? { binary } : {}), pairedItem: { item: itemIndex } });
		}
		return [output];
	}
}
