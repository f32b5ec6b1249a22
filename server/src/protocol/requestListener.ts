import type { IncomingMessage, ServerResponse } from 'http';

import { ProtocolError, RATE_LIMIT_CODE, SHUTTING_DOWN, writeJson, writeProtocolError, writeShuttingDown } from './errors';
import type { ReadLimits } from './requestReader';
import { DEFAULT_READ_LIMITS, checkSecret, isCreditCardPath, readCreditCardRequest } from './requestReader';
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

/** The whole CLOVA credit-card HTTP API around a recognizer: routing, secret, parsing, answers. */
export function createRequestListener(options: ListenerOptions): (req: IncomingMessage, res: ServerResponse) => void {
	const limits = options.limits ?? DEFAULT_READ_LIMITS;
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
			if (req.method === 'GET' && path === '/healthz') {
				writeJson(res, draining ? 503 : 200, { status: draining ? 'draining' : 'ok', ...(options.health?.() ?? {}) });
				return;
			}
			if (req.method !== 'POST' || !isCreditCardPath(req.url)) {
				req.resume();
				throw new ProtocolError('0001', `URL is invalid: ${req.method} ${path}. POST to /document/credit-card.`);
			}
			// Before the secret check: a refusal tells nothing about the request, and the server that
			// takes the retry checks the secret.
			if (draining) {
				req.resume();
				writeShuttingDown(res);
				finish({ status: SHUTTING_DOWN.httpStatus, code: SHUTTING_DOWN.code, inferResult: null });
				return;
			}
			try {
				checkSecret(req, options.secret);
			} catch (error) {
				req.resume();
				throw error;
			}
			const admission: Admission | undefined = options.admit ? options.admit() : { recognize: options.recognize, release: () => undefined };
			if (!admission) {
				req.resume();
				throw new ProtocolError(RATE_LIMIT_CODE);
			}
			try {
				request = await readCreditCardRequest(req, limits);
			} catch (error) {
				admission.release();
				throw error;
			}
			finish(writeOutcome(res, request, await admission.recognize(request)));
		};
		handle().catch((error: unknown) => {
			const protocolError = error instanceof ProtocolError ? error : new ProtocolError('0500', 'Unknown service error.');
			if (!res.headersSent) writeProtocolError(res, protocolError, retryHeaders(protocolError));
			else res.destroy();
			finish({ status: protocolError.status, code: protocolError.code, inferResult: null });
		});
	};
}
