import { endianness } from 'os';

import { onnx } from 'onnx-proto';

/**
 * PaddleOCR's ONNX exports spell out what a fused graph would do in one step, and onnxruntime does
 * not fuse them itself: every hard-swish is four element-wise passes (Add 3, Clip 0..6, Mul, Div 6),
 * and PP-LCNetV3's learnable affines (a scalar Mul and Add after each convolution and after each
 * activation) are two more. On one thread they took 39% of the recogniser's kernel time and 34% of
 * the detector's. The rewrites here are exact algebra on the weights (outputs differ by float
 * rounding, about 1e-6 in a probability):
 *
 * - Conv, then Mul by a and Add b (scalars): the weights times a, the bias times a plus b.
 * - Add 3, Clip 0..6, Mul by the input, Div 6: HardSigmoid(1/6, 1/2) times the input, which
 *   onnxruntime runs as one pass.
 * - Mul by c and Add d, then a 1x1 Conv without padding: the weights times c, the bias plus d times
 *   each output's weight sum. Kernels with padding keep them: the padded border would see d.
 */
export interface GraphRewrites {
	convAffines: number;
	hardSwishes: number;
	affinesBeforePointwise: number;
}

type Node = onnx.INodeProto;
type Tensor = onnx.ITensorProto;

interface GraphIndex {
	consumers: Map<string, Node[]>;
	constants: Map<string, Tensor>;
}

/** Consumers of the graph's outputs, so a tensor the graph returns is never folded away. */
const GRAPH_OUTPUT: Node = { opType: 'GraphOutput' };

function indexGraph(graph: onnx.IGraphProto): GraphIndex {
	const consumers = new Map<string, Node[]>();
	const constants = new Map<string, Tensor>();
	const consume = (name: string, node: Node) => {
		const readers = consumers.get(name);
		if (readers) readers.push(node);
		else consumers.set(name, [node]);
	};
	for (const node of graph.node ?? []) {
		for (const input of node.input ?? []) consume(input, node);
		const value = node.opType === 'Constant' ? node.attribute?.find((a) => a.name === 'value')?.t : undefined;
		if (value && node.output?.[0]) constants.set(node.output[0], value);
	}
	for (const output of graph.output ?? []) if (output.name) consume(output.name, GRAPH_OUTPUT);
	return { consumers, constants };
}

function floatsOf(tensor: Tensor): Float32Array | null {
	if (tensor.dataType !== onnx.TensorProto.DataType.FLOAT) return null;
	if (tensor.rawData && tensor.rawData.length > 0) {
		// Copied: the raw bytes may sit at an offset no Float32Array can start at.
		const bytes = new Uint8Array(tensor.rawData);
		return new Float32Array(bytes.buffer, 0, bytes.length / 4);
	}
	return Float32Array.from(tensor.floatData ?? []);
}

function setFloats(tensor: Tensor, values: Float32Array): void {
	tensor.rawData = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
	tensor.floatData = [];
}

function scalarOf(index: GraphIndex, name: string | undefined): number | null {
	const tensor = name === undefined ? undefined : index.constants.get(name);
	// Rank 0 or 1 only: a [1, 1, 1, 1] constant broadcasts a lower-rank operand up to rank 4, which
	// folding it away would undo. Checked before the values are read: most constants are weights.
	if (!tensor || (tensor.dims ?? []).length > 1 || (tensor.dims ?? []).some((d) => Number(d) !== 1)) return null;
	const values = floatsOf(tensor);
	return values?.length === 1 ? values[0] : null;
}

/** The one node reading this tensor, or null when none or several do. */
function soleConsumer(index: GraphIndex, name: string | null | undefined): Node | null {
	const readers = name ? (index.consumers.get(name) ?? []) : [];
	return readers.length === 1 ? readers[0] : null;
}

/** The scalar a binary node applies to `operand`, or null when its other input is no scalar constant. */
function scalarBeside(index: GraphIndex, node: Node, operand: string): number | null {
	const inputs = node.input ?? [];
	if (inputs.length !== 2 || !inputs.includes(operand)) return null;
	return scalarOf(index, inputs[0] === operand ? inputs[1] : inputs[0]);
}

