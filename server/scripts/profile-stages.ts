/**
 * Where one card's time goes: decode, each model's inference and everything else, one card at a
 * time on one thread, over generated cards of one capture kind. Prints a markdown table.
 *
 *   npx tsx server/scripts/profile-stages.ts [--seed 7] [--cards 24] [--capture upright] [--threads 1]
 */
import { parseArgs } from 'util';

import type { InferenceSession } from 'onnxruntime-node';

import { readCardFromImage } from '../src/engine/cardPipeline';
import { decodeImage } from '../src/engine/decode';
import type { OcrModels } from '../src/engine/models';
import { loadModels } from '../src/engine/models';
import type { CaptureKind } from '../src/synth/benchSet';
import { LAYOUTS, generateBenchCard } from '../src/synth/benchSet';
import { encodedImage } from './encodedImage';

type Stage = 'decode' | 'detector' | 'recognizer' | 'classifier';

/** Wraps a session's run so each call adds its wall time and count to a stage. */
function timeSession(session: InferenceSession, stage: Stage, totals: Map<Stage, { ms: number; calls: number }>): void {
	const run = session.run.bind(session) as (...args: Parameters<InferenceSession['run']>) => ReturnType<InferenceSession['run']>;
	(session as { run: typeof run }).run = async (...args) => {
		const started = performance.now();
		try {
			return await run(...args);
		} finally {
			const entry = totals.get(stage) ?? { ms: 0, calls: 0 };
			entry.ms += performance.now() - started;
			entry.calls += 1;
			totals.set(stage, entry);
		}
	};
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			seed: { type: 'string', default: '7' },
			cards: { type: 'string', default: '24' },
			capture: { type: 'string', default: 'upright' },
			threads: { type: 'string', default: '1' },
		},
	});
	const models: OcrModels = await loadModels({ intraOpThreads: Number(values.threads) });
	const totals = new Map<Stage, { ms: number; calls: number }>();
	timeSession(models.detector, 'detector', totals);
	timeSession(models.recognizer, 'recognizer', totals);
	timeSession(models.classifier, 'classifier', totals);
	const count = Number(values.cards);
	const walls: number[] = [];
	for (let i = 0; i < count; i++) {
		const card = await generateBenchCard(Number(values.seed), values.capture as CaptureKind, i, LAYOUTS[i % LAYOUTS.length]);
		const started = performance.now();
		const image = await decodeImage(encodedImage(card.data, card.id));
		const decoded = performance.now();
		const entry = totals.get('decode') ?? { ms: 0, calls: 0 };
		totals.set('decode', { ms: entry.ms + decoded - started, calls: entry.calls + 1 });
		await readCardFromImage(models, image, new Date());
		walls.push(performance.now() - started);
	}
	const wall = walls.reduce((a, b) => a + b, 0);
	const sorted = [...walls].sort((a, b) => a - b);
	console.log(
		`${count} ${values.capture} cards, seed ${values.seed}, ${values.threads} intra-op thread(s): p50 ${sorted[Math.floor(count / 2)].toFixed(0)} ms, mean ${(wall / count).toFixed(0)} ms\n`,
	);
	console.log('| stage | ms per card | calls per card | share |\n|---|---|---|---|');
	let accounted = 0;
	for (const [stage, { ms, calls }] of totals) {
		accounted += ms;
		console.log(`| ${stage} | ${(ms / count).toFixed(1)} | ${(calls / count).toFixed(2)} | ${((100 * ms) / wall).toFixed(0)}% |`);
	}
	console.log(`| everything else | ${((wall - accounted) / count).toFixed(1)} | | ${((100 * (wall - accounted)) / wall).toFixed(0)}% |`);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
