/**
 * Writes the committed sample cards (test/fixtures and server/samples) with their ground truth.
 * Re-run after changing the generator: npx tsx server/scripts/make-fixtures.ts [--samples-only]
 * (--samples-only leaves test/fixtures alone: its PDFs carry their creation time, so every run changes them).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { PDFDocument } from 'pdf-lib';
import { resolve } from 'path';
import { crc32, deflateSync } from 'zlib';
import sharp from 'sharp';

import { randomTruth } from '../src/synth/cardData';
import { generateCardSet } from '../src/synth/cardSet';
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

/** A minimal uncompressed greyscale TIFF with one IFD per page: sharp cannot write multi-page TIFF. */
function multiPageTiff(pages: number, width = 16, height = 16): Buffer {
	const entries = 8;
	const ifdSize = 2 + entries * 12 + 4;
	const pixels = width * height;
	const pageSize = ifdSize + pixels;
	const out = Buffer.alloc(8 + pages * pageSize);
	out.write('II', 0, 'latin1');
	out.writeUInt16LE(42, 2);
	out.writeUInt32LE(8, 4);
	for (let p = 0; p < pages; p++) {
		const ifd = 8 + p * pageSize;
		const data = ifd + ifdSize;
		out.writeUInt16LE(entries, ifd);
		const tags: Array<[number, number, number]> = [
			[256, 3, width],
			[257, 3, height],
			[258, 3, 8],
			[259, 3, 1],
			[262, 3, 1],
			[273, 4, data],
			[278, 3, height],
			[279, 4, pixels],
		];
		tags.forEach(([tag, type, value], i) => {
			const at = ifd + 2 + i * 12;
			out.writeUInt16LE(tag, at);
			out.writeUInt16LE(type, at + 2);
			out.writeUInt32LE(1, at + 4);
			if (type === 3) out.writeUInt16LE(value, at + 8);
			else out.writeUInt32LE(value, at + 8);
		});
		out.writeUInt32LE(p + 1 < pages ? ifd + pageSize : 0, ifd + 2 + entries * 12);
		out.fill(p === 0 ? 200 : 60, data, data + pixels);
	}
	return out;
}

/** A PNG whose header claims 20000 x 20000 pixels; only a decoder that honours limits survives it. */
function hugePngHeader(): Buffer {
	const chunk = (type: string, data: Buffer) => {
		const length = Buffer.alloc(4);
		length.writeUInt32BE(data.length);
		const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
		const sum = Buffer.alloc(4);
		sum.writeUInt32BE(crc32(body) >>> 0);
		return Buffer.concat([length, body, sum]);
	};
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(20000, 0);
	ihdr.writeUInt32BE(20000, 4);
	ihdr[8] = 8;
	ihdr[9] = 0;
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', deflateSync(Buffer.alloc(20001))),
		chunk('IEND', Buffer.alloc(0)),
	]);
}

/**
 * The demo's table shows these cards, so their dates are chosen rather than drawn: one expired on
 * purpose (the month before this set was made; the demo's legend names it) and the rest valid into
 * the late 2030s, so they do not turn "expired" while the repository is in use. The engine finds an
 * expiry more than 25 years away implausible, so dates stay within that.
 */
const SAMPLE_VALID_THRU: Record<string, string> = {
	'flat-000': '10/26',
	'flat-001': '11/38',
	'photo-000': '05/37',
	'photo-001': '11/39',
	'photo-002': '11/36',
	'hard-000': '08/40',
	'hard-001': '09/35',
	'hard-002': '02/41',
};
const EXPIRED_ON_PURPOSE = 'flat-000';

async function writeSamples(): Promise<void> {
	const dir = resolve(root, 'server', 'samples');
	mkdirSync(dir, { recursive: true });
	const validThru = (id: string) => SAMPLE_VALID_THRU[id];
	// Seed 3: neither the tuning set (1) nor the benchmark set (7).
	const cards = [
		...(await generateCardSet(3, 2, ['flat'], validThru)),
		...(await generateCardSet(3, 3, ['photo'], validThru)),
		...(await generateCardSet(3, 3, ['hard'], validThru)),
	];
	const truth: Record<string, object> = {};
	for (const card of cards) {
		const file = `${card.id}.${card.format}`;
		writeFileSync(resolve(dir, file), card.data);
		truth[file] = {
			name: card.truth.name,
			number: card.truth.number,
			validThru: card.truth.validThru,
			brand: card.truth.brand,
			notes: card.notes,
			...(card.id === EXPIRED_ON_PURPOSE ? { expiredOnPurpose: true } : {}),
		};
	}
	writeFileSync(resolve(dir, 'truth.json'), `${JSON.stringify(truth, null, 2)}\n`);
}

async function main(): Promise<void> {
	if (process.argv.includes('--samples-only')) {
		await writeSamples();
		console.log('wrote the sample cards to server/samples');
		return;
	}
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
		const style = randomStyle(random, {
			dark: card.dark,
			font: card.font,
			finish: 'flat',
			showValidThruLabel: true,
			validThruLabel: 'VALID THRU',
		});
		const png = renderCardFront(truth, style, random);
		pngs.push(png);
		let bytes: Buffer;
		if (card.file.endsWith('.png')) bytes = png;
		else if (card.file.endsWith('.jpg')) bytes = await sharp(png).flatten({ background: '#ffffff' }).jpeg({ quality: 90 }).toBuffer();
		else if (card.file.endsWith('.tiff'))
			bytes = await sharp(png).flatten({ background: '#ffffff' }).tiff({ compression: 'lzw' }).toBuffer();
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
	writeFileSync(resolve(fixtures, 'two-pages.tiff'), multiPageTiff(2));
	writeFileSync(resolve(fixtures, 'huge-20000x20000.png'), hugePngHeader());
	const jpeg = readFileSync(resolve(fixtures, 'card-amex.jpg'));
	writeFileSync(resolve(fixtures, 'truncated.jpg'), jpeg.subarray(0, Math.floor(jpeg.length / 2)));
	await writeSamples();
	console.log(`wrote ${Object.keys(truths).length} cards and the bad-input files to ${fixtures}`);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