/** A constant only this node reads, so rewriting it changes nothing else. */
function ownConstant(index: GraphIndex, name: string | null | undefined): Tensor | null {
	if (!name || (index.consumers.get(name) ?? []).length !== 1) return null;
	return index.constants.get(name) ?? null;
}

function intsAttribute(node: Node, name: string): number[] | undefined {
	return node.attribute?.find((a) => a.name === name)?.ints?.map(Number);
}

function floatAttribute(node: Node, name: string): number | undefined {
	const attribute = node.attribute?.find((a) => a.name === name);
	return attribute?.f ?? undefined;
}

function constantNode(name: string, values: Float32Array, dims: number[]): Node {
	const t: Tensor = { dims, dataType: onnx.TensorProto.DataType.FLOAT };
	setFloats(t, values);
	return { opType: 'Constant', output: [name], attribute: [{ name: 'value', type: onnx.AttributeProto.AttributeType.TENSOR, t }] };
}

/** Conv -> Mul(a) -> Add(b) becomes one Conv with scaled weights and bias. */
function foldConvAffines(graph: onnx.IGraphProto, dropped: Set<Node>): number {
	const index = indexGraph(graph);
	let folded = 0;
	for (const conv of [...(graph.node ?? [])]) {
		if (conv.opType !== 'Conv' || !conv.output?.[0] || !conv.input) continue;
		const mul = soleConsumer(index, conv.output[0]);
		const a = mul?.opType === 'Mul' ? scalarBeside(index, mul, conv.output[0]) : null;
		const add = mul && a !== null ? soleConsumer(index, mul.output?.[0]) : null;
		const b = add?.opType === 'Add' && mul?.output?.[0] ? scalarBeside(index, add, mul.output[0]) : null;
		const weightTensor = ownConstant(index, conv.input[1]);
		const weights = weightTensor ? floatsOf(weightTensor) : null;
		if (!mul || !add || a === null || b === null || !weightTensor || !weights || !add.output?.[0]) continue;
		// Weights held outside the model (external data) have no values here to scale.
		if (weights.length === 0 || weights.length !== (weightTensor.dims ?? []).reduce((n: number, d) => n * Number(d), 1)) continue;
		const outputs = Number(weightTensor.dims?.[0] ?? 0);
		const biasTensor = conv.input.length > 2 ? ownConstant(index, conv.input[2]) : null;
		const bias = biasTensor ? floatsOf(biasTensor) : conv.input.length > 2 ? null : new Float32Array(outputs);
		if (!bias || bias.length !== outputs) continue;
		for (let i = 0; i < weights.length; i++) weights[i] *= a;
		for (let i = 0; i < bias.length; i++) bias[i] = bias[i] * a + b;
		setFloats(weightTensor, weights);
		if (biasTensor) setFloats(biasTensor, bias);
		else {
			const name = `${conv.output[0]}.folded_bias`;
			// Placed before the Conv: nodes stay in topological order, as ONNX requires.
			graph.node?.splice(graph.node.indexOf(conv), 0, constantNode(name, bias, [outputs]));
			conv.input.push(name);
		}
		conv.output = [add.output[0]];
		dropped.add(mul).add(add);
		folded += 1;
	}
	return folded;
}

