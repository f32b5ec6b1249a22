import { execFile } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import type { ExecutionRun } from './runData';
import { resultDataOf } from './runData';
import type { N8nRuntime } from './runtime';

export interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
}

export interface ExecuteResult {
	ok: boolean;
	run?: ExecutionRun;
	/** stdout and stderr: what to show when a run failed. */
	output: string;
}

const INSTALL_ATTEMPTS = 3;
const INSTALL_ATTEMPT_MS = 120_000;

/** npm's own error lines (its warnings come first and say nothing of why it failed), or its last lines. */
function npmErrors(stderr: string): string {
	const lines = stderr.split('\n').filter((line) => line.trim());
	const errors = lines.filter((line) => line.startsWith('npm error') || line.startsWith('npm ERR!'));
	return (errors.length ? errors : lines).slice(-12).join('\n') || '(npm printed nothing)';
}

let brokerPort = 5679 + Math.floor(Math.random() * 2000);

/** One n8n user folder with the package installed from its tarball, as Community Nodes does. */
export class N8nInstance {
	readonly userFolder: string;

	private readonly env: NodeJS.ProcessEnv;

	constructor(
		readonly runtime: N8nRuntime,
		extraEnv: NodeJS.ProcessEnv = {},
	) {
		this.userFolder = mkdtempSync(join(tmpdir(), `n8n-${runtime.version}-`));
		this.env = {
			...process.env,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: 'e2e-encryption-key',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
			// CLI commands print their results through the logger at info level.
			N8N_LOG_LEVEL: 'info',
			// jest sets NODE_ENV=test, which makes n8n silence its CLI output.
			NODE_ENV: 'production',
			DB_SQLITE_POOL_SIZE: '1',
			...extraEnv,
		};
	}

	/** The environment n8n commands of this instance run with (a fresh broker port each call). */
	environment(): NodeJS.ProcessEnv {
		brokerPort += 1;
		return { ...this.env, N8N_RUNNERS_BROKER_PORT: String(brokerPort) };
	}

	/**
	 * Installs the tarball with the flags n8n's own community-package installer uses (n8n provides
	 * n8n-workflow itself). A registry that stalls once must not fail a whole run: each attempt is
	 * bounded, npm answers from its cache where it can, and a failed attempt is tried again.
	 */
	async installPackage(tarball: string): Promise<void> {
		const nodesDir = join(this.userFolder, '.n8n', 'nodes');
		mkdirSync(nodesDir, { recursive: true });
		writeFileSync(join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }));
		const args = [
			'install',
			'--no-audit',
			'--no-fund',
			'--omit=peer',
			'--legacy-peer-deps',
			'--ignore-scripts',
			'--package-lock=false',
			'--prefer-offline',
			'--fetch-timeout=60000',
			tarball,
		];
		const failures: string[] = [];
		for (let attempt = 1; attempt <= INSTALL_ATTEMPTS; attempt++) {
			const result = await this.exec('npm', args, nodesDir, process.env, INSTALL_ATTEMPT_MS);
			if (result.code === 0) return;
			failures.push(
				`attempt ${attempt}: ${result.timedOut ? `no answer in ${INSTALL_ATTEMPT_MS / 1000} s` : `exit ${result.code}`}; ${npmErrors(result.stderr)}`,
			);
		}
		throw new Error(`npm install of ${tarball} failed ${INSTALL_ATTEMPTS} times:\n${failures.join('\n')}`);
	}

	private async exec(
		command: string,
		args: string[],
		cwd: string,
		env: NodeJS.ProcessEnv,
		timeout = 300_000,
	): Promise<CliResult & { timedOut: boolean }> {
		return await new Promise((resolve) => {
			execFile(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024, timeout }, (error, stdout, stderr) => {
				const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : 1) : 0;
				resolve({ code, stdout, stderr, timedOut: error?.killed === true });
			});
		});
	}

	/** `nodeArgs` go to the Node binary before n8n's own script, e.g. a `--require` preload. */
	async cli(args: string[], nodeArgs: string[] = [], extraEnv: NodeJS.ProcessEnv = {}): Promise<CliResult> {
		// A fresh task-runner broker port per process: the previous one may still hold its port.
		return await this.exec(this.runtime.node, [...nodeArgs, this.runtime.n8nBin, ...args], this.userFolder, {
			...this.environment(),
			...extraEnv,
		});
	}

	async importJson(kind: 'credentials' | 'workflow', content: unknown): Promise<void> {
		const file = join(this.userFolder, `${kind}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
		writeFileSync(file, JSON.stringify(content));
		const result = await this.cli([`import:${kind}`, `--input=${file}`]);
		if (result.code !== 0) throw new Error(`import:${kind} failed (${result.code}): ${result.stdout}\n${result.stderr}`);
	}

	/** Makes a stored workflow's triggers live on the next `n8n start`: 2.x publishes, 1.x sets it active. */
	async activate(workflowId: string): Promise<void> {
		const args = this.runtime.version.startsWith('1.')
			? ['update:workflow', `--id=${workflowId}`, '--active=true']
			: ['publish:workflow', `--id=${workflowId}`];
		const result = await this.cli(args);
		if (result.code !== 0) throw new Error(`${args[0]} failed (${result.code}): ${result.stdout}\n${result.stderr}`);
	}

	/** Deletes the user folder, installed package, logs and all; the instance is unusable after. */
	dispose(): void {
		rmSync(this.userFolder, { recursive: true, force: true });
	}

	/** Runs a stored workflow headless and returns n8n's run data, or the failure output. */
	async execute(workflowId: string, nodeArgs: string[] = [], extraEnv: NodeJS.ProcessEnv = {}): Promise<ExecuteResult> {
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], nodeArgs, extraEnv);
		const output = `${result.stdout}\n${result.stderr}`;
		// Log lines can come before and after the run data: take the widest span from a line that
		// opens with "{" to a line that is "}" that parses. A run counts as ok when it has no error,
		// whatever the exit code (n8n 2.x may exit non-zero while shutting its runners down).
		const lines = result.stdout.split('\n');
		const starts = lines.flatMap((line, i) => (line.startsWith('{') ? [i] : []));
		const ends = lines.flatMap((line, i) => (line.trimEnd() === '}' ? [i] : [])).reverse();
		for (const start of starts) {
			for (const end of ends.filter((e) => e >= start)) {
				try {
					const run = JSON.parse(lines.slice(start, end + 1).join('\n')) as ExecutionRun;
					const resultData = resultDataOf(run);
					return { ok: resultData !== undefined && !resultData.error, run, output };
				} catch {
					// not the result object: keep looking
				}
			}
		}
		return { ok: false, output };
	}
}
