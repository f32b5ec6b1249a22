// Stands in for recognitionWorker in pool tests: answers at once, dies on request, and tells its setup.
const { parentPort, workerData } = require('worker_threads');

parentPort.on('message', (job) => {
	const text = Buffer.from(job.data.buffer, job.data.byteOffset, job.data.byteLength).toString();
	if (text === 'crash')
		setImmediate(() => {
			throw new Error('worker crashed on purpose');
		});
	else if (text === 'throw') parentPort.postMessage({ type: 'failed', id: job.id, message: 'recognizeCard threw' });
	else if (text === 'setup')
		parentPort.postMessage({
			type: 'done',
			id: job.id,
			outcome: { kind: 'noCard', message: JSON.stringify({ ...workerData, family: job.family }) },
		});
	else if (text.startsWith('slow'))
		setTimeout(() => parentPort.postMessage({ type: 'done', id: job.id, outcome: { kind: 'noCard', message: text } }), 200);
	else parentPort.postMessage({ type: 'done', id: job.id, outcome: { kind: 'noCard', message: text } });
});
parentPort.postMessage({ type: 'ready', loadMs: 1 });
