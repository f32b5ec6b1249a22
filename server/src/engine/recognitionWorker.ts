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

async function main(): Promise<void> {
	const port = parentPort;
	if (!port) throw new Error('recognitionWorker.ts runs only as a worker thread (see workerPool.ts).');
	const setup = workerData as WorkerSetup;
	// libvips settings are process-wide: no cache (no image is seen twice) and one thread per
	// decode, since every core already has a worker of its own.
	sharp.cache(false);
	sharp.concurrency(1);
	const models = await loadModels(setup.models);
	const reply = (message: WorkerReply) => port.postMessage(message);
	port.on('message', (job: WorkerJob) => {
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
