/** What `npm run dev` and `npm run screenshots` work in: a real editor with the package and the examples. */
import { LOCAL_CREDENTIAL, clovaCredential } from './credentials';
import { startLocalServer } from './localServer/launch';
import { startEditor } from './n8n/editor';
import { N8nInstance } from './n8n/instance';
import type { N8nMajor } from './n8n/runtime';
import { ensureN8n, packNodePackage } from './n8n/runtime';
import { SAMPLES } from './paths';
import { exampleWorkflows } from './workflows';

export interface DevEnvironment {
	editorUrl: string;
	serverUrl: string;
	version: string;
	userFolder: string;
	stop(): Promise<void>;
}

const SECRET = 'dev-secret';

/** The editor with this package installed from a fresh build, the local server and the examples. */
export async function startDevEnvironment(options: { n8nMajor: N8nMajor; port: number; serverPort: string }): Promise<DevEnvironment> {
	const runtime = ensureN8n(options.n8nMajor);
	const tarball = packNodePackage();
	const server = await startLocalServer(['--port', options.serverPort, '--secret', SECRET, '--quiet']);
	try {
		const n8n = new N8nInstance(runtime, {
			N8N_HOST: '127.0.0.1',
			N8N_SECURE_COOKIE: 'false',
			N8N_RESTRICT_FILE_ACCESS_TO: SAMPLES,
			N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
			CLOVA_SAMPLES_GLOB: `${SAMPLES}/*.{png,jpg}`,
		});
		await n8n.installPackage(tarball);
		await n8n.importJson('credentials', [clovaCredential(LOCAL_CREDENTIAL, server.url, SECRET)]);
		await n8n.importJson('workflow', exampleWorkflows());
		const editor = await startEditor(n8n, { port: options.port, stdio: 'inherit' });
		return {
			editorUrl: editor.url,
			serverUrl: server.url,
			version: runtime.version,
			userFolder: n8n.userFolder,
			stop: async () => {
				await editor.stop();
				await server.stop();
			},
		};
	} catch (error) {
		await server.stop();
		throw error;
	}
}
