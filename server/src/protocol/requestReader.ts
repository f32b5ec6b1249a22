import busboy from 'busboy';
import { timingSafeEqual } from 'crypto';
import type { IncomingMessage } from 'http';

import { ProtocolError } from './errors';
import type { ClovaFormat } from './imageFormat';
import { CLOVA_FORMATS, sniffImageFamily } from './imageFormat';
import { JsonBodyRefused, JsonImageBody, MAX_JSON_TEXT_BYTES } from './jsonImageBody';
import type { CreditCardRequest, RequestMode } from './types';

export interface ReadLimits {
	/** Largest request body accepted, in bytes. */
	maxBodyBytes: number;
	/**
	 * Bytes of request bodies held at once, being read or waiting for a worker (default 2 x
	 * maxBodyBytes). Each request reserves its declared length (the limit when sent chunked) before
	 * a byte is read; one that does not fit answers 0025 unread.
	 */
	maxHeldBytes?: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxBodyBytes: 20 * 1024 * 1024 };

/** `/credit-card`, `/document/credit-card`, or either under an invoke-URL prefix. */
export function isCreditCardPath(url: string | undefined): boolean {
	const path = (url ?? '').split('?')[0].replace(/\/+$/, '');
	return /(^|\/)credit-card$/.test(path);
}

export function checkSecret(req: IncomingMessage, secret: string | undefined): void {
	if (!secret) return;
	const sent = req.headers['x-ocr-secret'];
	const given = Buffer.from(typeof sent === 'string' ? sent : '');
	const expected = Buffer.from(secret);
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
		throw new ProtocolError('0002');
	}
}

function tooLarge(limits: ReadLimits): ProtocolError {
	return new ProtocolError('0011', `Request body is larger than ${Math.round(limits.maxBodyBytes / 1024 / 1024)} MB.`);
}

/** The body's declared length, or undefined when it is sent chunked (or declares nonsense). */
export function declaredLength(req: IncomingMessage): number | undefined {
	const declared = Number(req.headers['content-length']);
	return Number.isInteger(declared) && declared >= 0 ? declared : undefined;
}

/** Refuses at once, unread, a body that says it is over the limit. */
export function checkDeclaredLength(req: IncomingMessage, limits: ReadLimits): void {
	const declared = declaredLength(req);
	if (declared !== undefined && declared > limits.maxBodyBytes) throw tooLarge(limits);
}

/**
 * Hands each chunk of the body to take, counting it against the limit as it arrives; rejects the
 * moment the count passes the limit or take throws, leaving the rest unread (the listener answers
 * and closes the connection). Events, not for-await: leaving a for-await loop destroys the socket
 * before the answer can be written.
 */
async function readBody(req: IncomingMessage, limits: ReadLimits, take: (chunk: Buffer) => void): Promise<void> {
	checkDeclaredLength(req, limits);
	await new Promise<void>((resolve, reject) => {
		let length = 0;
		const settle = (error?: unknown) => {
			req.off('data', onData);
			req.off('end', onEnd);
			req.off('error', onCut);
			req.off('close', onCut);
			if (error === undefined) resolve();
			else {
				req.pause();
				reject(error);
			}
		};
		const onData = (chunk: Buffer) => {
			length += chunk.length;
			if (length > limits.maxBodyBytes) return settle(tooLarge(limits));
			try {
				take(chunk);
			} catch (error) {
				settle(error);
			}
		};
		const onEnd = () => settle();
		const onCut = () => settle(new ProtocolError('0011', 'Request body was cut off.'));
		req.on('data', onData);
		req.on('end', onEnd);
		req.on('error', onCut);
		req.on('close', onCut);
	});
}

/** Longest requestId and image name taken: both are echoed in the answer (and the id logged). */
export const MAX_ID_LENGTH = 256;

/** A client's string, shortened for an error message. */
function clip(text: string, length = 32): string {
	return text.length > length ? `${text.slice(0, length)}…` : text;
}

interface RawMessage {
	version?: unknown;
	requestId?: unknown;
	timestamp?: unknown;
	images?: unknown;
}

interface RawImage {
	format?: unknown;
	name?: unknown;
	data?: unknown;
	url?: unknown;
}

function parseMessageJson(text: string, where: string): RawMessage {
	let parsed: unknown;
	try {
		// The same depth and size bounds as a JSON body, before JSON.parse sees it.
		new JsonImageBody(undefined).write(Buffer.from(text, 'utf8'));
	} catch (error) {
		if (error instanceof JsonBodyRefused) throw new ProtocolError('0011', `${where} ${error.message}; a CLOVA message does not.`);
	}
	try {
		parsed = JSON.parse(text);
	} catch {
		throw new ProtocolError('0011', `${where} is not valid JSON.`);
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new ProtocolError('0011', `${where} must be a JSON object.`);
	}
	return parsed as RawMessage;
}

