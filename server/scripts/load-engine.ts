/**
 * Load test of the local server as users run it: every request in flight at once, phone-photo
 * sized JPEGs, figures read from /proc so they include all threads of the server process.
 *
 *   npx tsx server/scripts/load-engine.ts [--requests 120] [--mode json|multipart] [--source] [--synth 0]
 *     [--quiet-wait 300] [-- <extra server args>]
 *
 * --source runs the server from TypeScript (CLOVA_OCR_FROM_SOURCE=1), as the jest tests do;
 * otherwise bin/clova-ocr-local.js picks server/dist when it exists.
 * --synth N uses N generated 'photo' tier cards instead of the JPEGs in server/samples and test/fixtures.
 * --quiet-wait S waits up to S seconds for other processes to leave the cores idle before starting,
 * and the CPU other processes took during the run is printed: on a shared machine it skews every figure.
 */
import { spawn } from 'child_process';
import { readFileSync, readdirSync } from 'fs';
import { cpus } from 'os';
import { join } from 'path';
import { parseArgs } from 'util';

import { parseReadyLine } from '../../devkit/localServer/launch';

const SERVER = join(__dirname, '..');
const ROOT = join(SERVER, '..');
/** Linux reports utime and stime in clock ticks; 100 per second on every common kernel config. */
const CLOCK_TICKS = 100;

interface Image {
	name: string;
	data: Buffer;
}

interface ServerProcess {
	url: string;
	pid: number;
	listeningMs: number;
	stop(): Promise<void>;
}

async function startServer(extraArgs: string[], fromSource: boolean): Promise<ServerProcess> {
	const started = performance.now();
	const child = spawn(process.execPath, [join(SERVER, 'bin', 'clova-ocr-local.js'), '--port', '0', '--quiet', ...extraArgs], {
		stdio: ['ignore', 'pipe', 'inherit'],
		env: { ...process.env, ...(fromSource ? { CLOVA_OCR_FROM_SOURCE: '1' } : {}) },
	});
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	// The ready line's pid is the server's own: bin/clova-ocr-local.js re-execs it as a child.
	const ready = await new Promise<{ url: string; pid: number }>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('server did not start within 60 s')), 60_000);
		child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
		let pending = '';
		child.stdout.on('data', (chunk: Buffer) => {
			const lines = (pending + chunk.toString()).split('\n');
			pending = lines.pop() ?? '';
			const ready = lines.map((line) => parseReadyLine(line.trim())).find((event) => event !== undefined);
			if (ready) {
				clearTimeout(timer);
				resolve(ready);
			}
		});
	});
	return {
		url: ready.url,
		pid: ready.pid,
		listeningMs: performance.now() - started,
		stop: async () => {
			child.kill('SIGTERM');
			await exited;
		},
	};
}

function peakRssMb(pid: number): number {
	const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return match ? Number(match[1]) / 1024 : NaN;
}

