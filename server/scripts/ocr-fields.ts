/** Prints the fields the engine reads from images: npx tsx server/scripts/ocr-fields.ts <file>... */
import { readFileSync } from 'fs';

import { recognizeCard } from '../src/engine/readCard';
import { loadModels } from '../src/engine/models';
import { encodedImage } from './encodedImage';

async function main(): Promise<void> {
	const models = await loadModels({ intraOpThreads: 2 });
	for (const file of process.argv.slice(2)) {
		const started = Date.now();
		const outcome = await recognizeCard(models, encodedImage(readFileSync(file), file));
		const ms = Date.now() - started;
		if (outcome.kind !== 'card') {
			console.log(`${file}: ${outcome.kind} ${'message' in outcome ? outcome.message : ''} (${ms} ms)`);
			continue;
		}
		const f = outcome.fields;
		console.log(
			`${file}: ${ms} ms | number ${f.number?.text} (${f.number?.confidence.toFixed(3)}) | validThru ${f.validThru?.text} (${f.validThru?.confidence.toFixed(3)}) | name ${f.name?.text} (${f.name?.confidence.toFixed(3)})`,
		);
	}
}

main().catch((e: unknown) => {
	console.error(e);
	process.exit(1);
});
