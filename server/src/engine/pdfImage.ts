import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib';

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
