/**
 * The engine's settings and their defaults, apart from the modules that use them: the main thread
 * needs the defaults to start the workers, and importing them from the pipeline, the models or the
 * decoder would load sharp, onnx-proto and pdf-lib there before the server can listen.
 */

/** Settings of the card pipeline; the defaults are what bench:engine measured best. */
export interface PipelineSettings {
	/** Longer side of the first, whole-frame detection pass. */
	coarseSide: number;
	/** Text box height (px) the detector is given in the rectified card view. */
	targetBoxHeight: number;
	/** Largest side of the rectified view handed to the detector. */
	maxViewSide: number;
}

export const DEFAULT_PIPELINE: PipelineSettings = { coarseSide: 640, targetBoxHeight: 34, maxViewSide: 1280 };

export interface ModelOptions {
	/** Threads each inference may use; the request pool multiplies this. */
	intraOpThreads: number;
	/**
	 * onnxruntime's CPU memory arena: buffers are kept for the next inference instead of freed,
	 * a little faster for more resident memory.
	 */
	memoryArena: boolean;
	/** Whether the models' graphs are rewritten to fewer passes before loading (see modelGraph.ts). */
	rewriteGraphs: boolean;
}

export const DEFAULT_MODEL_OPTIONS: ModelOptions = { intraOpThreads: 1, memoryArena: true, rewriteGraphs: true };

export interface DecodeLimits {
	/** Decoding stops above this many pixels (width x height) before allocating them. */
	maxPixels: number;
}

export const DEFAULT_DECODE_LIMITS: DecodeLimits = { maxPixels: 40_000_000 };
