import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { Batch } from './batch';
import { endpointFor } from './batch';
import type { ImageSource } from './binaryInput';
import { imageFormatOf, loadImageSource } from './binaryInput';
import { ClovaCallError, nodeApiErrorOf } from './clovaCallError';
import { ItemFailure } from './itemFailure';
import type { NodeOptions } from './itemParameters';
import { callWithRetries } from './requestScheduler';
import { recognizedImage, simplifyImageResult } from './simplifyResult';
import type { CallPlan, CallResult } from './transport';
import { postCreditCard } from './transport';

function imageNameOf(options: NodeOptions, image: ImageSource, itemIndex: number): string {
	return (options.imageName ?? '').trim() || image.fileName || `image-${itemIndex}`;
}

/** One call under the batch's pool and retry budget; a failure that outlasts the retries fails the item. */
async function callCreditCard(batch: Batch, plan: CallPlan, itemIndex: number): Promise<CallResult> {
	try {
		return await callWithRetries(batch.limiter, batch.policy, async () => await postCreditCard(batch.ctx, plan), batch.isCancelled);
	} catch (error) {
		if (!(error instanceof ClovaCallError)) throw error;
		throw new ItemFailure(nodeApiErrorOf(batch.ctx.getNode(), error, itemIndex), error.code);
	}
}

/** One input item, from its binary field to its output JSON. */
export async function recognizeItem(batch: Batch, item: INodeExecutionData, itemIndex: number): Promise<IDataObject> {
	const endpoint = endpointFor(batch, itemIndex);
	const { binaryPropertyName, requestMode, simplify, options } = batch.parametersOf(itemIndex);
	const image = await loadImageSource(batch.ctx, item, binaryPropertyName, itemIndex);
	const format = imageFormatOf(batch.ctx, image, options.imageFormat ?? 'auto', binaryPropertyName, itemIndex);
	const { requestId, response } = await callCreditCard(
		batch,
		{
			endpoint,
			secretKey: batch.secretKey,
			mode: requestMode,
			format,
			imageName: imageNameOf(options, image, itemIndex),
			timeoutMs: Math.round((options.timeout ?? 60) * 1000),
			image,
		},
		itemIndex,
	);
	if (!simplify) return response as IDataObject;
	return simplifyImageResult(recognizedImage(batch.ctx.getNode(), response, itemIndex), {
		maskNumber: options.maskNumber ?? 'asReturned',
		confidenceThreshold: options.confidenceThreshold ?? 0.9,
		includeBoundingPolys: options.includeBoundingPolys === true,
		includeRawResponse: options.includeRawResponse === true,
		requestId,
		now: batch.now,
	});
}
