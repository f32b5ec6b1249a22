/** `n8n start` for an instance: the editor, webhooks and active workflows, as a user runs n8n. */
import { existsSync, readFileSync } from 'fs';
import type { N8nInstance } from './instance';
import { launchN8n } from './process';
import type { LaunchOptions } from './process';

export interface RunningEditor {
	url: string;
	stop(): Promise<void>;
}

export interface EditorOptions {
	port: number;
	/** 'inherit' shows n8n's log (dev tools); tests keep it quiet or write it to a file. */
	stdio?: LaunchOptions['output'];
	timeoutMs?: number;
	/** See LaunchOptions.group. */
	group?: boolean;
}

/** Resolves once the editor is usable; rejects (with n8n stopped) when it exits or takes too long. */
export async function startEditor(n8n: N8nInstance, options: EditorOptions): Promise<RunningEditor> {
	const editor = launchN8n(n8n, ['start'], {
		env: { N8N_PORT: String(options.port), N8N_LISTEN_ADDRESS: '127.0.0.1' },
		output: options.stdio ?? 'ignore',
		group: options.group,
	});
	const url = `http://127.0.0.1:${options.port}`;
	const timeoutMs = options.timeoutMs ?? 120_000;
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			// /healthz answers before the REST routes exist; settings means the editor is usable.
			if ((await fetch(`${url}/rest/settings`)).ok) return { url, stop: editor.stop };
		} catch {
			// not listening yet
		}
		const exited = editor.exitReason();
		if (exited !== undefined || Date.now() > deadline) {
			await editor.stop();
			throw new Error(`${exited ?? `n8n did not start within ${timeoutMs / 1000} s`}${logTail(options.stdio)}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/** The last lines n8n wrote, when its output went to a file: why it did not start. */
function logTail(output: EditorOptions['stdio']): string {
	if (typeof output !== 'object' || !existsSync(output.file)) return '';
	const lines = readFileSync(output.file, 'utf8').trimEnd().split('\n').slice(-LOG_TAIL_LINES);
	return `; the last lines of ${output.file}:\n${lines.join('\n')}`;
}

const LOG_TAIL_LINES = 20;
