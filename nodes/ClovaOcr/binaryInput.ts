import type { IBinaryData, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { Readable } from 'stream';

import type { ClovaFormat, ImageFormatOption } from './imageFormat';
import { ImageFormatError, SNIFF_BYTES, resolveImageFormat } from './imageFormat';

/** CLOVA OCR refuses larger files; failing here saves an upload that cannot succeed. */
export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;

/**
 * Below this size a stored file is read once into memory: one disk read per item instead of a
 * metadata read and two opened streams (sniffing, upload), and retries reuse the bytes. Larger
 * files stream, so a 30 MB scan never sits in memory whole.
 */
export const READ_WHOLE_BELOW_BYTES = 2 * 1024 * 1024;

/** Where n8n 2.x keeps an item's files when the workflow's Execution Logic is "v2" (binary mode `combined`). */
export const FILES_IN_JSON = '_files';

const PRETTY_UNITS: Record<string, number> = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12 };

/**
 * Stored binaries carry their size only as n8n's pretty string ("48.4 kB"); it is rounded, which
 * is fine for choosing how to read the file. Unknown formats count as large (the safe path).
 */
export function approximateBytes(fileSize: string | undefined): number {
	const match = /^([\d.]+)\s*([kMGT]?B)$/.exec((fileSize ?? '').trim());
	const unit = match ? PRETTY_UNITS[match[2]] : undefined;
	const bytes = match && unit !== undefined ? Number(match[1]) * unit : NaN;
	return Number.isFinite(bytes) ? bytes : Infinity;
}

/** One input image, read lazily so a large file kept on disk is streamed rather than loaded. */
export interface ImageSource {
	fileName?: string;
	mimeType?: string;
	fileExtension?: string;
	size: number;
	head: Buffer;
	/** A fresh stream per attempt: a retry cannot reuse a consumed stream. */
	openStream(): Promise<Readable | Buffer>;
}

/**
 * One file an item's Input Binary Field points at, and how n8n's helpers can reach its bytes:
 * `field` for a binary field of the item (every n8n), `jsonPath` for a file under the item's
 * JSON, which n8n 2.x helpers resolve in binary mode `combined`. Files with an id are read by id.
 */
export interface BinaryFile {
	/** What the output item names as binaryPropertyName: the field or path, null for a file from elsewhere. */
	propertyName: string | null;
	binary: IBinaryData;
	via: 'field' | 'jsonPath' | 'object';
}

/** n8n 2.x's isBinaryValue, which n8n 1.x lacks: what `{{ $binary.data }}` evaluates to. */
export function isBinaryObject(value: unknown): value is IBinaryData {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const candidate = value as Partial<IBinaryData>;
	return typeof candidate.mimeType === 'string' && (typeof candidate.id === 'string' || typeof candidate.data === 'string');
}

function filesInJson(item: INodeExecutionData): Record<string, IBinaryData> {
	const files = (item.json as IDataObject)[FILES_IN_JSON];
	if (typeof files !== 'object' || files === null || Array.isArray(files)) return {};
	return Object.fromEntries(Object.entries(files).filter(([, file]) => isBinaryObject(file))) as Record<string, IBinaryData>;
}

function valueAtPath(json: IDataObject, path: string): unknown {
	let current: unknown = json;
	for (const key of path.split('.')) {
		if (typeof current !== 'object' || current === null) return undefined;
		current = (current as IDataObject)[key];
	}
	return current;
}

/**
 * Files in the item's JSON count only in binary mode `combined`, where n8n puts them there; in the
 * separate mode JSON is data from upstream (a webhook body, an API answer), and a `{mimeType, id}`
 * object in it must not make the node read whatever stored file that id names.
 */
function availableNames(item: INodeExecutionData, combinedMode: boolean): string[] {
	const binaryFields = Object.keys(item.binary ?? {});
	if (!combinedMode) return binaryFields;
	return [...binaryFields, ...Object.keys(filesInJson(item)).map((name) => `${FILES_IN_JSON}.${name}`)];
}

function missingFieldError(
	ctx: IExecuteFunctions,
	item: INodeExecutionData,
	field: string,
	itemIndex: number,
	combinedMode: boolean,
): NodeOperationError {
	const available = availableNames(item, combinedMode);
	return new NodeOperationError(ctx.getNode(), `Item ${itemIndex} has no binary field "${field}"`, {
		itemIndex,
		description:
			available.length > 0
				? `This item's binary fields are: ${available.map((f) => `"${f}"`).join(', ')}. Set "Input Binary Field" to the one that holds the card image.`
				: 'This item carries no binary data at all. Put a node that outputs a file before this one (Read/Write Files from Disk, Gmail or IMAP with attachments, Webhook with binary data, HTTP Request with response format File), or set Input to Image URL.',
	});
}

