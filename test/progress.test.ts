/** The progress of long steps: one rewritten line on a terminal, few plain lines in a log, npm's output in a file. */
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Writable } from 'stream';

import { NpmInstallMeter, Progress, formatElapsed, runLoggedSync } from '../devkit/progress';

/** A stream that keeps what was written, as a terminal (isTTY) or a CI log would receive it. */
function captured(tty: boolean): Writable & { isTTY: boolean; columns: number; text: () => string } {
	const chunks: string[] = [];
	const stream = new Writable({
		write(chunk: Buffer, _encoding, done) {
			chunks.push(chunk.toString());
			done();
		},
	});
	return Object.assign(stream, { isTTY: tty, columns: 60, text: () => chunks.join('') });
}

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

describe('progress line', () => {
	test('on a terminal: one line, rewritten in place, cut to the width, ending in one summary line', async () => {
		const stream = captured(true);
		let done = 0;
		const progress = new Progress('[t] installing something with a rather long label', { stream, detail: () => `${done} packages` });
		for (done = 1; done <= 4; done++) await sleep(300);
		progress.done('4 packages');
		const text = stream.text();
		expect(text.split('\n')).toEqual([
			expect.stringMatching(/\[t\] installing something with a rather long label: 4 packages \(\d+s\)$/),
			'',
		]);
		const redraws = text.split('\r\x1b[2K').slice(1, -1);
		expect(redraws.length).toBeGreaterThanOrEqual(3);
		for (const redraw of redraws) expect(redraw.length).toBeLessThanOrEqual(59);
	});

	test('in a log: a first line, one per interval, and the summary', async () => {
		const stream = captured(false);
		const progress = new Progress('[t] building', { stream, logEveryMs: 1000, detail: () => 'busy' });
		await sleep(2600);
		progress.fail('exit 1');
		const lines = stream.text().trimEnd().split('\n');
		expect(lines[0]).toBe('[t] building: busy, 0s');
		expect(lines.length).toBeGreaterThanOrEqual(3);
		expect(lines.length).toBeLessThanOrEqual(4);
		// A sleep of 2.6 s can end late on a busy machine: 2s or 3s.
		expect(lines[lines.length - 1]).toMatch(/^\[t\] building: FAILED: exit 1 \([23]s\)$/);
		expect(stream.text()).not.toContain('\r');
	});

	test.each([
		[999, '0s'],
		[59_999, '59s'],
		[65_000, '1m05s'],
		[3_601_000, '60m01s'],
	])('%i ms reads %s', (ms, text) => expect(formatElapsed(ms)).toBe(text));
});

describe("npm's http lines", () => {
	test('manifests first, then tarballs fetched or taken from the cache, then the total', () => {
		const meter = new NpmInstallMeter();
		expect(meter.detail()).toBe('');
		for (const line of [
			'npm http fetch GET 200 https://registry.npmjs.org/n8n 312ms (cache revalidated)',
			'npm http fetch GET 200 https://registry.npmjs.org/@n8n%2fconfig 40ms (cache miss)',
			'npm http fetch GET 200 https://registry.npmjs.org/semver 12ms (cache hit)',
			'npm warn ERESOLVE overriding peer dependency',
		])
			meter.line(line);
		expect(meter.detail()).toBe('3 package manifests read');
		meter.line('npm http fetch GET 200 https://registry.npmjs.org/n8n/-/n8n-1.123.81.tgz 2101ms (cache miss)');
		meter.line('npm http cache semver@https://registry.npmjs.org/semver/-/semver-6.3.2.tgz 0ms (cache hit)');
		expect(meter.detail()).toBe('2 packages downloaded');
		meter.line('npm http fetch GET 404 https://registry.npmjs.org/x/-/x-1.0.0.tgz 10ms');
		expect(meter.tarballs).toBe(2);
		expect(meter.summary()).toBe('done');
		meter.line('added 1834 packages in 3m');
		expect(meter.summary()).toBe('1834 packages');
	});
});

describe('a logged command', () => {
	test('its output goes to the log; a failure throws naming the log, whose tail is shown', () => {
		const dir = mkdtempSync(join(tmpdir(), 'progress-'));
		const log = join(dir, 'logs', 'step.log');
		const script = 'console.log("line one"); console.error("the reason it failed"); process.exit(3)';
		expect(() =>
			runLoggedSync({ label: '[t] failing step', command: process.execPath, args: ['-e', script], cwd: dir, log, meter: 'elapsed' }),
		).toThrow(`[t] failing step failed (${process.execPath} -e ${script}); its log: ${log}`);
		expect(readFileSync(log, 'utf8')).toContain('line one\nthe reason it failed\n');
		runLoggedSync({
			label: '[t] passing step',
			command: process.execPath,
			args: ['-e', 'console.log("fine")'],
			cwd: dir,
			log,
			meter: 'elapsed',
		});
		expect(readFileSync(log, 'utf8')).toContain('fine');
	});
});
