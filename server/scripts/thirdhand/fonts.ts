/**
 * The faces cards are printed in: Debian font packages under /usr/share/fonts, registered with
 * @napi-rs/canvas under short aliases and grouped by tag. A face whose file is missing is skipped.
 */
import { existsSync } from 'fs';

import { GlobalFonts } from '@napi-rs/canvas';

const T = '/usr/share/fonts/truetype';
const O = '/usr/share/fonts/opentype';

// [alias, file, tags]. The tags the card picks by: emb = a plausible embossing face, embsans = a sans that
// embossers also use, num / name = flat-printed number and name, label = small print, bank = wordmarks.
// The others (narrow, serif, mono, ocr, logo, typed, hand) only describe the face: logos, props and scans
// name their faces directly.
const DEFS: Array<[string, string, string]> = [
	['RobotoR', `${T}/roboto/unhinted/RobotoTTF/Roboto-Regular.ttf`, 'num name label'],
	['RobotoM', `${T}/roboto/unhinted/RobotoTTF/Roboto-Medium.ttf`, 'num name bank'],
	['RobotoB', `${T}/roboto/unhinted/RobotoTTF/Roboto-Bold.ttf`, 'num name bank embsans'],
	['RobotoL', `${T}/roboto/unhinted/RobotoTTF/Roboto-Light.ttf`, 'num name'],
	['RobotoCondR', `${T}/roboto/unhinted/RobotoCondensed-Regular.ttf`, 'num name label narrow'],
	['RobotoCondB', `${T}/roboto/unhinted/RobotoCondensed-Bold.ttf`, 'num name bank narrow embsans'],
	['LatoR', `${T}/lato/Lato-Regular.ttf`, 'num name label'],
	['LatoB', `${T}/lato/Lato-Bold.ttf`, 'num name bank'],
	['LatoBlack', `${T}/lato/Lato-Black.ttf`, 'bank'],
	['LatoLight', `${T}/lato/Lato-Light.ttf`, 'name bank'],
	['OpenSansR', `${T}/open-sans/OpenSans-Regular.ttf`, 'num name label'],
	['OpenSansSB', `${T}/open-sans/OpenSans-Semibold.ttf`, 'num name bank'],
	['OpenSansCondB', `${T}/open-sans/OpenSans-CondBold.ttf`, 'name bank narrow'],
	['OpenSansCondL', `${T}/open-sans/OpenSans-CondLight.ttf`, 'label narrow'],
	['NotoSansR', `${T}/noto/NotoSans-Regular.ttf`, 'num name label'],
	['NotoSansB', `${T}/noto/NotoSans-Bold.ttf`, 'num name bank'],
	['NotoSansDispR', `${T}/noto/NotoSansDisplay-Regular.ttf`, 'num name'],
	['LibSansR', `${T}/liberation/LiberationSans-Regular.ttf`, 'num name label'],
	['LibSansB', `${T}/liberation/LiberationSans-Bold.ttf`, 'num name bank embsans'],
	['LibSansNarR', `${T}/liberation/LiberationSansNarrow-Regular.ttf`, 'name label narrow'],
	['LibSansNarB', `${T}/liberation/LiberationSansNarrow-Bold.ttf`, 'num name narrow'],
	['ArimoR', `${T}/croscore/Arimo-Regular.ttf`, 'label'],
	['ArimoB', `${T}/croscore/Arimo-Bold.ttf`, 'bank'],
	['ArimoBI', `${T}/croscore/Arimo-BoldItalic.ttf`, 'logo'],
	['CarlitoR', `${T}/crosextra/Carlito-Regular.ttf`, 'num name label'],
	['CarlitoB', `${T}/crosextra/Carlito-Bold.ttf`, 'num name'],
	['DejaVuSans', `${T}/dejavu/DejaVuSans.ttf`, 'num name label'],
	['DejaVuSansB', `${T}/dejavu/DejaVuSans-Bold.ttf`, 'num name bank embsans'],
	['DejaVuSansCond', `${T}/dejavu/DejaVuSansCondensed.ttf`, 'num name label narrow'],
	['DejaVuSansCondB', `${T}/dejavu/DejaVuSansCondensed-Bold.ttf`, 'num name narrow'],
	['NimbusSansR', `${O}/urw-base35/NimbusSans-Regular.otf`, 'name label'],
	['NimbusSansB', `${O}/urw-base35/NimbusSans-Bold.otf`, 'num name bank'],
	['NimbusSansBI', `${O}/urw-base35/NimbusSans-BoldItalic.otf`, 'logo'],
	['NimbusSansNarR', `${O}/urw-base35/NimbusSansNarrow-Regular.otf`, 'label narrow'],
	['NimbusSansNarB', `${O}/urw-base35/NimbusSansNarrow-Bold.otf`, 'num name narrow'],
	['FreeSansR', `${T}/freefont/FreeSans.ttf`, 'name label'],
	['FreeSansB', `${T}/freefont/FreeSansBold.ttf`, 'num name'],
	['URWGothicBook', `${O}/urw-base35/URWGothic-Book.otf`, 'num name bank'],
	['URWGothicDemi', `${O}/urw-base35/URWGothic-Demi.otf`, 'name bank'],
	['TinosR', `${T}/croscore/Tinos-Regular.ttf`, 'name bank serif'],
	['TinosB', `${T}/croscore/Tinos-Bold.ttf`, 'bank serif'],
	['NotoSerifR', `${T}/noto/NotoSerif-Regular.ttf`, 'name bank serif'],
	['NotoSerifB', `${T}/noto/NotoSerif-Bold.ttf`, 'bank serif'],
	['C059R', `${O}/urw-base35/C059-Roman.otf`, 'name bank serif'],
	['C059B', `${O}/urw-base35/C059-Bold.otf`, 'bank serif'],
	['P052R', `${O}/urw-base35/P052-Roman.otf`, 'bank serif'],
	['P052B', `${O}/urw-base35/P052-Bold.otf`, 'bank serif'],
	['LibSerifR', `${T}/liberation/LiberationSerif-Regular.ttf`, 'name serif'],
	['LibSerifB', `${T}/liberation/LiberationSerif-Bold.ttf`, 'bank name serif'],
	['DejaVuSerif', `${T}/dejavu/DejaVuSerif.ttf`, 'name serif'],
	['BookmanL', `${O}/urw-base35/URWBookman-Light.otf`, 'bank serif'],
	['BookmanD', `${O}/urw-base35/URWBookman-Demi.otf`, 'bank serif'],
	['CousineR', `${T}/croscore/Cousine-Regular.ttf`, 'num name mono'],
	['CousineB', `${T}/croscore/Cousine-Bold.ttf`, 'emb num name mono'],
	['LibMonoR', `${T}/liberation/LiberationMono-Regular.ttf`, 'num mono'],
	['LibMonoB', `${T}/liberation/LiberationMono-Bold.ttf`, 'emb num name mono'],
	['DejaVuMono', `${T}/dejavu/DejaVuSansMono.ttf`, 'num name mono'],
	['DejaVuMonoB', `${T}/dejavu/DejaVuSansMono-Bold.ttf`, 'emb num name mono'],
	['NimbusMonoR', `${O}/urw-base35/NimbusMonoPS-Regular.otf`, 'num mono typed'],
	['NimbusMonoB', `${O}/urw-base35/NimbusMonoPS-Bold.otf`, 'emb num mono'],
	['FreeMonoB', `${T}/freefont/FreeMonoBold.ttf`, 'emb num mono'],
	['FreeMonoR', `${T}/freefont/FreeMono.ttf`, 'typed'],
	['HackR', `${T}/hack/Hack-Regular.ttf`, 'num name mono'],
	['HackB', `${T}/hack/Hack-Bold.ttf`, 'emb num mono'],
	['Inconsolata', `${T}/inconsolata/Inconsolata.otf`, 'emb num name mono'],
	['OCRA', `${T}/ocr-a/OCRA.ttf`, 'emb num name ocr'],
	['OCRB', `${O}/ocr-b/OCRB.otf`, 'emb num name ocr'],
	['Z003', `${O}/urw-base35/Z003-MediumItalic.otf`, 'hand'],
];

const byTag = new Map<string, string[]>();
let loaded = false;

export function loadFonts(): void {
	if (loaded) return;
	for (const [alias, file, tags] of DEFS) {
		if (!existsSync(file)) continue;
		GlobalFonts.registerFromPath(file, alias);
		for (const tag of tags.split(' ')) {
			let list = byTag.get(tag);
			if (!list) byTag.set(tag, (list = []));
			list.push(alias);
		}
	}
	loaded = true;
}

/** Aliases of the loaded faces with this tag, in DEFS order. */
export function fontsWith(tag: string): string[] {
	return byTag.get(tag) ?? [];
}
