import { parseArgs } from 'util';

import { createCardEngine } from './engine/cardRecognizer';
import { serveClova } from './httpServer';

const HELP = `clova-ocr-local: a CLOVA OCR compatible credit-card OCR server that runs on this machine.

Usage: clova-ocr-local [options]

  --host <address>      Address to listen on (default 127.0.0.1). Anything but loopback needs a secret.
  --port <number>       Port (default 8866; 0 picks a free one).
  --secret <value>      Require this X-OCR-SECRET (default: env CLOVA_OCR_SECRET, else none on loopback).
  --concurrency <n>     Images recognised at once, one worker thread each (default: number of cores).
  --queue <n>           Requests allowed to wait; beyond that the answer is 400/0025 (default 4 x concurrency).
  --max-body-mb <n>     Largest request body in MB (default 20).
  --quiet               No per-request log lines.
  -h, --help            This text.

API: POST /document/credit-card (also /credit-card and any /custom/v1/<domain>/<key>/document/credit-card),
JSON or multipart exactly as NAVER's CLOVA OCR credit-card API; GET /healthz.
Logs carry request id, timing and status only: never images or card data.`;

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			host: { type: 'string', default: '127.0.0.1' },
			port: { type: 'string', default: '8866' },
			secret: { type: 'string' },
			concurrency: { type: 'string' },
			queue: { type: 'string' },
			'max-body-mb': { type: 'string', default: '20' },
			quiet: { type: 'boolean', default: false },
			help: { type: 'boolean', short: 'h', default: false },
		},
		strict: true,
	});
	if (values.help) {
		console.log(HELP);
		return;
	}
	const secret = values.secret ?? process.env.CLOVA_OCR_SECRET ?? undefined;
	const port = Number(values.port);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535, got "${values.port}"`);
	const started = Date.now();
	// The workers load their models while the server starts listening; requests meanwhile wait in the queue.
	const engine = await createCardEngine({
		concurrency: values.concurrency ? Number(values.concurrency) : undefined,
		queueLimit: values.queue ? Number(values.queue) : undefined,
		onWorkerError: (error) => console.error(`clova-ocr-local: recognition worker failed: ${error.message}`),
	});
	let warm = false;
	const server = await serveClova({
		host: values.host,
		port,
		secret: secret || undefined,
		recognize: engine.recognize,
		admit: engine.admit,
		limits: { maxBodyBytes: Number(values['max-body-mb']) * 1024 * 1024 },
		health: () => ({ engine: 'PP-OCRv4 (onnxruntime)', modelsLoaded: warm, ...engine.stats() }),
		log: values.quiet ? undefined : (entry) => console.log(JSON.stringify({ t: new Date().toISOString(), ...entry })),
	});
	console.log(
		`clova-ocr-local listening on ${server.url} (ready in ${Date.now() - started} ms; models loading in ${engine.stats().concurrency} workers). ` +
			`Invoke URL for the n8n credentials: ${server.url}${secret ? '  (secret required)' : '  (no secret: any Secret Key works)'}`,
	);
	// One JSON line for programs that start the server (tests, dev tools), so they need not parse the sentence above.
	console.log(JSON.stringify({ event: 'ready', url: server.url, pid: process.pid }));
	engine.ready.then(
		({ loadMs }) => {
			warm = true;
			console.log(`clova-ocr-local: models loaded in ${Date.now() - started} ms (${loadMs} ms in the slowest worker).`);
		},
		(error: unknown) => {
			// Without models no request can be answered: fail as loudly as a failed start did before.
			console.error(`clova-ocr-local: cannot load the OCR models: ${error instanceof Error ? error.message : String(error)}`);
			process.exit(1);
		},
	);
	const stop = () => {
		void server.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(`clova-ocr-local: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
