import { randomUUID } from 'crypto';
import FormData from 'form-data';
import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import type { Readable } from 'stream';

import type { ImageSource } from './binaryInput';
import type { CallDeadline, StopReason } from './callDeadline';
import { startDeadline } from './callDeadline';
import { MAX_RESPONSE_BYTES, readCappedBody } from './cappedBody';
import { ClovaCallError } from './clovaCallError';
import { describeClovaCode } from './clovaErrors';
import type { PeerResponse } from './httpPeer';
import { CONNECTION_FAILURE_WORDS, declaredLength, discardBody, redirectHost, systemErrorOf } from './httpPeer';
import type { ClovaRequestMessage, ClovaResponse } from './clovaTypes';
import type { ClovaFormat } from './imageFormat';
import { jsonBody } from './jsonBody';
import { asClovaResponse, responseShapeProblem } from './responseShape';
import { MAX_RESPONSE_DEPTH, scrubbedAnswer, serviceCode, serviceText } from './serviceText';

export type RequestMode = 'multipart' | 'json';

export const CREDENTIAL_NAME = 'clovaOcrApi';

/** The header the credential's `authenticate` block sets; the node sets the same one itself. */
export const SECRET_HEADER = 'X-OCR-SECRET';

export interface CallPlan {
	endpoint: string;
	mode: RequestMode;
	format: ClovaFormat;
	imageName: string;
	timeoutMs: number;
	image: ImageSource;
	/** Read once per execution from the decrypted credentials. */
	secretKey: string;
}

export interface CallResult {
	requestId: string;
	response: ClovaResponse;
}

function newMessage(plan: CallPlan): ClovaRequestMessage {
	return {
		version: 'V2',
		requestId: randomUUID(),
		timestamp: Date.now(),
		images: [{ format: plan.format, name: plan.imageName }],
	};
}

function buildBody(plan: CallPlan, message: ClovaRequestMessage, image: Readable | Buffer): Pick<IHttpRequestOptions, 'body' | 'headers'> {
	if (plan.mode === 'json') {
		const { body, contentLength } = jsonBody(message, image, plan.image.size);
		return { body, headers: { 'Content-Type': 'application/json', 'Content-Length': String(contentLength) } };
	}
	const form = new FormData();
	form.append('message', JSON.stringify(message), { contentType: 'application/json' });
	form.append('file', image, {
		filename: plan.image.fileName ?? `${plan.imageName}.${plan.format}`,
		contentType: plan.image.mimeType ?? 'application/octet-stream',
		knownLength: plan.image.size,
	});
	return { body: form };
}

/** The parsed answer, secret key removed from the text it may quote; `tooDeep` when it nests past MAX_RESPONSE_DEPTH. */
type ParsedAnswer = { kind: 'json'; value: unknown } | { kind: 'notJson' } | { kind: 'tooDeep' };

function parseAnswer(text: string, secret: string): ParsedAnswer {
	let value: unknown;
	try {
		value = JSON.parse(text) as unknown;
	} catch {
		return { kind: 'notJson' };
	}
	const clean = scrubbedAnswer(value, secret);
	return clean ? { kind: 'json', value: clean.value } : { kind: 'tooDeep' };
}

function retryAfterMs(headers: Record<string, unknown> | undefined): number | undefined {
	const value = headers?.['retry-after'];
	const seconds = typeof value === 'string' ? Number(value) : NaN;
	return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds * 1000, 60_000) : undefined;
}

function redirectFailure(response: PeerResponse, secret: string): ClovaCallError {
	// A relative or broken Location: the generic wording.
	const host = redirectHost(response);
	const target = host === undefined ? 'another address' : `"${serviceText(host, secret, 100) ?? ''}"`;
	return new ClovaCallError({
		kind: 'service',
		message: `The Invoke URL answered with a redirect (HTTP ${response.statusCode}) to ${target}`,
		description:
			'The node does not follow redirects, so the secret key is never sent to another address. Copy the APIGW Invoke URL again from the NAVER Cloud console (or the URL the local server prints) into the credentials.',
		retryable: false,
		code: `HTTP_${response.statusCode}`,
		httpStatus: response.statusCode,
	});
}