function validTimestamp(value: unknown): number {
	if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
	if (typeof value === 'string' && /^\d{1,16}$/.test(value.trim())) return Number(value.trim());
	throw new ProtocolError('0011', 'timestamp is required and must be an integer (milliseconds since epoch).');
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeBase64(value: unknown): Buffer {
	if (typeof value !== 'string' || value.length === 0) throw missingData();
	const compact = value.replace(/\s+/g, '');
	if (compact.length % 4 === 1 || !BASE64.test(compact)) throw invalidBase64();
	return Buffer.from(compact, 'base64');
}

const missingData = () => new ProtocolError('0011', 'images[0].data is required in JSON mode and must be base64-encoded image data.');
const invalidBase64 = () => new ProtocolError('0011', 'images[0].data is not valid base64.');

/** Checks the fields shared by both modes and returns the image entry. */
function validateMessage(message: RawMessage): { version: 'V2'; requestId: string; timestamp: number; image: RawImage } {
	if (message.version !== undefined && message.version !== 'V2') {
		const given = typeof message.version === 'string' ? JSON.stringify(clip(message.version)) : typeof message.version;
		throw new ProtocolError('0021', `Protocol version not supported: ${given}. Use "V2".`);
	}
	if (typeof message.requestId !== 'string' || message.requestId.trim() === '') {
		throw new ProtocolError('0011', 'requestId is required and must be a non-empty string.');
	}
	if (message.requestId.length > MAX_ID_LENGTH) {
		throw new ProtocolError('0011', `requestId is ${message.requestId.length} characters long; at most ${MAX_ID_LENGTH} are taken.`);
	}
	const timestamp = validTimestamp(message.timestamp);
	if (!Array.isArray(message.images) || message.images.length === 0) {
		throw new ProtocolError('0011', 'images is required and must hold exactly one image.');
	}
	if (message.images.length > 1) {
		throw new ProtocolError('0011', `images holds ${message.images.length} entries; document OCR takes exactly one image per request.`);
	}
	const image = message.images[0] as RawImage;
	if (typeof image !== 'object' || image === null) throw new ProtocolError('0011', 'images[0] must be an object.');
	if (image.url !== undefined) throw new ProtocolError('0011', 'images[0].url is not supported by document OCR; send the image bytes.');
	if (typeof image.format !== 'string' || !(CLOVA_FORMATS as readonly string[]).includes(image.format.toLowerCase())) {
		throw new ProtocolError('0011', `images[0].format must be one of ${CLOVA_FORMATS.join(', ')}.`);
	}
	if (typeof image.name !== 'string' || image.name.trim() === '') {
		throw new ProtocolError('0011', 'images[0].name is required and must be a non-empty string.');
	}
	if (image.name.length > MAX_ID_LENGTH) {
		throw new ProtocolError('0011', `images[0].name is ${image.name.length} characters long; at most ${MAX_ID_LENGTH} are taken.`);
	}
	return { version: 'V2', requestId: message.requestId, timestamp, image };
}

/** A request as read, before its bytes are identified. */
type UnsniffedRequest = Omit<CreditCardRequest, 'image'> & { image: Omit<CreditCardRequest['image'], 'family'> };

async function readJsonRequest(req: IncomingMessage, limits: ReadLimits): Promise<UnsniffedRequest> {
	const body = new JsonImageBody(declaredLength(req));
	try {
		await readBody(req, limits, (chunk) => body.write(chunk));
	} catch (error) {
		if (error instanceof JsonBodyRefused) throw new ProtocolError('0011', `Request body ${error.message}; a CLOVA message does not.`);
		throw error;
	}
	const { text, image, malformed } = body.end();
	if (text.length === 0) throw new ProtocolError('0011', 'Request body is empty.');
	if (malformed) throw new ProtocolError('0011', 'Request body is not valid JSON.');
	const message = validateMessage(parseMessageJson(text, 'Request body'));
	let data: Buffer;
	if (image && message.image.data === '') {
		// The string was decoded as it arrived; its place in the text was left empty.
		if (image.empty) throw missingData();
		if (!image.data) throw invalidBase64();
		data = image.data;
	} else {
		data = decodeBase64(message.image.data);
	}
	return {
		mode: 'json',
		version: message.version,
		requestId: message.requestId,
		timestamp: message.timestamp,
		image: { format: (message.image.format as string).toLowerCase() as ClovaFormat, name: message.image.name as string, data },
	};
}

interface MultipartParts {
	message?: string;
	file?: { data: Buffer; fileName?: string; mimeType?: string };
}

async function readMultipartParts(req: IncomingMessage, limits: ReadLimits): Promise<MultipartParts> {
	checkDeclaredLength(req, limits);
	return await new Promise<MultipartParts>((resolve, reject) => {
		let parser: busboy.Busboy;
		try {
			parser = busboy({
				headers: req.headers,
				limits: { fileSize: limits.maxBodyBytes, files: 2, fields: 10, fieldSize: MAX_JSON_TEXT_BYTES, parts: 12 },
			});
		} catch {
			reject(new ProtocolError('0011', 'multipart/form-data body has no boundary.'));
			return;
		}
		const parts: MultipartParts = {};
		let failure: ProtocolError | undefined;
		const fail = (error: ProtocolError) => {
			failure ??= error;
		};
		let settled = false;
		const cutOff = () => stop(new ProtocolError('0011', 'Request body was cut off.'));
		/**
		 * Stops reading at once: the rest of the body stays unread for the listener to refuse. No
		 * listener is left on req that reaches the parser: a refused connection lingers for seconds,
		 * and the parser holds the file read so far (20 MB at the limit).
		 */
		const stop = (error: ProtocolError) => {
			if (settled) return;
			settled = true;
			req.off('data', count);
			req.off('error', cutOff);
			req.unpipe(parser);
			req.pause();
			reject(error);
		};
		// Every byte counts, boundaries and all, as it streams: busboy's own limit counts a file's bytes only and reads on to the end.
		let length = 0;
		const count = (chunk: Buffer) => {
			length += chunk.length;
			if (length > limits.maxBodyBytes) stop(tooLarge(limits));
		};
		parser.on('field', (name, value) => {
			if (name === 'message') parts.message = value;
			else fail(new ProtocolError('0011', `Unexpected form field "${clip(name)}"; send "message" and "file".`));
		});
		parser.on('file', (name, stream, info) => {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('limit', () => stop(tooLarge(limits)));
			stream.on('end', () => {
				const data = Buffer.concat(chunks);
				if (name === 'message') {
					parts.message = data.length > MAX_JSON_TEXT_BYTES ? undefined : data.toString('utf8');
					if (data.length > MAX_JSON_TEXT_BYTES) fail(new ProtocolError('0011', 'The "message" part is larger than a CLOVA message.'));
				} else if (name === 'file') {
					if (parts.file) fail(new ProtocolError('0011', 'More than one file part; document OCR takes exactly one image per request.'));
					parts.file = { data, fileName: info.filename, mimeType: info.mimeType };
				} else {
					fail(new ProtocolError('0011', `Unexpected file part "${clip(name)}"; the image goes in the part named "file".`));
				}
			});
		});
		parser.on('filesLimit', () =>
			fail(new ProtocolError('0011', 'More than one file part; document OCR takes exactly one image per request.')),
		);
		parser.on('partsLimit', () => fail(new ProtocolError('0011', 'Too many form parts; send "message" and "file".')));
		parser.on('error', () => stop(failure ?? new ProtocolError('0011', 'multipart/form-data body is malformed.')));
		parser.on('close', () => {
			if (settled) return;
			settled = true;
			req.off('data', count);
			req.off('error', cutOff);
			if (failure) reject(failure);
			else resolve(parts);
		});
		req.on('error', cutOff);
		req.on('data', count);
		req.pipe(parser);
	});
}

async function readMultipartRequest(req: IncomingMessage, limits: ReadLimits): Promise<UnsniffedRequest> {
	const parts = await readMultipartParts(req, limits);
	if (parts.message === undefined) throw new ProtocolError('0011', 'multipart/form-data body has no "message" part.');
	const message = validateMessage(parseMessageJson(parts.message, 'The "message" part'));
	if (!parts.file) throw new ProtocolError('0011', 'multipart/form-data body has no "file" part holding the image.');
	if (parts.file.data.length === 0) throw new ProtocolError('0011', 'The "file" part is empty.');
	return {
		mode: 'multipart',
		version: message.version,
		requestId: message.requestId,
		timestamp: message.timestamp,
		image: {
			format: (message.image.format as string).toLowerCase() as ClovaFormat,
			name: message.image.name as string,
			data: parts.file.data,
			fileName: parts.file.fileName,
			mimeType: parts.file.mimeType,
		},
	};
}

function requestMode(req: IncomingMessage): RequestMode {
	const type = (req.headers['content-type'] ?? '').toLowerCase();
	if (type.startsWith('application/json')) return 'json';
	if (type.startsWith('multipart/form-data')) return 'multipart';
	throw new ProtocolError('0011', `Content-Type must be application/json or multipart/form-data (got "${type || 'none'}").`);
}

/** Reads and validates one credit-card request, exactly as the CLOVA docs define both modes. */
export async function readCreditCardRequest(req: IncomingMessage, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<CreditCardRequest> {
	// Unread: the listener refuses it and closes the connection.
	const mode = requestMode(req);
	const request = mode === 'json' ? await readJsonRequest(req, limits) : await readMultipartRequest(req, limits);
	// Bytes of another supported format are decoded as what they are; bytes of none are refused.
	const family = sniffImageFamily(request.image.data);
	if (family === null) {
		throw new ProtocolError('0011', `The image data is not a ${request.image.format} file (nor JPEG, PNG, PDF or TIFF).`);
	}
	return { ...request, image: { ...request.image, family } };
}
