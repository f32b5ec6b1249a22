// The published tarball must hold the built node and nothing else: no tests, fixtures or server.
const { execFileSync } = require('child_process');

const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }));
const files = pack.files.map((f) => f.path);
const allowed = /^(dist\/(nodes|credentials)\/|dist\/package\.json$|package\.json$|README\.md$|LICENSE(\.md)?$)/;
const stray = files.filter((f) => !allowed.test(f));
const required = [
	'dist/nodes/ClovaOcr/ClovaOcr.node.js',
	'dist/nodes/ClovaOcr/clovaOcr.svg',
	'dist/nodes/ClovaOcr/ClovaOcr.node.json',
	'dist/credentials/ClovaOcrApi.credentials.js',
];
const missing = required.filter((f) => !files.includes(f));
if (stray.length || missing.length) {
	console.error(`package check failed\n  not allowed: ${stray.join(', ') || '-'}\n  missing: ${missing.join(', ') || '-'}`);
	process.exit(1);
}
console.log(`package ok: ${files.length} files, ${pack.size} bytes packed, ${pack.unpackedSize} unpacked`);
