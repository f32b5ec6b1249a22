import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { InvokeUrlProblem } from './invokeUrl';
import { creditCardEndpoint } from './invokeUrl';
import { ItemFailure } from './itemFailure';
import type { ItemParameters, NodeOptions } from './itemParameters';
import { itemParameterReader } from './itemParameters';
import type { LimiterLease, RetryPolicy } from './requestScheduler';
import { AdaptiveLimiter, DEFAULT_RETRY_POLICY, shareLimiter } from './requestScheduler';
import { CREDENTIAL_NAME } from './transport';

/** What every item of one execution shares. */
export interface Batch {
	ctx: IExecuteFunctions;
	/** The credit-card endpoint, or why the Invoke URL is unusable: reported per item, so Continue On Fail still pairs every input. */
	endpoint: string | InvokeUrlProblem;
	/** Read once: decrypting the credentials per item costs more than the rest of the item's work. */
	secretKey: string;
	concurrency: number;
	policy: RetryPolicy;
	/** Shared with the other executions calling the same endpoint in this process. */
	limiter: AdaptiveLimiter;
	/** The execution's calls are over: it leaves the shared limiter. */
	release: () => void;
	continueOnFail: boolean;
	isCancelled: () => boolean;
	/** The execution's cancel signal (n8n 1.x before it had one: undefined). */
	cancelSignal: AbortSignal | undefined;
	/** One clock reading, so every card's expiry is judged against the same moment. */
	now: Date;
	parametersOf: (itemIndex: number) => ItemParameters;
	/**
	 * Run by an AI Agent: n8n runs a node used as a tool under its type name with `Tool` appended
	 * (clovaOcrTool), in n8n 1.x and 2.x alike. Its output goes into the model's context.
	 */
	runsAsTool: boolean;
	/** n8n 2.x Execution Logic "v2": files travel under the item's `$json._files`, and helpers take JSON paths. */
	combinedBinaryMode: boolean;
}

/** n8n 2.x's BINARY_MODE_COMBINED; n8n-workflow 1.x has neither the constant nor the setting. */
const BINARY_MODE_COMBINED = 'combined';

export async function startBatch(ctx: IExecuteFunctions): Promise<Batch> {
	const credentials = await ctx.getCredentials(CREDENTIAL_NAME);
	const endpoint = creditCardEndpoint(credentials.invokeUrl);
	// Pool size and retry budget describe the whole batch, so they come from the first item.
	const options = ctx.getNodeParameter('options', 0, {}) as NodeOptions;
	const concurrency = Math.max(1, Math.floor(options.concurrency ?? 10));
	const continueOnFail = ctx.continueOnFail();
	const cancelSignal = ctx.getExecutionCancelSignal?.();
	// An unusable Invoke URL makes no calls: nothing to share.
	const lease: LimiterLease =
		typeof endpoint === 'string' ? shareLimiter(endpoint, concurrency) : { limiter: new AdaptiveLimiter(concurrency), release: () => {} };
	return {
		ctx,
		endpoint,
		secretKey: typeof credentials.secretKey === 'string' ? credentials.secretKey : '',
		concurrency,
		policy: { ...DEFAULT_RETRY_POLICY, maxRetries: Math.max(0, Math.floor(options.maxRetries ?? 4)) },
		limiter: lease.limiter,
		release: lease.release,
		continueOnFail,
		isCancelled: () => cancelSignal?.aborted === true,
		cancelSignal,
		now: new Date(),
		parametersOf: itemParameterReader(ctx),
		runsAsTool: ctx.getNode().type.endsWith('Tool'),
		combinedBinaryMode: (ctx.getWorkflowSettings?.() as { binaryMode?: unknown } | undefined)?.binaryMode === BINARY_MODE_COMBINED,
	};
}

/** The endpoint for an item, or the item's failure when the credentials' Invoke URL is unusable. */
export function endpointFor(batch: Batch, itemIndex: number): string {
	const { endpoint } = batch;
	if (typeof endpoint === 'string') return endpoint;
	throw new ItemFailure(
		new NodeOperationError(batch.ctx.getNode(), endpoint.message, { itemIndex, description: endpoint.description }),
		'INVALID_CREDENTIALS',
	);
}
