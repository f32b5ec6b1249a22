import { generateCardSet } from '../src/synth/cardSet';
import { decodeImage } from '../src/engine/decode';
import { detectText } from '../src/engine/detectText';
import { loadModels } from '../src/engine/models';
import { recognizeLines } from '../src/engine/recognizeText';
import { groupIntoRows } from '../src/engine/textRows';
(async () => {
	const models = await loadModels({ intraOpThreads: 2 });
	const cards = await generateCardSet(1, 30);
	for (const id of process.argv.slice(2)) {
		const card = cards.find((c) => c.id === id)!;
		const image = await decodeImage(card.data);
		const lines = await recognizeLines(models, image, await detectText(models, image));
		console.log(id, card.truth.validThru, card.truth.name);
		for (const r of groupIntoRows(lines)) console.log('  ROW', JSON.stringify(r.text));
	}
})();
