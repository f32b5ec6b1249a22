/** The committed card images and what is printed on them. */
import { readFileSync } from 'fs';
import { join } from 'path';

import { FIXTURES, SAMPLES } from './paths';

/** What is printed on a card: the fields every truth.json gives, whatever else a set adds. */
export interface CardTruth {
	name: string;
	number: string;
	validThru: string;
}

/** A folder's truth.json: image file name -> what is printed on that card. */
export function readTruth<T extends CardTruth = CardTruth>(folder: string): Record<string, T> {
	return JSON.parse(readFileSync(join(folder, 'truth.json'), 'utf8')) as Record<string, T>;
}

export const fixtureTruth = readTruth(FIXTURES);

export const sampleTruth = readTruth(SAMPLES);

export function fixture(name: string): Buffer {
	return readFileSync(join(FIXTURES, name));
}

const MIME: Record<string, string> = {
	png: 'image/png',
	jpg: 'image/jpeg',
	pdf: 'application/pdf',
	tiff: 'image/tiff',
	gif: 'image/gif',
	webp: 'image/webp',
	txt: 'text/plain',
};

export interface FixtureInput {
	data: Buffer;
	fileName: string;
	mimeType: string;
}

/** A fixture as a binary input, with the MIME type n8n would have guessed from its extension. */
export function fixtureInput(name: string, mimeType?: string): FixtureInput {
	return { data: fixture(name), fileName: name, mimeType: mimeType ?? MIME[name.split('.').pop() ?? ''] ?? 'application/octet-stream' };
}