function cpuSeconds(pid: number): number {
	// The command name may hold spaces; the fields after its closing parenthesis do not.
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	// utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
	return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** Busy and total jiffies of the whole machine, to tell how much other processes took meanwhile. */
function machineTicks(): { busy: number; total: number } {
	const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
	const total = fields.reduce((sum, v) => sum + v, 0);
	// idle and iowait are the fourth and fifth numbers.
	return { busy: total - fields[3] - fields[4], total };
}

/** Other work on a shared machine skews every figure here, so wait (a while) for it to pass. */
async function waitForQuiet(maxSeconds: number): Promise<number> {
	let busyCores = Infinity;
	for (let waited = 0; waited < maxSeconds; waited++) {
		const before = machineTicks();
		await new Promise((resolve) => setTimeout(resolve, 1000));
		const after = machineTicks();
		busyCores = ((after.busy - before.busy) / (after.total - before.total)) * cpus().length;
		if (busyCores < 0.25) break;
	}
	return busyCores;
}

function sampleImages(): Image[] {
	const pick = (dir: string, names: string[]) =>
		names.filter((n) => n.endsWith('.jpg') && n !== 'truncated.jpg').map((name) => ({ name, data: readFileSync(join(dir, name)) }));
	return [
		...pick(join(SERVER, 'samples'), readdirSync(join(SERVER, 'samples'))),
		...pick(join(ROOT, 'test', 'fixtures'), readdirSync(join(ROOT, 'test', 'fixtures'))),
	];
}

async function syntheticImages(count: number): Promise<Image[]> {
	const { generateCardSet } = await import('../src/synth/cardSet');
	return (await generateCardSet(11, count, ['photo'])).map((card) => ({ name: `${card.id}.${card.format}`, data: card.data }));
}

async function post(
	url: string,
	image: Image,
	index: number,
	mode: 'json' | 'multipart',
): Promise<{ status: number; inferResult?: string; code?: string }> {
	const message = { version: 'V2', requestId: `load-${index}`, timestamp: Date.now(), images: [{ format: 'jpg', name: image.name }] };
	let response: Response;
	if (mode === 'json') {
		const body = JSON.stringify({ ...message, images: [{ ...message.images[0], data: image.data.toString('base64') }] });
		response = await fetch(`${url}/document/credit-card`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
	} else {
		const form = new FormData();
		form.append('message', JSON.stringify(message));
		form.append('file', new Blob([image.data]), image.name);
		response = await fetch(`${url}/document/credit-card`, { method: 'POST', body: form });
	}
	const answer = (await response.json()) as { code?: string; images?: Array<{ inferResult?: string }> };
	return { status: response.status, inferResult: answer.images?.[0]?.inferResult, code: answer.code };
}

function tally(values: Array<string | undefined>): string {
	const counts = new Map<string, number>();
	for (const value of values) counts.set(value ?? '-', (counts.get(value ?? '-') ?? 0) + 1);
	return [...counts].map(([k, n]) => `${k} ${n}`).join(', ');
}

async function main(): Promise<void> {
	const { values, positionals } = parseArgs({
		options: {
			requests: { type: 'string', default: '120' },
			mode: { type: 'string', default: 'json' },
			source: { type: 'boolean', default: false },
			synth: { type: 'string', default: '0' },
			'quiet-wait': { type: 'string', default: '300' },
		},
		allowPositionals: true,
	});
	const count = Number(values.requests);
	const mode = values.mode === 'multipart' ? 'multipart' : 'json';
	const synth = Number(values.synth);
	const images = synth > 0 ? await syntheticImages(synth) : sampleImages();
	console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
	console.log(
		`${count} ${mode} requests in flight over ${images.length} distinct JPEGs (${images.map((i) => (i.data.length / 1024).toFixed(0)).join(', ')} KB)`,
	);

	const idle = await waitForQuiet(Number(values['quiet-wait']));
	console.log(`machine busy before start: ${idle.toFixed(2)} cores`);
	const server = await startServer(['--queue', String(Math.max(200, count)), ...positionals], values.source);
	try {
		const firstStarted = performance.now();
		const first = await post(server.url, images[0], 0, mode);
		const firstMs = performance.now() - firstStarted;
		console.log(
			`spawn to listening ${server.listeningMs.toFixed(0)} ms (${values.source ? 'from source' : 'bin default'}); first request ${firstMs.toFixed(0)} ms (${first.status} ${first.inferResult ?? first.code})`,
		);
		const rssBefore = peakRssMb(server.pid);

		const cpuStart = cpuSeconds(server.pid);
		const machineStart = machineTicks();
		const selfStart = process.cpuUsage();
		const started = performance.now();
		const answers = await Promise.all(Array.from({ length: count }, (_, i) => post(server.url, images[i % images.length], i + 1, mode)));
		const wall = (performance.now() - started) / 1000;
		const cpu = cpuSeconds(server.pid) - cpuStart;
		const machineEnd = machineTicks();
		const self = process.cpuUsage(selfStart);
		const machineBusy = (machineEnd.busy - machineStart.busy) / CLOCK_TICKS;
		const others = machineBusy - cpu - (self.user + self.system) / 1e6;
		const ok = answers.filter((a) => a.status === 200).length;
		const health = (await (await fetch(`${server.url}/healthz`)).json()) as Record<string, unknown>;
		console.log(`answers: ${tally(answers.map((a) => (a.status === 200 ? a.inferResult : `${a.status}/${a.code}`)))}`);
		console.log(`throughput ${(ok / wall).toFixed(2)} cards/s (${ok} answered 200 in ${wall.toFixed(2)} s)`);
		console.log(
			`cpu ${cpu.toFixed(1)} s over ${wall.toFixed(1)} s wall = ${(cpu / wall).toFixed(2)} cores; meanwhile this client ${((self.user + self.system) / 1e6 / wall).toFixed(2)} cores, other processes ${Math.max(0, others / wall).toFixed(2)} cores`,
		);
		console.log(`peak RSS (VmHWM) ${peakRssMb(server.pid).toFixed(0)} MB (after the first request ${rssBefore.toFixed(0)} MB)`);
		console.log(`healthz ${JSON.stringify(health)}`);
	} finally {
		await server.stop();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
