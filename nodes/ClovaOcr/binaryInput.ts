import type { IBinaryData, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
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

function missingFieldError(ctx: IExecuteFunctions, item: INodeExecutionData, field: string, itemIndex: number): NodeOperationError {
	const available = Object.keys(item.binary ?? {});
	return new NodeOperationError(ctx.getNode(), `Item ${itemIndex} has no binary field "${field}"`, {
		itemIndex,
		description:
			available.length > 0
				? `This item's binary fields are: ${available.map((f) => `"${f}"`).join(', ')}. Set "Input Binary Field" to the one that holds the card image.`
				: 'This item carries no binary data at all. Put a node that outputs a file before this one (Read/Write Files from Disk, Gmail or IMAP with attachments, Webhook with binary data, HTTP Request with response format File).',
	});
}

export async function loadImageSource(
	ctx: IExecuteFunctions,
	item: INodeExecutionData,
	field: string,
	itemIndex: number,
): Promise<ImageSource> {
	const binary: IBinaryData | undefined = item.binary?.[field];
	if (!binary) throw missingFieldError(ctx, item, field, itemIndex);
	ctx.helpers.assertBinaryData(itemIndex, field);
	const meta = { fileName: binary.fileName, mimeType: binary.mimeType, fileExtension: binary.fileExtension };

	let source: ImageSource;
	const binaryId = binary.id;
	if (binaryId && approximateBytes(binary.fileSize) >= READ_WHOLE_BELOW_BYTES) {
		// Filesystem and S3 storage: binary.data is only a marker, the bytes live behind the id.
		const { fileSize } = await ctx.helpers.getBinaryMetadata(binaryId);
		source = {
			...meta,
			size: fileSize,
			head: fileSize > 0 ? await readHead(await ctx.helpers.getBinaryStream(binaryId)) : Buffer.alloc(0),
			openStream: async () => await ctx.helpers.getBinaryStream(binaryId),
		};
	} else {
		// Also data kept in memory (n8n 1.x default mode), whatever its size.
		const buffer = await ctx.helpers.getBinaryDataBuffer(itemIndex, field);
		source = {
			...meta,
			size: buffer.length,
			head: buffer.subarray(0, SNIFF_BYTES),
			openStream: async () => buffer,
		};
	}

	if (source.size === 0) {
		throw new NodeOperationError(ctx.getNode(), `The file in binary field "${field}" of item ${itemIndex} is empty`, {
			itemIndex,
			description: 'The previous node produced a 0-byte file. Check that it downloaded or read the card image correctly.',
		});
	}
	if (source.size > MAX_IMAGE_BYTES) {
		const mb = (source.size / 1024 / 1024).toFixed(1);
		throw new NodeOperationError(
			ctx.getNode(),
			`The file in binary field "${field}" of item ${itemIndex} is ${mb} MB, over the 50 MB CLOVA OCR accepts`,
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
	field: string,
	itemIndex: number,
): ClovaFormat {
	try {
		return resolveImageFormat(image.head, override, image);
	} catch (error) {
		if (!(error instanceof ImageFormatError)) throw error;
		throw new NodeOperationError(ctx.getNode(), `Item ${itemIndex}, binary field "${field}": ${error.message}`, {
			itemIndex,
			description: error.description,
		});
	}
}
