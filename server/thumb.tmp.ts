/** npx tsx server/thumb.tmp.ts SRC OUT.png [x y w h] [max] */
import { readFileSync } from 'fs';
import sharp from 'sharp';
import { decodeImage } from './src/engine/decode';
import { encodedImage } from './scripts/encodedImage';
async function main(): Promise<void> {
	const [src, out, x, y, w, h, max] = process.argv.slice(2);
	const img = await decodeImage(encodedImage(readFileSync(src!), src!));
	let s = sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 3 } });
	if (w) s = s.extract({ left: Number(x), top: Number(y), width: Number(w), height: Number(h) });
	await s.resize({ width: Number(max ?? 1000), height: Number(max ?? 1000), fit: 'inside' }).png().toFile(out!);
	console.log(img.width, img.height);
}
void main();
