import type { ServerResponse } from 'http';

/**
 * CLOVA's common error codes: the HTTP status each travels with and the service's own message.
 * The node package keeps the same codes and statuses (nodes/ClovaOcr/clovaErrors.ts);
 * test/clovaRules.test.ts fails when they differ.
 */
export const CLOVA_ERRORS = {
	'0001': { httpStatus: 400, message: 'URL is invalid.' },
	'0002': { httpStatus: 401, message: 'Secret key validate failed.' },
	'0011': { httpStatus: 400, message: 'Request body invalid.' },
	'0021': { httpStatus: 400, message: 'Protocol version not supported.' },
	'0022': { httpStatus: 400, message: 'Request domain invalid.' },
	'0023': { httpStatus: 400, message: 'API request count reached the upper limit.' },
	// Rate limiting is a 400 with this code, not a 429.
	'0025': { httpStatus: 400, message: 'Calls to this API have exceeded the rate limit.' },
	'0500': { httpStatus: 500, message: 'Unknown service error.' },
	'0501': { httpStatus: 500, message: 'OCR service error.' },
	'1021': { httpStatus: 500, message: 'Deploy information not found.' },
} as const satisfies Readonly<Record<string, { httpStatus: number; message: string }>>;

export type ErrorCode = keyof typeof CLOVA_ERRORS;

/** The answer to too many calls at once; clients back off and retry on it. */
export const RATE_LIMIT_CODE = '0025' satisfies ErrorCode;

/** A request the protocol refuses, answered with `{code, message}` and the code's status. */
export class ProtocolError extends Error {
	readonly status: number;

	constructor(
		readonly code: ErrorCode,
		message: string = CLOVA_ERRORS[code].message,
	) {
		super(message);
		this.name = 'ProtocolError';
		this.status = CLOVA_ERRORS[code].httpStatus;
	}
}

export function writeJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(text),
		...headers,
	});
	res.end(text);
}

export function writeProtocolError(res: ServerResponse, error: ProtocolError, headers: Record<string, string> = {}): void {
	writeJson(res, error.status, { code: error.code, message: error.message }, headers);
}

/**
 * The answer to new work while the server shuts down (drains). 503, not CLOVA's 0025 (a 400): a
 * load balancer replays a 503 on another server (HAProxy's retry-on, nginx's proxy_next_upstream;
 * neither can replay a 400) and takes a 503 as "this server, not the request"; the node retries
 * any 5xx without lowering its concurrency, which 0025 would make it do for an overload that is not
 * there. The body keeps CLOVA's shape with 0500, its one code that blames neither the request nor
 * the account.
 */
export const SHUTTING_DOWN = {
	httpStatus: 503,
	code: '0500',
	message: 'Service unavailable: this server is shutting down. Send the request again; another server will take it.',
} as const satisfies { httpStatus: number; code: ErrorCode; message: string };

export function writeShuttingDown(res: ServerResponse): void {
	writeJson(
		res,
		SHUTTING_DOWN.httpStatus,
		{ code: SHUTTING_DOWN.code, message: SHUTTING_DOWN.message },
		{ 'Retry-After': '1', Connection: 'close' },
	);
}
