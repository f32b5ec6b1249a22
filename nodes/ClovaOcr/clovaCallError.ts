import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { RetryableError } from './requestScheduler';

export type FailureKind = 'service' | 'network' | 'timeout' | 'cancelled' | 'badResponse';

export interface ClovaCallFailure {
	kind: FailureKind;
	message: string;
	/** What to do about it. */
	description: string;
	retryable: boolean;
	/** CLOVA's own code where the answer had one, else a stable name such as TIMEOUT or HTTP_502. */
	code: string;
	httpStatus?: number;
	/** The service's own words: capped, card numbers masked and the secret key removed (serviceText). */
	serviceMessage?: string;
	/** How long the service asked to wait before a retry. */
	retryAfterMs?: number;
}

/**
 * One failed call, already reduced to what is safe to show: it never holds the request
 * headers (the secret) or the request body (the image). It stays a plain error while retries
 * may still recover the item, and becomes a NodeApiError only once they are spent.
 */
export class ClovaCallError extends Error implements RetryableError {
	readonly kind: FailureKind;

	readonly description: string;

	readonly retryable: boolean;

	readonly code: string;

	readonly httpStatus?: number;

	readonly serviceMessage?: string;

	readonly retryAfterMs?: number;

	constructor(failure: ClovaCallFailure) {
		super(failure.message);
		this.name = 'ClovaCallError';
		this.kind = failure.kind;
		this.description = failure.description;
		this.retryable = failure.retryable;
		this.code = failure.code;
		this.httpStatus = failure.httpStatus;
		this.serviceMessage = failure.serviceMessage;
		this.retryAfterMs = failure.retryAfterMs;
	}
}

/** The NodeApiError n8n shows for a call that failed for good. */
export function nodeApiErrorOf(node: INode, error: ClovaCallError, itemIndex: number): NodeApiError {
	const httpCode = error.httpStatus !== undefined ? String(error.httpStatus) : undefined;
	// Not under a key NodeApiError reads as a status (code, errorCode...): it would swap our message for a generic one.
	const details: JsonObject = { message: error.message, failureCode: error.code, kind: error.kind };
	if (httpCode !== undefined) details.httpCode = httpCode;
	if (error.serviceMessage !== undefined) details.serviceMessage = error.serviceMessage;
	return new NodeApiError(node, details, { itemIndex, message: error.message, description: error.description, httpCode });
}
