import { join } from 'path';
import { Worker } from 'worker_threads';

import type { DecodeLimits, ModelOptions, PipelineSettings } from './engineSettings';
import { DEFAULT_MODEL_OPTIONS, DEFAULT_PIPELINE } from './engineSettings';
import type { Crop, RecognizedChar } from './recognizeText';
import type { EncodedImage, EngineOutcome, ImageFamily } from './types';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './workerMessages';

export interface PoolOptions {
	/** Worker threads, each with its own models; one request runs on each at a time. */
	size: number;
	decodeLimits?: DecodeLimits;
	/** How each worker loads its models (threads per inference, memory arena). */
	models?: ModelOptions;
	/** The card pipeline's settings, the same on every worker. */
	pipeline?: PipelineSettings;
	/** Told when a worker dies or cannot start; the pool itself has no log. */
	onWorkerError?: (error: Error) => void;
	/** A compiled worker script to run instead of recognitionWorker (tests use one that can crash on demand). */
	entry?: string;
	/**
	 * Longest one image may take on a worker (default 60 s). Past it the worker is stopped, the
	 * request ends unreadable and a new worker loads its models: nothing a hostile file makes the
	 * decoder do holds a worker for longer.
	 */
	jobTimeoutMs?: number;
}

export const DEFAULT_JOB_TIMEOUT_MS = 60_000;

export interface RecognitionPool {
	/** Settles when every first worker has loaded its models (loadMs of the slowest) or one could not. */
	ready: Promise<{ loadMs: number }>;
	/** Reads one image on the next free worker. Never rejects: a worker that fails ends it in a fault. */
	run(image: EncodedImage): Promise<PoolOutcome>;
	/** Requests on a worker now. */
	busy(): number;
	/** Crop batches one worker read for another since the pool started. */
	lent(): number;
	close(): Promise<void>;
}

/** What the pool answers: a reading, or a fault; being busy is the engine's call, not the pool's. */
export type PoolOutcome = Exclude<EngineOutcome, { kind: 'busy' }>;

interface Job {
	id: number;
	data: Buffer;
	family: ImageFamily;
	resolve(outcome: PoolOutcome): void;
}

interface Slot {
	worker: Worker;
	ready: boolean;
	job?: Job;
	deadline?: NodeJS.Timeout;
	/** Stopped for taking too long: takes no job while it exits. */
	stopping?: boolean;
	/** Reading crops lent by another worker's request: takes no job until it answers. */
	lending?: { lendId: number; borrower: Slot; recalled?: boolean };
	error?: Error;
}

function fault(message: string): PoolOutcome {
	return { kind: 'fault', message };
}

function startWorker(setup: WorkerSetup, entry: string | undefined): Worker {
	if (entry) return new Worker(entry, { workerData: setup });
	if (__filename.endsWith('.ts')) {
		// Run from source under tsx: a worker thread starts without the parent's loader, so it registers tsx itself.
		const code = `require(${JSON.stringify(require.resolve('tsx/cjs'))});\nrequire(${JSON.stringify(join(__dirname, 'recognitionWorker.ts'))});`;
		return new Worker(code, { eval: true, workerData: setup });
	}
	return new Worker(join(__dirname, 'recognitionWorker.js'), { workerData: setup });
}

/**
 * The image moves to the worker without a copy when the Buffer owns its whole ArrayBuffer; a
 * slice of Node's shared allocation pool is copied, or the pool would be detached with it.
 */
function transferable(data: Buffer): Uint8Array<ArrayBuffer> {
	if (data.buffer instanceof ArrayBuffer && data.byteOffset === 0 && data.byteLength === data.buffer.byteLength)
		return new Uint8Array(data.buffer);
	return new Uint8Array(data);
}

