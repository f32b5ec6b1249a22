import sharp from 'sharp';

import type { DecodeLimits } from './engineSettings';
import { DEFAULT_DECODE_LIMITS } from './engineSettings';
import type { EncodedImage } from './types';

/** An RGB image in memory, 3 bytes per pixel, rows top to bottom. */
export interface RgbImage {
	data: Buffer;
	width: number;
	height: number;
}

/** Why an image cannot be decoded: `badInput` is not an image the engine takes (a second page), `unreadable` is a read error. */
export class DecodeError extends Error {
	constructor(
		readonly kind: 'badInput' | 'unreadable',
		message: string,
	) {
		super(message);
		this.name = 'DecodeError';
	}
}

/**
 * PDF pages that are not a single scanned image are rendered so the longer side lands here: an A4
 * page at about 200 dpi, where a card's smallest text is still 20 px high.
 */
const PDF_TARGET_LONG_SIDE = 2400;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs', { with: { 'resolution-mode': 'import' } });

let pdfjsModule: Promise<PdfJs> | undefined;

/** pdfjs-dist is ESM-only; a real dynamic import keeps it out of start-up for servers that never see a PDF. */
async function loadPdfJs(): Promise<PdfJs> {
	pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs');
	return await pdfjsModule;
}

async function renderPdfFirstPage(data: Buffer, limits: DecodeLimits): Promise<RgbImage> {
	const pdfjs = await loadPdfJs();
	let doc;
	try {
		doc = await pdfjs.getDocument({
			data: new Uint8Array(data),
			isEvalSupported: false,
			disableFontFace: true,
			verbosity: 0,
			maxImageSize: limits.maxPixels,
		}).promise;
	} catch {
		throw new DecodeError('unreadable', 'Read page:0 error: the PDF is damaged or encrypted.');
	}
	try {
		if (doc.numPages !== 1) {
			throw new DecodeError('badInput', `The PDF has ${doc.numPages} pages; only single-page PDF is supported.`);
		}
		const page = await doc.getPage(1);
		const base = page.getViewport({ scale: 1 });
		const scale = Math.min(4, PDF_TARGET_LONG_SIDE / Math.max(base.width, base.height));
		const viewport = page.getViewport({ scale });
		const width = Math.ceil(viewport.width);
		const height = Math.ceil(viewport.height);
		if (width * height > limits.maxPixels)
			throw new DecodeError('badInput', `The PDF page renders to ${width}x${height} pixels, over the limit.`);
		// pdfjs renders through its own @napi-rs/canvas factory; its pixels are read back directly
		// rather than through an image encoder.
		type RgbaContext = { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
		const factory = doc.canvasFactory as { create(width: number, height: number): { canvas: object; context: RgbaContext } };
		const { canvas, context } = factory.create(width, height);
		await page.render({ canvasContext: context, viewport, canvas } as unknown as Parameters<typeof page.render>[0]).promise;
		const rgba = context.getImageData(0, 0, width, height).data;
		const { data: pixels, info } = await sharp(Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength), {
			raw: { width, height, channels: 4 },
		})
			.flatten({ background: '#ffffff' })
			.removeAlpha()
			.raw()
			.toBuffer({ resolveWithObject: true });
		return { data: pixels, width: info.width, height: info.height };
	} finally {
		await doc.destroy();
	}
}

/**
 * Decodes the first (only) page to RGB, as the family the caller says the bytes are. EXIF
 * orientation is applied so coordinates match what viewers show; transparency is flattened onto
 * white as scanners and cameras would produce.
 */
export async function decodeImage({ data, family }: EncodedImage, limits: DecodeLimits = DEFAULT_DECODE_LIMITS): Promise<RgbImage> {
	let source = data;
	if (family === 'pdf') {
		// Before pdf-lib or pdf.js parse it: both decode what the file holds at full size.
		// Required here, not imported at the top: pdf-lib takes a third of a second to load, and most
		// servers never see a PDF.
		// eslint-disable-next-line @typescript-eslint/no-var-requires
		const { pdfRefusal, scannedPageJpeg } = require('./pdfImage') as typeof import('./pdfImage');
		const refusal = await pdfRefusal(data, limits.maxPixels);
		if (refusal) throw new DecodeError('badInput', refusal);
		const scan = await scannedPageJpeg(data);
		if (!scan) return await renderPdfFirstPage(data, limits);
		source = scan;
	}
	const options = { limitInputPixels: limits.maxPixels, failOn: 'truncated' as const, sequentialRead: true };
	let metadata;
	try {
		// Headers only: read the true size without a pixel limit so the refusal can name it.
		metadata = await sharp(source, { ...options, limitInputPixels: false, pages: -1 }).metadata();
	} catch (error) {
		throw new DecodeError('unreadable', `Read page:0 error: ${describeSharpError(error)}`);
	}
	if (family === 'tiff' && (metadata.pages ?? 1) > 1) {
		throw new DecodeError('badInput', `The TIFF has ${metadata.pages} pages; only single-page TIFF is supported.`);
	}
	const width = metadata.width ?? 0;
	const height = metadata.height ?? 0;
	if (width * height > limits.maxPixels) {
		throw new DecodeError(
			'badInput',
			`The image is ${width}x${height} pixels, over the ${Number((limits.maxPixels / 1e6).toFixed(1))} megapixel limit.`,
		);
	}
	try {
		const { data: pixels, info } = await sharp(source, options)
			.rotate()
			.flatten({ background: '#ffffff' })
			.toColourspace('srgb')
			.removeAlpha()
			.raw()
			.toBuffer({ resolveWithObject: true });
		if (info.channels !== 3) throw new Error(`unexpected ${info.channels} channels`);
		return { data: pixels, width: info.width, height: info.height };
	} catch (error) {
		throw new DecodeError('unreadable', `Read page:0 error: ${describeSharpError(error)}`);
	}
}

function describeSharpError(error: unknown): string {
	const text = error instanceof Error ? error.message : String(error);
	if (/truncat|premature|end of file|Corrupt/i.test(text)) return 'the image data is truncated or corrupt.';
	if (/pixel limit/i.test(text)) return 'the image has too many pixels.';
	return 'the image data could not be decoded.';
}
