import type { ServerResponse } from 'http';

/** CLOVA's common error codes with the HTTP status each travels with. */
export const ERROR_STATUS = {
	'0001': 400,
	'0002': 401,
	'0011': 400,
	'0021': 400,
	'0022': 400,
	'0023': 400,
	'0025': 400,
	'0500': 500,
	'0501': 500,
	'1021': 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
	'0001': 'URL is invalid.',
	'0002': 'Secret key validate failed.',
	'0011': 'Request body invalid.',
	'0021': 'Protocol version not supported.',
	'0022': 'Request domain invalid.',
	'0023': 'API request count reached the upper limit.',
	'0025': 'Calls to this API have exceeded the rate limit.',
	'0500': 'Unknown service error.',
	'0501': 'OCR service error.',
	'1021': 'Deploy information not found.',
};

/** A request the protocol refuses, answered with `{code, message}` and the code's status. */
export class ProtocolError extends Error {
	readonly status: number;

	constructor(
		readonly code: ErrorCode,
		message: string = DEFAULT_MESSAGES[code],
	) {
		super(message);
		this.name = 'ProtocolError';
		this.status = ERROR_STATUS[code];
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
