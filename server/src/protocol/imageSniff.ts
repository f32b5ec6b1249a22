export type ImageFamily = 'jpeg' | 'png' | 'pdf' | 'tiff';

export function sniffImageFamily(data: Buffer): ImageFamily | null {
	if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg';
	if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
	if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
	const tiff = data.subarray(0, 4).toString('latin1');
	if (tiff === 'II*\u0000' || tiff === 'MM\u0000*') return 'tiff';
	return null;
}

export function familyOfFormat(format: string): ImageFamily {
	if (format === 'jpg' || format === 'jpeg') return 'jpeg';
	if (format === 'tif' || format === 'tiff') return 'tiff';
	return format as ImageFamily;
}
