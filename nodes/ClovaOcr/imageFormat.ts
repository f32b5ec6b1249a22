/**
 * The image formats of the CLOVA credit-card API and the leading bytes that identify each. The
 * local server keeps an identical copy of CLOVA_FORMATS, FAMILY_MAGIC and sniffImageFamily
 * (server/src/protocol/imageFormat.ts); test/clovaRules.test.ts fails when they differ.
 */

/** The `format` values the API accepts; pdf and tiff must be single page. */
export const CLOVA_FORMATS = ['jpg', 'jpeg', 'png', 'pdf', 'tif', 'tiff'] as const;
export type ClovaFormat = (typeof CLOVA_FORMATS)[number];
export type ImageFormatOption = ClovaFormat | 'auto';

/** What a file is, whichever of its format names is sent. */
export type ImageFamily = 'jpeg' | 'png' | 'pdf' | 'tiff';

export const FAMILY_OF_FORMAT: Readonly<Record<ClovaFormat, ImageFamily>> = {
	jpg: 'jpeg',
	jpeg: 'jpeg',
	png: 'png',
	pdf: 'pdf',
	tif: 'tiff',
	tiff: 'tiff',
};

const FORMAT_OF_FAMILY: Record<ImageFamily, ClovaFormat> = { jpeg: 'jpg', png: 'png', pdf: 'pdf', tiff: 'tiff' };

function ascii(text: string): number[] {
	return [...text].map((c) => c.charCodeAt(0));
}

/** Leading bytes of each family; a file starting with any one of them is of that family. */
export const FAMILY_MAGIC: Readonly<Record<ImageFamily, ReadonlyArray<readonly number[]>>> = {
	jpeg: [[0xff, 0xd8, 0xff]],
	png: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
	pdf: [ascii('%PDF-')],
	// Little- and big-endian classic TIFF; BigTIFF (version 43) is not something CLOVA reads.
	tiff: [
		[0x49, 0x49, 0x2a, 0x00],
		[0x4d, 0x4d, 0x00, 0x2a],
	],
};

function startsWith(data: Buffer, bytes: readonly number[], offset = 0): boolean {
	return data.length >= offset + bytes.length && bytes.every((b, i) => data[offset + i] === b);
}

/** The family the bytes are, or null when they are none CLOVA accepts. */
export function sniffImageFamily(data: Buffer): ImageFamily | null {
	for (const [family, signatures] of Object.entries(FAMILY_MAGIC) as Array<[ImageFamily, ReadonlyArray<readonly number[]>]>) {
		if (signatures.some((magic) => startsWith(data, magic))) return family;
	}
	return null;
}

const FAMILY_OF_MIME: Record<string, ImageFamily> = {
	'image/jpeg': 'jpeg',
	'image/jpg': 'jpeg',
	'image/pjpeg': 'jpeg',
	'image/png': 'png',
	'application/pdf': 'pdf',
	'image/tiff': 'tiff',
	'image/tif': 'tiff',
};

/** Number of leading bytes the sniffers need. */
export const SNIFF_BYTES = 512;

export const SUPPORTED_FORMATS_TEXT = 'JPEG, PNG, PDF (single page) or TIFF (single page)';

/** Formats people send by mistake, recognised so the error can say what the file really is. */
function unsupportedKindFromBytes(head: Buffer): string | null {
	if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'a GIF image';
	if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'a WebP image';
	if (startsWith(head, ascii('BM'))) return 'a BMP image';
	if (startsWith(head, ascii('ftyp'), 4)) {
		const brand = head.subarray(8, 12).toString('latin1');
		return /hei|mif|msf|avi/.test(brand) ? 'a HEIC/AVIF image' : 'an MP4/QuickTime file';
	}
	if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'a ZIP archive (or Office document)';
	if (startsWith(head, [0x3c, 0x3f, 0x78, 0x6d, 0x6c]) || /^\s*<svg/i.test(head.toString('latin1', 0, 64))) return 'an SVG/XML file';
	if (looksLikeText(head)) return 'a text file';
	return null;
}

function looksLikeText(head: Buffer): boolean {
	if (head.length === 0) return false;
	const text = head.toString('utf8');
	// U+FFFD appears where bytes are not valid UTF-8; control characters other than whitespace mean binary.
	return !/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text.slice(0, text.length - 3));
}

export class ImageFormatError extends Error {
	constructor(
		message: string,
		readonly description: string,
	) {
		super(message);
		this.name = 'ImageFormatError';
	}
}

export interface FormatHints {
	mimeType?: string;
	fileName?: string;
	fileExtension?: string;
}

function familyFromHints(hints: FormatHints): ImageFamily | null {
	const mime = (hints.mimeType ?? '').toLowerCase().split(';')[0].trim();
	if (FAMILY_OF_MIME[mime]) return FAMILY_OF_MIME[mime];
	const ext = (hints.fileExtension ?? hints.fileName?.split('.').pop() ?? '').toLowerCase();
	if ((CLOVA_FORMATS as readonly string[]).includes(ext)) return FAMILY_OF_FORMAT[ext as ClovaFormat];
	return null;
}

/**
 * The `format` to send for a file. Bytes decide first because mail attachments and webhook
 * uploads often carry a generic or wrong mime type; mime type and extension only break ties
 * when the bytes are not recognised.
 */
export function resolveImageFormat(head: Buffer, override: ImageFormatOption, hints: FormatHints): ClovaFormat {
	const fromBytes = sniffImageFamily(head);
	if (override !== 'auto') {
		if (fromBytes && fromBytes !== FAMILY_OF_FORMAT[override]) {
			throw new ImageFormatError(
				`Image Format is set to "${override}" but the file is ${fromBytes.toUpperCase()}`,
				'Set Options > Image Format to "Auto" so the node reads the format from the file, or pick the matching format.',
			);
		}
		return override;
	}
	if (fromBytes) return FORMAT_OF_FAMILY[fromBytes];
	const kind = unsupportedKindFromBytes(head);
	if (kind) {
		throw new ImageFormatError(
			`The file is ${kind}, which CLOVA OCR cannot read`,
			`CLOVA OCR accepts ${SUPPORTED_FORMATS_TEXT}. Convert the file first (for example with the Edit Image node, format JPEG or PNG) or point Input Binary Field at the card image.`,
		);
	}
	const fromHints = familyFromHints(hints);
	if (fromHints) return FORMAT_OF_FAMILY[fromHints];
	throw new ImageFormatError(
		'The file format could not be recognised',
		`CLOVA OCR accepts ${SUPPORTED_FORMATS_TEXT}; the file's bytes, mime type "${hints.mimeType ?? 'unknown'}" and name do not match any of them. Set Options > Image Format if you know the format.`,
	);
}
