import type { IDataObject } from 'n8n-workflow';

import type { Batch } from './batch';
import { endpointFor } from './batch';
import type { ImageSource } from './binaryInput';
import { fileLabel, imageFormatOf, loadImageSource } from './binaryInput';
import type { MaskMode } from './cardInsights';
import { maskNumber, redactCardNumbers } from './cardInsights';
import { ClovaCallError, nodeApiErrorOf } from './clovaCallError';
import { ItemFailure, asItemFailure } from './itemFailure';
import type { NodeOptions } from './itemParameters';
import { displayUrl, downloadImage } from './imageUrlInput';
import type { ImageInput } from './recognizeItems';
import { callWithRetries } from './requestScheduler';
import { recognizedImage, simplifyImageResult } from './simplifyResult';
import type { CallPlan, CallResult } from './transport';
import { postCreditCard } from './transport';

function imageNameOf(options: NodeOptions, image: ImageSource, itemIndex: number): string {
	return (options.imageName ?? '').trim() || image.fileName || `image-${itemIndex}`;
}

/** One call under the batch's pool and retry budget; a failure that outlasts the retries fails the item. */
async function callCreditCard(batch: Batch, plan: CallPlan, itemIndex: number): Promise<CallResult> {
	let failure: unknown;
	try {
		return await callWithRetries(batch.limiter, batch.policy, async () => await postCreditCard(batch.ctx, plan), batch.cancelSignal);
	} catch (error) {
		failure = error;
	}
	if (failure instanceof ClovaCallError) throw new ItemFailure(nodeApiErrorOf(batch.ctx.getNode(), failure, itemIndex), failure.code);
	throw asItemFailure(batch.ctx, failure, itemIndex);
}

/**
 * Masking unset: a tool's output goes into an AI model's context, so there it is PCI-masked;
 * elsewhere the number is output as CLOVA returned it, as before.
 */
export function maskModeOf(options: NodeOptions, runsAsTool: boolean): MaskMode {
	return options.maskNumber ?? (runsAsTool ? 'pci' : 'asReturned');
}

/** Every string and key of a raw answer with card-number-like digit runs masked (redactCardNumbers). */
function redactedDeep(value: unknown): unknown {
	if (typeof value === 'string') return redactCardNumbers(value);
	if (Array.isArray(value)) return value.map(redactedDeep);
	if (typeof value !== 'object' || value === null) return value;
	const copy: Record<string, unknown> = {};
	for (const [key, item] of Object.entries(value)) {
		// defineProperty: a key "__proto__" stays plain data, as JSON.parse made it.
		Object.defineProperty(copy, redactCardNumbers(key), {
			value: redactedDeep(item),
			enumerable: true,
			writable: true,
			configurable: true,
		});
	}
	return copy;
}

/**
 * The raw CLOVA image results for a tool's output (Simplify off or Include Raw Response), which
 * goes into the model's context: the number masked as Mask Number says, and every other string
 * (the messages, validationResult...) with card-number-like digit runs masked, so no field a
 * service fills can carry the whole number there. Mask Number set to As Returned leaves it all as is.
 */
function toolRawImages<T>(images: T, mode: MaskMode): T {
	if (mode === 'asReturned' || !Array.isArray(images)) return images;
	return images.map((image: { creditCard?: { result?: { number?: { text?: unknown } } } }) => {
		const number = image?.creditCard?.result?.number;
		if (typeof number?.text !== 'string') return redactedDeep(image);
		const result = { ...image.creditCard?.result, number: { ...number, text: maskNumber(number.text, mode) } };
		return redactedDeep({ ...image, creditCard: { ...image.creditCard, result } });
	}) as T;
}

/** One image, from its binary field or URL to its output JSON. */
export async function recognizeImage(batch: Batch, input: ImageInput, itemIndex: number): Promise<IDataObject> {
	const endpoint = endpointFor(batch, itemIndex);
	const { requestMode, simplify, options } = batch.parametersOf(itemIndex);
	const timeoutMs = Math.round((options.timeout ?? 60) * 1000);
	const image =
		input.kind === 'url'
			? await downloadImage(batch.ctx, input.url, timeoutMs, itemIndex)
			: await loadImageSource(batch.ctx, input.file, itemIndex, batch.combinedBinaryMode);
	const sourceLabel = input.kind === 'url' ? `image URL ${displayUrl(input.url)}` : fileLabel(input.file);
	const format = imageFormatOf(batch.ctx, image, options.imageFormat ?? 'auto', sourceLabel, itemIndex);
	const { requestId, response } = await callCreditCard(
		batch,
		{
			endpoint,
			secretKey: batch.secretKey,
			mode: requestMode,
			format,
			imageName: imageNameOf(options, image, itemIndex),
			timeoutMs,
			image,
		},
		itemIndex,
	);
	const mask = maskModeOf(options, batch.runsAsTool);
	// Outside a tool the raw response stays exactly as CLOVA returned it, as documented.
	const rawMask = batch.runsAsTool ? mask : 'asReturned';
	if (!simplify) {
		const raw = { ...response, images: toolRawImages(response.images, rawMask) };
		// Its other fields (version, requestId...) reach the model too.
		return (rawMask === 'asReturned' ? raw : redactedDeep(raw)) as IDataObject;
	}
	const output = simplifyImageResult(recognizedImage(batch.ctx.getNode(), response, itemIndex), {
		maskNumber: mask,
		confidenceThreshold: options.confidenceThreshold ?? 0.9,
		includeBoundingPolys: options.includeBoundingPolys === true,
		includeRawResponse: options.includeRawResponse === true,
		requestId,
		now: batch.now,
	});
	if (output.rawResponse !== undefined) output.rawResponse = toolRawImages([output.rawResponse], rawMask)[0];
	return output;
}
