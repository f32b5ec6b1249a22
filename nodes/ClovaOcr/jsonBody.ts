import { Readable } from 'stream';

import type { ClovaRequestMessage } from './clovaTypes';

/** Only structural quotes are unescaped in JSON, so this cannot occur inside a string value. */
const EMPTY_DATA = '"data":""';

export interface JsonBody {
	body: string | Readable;
	contentLength: number;
}

async function* base64Between(prefix: string, source: Readable, suffix: string): AsyncGenerator<Buffer> {
	yield Buffer.from(prefix);
	let carry = Buffer.alloc(0);
	for await (const chunk of source) {
		const bytes = carry.length > 0 ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
		// base64 maps 3 bytes to 4 characters: encode whole triples, keep the rest for the next chunk.
		const whole = bytes.length - (bytes.length % 3);
		if (whole > 0) yield Buffer.from(bytes.subarray(0, whole).toString('base64'));
		carry = Buffer.from(bytes.subarray(whole));
	}
	yield Buffer.from(carry.toString('base64') + suffix);
}

/**
 * The JSON-mode body: the message with the image as base64 in images[0].data. A file on disk is
 * encoded while it streams out, so a 30 MB scan does not become 40 MB of string plus copies.
 */
export function jsonBody(message: ClovaRequestMessage, image: Readable | Buffer, size: number): JsonBody {
	const template = JSON.stringify({ ...message, images: [{ ...message.images[0], data: '' }] });
	const at = template.lastIndexOf(EMPTY_DATA) + EMPTY_DATA.length - 1;
	const prefix = template.slice(0, at);
	const suffix = template.slice(at);
	if (Buffer.isBuffer(image)) {
		const body = prefix + image.toString('base64') + suffix;
		return { body, contentLength: Buffer.byteLength(body) };
	}
	return {
		body: Readable.from(base64Between(prefix, image, suffix), { objectMode: false }),
		contentLength: Buffer.byteLength(prefix) + 4 * Math.ceil(size / 3) + Buffer.byteLength(suffix),
	};
}
