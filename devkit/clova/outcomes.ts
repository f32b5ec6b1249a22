/** Answers for the test server to give: recognition outcomes and CLOVA's documented samples. */
import type { FieldReading, Quad, RecognitionOutcome } from '../../server/src/protocol';
import type { CardTruth } from '../fixtures';

function quad(x: number, y: number, w: number, h: number): Quad {
	return [
		{ x, y },
		{ x: x + w, y },
		{ x: x + w, y: y + h },
		{ x, y: y + h },
	];
}

function reading(text: string, confidence: number, y: number): FieldReading {
	return { text, confidence, box: quad(80, y, 600, 50), parts: text.split(' ').map((_, i) => quad(80 + i * 160, y, 150, 50)) };
}

/** A success as CLOVA would return it for a card with these fields. */
export function successFor(fields: Partial<CardTruth>, confidence = 0.99): RecognitionOutcome {
	return {
		kind: 'success',
		width: 1012,
		height: 638,
		fields: {
			...(fields.name !== undefined ? { name: reading(fields.name, confidence, 500) } : {}),
			...(fields.number !== undefined ? { number: reading(fields.number, confidence, 330) } : {}),
			...(fields.validThru !== undefined ? { validThru: reading(fields.validThru, confidence, 420) } : {}),
		},
	};
}

/** The docs' success sample, verbatim but for its trailing comma. */
export const DOCS_SUCCESS_SAMPLE = JSON.stringify({
	version: 'V2',
	requestId: '1234',
	timestamp: 1725005676747,
	images: [
		{
			uid: '{uid}',
			name: 'creditcard_test',
			inferResult: 'SUCCESS',
			message: 'SUCCESS',
			validationResult: { result: 'NO_REQUESTED' },
			creditCard: {
				result: {
					name: {
						text: 'KAIY*** VENY***',
						confidence: 0.8576972,
						boundingPoly: { vertices: [] },
						subBoundingPolys: [
							{
								vertices: [
									{ x: 192.0, y: 609.0 },
									{ x: 407.0, y: 609.0 },
									{ x: 407.0, y: 651.0 },
									{ x: 192.0, y: 651.0 },
								],
							},
						],
					},
					number: {
						text: '512571781234****',
						confidence: 0.999885,
						boundingPoly: {
							vertices: [
								{ x: 187.0, y: 450.0 },
								{ x: 1007.0, y: 450.0 },
								{ x: 1007.0, y: 506.0 },
								{ x: 187.0, y: 506.0 },
							],
						},
						subBoundingPolys: [
							{
								vertices: [
									{ x: 187.0, y: 450.0 },
									{ x: 360.0, y: 450.0 },
									{ x: 360.0, y: 506.0 },
									{ x: 187.0, y: 506.0 },
								],
							},
						],
					},
					validThru: {
						text: '09/23',
						confidence: 0.9999175,
						boundingPoly: {
							vertices: [
								{ x: 585.0, y: 557.0 },
								{ x: 735.0, y: 557.0 },
								{ x: 735.0, y: 600.0 },
								{ x: 585.0, y: 600.0 },
							],
						},
						subBoundingPolys: [],
					},
				},
			},
		},
	],
});

export const DOCS_FAILURE_SAMPLE = JSON.stringify({
	version: 'V2',
	requestId: '4567',
	timestamp: 1725003278037,
	images: [
		{
			uid: '{uid}',
			name: 'receipt_test2',
			inferResult: 'ERROR',
			message: 'Read page:0 error.',
			validationResult: { result: 'NO_REQUESTED' },
		},
	],
});
