// prepack / postpack: the package.json that npm pack and npm publish ship has no `overrides`.
// They pin what this repository's own install needs (n8n 1.x as a dev dependency on Node 20, the
// community lint plugin's peer) and mean nothing in a user's n8n; n8n's community checks reject them.
// `strip` writes package.json without them and keeps them in .cache/; `restore` puts them back where
// they were, into package.json as it is then, so an edit made while packing is kept.
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const MANIFEST = path.join(ROOT, 'package.json');
const KEPT = path.join(ROOT, '.cache', 'pack-overrides.json');

function write(manifest) {
	fs.writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
}

function strip() {
	if (fs.existsSync(KEPT)) {
		console.error(
			`${path.relative(ROOT, KEPT)} exists: an earlier pack stopped before postpack. Run: node scripts/pack-manifest.js restore`,
		);
		process.exit(1);
	}
	const manifest = JSON.parse(fs.readFileSync(MANIFEST, 'utf8'));
	if (!('overrides' in manifest)) return;
	const keys = Object.keys(manifest);
	const after = keys[keys.indexOf('overrides') - 1] ?? null;
	fs.mkdirSync(path.dirname(KEPT), { recursive: true });
	fs.writeFileSync(KEPT, JSON.stringify({ after, overrides: manifest.overrides }));
	delete manifest.overrides;
	write(manifest);
}

function restore() {
	if (!fs.existsSync(KEPT)) return;
	const { after, overrides } = JSON.parse(fs.readFileSync(KEPT, 'utf8'));
	const manifest = JSON.parse(fs.readFileSync(MANIFEST, 'utf8'));
	const restored = {};
	if (after === null) restored.overrides = overrides;
	for (const [key, value] of Object.entries(manifest)) {
		if (key === 'overrides') continue;
		restored[key] = value;
		if (key === after) restored.overrides = overrides;
	}
	if (!('overrides' in restored)) restored.overrides = overrides;
	write(restored);
	fs.unlinkSync(KEPT);
}

const action = { strip, restore }[process.argv[2]];
if (!action) {
	console.error('usage: node scripts/pack-manifest.js strip|restore');
	process.exit(2);
}
action();
