import { randomUUID } from 'crypto';
import FormData from 'form-data';
import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { ImageSource } from './binaryInput';
import { redactCardNumbers } from './cardInsights';
import { ClovaCallError } from './clovaCallError';
import { describeClovaCode } from './clovaErrors';
import type { ClovaRequestMessage, ClovaResponse } from './clovaTypes';
import type { ClovaFormat } from './imageFormat';
import { jsonBody } from './jsonBody';

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

async function buildBody(plan: CallPlan, message: ClovaRequestMessage): Promise<Pick<IHttpRequestOptions, 'body' | 'headers'>> {
	if (plan.mode === 'json') {
		const { body, contentLength } = jsonBody(message, await plan.image.openStream(), plan.image.size);
		return { body, headers: { 'Content-Type': 'application/json', 'Content-Length': String(contentLength) } };
	}
	const form = new FormData();
	form.append('message', JSON.stringify(message), { contentType: 'application/json' });
	form.append('file', await plan.image.openStream(), {
		filename: plan.image.fileName ?? `${plan.imageName}.${plan.format}`,
		contentType: plan.image.mimeType ?? 'application/octet-stream',
		knownLength: plan.image.size,
	});
	return { body: form };
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

function retryAfterMs(headers: Record<string, unknown> | undefined): number | undefined {
	const value = headers?.['retry-after'];
	const seconds = typeof value === 'string' ? Number(value) : NaN;
	return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds * 1000, 60_000) : undefined;
}

interface FullResponse {
	body: unknown;
	headers?: Record<string, unknown>;
	statusCode: number;
}

function redirectFailure(response: FullResponse): ClovaCallError {
	const location = typeof response.headers?.location === 'string' ? response.headers.location : '';
	let target = 'another address';
	try {
		target = location ? `"${new URL(location).host}"` : target;
	} catch {
		// a relative or broken Location: keep the generic wording
	}
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

function classifyHttpFailure(response: FullResponse, parsed: unknown): ClovaCallError {
	const status = response.statusCode;
	if (status >= 300 && status < 400) return redirectFailure(response);
	const errorBody = (parsed ?? {}) as { code?: unknown; message?: unknown };
	const code =
		typeof errorBody.code === 'string' ? errorBody.code : typeof errorBody.code === 'number' ? String(errorBody.code).padStart(4, '0') : '';
	const serviceMessage = typeof errorBody.message === 'string' ? redactCardNumbers(errorBody.message).slice(0, 300) : undefined;
	const info = describeClovaCode(code, status);
	const detail = serviceMessage
		? ` Service message: "${serviceMessage}".`
		: parsed === undefined
			? ' The answer was not JSON (a gateway or proxy page?).'
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

interface TransportErrorShape {
	code?: unknown;
	/** Where n8n's NodeApiError keeps the socket error code. */
	httpCode?: unknown;
	message?: unknown;
	cause?: unknown;
}

/**
 * n8n wraps the socket error in a NodeApiError whose httpCode holds the system code (ECONNRESET,
 * ECONNABORTED); other versions keep it on the error or down the `cause` chain, so look at all.
 */
function systemErrorOf(error: unknown): { code: string; message: string } {
	let current: unknown = error;
	let message = '';
	for (let depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth++) {
		const shape = current as TransportErrorShape;
		if (!message && typeof shape.message === 'string') message = shape.message;
		for (const candidate of [shape.code, shape.httpCode]) {
			if (typeof candidate === 'string' && /^(E[A-Z_]+|ERR_[A-Z_]+|CERT_[A-Z_]+|UND_[A-Z_]+)$/.test(candidate)) {
				return { code: candidate, message };
			}
		}
		current = shape.cause;
	}
	return { code: '', message };
}

const CONNECTION_FAILURE_WORDS: Record<string, string> = {
	ECONNRESET: 'connection reset',
	EPIPE: 'connection closed while sending',
	EHOSTUNREACH: 'host unreachable',
	ENETUNREACH: 'network unreachable',
	ERR_STREAM_PREMATURE_CLOSE: 'connection closed early',
};

function classifyTransportFailure(error: unknown, plan: CallPlan): ClovaCallError {
	const { code, message: rawMessage } = systemErrorOf(error);
	const host = new URL(plan.endpoint).host;
	if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(rawMessage)) {
		return new ClovaCallError({
			kind: 'timeout',
			message: `CLOVA OCR did not answer within ${plan.timeoutMs / 1000} s`,
			description:
				'Still timing out after retries: raise Options > Timeout, or lower Options > Concurrency if many large images are sent at once.',
			retryable: true,
			code: 'TIMEOUT',
		});
	}
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
	const { body, headers } = await buildBody(plan, message);
	let response: FullResponse;
	try {
		// Not httpRequestWithAuthentication: it decrypts the credential and evaluates the
		// authenticate block's expression on every call, 2.5 ms per item in n8n 1.123 (measured
		// with npm run bench), more than everything else the node does per item.
		response = (await ctx.helpers.httpRequest({
			method: 'POST',
			url: plan.endpoint,
			body,
			headers: { ...headers, [SECRET_HEADER]: plan.secretKey },
			timeout: plan.timeoutMs,
			encoding: 'text',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			// A redirect would carry the secret header to wherever it points.
			disableFollowRedirect: true,
		})) as FullResponse;
	} catch (error) {
		throw classifyTransportFailure(error, plan);
	}

	const text =
		typeof response.body === 'string'
			? response.body
			: Buffer.isBuffer(response.body)
				? response.body.toString('utf8')
				: JSON.stringify(response.body ?? '');
	const parsed = parseJson(text);
	if (response.statusCode < 200 || response.statusCode > 299) {
		throw classifyHttpFailure(response, parsed);
	}
	const images = (parsed as ClovaResponse | undefined)?.images;
	if (parsed === undefined || typeof parsed !== 'object' || parsed === null || !Array.isArray(images) || images.length === 0) {
		throw new ClovaCallError({
			kind: 'badResponse',
			message: 'CLOVA OCR answered with a body the node cannot read',
			description: `HTTP ${response.statusCode} with ${text.length === 0 ? 'an empty body' : parsed === undefined ? 'a body that is not complete JSON' : 'JSON without an images array'}. Retries did not help; run the item again later.`,
			retryable: true,
			code: 'BAD_RESPONSE',
			httpStatus: response.statusCode,
		});
	}
	return { requestId: message.requestId, response: parsed as ClovaResponse };
}
