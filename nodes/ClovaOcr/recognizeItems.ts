import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { Batch } from './batch';
import type { ItemFailure } from './itemFailure';
import { asItemFailure } from './itemFailure';
import { recognizeItem } from './recognizeItem';
import { mapInOrder } from './requestScheduler';

export type ItemOutcome = { json: IDataObject } | { failure: ItemFailure } | { skipped: true };

/**
 * Every item through recognizeItem, `concurrency` at a time, outcomes in input order. Without
 * Continue On Fail the run will stop at a failure, so items not yet started then are skipped
 * rather than sent for nothing; so are they once the execution is cancelled, which would
 * otherwise keep taking turns from other executions sharing the limiter.
 */
export async function recognizeItems(batch: Batch, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	let stopped = false;
	return await mapInOrder<ItemOutcome>(items.length, batch.concurrency, async (itemIndex) => {
		if (stopped || batch.isCancelled()) return { skipped: true };
		try {
			return { json: await recognizeItem(batch, items[itemIndex], itemIndex) };
		} catch (error) {
			if (!batch.continueOnFail) stopped = true;
			return { failure: asItemFailure(batch.ctx, error, itemIndex) };
		}
	});
}
