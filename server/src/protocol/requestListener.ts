import type { IncomingMessage, ServerResponse } from 'http';

import { ProtocolError, RATE_LIMIT_CODE, SHUTTING_DOWN, writeJson, writeProtocolError, writeShuttingDown } from './errors';
import type { ReadLimits } from './requestReader';
import { refuseBrowserRequest } from './browserGuard';
import { BodyBudget } from './bodyBudget';
import {
	DEFAULT_READ_LIMITS,
	checkDeclaredLength,
	checkSecret,
	declaredLength,
	isCreditCardPath,
	readCreditCardRequest,
} from './requestReader';
import { buildCreditCardResponse } from './responseBuilder';
import type { Admission, CreditCardRequest, Recognizer } from './types';

export interface RequestLogEntry {
	requestId: string | null;
	mode: string | null;
	status: number;
	code: string | null;
	inferResult: string | null;
	ms: number;
}

export interface ListenerOptions {
	secret?: string;
	recognize: Recognizer;
	/**
	 * Asked before a body is read: undefined answers 0025 at once, so uploads beyond the queue are
	 * never buffered. Without it every request is read and handed to recognize.
	 */
	admit?: () => Admission | undefined;
	limits?: ReadLimits;
	/** Called once per answered request; carries no image data and no recognised text. */
	log?: (entry: RequestLogEntry) => void;
	health?: () => object;
	/**
	 * True once the server is shutting down: /healthz answers 503 "draining" so load balancers take
	 * it out, and new credit-card requests answer 503 (SHUTTING_DOWN) unread. Requests that arrived
	 * before are answered as usual.
	 */
	draining?: () => boolean;
}

/** A rate-limited client is told when to come back. */
function retryHeaders(error: ProtocolError): Record<string, string> {
	return error.code === RATE_LIMIT_CODE ? { 'Retry-After': '1' } : {};
}

/** Sends the recognizer's outcome the way CLOVA would; returns the inferResult or error code sent. */
export function writeOutcome(
	res: ServerResponse,
	request: CreditCardRequest,
	outcome: Awaited<ReturnType<Recognizer>>,
): { status: number; code: string | null; inferResult: string | null } {
	if (outcome.kind === 'invalid') {
		const error = new ProtocolError('0011', outcome.message);
		writeProtocolError(res, error);
		return { status: error.status, code: error.code, inferResult: null };
	}
	if (outcome.kind === 'serviceError') {
		const error = new ProtocolError(outcome.code, outcome.message);
		writeProtocolError(res, error, retryHeaders(error));
		return { status: error.status, code: error.code, inferResult: null };
	}
	writeJson(res, 200, buildCreditCardResponse(request, outcome));
	return {
		status: 200,
		code: null,
		inferResult: outcome.kind === 'success' ? 'SUCCESS' : outcome.kind === 'failure' ? 'FAILURE' : 'ERROR',
	};
}

/** A refused body of up to this many bytes more is read to its end before the answer. */
const DISCARD_BYTES = 16 * 1024 * 1024;
/** How long a refused body is still read, at most. */
const DISCARD_MS = 5_000;
/**
 * How long a refused upload is held back after the answer before its connection is cut. Cutting
 * resets the connection, and a reset can discard an answer the client has not read yet: 1 s lost
 * answers on a busy machine (3 of 10 catalogue runs with the load average at 7-9).
 */
const LINGER_MS = 5_000;

/**
 * Before a refusal is written while the body is still arriving. The rest of a body of up to
 * DISCARD_BYTES (a phone photo) is read and thrown away first, so a client that reads nothing
 * before its upload is done sees the answer (0025: come back later) rather than a reset. A larger
 * body (declared, or once DISCARD_BYTES have passed), or one that trickles past DISCARD_MS, gets
 * the answer at once and its connection is cut LINGER_MS later, the rest unread: Node would
 * otherwise read a refused upload to its end, however large.
 */
