#!/usr/bin/env node
// onnxruntime queues telemetry unless this is set before it loads.
process.env.ORT_DISABLE_TELEMETRY = '1';
const { spawn } = require('child_process');
const { existsSync } = require('fs');
const { join } = require('path');

/**
 * glibc's allocator keeps what a burst of large images freed: with its defaults a server that took
 * a few 19 MB bodies and a PDF settled at 342-418 MB. Buffers of 16 MB and more (request bodies,
 * a 12 MP photo's pixels) are mapped apart and go back to the system when freed. A 1 MB threshold
 * (until the fifteenth round) also mapped every image, view and tensor of a card afresh, page by
 * page: 120 phone photos in flight took 36.5-41.6 s of CPU instead of 28.0-30.3 (5.3-6.1 cards/s
 * instead of 7.2-7.9), for a hostile catalogue settling at 288 MB instead of 339 and peaking at 335
 * instead of 355. glibc reads these only when a process starts, so the server runs as a child that
 * has them (unless the caller set either). The child reports its own pid and is the one to signal;
 * it exits when this process dies, even by SIGKILL, through the IPC channel closing.
 *
 * The child's V8 gets two flags of its own too (unless the caller gave them):
 * --expose-gc: the server collects after large bodies and each recognition worker when it falls
 * idle, instead of holding dead buffers until V8's own threshold (some 64 MB of them per thread).
 * --max-semi-space-size=2 (MB): a burst grows every thread's young generation to 16 MB semi-spaces,
 * kept for some 10 s after; capped, the server stood 20 MB lower throughout the hostile catalogue,
 * and read cards as fast (18 cards x 3, two at a time: 3.8-4.0 s either way).
 */
const ALLOCATOR = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '16777216' };
const V8_FLAGS = ['--expose-gc', '--max-semi-space-size=2'];
const allocatorSet = Object.keys(ALLOCATOR).some((name) => process.env[name] !== undefined);

if (!allocatorSet && process.env.CLOVA_OCR_CHILD !== '1') {
	const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
	const flags = V8_FLAGS.filter((flag) => !given.some((arg) => arg.split('=')[0].replace(/_/g, '-') === flag.split('=')[0]));
	const child = spawn(process.execPath, [...process.execArgv, ...flags, __filename, ...process.argv.slice(2)], {
		stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
		// Its own process group: Ctrl-C reaches this process only, which passes it on once (a second
		// SIGINT would tell the server to stop without draining).
		detached: true,
		env: { ...process.env, ...ALLOCATOR, CLOVA_OCR_CHILD: '1' },
	});
	for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => child.kill(signal));
	child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (require('os').constants.signals[signal] ?? 0) : 1)));
} else {
	// Spawned above: go when the parent goes, as a server started directly would.
	if (process.env.CLOVA_OCR_CHILD === '1' && process.connected) {
		process.on('disconnect', () => process.exit(1));
		// The channel must not keep the event loop alive once the server has stopped.
		process.channel?.unref();
	}
	const compiled = join(__dirname, '..', 'dist', 'cli.js');
	if (existsSync(compiled) && process.env.CLOVA_OCR_FROM_SOURCE !== '1') {
		require(compiled);
	} else {
		// From a source checkout without a build: run the TypeScript directly.
		require('tsx/cjs');
		require('../src/cli.ts');
	}
}
