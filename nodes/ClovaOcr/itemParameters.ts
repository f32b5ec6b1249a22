import type { IExecuteFunctions } from 'n8n-workflow';

import type { MaskMode } from './cardInsights';
import type { ImageFormatOption } from './imageFormat';
import type { RequestMode } from './transport';

export interface NodeOptions {
	allowLocalAddresses?: boolean;
	concurrency?: number;
	confidenceThreshold?: number;
	imageFormat?: ImageFormatOption;
	imageName?: string;
	includeBoundingPolys?: boolean;
	includeRawResponse?: boolean;
	keepBinary?: boolean;
	maskNumber?: MaskMode;
	maxRetries?: number;
	timeout?: number;
}

export type ImageSourceKind = 'binary' | 'url';

export interface ItemParameters {
	imageSource: ImageSourceKind;
	/** A field name, several, a `prefix*`, or binary objects: whatever the expression gave (see binaryInput). */
	binaryPropertyName: unknown;
	imageUrl: string;
	requestMode: RequestMode;
	simplify: boolean;
	options: NodeOptions;
}

function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (typeof value === 'object' && value !== null) return Object.values(value).some(holdsExpression);
	return false;
}

/**
 * Reads the node's parameters for an item. getNodeParameter copies and resolves on every call,
 * which is measurable on batches of thousands of items, so when no parameter is an expression
 * (the values cannot differ between items) they are read once and shared.
 */
export function itemParameterReader(ctx: IExecuteFunctions): (itemIndex: number) => ItemParameters {
	const read = (itemIndex: number): ItemParameters => {
		// Parameters of the other source are not read: they may hold expressions that only work for it.
		const imageSource = ctx.getNodeParameter('imageSource', itemIndex, 'binary') as ImageSourceKind;
		return {
			imageSource,
			binaryPropertyName: imageSource === 'binary' ? ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data') : undefined,
			imageUrl: imageSource === 'url' ? String(ctx.getNodeParameter('imageUrl', itemIndex, '') ?? '').trim() : '',
			requestMode: ctx.getNodeParameter('requestMode', itemIndex) as RequestMode,
			simplify: ctx.getNodeParameter('simplify', itemIndex) as boolean,
			options: ctx.getNodeParameter('options', itemIndex, {}) as NodeOptions,
		};
	};
	if (holdsExpression(ctx.getNode().parameters)) return read;
	let shared: ItemParameters | undefined;
	return () => (shared ??= read(0));
}
