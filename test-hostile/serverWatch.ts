/**
 * Watches a running local server while a probe runs: its resident memory (from /proc: the whole
 * process, worker threads included) and how long GET /healthz takes. The sampler runs in a process
 * of its own, so a probe that keeps this test process busy (building or sending a body) does not
 * count against the server.
 */
import { spawn } from 'child_process';
import { readFileSync } from 'fs';

export interface WatchFigures {
	/** Largest RSS seen, MB. */
	peakRssMb: number;
	/** Slowest /healthz answer, ms (one that never answered counts as the 5 s it waited). */
	slowestHealthzMs: number;
	healthzSamples: number;
}

export function rssMb(pid: number): number {
	const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	if (!match) throw new Error(`no VmRSS for pid ${pid}`);
	return Number(match[1]) / 1024;
}

// Plain JavaScript for `node -e`: samples until stdin closes, then prints its figures as one JSON line.
const SAMPLER = `
const { readFileSync } = require('fs');
const http = require('http');
const [url, pid] = process.argv.slice(1);
const f = { peakRssMb: 0, slowestHealthzMs: 0, healthzSamples: 0 };
const rss = () => { try { f.peakRssMb = Math.max(f.peakRssMb, Number(/VmRSS:\\s+(\\d+) kB/.exec(readFileSync('/proc/' + pid + '/status', 'utf8'))[1]) / 1024); } catch {} };
rss();
const rssTimer = setInterval(rss, 20);
let running = true;
// One connection kept open, as a load balancer's health check would: the time is the server's, not a handshake's.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const once = () => new Promise((resolve) => {
	const t = performance.now();
	const req = http.get(url + '/healthz', { agent, timeout: 5000 }, (res) => { res.resume(); res.on('end', () => resolve(performance.now() - t)); });
	req.on('timeout', () => { req.destroy(); resolve(5000); });
	req.on('error', () => resolve(performance.now() - t));
});
(async () => {
	// The first request warms this process up (modules, JIT); it is not counted.
	await once();
	process.stdout.write('started\\n');
	while (running) {
		const ms = await once();
		f.healthzSamples += 1;
		f.slowestHealthzMs = Math.max(f.slowestHealthzMs, ms);
		await new Promise((r) => setTimeout(r, 25));
	}
	clearInterval(rssTimer);
	rss();
	process.stdout.write(JSON.stringify(f) + '\\n');
})();
process.stdin.on('end', () => { running = false; });
process.stdin.resume();
`;

/** Starts sampling RSS and /healthz; stop() ends it and gives the figures. */
export async function watchServer(url: string, pid: number): Promise<{ stop(): Promise<WatchFigures> }> {
	const child = spawn(process.execPath, ['-e', SAMPLER, url, String(pid)], { stdio: ['pipe', 'pipe', 'inherit'] });
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	await new Promise<void>((resolve) => {
		const check = () => (output.includes('started') ? resolve() : setTimeout(check, 5));
		check();
	});
	return {
		stop: async () => {
			child.stdin.end();
			await new Promise((resolve) => child.once('close', resolve));
			const line = output.trim().split('\n').pop() ?? '';
			return JSON.parse(line) as WatchFigures;
		},
	};
}
