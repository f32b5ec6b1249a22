// Preloaded into the n8n process with `node --require`: on exit, writes the process's peak
// resident set size (kernel high-water mark, KiB) to the file named by BENCH_PEAK_RSS_FILE.
'use strict';
const { writeFileSync } = require('fs');

const target = process.env.BENCH_PEAK_RSS_FILE;
if (target) {
	process.on('exit', () => {
		writeFileSync(target, String(process.resourceUsage().maxRSS));
	});
}
