/** One long-running n8n command (`start`, `worker`) of an instance, with its output where the caller wants it. */
import { spawn } from 'child_process';
import type { ChildProcess, StdioOptions } from 'child_process';
import { closeSync, openSync } from 'fs';

import { stopChild } from '../services/childProcess';
import type { N8nInstance } from './instance';

export interface N8nProcess {
	child: ChildProcess;
	/** Why it cannot be ready any more (it exited), or undefined while it runs. */
	exitReason(): string | undefined;
	stop(): Promise<void>;
}

export interface LaunchOptions {
	env: NodeJS.ProcessEnv;
	/** 'inherit' shows n8n's log (dev tools), a path appends it to that file, 'ignore' drops it. */
	output: 'inherit' | 'ignore' | { file: string };
	/** Its own process group, so a stop that has to kill also takes its task runners. */
	group?: boolean;
}

/**
 * n8n 2.x waits for its task runners and running executions on SIGTERM; 30 s covers a slow
 * 2-core machine, after which the process (and with `group` its runners) is killed.
 */
const STOP_GRACE_MS = 30_000;

export function launchN8n(n8n: N8nInstance, args: string[], options: LaunchOptions): N8nProcess {
	const { runtime } = n8n;
	const fd = typeof options.output === 'object' ? openSync(options.output.file, 'a') : undefined;
	const stdio: StdioOptions = fd === undefined ? (options.output as 'inherit' | 'ignore') : ['ignore', fd, fd];
	const child = spawn(runtime.node, [runtime.n8nBin, ...args], {
		cwd: n8n.userFolder,
		env: { ...n8n.environment(), ...options.env },
		stdio,
		detached: options.group === true,
	});
	// The child holds its own copy of the descriptor.
	if (fd !== undefined) closeSync(fd);
	let spawnError: Error | undefined;
	child.once('error', (error) => (spawnError = error));
	return {
		child,
		exitReason: () =>
			spawnError?.message ??
			(child.exitCode !== null || child.signalCode !== null
				? `n8n ${args[0]} exited with ${child.exitCode ?? child.signalCode}`
				: undefined),
		stop: async () => await stopChild(child, { signal: 'SIGTERM', graceMs: STOP_GRACE_MS, group: options.group }),
	};
}
