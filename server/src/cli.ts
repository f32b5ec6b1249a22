import { parseArgs } from 'util';

import { createCardEngine } from './engine/cardRecognizer';
import { DEFAULT_DECODE_LIMITS, DEFAULT_MODEL_OPTIONS, DEFAULT_PIPELINE } from './engine/engineSettings';
import { clovaRecognition } from './engineAnswers';
import { serveClova } from './httpServer';
import { runRead } from './readCommand';

const HELP = `clova-ocr-local: a CLOVA OCR compatible credit-card OCR server that runs on this machine.

Usage: clova-ocr-local [options]
       clova-ocr-local read [--json] [--full] <file>...   read card images here, no server (read --help)

Server:
  --host <address>          Address to listen on (default 127.0.0.1). Anything but loopback needs a secret.
  --port <number>           Port, 0-65535 (default 8866; 0 picks a free one).
  --secret <value>          Require this X-OCR-SECRET (default: env CLOVA_OCR_SECRET, else none on loopback).
                            An empty value is an error: leave the option out for no secret.
                            Without a secret, requests from web pages (an Origin header other than the
                            server's own, or a Host that is not loopback) answer 401/0002.
  --max-body-mb <n>         Largest request body in MB, above 0 and at most 1024 (default 20). A body that
                            declares more is refused unread; one sent chunked is cut off once it passes.
  --max-held-mb <n>         Request bodies held in memory at once (being read or waiting for a worker), in
                            MB, above 0 (default 2 x --max-body-mb). A request that does not fit answers
                            400/0025 before its body is read.
  --drain-seconds <n>       On SIGTERM or SIGINT, answer the requests already taken for at most this
                            many seconds, 0-3600, then exit (default 30; 0 exits at once). Meanwhile new
                            requests answer 503 (code 0500, Retry-After) and /healthz answers 503
                            "draining", so a load balancer sends the work elsewhere. A second signal
                            exits at once. Exit code 0 when every request taken was answered, else 1.
  --quiet                   No per-request log lines.
  -h, --help                This text.

Recognition:
  --concurrency <n>         Images recognised at once, one worker thread each, 1-64
                            (default: number of cores).
  --queue <n>               Requests allowed to wait, 0-10000; beyond that the answer is 400/0025
                            (default 4 x concurrency).
  --threads-per-worker <n>  Threads each worker's inference may use, at least 1 (default ${DEFAULT_MODEL_OPTIONS.intraOpThreads}).
                            concurrency x threads should not exceed the cores.
  --memory-arena on|off     onnxruntime's CPU memory arena: keeps buffers between inferences, a little
                            faster for more memory (default ${DEFAULT_MODEL_OPTIONS.memoryArena ? 'on' : 'off'}).
  --max-megapixels <n>      Largest decoded image in megapixels, above 0 and at most 1000; larger ones
                            answer 400/0011, images inside a PDF included (default ${DEFAULT_DECODE_LIMITS.maxPixels / 1e6}).

Advanced (card pipeline tuning; the defaults are what the engine benchmark measured best):
  --det-side <px>           Longer side of the first, whole-image text detection pass, 160-4096 (default ${DEFAULT_PIPELINE.coarseSide}).
  --text-height <px>        Text height the detector is given in the straightened card view, 8-128 (default ${DEFAULT_PIPELINE.targetBoxHeight}).
  --max-view <px>           Largest side of the straightened card view, 320-8192 (default ${DEFAULT_PIPELINE.maxViewSide}).

Environment:
  CLOVA_OCR_SECRET          The secret when --secret is not given; empty means none.
  CLOVA_OCR_FROM_SOURCE=1   Run the TypeScript sources (through tsx) even when a build in dist/ exists.

API: POST /document/credit-card (also /credit-card and any /custom/v1/<domain>/<key>/document/credit-card),
JSON or multipart exactly as NAVER's CLOVA OCR credit-card API; GET /healthz (200 "ok", 503 "draining").
Logs carry request id, timing and status only: never images or card data.
Exit codes: 0 stopped cleanly, 1 failed (or stopped with requests unanswered), 2 a command-line mistake.`;

/** A command-line mistake: reported as one line, exit code 2 (as getopt tools do). */
class UsageError extends Error {}

