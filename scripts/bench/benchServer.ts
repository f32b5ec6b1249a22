/**
 * The CLOVA-shaped service the benchmark runs against: the test server's real protocol layer with
 * a fixed latency and CLOVA's rate limit (400/0025 for any call beyond `rateLimit` in flight),
 * answering each card copy with its true fields so outputs can be checked, not just counted.
 */
import { truthOfCopy } from '../../devkit/bench/cardCopies';
import { successFor } from '../../devkit/clova/outcomes';
import { ClovaTestServer } from '../../devkit/clova/testServer';

export interface ServiceProfile {
	latencyMs: number;
	rateLimit: number;
}

export class BenchService {
	readonly server: ClovaTestServer;

	private profile: ServiceProfile = { latencyMs: 0, rateLimit: Infinity };

	constructor(secret: string) {
		this.server = new ClovaTestServer(secret);
		this.server.keepRequests = false;
		// A 30 MB image is 40 MB once base64 encoded in JSON mode.
		this.server.readLimits = { maxBodyBytes: 64 * 1024 * 1024 };
		this.server.script = (request) => {
			const truth = truthOfCopy(request.image.name);
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
		this.profile = profile;
		this.server.rateLimit = profile.rateLimit;
	}

	/** How the service answered since `prepare`: calls in total and rate-limit rejections. */
	counts(): { calls: number; rateLimited: number } {
		let calls = 0;
		for (const value of this.server.answered.values()) calls += value;
		return { calls, rateLimited: this.server.answered.get('0025') ?? 0 };
	}
}
