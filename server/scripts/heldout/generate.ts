/**
 * Held-out credit-card images, drawn independently of server/src/synth: SVG cards rendered by
 * librsvg (sharp) with system fonts, captured as phone photos, 12 MP photos, close-ups and A4 scans.
 *
 *   npx tsx server/scripts/heldout/generate.ts --seed 5 --out /tmp/heldout --per-capture 12 [--captures upright,scanPdf]
 *
 * Writes the images and truth.json: file name -> { name, number, validThru (MM/YY), layout, capture, notes }.
 * The same seed always gives the same set; image i of a capture depends only on (seed, capture, i).
 */
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { parseArgs } from 'util';

import type { Layout } from './card';
import { LAYOUTS, designCard } from './card';
import type { Capture } from './capture';
import { CAPTURES, captureCard } from './capture';
import { luhnValid } from './content';
import { Rng } from './rng';
import type { HeldoutTruth } from './truth';

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			seed: { type: 'string', default: '5' },
			out: { type: 'string', default: '/tmp/heldout' },
			'per-capture': { type: 'string', default: '12' },
			captures: { type: 'string' },
		},
	});
	const seed = Number(values.seed);
	const perCapture = Number(values['per-capture']);
	if (!Number.isFinite(seed) || !Number.isInteger(perCapture) || perCapture < 1)
		throw new Error('--seed must be a number and --per-capture a positive integer');
	const captures = values.captures ? (values.captures.split(',') as Capture[]) : [...CAPTURES];
	for (const c of captures) if (!CAPTURES.includes(c)) throw new Error(`unknown capture ${c}; known: ${CAPTURES.join(', ')}`);
	const out = values.out ?? '/tmp/heldout';
	mkdirSync(out, { recursive: true });

	const truth: Record<string, HeldoutTruth> = {};
	const started = Date.now();
	for (const capture of captures) {
		// Layouts cycle through a per-capture shuffle, so every capture sees every layout before repeats.
		const order: Layout[] = [];
		const layoutRng = new Rng('heldout-layouts', seed, capture);
		while (order.length < perCapture) order.push(...layoutRng.shuffle(LAYOUTS));
		for (let i = 0; i < perCapture; i++) {
			const t0 = Date.now();
			const layout = order[i] as Layout;
			const rng = new Rng('heldout', seed, capture, i);
			const id = `c${i}`;
			const design = await designCard(rng, layout, id);
			if (!luhnValid(design.truth.number)) throw new Error('generated number fails Luhn');
			const result = await captureCard(rng, design, capture, id);
			const file = `${capture}-${String(i + 1).padStart(3, '0')}.${result.ext}`;
			writeFileSync(join(out, file), result.data);
			truth[file] = {
				name: design.truth.name,
				number: design.truth.number,
				validThru: design.truth.validThru,
				layout,
				capture,
				notes: [...design.truth.notes, ...result.notes].join('; '),
			};
			console.log(`${file}  ${layout}  ${(result.data.length / 1024).toFixed(0)} KiB  ${Date.now() - t0} ms`);
		}
	}
	writeFileSync(join(out, 'truth.json'), `${JSON.stringify(truth, null, '\t')}\n`);
	console.log(`\n${Object.keys(truth).length} images and truth.json in ${out} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