function classifyHttpFailure(response: PeerResponse, answer: ParsedAnswer, secret: string): ClovaCallError {
	const status = response.statusCode;
	const value = answer.kind === 'json' ? answer.value : undefined;
	const errorBody = (typeof value === 'object' && value !== null ? value : {}) as { code?: unknown; message?: unknown };
	const code = serviceCode(errorBody.code);
	const serviceMessage = serviceText(errorBody.message, secret);
	const info = describeClovaCode(code, status);
	const detail = serviceMessage
		? ` Service message: "${serviceMessage}".`
		: answer.kind === 'notJson'
			? ' The answer was not JSON (a gateway or proxy page?).'
			: answer.kind === 'tooDeep'
				? ` The answer nested deeper than ${MAX_RESPONSE_DEPTH} levels, so the node did not read it.`
				: '';
	return new ClovaCallError({
		kind: 'service',
		message: info.message,
		description: `${info.fix}${detail} HTTP status ${status}.`,
		retryable: info.retryable,
		code: code || `HTTP_${status}`,
		httpStatus: status,
		serviceMessage,
		retryAfterMs: retryAfterMs(response.headers),
	});
}

function tooLargeFailure(response: PeerResponse, bytes: number, declared: boolean): ClovaCallError {
	const megabytes = MAX_RESPONSE_BYTES / (1024 * 1024);
	return new ClovaCallError({
		kind: 'badResponse',
		message: `CLOVA OCR answered with more than ${megabytes} MB`,
		description: `${declared ? `The answer declared ${bytes} bytes` : `The node stopped reading after ${bytes} bytes`} and closed the connection: a CLOVA OCR answer is a few kilobytes. Check that the Invoke URL points at CLOVA OCR or the local server, not at a file or another service.`,
		retryable: false,
		code: 'RESPONSE_TOO_LARGE',
		httpStatus: response.statusCode,
	});
}

function unreadableFailure(response: PeerResponse, what: string, retryable: boolean): ClovaCallError {
	return new ClovaCallError({
		kind: 'badResponse',
		message: 'CLOVA OCR answered with a body the node cannot read',
		description: `HTTP ${response.statusCode} with ${what}. ${retryable ? 'Retries did not help; run the item again later.' : 'Check that the Invoke URL points at CLOVA OCR or the local server.'}`,
		retryable,
		code: 'BAD_RESPONSE',
		httpStatus: response.statusCode,
	});
}

function stoppedFailure(plan: CallPlan, reason: StopReason): ClovaCallError {
	if (reason === 'cancelled') {
		return new ClovaCallError({
			kind: 'cancelled',
			message: 'The execution was cancelled while waiting for CLOVA OCR',
			description: 'The call was stopped and its connection closed; run the workflow again to read the card.',
			retryable: false,
			code: 'CANCELLED',
		});
	}
	return new ClovaCallError({
		kind: 'timeout',
		message: `CLOVA OCR did not answer within ${plan.timeoutMs / 1000} s`,
		description:
			'Options > Timeout covers the whole call, from sending the image to the last byte of the answer. Still timing out after retries: raise Options > Timeout, or lower Options > Concurrency if many large images are sent at once.',
		retryable: true,
		code: 'TIMEOUT',
	});
}

function classifyTransportFailure(error: unknown, plan: CallPlan, stopped: StopReason | undefined): ClovaCallError {
	if (stopped) return stoppedFailure(plan, stopped);
	const { code, message: rawMessage } = systemErrorOf(error);
	const host = new URL(plan.endpoint).host;
	if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(rawMessage)) return stoppedFailure(plan, 'timeout');
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
		return new ClovaCallError({
			kind: 'network',
			message: `The host "${host}" of the Invoke URL could not be found`,
			description: 'Check the Invoke URL in the CLOVA OCR API credentials: copy it again from the NAVER Cloud console.',
			retryable: code === 'EAI_AGAIN',
			code,
		});
	}
	if (code === 'ECONNREFUSED') {
		return new ClovaCallError({
			kind: 'network',
			message: `Nothing is listening at ${host}`,
			description:
				'If you use the local server, start it (npx clova-ocr-local) and check the port in the credentials; otherwise check the Invoke URL.',
			retryable: true,
			code,
		});
	}
	if (code === 'CERT_HAS_EXPIRED' || code.startsWith('ERR_TLS') || /certificate/i.test(rawMessage)) {
		return new ClovaCallError({
			kind: 'network',
			message: `The TLS certificate of ${host} was rejected`,
			description: 'Check the Invoke URL host; a proxy may be intercepting TLS.',
			retryable: false,
			code: code || 'TLS',
		});
	}
	// Words, not the raw code: NodeApiError swaps any message containing ECONNRESET & co for a generic one.
	const reason = CONNECTION_FAILURE_WORDS[code] ?? 'network error';
	return new ClovaCallError({
		kind: 'network',
		message: `The connection to CLOVA OCR failed (${reason})`,
		description:
			'The connection was reset or dropped and retries did not recover it. Check the network between n8n and the service, then run again.',
		retryable: true,
		code: code || 'NETWORK',
	});
}

