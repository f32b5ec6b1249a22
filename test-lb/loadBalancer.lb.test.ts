/**
 * Two real clova-ocr-local servers behind HAProxy running deploy/haproxy.cfg, all on loopback; the
 * node reads 200 cards through HAProxy while one server crashes or the servers are restarted one
 * after the other. No card may be lost, read twice or read wrong.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

import type { INodeExecutionData } from 'n8n-workflow';

import type { CardTruth, FixtureInput } from '../devkit/fixtures';
import { fixtureInput, fixtureTruth, sampleTruth } from '../devkit/fixtures';
import type { RunningHaproxy } from '../devkit/loadBalancer/haproxy';
import { startHaproxy } from '../devkit/loadBalancer/haproxy';
import type { DrainingLine, RunningServer, StoppedLine } from '../devkit/localServer/launch';
import { startLocalServer } from '../devkit/localServer/launch';
import { binaryItems, runNode } from '../devkit/n8n/harness';
import { CACHE, SAMPLES } from '../devkit/paths';

const CARDS = 200;
/** One worker each: two servers share the two cores, and losing one halves the capacity, as it would. */
const SERVER_ARGS = ['--concurrency', '1'];
/** HAProxy's maxconn per server: --concurrency + 1, as docs/deploy.md advises. */
const MAXCONN = 2;
/** Bounds every wait; about 4x what a quiet 2-core machine needs, for one busy with other work. */
const WAIT_MS = 240_000;
const TEST_MS = 300_000;

interface Card {
	input: FixtureInput;
	truth: CardTruth;
}

const MIME: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg' };

/** Every committed card the engine reads exactly, in four formats: samples and fixtures. */
const CARD_SET: Card[] = [
	...Object.entries(fixtureTruth).map(([file, truth]) => ({ input: fixtureInput(file), truth })),
	...Object.entries(sampleTruth).map(([file, truth]) => ({
		input: { data: readFileSync(join(SAMPLES, file)), fileName: file, mimeType: MIME[file.split('.').pop() ?? ''] ?? 'image/jpeg' },
		truth,
	})),
];
const cards = Array.from({ length: CARDS }, (_, index) => CARD_SET[index % CARD_SET.length]);

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = WAIT_MS): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** The server's own request log: one JSON line per answer (it runs without --quiet). */
function answers(server: RunningServer, status: number): number {
	return server.output.join('').split(`"status":${status},`).length - 1;
}

function event<T extends DrainingLine | StoppedLine>(server: RunningServer, name: T['event']): T | undefined {
	return server.events.find((line) => line.event === name) as T | undefined;
}

