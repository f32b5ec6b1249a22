/**
 * Progress of long steps (installing n8n, building, installing the package, running a workflow):
 * one line rewritten in place on a terminal, a plain line every so often when the output is a log
 * (CI), and the step's own output (npm's http lines, tsc) in a log file named when the step fails.
 */
import { spawn, spawnSync } from 'child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'fs';
import { dirname, join } from 'path';

/** 1m05s, 42s. */
export function formatElapsed(ms: number): string {
	const seconds = Math.floor(ms / 1000);
	return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}

export interface ProgressOptions {
	/** Where the lines go (stdout by default); a terminal gets the updating line. */
	stream?: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
	/** How often a plain line is written when the stream is not a terminal (default 30 s). */
	logEveryMs?: number;
	/** The detail shown after the label, e.g. packages done; elapsed time is always added. */
	detail?: () => string;
}

const REDRAW_MS = 250;

/** One step's progress: `[prefix] label: detail, elapsed`. */
export class Progress {
	private readonly started = Date.now();

	private readonly stream: NonNullable<ProgressOptions['stream']>;

	private readonly tty: boolean;

	private readonly timer: NodeJS.Timeout;

	private lastLogged = Date.now();

	private drawn = false;

	constructor(
		private readonly label: string,
		private readonly options: ProgressOptions = {},
	) {
		this.stream = options.stream ?? process.stdout;
		this.tty = this.stream.isTTY === true;
		const logEvery = options.logEveryMs ?? 30_000;
		// A terminal sees the clock move; a log gets the first line now and one per interval.
		if (this.tty) this.draw();
		else this.stream.write(`${this.text()}\n`);
		this.timer = setInterval(
			() => {
				if (this.tty) this.draw();
				else if (Date.now() - this.lastLogged >= logEvery) {
					this.lastLogged = Date.now();
					this.stream.write(`${this.text()}\n`);
				}
			},
			this.tty ? REDRAW_MS : Math.min(logEvery, 1000),
		);
		this.timer.unref();
	}

	elapsedMs(): number {
		return Date.now() - this.started;
	}

	private text(): string {
		const detail = this.options.detail?.() ?? '';
		return `${this.label}: ${detail ? `${detail}, ` : ''}${formatElapsed(this.elapsedMs())}`;
	}

	private draw(): void {
		// Cut to the terminal's width: a wrapped line cannot be rewritten in place.
		const width = Math.max(20, (this.stream.columns || 100) - 1);
		this.stream.write(`\r\x1b[2K${this.text().slice(0, width)}`);
		this.drawn = true;
	}

	/** Replaces the progress with its last line: `label: summary (elapsed)`. */
	private end(summary: string): void {
		clearInterval(this.timer);
		if (this.tty && this.drawn) this.stream.write('\r\x1b[2K');
		this.stream.write(`${this.label}: ${summary} (${formatElapsed(this.elapsedMs())})\n`);
	}

	done(summary = 'done'): void {
		this.end(summary);
	}

	fail(summary: string): void {
		this.end(`FAILED: ${summary}`);
	}
}

/** Waits for `task` with a progress line; `detail` may say how far it got. */
export async function withProgress<T>(label: string, task: Promise<T>, detail?: () => string, summary?: (value: T) => string): Promise<T> {
	const progress = new Progress(label, { detail });
	try {
		const value = await task;
		progress.done(summary?.(value));
		return value;
	} catch (error) {
		progress.fail(error instanceof Error ? error.message.split('\n')[0] : String(error));
		throw error;
	}
}

/** What a command's output says about how far it got. */
export type Meter = 'npmInstall' | 'elapsed';

/** A command whose output goes to a log file while a progress line shows how far it is. */
export interface LoggedCommand {
	label: string;
	command: string;
	args: string[];
	cwd: string;
	env?: NodeJS.ProcessEnv;
	/** The log file: the command's stdout and stderr, as they came. */
	log: string;
	meter: Meter;
}

/**
 * Counts npm's --loglevel=http lines: first the package manifests it resolves (`http fetch GET 200
 * <registry>/<name>`), then the tarballs it downloads (`http fetch GET 200 .../-/x.tgz`, or
 * `http cache name@.../-/x.tgz` when npm's cache has it).
 */
export class NpmInstallMeter {
	manifests = 0;

	tarballs = 0;

	added: number | undefined;

	line(line: string): void {
		const http = /^npm http (?:fetch GET 200|cache) (\S+)/.exec(line);
		if (http) {
			if (/\/-\/\S+\.tgz$/.test(http[1])) this.tarballs += 1;
			else this.manifests += 1;
		}
		const added = /^added (\d+) packages?/.exec(line);
		if (added) this.added = Number(added[1]);
	}

	detail(): string {
		if (this.tarballs === 0) return this.manifests === 0 ? '' : `${this.manifests} package manifests read`;
		// No total: a name can be installed in several versions, so the manifests read do not give one.
		return `${this.tarballs} packages downloaded`;
	}

	summary(): string {
		return this.added === undefined ? 'done' : `${this.added} packages`;
	}
}

/** The last lines of a log, to show with the failure. */
function tail(log: string, lines: number): string {
	try {
		return readFileSync(log, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
	} catch {
		return '';
	}
}

/** Runs the command, its output to the log, with a progress line; resolves to its exit code. */
export async function runLogged(spec: LoggedCommand): Promise<number> {
	mkdirSync(dirname(spec.log), { recursive: true });
	const fd = openSync(spec.log, 'w');
	writeSync(fd, `$ cd ${spec.cwd} && ${spec.command} ${spec.args.join(' ')}\n`);
	const meter = spec.meter === 'npmInstall' ? new NpmInstallMeter() : undefined;
	const progress = new Progress(spec.label, { detail: meter ? () => meter.detail() : undefined });
	const code = await new Promise<number>((resolve) => {
		const child = spawn(spec.command, spec.args, {
			cwd: spec.cwd,
			env: { ...process.env, ...spec.env },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let partial = '';
		const take = (chunk: Buffer) => {
			writeSync(fd, chunk);
			if (!meter) return;
			const lines = (partial + chunk.toString()).split('\n');
			partial = lines.pop() ?? '';
			for (const line of lines) meter.line(line);
		};
		child.stdout.on('data', take);
		child.stderr.on('data', take);
		child.once('error', (error) => {
			writeSync(fd, `\n${error.message}\n`);
			resolve(127);
		});
		child.once('close', (status) => resolve(status ?? 1));
	});
	closeSync(fd);
	if (code === 0) progress.done(meter?.summary());
	else {
		progress.fail(`${spec.command} exited with ${code}; its log: ${spec.log}`);
		const last = tail(spec.log, 15);
		if (last) console.log(`last lines of ${spec.log}:\n${last}`);
	}
	return code;
}

const RUNNER = join(__dirname, 'progressRunner.ts');

/**
 * runLogged for synchronous callers (the e2e setup, the benchmark): a child Node runs it, so the
 * progress line keeps moving while this thread waits. Throws, naming the log, when it fails.
 */
export function runLoggedSync(spec: LoggedCommand): void {
	const result = spawnSync(process.execPath, ['--require', require.resolve('tsx/cjs'), RUNNER, JSON.stringify(spec)], {
		stdio: 'inherit',
	});
	if (result.status !== 0) throw new Error(`${spec.label} failed (${spec.command} ${spec.args.join(' ')}); its log: ${spec.log}`);
}
