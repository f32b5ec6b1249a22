import { spawn } from 'child_process';
import type { ChildProcessByStdio } from 'child_process';
import { join } from 'path';
import type { Readable } from 'stream';

export interface RunningServer {
	url: string;
	output: string[];
	stop(): Promise<void>;
}

/** Starts the real CLI (as users run it) on a free loopback port. */
export async function startLocalServer(args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
	const bin = join(__dirname, '..', '..', 'bin', 'clova-ocr-local.js');
	const child: ChildProcessByStdio<null, Readable, Readable> = spawn(process.execPath, [bin, '--port', '0', ...args], {
		stdio: ['ignore', 'pipe', 'pipe'],
		env: { ...process.env, CLOVA_OCR_FROM_SOURCE: '1', ...env },
	});
	const output: string[] = [];
	child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
	const url = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start: ${output.join('')}`)), 60_000);
		child.stdout.on('data', (chunk: Buffer) => {
			const text = chunk.toString();
			output.push(text);
			const match = /listening on (http:\/\/\S+?) /.exec(text);
			if (match) {
				clearTimeout(timer);
				resolve(match[1]);
			}
		});
		child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output.join('')}`)));
	});
	return {
		url,
		output,
		stop: async () => {
			if (child.exitCode !== null) return;
			const exited = new Promise((resolve) => child.on('exit', resolve));
			child.kill('SIGTERM');
			await exited;
		},
	};
}
