/** Stopping what a test started: politely first, then for certain, within a bounded time. */
import type { ChildProcess } from 'child_process';

function hasExited(child: ChildProcess): boolean {
	return child.exitCode !== null || child.signalCode !== null;
}

async function exitWithin(child: ChildProcess, ms: number): Promise<boolean> {
	if (hasExited(child)) return true;
	return await new Promise<boolean>((resolve) => {
		const timer = setTimeout(() => resolve(hasExited(child)), ms);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve(true);
		});
	});
}

export interface StopOptions {
	signal: NodeJS.Signals;
	graceMs: number;
	/**
	 * The child was spawned `detached`, so it leads its own process group: the final kill takes
	 * the whole group, and helpers it started (n8n's task runners) cannot outlive it.
	 */
	group?: boolean;
}

/** Sends `signal` and waits up to `graceMs`; a process still running then is killed. */
export async function stopChild(child: ChildProcess, options: StopOptions): Promise<void> {
	const { pid } = child;
	if (pid === undefined) return;
	if (!hasExited(child)) {
		child.kill(options.signal);
		if (await exitWithin(child, options.graceMs)) return killGroup(pid, options);
		try {
			process.kill(options.group ? -pid : pid, 'SIGKILL');
		} catch {
			// gone between the check and the kill
		}
		await exitWithin(child, 5_000);
		return;
	}
	killGroup(pid, options);
}

/** A leader that exited cleanly may still leave members behind if it did not wait for them. */
function killGroup(pid: number, options: StopOptions): void {
	if (!options.group) return;
	try {
		process.kill(-pid, 'SIGKILL');
	} catch {
		// the group is empty: the usual case
	}
}
