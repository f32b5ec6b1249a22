/**
 * A third set of synthetic credit-card images, written by a helper who had not read server/src/synth or
 * server/scripts/heldout: cards drawn with @napi-rs/canvas, photographed in 3-D over desks with props, or
 * scanned on A4 pages.
 *
 *   npx tsx server/scripts/thirdhand/generate.ts --seed 4 --out /tmp/thirdhand --per-capture 20 [--only upright,scanPdf]
 *
 * Writes the images (jpg, pdf, tif) and truth.json: file name -> { name, number, validThru (MM/YY), layout, capture, notes },
 * the shape server/scripts/heldout/score.ts reads. Image i of a capture depends only on (seed, capture, i).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { parseArgs } from 'util';

import { PDFDocument } from 'pdf-lib';

import type { HeldoutTruth } from '../heldout/truth';
import type { RenderedCard } from './card';
import { renderCard } from './card';
import type { CardSpec } from './data';
import { layoutPlan, luhnOk, makeSpec } from './data';
import { loadFonts } from './fonts';
import { Rng } from './rng';
import type { PhotoOpts } from './scene';
import { cameraFinish, composePhoto, composeScan, scanFinish } from './scene';

const CAPTURES = ['upright', 'upsideDown', 'portrait', 'scanPdf', 'scanTiff', 'photo12mp', 'closeUp'] as const;
type Capture = (typeof CAPTURES)[number];
type PhotoCapture = Exclude<Capture, 'scanPdf' | 'scanTiff'>;

function phoneFrame(rng: Rng, vertical: boolean): { W: number; H: number } {
	const long = rng.int(1000, 1600);
	const aspect = rng.wpick([
		[4 / 3, 5],
		[16 / 9, 2],
		[3 / 2, 1],
	]);
	const short = Math.round(long / aspect);
	return vertical ? { W: short, H: long } : { W: long, H: short };
}

interface PhotoSetup {
	opts: PhotoOpts;
	/** Degrees the finished image is turned by. */
	rotate: number;
	/** JPEG quality range. */
	quality: [number, number];
}

function photoSetup(cap: PhotoCapture, r: Rng, card: RenderedCard, notes: string[]): PhotoSetup {
	const vertical = card.hMm > card.wMm;
	switch (cap) {
		case 'upright':
		case 'upsideDown':
		case 'portrait': {
			// Phone frames follow the card's orientation; a portrait capture then turns the whole image.
			const frame = phoneFrame(r, vertical);
			const opts: PhotoOpts = {
				...frame,
				frac: vertical ? [0.42, 0.72] : [0.45, 0.85],
				roll: cap === 'upsideDown' ? 180 : 0,
				rollJit: 20,
				tilt: 14,
				busy: r.chance(0.25),
				allowCut: false,
				offCentre: false,
				thumbP: 0.3,
				minNumPx: 15,
			};
			let rotate = 0;
			if (cap === 'portrait') {
				rotate = r.chance(0.5) ? 90 : 270;
				notes.push(`phone held sideways: image rotated ${rotate}`);
			}
			return { opts, rotate, quality: [60, 90] };
		}
		case 'photo12mp':
			return {
				opts: {
					W: 4032,
					H: 3024,
					frac: [0.15, 0.6],
					roll: 0,
					rollJit: 25,
					tilt: 15,
					busy: true,
					allowCut: false,
					offCentre: true,
					thumbP: 0.15,
					minNumPx: 16,
				},
				rotate: 0,
				quality: [70, 92],
			};
		case 'closeUp': {
			const long = r.int(1200, 2200);
			const aspect = r.pick([4 / 3, 3 / 2, 16 / 9]);
			const dims = { W: long, H: Math.round(long / aspect) };
			// The frame roughly matches the card's aspect, so that the card can fill 85-100% of its width.
			const cardAspect = card.wMm / card.hMm;
			if (vertical) {
				dims.W = Math.round(long / aspect);
				dims.H = long;
			}
			if (dims.W / dims.H > cardAspect * 1.05) dims.W = Math.round(dims.H * cardAspect * r.range(1.0, 1.08));
			const opts: PhotoOpts = {
				...dims,
				frac: [0.85, 1.0],
				roll: 0,
				rollJit: 4,
				tilt: 7,
				busy: false,
				allowCut: true,
				offCentre: false,
				thumbP: 0.25,
				minNumPx: 20,
			};
			return { opts, rotate: 0, quality: [60, 90] };
		}
	}
}

// Producer, creator and dates are fixed (and keep the probe's name) so that a seed gives the same PDF bytes.
async function writePdf(jpeg: Buffer, file: string): Promise<void> {
	const doc = await PDFDocument.create();
	doc.setProducer('probe3 scanner');
	doc.setCreator('probe3');
	doc.setCreationDate(new Date('2024-03-03T10:00:00Z'));
	doc.setModificationDate(new Date('2024-03-03T10:00:00Z'));
	const img = await doc.embedJpg(jpeg);
	// A4 in points.
	const page = doc.addPage([595.28, 841.89]);
	page.drawImage(img, { x: 0, y: 0, width: 595.28, height: 841.89 });
	writeFileSync(file, await doc.save({ useObjectStreams: false }));
}

