// npm run lint:community: n8n's community-package checks, the way n8n's verification scanner
// (@n8n/scan-community-package 0.32.0, scanner.mjs) runs them: @n8n/eslint-plugin-community-nodes'
// recommended rules plus eslint-plugin-n8n-nodes-base's, first on the sources (package.json, nodes/,
// credentials/), then on what `npm pack` ships (compiled .js and the packed package.json). The scanner
// itself only takes a published package name; this runs its analysis on the local tarball, offline.
// Run after `npm run build`: the tarball leg packs dist/.
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { fileURLToPath } from 'url';

import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// The one exception, shown as warnings on every run instead of switched off: n8n Cloud's rules. The
// package depends on form-data (multipart upload streamed from n8n's binary store) and card-validator
// (brand and Luhn), and streams with Node's stream module; Cloud allows none of them, so the package
// is for self-hosted n8n. README.md > Compatibility says so and why.
const EXCEPTIONS = [
	{
		ignores: n8nCommunityNodesPlugin.configs.recommended.ignores,
		rules: {
			'@n8n/community-nodes/no-runtime-dependencies': 'warn',
			'@n8n/community-nodes/no-restricted-imports': 'warn',
		},
	},
];

// The repository's package.json keeps `overrides` for its own install (isolated-vm 5 for n8n-core on
// Node 20, the lint plugin's n8n-workflow peer); prepack strips them, so the tarball leg below holds
// the shipped package.json to the rule and only the sources leg shows them as a warning.
const SOURCE_ONLY = [{ files: ['package.json'], rules: { '@n8n/community-nodes/no-overrides-field': 'warn' } }];

/** scanner.mjs buildScanConfig() as of 0.32.0, then EXCEPTIONS and the leg's own. */
function scanConfig(own) {
	return [
		n8nCommunityNodesPlugin.configs.recommended,
		{ rules: { 'no-console': 'error' } },
		{ plugins: { 'n8n-nodes-base': n8nNodesBase } },
		{ files: ['package.json'], rules: { ...n8nNodesBase.configs.community.rules } },
		{
			files: ['**/credentials/**/*.ts'],
			rules: {
				...n8nNodesBase.configs.credentials.rules,
				'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
				'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
			},
		},
		{
			files: ['**/nodes/**/*.ts'],
			rules: {
				...n8nNodesBase.configs.nodes.rules,
				'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
				'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
				'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
			},
		},
		{ files: ['**/*.json'], languageOptions: { parser: tsParser } },
		{ files: ['**/*.ts'], languageOptions: { parser: tsParser } },
		...EXCEPTIONS,
		...own,
	];
}

async function lint(label, cwd, patterns, own = []) {
	// Like the scanner: no eslint.config file and no inline eslint-disable comments count.
	const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: scanConfig(own), allowInlineConfig: false });
	const results = await eslint.lintFiles(patterns);
	const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
	const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
	const output = await (await eslint.loadFormatter('stylish')).format(results);
	console.log(`${label}: ${results.length} files, ${errors} errors, ${warnings} warnings`);
	if (output) console.log(output.replaceAll(`${resolve(cwd)}/`, ''));
	return errors;
}

/** `npm pack` with its lifecycle scripts (prepack strips `overrides`), unpacked into a temporary folder. */
function packed() {
	const dir = mkdtempSync(join(tmpdir(), 'clova-community-lint-'));
	const [pack] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' }));
	execFileSync('tar', ['-xzf', join(dir, pack.filename), '-C', dir]);
	return { dir, packageDir: join(dir, 'package') };
}

if (!existsSync(join(ROOT, 'dist', 'nodes', 'ClovaOcr', 'ClovaOcr.node.js'))) {
	console.error('dist/ has no built node: run npm run build first (the tarball leg lints what npm pack ships)');
	process.exit(1);
}
const sourceErrors = await lint('sources', ROOT, ['package.json', '{nodes,credentials}/**/*.{js,ts,json}'], SOURCE_ONLY);
const tarball = packed();
let tarballErrors;
try {
	tarballErrors = await lint('npm pack tarball', tarball.packageDir, ['**/*.js', 'package.json']);
} finally {
	rmSync(tarball.dir, { recursive: true, force: true });
}
if (sourceErrors + tarballErrors > 0) process.exit(1);
