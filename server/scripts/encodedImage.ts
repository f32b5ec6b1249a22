/** Scripts hand the engine image files as the server does: with the family the protocol's format rule finds. */
import type { EncodedImage } from '../src/engine/types';
import { sniffImageFamily } from '../src/protocol/imageFormat';

export function encodedImage(data: Buffer, what = 'the image'): EncodedImage {
	const family = sniffImageFamily(data);
	if (!family) throw new Error(`${what} is not JPEG, PNG, PDF or TIFF`);
	return { data, family };
}
