import { GlobalFonts } from '@napi-rs/canvas';
import { existsSync } from 'fs';

/** How a face looks, so designs can pick the kinds real cards use for each role. */
export type FontKind = 'ocr' | 'mono' | 'sans' | 'narrow' | 'serif' | 'geometric';

export interface BenchFont {
	/** The alias registered with GlobalFonts; unique per file so no system fallback can step in. */
	family: string;
	/** The family as fc-list names it, for notes and reports. */
	label: string;
	file: string;
	debianPackage: string;
	kind: FontKind;
}

const face = (label: string, file: string, debianPackage: string, kind: FontKind): BenchFont => ({
	family: `bench ${label}`,
	label,
	file,
	debianPackage,
	kind,
});

const TRUETYPE = '/usr/share/fonts/truetype';
const URW = '/usr/share/fonts/opentype/urw-base35';
const GYRE = '/usr/share/texmf/fonts/opentype/public/tex-gyre';

/** Faces the number, name and expiry can be printed or embossed in. Only files that cover A-Z 0-9 ' - . / */
export const FIELD_FONTS: readonly BenchFont[] = [
	face('OCR-A', `${TRUETYPE}/ocr-a/OCRA.ttf`, 'fonts-ocr-a', 'ocr'),
	face('OCR-B', '/usr/share/fonts/opentype/ocr-b/OCRB.otf', 'fonts-ocr-b', 'ocr'),
	face('DejaVu Sans Mono', `${TRUETYPE}/dejavu/DejaVuSansMono.ttf`, 'fonts-dejavu-core', 'mono'),
	face('Liberation Mono', `${TRUETYPE}/liberation/LiberationMono-Regular.ttf`, 'fonts-liberation', 'mono'),
	face('Nimbus Mono PS Bold', `${URW}/NimbusMonoPS-Bold.otf`, 'fonts-urw-base35', 'mono'),
	face('Cousine', `${TRUETYPE}/croscore/Cousine-Regular.ttf`, 'fonts-croscore', 'mono'),
	face('Inconsolata', `${TRUETYPE}/inconsolata/Inconsolata.otf`, 'fonts-inconsolata', 'mono'),
	face('Hack', `${TRUETYPE}/hack/Hack-Regular.ttf`, 'fonts-hack', 'mono'),
	face('Liberation Sans', `${TRUETYPE}/liberation/LiberationSans-Regular.ttf`, 'fonts-liberation', 'sans'),
	face('DejaVu Sans', `${TRUETYPE}/dejavu/DejaVuSans.ttf`, 'fonts-dejavu-core', 'sans'),
	face('Roboto Medium', `${TRUETYPE}/roboto/unhinted/RobotoTTF/Roboto-Medium.ttf`, 'fonts-roboto-unhinted', 'sans'),
	face('Open Sans Semibold', `${TRUETYPE}/open-sans/OpenSans-Semibold.ttf`, 'fonts-open-sans', 'sans'),
	face('Lato', `${TRUETYPE}/lato/Lato-Regular.ttf`, 'fonts-lato', 'sans'),
	face('Noto Sans', `${TRUETYPE}/noto/NotoSans-Regular.ttf`, 'fonts-noto-core', 'sans'),
	face('Carlito', `${TRUETYPE}/crosextra/Carlito-Regular.ttf`, 'fonts-crosextra-carlito', 'sans'),
	face('TeX Gyre Heros', `${GYRE}/texgyreheros-regular.otf`, 'fonts-texgyre', 'sans'),
	face('FreeSans Bold', `${TRUETYPE}/freefont/FreeSansBold.ttf`, 'fonts-freefont-ttf', 'sans'),
	face('Liberation Sans Narrow', `${TRUETYPE}/liberation/LiberationSansNarrow-Regular.ttf`, 'fonts-liberation', 'narrow'),
	face('Nimbus Sans Narrow', `${URW}/NimbusSansNarrow-Regular.otf`, 'fonts-urw-base35', 'narrow'),
	face('Roboto Condensed', `${TRUETYPE}/roboto/unhinted/RobotoCondensed-Regular.ttf`, 'fonts-roboto-unhinted', 'narrow'),
	face('DejaVu Sans Condensed Bold', `${TRUETYPE}/dejavu/DejaVuSansCondensed-Bold.ttf`, 'fonts-dejavu-extra', 'narrow'),
	face('DejaVu Serif', `${TRUETYPE}/dejavu/DejaVuSerif.ttf`, 'fonts-dejavu-core', 'serif'),
	face('Liberation Serif', `${TRUETYPE}/liberation/LiberationSerif-Regular.ttf`, 'fonts-liberation', 'serif'),
	face('Noto Serif', `${TRUETYPE}/noto/NotoSerif-Regular.ttf`, 'fonts-noto-core', 'serif'),
	face('URW Gothic Demi', `${URW}/URWGothic-Demi.otf`, 'fonts-urw-base35', 'geometric'),
];

/** Faces for bank names, product names and small labels: bold sans and serif as issuers print them. */
export const LABEL_FONTS: readonly BenchFont[] = [
	face('DejaVu Sans Bold', `${TRUETYPE}/dejavu/DejaVuSans-Bold.ttf`, 'fonts-dejavu-core', 'sans'),
	face('Liberation Sans Bold', `${TRUETYPE}/liberation/LiberationSans-Bold.ttf`, 'fonts-liberation', 'sans'),
	face('Roboto Bold', `${TRUETYPE}/roboto/unhinted/RobotoTTF/Roboto-Bold.ttf`, 'fonts-roboto-unhinted', 'sans'),
	face('Open Sans Bold', `${TRUETYPE}/open-sans/OpenSans-Bold.ttf`, 'fonts-open-sans', 'sans'),
	face('Lato Bold', `${TRUETYPE}/lato/Lato-Bold.ttf`, 'fonts-lato', 'sans'),
	face('Roboto Condensed Bold', `${TRUETYPE}/roboto/unhinted/RobotoCondensed-Bold.ttf`, 'fonts-roboto-unhinted', 'narrow'),
	face('Liberation Serif Bold', `${TRUETYPE}/liberation/LiberationSerif-Bold.ttf`, 'fonts-liberation', 'serif'),
	face('TeX Gyre Heros Bold', `${GYRE}/texgyreheros-bold.otf`, 'fonts-texgyre', 'sans'),
];

/** The italic bold face network wordmarks (VISA, DISCOVER) are drawn in. */
export const WORDMARK_FONT: BenchFont = face(
	'Liberation Sans Bold Italic',
	`${TRUETYPE}/liberation/LiberationSans-BoldItalic.ttf`,
	'fonts-liberation',
	'sans',
);

let registered = false;

/**
 * Registers every bench face from its file. All of them are required, always: a set generated
 * from a seed must not change with what happens to be installed.
 */
export function registerBenchFonts(): void {
	if (registered) return;
	const all = [...FIELD_FONTS, ...LABEL_FONTS, WORDMARK_FONT];
	const missing = all.filter((font) => !existsSync(font.file));
	if (missing.length > 0) {
		const packages = [...new Set(missing.map((font) => font.debianPackage))].sort();
		throw new Error(
			`Bench card fonts missing: ${missing.map((font) => `${font.label} (${font.file})`).join(', ')}. Install them with: apt-get install ${packages.join(' ')}`,
		);
	}
	for (const font of all) {
		if (!GlobalFonts.registerFromPath(font.file, font.family))
			throw new Error(`Could not load the font ${font.file} (${font.debianPackage}).`);
	}
	registered = true;
}
