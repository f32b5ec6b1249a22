import type { RecognitionOutcome } from '../protocol';
import { readCardFromImage } from './cardPipeline';
import type { DecodeLimits } from './decode';
import { DEFAULT_DECODE_LIMITS, DecodeError, decodeImage } from './decode';
import type { OcrModels } from './models';

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
