import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { MaskMode, ReviewReason } from './cardInsights';
import { cardBrand, isMasked, luhnValid, maskNumber, numberCharacters, parseExpiry } from './cardInsights';
import type { ClovaField, ClovaImageResult, ClovaPoly, ClovaResponse } from './clovaTypes';
import { ItemFailure } from './itemFailure';
import { serviceCode, serviceText } from './serviceText';

export interface SimplifyOptions {
	maskNumber: MaskMode;
	confidenceThreshold: number;
	includeBoundingPolys: boolean;
	includeRawResponse: boolean;
	requestId: string;
	now: Date;
}

const FIELDS = [
	{ key: 'name', reasonKey: 'name' },
	{ key: 'number', reasonKey: 'number' },
	{ key: 'validThru', reasonKey: 'valid_thru' },
] as const;

function fieldText(field: ClovaField | undefined): string | null {
	return typeof field?.text === 'string' && field.text.trim() !== '' ? field.text.trim() : null;
}

/** The docs' field table names it `confidenceScore`, the sample response `confidence`. */
function fieldConfidence(field: ClovaField | undefined): number | null {
	const value = field?.confidenceScore ?? field?.confidence;
	return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function polys(field: ClovaField | undefined): IDataObject | null {
	if (!field) return null;
	// transport.ts checked the shape already; these guards keep the mapping total on its own.
	const vertices = (poly: ClovaPoly | undefined) =>
		(Array.isArray(poly?.vertices) ? poly.vertices : []).map((v) => ({ x: v?.x ?? null, y: v?.y ?? null }));
	return {
		vertices: vertices(field.boundingPoly),
		subBoundingPolys: (Array.isArray(field.subBoundingPolys) ? field.subBoundingPolys : []).map((poly) => ({ vertices: vertices(poly) })),
	};
}

/** Flattens one image of a SUCCESS response into the fields downstream nodes map directly. */
export function simplifyImageResult(image: ClovaImageResult, options: SimplifyOptions): IDataObject {
	const result = image.creditCard?.result ?? {};
	const name = fieldText(result.name);
	const number = fieldText(result.number);
	const validThru = fieldText(result.validThru);
	const confidences = {
		name: fieldConfidence(result.name),
		number: fieldConfidence(result.number),
		validThru: fieldConfidence(result.validThru),
	};
	const texts = { name, number, validThru };

	const reasons: ReviewReason[] = [];
	const present: number[] = [];
	for (const { key, reasonKey } of FIELDS) {
		if (texts[key] === null) {
			reasons.push(`missing_${reasonKey}` as ReviewReason);
			continue;
		}
		const confidence = confidences[key];
		if (confidence !== null) present.push(confidence);
		if (confidence === null || confidence < options.confidenceThreshold) {
			reasons.push(`low_confidence_${reasonKey}` as ReviewReason);
		}
	}

	const luhn = luhnValid(number);
	if (luhn === false) reasons.push('luhn_failed');
	const expiry = parseExpiry(validThru, options.now);
	if (validThru !== null && expiry === null) reasons.push('bad_expiry');
	if (expiry?.isExpired) reasons.push('expired');

	const output: IDataObject = {
		name,
		nameConfidence: confidences.name,
		number: maskNumber(number, options.maskNumber),
		numberConfidence: confidences.number,
		validThru,
		validThruConfidence: confidences.validThru,
		confidence: present.length > 0 ? Math.min(...present) : null,
		cardBrand: cardBrand(number),
		numberMasked: number === null ? null : isMasked(numberCharacters(number)) || options.maskNumber !== 'asReturned',
		luhnValid: luhn,
		expiryMonth: expiry?.expiryMonth ?? null,
		expiryYear: expiry?.expiryYear ?? null,
		isExpired: expiry?.isExpired ?? null,
		needsReview: reasons.length > 0,
		reviewReasons: reasons,
		imageName: image.name ?? null,
		requestId: options.requestId,
		uid: image.uid ?? null,
		inferResult: image.inferResult ?? null,
		// The secret key was removed from every `message` on arrival (transport.ts); this caps and masks.
		message: serviceText(image.message, '') ?? null,
	};
	if (options.includeBoundingPolys) {
		output.boundingPolys = {
			name: polys(result.name),
			number: polys(result.number),
			validThru: polys(result.validThru),
		};
	}
	if (options.includeRawResponse) {
		output.rawResponse = image as IDataObject;
	}
	return output;
}

/** The single image result of a call; an answer that reads no card fails the item with inferResult as its code. */
export function recognizedImage(node: INode, response: ClovaResponse, itemIndex: number): ClovaImageResult {
	const result = response.images?.[0] ?? {};
	if (result.inferResult !== 'SUCCESS') {
		const inferResult = serviceCode(result.inferResult);
		const message = `CLOVA OCR could not read the card in item ${itemIndex}: ${serviceText(result.message, '') ?? 'no message'} (inferResult ${inferResult || 'missing'})`;
		const description =
			'Check that the image shows the front of one credit card, flat, in focus and not cropped. A multi-page PDF or TIFF must be cut to the card page first.';
		throw new ItemFailure(new NodeOperationError(node, message, { itemIndex, description }), inferResult || 'NO_RESULT');
	}
	if (!result.creditCard?.result) {
		const message = `CLOVA OCR reported SUCCESS for item ${itemIndex} but returned no card fields`;
		const description =
			'The service found no credit card in the image. Check that the image shows the front of a card; turn off Simplify to see the raw answer.';
		throw new ItemFailure(new NodeOperationError(node, message, { itemIndex, description }), 'NO_CARD_RESULT');
	}
	return result;
}
