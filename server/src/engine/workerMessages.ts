import type { PipelineSettings } from './cardPipeline';
import type { DecodeLimits } from './decode';
import type { ModelOptions } from './models';
import type { ImageFamily, ReadOutcome } from './types';

/** What every recognition worker is started with, as its workerData. */
export interface WorkerSetup {
	decodeLimits?: DecodeLimits;
	models: ModelOptions;
	pipeline: PipelineSettings;
}

/** One image to read; its bytes arrive as a transferred buffer, not a copy. */
export interface WorkerJob {
	id: number;
	data: Uint8Array;
	family: ImageFamily;
}

export type WorkerReply =
	| { type: 'ready'; loadMs: number }
	| { type: 'done'; id: number; outcome: ReadOutcome }
	/** recognizeCard threw: the worker is still sound, the request ends in a fault. */
	| { type: 'failed'; id: number; message: string };
