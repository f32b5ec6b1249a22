/**
 * Writes the committed sample cards (test/fixtures and server/samples) with their ground truth.
 * Re-run after changing the generator: npx tsx server/scripts/make-fixtures.ts
 */
import { writeFileSync, mkdirSync } from 'fs';
import { PDFDocument } from 'pdf-lib';
import { resolve } from 'path';
import sharp from 'sharp';

import { randomTruth } from '../src/synth/cardData';
import { seededRandom } from '../src/synth/random';
import { randomStyle, renderCardFront } from '../src/synth/renderCard';

const root = resolve(__dirname, '..', '..');
const fixtures = resolve(root, 'test', 'fixtures');
mkdirSync(fixtures, { recursive: true });

async function pdfOf(pngs: Buffer[]): Promise<Buffer> {
	const doc = await PDFDocument.create();
	for (const png of pngs) {
		const image = await doc.embedPng(png);
		const page = doc.addPage([image.width * 0.5, image.height * 0.5]);
		page.drawImage(image, { x: 0, y: 0, width: image.width * 0.5, height: image.height * 0.5 });
	}
	return Buffer.from(await doc.save());
}

async function main(): Promise<void> {
	const random = seededRandom(20261126);
	const cards = [
		{ file: 'card-visa.png', brand: 'visa' as const, dark: false, font: 'OCR-A' },
		{ file: 'card-amex.jpg', brand: 'amex' as const, dark: true, font: 'OCR-B' },
		{ file: 'card-mastercard.pdf', brand: 'mastercard' as const, dark: false, font: 'OCR-B' },
		{ file: 'card-jcb.tiff', brand: 'jcb' as const, dark: true, font: 'OCR-A' },
	];
	const truths: Record<string, object> = {};
	const pngs: Buffer[] = [];
	for (const card of cards) {
		const truth = randomTruth(random, { brand: card.brand });
		const style = randomStyle(random, { dark: card.dark, font: card.font, finish: 'flat', showValidThruLabel: true, validThruLabel: 'VALID THRU' });
		const png = renderCardFront(truth, style, random);
		pngs.push(png);
		let bytes: Buffer;
		if (card.file.endsWith('.png')) bytes = png;
		else if (card.file.endsWith('.jpg')) bytes = await sharp(png).flatten({ background: '#ffffff' }).jpeg({ quality: 90 }).toBuffer();
		else if (card.file.endsWith('.tiff')) bytes = await sharp(png).flatten({ background: '#ffffff' }).tiff({ compression: 'lzw' }).toBuffer();
		else bytes = await pdfOf([png]);
		writeFileSync(resolve(fixtures, card.file), bytes);
		truths[card.file] = { name: truth.name, number: truth.number, validThru: truth.validThru, brand: truth.brand };
	}
	writeFileSync(resolve(fixtures, 'two-pages.pdf'), await pdfOf(pngs.slice(0, 2)));
	writeFileSync(resolve(fixtures, 'card.gif'), await sharp(pngs[0]).gif().toBuffer());
	writeFileSync(resolve(fixtures, 'card.webp'), await sharp(pngs[0]).webp().toBuffer());
	writeFileSync(resolve(fixtures, 'notes.txt'), 'This is a text file, not a card image.\n');
	writeFileSync(resolve(fixtures, 'empty.png'), Buffer.alloc(0));
	writeFileSync(resolve(fixtures, 'truth.json'), `${JSON.stringify(truths, null, 2)}\n`);
	console.log(`wrote ${Object.keys(truths).length} cards and the bad-input files to ${fixtures}`);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