/** One HTTP call to the credit-card endpoint. Resolves only with a parsed success body. */
export async function postCreditCard(ctx: IExecuteFunctions, plan: CallPlan): Promise<CallResult> {
	const message = newMessage(plan);
	const image = await plan.image.openStream();
	const deadline = startDeadline(plan.timeoutMs, ctx.getExecutionCancelSignal?.());
	try {
		return { requestId: message.requestId, response: await exchange(ctx, plan, buildBody(plan, message, image), deadline) };
	} finally {
		deadline.dispose();
		closeUnfinished(image);
	}
}

/**
 * A file stream the upload did not read to its end (the call was aborted, timed out or failed
 * while sending) stays open with its file descriptor until destroyed: neither form-data nor the
 * JSON encoder closes its source, and every retry opens a new one.
 */
function closeUnfinished(image: Readable | Buffer): void {
	if (!Buffer.isBuffer(image) && !image.destroyed && !image.readableEnded) image.destroy();
}

async function exchange(
	ctx: IExecuteFunctions,
	plan: CallPlan,
	request: Pick<IHttpRequestOptions, 'body' | 'headers'>,
	deadline: CallDeadline,
): Promise<ClovaResponse> {
	let response: PeerResponse;
	try {
		// Not httpRequestWithAuthentication: it decrypts the credential and evaluates the
		// authenticate block's expression on every call, 2.5 ms per item in n8n 1.123 (measured
		// with npm run bench), more than everything else the node does per item.
		response = (await ctx.helpers.httpRequest({
			method: 'POST',
			url: plan.endpoint,
			body: request.body,
			headers: { ...request.headers, [SECRET_HEADER]: plan.secretKey },
			// The socket's idle limit; deadline.signal is the call's total one.
			timeout: plan.timeoutMs,
			abortSignal: deadline.signal,
			// Read by readCappedBody, which stops at MAX_RESPONSE_BYTES: n8n's helper itself has no limit.
			encoding: 'stream',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			// A redirect would carry the secret header to wherever it points.
			disableFollowRedirect: true,
		})) as PeerResponse;
	} catch (error) {
		throw classifyTransportFailure(error, plan, deadline.stopReason());
	}
	const status = response.statusCode;
	if (status >= 300 && status < 400) {
		discardBody(response);
		throw redirectFailure(response, plan.secretKey);
	}

	const reading = await readCappedBody(response.body, MAX_RESPONSE_BYTES, deadline.signal, declaredLength(response.headers));
	if (reading.kind === 'failed') throw classifyTransportFailure(reading.error, plan, deadline.stopReason());
	if (reading.kind === 'stopped') throw stoppedFailure(plan, deadline.stopReason() ?? 'timeout');
	if (reading.kind === 'tooLarge') throw tooLargeFailure(response, reading.declared ?? reading.bytesRead, reading.declared !== undefined);

	const answer = parseAnswer(reading.body.toString('utf8'), plan.secretKey);
	if (status < 200 || status > 299) throw classifyHttpFailure(response, answer, plan.secretKey);
	if (answer.kind === 'notJson') {
		throw unreadableFailure(response, reading.body.length === 0 ? 'an empty body' : 'a body that is not complete JSON', true);
	}
	if (answer.kind === 'tooDeep') throw unreadableFailure(response, `JSON nested deeper than ${MAX_RESPONSE_DEPTH} levels`, false);
	const problem = responseShapeProblem(answer.value);
	if (problem) throw unreadableFailure(response, `JSON the CLOVA response does not match: ${problem}`, false);
	return asClovaResponse(answer.value);
}
