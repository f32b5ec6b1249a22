import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib';
import { createInflate } from 'zlib';

/**
 * A scanned page is one JPEG drawn over the page. Its bytes are the scan at full resolution, and
 * handing them to the JPEG decoder skips rendering the page (and losing detail to the render's size).
 * Returns null for anything else (text, vector art, several images, other codecs): those are rendered.
 */
export async function scannedPageJpeg(data: Buffer): Promise<Buffer | null> {
	let doc: PDFDocument;
	try {
		doc = await PDFDocument.load(data, { updateMetadata: false, throwOnInvalidObject: false });
	} catch {
		return null;
	}
	if (doc.getPageCount() !== 1) return null;
	const page = doc.getPage(0);
	const xobjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
	if (!xobjects) return null;
	const images: PDFRawStream[] = [];
	for (const [, ref] of xobjects.entries()) {
		const object = doc.context.lookup(ref);
		if (!(object instanceof PDFRawStream)) return null;
		if (object.dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) return null;
		images.push(object);
	}
	if (images.length !== 1) return null;
	const image = images[0];
	const filter = image.dict.get(PDFName.of('Filter'));
	const filters = filter instanceof PDFArray ? filter.asArray() : [filter];
	if (filters.length !== 1 || filters[0] !== PDFName.of('DCTDecode')) return null;
	// A small image (a logo on a text page) is not the scan.
	const width = image.dict.lookupMaybe(PDFName.of('Width'), PDFNumber)?.asNumber() ?? 0;
	const { width: pageWidth } = page.getSize();
	if (width < pageWidth) return null;
	return Buffer.from(image.contents);
}

/**
 * Bytes all of a PDF's Flate streams may inflate to: a page's content, fonts and a scan stored
 * losslessly (a 12-megapixel RGB image is 36 MB). A 200 KB file can hold a 200 MB stream.
 */
export const PDF_INFLATED_BUDGET = 48 * 1024 * 1024;

/** Filters whose output pdf.js produces before anything can count it, when another filter wraps them. */
const EXPANDING_FILTER = /\/(FlateDecode|LZWDecode|RunLengthDecode|Fl|LZW|RL)\b/;
const TEXT_FILTER = /\/(ASCII85Decode|ASCIIHexDecode|A85|AHx)\b/;

/** Width and height from a JPEG's frame header, read without decoding a pixel. */
function jpegSize(data: Buffer): { width: number; height: number } | undefined {
	let pos = 2;
	while (pos + 9 < data.length) {
		if (data[pos] !== 0xff) return undefined;
		const marker = data[pos + 1];
		if (marker === 0xff) {
			pos += 1;
			continue;
		}
		if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
			// A height of 0 is given later (DNL): assume the largest.
			return { height: data.readUInt16BE(pos + 5) || 0xffff, width: data.readUInt16BE(pos + 7) };
		}
		if (marker === 0xda || marker === 0xd9) return undefined;
		pos += 2 + data.readUInt16BE(pos + 2);
	}
	return undefined;
}

/** Width and height from a JPEG 2000 codestream's SIZ marker (bare or inside a JP2 file). */
function jpxSize(data: Buffer): { width: number; height: number } | undefined {
	const at = data.subarray(0, 64 * 1024).indexOf(Buffer.from([0xff, 0x4f, 0xff, 0x51]));
	if (at < 0 || at + 24 > data.length) return undefined;
	return { width: data.readUInt32BE(at + 8) - data.readUInt32BE(at + 16), height: data.readUInt32BE(at + 12) - data.readUInt32BE(at + 20) };
}

