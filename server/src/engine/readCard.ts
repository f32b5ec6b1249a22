import { readCardFromImage } from './cardPipeline';
import { DecodeError, decodeImage } from './decode';
import type { DecodeLimits, PipelineSettings } from './engineSettings';
import { DEFAULT_DECODE_LIMITS, DEFAULT_PIPELINE } from './engineSettings';
import type { OcrModels } from './models';
import type { EncodedImage, ReadOutcome } from './types';

export interface ReadOptions {
	decodeLimits?: DecodeLimits;
	pipeline?: PipelineSettings;
	/** The day expiry dates are judged against. */
	now?: Date;
}

/** Runs one image through decode, detection, recognition and field extraction. */
export async function recognizeCard(models: OcrModels, encoded: EncodedImage, options: ReadOptions = {}): Promise<ReadOutcome> {
	let image;
	try {
		image = await decodeImage(encoded, options.decodeLimits ?? DEFAULT_DECODE_LIMITS);
	} catch (error) {
		if (error instanceof DecodeError) return { kind: error.kind, message: error.message };
		throw error;
	}
	const { fields } = await readCardFromImage(models, image, options.now ?? new Date(), options.pipeline ?? DEFAULT_PIPELINE);
	if (!fields.number && !fields.validThru) {
		return { kind: 'noCard', message: 'No credit card found in the image.', width: image.width, height: image.height };
	}
	return { kind: 'card', width: image.width, height: image.height, fields };
}
