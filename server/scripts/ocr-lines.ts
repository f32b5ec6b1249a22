/** Prints the OCR lines the card pipeline reads from images: npx tsx server/scripts/ocr-lines.ts <file>... */
import { readFileSync } from 'fs';

import { readCardFromImage } from '../src/engine/cardPipeline';
import { decodeImage } from '../src/engine/decode';
import { loadModels } from '../src/engine/models';
import { encodedImage } from './encodedImage';

async function main(): Promise<void> {
	const models = await loadModels({ intraOpThreads: 1 });
	console.log(`models loaded in ${models.loadMs} ms`);
	for (const file of process.argv.slice(2)) {
		const t0 = Date.now();
		const image = await decodeImage(encodedImage(readFileSync(file), file));
		const t1 = Date.now();
		const reading = await readCardFromImage(models, image, new Date());
		const t2 = Date.now();
		console.log(
			`${file}: ${image.width}x${image.height} decode ${t1 - t0} ms, read ${t2 - t1} ms, turned ${reading.rotationDeg.toFixed(0)} deg`,
		);
		for (const line of reading.lines) {
			const probs = line.chars.map((c) => c.prob.toFixed(2)).join(',');
			console.log(`  ${JSON.stringify(line.text)} @ ${line.quad.map((p) => `${p.x.toFixed(0)},${p.y.toFixed(0)}`).join(' ')} [${probs}]`);
		}
		for (const [name, field] of Object.entries(reading.fields))
			console.log(`  => ${name}: ${field?.text} (${field?.confidence.toFixed(3)})`);
	}
}

main().catch((e: unknown) => {
	console.error(e);
	process.exit(1);
});
