import { Readable } from 'stream';

import { jsonBody } from '../nodes/ClovaOcr/jsonBody';
import type { ClovaRequestMessage } from '../nodes/ClovaOcr/clovaTypes';

async function text(body: string | Readable): Promise<string> {
	if (typeof body === 'string') return body;
	const chunks: Buffer[] = [];
	for await (const chunk of body) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

function chunked(bytes: Buffer, size: number): Readable {
	const parts: Buffer[] = [];
	for (let at = 0; at < bytes.length; at += size) parts.push(bytes.subarray(at, at + size));
	return Readable.from(parts);
}

const message = (name: string): ClovaRequestMessage => ({
	version: 'V2',
	requestId: 'r-1',
	timestamp: 1,
	images: [{ format: 'png', name }],
});

describe('JSON-mode body', () => {
	test.each([0, 1, 2, 3, 4, 5, 7, 64, 1000])(
		'a %d-byte file streamed in odd chunks encodes exactly like the in-memory body',
		async (size) => {
			const bytes = Buffer.from(Array.from({ length: size }, (_, i) => (i * 37 + 11) % 256));
			for (const chunkSize of [1, 2, 5, 4096]) {
				const streamed = jsonBody(message('card.png'), chunked(bytes, chunkSize), size);
				const inMemory = jsonBody(message('card.png'), bytes, size);
				const streamedText = await text(streamed.body);
				expect(streamedText).toBe(await text(inMemory.body));
				expect(Buffer.byteLength(streamedText)).toBe(streamed.contentLength);
				expect(JSON.parse(streamedText)).toEqual({
					...message('card.png'),
					images: [{ format: 'png', name: 'card.png', data: bytes.toString('base64') }],
				});
			}
		},
	);

	test('an image name that looks like the data field does not move the image', async () => {
		const bytes = Buffer.from('card bytes');
		const name = 'x","data":"" \\ "data":"';
		const streamed = jsonBody(message(name), chunked(bytes, 3), bytes.length);
		const parsed = JSON.parse(await text(streamed.body)) as ClovaRequestMessage;
		expect(parsed.images[0]).toEqual({ format: 'png', name, data: bytes.toString('base64') });
	});
});
