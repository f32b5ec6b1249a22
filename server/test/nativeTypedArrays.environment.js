/**
 * Jest's node environment gives each test file its own typed-array constructors, and
 * onnxruntime-node checks its outputs against them: every tensor it returns fails the check. Test
 * files that run a model in process use this environment, which shares the process's own.
 */
const { TestEnvironment } = require('jest-environment-node');

const TYPED_ARRAYS = [
	'ArrayBuffer',
	'Float32Array',
	'Float64Array',
	'Int8Array',
	'Int16Array',
	'Int32Array',
	'BigInt64Array',
	'Uint8Array',
	'Uint16Array',
	'Uint32Array',
	'BigUint64Array',
];

class NativeTypedArraysEnvironment extends TestEnvironment {
	constructor(config, context) {
		super(config, context);
		for (const name of TYPED_ARRAYS) this.global[name] = globalThis[name];
	}
}

module.exports = NativeTypedArraysEnvironment;