/** A file named by field or path: an item field, or in binary mode `combined` a path into the item's JSON or a file under `_files`. */
function fileNamed(item: INodeExecutionData, name: string, combinedMode: boolean): BinaryFile | undefined {
	const field = item.binary?.[name];
	if (field) return { propertyName: name, binary: field, via: 'field' };
	if (!combinedMode) return undefined;
	const atPath = valueAtPath(item.json, name);
	if (isBinaryObject(atPath)) return { propertyName: name, binary: atPath, via: 'jsonPath' };
	const underFiles = filesInJson(item)[name];
	if (underFiles) return { propertyName: `${FILES_IN_JSON}.${name}`, binary: underFiles, via: 'jsonPath' };
	return undefined;
}

/**
 * Whether two file objects are the same file: by id where stored files have one; without (n8n 1.x
 * in-memory files) by name, type, size and the length of their base64 text, never the text itself,
 * which holds the whole file (up to 50 MB) and would be read for every candidate.
 */
function sameFile(a: IBinaryData, b: IBinaryData): boolean {
	if (a.id || b.id) return a.id === b.id;
	return (
		a.fileName === b.fileName &&
		a.mimeType === b.mimeType &&
		a.fileExtension === b.fileExtension &&
		a.fileSize === b.fileSize &&
		a.data?.length === b.data?.length
	);
}

/** The item field holding this file object, so the output can name it; null for a file from another node's item. */
function fileOfObject(item: INodeExecutionData, binary: IBinaryData, combinedMode: boolean): BinaryFile {
	const field = Object.entries(item.binary ?? {}).find(([, candidate]) => sameFile(candidate, binary));
	if (field) return { propertyName: field[0], binary: field[1], via: 'field' };
	if (!combinedMode) return { propertyName: null, binary, via: 'object' };
	const underFiles = Object.entries(filesInJson(item)).find(([, candidate]) => sameFile(candidate, binary));
	if (underFiles) return { propertyName: `${FILES_IN_JSON}.${underFiles[0]}`, binary: underFiles[1], via: 'jsonPath' };
	return { propertyName: null, binary, via: 'object' };
}

/** The names in the field, each once, in the order given. */
function namesIn(ctx: IExecuteFunctions, value: string, itemIndex: number): string[] {
	const names = value
		.split(',')
		.map((name) => name.trim())
		.filter((name) => name !== '');
	if (names.length === 0) {
		throw new NodeOperationError(ctx.getNode(), `Input Binary Field is empty for item ${itemIndex}`, {
			itemIndex,
			description: 'Name the binary field that holds the card image, usually "data" (Gmail and IMAP attachments: attachment_0).',
		});
	}
	return names;
}

/**
 * The files an item's Input Binary Field points at, in order: a field name; several, comma
 * separated; `prefix*` for every field starting so (a mail's attachment_*); or the file itself,
 * as `{{ $binary.data }}` gives it (also a list of them).
 */
export function binaryFilesOf(
	ctx: IExecuteFunctions,
	item: INodeExecutionData,
	value: unknown,
	itemIndex: number,
	combinedMode: boolean,
): BinaryFile[] {
	// An object only when the parameter itself evaluated to one (an expression such as {{ $binary.data }}).
	if (isBinaryObject(value)) return [fileOfObject(item, value, combinedMode)];
	if (Array.isArray(value) && value.length > 0 && value.every(isBinaryObject)) {
		return value.map((file) => fileOfObject(item, file, combinedMode));
	}
	if (typeof value !== 'string') {
		throw new NodeOperationError(ctx.getNode(), `Input Binary Field of item ${itemIndex} is neither a field name nor a file`, {
			itemIndex,
			description:
				'Give the name of the binary field (e.g. data or attachment_0), or an expression that gives the file itself, such as {{ $binary.data }}.',
		});
	}
	// By name, each field once: `attachment_0, attachment_*` reads attachment_0 one time, where it first appears.
	const files = new Map<string, BinaryFile>();
	for (const name of namesIn(ctx, value, itemIndex)) {
		const names = name.endsWith('*')
			? availableNames(item, combinedMode).filter(
					(candidate) => candidate.startsWith(name.slice(0, -1)) || candidate.startsWith(`${FILES_IN_JSON}.${name.slice(0, -1)}`),
				)
			: [name];
		if (names.length === 0) throw missingFieldError(ctx, item, name, itemIndex, combinedMode);
		for (const match of names) {
			const file = fileNamed(item, match, combinedMode);
			if (!file) throw missingFieldError(ctx, item, match, itemIndex, combinedMode);
			const key = file.propertyName ?? match;
			if (!files.has(key)) files.set(key, file);
		}
	}
	return [...files.values()];
}

