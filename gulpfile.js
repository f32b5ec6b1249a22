const path = require('path');
const { task, src, dest, parallel } = require('gulp');

// tsc only emits JavaScript: icons and codex files must reach dist/ beside the compiled node.
function copyNodeAssets() {
	return src(path.resolve('nodes', '**', '*.{png,svg,json}'), { encoding: false }).pipe(dest(path.resolve('dist', 'nodes')));
}

function copyCredentialAssets() {
	return src(path.resolve('credentials', '**', '*.{png,svg}'), {
		encoding: false,
		allowEmpty: true,
	}).pipe(dest(path.resolve('dist', 'credentials')));
}

task('build:icons', parallel(copyNodeAssets, copyCredentialAssets));
