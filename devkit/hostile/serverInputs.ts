/** The hostile inputs of issue 13 for the local server, and a client that sends them the way an attacker would (server/test and test-hostile). */
import { request } from 'http';
import sharp from 'sharp';
import { deflateSync } from 'zlib';

export interface Answer {
	status: number;
	body: string;
	headers: Record<string, string | string[] | undefined>;
	/** Until the answer's headers arrived. */
	ms: number;
	/** Body bytes this client had written when the answer arrived. */
	bytesSentAtAnswer: number;
	/** The server closed the connection before an answer arrived (status 0). */
	cut?: boolean;
}

/** A minimal PDF from object bodies (index + 1 is the object number), with a correct cross-reference table. */
export function buildPdf(objects: Array<string | Buffer>): Buffer {
	const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
	let offset = parts[0].length;
	const offsets: number[] = [];
	for (const [i, body] of objects.entries()) {
		offsets.push(offset);
		const chunk = Buffer.concat([
			Buffer.from(`${i + 1} 0 obj\n`),
			Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'),
			Buffer.from('\nendobj\n'),
		]);
		parts.push(chunk);
		offset += chunk.length;
	}
	const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)];
	parts.push(Buffer.from(`${xref.join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`));
	return Buffer.concat(parts);
}

function pdfStream(dictionary: string, data: Buffer): Buffer {
	return Buffer.concat([Buffer.from(`<< ${dictionary} /Length ${data.length} >>\nstream\n`), data, Buffer.from('\nendstream')]);
}

const CATALOG = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>'];

/**
 * Row 1: a 587 KB PDF whose page draws a 10000 x 10000 JPEG through a form XObject, so it is not
 * the one-scan shape and the page is rendered.
 */
export async function pixelBombPdf(): Promise<Buffer> {
	const jpeg = await sharp({ create: { width: 10000, height: 10000, channels: 3, background: '#8090a0' } })
		.jpeg({ quality: 40 })
		.toBuffer();
	return buildPdf([
		...CATALOG,
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Fm0 5 0 R >> >> /Contents 4 0 R >>',
		pdfStream('', Buffer.from('q 612 0 0 792 0 0 cm /Fm0 Do Q')),
		pdfStream('/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /Im0 6 0 R >> >>', Buffer.from('q /Im0 Do Q')),
		pdfStream(
			'/Type /XObject /Subtype /Image /Width 10000 /Height 10000 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode',
			jpeg,
		),
	]);
}

/** Row 2: a 205 KB PDF whose content stream inflates to 200 MB. */
export function inflateBombPdf(): Buffer {
	const content = deflateSync(Buffer.alloc(200 * 1024 * 1024, 0x20), { level: 9 });
	return buildPdf([
		...CATALOG,
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
		pdfStream('/Filter /FlateDecode', content),
	]);
}

export function clovaJson(image: { format: string; name?: string; data: Buffer }, fields: Record<string, unknown> = {}): Buffer {
	return Buffer.from(
		JSON.stringify({
			version: 'V2',
			requestId: 'hostile-1',
			timestamp: 0,
			images: [{ format: image.format, name: image.name ?? 'card', data: image.data.toString('base64') }],
			...fields,
		}),
	);
}

/**
 * POSTs a body (or a body written by `write`, sent chunked) and resolves with the answer as soon as
 * it arrives, whether the upload is finished, still going or cut off by the server.
 */
export async function send(
	url: string,
	options: {
		path?: string;
		method?: string;
		headers?: Record<string, string>;
		body?: Buffer;
		write?: (chunk: (data: Buffer) => Promise<boolean>) => Promise<void>;
	},
): Promise<Answer> {
	const started = performance.now();
	let sent = 0;
	return await new Promise<Answer>((resolve) => {
		let answered = false;
		const req = request(`${url}${options.path ?? '/document/credit-card'}`, {
			method: options.method ?? 'POST',
			agent: false,
			headers: {
				...(options.body ? { 'Content-Length': String(options.body.length) } : {}),
				...options.headers,
			},
		});
		req.on('response', (res) => {
			const bytesSentAtAnswer = sent;
			const ms = performance.now() - started;
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => {
				answered = true;
				resolve({
					status: res.statusCode ?? 0,
					body: Buffer.concat(chunks).toString(),
					headers: res.headers,
					ms,
					bytesSentAtAnswer,
				});
			});
		});
		// A server that refuses a large upload closes the connection: the answer may be lost with it.
		req.on('error', () =>
			setTimeout(() => {
				if (answered) return;
				answered = true;
				resolve({ status: 0, body: '', headers: {}, ms: performance.now() - started, bytesSentAtAnswer: sent, cut: true });
			}, 200),
		);
		const writeChunk = async (data: Buffer): Promise<boolean> => {
			if (req.destroyed || answered) return false;
			sent += data.length;
			if (!req.write(data)) {
				await new Promise<void>((resolve) => {
					const done = () => {
						req.off('drain', done);
						req.off('close', done);
						resolve();
					};
					req.on('drain', done);
					req.on('close', done);
				});
			}
			return !req.destroyed && !answered;
		};
		// Headers go out now, not with the first body byte: a server may answer on them alone.
		req.flushHeaders();
		void (async () => {
			if (options.body) {
				// Written in pieces so the bytes sent when the answer came can be counted.
				for (let at = 0; at < options.body.length; at += 1024 * 1024) {
					if (!(await writeChunk(options.body.subarray(at, at + 1024 * 1024)))) return;
				}
			} else if (options.write) await options.write(writeChunk);
			if (!req.destroyed) req.end();
		})();
	});
}

export function answerCode(answer: Answer): string | undefined {
	return answerField(answer, 'code');
}

/** The answer's `code` or `message`, undefined when it is not a CLOVA error. */
export function answerField(answer: Answer, field: 'code' | 'message'): string | undefined {
	try {
		const value = (JSON.parse(answer.body) as Record<string, unknown>)[field];
		return typeof value === 'string' ? value : undefined;
	} catch {
		return undefined;
	}
}