async function readHead(stream: Readable): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let length = 0;
	try {
		for await (const chunk of stream) {
			const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
			chunks.push(buffer);
			length += buffer.length;
			if (length >= SNIFF_BYTES) break;
		}
	} finally {
		stream.destroy();
	}
	return Buffer.concat(chunks).subarray(0, SNIFF_BYTES);
}

/** How an error message names a file: its field, or "the file given" when it came as an object from elsewhere. */
export function fileLabel(file: BinaryFile): string {
	return file.propertyName === null ? 'the file given in Input Binary Field' : `binary field "${file.propertyName}"`;
}

function sourceFromBuffer(meta: Omit<ImageSource, 'size' | 'head' | 'openStream'>, buffer: Buffer): ImageSource {
	return { ...meta, size: buffer.length, head: buffer.subarray(0, SNIFF_BYTES), openStream: async () => buffer };
}

/**
 * The bytes of a file below READ_WHOLE_BELOW_BYTES, or of one without an id (n8n 1.x keeps files
 * in memory by default, and only n8n's helpers may decode those).
 */
async function wholeFile(ctx: IExecuteFunctions, file: BinaryFile, itemIndex: number, combinedMode: boolean): Promise<Buffer> {
	const { id } = file.binary;
	if (file.via === 'field' && !combinedMode) {
		ctx.helpers.assertBinaryData(itemIndex, file.propertyName as string);
		return await ctx.helpers.getBinaryDataBuffer(itemIndex, file.propertyName as string);
	}
	// A file given as an object or under _files: n8n 1.x helpers only take field names, the id works everywhere.
	if (id) return await ctx.helpers.binaryToBuffer(await ctx.helpers.getBinaryStream(id));
	if (file.via === 'jsonPath' && combinedMode) return await ctx.helpers.getBinaryDataBuffer(itemIndex, file.propertyName as string);
	throw new NodeOperationError(ctx.getNode(), `Item ${itemIndex}: ${fileLabel(file)} is held in memory and is not a file of this item`, {
		itemIndex,
		description:
			"n8n keeps this file in memory (binary data mode 'default'), where a node can read only its own input item's fields. Name the field instead (e.g. data), or run n8n with N8N_DEFAULT_BINARY_DATA_MODE=filesystem.",
	});
}

export async function loadImageSource(
	ctx: IExecuteFunctions,
	file: BinaryFile,
	itemIndex: number,
	combinedMode: boolean,
): Promise<ImageSource> {
	const { binary } = file;
	const meta = { fileName: binary.fileName, mimeType: binary.mimeType, fileExtension: binary.fileExtension };
	const binaryId = binary.id;
	let source: ImageSource;
	if (binaryId && approximateBytes(binary.fileSize) >= READ_WHOLE_BELOW_BYTES) {
		// Filesystem, S3 and database storage: binary.data is only a marker, the bytes live behind the id.
		const { fileSize } = await ctx.helpers.getBinaryMetadata(binaryId);
		source = {
			...meta,
			size: fileSize,
			head: fileSize > 0 ? await readHead(await ctx.helpers.getBinaryStream(binaryId)) : Buffer.alloc(0),
			openStream: async () => await ctx.helpers.getBinaryStream(binaryId),
		};
	} else {
		source = sourceFromBuffer(meta, await wholeFile(ctx, file, itemIndex, combinedMode));
	}

	if (source.size === 0) {
		throw new NodeOperationError(ctx.getNode(), `The file in ${fileLabel(file)} of item ${itemIndex} is empty`, {
			itemIndex,
			description: 'The previous node produced a 0-byte file. Check that it downloaded or read the card image correctly.',
		});
	}
	if (source.size > MAX_IMAGE_BYTES) {
		const mb = (source.size / 1024 / 1024).toFixed(1);
		throw new NodeOperationError(
			ctx.getNode(),
			`The file in ${fileLabel(file)} of item ${itemIndex} is ${mb} MB, over the 50 MB CLOVA OCR accepts`,
			{
				itemIndex,
				description:
					'Shrink the image first (for example with the Edit Image node: resize to 2000 px wide, JPEG quality 85); card text stays readable.',
			},
		);
	}
	return source;
}

/** The `format` to send for an item's image; a file CLOVA cannot read fails the item here. */
export function imageFormatOf(
	ctx: IExecuteFunctions,
	image: ImageSource,
	override: ImageFormatOption,
	sourceLabel: string,
	itemIndex: number,
): ClovaFormat {
	let problem: unknown;
	try {
		return resolveImageFormat(image.head, override, image);
	} catch (error) {
		problem = error;
	}
	const formatError = problem instanceof ImageFormatError ? problem : undefined;
	throw new NodeOperationError(ctx.getNode(), `Item ${itemIndex}, ${sourceLabel}: ${formatError?.message ?? String(problem)}`, {
		itemIndex,
		description: formatError?.description,
	});
}
