// `npm run lint`: n8n's node rules on what ships (nodes/, credentials/, package.json); eslint's and
// typescript-eslint's recommended rules on everything else. n8n's community-package checks (the rules
// n8n's verification scanner applies) run separately: `npm run lint:community` (scripts/community-lint.mjs).
import js from '@eslint/js';
import tsPlugin from '@typescript-eslint/eslint-plugin';
import tsParser from '@typescript-eslint/parser';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import globals from 'globals';

export default [
	{ ignores: ['**/node_modules/**', '**/dist/**', '.cache/**', 'coverage/**', '.n8n/**', 'server/package.json'] },
	{ plugins: { 'n8n-nodes-base': n8nNodesBase } },
	{
		files: ['package.json'],
		languageOptions: { parser: tsParser },
		rules: {
			...n8nNodesBase.configs.community.rules,
			'n8n-nodes-base/community-package-json-name-still-default': 'off',
		},
	},
	{
		files: ['credentials/**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { project: ['./tsconfig.json'], sourceType: 'module' } },
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-missing': 'off',
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { project: ['./tsconfig.json'], sourceType: 'module' } },
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			'n8n-nodes-base/node-execute-block-missing-continue-on-fail': 'off',
			'n8n-nodes-base/node-resource-description-filename-against-convention': 'off',
			'n8n-nodes-base/node-param-fixed-collection-type-unsorted-items': 'off',
			// These two want the string 'main'; the community rules want NodeConnectionTypes.Main (as n8n's node-cli sets them).
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
	// Everything else in TypeScript: the server, its scripts, the dev kit, scripts and the test suites.
	// Untyped rules only, so no tsconfig has to hold these files.
	...[js.configs.recommended, ...tsPlugin.configs['flat/recommended']].map((config) => ({
		...config,
		files: ['**/*.ts'],
		ignores: ['nodes/**', 'credentials/**'],
	})),
	{
		files: ['**/*.ts'],
		ignores: ['nodes/**', 'credentials/**'],
		languageOptions: { globals: { ...globals.node, ...globals.browser } },
		// typescript-eslint 7's recommended verdicts and eslint 8's default, kept so that moving to
		// eslint 9 and typescript-eslint 8 changed no verdict on code that passed before.
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none' }],
			'@typescript-eslint/no-unused-expressions': 'off',
			'@typescript-eslint/no-require-imports': 'off',
			'@typescript-eslint/no-var-requires': 'error',
		},
	},
	// The few plain JavaScript files: configs, the server launcher, small helpers (CommonJS), and ESM scripts.
	{
		files: ['**/*.js', '**/*.cjs'],
		languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs', globals: { ...globals.node, ...globals.browser } },
		rules: js.configs.recommended.rules,
	},
	{
		files: ['**/*.mjs'],
		languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
		rules: js.configs.recommended.rules,
	},
];
