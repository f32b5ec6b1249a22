import type { IBinaryData, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { Readable } from 'stream';

import { SNIFF_BYTES } from './imageFormat';

/** CLOVA OCR refuses larger files; failing here saves an upload that cannot succeed. */
export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;

/** One input image, read lazily so a file kept on disk is streamed rather than loaded twice. */
export interface ImageSource {
	fileName?: string;
	mimeType?: string;
	fileExtension?: string;
	size: number;
	head: Buffer;
	/** A fresh stream per attempt: a retry cannot reuse a consumed stream. */
	openStream(): Promise<Readable | Buffer>;
	readAll(): Promise<Buffer>;
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

function missingFieldError(
	ctx: IExecuteFunctions,
	item: INodeExecutionData,
	field: string,
	itemIndex: number,
): NodeOperationError {
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
	if (binaryId) {
		// Filesystem and S3 storage: binary.data is only a marker, the bytes live behind the id.
		const { fileSize } = await ctx.helpers.getBinaryMetadata(binaryId);
		source = {
			...meta,
			size: fileSize,
			head: fileSize > 0 ? await readHead(await ctx.helpers.getBinaryStream(binaryId)) : Buffer.alloc(0),
			openStream: async () => await ctx.helpers.getBinaryStream(binaryId),
			readAll: async () => await ctx.helpers.getBinaryDataBuffer(itemIndex, field),
		};
	} else {
		const buffer = await ctx.helpers.getBinaryDataBuffer(itemIndex, field);
		source = {
			...meta,
			size: buffer.length,
			head: buffer.subarray(0, SNIFF_BYTES),
			openStream: async () => buffer,
			readAll: async () => buffer,
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
				description: 'Shrink the image first (for example with the Edit Image node: resize to 2000 px wide, JPEG quality 85); card text stays readable.',
			},
		);
	}
	return source;
}
