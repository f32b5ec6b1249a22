import type { IncomingMessage } from 'http';

import { declaredLength } from './requestReader';

/**
 * Bytes of request bodies the server holds at once. A queue place alone does not bound memory: on
 * a many-core machine the queue takes dozens of requests, each up to the body limit, and every
 * one would be read and decoded before the first is recognised.
 */
export class BodyBudget {
	private held = 0;

	/** Bytes reserved since the budget was last empty. */
	private reservedSinceEmpty = 0;

	/** onEmpty is told, when the last held body is released, how many bytes were reserved since it was last empty. */
	constructor(
		private readonly maxBytes: number,
		private readonly onEmpty?: (reservedBytes: number) => void,
	) {}

	get heldBytes(): number {
		return this.held;
	}

	/**
	 * Reserves the body's declared length (the limit when it is sent chunked), or undefined when
	 * that would pass the budget. A lone request always fits, so a budget below the body limit
	 * still serves one at a time.
	 */
	reserve(req: IncomingMessage, maxBodyBytes: number): { release: () => void } | undefined {
		const bytes = Math.min(declaredLength(req) ?? maxBodyBytes, maxBodyBytes);
		if (this.held > 0 && this.held + bytes > this.maxBytes) return undefined;
		this.held += bytes;
		this.reservedSinceEmpty += bytes;
		let released = false;
		return {
			release: () => {
				if (released) return;
				released = true;
				this.held -= bytes;
				if (this.held > 0) return;
				const reserved = this.reservedSinceEmpty;
				this.reservedSinceEmpty = 0;
				this.onEmpty?.(reserved);
			},
		};
	}
}
