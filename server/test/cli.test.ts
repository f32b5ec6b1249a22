import { execFile } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { LOCAL_SERVER_BIN } from '../../devkit/paths';

/** Runs the CLI from source (a stale dist/ must not answer for the code under test). */
async function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
	return await new Promise((resolve) => {
		execFile(
			process.execPath,
			[LOCAL_SERVER_BIN, ...args],
			{ env: { ...process.env, CLOVA_OCR_FROM_SOURCE: '1' }, timeout: 60_000 },
			(error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
		);
	});
}

describe('local server CLI options', () => {
	test('--help documents every option and environment variable', async () => {
		const { code, stdout } = await cli(['--help']);
		expect(code).toBe(0);
		for (const flag of [
			'--host',
			'--port',
			'--secret',
			'--max-body-mb',
			'--max-held-mb',
			'--drain-seconds',
			'--quiet',
			'--help',
			'--concurrency',
			'--queue',
			'--threads-per-worker',
			'--memory-arena',
			'--max-megapixels',
			'--det-side',
			'--text-height',
			'--max-view',
			'CLOVA_OCR_SECRET',
			'CLOVA_OCR_FROM_SOURCE',
		]) {
			expect(stdout).toContain(flag);
		}
	});

	// Each is refused before a worker starts or a port is taken.
	test.each([
		[['--max-body-mb', 'abc'], '--max-body-mb must be a number above 0 and at most 1024, got "abc"'],
		[['--max-body-mb', '5000'], '--max-body-mb must be a number above 0 and at most 1024, got "5000"'],
		[['--max-held-mb', '0'], '--max-held-mb must be a number above 0 and at most 65536, got "0"'],
		[['--queue', 'xyz'], '--queue must be an integer from 0 to 10000, got "xyz"'],
		[['--drain-seconds', '1.5'], '--drain-seconds must be an integer from 0 to 3600, got "1.5"'],
		[['--concurrency', 'abc'], '--concurrency must be an integer from 1 to 64, got "abc"'],
		[['--concurrency', '0'], '--concurrency must be an integer from 1 to 64, got "0"'],
		[['--concurrency', '100000'], '--concurrency must be an integer from 1 to 64, got "100000"'],
		[['--port', 'x'], '--port must be an integer from 0 to 65535, got "x"'],
		[['--port', '70000'], '--port must be an integer from 0 to 65535, got "70000"'],
		[['--threads-per-worker', '1.5'], '--threads-per-worker must be an integer from 1 to 256, got "1.5"'],
		[['--memory-arena', 'maybe'], '--memory-arena must be on or off, got "maybe"'],
		[['--det-side', '10'], '--det-side must be an integer from 160 to 4096, got "10"'],
		[['--secret', ''], '--secret must not be empty'],
		[['--secret', ' padded '], '--secret must not start or end with spaces'],
		[['--no-such-flag'], "Unknown option '--no-such-flag'"],
	])('%j exits 2 naming the option', async (args, message) => {
		const { code, stdout, stderr } = await cli(args);
		expect(code).toBe(2);
		expect(stderr).toContain(message);
		expect(stderr).toContain('(see --help)');
		expect(stdout).not.toContain('listening');
	});
});

describe('local server start-up', () => {
	// The server listens before its workers have their models; what the main thread loads first is
	// its cold start. pdf-lib alone took a third of a second there.
	test('the main thread loads no image, PDF or model package before it can listen', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'clova-cold-'));
		const preload = join(dir, 'modulesAtExit.js');
		writeFileSync(preload, "process.on('exit', () => process.stderr.write('MODULES ' + JSON.stringify(Object.keys(require.cache))));");
		try {
			// --help exits once cli.ts and everything it imports are loaded, before any worker starts.
			const stderr = await new Promise<string>((resolve) => {
				execFile(
					process.execPath,
					['--require', preload, LOCAL_SERVER_BIN, '--help'],
					{ env: { ...process.env, CLOVA_OCR_FROM_SOURCE: '1', CLOVA_OCR_CHILD: '1' }, timeout: 60_000 },
					(_error, _stdout, err) => resolve(err),
				);
			});
			const loaded = JSON.parse(stderr.slice(stderr.indexOf('MODULES ') + 'MODULES '.length)) as string[];
			expect(loaded.some((path) => path.endsWith('cli.ts'))).toBe(true);
			const heavy = ['pdf-lib', 'pdfjs-dist', 'sharp', 'onnx-proto', 'onnxruntime-node', '@napi-rs'];
			expect(loaded.filter((path) => heavy.some((name) => path.includes(`/node_modules/${name}/`)))).toEqual([]);
			expect(loaded.filter((path) => /\/src\/engine\/(cardPipeline|decode|models)\.ts$/.test(path))).toEqual([]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
