/**
 * A web server on 127.0.0.1 that hands out card images by URL, for the node's Image URL input:
 * files from a folder (and card-visa.png under any name below /as/), and the misbehaviours a download must survive (a redirect, an endless
 * body, a declared size over the limit, a body that trickles, a 404).
 */
import { createServer } from 'http';
import type { ServerResponse } from 'http';
import { existsSync, readFileSync } from 'fs';
import { basename, join } from 'path';

import { LoopbackHttp } from './services/loopbackHttp';

const MIME: Record<string, string> = {
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	pdf: 'application/pdf',
	tiff: 'image/tiff',
	gif: 'image/gif',
	webp: 'image/webp',
	txt: 'text/plain',
};

/** Longest a misbehaving answer keeps its connection open, so no test can hang on it. */
const MISBEHAVIOUR_MS = 30_000;

/** Most bytes the endless body sends: well over any limit, bounded all the same. */
const ENDLESS_BODY_BYTES = 64 * 1024 * 1024;

export class ImageHost {
	/** Request paths in arrival order, query strings included. */
	readonly requested: string[] = [];

	/** Bytes written to clients by the endless and trickling answers. */
	bytesSent = 0;

	private listener?: LoopbackHttp;

	constructor(private readonly folder: string) {}

	/** Starts on a free port of 127.0.0.1 and returns its base URL (http://127.0.0.1:port). */
	async start(): Promise<string> {
		this.listener = new LoopbackHttp(createServer((request, response) => this.answer(request.url ?? '/', response)));
		return await this.listener.start();
	}

	async stop(): Promise<void> {
		await this.listener?.stop();
	}

	reset(): void {
		this.requested.length = 0;
		this.bytesSent = 0;
	}

	private answer(url: string, response: ServerResponse): void {
		this.requested.push(url);
		const path = url.split('?')[0];
		if (path.startsWith('/cards/')) return this.file(basename(decodeURIComponent(path)), response);
		// Any name, one card: for URLs whose path itself is the test (a card number in it, a very long name).
		if (path.startsWith('/as/')) return this.file('card-visa.png', response);
		if (path === '/redirect') {
			response.writeHead(302, { Location: '/cards/card-visa.png' });
			return void response.end();
		}
		if (path === '/declared-too-large') {
			response.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': String(30 * 1024 * 1024) });
			return void response.write(Buffer.alloc(1024));
		}
		if (path === '/endless') return this.endless(response);
		if (path === '/trickle') return this.trickle(response);
		response.writeHead(404, { 'Content-Type': 'text/plain' });
		response.end('not found');
	}

	private file(name: string, response: ServerResponse): void {
		const file = join(this.folder, name);
		if (!existsSync(file)) {
			response.writeHead(404, { 'Content-Type': 'text/plain' });
			return void response.end('not found');
		}
		const body = readFileSync(file);
		response.writeHead(200, {
			'Content-Type': MIME[name.split('.').pop() ?? ''] ?? 'application/octet-stream',
			'Content-Length': body.length,
		});
		response.end(body);
	}

	/** A PNG signature, then zeros without a declared length until the client hangs up (or 64 MB). */
	private endless(response: ServerResponse): void {
		response.writeHead(200, { 'Content-Type': 'image/png' });
		const chunk = Buffer.alloc(256 * 1024);
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(chunk);
		const started = Date.now();
		const pump = (): void => {
			while (!response.destroyed && this.bytesSent < ENDLESS_BODY_BYTES && Date.now() - started < MISBEHAVIOUR_MS) {
				this.bytesSent += chunk.length;
				if (!response.write(chunk)) return void response.once('drain', pump);
			}
			response.end();
		};
		pump();
	}

	/** Headers and a PNG signature at once, then one byte every 100 ms: no idle timeout fires, only a total one. */
	private trickle(response: ServerResponse): void {
		response.writeHead(200, { 'Content-Type': 'image/png' });
		response.write(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
		const started = Date.now();
		const timer = setInterval(() => {
			if (response.destroyed || Date.now() - started > MISBEHAVIOUR_MS) {
				clearInterval(timer);
				return void response.end();
			}
			this.bytesSent += 1;
			response.write(Buffer.alloc(1));
		}, 100);
		response.on('close', () => clearInterval(timer));
	}
}
