// Stands in for recognitionWorker in pool tests: answers at once, dies on request, tells its setup,
// and borrows or lends crops as a real worker does (a crop's characters are its width, as text).
const { parentPort, workerData } = require('worker_threads');

const done = (id, message) => parentPort.postMessage({ type: 'done', id, outcome: { kind: 'noCard', message } });
const borrowed = new Map();
let nextLendId = 0;

/** Lends crops of these widths; what the lender did not read comes back as read here ("self <width>"). */
function borrow(widths) {
	return new Promise((resolve) => {
		const lendId = nextLendId++;
		borrowed.set(lendId, (chars) => {
			if (chars === null) return resolve(null);
			resolve([...chars, ...widths.slice(chars.length).map((width) => [{ char: `self ${width}` }])]);
		});
		const crops = widths.map((width) => ({ width, pixels: new Float32Array(width) }));
		parentPort.postMessage({ type: 'borrow', lendId, crops });
	});
}

// The lend being read: one crop every 50 ms, stopping after the current one when recalled.
let lending;

function lend(message) {
	const widths = message.crops.map((crop) => crop.width);
	// A crop 666 wide kills the lender mid-read; one 404 wide makes its read fail.
	if (widths.includes(666))
		return setImmediate(() => {
			throw new Error('lender crashed on purpose');
		});
	if (widths.includes(404)) return parentPort.postMessage({ type: 'read', lendId: message.lendId, chars: null });
	lending = { lendId: message.lendId, recalled: false, chars: [] };
	const next = () => {
		lending.chars.push([{ char: String(message.crops[lending.chars.length].pixels.length) }]);
		if (lending.chars.length === message.crops.length || lending.recalled) {
			parentPort.postMessage({ type: 'read', lendId: message.lendId, chars: lending.chars });
			lending = undefined;
		} else setTimeout(next, 50);
	};
	setTimeout(next, 50);
}

parentPort.on('message', (message) => {
	if (message.type === 'lent') {
		borrowed.get(message.lendId)(message.chars);
		borrowed.delete(message.lendId);
		return;
	}
	if (message.type === 'lend') return lend(message);
	if (message.type === 'recall') {
		if (lending?.lendId === message.lendId) lending.recalled = true;
		return;
	}
	const job = message;
	const text = Buffer.from(job.data.buffer, job.data.byteOffset, job.data.byteLength).toString();
	if (text === 'crash')
		setImmediate(() => {
			throw new Error('worker crashed on purpose');
		});
	else if (text === 'throw') parentPort.postMessage({ type: 'failed', id: job.id, message: 'recognizeCard threw' });
	else if (text === 'setup') {
		const { idleWorkers, ...setup } = workerData;
		const idle = idleWorkers instanceof SharedArrayBuffer ? Atomics.load(new Int32Array(idleWorkers), 0) : 'not shared';
		done(job.id, JSON.stringify({ ...setup, family: job.family, idleWorkers: idle }));
	} else if (text.startsWith('borrow ')) {
		// "borrow 120 300": lends crops of those widths and answers with what came back.
		const widths = text.slice('borrow '.length).split(' ').map(Number);
		borrow(widths).then((chars) => done(job.id, JSON.stringify(chars)));
	} else if (text.startsWith('slow')) setTimeout(() => done(job.id, text), 200);
	else done(job.id, text);
});
parentPort.postMessage({ type: 'ready', loadMs: 1 });
