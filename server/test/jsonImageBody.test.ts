import { JsonImageBody } from '../src/protocol/jsonImageBody';

/** What the reader did before streaming: JSON.parse the body, then check and decode the string. */
function reference(body: string): { data?: string; error?: string } {
	let parsed: { images?: Array<{ data?: unknown }> };
	try {
		parsed = JSON.parse(body) as typeof parsed;
	} catch {
		return { error: 'json' };
	}
	const value = parsed.images?.[0]?.data;
	if (typeof value !== 'string' || value.length === 0) return { error: 'missing' };
	const compact = value.replace(/\s+/g, '');
	if (compact.length % 4 === 1 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return { error: 'base64' };
	return { data: Buffer.from(compact, 'base64').toString('hex') };
}

/** The streaming reader as requestReader uses it, fed in chunks of the given sizes. */
function streamed(body: string, chunkSizes: number[], declare = true): { data?: string; error?: string; text: string } {
	const bytes = Buffer.from(body);
	const reader = new JsonImageBody(declare ? bytes.length : undefined);
	for (let offset = 0, i = 0; offset < bytes.length; i++) {
		const size = Math.max(1, chunkSizes[i % chunkSizes.length]);
		reader.write(bytes.subarray(offset, offset + size));
		offset += size;
	}
	const { text, image, malformed } = reader.end();
	if (malformed) return { error: 'json', text };
	let parsed: { images?: Array<{ data?: unknown }> };
	try {
		parsed = JSON.parse(text) as typeof parsed;
	} catch {
		return { error: 'json', text };
	}
	const value = parsed.images?.[0]?.data;
	if (image && value === '') {
		if (image.empty) return { error: 'missing', text };
		if (!image.data) return { error: 'base64', text };
		expect(image.data.buffer.byteLength).toBe(image.data.length);
		return { data: image.data.toString('hex'), text };
	}
	return { ...reference(text), text };
}

const png = Buffer.from('89504e470d0a1a0a0000000d49484452000003f40000027e08060000', 'hex');
const b64 = png.toString('base64');
const message = (image: string, rest = '"format":"png","name":"c"') =>
	`{"version":"V2","requestId":"r","timestamp":0,"images":[{${rest},"data":${image}}]}`;

const CASES: Array<[string, string]> = [
	['plain', message(`"${b64}"`)],
	['wrapped at 76 with CRLF', message(JSON.stringify(b64.replace(/(.{8})/g, '$1\r\n')))],
	['spaces', message(`"${b64.slice(0, 10)}   ${b64.slice(10)}"`)],
	['escaped slashes', message(`"${Buffer.from([0xff, 0xff, 0xff, 0xfb, 0xef]).toString('base64').replace(/\//g, '\\/')}"`)],
	['unicode escape', message(`"\\u0041AAA"`)],
	['unicode escape past ASCII', message(`"\\u00e9AAA"`)],
	['no padding', message(`"${Buffer.from('ab').toString('base64').replace(/=/g, '')}"`)],
	['one padding', message(`"${Buffer.from('abcd').toString('base64')}"`)],
	['three paddings', message('"QQ==="')],
	['padding in the middle', message('"QQ==QQ=="')],
	['length 4n+1', message('"AAAAA"')],
	['lone trailing char after padding', message('"AAAAA=="')],
	['only padding', message('"=="')],
	['bad character', message('"!!!not-base64!!!"')],
	['url-safe alphabet', message('"ab-_"')],
	['escaped quote', message('"AA\\"A"')],
	['raw control character', message('"AA\u0001A"')],
	['empty', message('""')],
	['number', message('5')],
	['missing', `{"images":[{"format":"png"}]}`],
	['later duplicate key wins', message(`"${b64}","data":"QUJD"`)],
	['later non-string duplicate wins', message(`"${b64}","data":null`)],
	['duplicate images array', `{"images":[{"data":"QUJD"}],"images":[{"data":"${b64}"}]}`],
	['escaped key', `{"images":[{"d\\u0061ta":"${b64}"}]}`],
	['second image is not images[0]', `{"images":[{"format":"png"},{"data":"${b64}"}]}`],
	['nested data is not images[0].data', `{"images":[{"meta":{"data":"${b64}"}}]}`],
	['data before images', `{"data":"QUJD","images":[{"data":"${b64}"}]}`],
	['strings holding brackets and quotes', `{"name":"a]}\\"{[","images":[{"name":"x,\\":","data":"${b64}"}]}`],
	['whitespace between tokens', `{ "images" : [ { "data" : "${b64}" } ] }`],
	['not JSON', '{"version": "V2",'],
	['unterminated data', `{"images":[{"data":"${b64}`],
	['root is an array', `[{"images":[{"data":"${b64}"}]}]`],
	['multi-byte UTF-8 elsewhere', `{"requestId":"카드 ✓","images":[{"name":"é","data":"${b64}"}]}`],
];

describe('JSON body read as it arrives', () => {
	test.each(CASES)('%s: same outcome as JSON.parse + Buffer.from, in any chunking', (_, body) => {
		const expected = reference(body);
		for (const chunks of [[1 << 20], [1], [2], [3], [7], [5, 1, 13]]) {
			for (const declare of [true, false]) {
				const { text, ...outcome } = streamed(body, chunks, declare);
				expect(outcome).toEqual(expected);
				expect(text.length).toBeLessThanOrEqual(body.length);
			}
		}
	});

	test('keeps only the small part of the body as text', () => {
		const big = Buffer.alloc(300_000, 7).toString('base64');
		const { text, data } = streamed(message(`"${big}"`), [65536]);
		expect(data).toBe(Buffer.alloc(300_000, 7).toString('hex'));
		expect(text).toBe(message('""'));
	});

	test('random bodies agree with the reference', () => {
		let seed = 42;
		const random = () => {
			seed = (seed * 1103515245 + 12345) & 0x7fffffff;
			return seed / 0x7fffffff;
		};
		const alphabet = 'ABCxyz019+/=  \n\t\r\u0001\\/"u!é-_';
		for (let i = 0; i < 400; i++) {
			const length = Math.floor(random() * 24);
			let value = '';
			for (let j = 0; j < length; j++) value += alphabet[Math.floor(random() * alphabet.length)];
			const body = message(JSON.stringify(value));
			const { text, ...outcome } = streamed(body, [1 + Math.floor(random() * 9)]);
			expect({ value, ...outcome }).toEqual({ value, ...reference(body) });
			expect(text.length).toBeLessThanOrEqual(body.length);
		}
	});
});
