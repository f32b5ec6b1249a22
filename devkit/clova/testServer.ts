import { createServer } from 'http';
import type { IncomingMessage, Server, ServerResponse } from 'http';

import {
	DEFAULT_READ_LIMITS,
	ProtocolError,
	checkSecret,
	isCreditCardPath,
	readCreditCardRequest,
	writeOutcome,
	writeProtocolError,
} from '../../server/src/protocol';
import type { CreditCardRequest, ReadLimits, RecognitionOutcome } from '../../server/src/protocol';
import { LoopbackHttp } from '../services/loopbackHttp';

/** What the test server does with one parsed request. */
export type ScriptedAnswer =
	| { kind: 'outcome'; outcome: RecognitionOutcome; delayMs?: number }
	| { kind: 'raw'; status: number; body: string; contentType?: string; headers?: Record<string, string>; delayMs?: number }
	| { kind: 'reset' }
	| { kind: 'hang' };

export interface ReceivedRequest {
	request: CreditCardRequest;
	headers: IncomingMessage['headers'];
	inFlightAtArrival: number;
	arrivedAt: number;
}

export type Script = (request: CreditCardRequest, attempt: number) => ScriptedAnswer;

/**
 * A CLOVA-compatible server for tests: the real protocol layer of server/ (parsing, validation,
 * error codes, response shape) with scripted answers in place of OCR.
 */
export class ClovaTestServer {
	readonly received: ReceivedRequest[] = [];

	readonly rejected: ProtocolError[] = [];

	script: Script = () => ({ kind: 'outcome', outcome: { kind: 'failure', message: 'No script set.' } });

	/** Above this many requests in flight, answer 400/0025 as CLOVA's rate limit does. */
	rateLimit = Infinity;

	/** Body size limits of the protocol reader; benchmarks raise them for their 30 MB image. */
	readLimits: ReadLimits = DEFAULT_READ_LIMITS;

	/** Whether to keep every parsed request (with its image) in `received`; benchmarks turn it off. */
	keepRequests = true;

	/** Answers by code since the last reset, e.g. { '200': 192, '0025': 8 }; counted even when requests are not kept. */
	readonly answered = new Map<string, number>();

	/**
	 * Milliseconds the calls not answered 0025 spent in flight (arrival to answer), summed since
	 * the last reset: over rateLimit x a time span, how busy the service's slots were.
	 */
	acceptedBusyMs = 0;

	private inFlight = 0;

	private readonly attempts = new Map<string, number>();

	private readonly server: Server;

	private readonly listener: LoopbackHttp;

	constructor(readonly secret = 'test-secret-Zq81') {
		this.server = createServer((req, res) => void this.handle(req, res));
		this.listener = new LoopbackHttp(this.server);
	}

	async start(): Promise<string> {
		return await this.listener.start();
	}

	async stop(): Promise<void> {
		await this.listener.stop();
	}

	reset(): void {
		this.received.length = 0;
		this.rejected.length = 0;
		this.attempts.clear();
		this.answered.clear();
		this.acceptedBusyMs = 0;
		this.rateLimit = Infinity;
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		this.inFlight += 1;
		const arrivedAt = Date.now();
		let accepted = false;
		try {
			if (req.method !== 'POST' || !isCreditCardPath(req.url)) throw new ProtocolError('0001');
			checkSecret(req, this.secret);
			const inFlightAtArrival = this.inFlight;
			const request = await readCreditCardRequest(req, this.readLimits);
			if (this.keepRequests) this.received.push({ request, headers: req.headers, inFlightAtArrival, arrivedAt: Date.now() });
			if (inFlightAtArrival > this.rateLimit) throw new ProtocolError('0025');
			accepted = true;
			const attempt = this.attempts.get(request.image.name) ?? 0;
			this.attempts.set(request.image.name, attempt + 1);
			await this.answer(res, request, this.script(request, attempt));
		} catch (error) {
			const protocolError = error instanceof ProtocolError ? error : new ProtocolError('0500');
			this.rejected.push(protocolError);
			this.count(protocolError.code);
			req.resume();
			if (!res.headersSent) writeProtocolError(res, protocolError);
		} finally {
			this.inFlight -= 1;
			if (accepted) this.acceptedBusyMs += Date.now() - arrivedAt;
		}
	}

	private count(key: string): void {
		this.answered.set(key, (this.answered.get(key) ?? 0) + 1);
	}

	private async answer(res: ServerResponse, request: CreditCardRequest, answer: ScriptedAnswer): Promise<void> {
		this.count(answer.kind === 'raw' ? String(answer.status) : answer.kind === 'outcome' ? '200' : answer.kind);
		if (answer.kind === 'reset') {
			res.socket?.destroy();
			return;
		}
		if (answer.kind === 'hang') {
			await new Promise((resolve) => res.on('close', resolve));
			return;
		}
		if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
		if (answer.kind === 'raw') {
			res.writeHead(answer.status, { 'Content-Type': answer.contentType ?? 'application/json', ...answer.headers });
			res.end(answer.body);
			return;
		}
		writeOutcome(res, request, answer.outcome);
	}
}
