/** The demo's sample cards: one expired on purpose, named so in truth.json; every other one still valid today. */
import { readTruth } from '../devkit/fixtures';
import type { CardTruth } from '../devkit/fixtures';
import { SAMPLES } from '../devkit/paths';
import { parseExpiry } from '../nodes/ClovaOcr/cardInsights';

const samples = Object.entries(readTruth<CardTruth & { expiredOnPurpose?: boolean }>(SAMPLES));

test('exactly one sample is expired on purpose, and it is expired', () => {
	const marked = samples.filter(([, truth]) => truth.expiredOnPurpose);
	expect(marked.map(([file]) => file)).toEqual(['flat-000.png']);
	expect(parseExpiry(marked[0][1].validThru, new Date())?.isExpired).toBe(true);
});

test.each(samples.filter(([, truth]) => !truth.expiredOnPurpose))('%s is valid today', (_, truth) => {
	expect(parseExpiry(truth.validThru, new Date())?.isExpired).toBe(false);
});
