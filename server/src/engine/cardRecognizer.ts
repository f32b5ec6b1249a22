import { cpus } from 'os';

import type { Admission, RecognitionOutcome, Recognizer } from '../protocol';
import type { DecodeLimits } from './decode';
import { createRecognitionPool } from './workerPool';

// Scripts and tests import recognizeCard from here; it lives in its own module so worker threads load only it.
export { recognizeCard } from './readCard';

export interface EngineOptions {
	/** Requests recognised at once, one worker thread each; defaults to the number of cores. */
	concurrency?: number;
	/** Requests allowed to wait for a worker; beyond that the answer is 0025, which clients retry. */
	queueLimit?: number;
	decodeLimits?: DecodeLimits;
	/** Told when a recognition worker crashes or cannot load its models. */
	onWorkerError?: (error: Error) => void;
}

export interface CardEngine {
	recognize: Recognizer;
	/** Takes a queue place before the body is read, so an upload with no room is refused unbuffered; undefined when full. */
	admit(): Admission | undefined;
	/** Settles once every worker has its models; requests sent before then wait in the queue. */
	ready: Promise<{ loadMs: number }>;
	/** queued counts admitted requests not yet on a worker, including those whose body is still arriving. */
	stats(): { active: number; queued: number; concurrency: number; served: number; rejected: number };
	close(): Promise<void>;
}

const RATE_LIMITED: RecognitionOutcome = { kind: 'serviceError', code: '0025', message: 'Calls to this API have exceeded the rate limit.' };

/**
 * Admission and counters stay on the main thread; recognition runs on worker threads that start
 * loading their models at once, so the server can listen while they warm up.
 */
export async function createCardEngine(options: EngineOptions = {}): Promise<CardEngine> {
	const concurrency = Math.max(1, options.concurrency ?? cpus().length);
	const queueLimit = Math.max(0, options.queueLimit ?? concurrency * 4);
	const pool = createRecognitionPool({ size: concurrency, decodeLimits: options.decodeLimits, onWorkerError: options.onWorkerError });
	let admitted = 0;
	let served = 0;
	let rejected = 0;

	const admit = (): Admission | undefined => {
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
			recognize: async (request) => {
				try {
					const outcome = await pool.run(request.image.data);
					if (outcome.kind !== 'serviceError') served += 1;
					return outcome;
				} finally {
					release();
				}
			},
		};
	};

	return {
		admit,
		recognize: async (request) => (await admit()?.recognize(request)) ?? RATE_LIMITED,
		ready: pool.ready,
		stats: () => {
			const active = pool.busy();
			return { active, queued: admitted - active, concurrency, served, rejected };
		},
		close: pool.close,
	};
}
