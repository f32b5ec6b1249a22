/**
 * A CLOVA answer is a few kilobytes (one image's fields and boxes); 4 MB leaves room for any
 * honest answer while a broken or hostile peer streaming gigabytes cannot grow n8n's memory.
 */
export const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

/** The answer's body as n8n's HTTP helper hands it over with `encoding: 'stream'`. */
export interface BodyStream extends AsyncIterable<unknown> {
	destroy(error?: Error): unknown;
}

export type BodyReading =
	| { kind: 'complete'; body: Buffer }
	| { kind: 'tooLarge'; bytesRead: number; declared?: number }
	| { kind: 'stopped' }
	/** The connection failed mid-body (reset, closed early). */
	| { kind: 'failed'; error: unknown };

function isBodyStream(value: unknown): value is BodyStream {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as Partial<BodyStream>)[Symbol.asyncIterator] === 'function' &&
		typeof (value as Partial<BodyStream>).destroy === 'function'
	);
}

function chunkBytes(chunk: unknown): Buffer {
	if (Buffer.isBuffer(chunk)) return chunk;
	if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
	return Buffer.from(String(chunk), 'utf8');
}

/**
 * Reads at most `maxBytes` of an answer, counting while it arrives: a longer answer (declared by
 * Content-Length or simply sent) is cut off and its connection closed at once. Stops, closing the
 * connection, when `signal` aborts. A socket error mid-body is returned, not thrown.
 */
export async function readCappedBody(body: unknown, maxBytes: number, signal: AbortSignal, declaredLength?: number): Promise<BodyReading> {
	if (!isBodyStream(body)) {
		// An n8n version that buffered the answer already: check what it holds.
		const bytes =
			body === undefined || body === null
				? Buffer.alloc(0)
				: chunkBytes(typeof body === 'object' && !(body instanceof Uint8Array) ? JSON.stringify(body) : body);
		return bytes.length > maxBytes ? { kind: 'tooLarge', bytesRead: bytes.length } : { kind: 'complete', body: bytes };
	}
	if (declaredLength !== undefined && declaredLength > maxBytes) {
		body.destroy();
		return { kind: 'tooLarge', bytesRead: 0, declared: declaredLength };
	}
	const stopReading = () => body.destroy();
	if (signal.aborted) {
		body.destroy();
		return { kind: 'stopped' };
	}
	signal.addEventListener('abort', stopReading, { once: true });
	const chunks: Buffer[] = [];
	let bytesRead = 0;
	try {
		for await (const chunk of body) {
			const bytes = chunkBytes(chunk);
			bytesRead += bytes.length;
			if (bytesRead > maxBytes) {
				body.destroy();
				return { kind: 'tooLarge', bytesRead };
			}
			chunks.push(bytes);
		}
	} catch (error) {
		return signal.aborted ? { kind: 'stopped' } : { kind: 'failed', error };
	} finally {
		signal.removeEventListener('abort', stopReading);
	}
	// A stream destroyed without an error ends the loop quietly.
	if (signal.aborted) return { kind: 'stopped' };
	return { kind: 'complete', body: Buffer.concat(chunks, bytesRead) };
}
