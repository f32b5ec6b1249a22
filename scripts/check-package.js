// The published tarball must hold the built node and nothing else (no tests, fixtures or server), both
// icon variants, and a package.json without the repository's dev-only `overrides` (prepack strips them).
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clova-check-package-'));
try {
	// A real pack with its lifecycle scripts, as `npm publish` makes it (--dry-run would skip writing it).
	const [pack] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' }));
	const files = pack.files.map((f) => f.path);
	const allowed = /^(dist\/(nodes|credentials)\/|package\.json$|README\.md$|LICENSE(\.md)?$)/;
	const stray = files.filter((f) => !allowed.test(f));
	const required = [
		'dist/nodes/ClovaOcr/ClovaOcr.node.js',
		'dist/nodes/ClovaOcr/clovaOcr.svg',
		'dist/nodes/ClovaOcr/clovaOcr.dark.svg',
		'dist/nodes/ClovaOcr/ClovaOcr.node.json',
		'dist/credentials/ClovaOcrApi.credentials.js',
		'dist/credentials/clovaOcr.svg',
		'dist/credentials/clovaOcr.dark.svg',
	];
	const missing = required.filter((f) => !files.includes(f));

	execFileSync('tar', ['-xzf', path.join(dir, pack.filename), '-C', dir, 'package/package.json']);
	const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package', 'package.json'), 'utf8'));
	const problems = [];
	if ('overrides' in manifest) problems.push('package.json has "overrides" (prepack did not run or did not strip them)');
	if (!manifest.author?.name || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(manifest.author?.email ?? ''))
		problems.push('author needs a name and an email');
	if (!/^https:\/\//.test(manifest.homepage ?? '')) problems.push('homepage missing');
	if (!/github\.com\/[^/]+\/[^/]+\.git$/.test(manifest.repository?.url ?? '')) problems.push('repository.url is not a GitHub repository');
	const unchanged = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	const dropped = Object.keys(unchanged).filter((key) => key !== 'overrides' && !(key in manifest));
	if (dropped.length) problems.push(`packed package.json lost ${dropped.join(', ')}`);

	if (stray.length || missing.length || problems.length) {
		console.error(
			`package check failed\n  not allowed: ${stray.join(', ') || '-'}\n  missing: ${missing.join(', ') || '-'}\n  package.json: ${problems.join('; ') || '-'}`,
		);
		process.exit(1);
	}
	console.log(
		`package ok: ${files.length} files, ${pack.size} bytes packed, ${pack.unpackedSize} unpacked; package.json without overrides`,
	);
} finally {
	fs.rmSync(dir, { recursive: true, force: true });
}