async function discardRest(req: IncomingMessage, res: ServerResponse): Promise<void> {
	if (req.complete || req.destroyed) return;
	const declared = declaredLength(req);
	let discarded = 0;
	let cut = false;
	await new Promise<void>((resolve) => {
		const giveUp = () => {
			cut = true;
			resolve();
		};
		if (declared !== undefined && declared > DISCARD_BYTES) return giveUp();
		const timer = setTimeout(giveUp, DISCARD_MS);
		timer.unref();
		const onData = (chunk: Buffer) => {
			discarded += chunk.length;
			if (discarded > DISCARD_BYTES) giveUp();
		};
		const done = () => {
			clearTimeout(timer);
			resolve();
		};
		req.on('data', onData);
		req.once('end', done);
		req.once('close', done);
		req.resume();
	});
	req.removeAllListeners('data');
	if (!cut || req.complete) return;
	// Nothing more is read: TCP holds the upload back while the client reads the answer, then the
	// connection is cut. Closing at once would reset it with the answer unread. Node reads a body
	// nobody took to its end once the answer is sent; only a read() that asks the stream for more
	// marks it as taken. read(0) asks for nothing when a chunk is already buffered, and then every
	// refused upload was read at full speed until the cut (38 x 4 MB in 0.3 s of the main thread).
	// What read() returns, the buffered start of a refused body, is dropped.
	req.pause();
	while (req.read() !== null);
	const socket = req.socket;
	// Node's server destroys a connection it will not keep alive as soon as the answer is flushed
	// (destroySoon): with the upload still arriving that is a reset, and a client that had not read
	// the answer yet loses it (3 of 10 catalogue runs). A FIN after the answer instead, and the cut
	// LINGER_MS later, by when the client has read it.
	socket.destroySoon = () => {
		socket.end();
	};
	res.once('finish', () => setTimeout(() => socket.destroy(), LINGER_MS).unref());
}

/** Bodies of this many bytes in all, held in one spell (until none is held again), are collected after it. */
const COLLECT_AFTER_BYTES = 16 * 1024 * 1024;

let collectionPending = false;

/**
 * Returns the memory large bodies left behind (socket chunks, the decoded image's first buffer)
 * once the server holds none. V8 collects dead buffers on its own only once some 64 MB more of
 * them have piled up, so a burst of uploads stayed in RSS until the next one. A full collection of
 * the main thread's small heap takes about 10 ms, after the answers already written are flushed.
 * Only where the process exposes gc, as bin/clova-ocr-local.js starts it.
 */
function collectAfterLargeBodies(reservedBytes: number): void {
	const gc = globalThis.gc;
	if (!gc || reservedBytes < COLLECT_AFTER_BYTES || collectionPending) return;
	collectionPending = true;
	setImmediate(() => {
		collectionPending = false;
		gc();
	});
}

/** The whole CLOVA credit-card HTTP API around a recognizer: routing, secret, parsing, answers. */
export function createRequestListener(options: ListenerOptions): (req: IncomingMessage, res: ServerResponse) => void {
	const limits = options.limits ?? DEFAULT_READ_LIMITS;
	const budget = new BodyBudget(limits.maxHeldBytes ?? 2 * limits.maxBodyBytes, collectAfterLargeBodies);
	return (req, res) => {
		const started = process.hrtime.bigint();
		let request: CreditCardRequest | null = null;
		const finish = (result: { status: number; code: string | null; inferResult: string | null }) =>
			options.log?.({
				requestId: request?.requestId ?? null,
				mode: request?.mode ?? null,
				...result,
				ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
			});
		const handle = async () => {
			const path = (req.url ?? '').split('?')[0];
			const draining = options.draining?.() ?? false;
			// Without a secret only programs on this machine may use the server, not a web page it has open.
			if (!options.secret) refuseBrowserRequest(req);
			if (req.method === 'GET' && path === '/healthz') {
				writeJson(res, draining ? 503 : 200, { status: draining ? 'draining' : 'ok', ...(options.health?.() ?? {}) });
				return;
			}
			if (req.method !== 'POST' || !isCreditCardPath(req.url)) {
				throw new ProtocolError('0001', `URL is invalid: ${req.method} ${path.slice(0, 100)}. POST to /document/credit-card.`);
			}
			// Before the secret check: a refusal tells nothing about the request, and the server that
			// takes the retry checks the secret.
			if (draining) {
				await discardRest(req, res);
				writeShuttingDown(res);
				finish({ status: SHUTTING_DOWN.httpStatus, code: SHUTTING_DOWN.code, inferResult: null });
				return;
			}
			checkSecret(req, options.secret);
			checkDeclaredLength(req, limits);
			// Room for the body is taken before a byte of it is read, and only then a queue place.
			const held = budget.reserve(req, limits.maxBodyBytes);
			if (!held) throw new ProtocolError(RATE_LIMIT_CODE);
			res.once('close', held.release);
			const admission: Admission | undefined = options.admit ? options.admit() : { recognize: options.recognize, release: () => undefined };
			if (!admission) throw new ProtocolError(RATE_LIMIT_CODE);
			try {
				request = await readCreditCardRequest(req, limits);
			} catch (error) {
				admission.release();
				throw error;
			}
			finish(writeOutcome(res, request, await admission.recognize(request)));
		};
		handle().catch(async (error: unknown) => {
			const protocolError = error instanceof ProtocolError ? error : new ProtocolError('0500', 'Unknown service error.');
			await discardRest(req, res);
			if (!res.headersSent) writeProtocolError(res, protocolError, retryHeaders(protocolError));
			else res.destroy();
			finish({ status: protocolError.status, code: protocolError.code, inferResult: null });
		});
	};
}
