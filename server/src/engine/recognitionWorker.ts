/**
 * A recognition worker thread: loads its own models once, then reads one card at a time.
 * onnxruntime's session.run blocks the thread it runs on, so inference only runs in parallel
 * when each request has a thread, and a session, of its own. A lone request would leave the other
 * workers idle: its recognition crops are shared with one of them (models.lender), through the pool.
 */
import sharp from 'sharp';
import { parentPort, workerData } from 'worker_threads';

import { loadModels } from './models';
import { recognizeCard } from './readCard';
import type { Crop, RecognizedChar } from './recognizeText';
import { readCrop } from './recognizeText';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './workerMessages';

/** How long a worker waits with no next job before it returns the memory of the last one. */
const IDLE_COLLECT_MS = 1_000;
/**
 * A second collection this long after the first: native memory (sharp's and onnxruntime's
 * buffers) is freed by finalizers the first one queues, and only the second one finds their
 * objects gone (a worker's external memory 30 MB after the first, 4 MB after the second).
 */
const FINALIZED_COLLECT_MS = 100;

async function main(): Promise<void> {
	const port = parentPort;
	if (!port) throw new Error('recognitionWorker.ts runs only as a worker thread (see workerPool.ts).');
	const setup = workerData as WorkerSetup;
	// libvips settings are process-wide: no cache (no image is seen twice) and one thread per
	// decode, since every core already has a worker of its own.
	sharp.cache(false);
	sharp.concurrency(1);
	const models = await loadModels(setup.models);
	// The image, its decoded pixels and the tensors of a job are dead once it is answered, but V8
	// frees dead buffers only once some 64 MB more have piled up: a worker that had read a 14.5 MB
	// upload kept 30 MB of them. Collected when no job follows within IDLE_COLLECT_MS, so a busy
	// worker never pays for it. Only where the process exposes gc, as bin/clova-ocr-local.js starts it.
	const gc = globalThis.gc;
	let idle: NodeJS.Timeout | undefined;
	const collect = (collectGarbage: () => void) => {
		collectGarbage();
		idle = setTimeout(collectGarbage, FINALIZED_COLLECT_MS);
	};
	const reply = (message: WorkerReply) => {
		port.postMessage(message);
		if (gc && message.type !== 'ready') idle = setTimeout(collect, IDLE_COLLECT_MS, gc);
	};
	// Crops this worker's request lent out, by lendId, waiting for their characters.
	const borrowed = new Map<number, (chars: RecognizedChar[][] | null) => void>();
	let nextLendId = 0;
	const idleWorkers = setup.idleWorkers ? new Int32Array(setup.idleWorkers) : undefined;
	if (idleWorkers)
		models.lender = {
			available: () => Atomics.load(idleWorkers, 0) > 0,
			read: async (crops: Crop[]) =>
				await new Promise<RecognizedChar[][] | null>((resolve) => {
					const lendId = nextLendId++;
					borrowed.set(lendId, resolve);
					// Copied, not transferred: when no worker takes them, this one reads them itself.
					port.postMessage({ type: 'borrow', lendId, crops } satisfies WorkerReply);
				}),
		};
	// The lend this worker is reading now, and whether the pool wants the worker back for a request.
	let lending: { lendId: number; recalled: boolean } | undefined;
	const readLent = async (lendId: number, crops: Crop[]) => {
		const current = { lendId, recalled: false };
		lending = current;
		try {
			const chars: RecognizedChar[][] = [];
			for (const crop of crops) {
				chars.push(await readCrop(models, crop));
				// session.run holds the thread: a recall can only arrive between crops.
				await new Promise((resolve) => setImmediate(resolve));
				if (current.recalled) break;
			}
			return { type: 'read', lendId, chars } satisfies WorkerReply;
		} finally {
			lending = undefined;
		}
	};
	port.on('message', (message: WorkerRequest) => {
		if (message.type === 'lent') {
			borrowed.get(message.lendId)?.(message.chars);
			borrowed.delete(message.lendId);
			return;
		}
		if (message.type === 'recall') {
			if (lending?.lendId === message.lendId) lending.recalled = true;
			return;
		}
		clearTimeout(idle);
		if (message.type === 'lend') {
			// A failed read still answers, so the borrower reads the crops itself instead of waiting.
			readLent(message.lendId, message.crops).then(
				(answer) => reply(answer),
				() => reply({ type: 'read', lendId: message.lendId, chars: null }),
			);
			return;
		}
		const job = message;
		const data = Buffer.from(job.data.buffer, job.data.byteOffset, job.data.byteLength);
		recognizeCard(models, { data, family: job.family }, { decodeLimits: setup.decodeLimits, pipeline: setup.pipeline }).then(
			(outcome) => reply({ type: 'done', id: job.id, outcome }),
			(error: unknown) => reply({ type: 'failed', id: job.id, message: error instanceof Error ? error.message : String(error) }),
		);
	});
	reply({ type: 'ready', loadMs: models.loadMs });
}

// A worker that cannot load its models fails visibly: the rejection ends the thread with an 'error' event.
void main();