/** Inflates zlib data from `data`'s start, counting the output; stops (true) once it passes `budget`. */
async function inflatesPast(data: Buffer, budget: number): Promise<{ over: boolean; bytes: number }> {
	return await new Promise((resolve) => {
		const inflater = createInflate();
		let bytes = 0;
		let done = false;
		const finish = (over: boolean) => {
			if (done) return;
			done = true;
			inflater.destroy();
			resolve({ over, bytes });
		};
		inflater.on('data', (chunk: Buffer) => {
			bytes += chunk.length;
			if (bytes > budget) finish(true);
		});
		// Damaged data inflates as far as it goes, as pdf.js would; the bytes up to there are counted.
		inflater.on('error', () => finish(false));
		inflater.on('end', () => finish(false));
		inflater.end(data);
	});
}

function zlibHeader(data: Buffer, at: number): boolean {
	return at + 1 < data.length && (data[at] & 0x0f) === 8 && (data[at] * 256 + data[at + 1]) % 31 === 0;
}

/**
 * Checks a PDF's raw bytes before pdf-lib or pdf.js parse it, and returns why it is refused, or
 * undefined. Every stream is found by its `stream` keyword, as pdf.js's parser finds it, whatever
 * the cross-reference table says: images (the JPEG or JPEG 2000 header's size, or the dictionary's
 * Width and Height) must be within maxPixels, and all Flate streams together must inflate to at
 * most PDF_INFLATED_BUDGET, counted as they inflate and abandoned past it. pdf.js would decode
 * every one at full size, on the worker, whatever the page is rendered at.
 */
export async function pdfRefusal(data: Buffer, maxPixels: number): Promise<string | undefined> {
	const text = data.toString('latin1');
	if (/\/Encrypt\b/.test(text)) return 'The PDF is encrypted; send it without a password or protection.';
	let inflated = 0;
	const limit = Number((maxPixels / 1e6).toFixed(1));
	for (let at = text.indexOf('stream'); at >= 0; at = text.indexOf('stream', at + 6)) {
		if (text.startsWith('end', at - 3)) continue;
		// pdf.js skips to the end of the line after the keyword; the data starts there.
		let start = at + 6;
		while (start < text.length && text[start] !== '\r' && text[start] !== '\n') start += 1;
		start += text.startsWith('\r\n', start) ? 2 : 1;
		const objectStart = text.lastIndexOf(' obj', at);
		const dictionary = text.slice(Math.max(objectStart, at - 4096), at);
		if (TEXT_FILTER.test(dictionary) && EXPANDING_FILTER.test(dictionary)) {
			return 'The PDF has a stream compressed inside a text encoding; save it again (print to PDF) and send that.';
		}
		const width = /\/Width\s+(\d+)/.exec(dictionary);
		const height = /\/Height\s+(\d+)/.exec(dictionary);
		const stream = data.subarray(start);
		const size =
			stream[0] === 0xff && stream[1] === 0xd8
				? jpegSize(stream)
				: stream[0] === 0xff && stream[1] === 0x4f
					? jpxSize(stream)
					: stream.subarray(4, 8).toString('latin1') === 'jP  '
						? jpxSize(stream)
						: width && height
							? { width: Number(width[1]), height: Number(height[1]) }
							: undefined;
		if (size && size.width * size.height > maxPixels) {
			return `The PDF holds a ${size.width}x${size.height} pixel image, over the ${limit} megapixel limit.`;
		}
		// Neither is counted as it inflates; an LZW stream can grow about 1000-fold, so only small ones are taken.
		if (/\/(LZWDecode|RunLengthDecode)\b/.test(dictionary)) {
			const declared = Number(/\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dictionary)?.[1] ?? 0);
			const end = text.indexOf('endstream', start);
			if (Math.max(declared, (end < 0 ? text.length : end) - start) > 32 * 1024) {
				return 'The PDF has a large LZW or run-length compressed stream; save it again (print to PDF) and send that.';
			}
		}
		if (zlibHeader(data, start)) {
			const { over, bytes } = await inflatesPast(stream, PDF_INFLATED_BUDGET - inflated);
			if (over) return `The PDF's compressed streams inflate to more than ${PDF_INFLATED_BUDGET / 1024 / 1024} MB.`;
			inflated += bytes;
		}
	}
	return undefined;
}
