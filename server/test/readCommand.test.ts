/**
 * `clova-ocr-local read`: the review rules it copies from the node give the node's answers, and
 * the command's exit codes, masking and output, run as users run it.
 */
import { execFile } from 'child_process';
import { join } from 'path';

import { fixtureTruth } from '../../devkit/fixtures';
import { FIXTURES, LOCAL_SERVER_BIN } from '../../devkit/paths';
import { maskNumber } from '../../nodes/ClovaOcr/cardInsights';
import { simplifyImageResult } from '../../nodes/ClovaOcr/simplifyResult';
import { maskCardNumber, reviewReasons } from '../src/cardReview';
import type { CardFields } from '../src/engine/types';
import type { FileReading } from '../src/readCommand';
import { readingOf, readingTable } from '../src/readCommand';

const NOW = new Date(Date.UTC(2026, 10, 30));

function field(text: string, confidence: number) {
	return { text, confidence, box: null, parts: [] };
}

/** What the node makes of the same fields, sent as CLOVA would send them, at its default settings. */
function nodeReasons(fields: CardFields): string[] {
	const result = Object.fromEntries(Object.entries(fields).map(([key, f]) => [key, { text: f.text, confidence: f.confidence }]));
	const output = simplifyImageResult(
		{ inferResult: 'SUCCESS', creditCard: { result } },
		{ maskNumber: 'pci', confidenceThreshold: 0.9, includeBoundingPolys: false, includeRawResponse: false, requestId: 'r', now: NOW },
	);
	return output.reviewReasons as string[];
}

describe('review reasons and masking: the node rules, copied', () => {
	const CASES: Array<[string, CardFields]> = [
		['all sure', { name: field('NOAH YOON', 0.99), number: field('4375845413570000', 0.99), validThru: field('09/35', 0.99) }],
		['unsure name', { name: field('NOAH YOON', 0.79), number: field('4375845413570000', 0.99), validThru: field('09/35', 0.95) }],
		['just under the threshold', { name: field('A B', 0.89), number: field('4111111111111111', 0.899), validThru: field('10/36', 0.85) }],
		['at the threshold', { name: field('A B', 0.9), number: field('4111111111111111', 0.9), validThru: field('10/26', 0.9) }],
		['expired last month', { name: field('A B', 0.99), number: field('4111111111111111', 0.99), validThru: field('10/26', 0.99) }],
		['valid this month', { name: field('A B', 0.99), number: field('4111111111111111', 0.99), validThru: field('11/26', 0.99) }],
		['Luhn fails', { name: field('A B', 0.99), number: field('4111111111111112', 0.99), validThru: field('11/30', 0.99) }],
		['bad expiry', { name: field('A B', 0.99), number: field('378282246310005', 0.99), validThru: field('13/30', 0.99) }],
		['four-digit year', { name: field('A B', 0.99), number: field('378282246310005', 0.99), validThru: field('08/2033', 0.99) }],
		['nothing but a number', { number: field('378282246310005', 0.5) }],
		['blank name', { name: field('  ', 0.99), number: field('378282246310005', 0.95) }],
	];

	test.each(CASES)('%s: the same reasons as the node', (_, fields) => {
		expect(reviewReasons(fields, NOW)).toEqual(nodeReasons(fields));
	});

	test.each(['4111111111111111', '378282246310005', '30569309025904', '6759649826438453321', '123456789012', '123'])(
		'%s is masked as the node masks it (pci)',
		(number) => expect(maskCardNumber(number)).toBe(maskNumber(number, 'pci')),
	);
});

describe('readings as shown', () => {
	const card = {
		kind: 'card' as const,
		width: 100,
		height: 60,
		fields: { name: field('EMMA ROSSI', 0.99), number: field('3589004796554702', 0.99), validThru: field('04/24', 0.98) },
	};

	test('the number is masked unless asked for in full; an expired card needs review', () => {
		const masked = readingOf('a.png', card, { full: false, now: NOW });
		expect(masked).toMatchObject({ read: true, number: '358900******4702', numberMasked: true, reviewReasons: ['expired'] });
		expect(readingOf('a.png', card, { full: true, now: NOW }).number).toBe('3589004796554702');
		expect(readingTable([masked])).not.toContain('3589004796554702');
	});

	test('an image without a card and an unreadable one are rows with their error', () => {
		const rows: FileReading[] = [
			readingOf('blank.png', { kind: 'noCard', message: 'no credit card in the image' }, { full: false, now: NOW }),
			readingOf('bad.jpg', { kind: 'unreadable', message: 'the image data is truncated' }, { full: false, now: NOW }),
		];
		expect(rows.map((row) => row.read)).toEqual([false, false]);
		const table = readingTable(rows).split('\n');
		expect(table).toHaveLength(4);
		expect(table[2]).toMatch(/^blank\.png .*error: no card found: no credit card in the image$/);
		expect(table[3]).toMatch(/^bad\.jpg .*error: the image data is truncated$/);
	});
});

async function read(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
	return await new Promise((resolve) => {
		execFile(
			process.execPath,
			[LOCAL_SERVER_BIN, 'read', ...args],
			{ env: { ...process.env, CLOVA_OCR_FROM_SOURCE: '1' }, timeout: 60_000 },
			(error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
		);
	});
}

describe('clova-ocr-local read', () => {
	test.each([
		[[], /name at least one image file/],
		[['--bogus', 'x.png'], /Unknown option '--bogus'/],
	])('%j is bad usage: exit code 2', async (args, message) => {
		const { code, stdout, stderr } = await read(args);
		expect(code).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toMatch(message);
	});

	test('files that are not images, or not there, are rows with their error: exit code 1', async () => {
		const { code, stdout } = await read([join(FIXTURES, 'notes.txt'), join(FIXTURES, 'no-such-file.png'), join(FIXTURES, 'empty.png')]);
		expect(code).toBe(1);
		expect(stdout).toContain('error: not a JPEG, PNG, PDF or TIFF image');
		expect(stdout).toContain('error: no such file');
		expect(stdout).toContain('error: the file is empty');
	});

	test('a card is read with the engine: masked in the table, whole with --full --json', async () => {
		const file = join(FIXTURES, 'card-mastercard.pdf');
		const truth = fixtureTruth['card-mastercard.pdf'];
		const table = await read([file]);
		expect(table.code).toBe(0);
		expect(table.stdout).toContain(maskNumber(truth.number, 'pci'));
		expect(table.stdout).not.toContain(truth.number);
		const json = await read(['--json', '--full', file]);
		expect(json.code).toBe(0);
		const [reading] = JSON.parse(json.stdout) as FileReading[];
		expect(reading).toMatchObject({
			file,
			read: true,
			name: truth.name,
			number: truth.number,
			validThru: truth.validThru,
			numberMasked: false,
		});
	});
});
