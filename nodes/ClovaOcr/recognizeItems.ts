import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { Batch } from './batch';
import { endpointFor } from './batch';
import type { BinaryFile } from './binaryInput';
import { binaryFilesOf } from './binaryInput';
import type { ItemFailure } from './itemFailure';
import { asItemFailure } from './itemFailure';
import { displayUrl, imageUrlOf } from './imageUrlInput';
import { recognizeImage } from './recognizeItem';
import { mapInOrder } from './requestScheduler';

/** Where one image comes from: a file of the item, or the address the node downloads it from. */
export type ImageInput = { kind: 'binary'; file: BinaryFile } | { kind: 'url'; url: URL };

/** One image to read, for the input item it came from; an item whose inputs cannot even be named is one failed job. */
export interface ImageJob {
	itemIndex: number;
	input: ImageInput | ItemFailure;
}

export type ItemOutcome = { job: ImageJob } & ({ json: IDataObject } | { failure: ItemFailure } | { skipped: true });

/** What an output item says about its image's origin: which binary field (so several attachments keep their link), or which URL. */
export function sourceFields(input: ImageInput | ItemFailure): IDataObject {
	if (!('kind' in input)) return {};
	return input.kind === 'binary' ? { binaryPropertyName: input.file.propertyName } : { imageUrl: displayUrl(input.url) };
}

function inputsOf(batch: Batch, item: INodeExecutionData, itemIndex: number): ImageInput[] {
	endpointFor(batch, itemIndex);
	const { imageSource, imageUrl, binaryPropertyName, options } = batch.parametersOf(itemIndex);
	if (imageSource === 'url') {
		// A tool's URL comes from an AI model, which a prompt can steer: only public https addresses, unless allowed.
		const policy = { publicHttpsOnly: batch.runsAsTool && options.allowLocalAddresses !== true };
		return [{ kind: 'url', url: imageUrlOf(batch.ctx, imageUrl, itemIndex, policy) }];
	}
	return binaryFilesOf(batch.ctx, item, binaryPropertyName, itemIndex, batch.combinedBinaryMode).map((file) => ({ kind: 'binary', file }));
}

/** Every image of every item, in input order; an item's own failure stands in for its images. */
export function imageJobsOf(batch: Batch, items: INodeExecutionData[]): ImageJob[] {
	const jobs: ImageJob[] = [];
	for (const [itemIndex, item] of items.entries()) {
		try {
			jobs.push(...inputsOf(batch, item, itemIndex).map((input) => ({ itemIndex, input })));
		} catch (error) {
			jobs.push({ itemIndex, input: asItemFailure(batch.ctx, error, itemIndex) });
		}
	}
	return jobs;
}

/**
 * Every image through recognizeImage, `concurrency` at a time, outcomes in input order. Without
 * Continue On Fail the run will stop at a failure, so images not yet started then are skipped
 * rather than sent for nothing; so are they once the execution is cancelled, which would
 * otherwise keep taking turns from other executions sharing the limiter.
 */
export async function recognizeItems(batch: Batch, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	const jobs = imageJobsOf(batch, items);
	let stopped = false;
	return await mapInOrder<ItemOutcome>(jobs.length, batch.concurrency, async (jobIndex) => {
		const job = jobs[jobIndex];
		if (stopped || batch.isCancelled()) return { job, skipped: true };
		const { input } = job;
		try {
			if (!('kind' in input)) throw input;
			return { job, json: await recognizeImage(batch, input, job.itemIndex) };
		} catch (error) {
			if (!batch.continueOnFail) stopped = true;
			return { job, failure: asItemFailure(batch.ctx, error, job.itemIndex) };
		}
	});
}
