/** Card images named on a command line: files as given, folders walked; what is not an image CLOVA reads is set aside. */
import { readdirSync, statSync } from 'fs';
import { extname, join, relative } from 'path';

/** The extensions of the formats CLOVA's credit-card API takes (JPEG, PNG, single-page PDF and TIFF). */
export const CARD_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.pdf', '.tif', '.tiff'];

export function isCardImageName(file: string): boolean {
	return CARD_EXTENSIONS.includes(extname(file).toLowerCase());
}

export interface CardFileList {
	/** Images to read, in the order given, each folder's files sorted. */
	images: string[];
	/** Files in the folders that are not images CLOVA reads. */
	skipped: string[];
	/** Paths that could not be looked at, with why: they become rows with the error. */
	missing: Array<{ path: string; error: string }>;
}

function reason(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'ENOENT') return 'no such file or folder';
	if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
	return error instanceof Error ? error.message : String(error);
}

/**
 * A file named directly is read whatever its extension (the reader says what is wrong with it);
 * inside a folder only the image extensions are taken, the rest listed as skipped. Hidden entries
 * are left out of the walk.
 */
export function collectCardFiles(paths: string[]): CardFileList {
	const list: CardFileList = { images: [], skipped: [], missing: [] };
	const walk = (dir: string) => {
		let entries: string[];
		try {
			entries = readdirSync(dir).sort();
		} catch (error) {
			list.missing.push({ path: dir, error: reason(error) });
			return;
		}
		for (const entry of entries) {
			if (entry.startsWith('.')) continue;
			const path = join(dir, entry);
			let isDir: boolean;
			try {
				isDir = statSync(path).isDirectory();
			} catch (error) {
				list.missing.push({ path, error: reason(error) });
				continue;
			}
			if (isDir) walk(path);
			else if (isCardImageName(entry)) list.images.push(path);
			else list.skipped.push(path);
		}
	};
	for (const path of paths) {
		try {
			if (statSync(path).isDirectory()) walk(path);
			else list.images.push(path);
		} catch (error) {
			list.missing.push({ path, error: reason(error) });
		}
	}
	return list;
}

/** A path as the user would recognise it: relative to the working folder when inside it. */
export function displayPath(path: string, cwd = process.cwd()): string {
	const rel = relative(cwd, path);
	return rel && !rel.startsWith('..') ? rel : path;
}
