/**
 * @jest-environment ./server/test/nativeTypedArrays.environment.js
 */
import { readFileSync } from 'fs';
import { join } from 'path';

import { CAPTURES } from '../../devkit/paths';
import { readCardFromImage } from '../src/engine/cardPipeline';
import { decodeImage } from '../src/engine/decode';
import type { OcrModels } from '../src/engine/models';
import { loadModels } from '../src/engine/models';
import type { Crop } from '../src/engine/recognizeText';
import { lendingSplit, readCrop } from '../src/engine/recognizeText';

// What the lent crops read like, and a pool's routing of them, are tested in engine.test.ts.
describe('lending recognition crops to an idle worker', () => {
	test('the lent share is the tail, a little under half of the padded work, and never all of it', () => {
		expect(lendingSplit([100, 100])).toBe(1);
		// Padded to 320 each: four crops split two and two.
		expect(lendingSplit([80, 200, 120, 300])).toBe(2);
		// A long number line is worth several short words.
		expect(lendingSplit([1200, 100, 100, 100])).toBe(1);
		expect(lendingSplit([100, 100, 100, 1200])).toBe(3);
		expect(lendingSplit([100, 100, 100, 100, 100])).toBe(3);
		expect(lendingSplit([500])).toBe(1);
	});

	describe('a lone request on real models', () => {
		let models: OcrModels;
		beforeAll(async () => {
			models = await loadModels();
		}, 60_000);

		/** Reads the card, with an idle "worker" that reads lent crops on the same recogniser or with none; counts every crop read. */
		async function readWith(file: string, idle: boolean) {
			// The width of every crop the recogniser read, on either thread.
			const widths: number[] = [];
			const lent: number[] = [];
			const counting: OcrModels = {
				...models,
				recognizer: Object.assign(Object.create(models.recognizer) as OcrModels['recognizer'], {
					run: async (...args: Parameters<OcrModels['recognizer']['run']>) => {
						const input = Object.values(args[0])[0] as { dims: readonly number[] };
						widths.push(input.dims[3]);
						return await models.recognizer.run(...args);
					},
				}),
			};
			if (idle)
				counting.lender = {
					available: () => true,
					read: async (tail: Crop[]) => {
						lent.push(tail.length);
						const read = [];
						for (const crop of tail) read.push(await readCrop(counting, crop));
						return read;
					},
				};
			const image = await decodeImage({ data: readFileSync(join(CAPTURES, file)), family: 'jpeg' });
			const reading = await readCardFromImage(counting, image, new Date('2026-11-30T00:00:00Z'));
			return { fields: reading.fields, lines: reading.lines, crops: widths.sort((a, b) => a - b), lent };
		}

		// Crops read together so that an idle worker can take a share (both crop heights of a reread, the
		// widened read's crop beside the name's check) are the crops read one call at a time before.
		test('with an idle worker the card reads the same, from the same crops, none read twice or in vain', async () => {
			const alone = await readWith('upright-numberAboveName-h181-012.jpg', false);
			const helped = await readWith('upright-numberAboveName-h181-012.jpg', true);
			expect(helped.fields).toEqual(alone.fields);
			expect(helped.lines).toEqual(alone.lines);
			expect(helped.crops).toEqual(alone.crops);
			expect(helped.lent.length).toBeGreaterThan(0);
		}, 60_000);
	});
});
