import sharp from 'sharp';

import type { CardTruth } from './cardData';
import { randomTruth } from './cardData';
import { photograph } from './photoEffects';
import { between, seededRandom } from './random';
import { availableCardFonts, randomStyle, renderCardFront } from './renderCard';

export type Tier = 'flat' | 'photo' | 'hard';

export const TIERS: Tier[] = ['flat', 'photo', 'hard'];

export interface SyntheticCard {
	id: string;
	tier: Tier;
	truth: CardTruth;
	format: 'png' | 'jpg';
	data: Buffer;
	/** What made it hard, for reading failures. */
	notes: string;
}

/**
 * A printed valid-thru date in place of the random one, by card id (`photo-001`); undefined keeps
 * the random date. Everything else about the card, and every later card, stays as the seed makes it.
 */
export type ValidThruOverride = (id: string) => string | undefined;

/**
 * A reproducible set of card images with ground truth. flat: straight scans; photo: phone
 * photos with mild tilt, blur and noise; hard: up to 15 degrees, strong perspective, glare,
 * heavy blur and noise, JPEG quality down to 45, embossed and dark finishes.
 */
export async function generateCardSet(
	seed: number,
	perTier: number,
	tiers: Tier[] = TIERS,
	validThruOf: ValidThruOverride = () => undefined,
): Promise<SyntheticCard[]> {
	const fonts = availableCardFonts();
	const cards: SyntheticCard[] = [];
	for (const tier of tiers) {
		const random = seededRandom(seed * 1000 + TIERS.indexOf(tier) + 1);
		for (let i = 0; i < perTier; i++) {
			const id = `${tier}-${String(i).padStart(3, '0')}`;
			const drawn = randomTruth(random, { longName: random() < 0.12, brand: random() < 0.2 ? 'amex' : undefined });
			const truth = { ...drawn, validThru: validThruOf(id) ?? drawn.validThru };
			const style = randomStyle(random, {
				font: fonts[i % fonts.length],
				...(tier === 'flat' ? { finish: random() < 0.7 ? 'flat' : 'embossedSilver' } : {}),
			});
			const png = renderCardFront(truth, style, random);
			let data: Buffer;
			let format: 'png' | 'jpg';
			let notes = `${style.font}, ${style.finish}, ${style.dark ? 'dark' : 'light'}${style.showValidThruLabel ? '' : ', no label'}`;
			if (tier === 'flat') {
				format = random() < 0.5 ? 'png' : 'jpg';
				data = format === 'png' ? png : await sharp(png).flatten({ background: '#ffffff' }).jpeg({ quality: 90 }).toBuffer();
			} else {
				const hard = tier === 'hard';
				const options = {
					rotationDeg: between(random, -1, 1) * (hard ? 15 : 6),
					perspective: hard ? between(random, 0.02, 0.06) : between(random, 0, 0.025),
					blurSigma: hard ? between(random, 0.6, 1.6) : between(random, 0, 0.8),
					noiseSigma: hard ? between(random, 4, 12) : between(random, 1, 5),
					glare: hard ? between(random, 0.2, 0.55) : random() < 0.3 ? between(random, 0.1, 0.3) : 0,
					jpegQuality: hard ? between(random, 45, 65) : between(random, 65, 90),
					cardScale: between(random, 0.6, 0.85),
				};
				data = await photograph(png, options, random);
				format = 'jpg';
				notes += `, rot ${options.rotationDeg.toFixed(1)}, blur ${options.blurSigma.toFixed(1)}, q${Math.round(options.jpegQuality)}, glare ${options.glare.toFixed(2)}`;
			}
			cards.push({ id, tier, truth, format, data, notes });
		}
	}
	return cards;
}