/** x -> Add(3) -> Clip(0, 6) -> Mul(x) -> Div(6) becomes x -> HardSigmoid(1/6, 1/2) -> Mul(x). */
function fuseHardSwishes(graph: onnx.IGraphProto, dropped: Set<Node>): number {
	const index = indexGraph(graph);
	let fused = 0;
	for (const add of graph.node ?? []) {
		if (add.opType !== 'Add' || !add.output?.[0]) continue;
		const x = add.input?.find((input) => !index.constants.has(input));
		if (x === undefined || scalarBeside(index, add, x) !== 3) continue;
		const clip = soleConsumer(index, add.output[0]);
		if (clip?.opType !== 'Clip' || !clip.output?.[0]) continue;
		// Clip's bounds are attributes up to opset 10 and inputs from 11.
		const [low, high] =
			(clip.input?.length ?? 0) >= 3
				? [scalarOf(index, clip.input?.[1]), scalarOf(index, clip.input?.[2])]
				: [floatAttribute(clip, 'min'), floatAttribute(clip, 'max')];
		if (low !== 0 || high !== 6) continue;
		const mul = soleConsumer(index, clip.output[0]);
		if (mul?.opType !== 'Mul' || !mul.output?.[0] || !(mul.input ?? []).includes(x)) continue;
		const div = soleConsumer(index, mul.output[0]);
		if (div?.opType !== 'Div' || div.input?.[0] !== mul.output[0] || scalarOf(index, div.input[1]) !== 6 || !div.output?.[0]) continue;
		const gate = `${add.output[0]}.hard_sigmoid`;
		add.opType = 'HardSigmoid';
		add.input = [x];
		add.output = [gate];
		add.attribute = [
			{ name: 'alpha', type: onnx.AttributeProto.AttributeType.FLOAT, f: 1 / 6 },
			{ name: 'beta', type: onnx.AttributeProto.AttributeType.FLOAT, f: 0.5 },
		];
		mul.input = [x, gate];
		mul.output = [div.output[0]];
		dropped.add(clip).add(div);
		fused += 1;
	}
	return fused;
}

/** Mul(c) -> Add(d) -> 1x1 Conv without padding becomes one Conv. */
function foldAffinesBeforePointwise(graph: onnx.IGraphProto, dropped: Set<Node>): number {
	const index = indexGraph(graph);
	let folded = 0;
	for (const mul of graph.node ?? []) {
		if (mul.opType !== 'Mul' || !mul.output?.[0]) continue;
		const h = mul.input?.find((input) => !index.constants.has(input));
		const c = h === undefined ? null : scalarBeside(index, mul, h);
		const add = c === null ? null : soleConsumer(index, mul.output[0]);
		const d = add?.opType === 'Add' ? scalarBeside(index, add, mul.output[0]) : null;
		const conv = add && d !== null ? soleConsumer(index, add.output?.[0]) : null;
		if (h === undefined || c === null || d === null || !add || conv?.opType !== 'Conv' || conv.input?.[0] !== add.output?.[0]) continue;
		const pointwise =
			(intsAttribute(conv, 'kernel_shape') ?? []).every((k) => k === 1) &&
			(intsAttribute(conv, 'pads') ?? []).every((p) => p === 0) &&
			Number(conv.attribute?.find((a) => a.name === 'group')?.i ?? 1) === 1;
		const weightTensor = ownConstant(index, conv.input?.[1]);
		const biasTensor = ownConstant(index, conv.input?.[2]);
		const weights = weightTensor ? floatsOf(weightTensor) : null;
		const bias = biasTensor ? floatsOf(biasTensor) : null;
		const [outputs, inputs] = (weightTensor?.dims ?? []).map(Number);
		if (!pointwise || !weightTensor || !biasTensor || !weights || !bias || bias.length !== outputs || weights.length !== outputs * inputs)
			continue;
		for (let o = 0; o < outputs; o++) {
			let sum = 0;
			for (let i = 0; i < inputs; i++) {
				sum += weights[o * inputs + i];
				weights[o * inputs + i] *= c;
			}
			bias[o] += d * sum;
		}
		setFloats(weightTensor, weights);
		setFloats(biasTensor, bias);
		conv.input = [h, ...(conv.input ?? []).slice(1)];
		dropped.add(mul).add(add);
		folded += 1;
	}
	return folded;
}

/** Constants no node reads any more: onnxruntime warns about each one it removes. */
function dropUnreadConstants(graph: onnx.IGraphProto): void {
	const read = new Set((graph.node ?? []).flatMap((node) => node.input ?? []));
	for (const output of graph.output ?? []) if (output.name) read.add(output.name);
	graph.node = (graph.node ?? []).filter((node) => node.opType !== 'Constant' || read.has(node.output?.[0] ?? ''));
}

