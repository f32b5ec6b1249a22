/** Reading what `n8n execute --rawOutput` prints: the run, each node's first run and its items. */
export interface ExecutionRun {
	data?: { resultData: ResultData };
	resultData?: ResultData;
	startedAt?: string;
	stoppedAt?: string;
}

export interface OutputItem {
	json: Record<string, unknown>;
	pairedItem?: unknown;
}

export interface NodeRun {
	data?: { main: OutputItem[][] };
	error?: { message?: string };
	/** Epoch milliseconds. */
	startTime?: number;
	executionTime?: number;
}

export interface ResultData {
	error?: { message?: string; description?: string };
	runData: Record<string, NodeRun[]>;
}

/** `execute --rawOutput` puts the result data under `data.resultData` or at the top; both are read. */
export function resultDataOf(run: ExecutionRun | undefined): ResultData | undefined {
	return run?.data?.resultData ?? run?.resultData;
}

export function nodeRun(run: ExecutionRun | undefined, nodeName: string): NodeRun | undefined {
	return resultDataOf(run)?.runData[nodeName]?.[0];
}

/** The items a node put out on its first output in its first run; none when it did not run. */
export function nodeOutput(run: ExecutionRun | undefined, nodeName: string): OutputItem[] {
	return nodeRun(run, nodeName)?.data?.main[0] ?? [];
}
