import { randomUUID } from 'crypto';

import type { CreditCardRequest, FieldName, FieldReading, Quad, RecognitionOutcome } from './types';

function vertices(quad: Quad | null): Array<{ x: number; y: number }> {
	return (quad ?? []).map(({ x, y }) => ({ x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 }));
}

function fieldObject(field: FieldReading) {
	const confidence = Math.round(field.confidence * 1e6) / 1e6;
	return {
		text: field.text,
		// The docs' field table calls it confidenceScore, their sample response confidence: clients read either.
		confidenceScore: confidence,
		confidence,
		boundingPoly: { vertices: vertices(field.box) },
		subBoundingPolys: field.parts.map((part) => ({ vertices: vertices(part) })),
	};
}

const FIELD_ORDER: FieldName[] = ['name', 'number', 'validThru'];

type ImageOutcome = Exclude<RecognitionOutcome, { kind: 'invalid' } | { kind: 'serviceError' }>;

/** The 200 answer for one image, in the shape of the docs' success and failure samples. */
export function buildCreditCardResponse(request: CreditCardRequest, outcome: ImageOutcome): object {
	const base = {
		uid: randomUUID().replace(/-/g, ''),
		name: request.image.name,
	};
	let image: object;
	if (outcome.kind === 'success') {
		const result: Record<string, object> = {};
		for (const name of FIELD_ORDER) {
			const field = outcome.fields[name];
			if (field) result[name] = fieldObject(field);
		}
		image = {
			...base,
			inferResult: 'SUCCESS',
			message: 'SUCCESS',
			validationResult: { result: 'NO_REQUESTED' },
			convertedImageInfo: { width: outcome.width, height: outcome.height, pageIndex: 0 },
			creditCard: { result },
		};
	} else if (outcome.kind === 'failure') {
		image = {
			...base,
			inferResult: 'FAILURE',
			message: outcome.message,
			validationResult: { result: 'NO_REQUESTED' },
			...(outcome.width && outcome.height ? { convertedImageInfo: { width: outcome.width, height: outcome.height, pageIndex: 0 } } : {}),
		};
	} else {
		image = { ...base, inferResult: 'ERROR', message: outcome.message, validationResult: { result: 'NO_REQUESTED' } };
	}
	return { version: 'V2', requestId: request.requestId, timestamp: Date.now(), images: [image] };
}
