/**
 * A CLOVA-shaped service with a load profile: the test server's real protocol layer with a fixed
 * latency and CLOVA's rate limit (400/0025 for any call beyond `rateLimit` in flight), answering
 * each card copy with its true fields so outputs can be checked, not just counted. The benchmark
 * and the queue-mode test run against it.
 */
import { truthOfCopy } from '../bench/cardCopies';
import type { CardTruth } from '../fixtures';
import { successFor } from './outcomes';
import { ClovaTestServer } from './testServer';

export interface ServiceProfile {
	latencyMs: number;
	rateLimit: number;
}

export class RateLimitedService {
	readonly server: ClovaTestServer;

	/** Image name -> how many times it was read (answered with its fields) since `prepare`. */
	readonly reads = new Map<string, number>();

	private profile: ServiceProfile = { latencyMs: 0, rateLimit: Infinity };

	/** Epoch ms of the first and the last call accepted (not answered 0025) since `prepare`. */
	private accepted?: { first: number; last: number };

	/** `truthOf` gives the fields to answer for an image name; undefined answers a recognition failure. */
	constructor(secret: string, truthOf: (imageName: string) => CardTruth | undefined = truthOfCopy) {
		this.server = new ClovaTestServer(secret);
		this.server.keepRequests = false;
		// A 30 MB image is 40 MB once base64 encoded in JSON mode.
		this.server.readLimits = { maxBodyBytes: 64 * 1024 * 1024 };
		this.server.script = (request) => {
			const name = request.image.name;
			const now = Date.now();
			this.accepted = { first: this.accepted?.first ?? now, last: now };
			this.reads.set(name, (this.reads.get(name) ?? 0) + 1);
			const truth = truthOf(name);
			if (!truth)
				return { kind: 'outcome', outcome: { kind: 'failure', message: 'Unknown benchmark image.' }, delayMs: this.profile.latencyMs };
			return { kind: 'outcome', outcome: successFor(truth), delayMs: this.profile.latencyMs };
		};
	}

	async start(): Promise<string> {
		return await this.server.start();
	}

	async stop(): Promise<void> {
		await this.server.stop();
	}

	/** Sets latency and rate limit for the next run and clears the counters. */
	prepare(profile: ServiceProfile): void {
		this.server.reset();
		this.reads.clear();
		this.accepted = undefined;
		this.profile = profile;
		this.server.rateLimit = profile.rateLimit;
	}

	/**
	 * From the first accepted call's arrival to the last one's answer (its arrival plus the
	 * latency), in epoch ms: when the service was busy, as opposed to the client's own work.
	 */
	busyWindow(): { startMs: number; endMs: number } | undefined {
		return this.accepted && { startMs: this.accepted.first, endMs: this.accepted.last + this.profile.latencyMs };
	}

	/** How the service answered since `prepare`: calls in total and rate-limit rejections. */
	counts(): { calls: number; rateLimited: number } {
		let calls = 0;
		for (const value of this.server.answered.values()) calls += value;
		return { calls, rateLimited: this.server.answered.get('0025') ?? 0 };
	}
}
