#!/usr/bin/env node
// onnxruntime queues telemetry unless this is set before it loads.
process.env.ORT_DISABLE_TELEMETRY = '1';
const { existsSync } = require('fs');
const { join } = require('path');

const compiled = join(__dirname, '..', 'dist', 'cli.js');
if (existsSync(compiled) && process.env.CLOVA_OCR_FROM_SOURCE !== '1') {
	require(compiled);
} else {
	// From a source checkout without a build: run the TypeScript directly.
	require('tsx/cjs');
	require('../src/cli.ts');
}
