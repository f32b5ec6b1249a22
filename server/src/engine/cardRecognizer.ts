import { cpus } from 'os';

import type { DecodeLimits, ModelOptions, PipelineSettings } from './engineSettings';
import { DEFAULT_MODEL_OPTIONS, DEFAULT_PIPELINE } from './engineSettings';
import type { EncodedImage, EngineOutcome } from './types';
import { createRecognitionPool } from './workerPool';

export interface EngineOptions {
	/** Requests recognised at once, one worker thread each; defaults to the number of cores. */
	concurrency?: number;
	/** Requests allowed to wait for a worker; beyond that the engine answers busy. */
	queueLimit?: number;
	decodeLimits?: DecodeLimits;
	/** How each worker loads its models; unset fields keep DEFAULT_MODEL_OPTIONS. */
	models?: Partial<ModelOptions>;
	/** The card pipeline's settings; unset fields keep DEFAULT_PIPELINE. */
	pipeline?: Partial<PipelineSettings>;
	/** Told when a recognition worker crashes or cannot load its models. */
	onWorkerError?: (error: Error) => void;
}

/** A place in the recognition queue, held while the image is still arriving. */
export interface EngineAdmission {
	/** Reads the image and gives the place back. */
	recognize(image: EncodedImage): Promise<EngineOutcome>;
	/** Gives the place back unused, when no image came. */
	release(): void;
}

export interface CardEngine {
	/** Reads one image, or answers busy when the queue is full. */
	recognize(image: EncodedImage): Promise<EngineOutcome>;
	/** Takes a queue place before the image arrives, so an upload with no room is refused unbuffered; undefined when full. */
	admit(): EngineAdmission | undefined;
	/** Settles once every worker has its models; requests sent before then wait in the queue. */
	ready: Promise<{ loadMs: number }>;
	/** queued counts admitted requests not yet on a worker, including those whose image is still arriving. */
	/** lent counts crop batches one worker read for another's lone request. */
	stats(): { active: number; queued: number; concurrency: number; served: number; rejected: number; lent: number };
	close(): Promise<void>;
}

const BUSY: EngineOutcome = { kind: 'busy' };

/** Fills the fields left unset with the defaults, so `{ threads: undefined }` means the default too. */
function withDefaults<T extends object>(defaults: T, given: Partial<T> | undefined): T {
	const merged = { ...defaults };
	for (const [key, value] of Object.entries(given ?? {})) if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
	return merged;
}

/**
 * Admission and counters stay on the main thread; recognition runs on worker threads that start
 * loading their models at once, so the server can listen while they warm up.
 */
export async function createCardEngine(options: EngineOptions = {}): Promise<CardEngine> {
	const concurrency = Math.max(1, options.concurrency ?? cpus().length);
	const queueLimit = Math.max(0, options.queueLimit ?? concurrency * 4);
	const pool = createRecognitionPool({
		size: concurrency,
		decodeLimits: options.decodeLimits,
		models: withDefaults(DEFAULT_MODEL_OPTIONS, options.models),
		pipeline: withDefaults(DEFAULT_PIPELINE, options.pipeline),
		onWorkerError: options.onWorkerError,
	});
	let admitted = 0;
	let served = 0;
	let rejected = 0;

	const admit = (): EngineAdmission | undefined => {
		if (admitted >= concurrency + queueLimit) {
			rejected += 1;
			return undefined;
		}
		admitted += 1;
		let held = true;
		const release = () => {
			if (held) admitted -= 1;
			held = false;
		};
		return {
			release,
			recognize: async (image) => {
				try {
					const outcome = await pool.run(image);
					if (outcome.kind !== 'fault') served += 1;
					return outcome;
				} finally {
					release();
				}
			},
		};
	};

	return {
		admit,
		recognize: async (image) => (await admit()?.recognize(image)) ?? BUSY,
		ready: pool.ready,
		stats: () => {
			const active = pool.busy();
			return { active, queued: admitted - active, concurrency, served, rejected, lent: pool.lent() };
		},
		close: pool.close,
	};
}
