/**
 * Writes bench cards to a folder for looking at, with their ground truth in truth.json.
 *
 *   npx tsx server/scripts/make-bench-samples.ts <folder> [--seed 2026] [--per-capture 6] [--captures upright,scanPdf] [--preview]
 *
 * --preview also writes a PNG next to every PDF and TIFF (the first page, as the server decodes it)
 * so image viewers that cannot open those still show the card.
 */
import { mkdirSync, writeFileSync } from 'fs';
import { resolve } from 'path';
import sharp from 'sharp';
import { parseArgs } from 'util';

import type { CaptureKind } from '../src/synth/benchSet';
import { CAPTURE_KINDS, benchCards } from '../src/synth/benchSet';

async function preview(format: string, data: Buffer): Promise<Buffer | null> {
	if (format === 'tiff') return await sharp(data).png().toBuffer();
	if (format !== 'pdf') return null;
	// The scan is the page's only image: pull the JPEG stream out rather than render the PDF.
	const start = data.indexOf(Buffer.from([0xff, 0xd8, 0xff]));
	const end = data.lastIndexOf(Buffer.from([0xff, 0xd9]));
	return start >= 0 && end > start
		? await sharp(data.subarray(start, end + 2))
				.png()
				.toBuffer()
		: null;
}

async function main(): Promise<void> {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: {
			seed: { type: 'string', default: '2026' },
			'per-capture': { type: 'string', default: '6' },
			captures: { type: 'string' },
			preview: { type: 'boolean', default: false },
		},
	});
	const folder = positionals[0];
	if (!folder) throw new Error('usage: make-bench-samples.ts <folder> [--seed N] [--per-capture N] [--captures a,b] [--preview]');
	const captures = values.captures ? (values.captures.split(',') as CaptureKind[]) : CAPTURE_KINDS;
	const unknown = captures.filter((c) => !CAPTURE_KINDS.includes(c));
	if (unknown.length > 0) throw new Error(`unknown capture kinds: ${unknown.join(', ')} (known: ${CAPTURE_KINDS.join(', ')})`);
	const dir = resolve(folder);
	mkdirSync(dir, { recursive: true });
	const truth: Record<string, object> = {};
	const started = Date.now();
	for await (const card of benchCards({ seed: Number(values.seed), perCapture: Number(values['per-capture']), captures })) {
		const file = `${card.id}.${card.format}`;
		writeFileSync(resolve(dir, file), card.data);
		if (values.preview) {
			const png = await preview(card.format, card.data);
			if (png) writeFileSync(resolve(dir, `${card.id}.preview.png`), png);
		}
		truth[file] = { ...card.truth, layout: card.layout, capture: card.capture, font: card.font, finish: card.finish, notes: card.notes };
		console.log(`${file} (${(card.data.length / 1024).toFixed(0)} KB)`);
	}
	writeFileSync(resolve(dir, 'truth.json'), `${JSON.stringify(truth, null, 2)}\n`);
	console.log(`wrote ${Object.keys(truth).length} cards to ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
