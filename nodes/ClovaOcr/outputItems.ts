import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { Batch } from './batch';
import { FILES_IN_JSON } from './binaryInput';
import type { ItemOutcome } from './recognizeItems';
import { sourceFields } from './recognizeItems';

/**
 * The node's output: one item per image read (one per input item, unless its Input Binary Field
 * names several files), paired with its input item, failures as error items. Without Continue On
 * Fail the first failure in input order is thrown instead.
 */
export function outputItems(batch: Batch, items: INodeExecutionData[], outcomes: ItemOutcome[]): INodeExecutionData[] {
	const output: INodeExecutionData[] = [];
	for (const outcome of outcomes) {
		if ('skipped' in outcome) continue;
		const { itemIndex, input } = outcome.job;
		const keepBinary = batch.parametersOf(itemIndex).options.keepBinary === true;
		const binary = keepBinary ? items[itemIndex].binary : undefined;
		// In binary mode `combined` the files are part of the JSON: Keep Binary carries them there.
		const files = items[itemIndex].json[FILES_IN_JSON];
		const keptFiles: IDataObject = keepBinary && batch.combinedBinaryMode && files !== undefined ? { [FILES_IN_JSON]: files } : {};
		const pairedItem = { item: itemIndex };
		if ('failure' in outcome) {
			const { error, errorCode } = outcome.failure;
			if (!batch.continueOnFail) throw error;
			output.push({
				json: { error: error.message, errorCode, errorDescription: error.description ?? null, ...sourceFields(input), ...keptFiles },
				...(binary ? { binary } : {}),
				pairedItem,
			});
			continue;
		}
		output.push({ json: { ...outcome.json, ...sourceFields(input), ...keptFiles }, ...(binary ? { binary } : {}), pairedItem });
	}
	return output;
}
