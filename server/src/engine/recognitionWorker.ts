/**
 * A recognition worker thread: loads its own models once, then reads one card at a time.
 * onnxruntime's session.run blocks the thread it runs on, so inference only runs in parallel
 * when each request has a thread, and a session, of its own.
 */
import sharp from 'sharp';
import { parentPort, workerData } from 'worker_threads';

import { loadModels } from './models';
import { recognizeCard } from './readCard';
import type { WorkerJob, WorkerReply, WorkerSetup } from './workerMessages';

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
	port.on('message', (job: WorkerJob) => {
		clearTimeout(idle);
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