/** The model with the rewrites above applied, and how many of each were made. */
export function rewriteModel(bytes: Uint8Array, cardClasses?: CardClassOutputs): { bytes: Uint8Array; rewrites: GraphRewrites } {
	const none = { convAffines: 0, hardSwishes: 0, affinesBeforePointwise: 0 };
	// Weights are rewritten through Float32Arrays, which use the machine's byte order; ONNX's is little-endian.
	if (endianness() !== 'LE') return { bytes, rewrites: none };
	const model = onnx.ModelProto.decode(bytes);
	const graph = model.graph;
	// The index sees the top-level graph only: an If or Loop body may read its tensors too.
	const hasSubgraphs = (graph?.node ?? []).some((node) => (node.attribute ?? []).some((a) => a.g || (a.graphs ?? []).length > 0));
	if (!graph || hasSubgraphs) return { bytes, rewrites: none };
	const rewrite = (step: (graph: onnx.IGraphProto, dropped: Set<Node>) => number) => {
		const dropped = new Set<Node>();
		const count = step(graph, dropped);
		graph.node = (graph.node ?? []).filter((node) => !dropped.has(node));
		return count;
	};
	const rewrites = {
		convAffines: rewrite(foldConvAffines),
		hardSwishes: rewrite(fuseHardSwishes),
		affinesBeforePointwise: rewrite(foldAffinesBeforePointwise),
	};
	dropUnreadConstants(graph);
	// In the same pass: decoding and encoding the recogniser again took 30-45 ms of each worker's start.
	if (cardClasses) addCardClassOutputs(graph, cardClasses);
	return { bytes: onnx.ModelProto.encode(model).finish(), rewrites };
}

/** The outputs `withCardClassOutputs` gives a recogniser: the classes kept, and the two outputs' names. */
export interface CardClassOutputs {
	kept: Int32Array;
	names: { best: string; probs: string };
}

/**
 * The recogniser with two outputs in place of its probabilities over the whole dictionary: each
 * frame's best class (ArgMax, the first of equals as the decoder took it) and the probabilities of
 * the `kept` classes only (Gather). The decoder reads nothing else, and a 6,625-class output was
 * 1-4 MB copied out of onnxruntime per crop, then scanned in JavaScript for its best class. The
 * values are the model's own, copied, so the decoding is the same. A model whose output is not
 * one [batch, frames, classes] tensor is returned as it was.
 */
export function withCardClassOutputs(bytes: Uint8Array, kept: Int32Array, names: CardClassOutputs['names']): Uint8Array {
	const model = onnx.ModelProto.decode(bytes);
	return model.graph && addCardClassOutputs(model.graph, { kept, names }) ? onnx.ModelProto.encode(model).finish() : bytes;
}

/** `withCardClassOutputs` on a decoded graph; false, and the graph untouched, where its output is not frames x classes. */
function addCardClassOutputs(graph: onnx.IGraphProto, { kept, names }: CardClassOutputs): boolean {
	const output = graph.output?.length === 1 ? graph.output[0] : undefined;
	const rank = output?.type?.tensorType?.shape?.dim?.length;
	if (!output?.name || rank !== 3) return false;
	const { INT, TENSOR } = onnx.AttributeProto.AttributeType;
	const { INT32, INT64, FLOAT } = onnx.TensorProto.DataType;
	const indices = `${names.probs}_classes`;
	graph.node = [
		...(graph.node ?? []),
		{
			opType: 'ArgMax',
			input: [output.name],
			output: [`${names.best}_int64`],
			attribute: [
				{ name: 'axis', type: INT, i: 2 },
				{ name: 'keepdims', type: INT, i: 0 },
			],
		},
		{ opType: 'Cast', input: [`${names.best}_int64`], output: [names.best], attribute: [{ name: 'to', type: INT, i: INT32 }] },
		{
			opType: 'Constant',
			output: [indices],
			attribute: [{ name: 'value', type: TENSOR, t: { dataType: INT64, dims: [kept.length], int64Data: Array.from(kept) } }],
		},
		{ opType: 'Gather', input: [output.name, indices], output: [names.probs], attribute: [{ name: 'axis', type: INT, i: 2 }] },
	];
	graph.output = [
		{ name: names.best, type: { tensorType: { elemType: INT32 } } },
		{ name: names.probs, type: { tensorType: { elemType: FLOAT } } },
	];
	return true;
}