describe('two local servers behind HAProxy (deploy/haproxy.cfg): 200 cards through the node', () => {
	/** The server now on each port; a restart replaces it. */
	const slots: RunningServer[] = [];
	/** Every process started, the replaced ones too: their logs count the answers. */
	const started: RunningServer[] = [];
	const ports: string[] = [];
	let lb: RunningHaproxy | undefined;

	async function startServer(slot: number): Promise<RunningServer> {
		const server = await startLocalServer([...SERVER_ARGS, ...(ports[slot] ? ['--port', ports[slot]] : [])]);
		ports[slot] = new URL(server.url).port;
		slots[slot] = server;
		started.push(server);
		await until(() => server.events.some((line) => line.event === 'modelsLoaded'), 'the models to load');
		return server;
	}

	const answered = () => started.reduce((sum, server) => sum + answers(server, 200), 0);

	async function serversUp(balancer: RunningHaproxy, names: string[]): Promise<void> {
		await until(
			async () => {
				const stats = await balancer.servers();
				return names.every((name) => stats[name]?.status === 'UP');
			},
			`HAProxy to see ${names.join(', ')} up`,
		);
	}

	async function startBalancer(bufsize?: number): Promise<RunningHaproxy> {
		await lb?.stop();
		lb = await startHaproxy({ servers: [`127.0.0.1:${ports[0]}`, `127.0.0.1:${ports[1]}`], maxconn: MAXCONN, bufsize });
		await serversUp(lb, ['ocr1', 'ocr2']);
		return lb;
	}

	/**
	 * Runs the node over the 200 cards through HAProxy; each step runs once `at` cards were answered
	 * by the servers. Continue On Fail, so a lost card shows as an error item with its code.
	 */
	async function readCards(
		balancer: RunningHaproxy,
		requestMode: 'multipart' | 'json',
		steps: Array<{ at: number; action: () => Promise<void> }>,
	): Promise<{ output: INodeExecutionData[]; ms: number }> {
		const items = await binaryItems(cards.map((card) => card.input));
		const startedAt = Date.now();
		const run = runNode(items, {
			credentials: { invokeUrl: balancer.url, secretKey: 'any' },
			continueOnFail: true,
			parameters: { requestMode, options: { imageName: '={{ "card-" + $itemIndex }}' } },
		});
		let finished = false;
		const settled = run.then(
			() => (finished = true),
			() => (finished = true),
		);
		try {
			for (const step of steps) {
				await until(() => finished || answered() >= step.at, `${step.at} cards answered`);
				if (finished) throw new Error(`the run finished before ${step.at} cards were answered`);
				await step.action();
			}
		} finally {
			await settled;
		}
		return { output: await run, ms: Date.now() - startedAt };
	}

	function expectEveryCardReadOnce(output: INodeExecutionData[]): void {
		const failed = output.filter((item) => item.json.error !== undefined).map((item) => ({ pairedItem: item.pairedItem, ...item.json }));
		expect(failed).toEqual([]);
		expect(output).toHaveLength(CARDS);
		output.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json.imageName).toBe(`card-${index}`);
			const { name, number, validThru } = cards[index].truth;
			expect({ name: item.json.name, number: item.json.number, validThru: item.json.validThru }).toEqual({ name, number, validThru });
		});
	}

	/**
	 * HAProxy's answers to the node, once its log has them all: it writes a request's line after
	 * sending the answer, so the node may hold the last answer before the line exists.
	 */
	async function answeredStatuses(balancer: RunningHaproxy): Promise<Record<string, number>> {
		await until(() => (balancer.answeredStatuses()['200'] ?? 0) >= CARDS, 'HAProxy to log every answer', 5_000).catch(() => undefined);
		return balancer.answeredStatuses();
	}

	afterEach(() => {
		// The logs of a run, for when it fails: HAProxy's request log and state changes, each server's output.
		const folder = join(CACHE, 'test-lb', (expect.getState().currentTestName ?? 'run').replace(/[^\w-]+/g, '-').slice(0, 80));
		mkdirSync(folder, { recursive: true });
		writeFileSync(join(folder, 'haproxy.log'), lb?.output.join('') ?? '');
		started.forEach((server, index) => writeFileSync(join(folder, `server-${index}-${server.pid}.log`), server.output.join('')));
	});

	beforeAll(async () => {
		await Promise.all([startServer(0), startServer(1)]);
	}, WAIT_MS);

	afterAll(async () => {
		await lb?.stop();
		for (const server of started) server.signal('SIGKILL');
		await Promise.all(started.map((server) => server.exited));
	});

	test(
		'the committed config: one server killed (SIGKILL) after a third and restarted: every card read exactly once, HAProxy replays what the dead server held',
		async () => {
			const balancer = await startBalancer();
			const victim = slots[0];
			const { output, ms } = await readCards(balancer, 'multipart', [
				{ at: answered() + Math.round(CARDS / 3), action: async () => victim.signal('SIGKILL') },
				// Back as systemd's Restart=on-failure would bring it; HAProxy takes it in once it is warm.
				{
					at: answered() + Math.round(CARDS / 2),
					action: async () => {
						await victim.exited;
						await startServer(0);
					},
				},
			]);
			expectEveryCardReadOnce(output);
			expect(await victim.exited).toEqual({ code: null, signal: 'SIGKILL' });
			const stats = await balancer.servers();
			// Every card fits HAProxy's 1 MiB buffer, so it replayed each request the dead server held
			// (empty-response) or refused (conn-failure) on the other one: the node saw no failure at all.
			expect(await answeredStatuses(balancer)).toEqual({ '200': CARDS });
			expect(stats.ocr1.retries + stats.ocr1.redispatches).toBeGreaterThan(0);
			console.log(`SIGKILL, committed config: ${CARDS} cards in ${ms} ms; HAProxy servers ${JSON.stringify(stats)}`);
		},
		TEST_MS,
	);

	test(
		'HAProxy unable to replay a card (16 KB buffers): a rolling restart (SIGTERM drains) and a crash (SIGKILL), every card read exactly once by the node retrying',
		async () => {
			// No card fits a 16 KB buffer, as a phone photo often would not fit 1 MiB: HAProxy replays none,
			// so what a dying server held and what a draining one refused reach the node, whose own
			// retries must carry them.
			const balancer = await startBalancer(16_384);
			const drained = slots[0];
			const crashed = slots[1];
			const { output, ms } = await readCards(balancer, 'json', [
				{
					at: answered() + Math.round(CARDS / 3),
					action: async () => {
						drained.signal('SIGTERM');
						await drained.exited;
						await startServer(0);
						await serversUp(balancer, ['ocr1', 'ocr2']);
					},
				},
				{
					at: answered() + Math.round((2 * CARDS) / 3),
					action: async () => {
						crashed.signal('SIGKILL');
						await crashed.exited;
						await startServer(1);
					},
				},
			]);
			expectEveryCardReadOnce(output);

			// The drain: what it had taken was answered, then a clean exit.
			expect(await drained.exited).toEqual({ code: 0, signal: null });
			const draining = event<DrainingLine>(drained, 'draining');
			expect(event<StoppedLine>(drained, 'stopped')).toMatchObject({ idle: true, unanswered: 0 });
			// Under load it had work in hand when told to stop (HAProxy keeps maxconn requests on it).
			expect(draining?.inFlight).toBeGreaterThan(0);

			// HAProxy passed on what it could not replay: the draining server's 503s and a 502 for each
			// request the killed server held. The node's retries read those cards.
			const statuses = await answeredStatuses(balancer);
			// Each card was answered 200 once; every other answer was a failure the node retried.
			expect(statuses['200']).toBe(CARDS);
			const failuresSeenByNode = Object.values(statuses).reduce((sum, count) => sum + count, 0) - CARDS;
			expect(failuresSeenByNode).toBeGreaterThan(0);
			console.log(
				`SIGTERM + SIGKILL, 16 KB buffers: ${CARDS} cards in ${ms} ms; draining server had ${draining?.inFlight} in flight and refused ` +
					`${answers(drained, 503)} with 503; HAProxy answered the node ${JSON.stringify(statuses)}; servers ${JSON.stringify(await balancer.servers())}`,
			);
		},
		TEST_MS,
	);
});
