import { spawn } from 'child_process';
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';

import { startLocalServer } from '../../server/test/helpers/startServer';
import { N8nInstance } from '../../test-e2e/n8nInstance';
import { ensureN8n1, ensureN8n2, packNodePackage } from './n8nRuntime';

const ROOT = join(__dirname, '..', '..');

export interface DevEnvironment {
	editorUrl: string;
	serverUrl: string;
	version: string;
	userFolder: string;
	stop(): Promise<void>;
}

/** The editor with this package installed from a fresh build, the local server and the examples. */
export async function startDevEnvironment(options: { n8nMajor: '1' | '2'; port: number; serverPort: string }): Promise<DevEnvironment> {
	const runtime = options.n8nMajor === '2' ? ensureN8n2() : ensureN8n1();
	const tarball = packNodePackage(ROOT, join(ROOT, '.cache', 'pack'));
	const server = await startLocalServer(['--port', options.serverPort, '--secret', 'dev-secret', '--quiet']);
	const samples = join(ROOT, 'server', 'samples');
	const n8n = new N8nInstance(runtime, {
		N8N_PORT: String(options.port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_SECURE_COOKIE: 'false',
		N8N_RESTRICT_FILE_ACCESS_TO: samples,
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
		CLOVA_SAMPLES_GLOB: `${samples}/*.{png,jpg}`,
	});
	await n8n.installPackage(tarball);
	await n8n.importJson('credentials', [{ id: 'clovaLocal0001', name: 'CLOVA OCR (local server)', type: 'clovaOcrApi', data: { invokeUrl: server.url, secretKey: 'dev-secret' } }]);
	for (const file of readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.json'))) {
		const example = JSON.parse(readFileSync(join(ROOT, 'examples', file), 'utf8')) as object;
		await n8n.importJson('workflow', [{ ...example, id: exampleId(file), active: false }]);
	}
	const editor = spawn(runtime.node, [runtime.n8nBin, 'start'], { cwd: n8n.userFolder, env: n8n.environment(), stdio: 'inherit' });
	const editorUrl = `http://127.0.0.1:${options.port}`;
	const deadline = Date.now() + 120_000;
	for (;;) {
		try {
			// /healthz answers before the REST routes exist; settings means the editor is usable.
			if ((await fetch(`${editorUrl}/rest/settings`)).ok) break;
		} catch {
			// not up yet
		}
		if (Date.now() > deadline || editor.exitCode !== null) {
			editor.kill();
			await server.stop();
			throw new Error('n8n did not start within 120 s');
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	return {
		editorUrl,
		serverUrl: server.url,
		version: runtime.version,
		userFolder: n8n.userFolder,
		stop: async () => {
			const exited = new Promise((resolve) => editor.once('exit', resolve));
			editor.kill('SIGTERM');
			await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
			await server.stop();
		},
	};
}

/** Stable workflow ids for the examples, so links and screenshots can name them. */
export function exampleId(file: string): string {
	return `ex${file.replace(/\.json$/, '').replace(/[^a-z]/gi, '').slice(0, 14)}`;
}
