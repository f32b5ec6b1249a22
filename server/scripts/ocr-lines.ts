/** Prints the raw OCR lines of one image: npx tsx server/scripts/ocr-lines.ts <file> */
import { readFileSync } from 'fs';

import { decodeImage } from '../src/engine/decode';
import { detectText } from '../src/engine/detectText';
import { loadModels } from '../src/engine/models';
import { recognizeLines } from '../src/engine/recognizeText';

async function main(): Promise<void> {
	const models = await loadModels({ intraOpThreads: 2 });
	console.log(`models loaded in ${models.loadMs} ms`);
	for (const file of process.argv.slice(2)) {
		const t0 = Date.now();
		const image = await decodeImage(readFileSync(file));
		const t1 = Date.now();
		const boxes = await detectText(models, image);
		const t2 = Date.now();
		const lines = await recognizeLines(models, image, boxes);
		const t3 = Date.now();
		console.log(`${file}: ${image.width}x${image.height} decode ${t1 - t0} ms, detect ${t2 - t1} ms (${boxes.length} boxes), recognize ${t3 - t2} ms`);
		for (const line of lines) {
			const conf = line.chars.length ? (line.chars.reduce((a, c) => a + c.prob, 0) / line.chars.length).toFixed(3) : '-';
			console.log(`  [${conf}] ${JSON.stringify(line.text)} @ ${line.quad.map((p) => `${p.x.toFixed(0)},${p.y.toFixed(0)}`).join(' ')}`);
		}
	}
}

main().catch((e: unknown) => {
	console.error(e);
	process.exit(1);
});
