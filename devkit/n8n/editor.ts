/** `n8n start` for an instance: the editor, webhooks and active workflows, as a user runs n8n. */
import { spawn } from 'child_process';

import type { N8nInstance } from './instance';

export interface RunningEditor {
	url: string;
	stop(): Promise<void>;
}

export interface EditorOptions {
	port: number;
	/** 'inherit' shows n8n's log (dev tools); tests keep it quiet. */
	stdio?: 'inherit' | 'ignore';
	timeoutMs?: number;
}

const STOP_TIMEOUT_MS = 15_000;

/** Resolves once the editor is usable; rejects (with n8n stopped) when it exits or takes too long. */
export async function startEditor(n8n: N8nInstance, options: EditorOptions): Promise<RunningEditor> {
	const { runtime } = n8n;
	const editor = spawn(runtime.node, [runtime.n8nBin, 'start'], {
		cwd: n8n.userFolder,
		env: { ...n8n.environment(), N8N_PORT: String(options.port), N8N_LISTEN_ADDRESS: '127.0.0.1' },
		stdio: options.stdio ?? 'ignore',
	});
	const exited = new Promise<void>((resolve) => editor.once('exit', () => resolve()));
	const stop = async (): Promise<void> => {
		if (editor.exitCode === null && editor.signalCode === null) editor.kill('SIGTERM');
		await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS))]);
	};
	const url = `http://127.0.0.1:${options.port}`;
	const timeoutMs = options.timeoutMs ?? 120_000;
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			// /healthz answers before the REST routes exist; settings means the editor is usable.
			if ((await fetch(`${url}/rest/settings`)).ok) return { url, stop };
		} catch {
			// not listening yet
		}
		if (editor.exitCode !== null || Date.now() > deadline) {
			await stop();
			throw new Error(
				editor.exitCode !== null ? `n8n exited with ${editor.exitCode} while starting` : `n8n did not start within ${timeoutMs / 1000} s`,
			);
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}
