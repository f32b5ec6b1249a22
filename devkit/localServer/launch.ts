/** Starts the local server's real CLI, as users run it, and waits for the line that says it listens. */
import { spawn } from 'child_process';
import type { ChildProcessByStdio } from 'child_process';
import type { Readable } from 'stream';

import { LOCAL_SERVER_BIN } from '../paths';

export interface RunningServer {
	url: string;
	pid: number;
	/** Everything the server printed, stdout and stderr, in arrival order. */
	output: string[];
	/** The JSON event lines it printed so far, in order. */
	events: ServerEvent[];
	/** Sends a signal (SIGTERM drains, SIGKILL stands in for a crash) and returns at once. */
	signal(signal: NodeJS.Signals): void;
	/** Settles when the process is gone: its exit code, or the signal that ended it. */
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
	/** SIGTERM, then waits for the exit: at most --drain-seconds when requests are still unanswered. */
	stop(): Promise<void>;
}

/** The line server/src/cli.ts prints on stdout once it listens, beside its sentence for people. */
export interface ReadyLine {
	event: 'ready';
	url: string;
	pid: number;
}

/** The line it prints once every worker has its models (it listens before that). */
export interface ModelsLoadedLine {
	event: 'modelsLoaded';
	/** Process start to the last worker ready. */
	ms: number;
	slowestWorkerMs: number;
}

/** The line it prints on SIGTERM or SIGINT, when it starts draining. */
export interface DrainingLine {
	event: 'draining';
	signal: string;
	/** Requests taken and not yet answered when the signal came. */
	inFlight: number;
	drainSeconds: number;
}

/** The line it prints last, when the drain is over. */
export interface StoppedLine {
	event: 'stopped';
	/** Every request taken was answered. */
	idle: boolean;
	unanswered: number;
	ms: number;
}

export type ServerEvent = ReadyLine | ModelsLoadedLine | DrainingLine | StoppedLine;

/** One of the server's JSON event lines, or undefined for any other line (its sentences for people, request logs). */
export function parseServerEvent(line: string): ServerEvent | undefined {
	if (!line.startsWith('{')) return undefined;
	try {
		const value = JSON.parse(line) as Record<string, unknown>;
		if (value.event === 'ready' && typeof value.url === 'string' && typeof value.pid === 'number')
			return { event: 'ready', url: value.url, pid: value.pid };
		if (value.event === 'modelsLoaded' && typeof value.ms === 'number' && typeof value.slowestWorkerMs === 'number') {
			return { event: 'modelsLoaded', ms: value.ms, slowestWorkerMs: value.slowestWorkerMs };
		}
		if (
			value.event === 'draining' &&
			typeof value.signal === 'string' &&
			typeof value.inFlight === 'number' &&
			typeof value.drainSeconds === 'number'
		) {
			return { event: 'draining', signal: value.signal, inFlight: value.inFlight, drainSeconds: value.drainSeconds };
		}
		if (
			value.event === 'stopped' &&
			typeof value.idle === 'boolean' &&
			typeof value.unanswered === 'number' &&
			typeof value.ms === 'number'
		) {
			return { event: 'stopped', idle: value.idle, unanswered: value.unanswered, ms: value.ms };
		}
		return undefined;
	} catch {
		return undefined;
	}
}

export function parseReadyLine(line: string): ReadyLine | undefined {
	const parsed = parseServerEvent(line);
	return parsed?.event === 'ready' ? parsed : undefined;
}

const START_TIMEOUT_MS = 60_000;

/**
 * Runs bin/clova-ocr-local.js from the TypeScript sources (a stale server/dist must not answer
 * for the code under test) on a free loopback port unless `args` name another.
 */
export async function startLocalServer(args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
	const child: ChildProcessByStdio<null, Readable, Readable> = spawn(process.execPath, [LOCAL_SERVER_BIN, '--port', '0', ...args], {
		stdio: ['ignore', 'pipe', 'pipe'],
		env: { ...process.env, CLOVA_OCR_FROM_SOURCE: '1', ...env },
	});
	// 'close', not 'exit': by then stderr is read to the end, so a failed start reports its reason.
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.once('close', (code, signal) => resolve({ code, signal })),
	);
	const output: string[] = [];
	const events: ServerEvent[] = [];
	child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
	const ready = await new Promise<ReadyLine>((resolve, reject) => {
		const timer = setTimeout(() => {
			child.kill('SIGTERM');
			reject(new Error(`server did not start within ${START_TIMEOUT_MS / 1000} s: ${output.join('')}`));
		}, START_TIMEOUT_MS);
		// A chunk may end inside a line: only whole lines are parsed.
		let partial = '';
		child.stdout.on('data', (chunk: Buffer) => {
			const text = chunk.toString();
			output.push(text);
			const lines = (partial + text).split('\n');
			partial = lines.pop() ?? '';
			for (const line of lines) {
				const event = parseServerEvent(line.trim());
				if (event) events.push(event);
				if (event?.event === 'ready') {
					clearTimeout(timer);
					resolve(event);
				}
			}
		});
		void exited.then(() => {
			clearTimeout(timer);
			reject(new Error(`server exited with ${child.exitCode ?? child.signalCode}: ${output.join('')}`));
		});
	});
	const running = () => child.exitCode === null && child.signalCode === null;
	return {
		url: ready.url,
		pid: ready.pid,
		output,
		events,
		signal: (signal) => {
			if (running()) child.kill(signal);
		},
		exited,
		stop: async () => {
			if (running()) child.kill('SIGTERM');
			await exited;
		},
	};
}
