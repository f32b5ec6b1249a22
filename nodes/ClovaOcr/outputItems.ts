import type { INodeExecutionData } from 'n8n-workflow';

import type { Batch } from './batch';
import type { ItemOutcome } from './recognizeItems';

/**
 * The node's output: one item per input, paired with it, failures as error items. Without
 * Continue On Fail the first failure in input order is thrown instead.
 */
export function outputItems(batch: Batch, items: INodeExecutionData[], outcomes: ItemOutcome[]): INodeExecutionData[] {
	const output: INodeExecutionData[] = [];
	for (const [itemIndex, outcome] of outcomes.entries()) {
		if ('skipped' in outcome) continue;
		const keepBinary = batch.parametersOf(itemIndex).options.keepBinary === true;
		const binary = keepBinary ? items[itemIndex].binary : undefined;
		const pairedItem = { item: itemIndex };
		if ('failure' in outcome) {
			const { error, errorCode } = outcome.failure;
			if (!batch.continueOnFail) throw error;
			output.push({
				json: { error: error.message, errorCode, errorDescription: error.description ?? null },
				...(binary ? { binary } : {}),
				pairedItem,
			});
			continue;
		}
		output.push({ json: outcome.json, ...(binary ? { binary } : {}), pairedItem });
	}
	return output;
}
