import type { DecodeLimits, ModelOptions, PipelineSettings } from './engineSettings';
import type { Crop, RecognizedChar } from './recognizeText';
import type { ImageFamily, ReadOutcome } from './types';

/** What every recognition worker is started with, as its workerData. */
export interface WorkerSetup {
	decodeLimits?: DecodeLimits;
	models: ModelOptions;
	pipeline: PipelineSettings;
	/**
	 * One Int32 the pool keeps at the number of workers free to lend their recogniser (none while
	 * requests wait): a worker asks for help only when it is above 0, so a busy pool pays nothing.
	 */
	idleWorkers?: SharedArrayBuffer;
}

/** One image to read; its bytes arrive as a transferred buffer, not a copy. */
export interface WorkerJob {
	type: 'job';
	id: number;
	data: Uint8Array;
	family: ImageFamily;
}

/** Crops to read for another worker (pool -> idle worker), or its answer (pool -> the worker that asked). */
export type WorkerRequest =
	| WorkerJob
	| { type: 'lend'; lendId: number; crops: Crop[] }
	/** A request waits for the lender: it answers now with the crops it has read. */
	| { type: 'recall'; lendId: number }
	/** chars covers the first crops, all or some, and is null when no worker took them or the one that did stopped. */
	| { type: 'lent'; lendId: number; chars: RecognizedChar[][] | null };

export type WorkerReply =
	| { type: 'ready'; loadMs: number }
	| { type: 'done'; id: number; outcome: ReadOutcome }
	/** recognizeCard threw: the worker is still sound, the request ends in a fault. */
	| { type: 'failed'; id: number; message: string }
	/** A worker asks for crops to be read elsewhere... */
	| { type: 'borrow'; lendId: number; crops: Crop[] }
	/**
	 * ...and the worker that read them answers: for all of them, for the first few when recalled, or
	 * null when it could not. The borrower reads what is missing itself.
	 */
	| { type: 'read'; lendId: number; chars: RecognizedChar[][] | null };