/** Worker threads that each load the models once and read one card at a time; crashed ones are replaced. */
export function createRecognitionPool(options: PoolOptions): RecognitionPool {
	const slots = new Set<Slot>();
	const jobTimeoutMs = options.jobTimeoutMs ?? DEFAULT_JOB_TIMEOUT_MS;
	const queue: Job[] = [];
	let nextId = 0;
	let closed = false;
	let lentBatches = 0;
	const idleWorkers = new Int32Array(new SharedArrayBuffer(4));
	const free = (slot: Slot) => slot.ready && !slot.job && !slot.stopping && !slot.lending;
	const publishIdle = () => Atomics.store(idleWorkers, 0, [...slots].filter(free).length);
	const post = (slot: Slot, message: WorkerRequest, transfer: ArrayBuffer[] = []) => slot.worker.postMessage(message, transfer);

	/** A request waits while workers read lent crops: they answer with what they have read so far. */
	const recallLenders = () => {
		if (queue.length === 0) return;
		for (const slot of slots) {
			if (!slot.lending || slot.lending.recalled) continue;
			slot.lending.recalled = true;
			post(slot, { type: 'recall', lendId: slot.lending.lendId });
		}
	};

	const dispatch = () => {
		for (const slot of slots) {
			if (queue.length === 0) break;
			if (!free(slot)) continue;
			const job = queue.shift() as Job;
			slot.job = job;
			slot.deadline = setTimeout(() => {
				if (slot.job !== job) return;
				slot.job = undefined;
				slot.stopping = true;
				job.resolve({
					kind: 'unreadable',
					message: `Read page:0 error: the image took longer than ${Number((jobTimeoutMs / 1000).toFixed(1))} s to read.`,
				});
				// The exit handler starts a replacement; a worker still reading crops lent for this
				// request is as stuck, and is replaced too.
				void slot.worker.terminate();
				for (const lender of slots) if (lender.lending?.borrower === slot) void lender.worker.terminate();
			}, jobTimeoutMs);
			// Published before the job is posted: the worker may look at once.
			publishIdle();
			const data = transferable(job.data);
			post(slot, { type: 'job', id: job.id, data, family: job.family }, [data.buffer]);
		}
		recallLenders();
		publishIdle();
	};

	/** Hands a worker's crops to a free one, or tells it to read them itself. */
	const lend = (borrower: Slot, lendId: number, crops: Crop[]) => {
		// dispatch leaves no worker free while a request waits, so a free one may lend.
		const lender = borrower.job ? [...slots].find((slot) => slot !== borrower && free(slot)) : undefined;
		if (!lender) {
			post(borrower, { type: 'lent', lendId, chars: null });
			return;
		}
		lender.lending = { lendId, borrower };
		lentBatches += 1;
		post(
			lender,
			{ type: 'lend', lendId, crops },
			crops.map((crop) => crop.pixels.buffer as ArrayBuffer),
		);
		publishIdle();
	};

	/** The lender answered (all, the first few when recalled, or null when it failed or stopped): the borrower gets what there is. */
	const returnLent = (lender: Slot, chars: RecognizedChar[][] | null) => {
		const lending = lender.lending;
		if (!lending) return;
		lender.lending = undefined;
		if (slots.has(lending.borrower)) post(lending.borrower, { type: 'lent', lendId: lending.lendId, chars });
	};

	const failQueueIfNoWorkers = () => {
		if (slots.size > 0) return;
		for (const job of queue.splice(0)) job.resolve(fault('No recognition worker is running.'));
	};

	const setup: WorkerSetup = {
		decodeLimits: options.decodeLimits,
		models: options.models ?? DEFAULT_MODEL_OPTIONS,
		pipeline: options.pipeline ?? DEFAULT_PIPELINE,
		idleWorkers: idleWorkers.buffer as SharedArrayBuffer,
	};

	const start = (): Promise<number> => {
		const slot: Slot = { worker: startWorker(setup, options.entry), ready: false };
		slots.add(slot);
		return new Promise<number>((resolve, reject) => {
			slot.worker.on('message', (reply: WorkerReply) => {
				if (reply.type === 'ready') {
					slot.ready = true;
					resolve(reply.loadMs);
				} else if (reply.type === 'borrow') {
					lend(slot, reply.lendId, reply.crops);
				} else if (reply.type === 'read') {
					returnLent(slot, reply.chars);
				} else if (slot.job?.id === reply.id) {
					const job = slot.job;
					slot.job = undefined;
					clearTimeout(slot.deadline);
					job.resolve(reply.type === 'done' ? reply.outcome : fault(`Recognition failed: ${reply.message}`));
				}
				dispatch();
			});
			slot.worker.on('error', (error) => {
				slot.error = error;
			});
			slot.worker.on('exit', (code) => {
				slots.delete(slot);
				clearTimeout(slot.deadline);
				returnLent(slot, null);
				publishIdle();
				const error = slot.error ?? new Error(`recognition worker exited with code ${code}`);
				slot.job?.resolve(fault(`The recognition worker stopped: ${error.message}`));
				if (closed) return;
				options.onWorkerError?.(error);
				if (slot.ready) {
					// It served before, so its models load: a new one takes over its share of the cores.
					start().catch(() => failQueueIfNoWorkers());
				} else {
					reject(error);
					failQueueIfNoWorkers();
				}
			});
		});
	};

	const first = Array.from({ length: Math.max(1, options.size) }, () => start());
	const ready = Promise.all(first).then((loadMs) => ({ loadMs: Math.max(...loadMs) }));
	// Whoever starts the pool may look at ready later, or never; a failed start must not crash the process unseen.
	ready.catch(() => undefined);

	return {
		ready,
		run: ({ data, family }) => {
			if (closed) return Promise.resolve(fault('The recognition pool is closed.'));
			if (slots.size === 0) return Promise.resolve(fault('No recognition worker is running.'));
			return new Promise<PoolOutcome>((resolve) => {
				queue.push({ id: nextId++, data, family, resolve });
				dispatch();
			});
		},
		busy: () => [...slots].filter((slot) => slot.job).length,
		lent: () => lentBatches,
		close: async () => {
			closed = true;
			for (const job of queue.splice(0)) job.resolve(fault('The recognition pool is closed.'));
			await Promise.all([...slots].map(async (slot) => await slot.worker.terminate()));
		},
	};
}
