/** Where the repository keeps what tests and tools read, resolved once so no helper counts `..`. */
import { join } from 'path';

export const ROOT = join(__dirname, '..');

/** Small card images in every input format, with truth.json; written by server/scripts/make-fixtures.ts. */
export const FIXTURES = join(ROOT, 'test', 'fixtures');

/** The committed sample cards the examples, the demo and the e2e run read, with truth.json. */
export const SAMPLES = join(ROOT, 'server', 'samples');

/** One card for every capture kind and layout of the bench generator, with truth.json. */
export const CAPTURES = join(SAMPLES, 'captures');

/** Cards the engine misreads, each of whose misread fields must be reported in doubt, with truth.json. */
export const MISREAD = join(SAMPLES, 'misread');

export const EXAMPLES = join(ROOT, 'examples');

/** Git-ignored working space: packed tarballs, benchmark files. */
export const CACHE = join(ROOT, '.cache');

export const LOCAL_SERVER_BIN = join(ROOT, 'server', 'bin', 'clova-ocr-local.js');

/** A stand-in for the recognition worker that answers at once (or crashes on request), for pool tests. */
export const FAKE_RECOGNITION_WORKER = join(__dirname, 'localServer', 'fakeRecognitionWorker.js');

/** The HAProxy config docs/deploy.md explains and test-lb runs. */
export const HAPROXY_CONFIG = join(ROOT, 'deploy', 'haproxy.cfg');
