/** @type {import('@types/eslint').ESLint.ConfigData} */
module.exports = {
	root: true,
	env: { browser: true, es6: true, node: true },
	parser: '@typescript-eslint/parser',
	parserOptions: {
		project: ['./tsconfig.json'],
		sourceType: 'module',
		extraFileExtensions: ['.json'],
	},
	ignorePatterns: ['**/node_modules/**', '**/dist/**', 'server/package.json'],
	overrides: [
		{
			files: ['package.json'],
			plugins: ['eslint-plugin-n8n-nodes-base'],
			extends: ['plugin:n8n-nodes-base/community'],
			rules: { 'n8n-nodes-base/community-package-json-name-still-default': 'off' },
		},
		{
			files: ['./credentials/**/*.ts'],
			plugins: ['eslint-plugin-n8n-nodes-base'],
			extends: ['plugin:n8n-nodes-base/credentials'],
			rules: {
				'n8n-nodes-base/cred-class-field-documentation-url-missing': 'off',
				'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			},
		},
		{
			files: ['./nodes/**/*.ts'],
			plugins: ['eslint-plugin-n8n-nodes-base'],
			extends: ['plugin:n8n-nodes-base/nodes'],
			rules: {
				'n8n-nodes-base/node-execute-block-missing-continue-on-fail': 'off',
				'n8n-nodes-base/node-resource-description-filename-against-convention': 'off',
				'n8n-nodes-base/node-param-fixed-collection-type-unsorted-items': 'off',
			},
		},
		{
			// Everything else in TypeScript: the server, its scripts, the dev kit, scripts and both test suites.
			// Untyped rules only, so no tsconfig has to hold these files.
			files: ['**/*.ts'],
			excludedFiles: ['nodes/**', 'credentials/**'],
			extends: ['eslint:recommended', 'plugin:@typescript-eslint/recommended'],
			parserOptions: { project: null },
		},
		{
			// The few plain JavaScript files: configs, the server launcher, small helpers (CommonJS).
			files: ['**/*.js', '**/*.cjs'],
			extends: ['eslint:recommended'],
			parser: 'espree',
			parserOptions: { project: null, ecmaVersion: 2022, sourceType: 'script' },
		},
	],
};
