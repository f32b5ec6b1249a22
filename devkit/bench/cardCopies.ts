/** The image sets the benchmark feeds n8n: copies of the committed sample cards, and one 30 MB card. */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'fs';
import { join } from 'path';

import sharp from 'sharp';

import type { CardTruth } from '../fixtures';
import { sampleTruth } from '../fixtures';
import { SAMPLES } from '../paths';

const stem = (fileName: string): string => fileName.replace(/\.[^.]+$/, '');

const truthByStem = new Map(Object.entries(sampleTruth).map(([file, truth]) => [stem(file), truth]));

/** `card-0042--photo-001.jpg` -> the truth of photo-001, so the server can answer any copy (or re-encoding). */
export function truthOfCopy(fileName: string): CardTruth | undefined {
	const sample = fileName.split('--')[1];
	return sample === undefined ? undefined : truthByStem.get(stem(sample));
}

/** The digit that makes `body` + digit pass the Luhn check. */
function luhnCheckDigit(body: string): string {
	let sum = 0;
	for (let i = 0; i < body.length; i++) {
		// Counted from the right of the full number, the body's last digit is the second: doubled.
		let digit = Number(body[body.length - 1 - i]);
		if (i % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
		sum += digit;
	}
	return String((10 - (sum % 10)) % 10);
}

/**
 * Like truthOfCopy, but every copy gets its own card number: the copy's index (mod 1000) in the
 * three digits before the check digit, which is recomputed, so the number stays Luhn-valid, keeps
 * its brand prefix, and still tells copies apart once masked to its first 6 and last 4 digits. A
 * scripted server answering with these lets a test see which upload an answer belongs to.
 */
export function distinctTruthOfCopy(fileName: string): CardTruth | undefined {
	const truth = truthOfCopy(fileName);
	const index = /^card-(\d+)--/.exec(fileName)?.[1];
	if (!truth || index === undefined) return truth;
	const { number } = truth;
	const body = number.slice(0, -4) + String(Number(index) % 1000).padStart(3, '0');
	return { ...truth, number: body + luhnCheckDigit(body) };
}

/** `count` files cycling through the samples (or only `onlySample`), in a fresh folder. */
export function cardCopies(folder: string, count: number, onlySample?: string): string {
	rmSync(folder, { recursive: true, force: true });
	mkdirSync(folder, { recursive: true });
	const samples = onlySample
		? [onlySample]
		: readdirSync(SAMPLES)
				.filter((f) => /\.(png|jpg)$/.test(f))
				.sort();
	for (let i = 0; i < count; i++) {
		const sample = samples[i % samples.length];
		copyFileSync(join(SAMPLES, sample), join(folder, `card-${String(i).padStart(4, '0')}--${sample}`));
	}
	return folder;
}

/**
 * A real card photo scaled to 4000 x 2500 and stored as an uncompressed PNG: 30.0 MB, the size
 * of an unprocessed scan, and the same bytes on every machine (no random noise).
 */
export async function largeCard(folder: string): Promise<{ path: string; bytes: number }> {
	mkdirSync(folder, { recursive: true });
	const path = join(folder, 'card-large--photo-000.png');
	if (!existsSync(path)) {
		await sharp(join(SAMPLES, 'photo-000.jpg')).resize(4000, 2500, { fit: 'fill' }).png({ compressionLevel: 0 }).toFile(path);
	}
	return { path, bytes: statSync(path).size };
}
