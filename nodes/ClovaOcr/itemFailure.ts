import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

export type NodeError = NodeApiError | NodeOperationError;

/** The error code of an item whose input (binary, parameters) is the problem. */
export const INVALID_INPUT = 'INVALID_INPUT';

/**
 * An item that failed, as n8n reports it (the error, with its itemIndex) and as an error output
 * item carries it (errorCode, a stable code for If/Switch nodes: CLOVA's own code where there is
 * one). Thrown where the failure is found, so each cause builds its own error once.
 */
export class ItemFailure extends Error {
	constructor(
		readonly error: NodeError,
		readonly errorCode: string,
	) {
		super(error.message);
		this.name = 'ItemFailure';
	}
}

/** Whatever an item's steps threw, as an ItemFailure; n8n errors from helpers are input problems. */
export function asItemFailure(ctx: IExecuteFunctions, error: unknown, itemIndex: number): ItemFailure {
	if (error instanceof ItemFailure) return error;
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return new ItemFailure(error, INVALID_INPUT);
	const message = error instanceof Error ? error.message : String(error);
	return new ItemFailure(new NodeOperationError(ctx.getNode(), message, { itemIndex }), INVALID_INPUT);
}