async function makeCapture(
	cap: Capture,
	rng: Rng,
	spec: CardSpec,
	outDir: string,
	base: string,
): Promise<{ file: string; notes: string[] }> {
	const card = renderCard(rng.fork('render'), spec);
	const notes = [...card.notes];
	const r = rng.fork('capture');
	if (cap === 'scanPdf' || cap === 'scanTiff') {
		const sc = await composeScan(r, card);
		const fin = await scanFinish(r, sc.canvas, sc.dpi, sc.gray);
		notes.push(...sc.info, ...fin.info);
		if (cap === 'scanPdf') {
			const q = r.int(70, 92);
			const jpeg = await fin.img.jpeg({ quality: q }).withMetadata({ density: sc.dpi }).toBuffer();
			notes.push(`pdf jpeg q${q}`);
			const file = `${base}.pdf`;
			await writePdf(jpeg, join(outDir, file));
			return { file, notes };
		}
		const comp = r.pick(['lzw', 'deflate'] as const);
		const file = `${base}.tif`;
		await fin.img
			.tiff({ compression: comp, predictor: 'horizontal', xres: sc.dpi / 25.4, yres: sc.dpi / 25.4, resolutionUnit: 'inch' })
			.toFile(join(outDir, file));
		notes.push(`tiff ${comp}`);
		return { file, notes };
	}
	const { opts, rotate, quality } = photoSetup(cap, r, card, notes);
	const ph = await composePhoto(r, card, opts);
	const fin = await cameraFinish(r, ph.canvas, { rotate, minCap: ph.minCap, quality });
	notes.push(...ph.info, ...fin.info, `${fin.width}x${fin.height}`);
	const file = `${base}.jpg`;
	writeFileSync(join(outDir, file), fin.jpeg);
	return { file, notes };
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			seed: { type: 'string', default: '1' },
			out: { type: 'string', default: './out' },
			'per-capture': { type: 'string', default: '20' },
			only: { type: 'string' },
		},
	});
	const seed = Number(values.seed);
	const perCapture = Number(values['per-capture']);
	if (!Number.isFinite(seed) || !Number.isInteger(perCapture) || perCapture < 1)
		throw new Error('--seed must be a number and --per-capture a positive integer');
	const only: Capture[] = values.only ? (values.only.split(',') as Capture[]) : [...CAPTURES];
	for (const c of only) if (!CAPTURES.includes(c)) throw new Error(`unknown capture ${c}; known: ${CAPTURES.join(', ')}`);
	const out = resolve(values.out ?? './out');
	loadFonts();
	mkdirSync(out, { recursive: true });

	const truthPath = join(out, 'truth.json');
	// A run of some captures adds to the truth.json already there, so a set can be made (or redone) a capture at a time.
	const truth: Record<string, HeldoutTruth> =
		existsSync(truthPath) && only.length < CAPTURES.length
			? (JSON.parse(readFileSync(truthPath, 'utf8')) as Record<string, HeldoutTruth>)
			: {};
	const t0 = Date.now();
	for (const cap of only) {
		const plan = layoutPlan(Rng.from(seed, cap, 'plan'), perCapture);
		const tc = Date.now();
		for (let i = 0; i < perCapture; i++) {
			const rng = Rng.from(seed, cap, i);
			const spec = makeSpec(rng.fork('spec'), plan[i]);
			if (!luhnOk(spec.number)) throw new Error('generated number fails Luhn');
			const base = `${cap}_${String(i + 1).padStart(3, '0')}`;
			const { file, notes } = await makeCapture(cap, rng, spec, out, base);
			truth[file] = {
				name: spec.name,
				number: spec.number,
				validThru: `${String(spec.mm).padStart(2, '0')}/${String(spec.yy).padStart(2, '0')}`,
				layout: spec.layout,
				capture: cap,
				notes: [`printed expiry ${spec.expText}`, `name style ${spec.nameStyle}`, ...notes].join('; '),
			};
		}
		console.log(`${cap}: ${perCapture} images in ${((Date.now() - tc) / 1000).toFixed(1)}s`);
	}
	const sorted: Record<string, HeldoutTruth> = {};
	for (const k of Object.keys(truth).sort()) sorted[k] = truth[k];
	// Two-space JSON without a final newline, as the sets looked at while tuning were written.
	writeFileSync(truthPath, JSON.stringify(sorted, null, 2));
	console.log(`done: ${Object.keys(sorted).length} entries in ${out} (${((Date.now() - t0) / 1000).toFixed(0)}s)`);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
