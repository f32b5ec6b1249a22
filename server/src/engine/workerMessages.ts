import type { RecognitionOutcome } from '../protocol';
import type { DecodeLimits } from './decode';

/** What every recognition worker is started with, as its workerData. */
export interface WorkerSetup {
	decodeLimits?: DecodeLimits;
}

/** One image to read; its bytes arrive as a transferred buffer, not a copy. */
export interface WorkerJob {
	id: number;
	data: Uint8Array;
}

export type WorkerReply =
	| { type: 'ready'; loadMs: number }
	| { type: 'done'; id: number; outcome: RecognitionOutcome }
	/** recognizeCard threw: the worker is still sound, the request is answered 0501. */
	| { type: 'failed'; id: number; message: string };
