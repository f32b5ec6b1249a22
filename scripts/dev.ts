/**
 * npm run dev: the n8n editor at http://127.0.0.1:5678 with this package installed from a fresh
 * build, the local server running, a credential pointing at it and the examples imported.
 * Ctrl-C stops all of it. CLOVA_DEV_N8N=2 uses n8n 2.41.1 on Node 24 instead of 1.123.81.
 */
import { startDevEnvironment } from '../devkit/devEnvironment';

async function main(): Promise<void> {
	const env = await startDevEnvironment({
		n8nMajor: process.env.CLOVA_DEV_N8N === '2' ? '2' : '1',
		port: Number(process.env.N8N_PORT ?? 5678),
		serverPort: process.env.CLOVA_OCR_PORT ?? '8866',
	});
	console.log(
		`\n[dev] n8n ${env.version} editor: ${env.editorUrl}  (user folder ${env.userFolder}; create the owner account on first visit)`,
	);
	console.log(`[dev] local server: ${env.serverUrl}, credential "CLOVA OCR (local server)" points at it. Ctrl-C stops everything.\n`);
	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		await env.stop();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
