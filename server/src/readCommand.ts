/**
 * `clova-ocr-local read <file>...`: reads card images with the engine in this process, no server
 * and no n8n, and prints each file's fields, confidences and review reasons.
 */
import { readFile } from 'fs/promises';
import { cpus } from 'os';
import { parseArgs } from 'util';

import { REVIEW_THRESHOLD, maskCardNumber, reviewReasons } from './cardReview';
import type { ReviewReason } from './cardReview';
import { createCardEngine } from './engine/cardRecognizer';
import type { CardFields, EngineOutcome, FieldName } from './engine/types';
import { sniffImageFamily } from './protocol/imageFormat';

export const READ_HELP = `clova-ocr-local read: read credit-card images on this machine, without a server or n8n.

Usage: clova-ocr-local read [--json] [--full] <file>...

  <file>      JPEG, PNG, or single-page PDF or TIFF; several may be given.
  --json      One JSON array on stdout instead of the table.
  --full      Show whole card numbers. By default they are masked: first 6 and last 4 digits
              (last 4 for numbers shorter than 13).
  -h, --help  This text.

needsReview gives the n8n node's reasons at its default threshold (${REVIEW_THRESHOLD}): low_confidence_<field>,
missing_<field>, luhn_failed, bad_expiry, expired.
Exit code: 0 when every file was read, 1 when some were not (not an image, no card found), 2 on bad usage.`;

export interface FileReading {
	file: string;
	/** A card was found in the file. */
	read: boolean;
	name: string | null;
	nameConfidence: number | null;
	number: string | null;
	numberConfidence: number | null;
	numberMasked: boolean;
	validThru: string | null;
	validThruConfidence: number | null;
	needsReview: boolean;
	reviewReasons: ReviewReason[];
	/** Why the file was not read. */
	error: string | null;
}

function failed(file: string, error: string): FileReading {
	return {
		file,
		read: false,
		name: null,
		nameConfidence: null,
		number: null,
		numberConfidence: null,
		numberMasked: false,
		validThru: null,
		validThruConfidence: null,
		needsReview: true,
		reviewReasons: [],
		error,
	};
}

export function readingOf(file: string, outcome: EngineOutcome, options: { full: boolean; now: Date }): FileReading {
	switch (outcome.kind) {
		case 'card':
			return cardReading(file, outcome.fields, options);
		case 'noCard':
			return failed(file, `no card found: ${outcome.message}`);
		case 'unreadable':
		case 'badInput':
			return failed(file, outcome.message);
		case 'busy':
			return failed(file, 'the engine was busy');
		case 'fault':
			return failed(file, `the engine failed: ${outcome.message}`);
	}
}

function cardReading(file: string, fields: CardFields, options: { full: boolean; now: Date }): FileReading {
	const text = (key: FieldName) => fields[key]?.text.trim() || null;
	const confidence = (key: FieldName) => (text(key) === null ? null : (fields[key]?.confidence ?? null));
	const number = text('number');
	const reasons = reviewReasons(fields, options.now);
	return {
		file,
		read: true,
		name: text('name'),
		nameConfidence: confidence('name'),
		number: number === null || options.full ? number : maskCardNumber(number),
		numberConfidence: confidence('number'),
		numberMasked: number !== null && !options.full,
		validThru: text('validThru'),
		validThruConfidence: confidence('validThru'),
		needsReview: reasons.length > 0,
		reviewReasons: reasons,
		error: null,
	};
}

/** Why a file cannot be given to the engine, or its image family. */
async function load(file: string): Promise<{ data: Buffer; family: NonNullable<ReturnType<typeof sniffImageFamily>> } | string> {
	let data: Buffer;
	try {
		data = await readFile(file);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') return 'no such file';
		if (code === 'EISDIR') return 'a folder, not a file';
		if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
		return `cannot open: ${error instanceof Error ? error.message : String(error)}`;
	}
	if (data.length === 0) return 'the file is empty';
	const family = sniffImageFamily(data);
	return family ? { data, family } : 'not a JPEG, PNG, PDF or TIFF image';
}

const CONFIDENCE = (value: number | null) => (value === null ? '' : value.toFixed(2));

export function readingTable(readings: FileReading[]): string {
	const headers = ['file', 'name', 'conf', 'number', 'conf', 'validThru', 'conf', 'needsReview'];
	const rows = readings.map((r) =>
		r.error !== null
			? [r.file, '', '', '', '', '', '', `error: ${r.error}`]
			: [
					r.file,
					r.name ?? '',
					CONFIDENCE(r.nameConfidence),
					r.number ?? '',
					CONFIDENCE(r.numberConfidence),
					r.validThru ?? '',
					CONFIDENCE(r.validThruConfidence),
					r.needsReview ? `yes (${r.reviewReasons.join(', ')})` : 'no',
				],
	);
	// Error messages (in the last column, left unpadded) do not set its rule's width.
	const widths = headers.map((h, i) =>
		Math.max(h.length, ...rows.filter((row) => !row[i].startsWith('error: ')).map((row) => row[i].length)),
	);
	const line = (cells: string[]) =>
		cells
			.map((cell, i) => (i + 1 < cells.length ? cell.padEnd(widths[i]) : cell))
			.join('  ')
			.trimEnd();
	return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

class UsageError extends Error {}

function parse(args: string[]): { files: string[]; json: boolean; full: boolean; help: boolean } {
	let parsed;
	try {
		parsed = parseArgs({
			args,
			options: { json: { type: 'boolean' }, full: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
			allowPositionals: true,
			strict: true,
		});
	} catch (error) {
		throw new UsageError(error instanceof Error ? error.message : String(error));
	}
	const { values, positionals } = parsed;
	if (!values.help && positionals.length === 0) throw new UsageError('name at least one image file to read.');
	return { files: positionals, json: values.json === true, full: values.full === true, help: values.help === true };
}

/** Runs the command; resolves to its exit code. */
export async function runRead(args: string[], out: (text: string) => void = (text) => process.stdout.write(text)): Promise<number> {
	let options;
	try {
		options = parse(args);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		process.stderr.write(`clova-ocr-local read: ${error.message} (see clova-ocr-local read --help)\n`);
		return 2;
	}
	if (options.help) {
		out(`${READ_HELP}\n`);
		return 0;
	}
	const now = new Date();
	const loaded = await Promise.all(options.files.map(async (file) => ({ file, input: await load(file) })));
	const images = loaded.filter((entry) => typeof entry.input !== 'string').length;
	// Every image may wait in the queue at once: the command reads what it was given, never refuses as busy.
	const engine =
		images > 0 ? await createCardEngine({ concurrency: Math.max(1, Math.min(images, cpus().length)), queueLimit: images }) : undefined;
	try {
		const readings = await Promise.all(
			loaded.map(async ({ file, input }) =>
				typeof input === 'string' || !engine
					? failed(file, String(input))
					: readingOf(file, await engine.recognize(input), { ...options, now }),
			),
		);
		out(options.json ? `${JSON.stringify(readings, null, 2)}\n` : `${readingTable(readings)}\n`);
		return readings.every((reading) => reading.read) ? 0 : 1;
	} finally {
		await engine?.close();
	}
}
