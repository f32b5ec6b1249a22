/**
 * A file of 2 MB or more is streamed from n8n's binary storage into the upload. When the call
 * ends before the upload read the file to its end (Timeout, a cancelled execution, a peer that
 * stops reading), the node must close the file: otherwise each attempt leaks a descriptor.
 */
import { readdirSync, readlinkSync } from 'fs';
import { createServer } from 'net';
import type { Server, Socket } from 'net';
import type { AddressInfo } from 'net';
import { tmpdir } from 'os';

import { fixture } from '../devkit/fixtures';
import { binaryItems, runNode } from '../devkit/n8n/harness';

/** Open descriptors of this process on files in n8n's binary storage (the harness keeps it under the temp folder). */
function openStoredFiles(): string[] {
	const open: string[] = [];
	for (const fd of readdirSync('/proc/self/fd')) {
		let target = '';
		try {
			target = readlinkSync(`/proc/self/fd/${fd}`);
		} catch {
			continue; // closed while listing
		}
		if (target.startsWith(tmpdir()) && target.includes('clova-n8n-')) open.push(target);
	}
	return open;
}

describe('CLOVA OCR node: the streamed image file is closed when the upload stops early', () => {
	let server: Server;
	let baseUrl: string;
	const sockets = new Set<Socket>();

	beforeAll(async () => {
		// Accepts connections and never reads: the upload stalls with most of the file unread.
		server = createServer((socket) => {
			sockets.add(socket);
			socket.pause();
			socket.on('close', () => sockets.delete(socket));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => {
		for (const socket of sockets) socket.destroy();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	});

	test.each(['multipart', 'json'])(
		'%s: after a 1 s Timeout and one retry, no descriptor of the file stays open',
		async (requestMode) => {
			// A real PNG padded to 24 MB: more than loopback socket buffers take, so the upload cannot finish.
			const large = Buffer.concat([fixture('card-visa.png'), Buffer.alloc(24 * 1024 * 1024)]);
			const items = await binaryItems([{ data: large, fileName: 'large.png', mimeType: 'image/png' }]);
			expect(openStoredFiles()).toEqual([]);
			const started = Date.now();
			const [item] = await runNode(items, {
				credentials: { invokeUrl: baseUrl, secretKey: 'upload-stream-secret' },
				parameters: { requestMode, options: { timeout: 1, maxRetries: 1 } },
				continueOnFail: true,
			});
			expect(item.json.errorCode).toBe('TIMEOUT');
			expect(Date.now() - started).toBeLessThan(15_000);
			// A destroyed fs stream closes its descriptor on the next turns of the event loop.
			await new Promise((resolve) => setTimeout(resolve, 200));
			expect(openStoredFiles()).toEqual([]);
		},
		30_000,
	);
});