/** An integer option within [min, max], or its default when absent. */
function integerOption(values: Record<string, unknown>, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
	const text = values[name];
	if (text === undefined) return undefined;
	const value = Number(text);
	if (typeof text !== 'string' || !/^\d+$/.test(text.trim()) || value < min || value > max) {
		const range = max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer from ${min} to ${max}`;
		throw new UsageError(`--${name} must be ${range}, got "${String(text)}".`);
	}
	return value;
}

/** A number above 0 and at most max, or undefined when absent. */
function positiveOption(values: Record<string, unknown>, name: string, max: number): number | undefined {
	const text = values[name];
	if (text === undefined) return undefined;
	const value = Number(text);
	if (typeof text !== 'string' || !/^\d+(\.\d+)?$/.test(text.trim()) || !(value > 0) || value > max) {
		throw new UsageError(`--${name} must be a number above 0 and at most ${max}, got "${String(text)}".`);
	}
	return value;
}

function switchOption(values: Record<string, unknown>, name: string): boolean | undefined {
	const text = values[name];
	if (text === undefined) return undefined;
	if (text === 'on') return true;
	if (text === 'off') return false;
	throw new UsageError(`--${name} must be on or off, got "${String(text)}".`);
}

async function main(): Promise<void> {
	if (process.argv[2] === 'read') {
		process.exitCode = await runRead(process.argv.slice(3));
		return;
	}
	let parsed;
	try {
		parsed = parseArgs({
			options: {
				host: { type: 'string', default: '127.0.0.1' },
				port: { type: 'string', default: '8866' },
				secret: { type: 'string' },
				concurrency: { type: 'string' },
				queue: { type: 'string' },
				'max-body-mb': { type: 'string', default: '20' },
				'max-held-mb': { type: 'string' },
				'drain-seconds': { type: 'string', default: '30' },
				'threads-per-worker': { type: 'string' },
				'memory-arena': { type: 'string' },
				'max-megapixels': { type: 'string' },
				'det-side': { type: 'string' },
				'text-height': { type: 'string' },
				'max-view': { type: 'string' },
				quiet: { type: 'boolean', default: false },
				help: { type: 'boolean', short: 'h', default: false },
			},
			strict: true,
		});
	} catch (error) {
		throw new UsageError(error instanceof Error ? error.message : String(error));
	}
	const { values } = parsed;
	if (values.help) {
		console.log(HELP);
		return;
	}
	if (values.secret === '') throw new UsageError('--secret must not be empty; leave it out to run without a secret (loopback only).');
	// An HTTP header loses surrounding spaces and cannot carry control characters: such a secret could never match.
	if (values.secret !== undefined && (values.secret.trim() !== values.secret || [...values.secret].some((c) => c < ' ' || c === '\x7f'))) {
		throw new UsageError('--secret must not start or end with spaces or hold control characters: no X-OCR-SECRET header could carry it.');
	}
	const secret = values.secret ?? (process.env.CLOVA_OCR_SECRET || undefined);
	const port = integerOption(values, 'port', 0, 65535) as number;
	const maxBodyMb = positiveOption(values, 'max-body-mb', 1024) as number;
	const maxHeldMb = positiveOption(values, 'max-held-mb', 65536);
	const drainSeconds = integerOption(values, 'drain-seconds', 0, 3600) as number;
	const concurrency = integerOption(values, 'concurrency', 1, 64);
	const queueLimit = integerOption(values, 'queue', 0, 10000);
	const intraOpThreads = integerOption(values, 'threads-per-worker', 1, 256);
	const memoryArena = switchOption(values, 'memory-arena');
	const maxMegapixels = positiveOption(values, 'max-megapixels', 1000);
	const pipeline = {
		coarseSide: integerOption(values, 'det-side', 160, 4096),
		targetBoxHeight: integerOption(values, 'text-height', 8, 128),
		maxViewSide: integerOption(values, 'max-view', 320, 8192),
	};
	const started = Date.now();
	// The workers load their models while the server starts listening; requests meanwhile wait in the queue.
	const engine = await createCardEngine({
		concurrency,
		queueLimit,
		decodeLimits: maxMegapixels === undefined ? undefined : { maxPixels: Math.round(maxMegapixels * 1e6) },
		models: { intraOpThreads, memoryArena },
		pipeline,
		onWorkerError: (error) => console.error(`clova-ocr-local: recognition worker failed: ${error.message}`),
	});
	let warm = false;
	const server = await serveClova({
		host: values.host,
		port,
		secret,
		...clovaRecognition(engine),
		limits: { maxBodyBytes: maxBodyMb * 1024 * 1024, maxHeldBytes: maxHeldMb === undefined ? undefined : maxHeldMb * 1024 * 1024 },
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
			console.log(JSON.stringify({ event: 'modelsLoaded', ms: Date.now() - started, slowestWorkerMs: loadMs }));
		},
		(error: unknown) => {
			// Without models no request can be answered: fail as loudly as a failed start did before.
			console.error(`clova-ocr-local: cannot load the OCR models: ${error instanceof Error ? error.message : String(error)}`);
			process.exit(1);
		},
	);
	let stopping = false;
	const stop = (signal: NodeJS.Signals) => {
		if (stopping) {
			console.error(`clova-ocr-local: ${signal} again: stopping now, ${server.inFlight()} request(s) unanswered.`);
			process.exit(1);
		}
		stopping = true;
		const inFlight = server.inFlight();
		console.log(
			`clova-ocr-local: ${signal}: draining: answering the ${inFlight} request(s) taken, refusing new ones with 503, ` +
				`for at most ${drainSeconds} s. ${signal} again stops at once.`,
		);
		console.log(JSON.stringify({ event: 'draining', signal, inFlight, drainSeconds }));
		void server.drain(drainSeconds * 1000).then(async (result) => {
			if (result.idle) console.log(`clova-ocr-local: drained in ${result.ms} ms; stopped.`);
			else console.error(`clova-ocr-local: ${result.unanswered} request(s) still unanswered after ${drainSeconds} s; stopped anyway.`);
			console.log(JSON.stringify({ event: 'stopped', ...result }));
			await server.close();
			process.exit(result.idle ? 0 : 1);
		});
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
	const message = error instanceof Error ? error.message : String(error);
	console.error(`clova-ocr-local: ${message}${error instanceof UsageError ? ' (see --help)' : ''}`);
	process.exit(error instanceof UsageError ? 2 : 1);
});
