/**
 * The image formats of the CLOVA credit-card API and the leading bytes that identify each. The
 * node package keeps an identical copy of these tables (nodes/ClovaOcr/imageFormat.ts);
 * test/clovaRules.test.ts fails when they differ.
 */

/** The `format` values the API accepts; pdf and tiff must be single page. */
export const CLOVA_FORMATS = ['jpg', 'jpeg', 'png', 'pdf', 'tif', 'tiff'] as const;
export type ClovaFormat = (typeof CLOVA_FORMATS)[number];

/**
 * What a file is. The server decodes the bytes as what they are, whichever format name the
 * request used, so it needs no map from names to families.
 */
export type ImageFamily = 'jpeg' | 'png' | 'pdf' | 'tiff';

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

function startsWith(data: Buffer, bytes: readonly number[]): boolean {
	return data.length >= bytes.length && bytes.every((b, i) => data[i] === b);
}

/** The family the bytes are, or null when they are none CLOVA accepts. */
export function sniffImageFamily(data: Buffer): ImageFamily | null {
	for (const [family, signatures] of Object.entries(FAMILY_MAGIC) as Array<[ImageFamily, ReadonlyArray<readonly number[]>]>) {
		if (signatures.some((magic) => startsWith(data, magic))) return family;
	}
	return null;
}
