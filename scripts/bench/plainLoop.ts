/**
 * The floor for per-item overhead: a plain Node loop that reads each file and posts the same
 * multipart request as the node, with the same number of calls in flight. Run as its own process
 * (like n8n) so it does not share an event loop with the service; prints one JSON line.
 *
 *   tsx scripts/bench/plainLoop.ts <folder> <invokeUrl> <secret> <concurrency> [keep-alive|new-connection]
 *
 * keep-alive (Node's default agent) is the strict floor; new-connection opens a connection per
 * call, as n8n's request helpers do (a fresh agent per request), to show what that part costs.
 */
import { readFile, readdir } from 'fs/promises';
import { request } from 'http';
import { join } from 'path';

import FormData from 'form-data';

async function post(url: URL, secret: string, fileName: string, data: Buffer, newConnection: boolean): Promise<boolean> {
	const form = new FormData();
	const extension = fileName.split('.').pop() ?? 'jpg';
	form.append(
		'message',
		JSON.stringify({ version: 'V2', requestId: fileName, timestamp: Date.now(), images: [{ format: extension, name: fileName }] }),
	);
	form.append('file', data, {
		filename: fileName,
		contentType: extension === 'png' ? 'image/png' : 'image/jpeg',
		knownLength: data.length,
	});
	return await new Promise((resolve, reject) => {
		const req = request(
			url,
			{
				method: 'POST',
				...(newConnection ? { agent: false } : {}),
				headers: { ...form.getHeaders(), 'Content-Length': form.getLengthSync(), 'X-OCR-SECRET': secret },
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => {
					const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { images?: Array<{ inferResult?: string }> };
					resolve(res.statusCode === 200 && body.images?.[0]?.inferResult === 'SUCCESS');
				});
			},
		);
		req.on('error', reject);
		form.pipe(req);
	});
}

async function main(): Promise<void> {
	const [folder, invokeUrl, secret, concurrencyArg, connections = 'keep-alive'] = process.argv.slice(2);
	const newConnection = connections === 'new-connection';
	const url = new URL(`${invokeUrl.replace(/\/$/, '')}/custom/v1/1/bench/document/credit-card`);
	const files = (await readdir(folder)).sort();
	const concurrency = Number(concurrencyArg);
	let next = 0;
	let ok = 0;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < files.length) {
				const fileName = files[next++];
				if (await post(url, secret, fileName, await readFile(join(folder, fileName)), newConnection)) ok += 1;
			}
		}),
	);
	const ms = performance.now() - started;
	console.log(JSON.stringify({ items: files.length, ok, ms }));
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
