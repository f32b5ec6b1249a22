/**
 * A newcomer's first commands, run as the README gives them: the demo over a folder of their own
 * card images (real n8n, the example workflow), and `clova-ocr-local read` on a PNG, a PDF and a TIFF.
 */
import { execFile } from 'child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { fixtureTruth, sampleTruth } from '../devkit/fixtures';
import { FIXTURES, LOCAL_SERVER_BIN, ROOT, SAMPLES } from '../devkit/paths';

interface Run {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** The demo runs on the first n8n major the e2e run was asked for. */
const DEMO_N8N = (process.env.CLOVA_E2E_N8N ?? '1').split(',')[0].trim();

async function run(command: string, args: string[], timeoutMs: number): Promise<Run> {
	return await new Promise((resolve) => {
		execFile(
			command,
			args,
			{
				cwd: ROOT,
				env: { ...process.env, CLOVA_OCR_FROM_SOURCE: '1', CLOVA_DEMO_N8N: DEMO_N8N },
				timeout: timeoutMs,
				maxBuffer: 16 * 1024 * 1024,
			},
			(error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
		);
	});
}

/** What the example workflow shows: first 6 and last 4 digits, the rest starred. */
function pciMasked(number: string): string {
	return `${number.slice(0, 6)}${'*'.repeat(number.length - 10)}${number.slice(-4)}`;
}

/** The table's data rows, by the file column (which is the path as given). */
function tableRows(stdout: string): Map<string, string> {
	const lines = stdout.split('\n');
	const header = lines.findIndex((line) => line.startsWith('file '));
	const rows = new Map<string, string>();
	for (const line of lines.slice(header + 2)) {
		if (line.trim() === '') break;
		rows.set(line.split(/\s{2,}/)[0], line);
	}
	return rows;
}

describe('npm run demo -- <folder>', () => {
	let folder: string;
	let demo: Run;

	beforeAll(async () => {
		// A folder as a person would have it: scans in three formats, a photo in a subfolder, a
		// damaged and an empty image, and a file that is no image at all.
		folder = mkdtempSync(join(tmpdir(), 'newcomer-cards-'));
		mkdirSync(join(folder, 'phone'));
		for (const file of ['card-visa.png', 'card-mastercard.pdf', 'card-jcb.tiff', 'truncated.jpg', 'empty.png', 'notes.txt']) {
			copyFileSync(join(FIXTURES, file), join(folder, file));
		}
		copyFileSync(join(SAMPLES, 'hard-001.jpg'), join(folder, 'phone', 'hard-001.jpg'));
		demo = await run(process.execPath, ['--require', require.resolve('tsx/cjs'), join(ROOT, 'scripts', 'demo.ts'), folder], 1_500_000);
		if (demo.code !== 0) console.log(demo.stdout.slice(-4000), demo.stderr.slice(-4000));
	}, 1_600_000);

	afterAll(() => rmSync(folder, { recursive: true, force: true }));

	test('every image is a row: the cards read and masked, the damaged ones with their error', () => {
		expect(demo.code).toBe(0);
		const rows = tableRows(demo.stdout);
		expect([...rows.keys()].sort()).toEqual(
			['card-jcb.tiff', 'card-mastercard.pdf', 'card-visa.png', 'empty.png', 'phone/hard-001.jpg', 'truncated.jpg']
				.map((file) => join(folder, file))
				.sort(),
		);
		const cards = [
			...['card-visa.png', 'card-mastercard.pdf', 'card-jcb.tiff'].map((file) => [file, fixtureTruth[file]] as const),
			['phone/hard-001.jpg', sampleTruth['hard-001.jpg']] as const,
		];
		for (const [file, truth] of cards) {
			const row = rows.get(join(folder, file)) ?? '';
			expect(row).toContain(truth.name);
			expect(row).toContain(pciMasked(truth.number));
			expect(row).toContain(truth.validThru);
		}
		for (const file of ['empty.png', 'truncated.jpg']) expect(rows.get(join(folder, file))).toMatch(/error: /);
		for (const truth of Object.values(fixtureTruth)) expect(demo.stdout).not.toContain(truth.number);
	});

	test('the file that is no image is skipped with a note', () => {
		expect(demo.stdout).toMatch(/skipped 1 file\(s\) that are not JPEG, PNG, PDF or TIFF: .*notes\.txt/);
		expect(tableRows(demo.stdout).has(join(folder, 'notes.txt'))).toBe(false);
	});

	test('fewer than 60 lines come before the table', () => {
		const lines = demo.stdout.split('\n');
		expect(lines.findIndex((line) => line.startsWith('file '))).toBeLessThan(60);
	});
});

describe('clova-ocr-local read', () => {
	const read = async (args: string[]) => await run(process.execPath, [LOCAL_SERVER_BIN, 'read', ...args], 120_000);
	const files = ['card-visa.png', 'card-mastercard.pdf', 'card-jcb.tiff'];

	test('a PNG, a PDF and a TIFF: each read exactly, numbers masked, exit code 0', async () => {
		const result = await read(files.map((file) => join(FIXTURES, file)));
		if (result.code !== 0) console.log(result.stdout, result.stderr);
		expect(result.code).toBe(0);
		const rows = tableRows(result.stdout);
		for (const file of files) {
			const truth = fixtureTruth[file];
			const row = rows.get(join(FIXTURES, file)) ?? '';
			expect(row).toContain(truth.name);
			expect(row).toContain(pciMasked(truth.number));
			expect(row).toContain(truth.validThru);
			expect(row).not.toContain(truth.number);
		}
	}, 180_000);

	test('--json --full gives every field with its confidence; a file that is no image makes exit code 1', async () => {
		const result = await read(['--json', '--full', ...files.map((file) => join(FIXTURES, file)), join(FIXTURES, 'notes.txt')]);
		expect(result.code).toBe(1);
		const readings = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
		expect(readings).toHaveLength(4);
		files.forEach((file, index) => {
			const truth = fixtureTruth[file];
			expect(readings[index]).toMatchObject({
				read: true,
				name: truth.name,
				number: truth.number,
				validThru: truth.validThru,
				error: null,
			});
			for (const key of ['nameConfidence', 'numberConfidence', 'validThruConfidence']) expect(readings[index][key]).toBeGreaterThan(0);
			expect(Array.isArray(readings[index].reviewReasons)).toBe(true);
		});
		expect(readings[3]).toMatchObject({ read: false, error: 'not a JPEG, PNG, PDF or TIFF image' });
	}, 180_000);

	test('bad usage is exit code 2', async () => {
		expect((await read([])).code).toBe(2);
	}, 60_000);
});
