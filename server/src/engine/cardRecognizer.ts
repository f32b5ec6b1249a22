import { cpus } from 'os';

import type { CreditCardRequest, RecognitionOutcome, Recognizer } from '../protocol';
import type { DecodeLimits } from './decode';
import { DEFAULT_DECODE_LIMITS, DecodeError, decodeImage } from './decode';
import { readCardFromImage } from './cardPipeline';
import type { OcrModels } from './models';
import { loadModels } from './models';

export interface EngineOptions {
	/** Requests recognised at once; defaults to the number of cores. */
	concurrency?: number;
	/** Requests allowed to wait for a slot; beyond that the answer is 0025, which clients retry. */
	queueLimit?: number;
	decodeLimits?: DecodeLimits;
}

export interface CardEngine {
	recognize: Recognizer;
	models: OcrModels;
	stats(): { active: number; queued: number; concurrency: number; served: number; rejected: number };
}

/** Runs one image through decode, detection, recognition and field extraction. */
export async function recognizeCard(models: OcrModels, data: Buffer, limits: DecodeLimits = DEFAULT_DECODE_LIMITS, now = new Date()): Promise<RecognitionOutcome> {
	let image;
	try {
		image = await decodeImage(data, limits);
	} catch (error) {
		if (error instanceof DecodeError) return error.kind === 'invalid' ? { kind: 'invalid', message: error.message } : { kind: 'error', message: error.message };
		throw error;
	}
	const { fields } = await readCardFromImage(models, image, now);
	if (!fields.number && !fields.validThru) {
		return { kind: 'failure', message: 'No credit card found in the image.', width: image.width, height: image.height };
	}
	return { kind: 'success', width: image.width, height: image.height, fields };
}

export async function createCardEngine(options: EngineOptions = {}): Promise<CardEngine> {
	const concurrency = Math.max(1, options.concurrency ?? cpus().length);
	const queueLimit = Math.max(0, options.queueLimit ?? concurrency * 4);
	// Each request gets an even share of the cores so parallel requests do not oversubscribe them.
	const models = await loadModels({ intraOpThreads: Math.max(1, Math.floor(cpus().length / concurrency)) });
	let active = 0;
	let served = 0;
	let rejected = 0;
	const waiting: Array<() => void> = [];

	const recognize: Recognizer = async (request: CreditCardRequest) => {
		if (active >= concurrency && waiting.length >= queueLimit) {
			rejected += 1;
			return { kind: 'serviceError', code: '0025', message: 'Calls to this API have exceeded the rate limit.' };
		}
		if (active >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
		active += 1;
		try {
			const outcome = await recognizeCard(models, request.image.data, options.decodeLimits);
			served += 1;
			return outcome;
		} catch {
			return { kind: 'serviceError', code: '0501', message: 'OCR service error.' };
		} finally {
			active -= 1;
			waiting.shift()?.();
		}
	};
	return { recognize, models, stats: () => ({ active, queued: waiting.length, concurrency, served, rejected }) };
}
