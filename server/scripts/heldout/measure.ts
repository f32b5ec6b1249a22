/**
 * Ink boxes of SVG text as librsvg draws it: each text is rendered alone with sharp and its
 * alpha scanned, so layouts are checked against the glyphs actually drawn, not font metrics guessed.
 */
import sharp from 'sharp';

export interface FontFace {
	family: string;
	weight: number;
	italic?: boolean;
	/** Short label for truth notes. */
	label: string;
}

export interface Box {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

export const escapeXml = (text: string): string =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function fontAttrs(font: FontFace, size: number, letterSpacing: number): string {
	const spacing = letterSpacing !== 0 ? ` letter-spacing="${letterSpacing.toFixed(3)}"` : '';
	const style = font.italic ? ' font-style="italic"' : '';
	return `font-family="${escapeXml(font.family)}" font-weight="${font.weight}"${style} font-size="${size.toFixed(3)}"${spacing} xml:space="preserve"`;
}

const PX_PER_MM = 24;
const cache = new Map<string, Box>();

/** Ink box in mm of `text` drawn with its start at x=0 and its baseline at y=0. */
export async function measureText(text: string, font: FontFace, size: number, letterSpacing = 0): Promise<Box> {
	const key = `${font.family}|${font.weight}|${font.italic ?? false}|${size.toFixed(3)}|${letterSpacing.toFixed(3)}|${text}`;
	const hit = cache.get(key);
	if (hit) return hit;
	let width = text.length * (size * 0.9 + Math.max(0, letterSpacing)) + size * 2;
	for (let attempt = 0; attempt < 4; attempt++) {
		const left = size;
		const top = size * 1.6;
		const height = size * 2.4;
		const pxW = Math.ceil(width * PX_PER_MM);
		const pxH = Math.ceil(height * PX_PER_MM);
		const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${pxW}" height="${pxH}" viewBox="${-left} ${-top} ${width} ${height}"><text x="0" y="0" ${fontAttrs(font, size, letterSpacing)} fill="#000">${escapeXml(text)}</text></svg>`;
		const { data, info } = await sharp(Buffer.from(svg)).ensureAlpha().extractChannel(3).raw().toBuffer({ resolveWithObject: true });
		let minX = info.width;
		let minY = info.height;
		let maxX = -1;
		let maxY = -1;
		for (let y = 0; y < info.height; y++) {
			const row = y * info.width;
			for (let x = 0; x < info.width; x++) {
				if ((data[row + x] ?? 0) > 24) {
					if (x < minX) minX = x;
					if (x > maxX) maxX = x;
					if (y < minY) minY = y;
					if (y > maxY) maxY = y;
				}
			}
		}
		if (maxX < 0) throw new Error(`nothing drawn for "${text}" in ${font.family}; is the font installed?`);
		if (maxX >= info.width - 2) {
			width *= 1.8;
			continue;
		}
		const box = {
			x0: minX / PX_PER_MM - left,
			y0: minY / PX_PER_MM - top,
			x1: (maxX + 1) / PX_PER_MM - left,
			y1: (maxY + 1) / PX_PER_MM - top,
		};
		cache.set(key, box);
		return box;
	}
	throw new Error(`could not measure "${text}"`);
}

export const boxesOverlap = (a: Box, b: Box, pad: number): boolean =>
	a.x0 < b.x1 + pad && b.x0 < a.x1 + pad && a.y0 < b.y1 + pad && b.y0 < a.y1 + pad;

export const shiftBox = (b: Box, dx: number, dy: number): Box => ({ x0: b.x0 + dx, y0: b.y0 + dy, x1: b.x1 + dx, y1: b.y1 + dy });
