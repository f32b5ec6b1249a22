import { DECOY_WORDS } from './fieldExpiry';
import type { PlacedChar, TextRow } from './textRows';
import {
	editDistanceAtMostOne,
	FAINT_MODEL_SPACE,
	LETTER_FOR_DIGIT,
	runText,
	SPACE_THRESHOLD,
	spanQuad,
	splitRuns,
	SURE_GAP_PROB,
} from './textRows';
import { aheadOnLine, distance, dot, extendQuadEnds, insideQuad, lineOffset, median, quadCenter, quadHeight } from './geometry';

export interface NameChoice {
	text: string;
	/** One run of characters per word. */
	words: PlacedChar[][];
	row: TextRow;
	confidence: number;
	/**
	 * When its first letter sits on its box's very edge (see `readName`): what the name earns without
	 * that doubt. A crop reaching past that edge can settle it.
	 */
	apartFromEdge?: number;
	/**
	 * The model saw a hyphen or a letter it did not emit, in a gap or between letters, or emitted a
	 * space its crop does not back: see FieldReading.markSeen.
	 */
	hyphenSeen?: true;
	/** Set apart from a page's line boxed beside it: see FieldReading.pageSetApart. */
	pageSetApart?: true;
	/** The recogniser's strongest runner-up that is another letter, behind any of the name's letters. */
	letterRival: number;
}

/** The words of the labels printed by a card's dates: its expiry's and its decoys' (ISSUE DATE, MEMBER SINCE). */
const DATE_LABEL_WORDS =
	'VALID VALIDTHRU THRU GOOD GOODTHRU FROM UNTIL MEMBER SINCE EXPIRES EXPIRY EXPIRATION EXP END ENDS MONTH YEAR DATE ISSUE ISSUED'.split(
		' ',
	);

/**
 * Words printed on cards that are not a holder's name: issuers, networks, products and labels. A
 * line holding one of them is an issuer or product line, so none of its words is the name.
 */
const CARD_WORDS = new Set([
	...DATE_LABEL_WORDS,
	...(
		'BANK BANKING BANCO BANQUE BANCA CARD CARDS CREDIT DEBIT CHECK CHECKING UNION FEDERAL FINANCIAL FINANCE SAVINGS TRUST CAPITAL ' +
		'COMMUNITY NATIONAL INTERNATIONAL GROUP HOLDINGS COMPANY CORP CORPORATION INC LTD LLC PLC SA AG AND CO COOP COOPERATIVE MUTUAL ' +
		'VISA MASTERCARD MASTER AMEX AMERICAN EXPRESS JCB DISCOVER UNIONPAY DINERS CLUB MAESTRO CIRRUS ELECTRON INTERAC ' +
		// Discover's logo prints its O as a ball: the letters before it are read as a word of their own.
		'DISC ' +
		'PLATINUM GOLD SILVER CLASSIC SIGNATURE INFINITE WORLD ELITE PREFERRED PREMIER PREMIUM TITANIUM BLACK RESERVE SAPPHIRE ' +
		'BUSINESS CORPORATE COMMERCIAL PURCHASING ELECTRONIC ONLY USE PREPAID REWARDS REWARD CASH CASHBACK BACK MILES POINTS TRAVEL ' +
		'STUDENT SECURED VIRTUAL GIFT CONTACTLESS AUTHORIZED AUTHORISED SIGNATURE NOT TRANSFERABLE CARDHOLDER CUSTOMER SERVICE ' +
		'PLUS SELECT ADVANTAGE EDGE INFINITY ONE FIRST STATE CITY FREEDOM UNLIMITED EVERYDAY PERSONAL PRIVATE WEALTH PAY MONEY ' +
		'SERVICES SERVICE SOLUTIONS CONSULTING DENTAL MEDICAL CLINIC STUDIO SHOP STORE MARKET HOTEL RESTAURANT CAFE LOGISTICS ' +
		'TECHNOLOGIES TECHNOLOGY SYSTEMS PARTNERS ASSOCIATES ENTERPRISES INDUSTRIES TRADING LABS HEALTH INSURANCE UNIVERSITY SCHOOL ' +
		'STANDARD DIAMOND PRESTIGE PRIME ULTRA SMART CHOICE LUXURY ICON ORIGIN SKY PREMIERE AIRLINES AIR NAME ' +
		// Card, bank and date words of other languages, printed in title case as often as in capitals
		// (Carte de Paiement, Tarjeta de Debito) and as small legends (MOIS ANNEE under a date).
		'CARTE TARJETA CAJA CAIXA CASSA CREDITO DEBITO AHORROS RISPARMIO PAIEMENT MOIS ANNEE MES ANO MONAT JAHR MESE ANNO VENCE GULTIG ' +
		// Korean issuers, whose names are printed without a CARD beside them as often as with one.
		'NONGHYUP SHINHAN KOOKMIN WOORI SAMSUNG HYUNDAI LOTTE CITIBANK KAKAOBANK KBANK SUHYUP ' +
		// Savings and cooperative banks' words of other languages, printed without BANK apart (FJORD SPAREBANK).
		'SPAREBANK SPAREBANKEN SPARBANK SPARBANKEN SPARKASSE VOLKSBANK RAIFFEISEN KREDIT ' +
		// Issuers' words that are no one's name (independent seed 211: HIGHLAND EXCHANGE reported as the
		// name of a card whose own was not found).
		'EXCHANGE BANCORP ASSOCIATION SOCIETY INVESTMENTS SECURITIES ' +
		// Credit unions' and savings banks' short forms (a fourth-hand probe: GREAT LAKES CU reported at 0.999
		// for the name of a card whose own was read run together, SZYMONGRABOWSKI; CU is a name too, below).
		'CU FCU FSB ' +
		// A company's words on a business card, printed under or over the holder's name (KORU ARCHITECTS
		// tied with LEA YI, third-hand set 34; NORTHPOINT SUPPLY, its CO lost, chosen over HAN DONG-HYUN,
		// independent seed 237), and legal forms.
		// Not those a letter away from a name (MEDIA, LEGAL, BAKERY, MOTORS: MEDINA, LEAL, BAKERS, MOORS),
		// as words of five letters and more are matched a letter off.
		'ARCHITECTS ARCHITECTURE FREIGHT ENGINEERING CONSTRUCTION PROPERTIES REALTY ACCOUNTING ' +
		'SUPPLY SUPPLIES VENTURES AGENCY DIGITAL TRANSPORT PHARMACY ROOFING PLUMBING GMBH LIMITED PTY ' +
		// Trades' words (third-hand set 37: FENWICK ELECTRICAL tied with YUKI GREEN and ARJUN Q BAKER);
		// not CATERING, a letter from CATERINA (a read-only review).
		'ELECTRICAL ELECTRIC MECHANICAL LANDSCAPING CLEANING AUTOMOTIVE ' +
		// Words of phrases that are no one's name: an issuer's (BANK OF ...), a scanned page's caption
		// (Front of card, read Front Of: third-hand set 32, tied with ZOE D. WALKER).
		'OF FOR'
	).split(' '),
]);

/** Card words that name a product or tier, printed after the holder's name on some cards. */
// prettier-ignore
const PRODUCT_WORDS = new Set([
	'PLATINUM', 'GOLD', 'SILVER', 'CLASSIC', 'SIGNATURE', 'INFINITE', 'WORLD', 'ELITE', 'PREFERRED', 'PREMIER', 'PREMIUM',
	'TITANIUM', 'BLACK', 'RESERVE', 'SAPPHIRE', 'BUSINESS', 'CORPORATE', 'REWARDS', 'CASHBACK', 'PRESTIGE', 'UNLIMITED',
	'SELECT', 'DIAMOND', 'STANDARD', 'PRIME', 'ULTRA',
]);

/** A gap after a name at least this share of its widest word gap is as wide as its word gaps. */
const EVEN_GAP = 0.9;

/** Payment networks, printed as logos. */
const NETWORKS = new Set([
	'VISA',
	'MASTERCARD',
	'AMEX',
	'DISCOVER',
	'JCB',
	'UNIONPAY',
	'MAESTRO',
	'DINERS',
	'DINERSCLUB',
	'CIRRUS',
	'INTERAC',
]);

/**
 * A network's logo as read: its name, or JCB with a letter misread (GCB, in a box of its own after
 * HENRY JAMES IVANOV, was reported as his name's last word at 0.995: third-hand set 35). Three letters
 * and no vowel are no one's name; VISA and AMEX are not matched so (LISA, VIDA).
 */
function networkLogo(word: string): boolean {
	const l = letters(word);
	return NETWORKS.has(l) || (l.length === 3 && !/[AEIOUY]/.test(l) && misreadOnce(l, 'JCB'));
}

/** Logo words long enough that two name pieces do not join into one by chance. */
const SPLIT_LOGOS = new Set(['DISCOVER', 'MASTERCARD', 'UNIONPAY', 'MAESTRO', 'INTERAC', 'DINERSCLUB', 'AMERICAN', 'EXPRESS']);

/**
 * Card words that are also people's names (MILES VON MAR, ANNA GOLD, LOTTE DOS SANTOS, a Korean
 * issuer's name and a Dutch given name): on a line of name words with no other card word they may
 * be the holder's name, read as such but never surely. CU is a credit union's short form and a
 * Vietnamese surname, Cù (GREAT LAKES CU, a fourth-hand probe; CU VAN NAM, a read-only review).
 */
const NAME_LIKE_CARD_WORDS = new Set(['MILES', 'GOLD', 'SILVER', 'BLACK', 'CASH', 'LOTTE', 'DIAMOND', 'CU']);

/**
 * Those of them that are given names: a holder's line starts with one (MILES MENDEZ, LOTTE DA COSTA),
 * where a product's line ends with one (DELTA MILES). The rest are surnames (ANNA GOLD) and products'
 * first words alike (GOLD DELTA).
 */
const GIVEN_NAME_CARD_WORDS = new Set(['MILES', 'LOTTE']);

/** A card word that is also a name, standing among name words only. */
function nameLikeOnly(texts: string[]): boolean {
	const card = texts.filter(isCardWord);
	return card.length > 0 && card.length < texts.length && card.every((t) => NAME_LIKE_CARD_WORDS.has(t.toUpperCase()));
}

/** A line over the number within this many of its heights is the number's neighbour. */
const NUMBER_NEIGHBOUR = 3;

/**
 * Words that follow those names in their brands' own lines (LOTTE MART, LOTTE DUTY FREE, LOTTE
 * CINEMA, MILES & MORE with its & lost, MILES SMILES: a read-only review), which a card may print
 * where a holder's name goes.
 */
// prettier-ignore
const CO_BRAND_WORDS = new Set([
	'MART', 'DUTY', 'FREE', 'CINEMA', 'HOTEL', 'HOTELS', 'WORLD', 'DEPARTMENT', 'STORE', 'LOCA', 'MALL', 'ON', 'MORE',
	'SMILES', 'PLUS', 'CLUB', 'AIR', 'TRAVEL', 'POINTS', 'SHOPPING', 'MEMBERS',
]);

/** A line of words that starts with a given name that is a card word, no card or brand word after it. */
function startsWithGivenName(text: string): boolean {
	const [first, ...rest] = text.split(' ');
	return (
		GIVEN_NAME_CARD_WORDS.has(first.toUpperCase()) &&
		rest.length > 0 &&
		!rest.some((word) => isCardWord(word) || CO_BRAND_WORDS.has(letters(word)))
	);
}

const LABEL_FRAGMENTS = /EXPIR|THRU|VALID|MEMBER|SINCE/;
/** Labels printed small over the name; a piece of one ("ARD HOLDE") is no name either. */
const LONG_LABELS = ['CARDHOLDER', 'CARDMEMBER', 'CARDNUMBER', 'SIGNATURE', 'AUTHORIZED', 'AUTHORISED', 'EXPIRATION'];

function letters(text: string): string {
	return text.toUpperCase().replace(/[^A-Z]/g, '');
}

/** A word as names are printed: letters, with hyphens, apostrophes and an initial's full stop. */
function isNameWord(word: string): boolean {
	if (!/^[A-Za-z][A-Za-z'-]*\.?$/.test(word) || /[-']$/.test(word)) return false;
	// A lone letter is an initial whatever case the model gave it (SUSAN s SCHMIDT).
	if (isTitleCase(word) || /^[A-Za-z]\.?$/.test(word)) return true;
	const l = word.replace(/[^A-Za-z]/g, '');
	// Most cards print names in capitals; a stray lowercase letter is the recogniser's casing slip.
	return l.replace(/[^A-Z]/g, '').length / l.length >= 0.6;
}

/**
 * Surname particles as a name written in title case prints them, in lower case (Yvonne van Rosa,
 * Kwame del Holt): a lower-case word a name in capitals would never have.
 */
// Spanish "de los" and "de las" too (third-hand set 8: Eva de los Santos, lost to KESTREL).
// prettier-ignore
const NAME_PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'del', 'della', 'da', 'das', 'do', 'dos', 'du', 'di', 'la', 'las', 'le', 'los', 'ten', 'ter', 'zu', 'bin', 'binti', 'al', 'vom', 'zur']);

/** A particle inside a name otherwise written in title case: never its first or last word. */
function isInnerParticle(texts: string[], i: number): boolean {
	return (
		i > 0 &&
		i < texts.length - 1 &&
		NAME_PARTICLES.has(texts[i]) &&
		texts.every((t, k) => k === i || NAME_PARTICLES.has(t) || isTitleCase(t)) &&
		texts.some((t) => /[a-z]/.test(t) && !NAME_PARTICLES.has(t))
	);
}

/**
 * "Young", "O'Neil", "D'Amico", "Lee-Tran", "McAllister": some issuers print names as written rather
 * than in capitals. A capital alone before an apostrophe (O', D') starts a word too (independent
 * seeds 171 and 177: Greta D'Amico, Delphine C D'Angelo lost to a bank's name).
 */
function isTitleCase(word: string): boolean {
	return /^(?:Mac|Mc)?[A-Z](?:[a-z]+|(?='[A-Z]))(?:['-][A-Z]?[a-z]+)*\.?$/.test(word) || /^[A-Z]\.?$/.test(word);
}

/** Letters whose capital is their small letter drawn larger: the recogniser's case for them is a guess. */
const SHAPE_ALIKE = /^[cosuvwxz]/;
/** How strong a capital runner-up must be to put back a capital not drawn like its small letter (ji-Woo: J at 0.47). */
const MARKED_TITLE_RIVAL = 0.2;

/**
 * A word read with a small first letter that looks the same as a capital (claire, valle; o'Sullivan
 * and lvanov, a small l for a capital I, in third-hand set 17), or any small first letter of a word
 * whose capital after a mark shows its case (ji-Woo), where the recogniser's runner-up for
 * that letter is the capital: its case is the recogniser's guess, and the word may be the title-case
 * word (Claire, O'Sullivan, Ivanov). Only a word all in small letters, or one that reads as title
 * case with the capital.
 */
function withShapeAlikeCapital(word: PlacedChar[]): string {
	const text = runText(word);
	const first = word[0];
	const capital = first.char === 'l' ? 'I' : first.char.toUpperCase();
	const guessed = first.alt?.char === capital;
	const withCapital = capital + text.slice(1);
	const shape = /^[a-z][a-z'-]*$/.test(text) || (/^[a-z]/.test(text) && isTitleCase(withCapital));
	// A small l is drawn as a capital I is in sans fonts. Any letter will do in a word whose capital
	// after its hyphen or apostrophe shows it written in title case (third-hand set 21: "ji-Woo", its j
	// at 0.53 and J at 0.47; the name lost and a receipt's THANK YOU beside the card was reported).
	// Not a particle before the mark (al-Rashid, d'Amico: printed small), and only where the capital
	// is a real runner-up (read-only review).
	const lead = /^([a-z]+)['-][A-Z]/.exec(text)?.[1];
	const markedTitle = lead !== undefined && lead.length > 1 && !NAME_PARTICLES.has(lead) && (first.alt?.prob ?? 0) >= MARKED_TITLE_RIVAL;
	const alike = SHAPE_ALIKE.test(text) || first.char === 'l' || markedTitle;
	return guessed && shape && alike && !NAME_PARTICLES.has(text) ? withCapital : text;
}

/**
 * A capital I inside a word, after a letter, where the recogniser's runner-up is a small l: the two
 * are drawn alike in sans fonts, and in a name written as printed the word may be title case (AI for
 * Al, beside Ng).
 */
function withSmallL(word: PlacedChar[], text: string): string {
	return [...text].map((ch, i) => (ch === 'I' && i > 0 && /[A-Za-z]/.test(text[i - 1]) && word[i]?.alt?.char === 'l' ? 'l' : ch)).join('');
}

function isCardWord(word: string): boolean {
	const l = letters(word);
	return (
		CARD_WORDS.has(l) ||
		RECEIPT_THANKS.has(l) ||
		networkLogo(word) ||
		LABEL_FRAGMENTS.test(l) ||
		// MONTH/YEAR read with a stray letter or two before it (HIYEAR); YEARWOOD is a surname.
		/^[A-Z]{0,2}(MONTH|YEAR)S?$/.test(l) ||
		/\d/.test(word) ||
		nearCardWord(l) ||
		labelLetterLost(l) ||
		(l.length >= 5 && LONG_LABELS.some((label) => label.includes(l)))
	);
}

/**
 * A date label of six letters read with one lost before its last (ISUED for ISSUED: third-hand set
 * 37's ISSUED ON 09/21 tied with JAMES CARTER). No name is five letters a letter short of ISSUED,
 * EXPIRY or MEMBER; shorter words are a letter from too many names, and `nearCardWord` matches six
 * letters and more.
 */
function labelLetterLost(word: string): boolean {
	return word.length === 5 && DATE_LABEL_WORDS.some((label) => label.length === 6 && editDistanceAtMostOne(word, label));
}

/**
 * Which words are card words, a logo read as two words (DISO VER for DISCOVER, MASTER CARD) included:
 * the recogniser can put a space inside a word it read unsurely.
 */
function cardWordFlags(texts: string[]): boolean[] {
	const flags = texts.map(isCardWord);
	for (let i = 0; i + 1 < texts.length; i++) {
		// Only long logo words: short card words and issuers join from name pieces too (MARIE T for
		// MARKET, SAM SUNG, KIM WOO RI).
		const [a, b] = [letters(texts[i]), letters(texts[i + 1])];
		if (a.length < 3 || b.length < 3) continue;
		const joined = a + b;
		if ([...SPLIT_LOGOS].some((logo) => Math.abs(logo.length - joined.length) <= 1 && editDistanceAtMostOne(joined, logo)))
			flags[i] = flags[i + 1] = true;
		// A date label misread in both its words (WALID THRE): one word a letter off is a name's (VALIA),
		// both words of a label pair are not. Only letters misread, none lost or added: HOOD THU is a name.
		if (LABEL_PAIRS.some(([first, second]) => misreadOnce(a, first) && misreadOnce(b, second))) flags[i] = flags[i + 1] = true;
		// A receipt's last line, on a photo of a card lying on one: no one's name, though THANH and YOU
		// are words of names, so only the two together as printed (third-hand sets 21 and 56, and a
		// read-only review's receipt of three lines beside a card: THANK YOU reported at 0.993-0.997).
		if (thanksPair(a, b)) flags[i] = flags[i + 1] = true;
	}
	return flags;
}

/** A receipt's thanks, read as printed or run together, where they are; exact words only (SHANKS and THANKI are names). */
function receiptThanks(chars: PlacedChar[]): PlacedChar[][] {
	const runs = splitRuns(chars);
	const words = runs.map((run) => letters(runText(run)));
	return runs.flatMap((run, i) =>
		RECEIPT_THANKS.has(words[i]) ? [run] : thanksPair(words[i], words[i + 1]) ? [[...run, ...runs[i + 1]]] : [],
	);
}

/** A receipt's THANK YOU, read as two words. */
function thanksPair(first: string, second: string | undefined): boolean {
	return first === 'THANK' && second === 'YOU';
}

const RECEIPT_THANKS = new Set(['THANKS', 'THANKYOU']);

/**
 * One letter off a card word of five letters (ELITF, VORLD), not the word itself. Four-letter card
 * words have too many names a letter away (JACK, WARD, KATE, NASH for BACK, CARD, DATE, CASH); six
 * letters and more are card words already (`nearCardWord`).
 */
function nearFiveLetterCardWord(word: string): boolean {
	// editDistanceAtMostOne is false for words two letters longer or shorter.
	for (const known of CARD_WORDS) if (known.length === 5 && known !== word && editDistanceAtMostOne(word, known)) return true;
	return false;
}

/**
 * Date labels of two words: what `cardWordFlags` matches with a letter misread in each, and, run
 * together, what `labelPiece` finds a piece of. CUSTOMER, a card word of eight letters, is flagged
 * a letter off by `nearCardWord` already.
 */
const LABEL_PAIRS: Array<[string, string]> = [
	['VALID', 'THRU'],
	['GOOD', 'THRU'],
	['VALID', 'FROM'],
	['VALID', 'UNTIL'],
	['MEMBER', 'SINCE'],
	['CUSTOMER', 'SINCE'],
	['EXPIRES', 'END'],
	['MONTH', 'YEAR'],
];

/** Date labels as read run together: a piece of one cut at a box's edges and split (ALID TH) is no name. */
const RUN_LABELS = LABEL_PAIRS.map((pair) => pair.join(''));

/** The words' letters, five or more, are a piece of a date label read run together. */
function labelPiece(texts: string[]): boolean {
	const joined = letters(texts.join(''));
	return joined.length >= 5 && RUN_LABELS.some((label) => label.includes(joined));
}

/** The known word with at most one letter read as another (THRE for THRU), none lost or added. */
function misreadOnce(word: string, known: string): boolean {
	return word.length === known.length && editDistanceAtMostOne(word, known);
}

/**
 * A long card word misread by one letter ("DISOVER", "PLATlNUM") is still a card word; names this
 * close to one are rarer than logos read with a letter lost.
 */
function nearCardWord(word: string): boolean {
	if (word.length < 6) return false;
	for (const known of CARD_WORDS) if (known.length >= 6 && editDistanceAtMostOne(word, known)) return true;
	return false;
}

interface Segment {
	words: PlacedChar[][];
	/** Gaps between words: how sure the reading is that each is a word gap. */
	gapCertainty: number[];
	row: TextRow;
	/** The row's letter pitch, measured once. */
	pitch: number;
	/** Set apart from card words on its line by less than a clear gap: never a sure name. */
	doubtful?: boolean;
	/** Cut from before a product's words ending its line (LOTTE VAN DEN BOSCH   DEBIT). */
	productTail?: boolean;
	/**
	 * Set apart from a page's line in small letters boxed beside it, in title case (apartFromSmallLetters):
	 * page text has title-case words too, so its place and margin are worth nothing, it comes after any
	 * line read as a name without a guess, and it is no rival nor a sign against another line (readName).
	 */
	pageTrimmed?: boolean;
	/**
	 * An expiry label's words as printed (printedExpiryLabel), set apart after the name on its line with
	 * the date they label right after them (apartFromLabelBox): no letters the name left out (readName).
	 */
	labelBeside?: PlacedChar[];
}

/**
 * Whether the words stand too far apart for one line of a name: the step between their facing
 * letters over two and a half line heights and four letter steps (print further along the row).
 */
function farApart(before: PlacedChar[], after: PlacedChar[], row: TextRow, pitch: number): boolean {
	return after[0].along - before[before.length - 1].along > Math.max(row.height * 2.5, pitch * 4);
}

/** A gap after a name this many times its own widest word gap may part it from a product's words. */
const PRODUCT_GAP = 1.25;
/** ...and one this many times it sets them apart surely. */
const SET_APART = 1.8;

/** Median step between neighbouring character centres inside boxes: the row's letter pitch. */
function letterPitch(row: TextRow): number {
	const steps: number[] = [];
	row.chars.forEach((c, i) => {
		const previous = row.chars[i - 1];
		if (previous && previous.box === c.box && previous.char !== ' ' && c.char !== ' ') steps.push(c.along - previous.along);
	});
	return steps.length > 0 ? median(steps) : row.height * 0.6;
}

/** Two boxes whose facing letters stand this many letter steps apart hold two words. */
const BOX_WORD_GAP = 1.3;
/** ...and this many, a sure word gap. */
const BOX_SURE_STEP = 1.55;
/**
 * ...or this many where a facing letter is a word of one letter: where a letter stands at the edge of
 * its crop the model places it loosely, and a lone letter has no neighbour in its word to place it
 * by (bench seed 2205: HWANG IN JAE embossed in a monospaced font, cut into boxes HWAN and G IN JAE,
 * the step between N and G measured 1.18-1.73 letter steps for 1.0; HWAN G IN JAE was reported at
 * 0.996). A monospaced word gap is two steps.
 */
const LONE_BOX_SURE_STEP = 2;

/**
 * Whether the letter at `k` is a word of its own: a space, a gap lost in the run, a box's edge or the
 * row's end on both its sides (an initial's stop after it is a sign of its own, and does not count).
 */
function letterAlone(chars: PlacedChar[], k: number, lost: Set<PlacedChar>): boolean {
	const c = chars[k];
	if (c === undefined || !/[A-Za-z]/.test(c.char)) return false;
	const apart = (other: PlacedChar | undefined, gapAt: PlacedChar | undefined) =>
		other === undefined || other.char === ' ' || other.box !== c.box || (gapAt !== undefined && lost.has(gapAt));
	return apart(chars[k - 1], c) && apart(chars[k + 1], chars[k + 1]);
}

/** Letter steps from the last letter of one detector box to the first of the next; null inside a box or beside a space. */
function boxStep(previous: PlacedChar | undefined, c: PlacedChar, pitch: number): number | null {
	return previous && previous.char !== ' ' && previous.box !== c.box ? (c.along - previous.along) / pitch : null;
}

/** A gap the model emitted with no blank run wider than this share of the usual one between letters has ink across it... */
const INK_ACROSS_GAP = 0.25;
/** ...where another gap it emitted in the same box stands blank at least this many times the usual run... */
const CLEAR_WORD_GAP = 2;
/** ...and at most this share of the box's letter pairs inside words have no more blank between them. */
const INKED_PAIRS_SHARE = 0.25;
/** The fewest letter pairs inside words a box must have for that share to be weighed. */
const INKED_PAIRS_MIN = 4;

/**
 * Whether the space at `i` has ink across it, hardly a blank column, where another space the model
 * emitted in its box stands clearly blank: a mark in the middle of the line, a hyphen (third-hand set
 * 48: MARIE-CLAIRE SZCZEPANSKI in a monospace font, the hyphen read as a space in six crops, every
 * one with no blank run before the C and 4.7-6.0 times the usual one before the S; the hyphen class
 * at 0.01-0.33). Only where the hyphen class rose a little (0.05) and the apostrophe class not at
 * all: an apostrophe's ink is a mark there too. Only between words of two letters or more that are
 * no suffix, particle or card word: an initial's narrow letter leaves little blank (GRACE O BIANCHI),
 * and a stop a narrow one (JOHN SMITH JR.). Blur and noise fill a gap's columns as well (KANG WOO at
 * 0.41), and print a few pixels high leaves letters no blank between them (bench seed 2209: SHIN HOON
 * JUN in a minimalist card's small print, six of nine letter pairs and the gap before HOON at 0 or
 * 0.5, the gap before JUN at 2.0): only a box whose letters mostly stand apart in the crop says its
 * gap has ink, and only a gap between two name words beside it is weighed, not one before a card word.
 */
function inkAcrossGap(chars: readonly PlacedChar[], i: number): boolean {
	const next = chars[i + 1];
	if (next?.inkGapBefore === undefined || next.inkGapBefore > INK_ACROSS_GAP) return false;
	if (Math.max(chars[i].apostropheBefore, next.apostropheBefore) >= APOSTROPHE_DOUBT) return false;
	if (Math.max(chars[i].hyphenBefore ?? 0, next.hyphenBefore ?? 0) < HYPHEN_DOUBT) return false;
	if (!nameWordAt(chars, i - 1, -1) || !nameWordAt(chars, i + 1, 1)) return false;
	if (!lettersStandApart(chars, i + 1)) return false;
	return chars.some(
		(d, j) =>
			d.box === next.box &&
			chars[j - 1]?.char === ' ' &&
			(d.inkGapBefore ?? 0) >= CLEAR_WORD_GAP &&
			nameWordAt(chars, j - 2, -1) &&
			nameWordAt(chars, j, 1),
	);
}

/**
 * Whether the letters of the box of `chars[at]` mostly stand apart in its crop, blank between them,
 * leaving that letter's own gap out: only there does a gap with no blank run say ink fills it.
 */
function lettersStandApart(chars: readonly PlacedChar[], at: number): boolean {
	const letter = (c: PlacedChar | undefined) => c !== undefined && /[A-Za-z]/.test(c.char);
	const pairs = chars.filter(
		(c, j) => j !== at && c.box === chars[at].box && c.inkGapBefore !== undefined && letter(c) && letter(chars[j - 1]),
	);
	const inked = pairs.filter((c) => (c.inkGapBefore ?? 0) <= INK_ACROSS_GAP);
	return pairs.length >= INKED_PAIRS_MIN && inked.length <= pairs.length * INKED_PAIRS_SHARE;
}

/**
 * A name's one-letter start before an apostrophe, and the letters that may follow it: O'NEILL and
 * D'SOUZA take any; L'ESTRANGE and L'HEUREUX a vowel or an H (SAMUEL L JACKSON is an initial).
 */
const ELIDING_LETTER = /^(O[A-Z]|D[A-Z]|L[AEIOUH])$/i;
/** An Italian particle that drops its vowel before a surname's (DELL'ACQUA, DALL'ARA). */
const ELIDING_PARTICLE = /^(DELL|DALL)$/i;
/** The fewest letters after such a particle's apostrophe: DALLAS is a name as written. */
const AFTER_PARTICLE = 3;

/**
 * Whether an apostrophe the model left out stands before `chars[at]`, the word so far `word`: after
 * DELL or DALL, before a capital vowel and three letters or more, the apostrophe class rose a little
 * (under the 0.15 that puts it back alone, over the hyphen's) and no blank run parts the letters, in
 * a box whose letters stand apart (independent seeds 237, 245, 247: DELL'ACQUA read DELLACQUA in
 * every crop, the class at 0.01-0.10 and no blank before the A). Not after O, D or L, which start
 * many names as written (OLIVER, DAVID, LEE), their second letter as often kerned close; nor before a
 * small letter (Dellacqua is no name as written with one: a read-only review). DELLAVALLE, its class
 * risen and its L|A kerned so, would read DELL'AVALLE, in doubt.
 */
function inkedApostrophe(chars: readonly PlacedChar[], at: number, word: readonly PlacedChar[]): boolean {
	const c = chars[at];
	if (!ELIDING_PARTICLE.test(runText(word)) || !/[AEIOU]/.test(c.char)) return false;
	let after = 0;
	for (let k = at; k < chars.length && chars[k].box === c.box && /[A-Za-z]/.test(chars[k].char); k++) after += 1;
	if (after < AFTER_PARTICLE || c.apostropheBefore < APOSTROPHE_DOUBT || c.apostropheBefore < (c.hyphenBefore ?? 0)) return false;
	return c.inkGapBefore !== undefined && c.inkGapBefore <= INK_ACROSS_GAP && lettersStandApart(chars, at);
}

/**
 * Whether the word of `chars` that starts (step 1) or ends (step -1) at `from`, up to a space or its box's end, is a
 * name's word: two letters or more, and no suffix, particle or card word.
 */
function nameWordAt(chars: readonly PlacedChar[], from: number, step: 1 | -1): boolean {
	const word: string[] = [];
	// Up to a space or the box's end: boxes follow one another in a row with no space between them.
	for (let k = from; k >= 0 && k < chars.length && chars[k].char !== ' ' && chars[k].box === chars[from].box; k += step)
		word.push(chars[k].char);
	const text = (step === -1 ? word.reverse() : word).join('');
	const bare = letters(text);
	return bare.length >= 2 && !NAME_SUFFIX.test(bare.toUpperCase()) && !NAME_PARTICLES.has(bare.toLowerCase()) && !isCardWord(bare);
}

/** A mark the model saw before `c` but did not emit, put back at `c`'s place, its reading a guess. */
function putBack(mark: "'" | '-', c: PlacedChar): PlacedChar {
	return { ...c, char: mark, prob: 0.6, alt: null, ...(mark === "'" ? { apostropheBefore: 0 } : { hyphenBefore: 0 }) };
}

/** Below this an I may be a mark read as the letter: the tick read as I was at 0.44-0.67. */
const TICK_AS_LETTER = 0.7;

/**
 * Whether `mark`, read as a capital I after a word's first capital O or D and before a letter of its
 * box, is an apostrophe's tick (O'SULLIVAN read OISULLIVAN): read unsurely, its runner-up a slanted
 * mark (bench seed 2217: the I at 0.44-0.67 with / or ' at 0.06-0.42 behind it in four turns of one
 * card, reported at 0.99 in one). Not an I read surely (DIEGO, OISHI), nor a small l (Olivia): a
 * read-only review.
 */
function apostropheReadAsLetter(first: PlacedChar, mark: PlacedChar, next: PlacedChar): boolean {
	return (
		/^[OD]$/.test(first.char) &&
		/^[I|]$/.test(mark.char) &&
		mark.prob < TICK_AS_LETTER &&
		mark.alt !== null &&
		/^['/`]$/.test(mark.alt.char) &&
		mark.alt.prob >= MARK_RUNNER_UP &&
		next.box === mark.box &&
		/[A-Za-z]/.test(next.char)
	);
}

/** The apostrophe the letter `c` was read in place of, its reading a guess. */
function apostropheFor(c: PlacedChar): PlacedChar {
	return { ...c, char: "'", prob: 0.6, alt: null, markForLetter: true };
}

/**
 * Splits a row into words and the words into segments at wide gaps: a logo or label on the same
 * line as the name sits well apart from it. Inside a box, word gaps are the recogniser's. Between
 * two boxes the model saw nothing, so the step between the facing letters, against the row's letter
 * pitch, decides: a letter step is one word the detector cut in two, a wide step a word gap, and
 * a step in between is a gap the confidence doubts.
 */
function segments(row: TextRow): Segment[] {
	const found: Segment[] = [];
	const pitch = letterPitch(row);
	const lost = lostGaps(row, pitch);
	let current: Segment = { words: [], gapCertainty: [], row, pitch };
	let word: PlacedChar[] = [];
	let pendingGap = 1;
	// A gap the model emitted, in doubt, that the crop's columns must not take out (see `unbacked`).
	let keepGap = false;
	const closeWord = () => {
		if (word.length === 0) return;
		const previous = current.words[current.words.length - 1];
		if (previous && farApart(previous, word, row, pitch)) {
			found.push(current);
			current = { words: [], gapCertainty: [], row, pitch };
		} else if (previous) current.gapCertainty.push(pendingGap);
		current.words.push(word);
		word = [];
	};
	row.chars.forEach((c, i) => {
		const previous = row.chars[i - 1];
		if (c.char === ' ') {
			// Names have no word ending in an apostrophe or hyphen: a gap read after one (D' SOUZA)
			// is the wide mark's own white space.
			if (word.length > 1 && /['-]/.test(word[word.length - 1].char)) return;
			// Nor a word starting with a hyphen: a gap read before one (KARL -HEINZ, third-hand set 4, the name
			// lost to a scene's word) is its white space too.
			if (
				/[A-Za-z]/.test(word[word.length - 1]?.char ?? '') &&
				row.chars[i + 1]?.char === '-' &&
				/[A-Za-z]/.test(row.chars[i + 2]?.char ?? '')
			)
				return;
			// A hyphen the model read as a gap (SHIN JI WOO, the hyphen class at 0.4 there) joins the words,
			// inside one detector box only: at a box's start the class reads the crop's edge, not a gap. So
			// does a gap with ink across it, in a box whose other gap stands clearly blank (`inkAcrossGap`).
			const next = row.chars[i + 1];
			const last = word[word.length - 1];
			const hyphenSeen = Math.max(c.hyphenBefore ?? 0, next?.hyphenBefore ?? 0) >= HYPHEN_SEEN;
			const inBox = last !== undefined && next !== undefined && last.box === c.box && next.box === c.box;
			if (inBox && /[A-Za-z]/.test(last.char) && /[A-Za-z]/.test(next.char) && (hyphenSeen || inkAcrossGap(row.chars, i))) {
				// Put back for the ink alone, the hyphen takes out a gap the model emitted: a guess.
				word.push(hyphenSeen ? putBack('-', c) : { ...putBack('-', c), gapTakenOut: true });
				return;
			}
			// An apostrophe the model read as a gap after a name's one-letter eliding start (independent seed
			// 207: O CONNOR, the apostrophe class at 0.27 where the space was read) joins the words too, on a
			// guess: an initial O or D stands before a surname as well.
			const afterElidingStart = inBox && word.length === 1 && ELIDING_LETTER.test(last.char + next.char);
			if (afterElidingStart && Math.max(c.apostropheBefore, next.apostropheBefore) >= APOSTROPHE_SEEN) {
				word.push({ ...putBack("'", c), markForLetter: true });
				return;
			}
			// A space the model emitted but hardly believed, where its crop's columns stand blank no wider than
			// between letters, is a gap in doubt (bench seed 2181: THOMP SON-THOMAS at 0.995, the space at
			// 0.67-0.71 and the blank run 1.5 times the usual one in two crops of three). It stays a gap: a
			// real one measures so too (JUNG MINJUN in Roboto, 1.25-1.5, independent seed 207). A run narrower
			// than the usual one says nothing: blur or noise fills the columns of real gaps so (KANG WOO at
			// 0.41, INGRID JOHNSON at 0.62-0.84, bench seeds 2171 and 2173). So do letters that stand further
			// apart than a letter step and a half (PARK YEON at 2.0), and an initial after the gap, round or
			// narrow (GRACE O BIANCHI).
			const unbacked =
				c.prob >= SURE_GAP_PROB &&
				c.prob < FAINT_MODEL_SPACE &&
				next !== undefined &&
				(next.inkGapBefore ?? 0) >= 1 &&
				inkJoin(word, next, false) &&
				(next.along - word[word.length - 1].along) / pitch < UNBACKED_STEP &&
				letters(runText(restOfRun(row.chars, i + 1))).length >= 2;
			// A space the model believed, where the letters either side stand a letter step apart and the crop's
			// blank run there is a narrow one, is a gap in doubt too (bench seed 2187: RAMAKRI SHNAN in embossed
			// Nimbus Mono at 0.995, the space at 0.90, the step 1.0, the run 2.2 times the usual one). Of 894
			// real gaps in names over six sets none measured so but one before a J, whose hook reaches under
			// the letter before it (KIM YOUNG JUN: the space at 0.90, a step of 1.0, the run 1.7): sure. Not a space
			// the model hardly believed, nor one a CTC frame wider: taking those in (a read-only review's
			// suggestion) flagged 7 right names of 3668 cards (THOMAS AMUNDSEN, its space at 0.62-0.78, steps
			// of 1.0-1.25), for no wrong one; this flags none of them.
			// Nor a space the model was all but certain of (JUNG SEUNGHOON in a close-up: 1.00, a step of
			// 1.27, the run 2.4).
			const cramped =
				c.prob >= FAINT_MODEL_SPACE &&
				c.prob < CERTAIN_MODEL_SPACE &&
				next !== undefined &&
				!/[Jj]/.test(next.char) &&
				(next.inkGapBefore ?? 0) >= 1 &&
				(next.inkGapBefore ?? 0) < INK_CRAMPED_GAP &&
				word.length > 0 &&
				word[word.length - 1].box === next.box &&
				(next.along - word[word.length - 1].along) / pitch < CRAMPED_STEP &&
				letters(runText(restOfRun(row.chars, i + 1))).length >= 2;
			// A space the model hardly believed after a name's one-letter eliding start, the apostrophe class
			// risen a little there, is as likely the apostrophe (bench seed 2255: SAMUEL D SOUZA at 0.998 for
			// D'SOUZA, the space at 0.32-0.52 and the class at 0.013-0.076 in its three crops). Over 59 right
			// names with a middle initial D, O or L (46 sets, 95 crops' spaces under 0.8 there) the class
			// never passed 0.0005. It stays a gap, in doubt: an initial stands before a surname as well. Not
			// where the crop stands blank there three times the usual run or more: the mark's ink parts the
			// run (SAMUEL's measured 1.7 in all three crops; a read-only review). The class in the blank after
			// the space, before the surname's first letter, is a doubt already (`apostropheLost`).
			const elidedInDoubt =
				afterElidingStart &&
				c.prob < FAINT_MODEL_SPACE &&
				c.apostropheBefore >= APOSTROPHE_DOUBT &&
				(next.inkGapBefore ?? 0) < INK_WORD_GAP;
			keepGap = unbacked || cramped || elidedInDoubt;
			closeWord();
			// The model's own space (its best class there) is a gap; one read off a faint rise is less sure.
			pendingGap = c.crampedSpace || keepGap ? 0.6 : c.prob >= SURE_GAP_PROB ? SURE_GAP : c.tightGap ? TIGHT_RISE_GAP : 0.6;
			return;
		}
		const step = boxStep(previous, c, pitch);
		// Blank columns alone, far wider than any between letters inside words, part words in doubt
		// (bench seed 2155: MICHAELHIROSHITHOMPSON, no space class risen, the runs at its two gaps
		// 4.7-5.8 times the usual one; beside a narrow letter too, HIROSHI|THOMPSON): a letter lost to
		// glare leaves as wide a run. Not where a card word would stand apart (VISA|GIE,
		// SMITH|PLATINUM): a name read glued to a product word is cut there, in doubt
		// (withoutGluedProductWord); a word split off it is lost.
		// A run three times the usual one will do where the model's frames put the letters a fifth wider
		// apart than their step too (bench seed 2225: SIOBHAN BWILSON, the B|W run 3.3-3.7 and the step
		// 1.7-1.8; LUDWIG VAN DERBERG, 3.3-3.8 and 1.2-1.5). Over eight sets' letter pairs inside words
		// (1680 cards) runs of 3 or more stood at most 1.0 of a step apart, but one crop of a garbled
		// SAMU'EL (1.24); a card word split so (DISCO|VER, at 1.5) stays whole. Not beside a narrow letter,
		// whose side bearings widen both (JI-WOO's J|I at 3.0 and 1.5), nor where the model saw a mark
		// in the blank (O|BRIEN, its apostrophe seen at 0.15-0.37): the white is theirs.
		// Before a capital J, whose hook reaches under the letter before it, a word gap leaves less blank
		// than elsewhere, and a J inside a word less still: there a narrower run will do (J_BLANK_GAP).
		const last = word[word.length - 1];
		const wideApart =
			last !== undefined &&
			c.apostropheBefore < APOSTROPHE_SEEN &&
			(c.hyphenBefore ?? 0) < HYPHEN_SEEN &&
			((!NARROW_LETTER.test(last.char + c.char) &&
				(c.inkGapBefore ?? 0) >= INK_WORD_GAP &&
				(c.along - last.along) / pitch >= BLANK_GAP_STEP) ||
				(c.char === 'J' && !NARROW_LETTER.test(last.char) && (c.inkGapBefore ?? 0) >= J_BLANK_GAP)) &&
			!cutsCardWord(runText([...word, ...restOfRun(row.chars, i)]), word.length);
		const blankOnly =
			step === null &&
			!lost.has(c) &&
			/[A-Za-z]/.test(last?.char ?? '') &&
			/[A-Za-z]/.test(c.char) &&
			((c.inkGapBefore ?? 0) >= INK_LONE_GAP || wideApart) &&
			!isCardWord(runText(word)) &&
			!isCardWord(runText(restOfRun(row.chars, i)));
		if (lost.has(c) || blankOnly) {
			closeWord();
			pendingGap = 0.5;
		} else if (step !== null) {
			if (step >= BOX_WORD_GAP) {
				closeWord();
				pendingGap =
					step >= (letterAlone(row.chars, i - 1, lost) || letterAlone(row.chars, i, lost) ? LONE_BOX_SURE_STEP : BOX_SURE_STEP)
						? SURE_GAP
						: 0.6;
			} else if (step > 1.12) {
				closeWord();
				pendingGap = 0.5;
			}
		}
		// A gap the model hardly saw, where its crop's columns stand blank far wider than between the
		// line's letters, is a word gap all the same (GRACEEHARRIS: the space class at 0.07-0.23 in its
		// two gaps, the blank run there 4-7 times the usual one). Only a gap found otherwise is made sure.
		// And a gap found otherwise where the crop stands blank no wider than between its letters is
		// none: the word is read whole, in doubt (bench seed 2155 and third-hand set 9: WIL SON, a faint
		// space the model emitted where the blank run was 1.25-1.5 times the usual one).
		let takenOut = false;
		const wordBefore = current.words[current.words.length - 1];
		if (word.length === 0 && pendingGap < SURE_GAP && !keepGap) {
			if (!blankOnly && inkGap(wordBefore, c)) pendingGap = SURE_GAP;
			else if (inkJoin(wordBefore, c, true)) {
				word = current.words.pop() ?? [];
				// The gap before the word read whole is pending again.
				pendingGap = current.gapCertainty.pop() ?? 1;
				takenOut = true;
			}
		}
		const unbackedGapBefore = keepGap;
		keepGap = false;
		// An apostrophe the model saw but did not emit (ONEILL for O'NEILL) is put back between letters,
		// and so is a hyphen (SHIN JIWOO for SHIN JI-WOO: the class at 0.4 in the blank between I and W).
		const before = word[word.length - 1];
		if (before && /[A-Za-z]/.test(before.char) && /[A-Za-z]/.test(c.char) && c.apostropheBefore >= APOSTROPHE_SEEN) {
			word.push(putBack("'", c));
		} else if (before && before.box === c.box && inkedApostrophe(row.chars, i, word)) {
			// Put back for the ink and a faint class: a guess.
			word.push({ ...putBack("'", c), markForLetter: true });
		} else if (
			before &&
			before.box === c.box &&
			/[A-Za-z]/.test(before.char) &&
			/[A-Za-z]/.test(c.char) &&
			(c.hyphenBefore ?? 0) >= HYPHEN_SEEN
		) {
			word.push(putBack('-', c));
		}
		// The word so far is its first letter and the letter after it: O and I of OISULLIVAN, at its S.
		if (word.length === 2 && apostropheReadAsLetter(word[0], word[1], c)) word[1] = apostropheFor(word[1]);
		word.push(takenOut ? { ...c, gapTakenOut: true } : unbackedGapBefore ? { ...c, unbackedGapBefore: true } : c);
	});
	closeWord();
	if (current.words.length > 0) found.push(current);
	return found;
}

/** The characters of a row from `i` to the next space or box. */
function restOfRun(chars: PlacedChar[], i: number): PlacedChar[] {
	const end = chars.findIndex((c, j) => j > i && (c.char === ' ' || c.box !== chars[i].box));
	return chars.slice(i, end < 0 ? chars.length : end);
}

/** A letter the model saw at this or more in a gap inside the name, not emitted, is a letter lost. */
const LETTER_LOST = 0.1;

/**
 * A box's first letter standing this many letter steps or less past the box's start leaves its crop
 * no blank margin to hold a letter of the box before: a letter the model saw there is one the
 * detector cut in two where it parted the boxes (third-hand seed 64: SANNE PATRICIA HAN at 0.995 for
 * KHAN, a shadow across the K; an E or C at 0.12-0.26 in the margin of HAN's box, its H 0.93-1.21
 * steps past the start). Measured over every crop's reading of names read right in ten sets (1526
 * cards, 362 seams between boxes): such a letter at 0.1 or more stood 1.49 steps past its box's start
 * or further, the previous box's last letter seen again where the boxes overlap (LARS D'SOUZA's S).
 */
const SEAM_MARGIN = 1.35;

/** Letter steps under which letters a model space parts stand as close as inside a word (see `segments`). */
const CRAMPED_STEP = 1.1;

/** A space the model emitted at this or more is one no measure of the crop puts in doubt (see `segments`). */
const CERTAIN_MODEL_SPACE = 0.95;

/** A blank run under this many times the usual one, at a model space about a letter step wide, is no sure gap (see `segments`). */
const INK_CRAMPED_GAP = 2.5;

/** Letter steps past which letters a faint model space parts stand apart as at a word gap (see `segments`). */
const UNBACKED_STEP = 1.6;

/** How sure a word gap is that the model read surely, or that stands well apart. */
const SURE_GAP = 0.95;

/**
 * How many times the line's usual blank run between letters a word gap's blank run must be, in
 * the crop the letter was read from (withInkGaps). Measured over every reading of names of three
 * sets (bench 2147, independent 189, third-hand 4): between two letters inside a word at most 2.51
 * (18,733 pairs; LL, IL, IS, IE), at word gaps 2.5 or more for 98% of 2,446 (most 3-8); the gaps
 * wrongly put in inside words 0.3-2 (WAL TER 0.9, FELI X 1.3-1.7).
 */
const INK_WORD_GAP = 3;

/** Narrow letters, whose wide side bearings leave more blank beside them than other letters. */
const NARROW_LETTER = /[IJl]/;

/**
 * Whether the blank columns before letter `c`, in its own crop, make a word gap after `word`, which
 * ends in a letter or an initial's stop (beside an apostrophe a run inside a word is 4-6 times the
 * usual one: O'BRIEN). Not beside a narrow letter: there runs inside words reach 2.5.
 */
function inkGap(word: PlacedChar[] | undefined, c: PlacedChar): boolean {
	const last = word?.[word.length - 1];
	return (
		last !== undefined &&
		/[A-Za-z.]/.test(last.char) &&
		/[A-Za-z]/.test(c.char) &&
		!NARROW_LETTER.test(last.char + c.char) &&
		(c.inkGapBefore ?? 0) >= INK_WORD_GAP
	);
}

/**
 * A blank run this many times the usual one parts a word with no other sign of a gap: between two
 * letters inside words at most 2.51, beside narrow letters included (18,733 pairs, INK_WORD_GAP), at
 * word gaps mostly 3-8.
 */
const INK_LONE_GAP = 4;

/**
 * Whether cutting `run` before its character `at` parts a card word in it, whole or glued to the name
 * (DISCO|VER, SMITHPLA|TINUM: a read-only review), or leaves a piece a card word would be read from.
 */
function cutsCardWord(run: string, at: number): boolean {
	const text = run.toUpperCase();
	if (isCardWord(text)) return true;
	for (let start = 0; start < at; start++)
		for (let end = at + 1; end <= text.length; end++) if (end - start >= 4 && CARD_WORDS.has(text.slice(start, end))) return true;
	return false;
}

/**
 * A blank run this many times the usual one before a capital J parts a word with no other sign of a
 * gap, in doubt (see `segments`). A J's hook reaches under the letter before it: inside words of the
 * chosen names of fifteen sets (2510 cards, 503 readings of a J after another letter) the run before
 * a J was at most 2.0 (ANJA), where word gaps the model ran together measured 2.7-3.3 (PARKJI DONG,
 * bench seed 2265; GRACEJ GREEN, 2263).
 */
const J_BLANK_GAP = 2.5;

/** Letter steps past which a blank run of INK_WORD_GAP parts a word with no other sign of a gap (see `segments`). */
const BLANK_GAP_STEP = 1.2;

/**
 * A blank run inside a word this many times the usual one or more, that parted nothing, leaves the
 * name in doubt (see `blankInWord` in readName). Over INK_WORD_GAP's measure: runs inside words
 * reach 3 where the usual run is its least, two columns (RAFAEL LINDQVIST, PARK JIWOO: six
 * columns; a bound of 3 flagged both); MARGARETI D'SOUZA's lost gap measured 3.5.
 */
const INK_IN_WORD_DOUBT = 3.25;

/**
 * Where a middle initial run into the word before it would stand, the last letter of a word of four
 * letters or more that is not the name's last, the space class this high before it is a gap half seen
 * (see `gluedInitial` in readName). Measured over every crop's reading of the chosen names of fifteen
 * sets (2510 cards; 8679 readings of that letter in names read right): there the class never reached
 * 0.03 in right names (at most 0.02: YUKI S. BROWN), and it was 0.046 in ELEANORJ O'BRIEN (reported at
 * 0.994 for ELEANOR J O'BRIEN, the blank run before the J 1.4 times the usual one), 0.05-0.07 in
 * ROBERTV MOORE and EDWINI WESTBROOK, where between the word's other letters it stayed under 0.002.
 * Elsewhere a class this faint needs a blank run twice the usual one (`halfSeen`).
 */
const GLUED_INITIAL_CLASS = 0.03;

/**
 * A word ending in a doubled A, I, U or Y, where a middle initial run into a given name ending in the
 * same letter stands: the two letters' slanted or rounded sides leave little blank between them
 * (independent seed 291: SIENNAA OSEI at 0.997 for SIENNA A OSEI in Liberation Sans Narrow, the run
 * 1.5-1.8 times the usual one, the class 0.018-0.028). A doubt, not a gap: names end so too (ALAA,
 * ASMAA, BAYARMAA, FUJII, RYUU: a read-only review), though no word of the fifty-two sets' names but a
 * last one does (see `gluedInitial` in readName).
 */
const TWIN_END = /^(AA|II|UU|YY)$/i;

/** What a line of two to four words scores over one word, as a name (readName). */
const MULTI_WORDS = 4;

/** The space class above this inside a word, with a blank run of FAINT_GAP_RUN or more, is a gap half seen (readName). */
const FAINT_GAP_CLASS = 0.03;
const FAINT_GAP_RUN = 2;

/**
 * A blank run under this many times the line's usual one between letters is no word gap. Measured
 * as INK_WORD_GAP was: gaps wrongly put inside words 0.3-2 (WAL TER 0.9, FELI X 1.3-1.7, WIL SON
 * 0.5-1.33), word gaps in doubt 1.75 and up (OH JIMIN in a wide-set font: 1.75-1.83, read OHJIMIN at
 * 2) but one with no blank column at all (ALEXANDROPOULOS's A after JAMES, its letters touching in a
 * blurred crop, where the run says nothing).
 */
const INK_NO_GAP = 1.6;

/**
 * INK_NO_GAP beside a stem letter with blank at its side: after an I, an L (open right of its stem),
 * a small l or i, or before an I, i or l; but never before a J, whose hook reaches under the letter
 * before it. Measured over every crop's gaps proposed in doubt inside one box in eight sets (1680
 * cards): inside words beside such letters 1.6-1.87 in five names (THAND|IWE, WIL|SON, OL|UWASEUN,
 * MAXIMIL|IAN, RAMAKRI|SHNAN), 2.0-2.33 in two of them too; real gaps beside them 2.0 and up
 * (DEL|CARMEN 2.0). Real gaps elsewhere go as low as 1.5 (MARY|MULLER, JUNG|MINJUN) and, before a J,
 * 1.7 (JUN-HYUN|JUNG): there INK_NO_GAP stands. Only for gaps the segmenter proposed in doubt: a space
 * the model emitted (see `unbacked`) was not measured so.
 */
const INK_NO_GAP_BESIDE_STEM = 1.9;

/**
 * Whether the blank columns before `c` make the gap after `word` a gap between letters: in one
 * crop, after a word of two letters or more ending in a letter (an initial stands as close as a
 * letter: P OKAFOR at 1.5).
 */
function inkJoin(word: PlacedChar[] | undefined, c: PlacedChar, proposedInDoubt: boolean): boolean {
	const last = word?.[word.length - 1];
	const ink = c.inkGapBefore ?? 0;
	const besideStem = proposedInDoubt && last !== undefined && (/[ILil]/.test(last.char) || /[Iil]/.test(c.char)) && !/[Jj]/.test(c.char);
	return (
		last !== undefined &&
		last.box === c.box &&
		letters(runText(word ?? [])).length >= 2 &&
		/[A-Za-z]/.test(last.char) &&
		ink > 0 &&
		ink < (besideStem ? INK_NO_GAP_BESIDE_STEM : INK_NO_GAP)
	);
}

/**
 * The certainty of a gap at a space textRows put in where the space class rose between letters no
 * further apart than a letter step: a doubt like any gap under 0.7, except beside a middle initial
 * with its full stop (readName). A value of its own, told apart by identity from the 0.6 of other
 * doubtful gaps.
 */
const TIGHT_RISE_GAP = 0.61;

/** A runner-up this likely that is a stroke or a digit makes a lone I or J a thin mark as likely as a letter. */
const MARK_RUNNER_UP = 0.05;

/**
 * Whether word `w` is a middle initial I or J standing apart: alone (its stop after it or not),
 * between words of two letters or more, with the crop's blank runs on both its sides as wide as
 * INK_LONE_GAP's (after a stop, INK_WORD_GAP's). Beside these narrow letters inkGap settles no gap,
 * and the gaps the model hardly emitted either side of the initial stayed in doubt (bench seed 2203:
 * DAVID J ROSSI, NOAH I WILSON, runs of 4.0-6.5 times the usual one, reported at 0.85). Not a letter
 * split off a word (WI LLIAM, DAVI D, J AMES: a word of one letter at an end or beside a short one),
 * nor an apostrophe's or a stroke's mark read as the letter (its runner-up a mark or a digit).
 */
function narrowInitialApart(words: PlacedChar[][], w: number): boolean {
	if (w <= 0 || w >= words.length - 1) return false;
	const [initial, stop, ...rest] = words[w];
	if (!/^[IJ]$/.test(initial.char) || rest.length > 0 || (stop !== undefined && stop.char !== '.')) return false;
	if (initial.alt && /[l1|!'/]/.test(initial.alt.char) && initial.alt.prob >= MARK_RUNNER_UP) return false;
	return (
		letters(runText(words[w - 1])).length >= 2 &&
		letters(runText(words[w + 1])).length >= 2 &&
		(initial.inkGapBefore ?? 0) >= INK_LONE_GAP &&
		(words[w + 1][0].inkGapBefore ?? 0) >= (stop ? INK_WORD_GAP : INK_LONE_GAP)
	);
}

/** Lines under this share of the number's height are label print, not a name. */
const LABEL_HEIGHT = 0.55;
/** How far below a date's centre (in its heights) a label's line can be: its own line, not the one under it. */
const LABEL_BELOW = 0.5;

/**
 * Row heights by which an equal line must stand above the name to be the card's heading, not a
 * rival. Measured on the tuning sets: issuers' and products' names 3.2-9.6 rows above the holder's;
 * a holder's and a company's name on adjacent lines about 1.
 */
const RIVAL_APART = 2.5;

/** An apostrophe class this likely in the blank frames between two letters is a mark the model left out. */
const APOSTROPHE_SEEN = 0.15;
/** Above this it is a doubt: the name may have lost one. */
const APOSTROPHE_DOUBT = 0.01;
/**
 * The hyphen class in a name's blank frames: put back at this much between letters, a doubt from
 * this little in any gap away from a hyphen that was read. In names read right (two sets, 11,000
 * gaps) it never reached 0.02 there; beside a hyphen read it lingers up to 0.13.
 */
const HYPHEN_SEEN = 0.25;
const HYPHEN_DOUBT = 0.05;

/** Below the space threshold, the space class still rises this far over a word gap the model ran together. */
const LOST_GAP = 0.02;
/** Capitals much narrower than the letter pitch in most fonts. */
const NARROW_CAPITAL = /[IJ]/;
/** A lost gap before a lone last letter (a middle initial) needs this much. */
const LOST_INITIAL = 0.06;
/** ...and stands this many times over any other rise in the same word. */
const LOST_GAP_DOMINANCE = 4;
/** A letter left out of a name read under this (SIOBHAN O MENSAH's faint initial was 0.38)... */
const LEFT_OUT_FLOOR = 0.1;
/** ...in a box under this share of the name's height is noise, not a lost word. */
const SLIVER_HEIGHT = 0.6;
/**
 * Letters this many pitches apart, centre to centre, across a word gap leave room for a word between
 * them: a single space stands them 1.6 (proportional) to 2 (monospace) apart, an initial and its two
 * spaces 2.8 to 4.
 */
const WIDE_WORD_GAP = 2.5;
/** Print under this share of the name's height... */
const LEGEND_HEIGHT = 0.6;
/** ...whose centre stands this many name heights off the name's line (legends above it: 0.35-0.49)... */
const LEGEND_OFFSET = 0.3;
/** ...in a word of this many letters or more (a lone initial has one) is a legend, not the name's. */
const LEGEND_LETTERS = 3;
/** Cosine of the angle (20 degrees) past which a line runs too far off the number's to be on the card. */
const OFF_CARD_COSINE = 0.94;
/** Cosine of the angle (45 degrees) past which a line runs across the card's, not along a tilted box of its own. */
const STEEP_COSINE = Math.SQRT1_2;
/** A line whose letters span this many of its heights has a direction of its own, not a guess from a short box. */
const DIRECTED_LINE = 3;
/** What a line on the card's angle adds to a candidate's standing: more than all else together. */
const ON_CARD = 16;
/**
 * How many number heights past either end of the number's print a name may lie wholly and still be
 * on the card: a name starts at the number's margin or near it, and runs on under or over the number.
 */
const NUMBER_SPAN_REACH = 2;
/** Lines wholly beside the number's extent on one side that make a block of text beside the card. */
const TEXT_BESIDE_ROWS = 4;
/** Rows read in small letters alone that make a view's text a printed page's as well as the card's. */
const PAGE_TEXT_ROWS = 3;

/** Whether every word of a line is a card word (debit, mastercard). */
function onlyCardWords(chars: PlacedChar[]): boolean {
	const words = splitRuns(chars)
		.map((run) => letters(runText(run)))
		.filter((word) => word.length > 0);
	return words.length > 0 && words.every((word) => CARD_WORDS.has(word));
}

/** Three letters or more, every one of them small: a line of page text, not of a card. */
function smallLettersOnly(chars: PlacedChar[]): boolean {
	const text = chars.map((c) => c.char).join('');
	return /^[^A-Z]*$/.test(text) && (text.match(/[a-z]/g) ?? []).length >= 3;
}
/** The least a letter's probability may be for its line to count as read clearly. */
const CLEAR_LETTER = 0.5;
/** A lone cut stands at least this many times over any other rise left uncut in its word. */
const LOST_GAP_OVER_UNCUT = 2;
/** ...where the letters stand at least this many times their usual step apart. */
const LOST_GAP_STEP = 1.2;
/**
 * Beside a lone initial a fainter rise will do where the letters stand this many times their usual
 * step apart (JENNIFER VROBERTS: 0.043 at 1.75x). On bench seed 2107's names no two letters of one
 * word stood 1.4x apart with a rise of 0.02 or more.
 */
const LOST_INITIAL_STEP = 1.5;

/**
 * Word gaps the recogniser saw but did not emit ("ROBERTLOPEZ", "MOHAMMEDBINSALIM", "MEIWLEWIS"):
 * inside a run of letters from one box, positions where the space class rose clearly over its level
 * elsewhere in the run. Every word they leave has two letters or more, or is an initial: between two
 * such gaps, after a gap the model read (or a word gap between boxes, where it stands apart from
 * the word it ran into), or (O', D') before an apostrophe. A gap between two words also needs the
 * letters to stand wider apart than their usual step; beside an initial the rise must be higher
 * instead (the model keeps a narrow initial at its letter step), or the letters stand well apart.
 * These gaps stay doubtful, unless the crop stands blank there far wider than between letters (inkGap).
 */
function lostGaps(row: TextRow, pitch: number): Set<PlacedChar> {
	const found = new Set<PlacedChar>();
	let run: PlacedChar[] = [];
	let afterGap = false;
	let afterBoxGap = false;
	const closeRun = (after?: PlacedChar) => {
		const box = run[0]?.box;
		// A surname's O' or D' keeps its one letter: GRACEO'CONNOR splits before the O.
		const prefix = after !== undefined && after.char === "'" && after.box === box;
		// A gap the model read after the run: its last letter may be a middle initial (GRACEJ GARCIA).
		const gapAfter = after !== undefined && after.char === ' ' && after.box === box && run.length >= 4;
		// A logo's word with a letter lost (DISOVER) is no name with a gap lost.
		const logo = nearCardWord(runText(run).toUpperCase());
		if (run.length >= 3 && !logo)
			for (const i of bestCuts(run, { prefix, gapAfter, gapBefore: afterGap, boxGapBefore: afterBoxGap })) found.add(run[i]);
		run = [];
	};
	row.chars.forEach((c, k) => {
		if (!/[A-Za-z]/.test(c.char) || (run.length > 0 && run[run.length - 1].box !== c.box)) closeRun(c);
		if (/[A-Za-z]/.test(c.char)) {
			if (run.length === 0) {
				const previous = row.chars[k - 1];
				// A gap the model read before the run, or a word gap between its box and the one before.
				afterGap = previous !== undefined && previous.char === ' ' && previous.box === c.box;
				afterBoxGap = (boxStep(previous, c, pitch) ?? 0) >= BOX_WORD_GAP;
			}
			run.push(c);
		}
	});
	closeRun();
	return found;
}

/** At most this many rises are weighed per run: 2^n subsets are tried. */
const MAX_LOST_GAPS = 5;

/**
 * The set of rises to cut at that leaves only valid words, the strongest such set: run indices of
 * the letters that start a new word.
 */
function bestCuts(run: PlacedChar[], context: { prefix: boolean; gapAfter: boolean; gapBefore: boolean; boxGapBefore: boolean }): number[] {
	// Where the model also saw an apostrophe or a hyphen it left out (O|BRIEN, JI|WOO), the rise is the
	// mark's white: it is put back there, not cut.
	const rises = run.map((c, i) =>
		i === 0 || c.apostropheBefore >= APOSTROPHE_SEEN || (c.hyphenBefore ?? 0) >= HYPHEN_SEEN ? 0 : c.spaceBefore,
	);
	const peaks = rises
		.flatMap((r, i) => (r >= LOST_GAP ? [i] : []))
		.sort((a, b) => rises[b] - rises[a])
		.slice(0, MAX_LOST_GAPS);
	if (peaks.length === 0) return [];
	const background = Math.max(0.002, ...rises.filter((r, i) => i > 0 && !peaks.includes(i)));
	const strong = peaks.filter((i) => rises[i] >= background * LOST_GAP_DOMINANCE).sort((a, b) => a - b);
	const usualStep = median(run.slice(1).map((c, i) => c.along - run[i].along));
	// The model's frames must agree: letters run together inside a word sit at their usual step, a
	// lost gap leaves the step wider (GIUL|IA 1.0x, ROBERT|LOPEZ 1.22x).
	const stepRatio = (i: number) => (run[i].along - run[i - 1].along) / usualStep;
	const wide = (i: number) => stepRatio(i) >= LOST_GAP_STEP;
	// Beside a capital I or J, much narrower than the pitch (MI-JI|JANG), the step between centres runs
	// short across a real gap: there a clear rise, as beside an initial, will do between two words.
	const besideNarrow = (i: number) => NARROW_CAPITAL.test(run[i - 1].char + run[i].char) && rises[i] >= LOST_INITIAL;
	// A word after a lost gap starts with a capital: in a title-case run (Mary Wright) a lower-case
	// letter standing wide after a capital W or M is its own word's.
	const capital = (i: number) => /[A-Z]/.test(run[i].char);
	// A gap beside a lone letter: a clear rise, or a faint one where the letters stand well apart.
	const initialGap = (i: number) => rises[i] >= LOST_INITIAL || (rises[i] >= LOST_GAP && stepRatio(i) >= LOST_INITIAL_STEP && capital(i));
	let best: number[] = [];
	let bestRise = 0;
	for (let mask = 1; mask < 1 << strong.length; mask++) {
		const cuts = strong.filter((_, b) => mask & (1 << b));
		const bounds = [0, ...cuts, run.length];
		const words = bounds.slice(1).map((end, w) => ({ start: bounds[w], end }));
		const valid = words.every(({ start, end }, w) => {
			if (end - start >= 2) return true;
			const first = w === 0;
			const last = w === words.length - 1;
			// A lone letter: an initial where a gap stands on both sides of it, or an O' before its apostrophe.
			if (last && context.prefix) return wide(start);
			// After a word gap between boxes, the lone letter must also stand apart from the word it ran into.
			const before = first ? context.gapBefore || (context.boxGapBefore && wide(end) && capital(end)) : initialGap(start);
			const after = last ? context.gapAfter : initialGap(end);
			return before && after;
		});
		// A cut between two words of two letters or more needs the wider step.
		const stepped = cuts.every((i) => {
			const w = bounds.indexOf(i);
			const lone = (from: number, to: number) => to - from === 1;
			return lone(bounds[w - 1], i) || lone(i, bounds[w + 1]) || wide(i) || besideNarrow(i);
		});
		// A cut stands twice over any rise left uncut; with more than one cut, each needs a clear rise
		// four times over (two faint ones in JOHN WILLIAMS are noise).
		const uncut = Math.max(0, ...peaks.filter((i) => !cuts.includes(i)).map((i) => rises[i]));
		const clear = cuts.every(
			(i) =>
				rises[i] >= uncut * LOST_GAP_OVER_UNCUT &&
				(cuts.length === 1 || (rises[i] >= LOST_INITIAL && rises[i] >= uncut * LOST_GAP_DOMINANCE)),
		);
		const total = cuts.reduce((sum, i) => sum + rises[i], 0);
		if (valid && stepped && clear && total > bestRise) {
			best = cuts;
			bestRise = total;
		}
	}
	return best;
}

interface Candidate {
	segment: Segment;
	words: PlacedChar[][];
	text: string;
	/** Holds a card word that is also a name (MILES): maybe a product line. */
	nameLike: boolean;
	/** Every word's capital put back where the recogniser read small letters (claire da valle): a guess. */
	caseRestored: boolean;
	/** A capital I taken for the small l it is drawn like (Al Ng): a guess. */
	smallL: boolean;
}

/** Words after a surname, written with a stop or without (JR., SR, III). */
const NAME_SUFFIX = /^(JR|SR|ST|ESQ|II|III|IV)$/;

/** How sure a word gap is that the engine put back where an initial ran into a word: a doubt. */
const LOST_GAP_CERTAINTY = 0.5;

/**
 * A stop read under this before an initial and its own stop at the word's end is the word gap's
 * white read as a stop (bench seed 2231: PATRICIA.A. in Liberation Mono, the first stop at 0.51 in
 * the blank cell between the words, read PATRICI A. A.).
 */
const STOP_FOR_GAP = 0.6;
/**
 * How sure the word gap is that such a stop was read for: a doubt, a value of its own (told apart by
 * identity), which no initial's blank beside it raises (`narrowInitialApart`: ROBERTA.J. SMITH, a
 * real stop after A with blank either side, would read ROBERTA J. SMITH at 0.996; a read-only review).
 */
const STOP_AS_GAP = 0.49;
/**
 * ...with at least this much blank before it, against the usual run between letters: a real stop
 * after an initial run into the word (ROBERTJ.A.) sits close by its letter in most fonts (the white
 * read as a stop measured 2.0 in its crop; a read-only review).
 */
const STOP_IN_BLANK = 1.5;

/**
 * "T.ADAMS": an initial's full stop followed by a letter ends a word even where no gap was read; a
 * stop ending a longer word ends an initial run into it. A doubtful stop before a last initial and
 * its stop (PATRICIA.A.) is a word gap, in doubt.
 */
function splitInitials(segment: Segment): Segment {
	const words: PlacedChar[][] = [];
	const gapCertainty: number[] = [];
	segment.words.forEach((word, w) => {
		if (w > 0) gapCertainty.push(segment.gapCertainty[w - 1]);
		let start = 0;
		// An initial ran into the word before it: the gap the model lost is put back, in doubt.
		const cutLostGap = (at: number) => {
			words.push(word.slice(start, at));
			gapCertainty.push(LOST_GAP_CERTAINTY);
			start = at;
		};
		for (let i = 1; i < word.length - 1; i++) {
			if (word[i].char !== '.' || !/[A-Za-z]/.test(word[i + 1].char) || !/[A-Za-z]/.test(word[i - 1].char)) continue;
			const stopInBlank = word[i].prob < STOP_FOR_GAP && (word[i].inkGapBefore ?? 0) >= STOP_IN_BLANK;
			if (i - start >= 3 && stopInBlank && i + 2 === word.length - 1 && word[i + 2].char === '.') {
				words.push(word.slice(start, i));
				gapCertainty.push(STOP_AS_GAP);
				start = i + 1;
				continue;
			}
			// GEORGEX.WESTBROOK: the given name first, then the initial as below.
			if (i - start >= 3) cutLostGap(i - 1);
			if (i - start === 1) {
				words.push(word.slice(start, i + 1));
				gapCertainty.push(SURE_GAP);
				start = i + 1;
			}
		}
		// AMARAJ. ROSSI: an initial and its stop ran into the word before it, the gap lost (doubtful).
		// A surname follows an initial: a stop before a card word or label (HOLLOWAY. PLATINUM), or
		// after the last word, is a mark. Three letters or more must stand before the initial: JR.
		// and JNR. end names as written.
		const last = word.length - 1;
		const following = segment.words[w + 1];
		if (
			following !== undefined &&
			!isCardWord(runText(following)) &&
			last - start >= 4 &&
			word[last].char === '.' &&
			word.slice(start, last).every((c) => /[A-Za-z]/.test(c.char))
		)
			cutLostGap(last - 1);
		words.push(word.slice(start));
	});
	return { ...segment, words, gapCertainty };
}

/**
 * How much wider than the name's own widest word gap the gap before a card word that is also a name
 * must be, that word in a box of its own, to part it from the name: a name's words stand evenly,
 * and the detector boxes them together.
 */
const NAME_LIKE_TAIL_APART = 1.25;
/** ...or, in the name's own box, this many times: two spaces in a row are still a holder's line (a read-only review). */
const NAME_LIKE_TAIL_APART_IN_BOX = 2.5;

/**
 * The words before a card word that is also a name (MILES, BLACK), ending a line of three words or
 * more, set apart from them: the name, in doubt, cut from a product printed on its line; or null.
 * Third-hand sets 32-45: ELIZABETH EMMA DAVIS | MILES, HIROSHI X GARCIA | BLACK and OLUWASEUN HUGHES
 * | MILES, the product in a box of its own, its gap 1.1-2.3 times the name's widest in each crop (most
 * 1.3 and up); CARLOS VON ESSEN BLACK in one box, the gap three times the name's. A holder whose
 * surname it is (MARY ANN BLACK) is printed at even gaps, and read whole where the detector boxes the
 * surname apart too, unless the crop puts that gap a quarter wider than the name's others.
 */
function productNameAfter(segment: Segment, widestGap: (words: PlacedChar[][]) => number): Segment | null {
	const texts = segment.words.map(runText);
	const last = segment.words[segment.words.length - 1];
	if (texts.length < 3 || !NAME_LIKE_CARD_WORDS.has(texts[texts.length - 1].toUpperCase())) return null;
	if (texts.slice(0, -1).some(isCardWord)) return null;
	const head = segment.words.slice(0, -1);
	const before = head[head.length - 1];
	const ownBox = last[0].box !== before[before.length - 1].box;
	const gap = wordGap(segment, before, last);
	if (gap <= widestGap(head) * (ownBox ? NAME_LIKE_TAIL_APART : NAME_LIKE_TAIL_APART_IN_BOX)) return null;
	return { ...segment, words: head, gapCertainty: segment.gapCertainty.slice(0, head.length - 1), productTail: true, doubtful: true };
}

/**
 * A product or network name printed on the name line ("MATTEO ROSSI    TRAVEL REWARDS") is set
 * apart from the name by a gap wider than the name's own word gaps; an issuer's name ("PINE RIDGE
 * FEDERAL CREDIT UNION") is not. Only words so set apart are kept beside card words.
 */
function apartFromCardWords(segment: Segment): Segment[] {
	const texts = segment.words.map(runText);
	const pitch = segment.pitch;
	const step = (a: PlacedChar[], b: PlacedChar[]) => wordGap(segment, a, b);
	/** The widest word gap inside a run of words, half a letter at least. */
	const widestGap = (words: PlacedChar[][]) => Math.max(pitch * 0.5, ...words.slice(1).map((word, i) => step(words[i], word)));
	const nameLikeTail = productNameAfter(segment, widestGap);
	if (nameLikeTail) return splitAtOddGap(nameLikeTail);
	const isCard = nameLikeOnly(texts) ? texts.map(() => false) : cardWordFlags(texts);
	if (!isCard.some(Boolean)) return splitAtOddGap(segment);
	// Card words ending the line, set apart, are a product's (LOTTE VAN DEN BOSCH   DEBIT, third-hand
	// probe): the words before them are weighed as a line of their own, where a card word that is also
	// a name (LOTTE) may be the name's.
	let tail = texts.length;
	while (tail > 0 && isCard[tail - 1]) tail -= 1;
	if (tail >= 2 && tail < texts.length && nameLikeOnly(texts.slice(0, tail))) {
		const head = segment.words.slice(0, tail);
		if (step(head[tail - 1], segment.words[tail]) > widestGap(head) * SET_APART)
			return splitAtOddGap({ ...segment, words: head, gapCertainty: segment.gapCertainty.slice(0, tail - 1), productTail: true });
	}
	const kept: Segment[] = [];
	let start = 0;
	while (start < segment.words.length) {
		if (isCard[start]) {
			start += 1;
			continue;
		}
		let end = start;
		while (end + 1 < segment.words.length && !isCard[end + 1]) end += 1;
		const words = segment.words.slice(start, end + 1);
		const widest = widestGap(words);
		// A network's logo in a box of its own (VISA beside the name) is never part of the name's phrase.
		const logoApart = (logo: PlacedChar[], word: PlacedChar[]) =>
			networkLogo(runText(logo)) && logo[0].box !== word[word.length - 1].box && logo[0].box !== word[0].box;
		const before = start > 0 && !logoApart(segment.words[start - 1], words[0]) ? step(segment.words[start - 1], words[0]) : Infinity;
		const after =
			end + 1 < segment.words.length && !logoApart(segment.words[end + 1], words[words.length - 1])
				? step(words[words.length - 1], segment.words[end + 1])
				: Infinity;
		// A name set apart from a page's line stays in doubt, its place worth nothing (a read-only review).
		const part = {
			words,
			gapCertainty: segment.gapCertainty.slice(start, end),
			row: segment.row,
			pitch: segment.pitch,
			...(segment.pageTrimmed ? { doubtful: true, pageTrimmed: true } : {}),
		};
		// Product words ending the line, at the line's own word gap (ANA DA SILVA WORLD ELITE, FATIMA V.
		// WATSON INFINITE: third-hand sets 5 and 7, the name lost to the issuer's): the words before
		// them may be the name, in doubt. So may those before a network's logo read in the name's box
		// (PIETER DE LOS SANTOS DISCOVER, third-hand set 38: TIDEWATER, the issuer's, reported at 0.6).
		// So may two name words or more before one product word boxed apart from them, however close (third-
		// hand set 45: DMITRI LLOYD-WEBB | PRIVATE, 0.6 of a letter apart on a tilted card; PRIVATE, which
		// ends issuers' names as often, is no product word, and ORBIT stays taken there).
		const tailWords = segment.words.slice(end + 1);
		const nameBoxes = new Set(words.flat().map((c) => c.box));
		const boxedApart = words.length >= 2 && tailWords.length === 1 && tailWords[0].every((c) => !nameBoxes.has(c.box));
		const productTail =
			start === 0 &&
			texts.slice(end + 1).every((t) => PRODUCT_WORDS.has(letters(t)) || networkLogo(t)) &&
			(after >= widest * EVEN_GAP || boxedApart);
		if (Math.min(before, after) > widest * SET_APART) kept.push(part);
		else if (productTail) kept.push({ ...part, doubtful: true });
		// Names start their line: two name words and then card words a little further off
		// ("ANNE-SOPHIE HALLORAN  TRAVEL PLUS") may be a name and a product, in doubt. An issuer's
		// name keeps its word gaps even (PINE RIDGE FEDERAL CREDIT UNION).
		else if (start === 0 && words.length >= 2 && after > widest * PRODUCT_GAP) kept.push({ ...part, doubtful: true });
		start = end + 1;
	}
	return kept;
}

/** Label words an expiry or member date's label starts with. */
const LABEL_STARTS = ['VALID', 'VALIDTHRU', 'THRU', 'GOOD', 'GOODTHRU', 'EXP', 'EXPIRES', 'EXPIRY', 'EXPIRATION', 'MEMBER', 'SINCE'];
/** Of those, the ones no name is a letter away from (VINCE is from SINCE; KALID is from VALID, so only beside a date). */
const MISREAD_LABELS = ['VALID', 'VALIDTHRU', 'EXPIRES', 'EXPIRATION'];

/**
 * A word that starts a label: a label word, or one read with a letter misread or lost (VALD) that
 * stands before a label word or a date in its box.
 */
function startsLabel(words: PlacedChar[][], k: number, dateBoxes: Set<number>): boolean {
	const l = letters(runText(words[k]));
	if (LABEL_STARTS.includes(l)) return true;
	if (l.length < 4 || !MISREAD_LABELS.some((label) => editDistanceAtMostOne(l, label))) return false;
	const box = words[k][0].box;
	return dateBoxes.has(box) || words.slice(k + 1).some((word) => word[0].box === box && LABEL_STARTS.includes(letters(runText(word))));
}

/**
 * A label printed on the name's line in a box of its own (Margaret Whitfield | VALD THRU 07/32) is
 * split off, however narrow the gap before it: a monospaced name is spaced as widely as that gap, so
 * gaps cannot tell them apart. Only a box that starts with a label word, holds the card's date (or
 * number), or holds another date after letters, is split off, after two words at least (one word
 * alone is never a sure name). A
 * surname in the label's box (JOHN PAUL | SMITH VALID THRU) leaves the line as it was: no name; one
 * in the date's box (JOHN PAUL | SMITH 03/28) leaves the words before it in doubt. They are in doubt
 * too unless the label labels the card's date there: in its own box, or in the next one right after
 * it on the line (a minimal card's "MARY D'ANGELO  GOOD THRU 10/34", a third-hand probe's layout).
 * Without it, a heading in words no vocabulary knows (BLUE HORIZON) beside a label, its date on
 * another line, is as likely.
 */
function apartFromLabelBox(segment: Segment, dates: ReadDigits): Segment[] {
	const { words } = segment;
	for (let k = 2; k < words.length; k++) {
		const box = words[k][0].box;
		const previous = words[k - 1];
		if (box === previous[previous.length - 1].box && !labelInNameBox(segment, k, dates)) continue;
		// Print read into the date's own box in front of it (a stacked VALID THRU read YAB before
		// 03/28, b2169) is that date's label as read, not a word of the name: split off too. The words
		// before it are in doubt unless it starts with a piece of a label (MEMBE2021YAD02/2030) or the
		// date runs on from it with no word gap (a surname read into the date's box would stand a gap
		// apart from it, and be lost).
		const inDateBox = dates.boxes.has(box);
		const text = runText(words[k]);
		const ownDate = labelOfOwnDate(words, k);
		const label =
			ownDate ||
			startsLabel(words, k, dates.boxes) ||
			// A decoy date first in that box (01/31 EXP07/35 after the name, bench seed 2171) is no surname to lose.
			(inDateBox && (!/[A-Za-z]/.test(text) || labelPiece([text.replace(/[^A-Za-z][\s\S]*$/, '')]) || labelReadInPieces(words, k))) ||
			runsIntoDate(words[k], segment.row, dates);
		// A box of its own after the name holding letters and then a date, under a label the vocabulary
		// cannot read (a stacked VALID FROM read YALI05/25, third-hand set 53), is no part of the name
		// either: the words before it stay, in doubt where it stands no further off than a word gap of
		// theirs could (a surname boxed so, SMITH 05/25, is lost). A date alone in its box (ANNA LEE |
		// 12/30) leaves the line as it was.
		const boxText = words
			.slice(k)
			.filter((word) => word[0].box === box)
			.map(runText)
			.join(' ');
		const dateAt = PRINTED_DATE.exec(boxText);
		const otherDate = !label && !inDateBox && dateAt !== null && /[A-Za-z]/.test(boxText.slice(0, dateAt.index));
		if (!label && !inDateBox && !otherDate) continue;
		const part = (from: number, to: number): Segment => ({
			...segment,
			words: words.slice(from, to),
			gapCertainty: segment.gapCertainty.slice(from, Math.max(from, to - 1)),
		});
		const labelChars = words
			.slice(k)
			.flat()
			.filter((c) => c.box === box);
		const labelled = inDateBox || ownDate || dateRightAfter(segment.row, labelChars, dates.chars);
		if (otherDate) return [{ ...part(0, k), doubtful: segment.doubtful || !standsApart(segment, k) }, part(k, words.length)];
		const printedLabel = printedExpiryLabel(words, k);
		const labelBeside = label && labelled && printedLabel.length > 0 ? { labelBeside: printedLabel } : {};
		return [{ ...part(0, k), doubtful: segment.doubtful || !labelled || !label, ...labelBeside }, part(k, words.length)];
	}
	return [segment];
}

/**
 * Whether word k stands apart from the words before it as splitAtOddGap would part them: 2.2 times
 * their usual word gap (ISSUEDON 11/23 after OWEN LOPEZ, a third-hand scan).
 */
function standsApart(segment: Segment, k: number): boolean {
	const gaps = segment.words.slice(1, k).map((word, i) => wordGap(segment, segment.words[i], word));
	const typical = Math.max(median(gaps), segment.pitch * 0.5);
	return wordGap(segment, segment.words[k - 1], segment.words[k]) >= typical * ODD_GAP_RATIO;
}

/** Where the first of these runs of characters starts and the last ends, along x (+-Infinity for none). */
function xExtent(runs: PlacedChar[][]): [number, number] {
	const filled = runs.filter((chars) => chars.length > 0);
	return [Math.min(...filled.map((chars) => chars[0].quad[0].x)), Math.max(...filled.map((chars) => chars[chars.length - 1].quad[1].x))];
}

/** A date as printed: month, slash, year. */
const PRINTED_DATE = /\d{1,2}[/\\]\d{2}/;

/**
 * Whether the box starting at word k is a label with a date of its own in it, another date than the
 * card's expiry (LIM DOYOON | ISSUE DATE 04/25, its ISSUE read ISUE, a third-hand layout): every
 * word before that date in the box is a label's. A surname in front of a date in its box (SMITH
 * 03/28), or boxed with the label (SMITH MEMBER SINCE 04/19, a read-only review), stays.
 */
function labelOfOwnDate(words: PlacedChar[][], k: number): boolean {
	const box = words[k][0].box;
	const before: string[] = [];
	for (let j = k; j < words.length && words[j][0].box === box; j++) {
		const text = runText(words[j]);
		const date = PRINTED_DATE.exec(text);
		if (date) {
			const labelWords = [...before, text.slice(0, date.index)].filter((word) => letters(word).length > 0);
			return labelWords.length > 0 && labelWords.every(dateLabelWord);
		}
		before.push(text);
	}
	return false;
}

/** A date label's word as read: whole, a piece of a label, or four letters or more with one misread (ISUE). */
function dateLabelWord(word: string): boolean {
	const l = letters(word);
	return (
		DATE_LABEL_WORDS.includes(l) ||
		labelPiece([word]) ||
		(l.length >= 4 && DATE_LABEL_WORDS.some((known) => known.length >= 4 && editDistanceAtMostOne(l, known)))
	);
}

/**
 * Whether the word is print read into the card's date (or number) in its box: the date's next
 * character follows it with nothing of the row between them and no word gap before it, and the
 * word is too short for a surname (YAB03/28). A surname run into the date (SMITH03/28) reads the
 * same way, so a longer word is not taken for such print.
 */
function runsIntoDate(word: PlacedChar[], row: TextRow, dates: ReadDigits): boolean {
	const last = word[word.length - 1];
	const after = dates.chars.filter((c) => c.box === last.box && c.along > last.along);
	if (after.length === 0) return false;
	const next = after.reduce((a, b) => (b.along < a.along ? b : a));
	const between = row.chars.some((c) => c.box === last.box && c.along > last.along && c.along < next.along);
	const text = letters(runText(word));
	return !between && next.spaceBefore < 0.5 && text.length <= RUN_IN_LETTERS;
}

/**
 * A date label read in pieces first in the date's own box (EX P I RES 03/28, the gaps inside its word
 * read as spaces): label print, no surname the split loses. Only pieces that join into a long label
 * word as printed (EXPIRES, VALIDTHRU): shorter ones and pieces of labels are surnames too (GO OD,
 * DA TE, PI RES: a read-only review).
 */
function labelReadInPieces(words: PlacedChar[][], k: number): boolean {
	const box = words[k][0].box;
	const pieces: string[] = [];
	for (let j = k; j < words.length && words[j][0].box === box && words[j].every((c) => /[A-Za-z]/.test(c.char)); j++)
		pieces.push(runText(words[j]));
	const joined = letters(pieces.join(''));
	return pieces.length >= 2 && joined.length >= PIECED_LABEL_LETTERS && DATE_LABEL_WORDS.includes(joined);
}

/** Letters a label read in pieces has at least: EXPIRES, EXPIRATION, VALIDTHRU, GOODTHRU. */
const PIECED_LABEL_LETTERS = 7;

/** Letters a word run into the date may have and still be taken for misread label print. */
const RUN_IN_LETTERS = 3;

/** How far past a label's last letter its date may start, in line heights, and how far off its line. */
const LABEL_DATE_REACH = 4;
const LABEL_DATE_ACROSS = 0.5;

/** Date label words that only follow a label's first word (VALID THRU, MEMBER SINCE): no label starts with them. */
const LABEL_SECOND_WORDS = ['THRU', 'SINCE'];

/**
 * Whether word k of a segment is a date label's word as printed: GOOD only before THRU, as GOOD alone
 * is a surname as often (MARY ANN GOOD).
 */
function printedLabelWord(words: PlacedChar[][], k: number): boolean {
	const l = letters(runText(words[k]));
	return DATE_LABEL_WORDS.includes(l) && (l !== 'GOOD' || letters(runText(words[k + 1] ?? [])) === 'THRU');
}

/** Word k and the words after it in its box. */
function boxWordsFrom(words: PlacedChar[][], k: number): PlacedChar[][] {
	const box = words[k][0].box;
	return words.slice(k).filter((word) => word[0].box === box);
}

/**
 * Whether a box's words from one on may be an expiry label's: not started by a word that only
 * follows a label's first (THRU, SINCE), and no decoy's word among them (FROM, SINCE, MEMBER, ISSUE).
 */
function mayBeExpiryLabel(inBox: PlacedChar[][]): boolean {
	const texts = inBox.map((word) => letters(runText(word)));
	return !LABEL_SECOND_WORDS.includes(texts[0]) && !texts.some((t) => DECOY_WORDS.test(t));
}

/**
 * The words of an expiry label as printed, starting at word k, in its box: none where word k is no
 * label's first word read as printed, or a decoy's word is among them (MEMBER SINCE: a surname like
 * that boxed with a date is a word of the name as likely, a third read-only review).
 */
function printedExpiryLabel(words: PlacedChar[][], k: number): PlacedChar[] {
	const inBox = boxWordsFrom(words, k);
	if (!LABEL_STARTS.includes(letters(runText(words[k]))) || !mayBeExpiryLabel(inBox)) return [];
	return inBox.filter((_, j) => printedLabelWord(inBox, j)).flat();
}

/**
 * Whether word k, in the box of the words before it, starts the card's date label, the date right
 * after it, in that box or the next (bench seed 2255: ELENA DI STEFANO EXP 10/30 boxed whole, on a
 * card printing the date on the name's line; the line gave no name). Three read-only reviews bound it:
 * - a label's first word (not THRU or SINCE, which would leave a misread VALID in the name), read as
 *   printed or a letter off before THRU (a surname a letter from VALID, WALID or KALID, is boxed with
 *   the date just as well), GOOD only before THRU (MARY ANN GOOD);
 * - every word from it to the date a label's (ANNA MARIE EXP SMITH), none a decoy's (a heading's
 *   BLUE HORIZON VALID FROM 01/20, its date taken);
 * - the date the card's.
 */
function labelInNameBox(segment: Segment, k: number, dates: ReadDigits): boolean {
	const { words } = segment;
	const l = letters(runText(words[k]));
	const inBox = boxWordsFrom(words, k);
	if (!mayBeExpiryLabel(inBox) || !startsLabel(words, k, dates.boxes)) return false;
	if (l === 'GOOD' && !printedLabelWord(words, k)) return false;
	return (
		(LABEL_STARTS.includes(l) || letters(runText(inBox[1] ?? [])) === 'THRU') &&
		inBox.every((word) => dateLabelWord(runText(word))) &&
		dateRightAfter(segment.row, inBox.flat(), dates.chars)
	);
}

/** The digits read as a date (or the number), and the detector boxes they are in. */
interface ReadDigits {
	chars: PlacedChar[];
	boxes: Set<number>;
}

/**
 * Whether the card's date starts right after a label, on its line: one of its digits past the
 * label, within half a line height of the line (a date on the line below, under the label's end,
 * is another layout: the heading's).
 */
function dateRightAfter(row: TextRow, label: PlacedChar[], dateChars: PlacedChar[]): boolean {
	const end = quadCenter(label[label.length - 1].quad);
	return dateChars.some((c) =>
		aheadOnLine(end, quadCenter(c.quad), row.direction, row.height * LABEL_DATE_REACH, row.height * LABEL_DATE_ACROSS),
	);
}

/**
 * The highest hyphen class in the blank frames inside a name, spaces included, on its row: the gaps
 * before each character from its second to its last, except right before or after a hyphen read.
 */
function hyphenRise(candidate: Candidate): number {
	const chars = candidate.segment.row.chars;
	const flat = candidate.words.flat();
	// A letter read on after a gap taken out, or put in for a digit, is a copy: found by its place,
	// where a space put in where the space class rose stands too.
	const at = (c: PlacedChar) => {
		const k = chars.indexOf(c);
		return k >= 0 ? k : chars.findIndex((ch) => ch.box === c.box && ch.along === c.along && ch.char !== ' ');
	};
	const from = at(flat[0]);
	const to = at(flat[flat.length - 1]);
	let rise = 0;
	// The mark read before, past a space the model read after it (JI- WOO), counts as beside it.
	const markBefore = (j: number) => chars[j - 1].char === '-' || (chars[j - 1].char === ' ' && chars[j - 2]?.char === '-');
	for (let j = from + 1; j <= to && from >= 0; j++) {
		if (chars[j].char === '-' || markBefore(j)) continue;
		rise = Math.max(rise, chars[j].hyphenBefore ?? 0);
	}
	return rise;
}

function row(candidate: Candidate): PlacedChar[] {
	return candidate.segment.row.chars;
}

/**
 * The gap between two words: the step between their facing letters less the row's letter pitch,
 * measured the same way inside a box and across boxes (grown detector boxes overlap, so their
 * edges would make a gap between boxes look narrower than the same gap inside one).
 */
function wordGap(segment: Segment, a: PlacedChar[], b: PlacedChar[]): number {
	return b[0].along - a[a.length - 1].along - segment.pitch;
}

/**
 * An odd gap under two letters of blank may be a word gap of the name's own (independent seed 205:
 * PRIYA | AMUNDSEN at 1.25 letters, monospace, odd only beside a gap read inside AMUNDSEN).
 */
const ODD_GAP_MIN = 2;

/** A gap this many times a line's usual word gap is odd: what it parts is not one name. */
const ODD_GAP_RATIO = 2.2;

/**
 * Three or more words with one gap far wider than the others are a name and something printed
 * beside it that no vocabulary knows (a product tier, a network's name): split there.
 */
function splitAtOddGap(segment: Segment): Segment[] {
	if (segment.words.length < 3) return [segment];
	const gaps = segment.words.slice(1).map((word, i) => wordGap(segment, segment.words[i], word));
	const widest = gaps.indexOf(Math.max(...gaps));
	const typical = Math.max(median(gaps.filter((_, i) => i !== widest)), segment.pitch * 0.5);
	const cut = widest + 1;
	// An initial is followed by the surname, however wide its full stop makes the gap.
	if (gaps[widest] < typical * ODD_GAP_RATIO || letters(runText(segment.words[widest])).length === 1) return [segment];
	// Split from words that could be a name as well (WAL TER | LOCKWOOD, where the model read a space
	// inside WALTER): which part is the name, or whether both are, is a guess.
	const nameWords = (words: PlacedChar[][]) => words.map(runText).every(isNameWord);
	const doubtful = segment.doubtful || (nameWords(segment.words.slice(0, cut)) && nameWords(segment.words.slice(cut)));
	const part = (from: number, to: number) => ({
		words: segment.words.slice(from, to),
		gapCertainty: segment.gapCertainty.slice(from, Math.max(from, to - 1)),
		row: segment.row,
		pitch: segment.pitch,
		doubtful,
		...(segment.productTail ? { productTail: true } : {}),
		...(segment.pageTrimmed ? { pageTrimmed: true } : {}),
	});
	// Under two letters of blank the gap may be the line's own word gap, made to look odd by a gap read
	// inside a word: the whole line stands beside its parts, every one in doubt.
	if (gaps[widest] < segment.pitch * ODD_GAP_MIN)
		return [
			{ ...segment, doubtful: true },
			{ ...part(0, cut), doubtful: true },
			{ ...part(cut, segment.words.length), doubtful: true },
		];
	return [part(0, cut), part(cut, segment.words.length)];
}

/** Words in small letters a line beside a name in title case needs to be taken for a page's. */
const PAGE_LINE_WORDS = 3;

/**
 * Page text in small letters run into a name in capitals at either end of its line (third-hand set 4:
 * a parcel slip's "retur" before ARJUN PATEL, the line then no name and a scene's word reported): a
 * name is written in one case, so such words are set apart. Particles (van, de) stay.
 * Beside a name written in title case only where the detector boxed the page's words apart from it
 * (third-hand set 62: a printed page's line, "ole from have wy ove", boxed before Ingrid Bennett on
 * the card's row, the line then no name and the page's "shouldn" reported as Should N): inside one
 * box, small words before title-case ones are as likely a sentence. And then in doubt, its place
 * worth nothing and no rival (`pageTrimmed`): a surname read in small letters in a box of its own
 * (Maria Clara | costa souza) would be set apart as well, and page text has title-case words too (read
 * more at | Home Depot, under an indented JOHN SMITH: two read-only reviews).
 */
function apartFromSmallLetters(segment: Segment): Segment[] {
	const texts = segment.words.map(runText);
	// A lone small letter too, beside a page word: one cut at the view's edge (third-hand set 20: "e more
	// only how at now more DA-EUN PARK", the page's line beside the name).
	const small = (t: string) => /^[a-z]+$/.test(t) && !NAME_PARTICLES.has(t);
	// A word in capitals stays, so the name keeps at least one word.
	const inCapitals = texts.some((t) => /[A-Z]{2}/.test(t) && t === t.toUpperCase());
	if (!inCapitals && !texts.some(isTitleCase)) return [segment];
	let start = 0;
	let end = texts.length;
	while (small(texts[start])) start += 1;
	while (small(texts[end - 1])) end -= 1;
	// A lone small letter alone at an end is an initial read small (c WILLIAMS, its C's runner-up the
	// capital: read-only review), not page text: only a run with a page word is set apart.
	const pageWord = (t: string) => /^[a-z]{2,}$/.test(t);
	if (!texts.slice(0, start).some(pageWord)) start = 0;
	if (!texts.slice(end).some(pageWord)) end = texts.length;
	const boxedApart = (a: number, b: number) => segment.words[a][segment.words[a].length - 1].box !== segment.words[b][0].box;
	if (!inCapitals) {
		// A page's line: three words or more, boxed apart from a name of two words or more (a surname of
		// one or two words read in small letters in a box of its own, Anne Marie | clark, is no page).
		const pageLine = (from: number, to: number) => texts.slice(from, to).filter(pageWord).length >= PAGE_LINE_WORDS;
		if (start > 0 && !(boxedApart(start - 1, start) && pageLine(0, start))) start = 0;
		if (end < texts.length && !(boxedApart(end - 1, end) && pageLine(end, texts.length))) end = texts.length;
		if (end - start < 2 || (start === 0 && end === texts.length)) return [segment];
		// Beside the line as it was: where it still gives the name (its page words set apart at a wide gap
		// or by card words among them), that reading stands and this one is dropped (see readName).
		const trimmed = { words: segment.words.slice(start, end), gapCertainty: segment.gapCertainty.slice(start, end - 1) };
		return [segment, { ...segment, ...trimmed, doubtful: true, pageTrimmed: true }];
	}
	// The line's first or last word, of three letters or more shaped alike in both cases (woo, zou), alone
	// in a box beside the capitals, is a word of the name read small: alone in its box, the model has no
	// capital beside it to size its letters by (independent seed 291: the closer look's HONG SANG | woo,
	// HONG SANG at 0.99 taking the place of HONG SANG WOO). It is put back in capitals, in doubt: page
	// text has such words too. Not a word of two letters (so, us, ox), nor one that starts or ends a
	// page's line boxed beside the name (write to us, a read-only review).
	const restored = new Set<number>();
	if (start === 1 && shapeAlikeWord(texts[0]) && boxedApart(0, 1)) restored.add(--start);
	if (end === texts.length - 1 && end > start && shapeAlikeWord(texts[end]) && boxedApart(end - 1, end)) restored.add(end++);
	if (start === 0 && end === texts.length && restored.size === 0) return [segment];
	const words = segment.words.map((word, k) => (restored.has(k) ? word.map((c) => ({ ...c, char: c.char.toUpperCase() })) : word));
	return [
		{
			...segment,
			words: words.slice(start, end),
			gapCertainty: segment.gapCertainty.slice(start, end - 1),
			...(restored.size > 0 ? { doubtful: true } : {}),
		},
	];
}

/** A word of three small letters or more, each drawn as its capital is but for its size (SHAPE_ALIKE). */
function shapeAlikeWord(text: string): boolean {
	return text.length >= 3 && [...text].every((ch) => SHAPE_ALIKE.test(ch));
}

/**
 * Whether a word's only digits are zeros in pairs side by side, each pair beside a letter: OO read
 * as 00 (bench seed 2155: EUN-YU Y00; bench seed 2185: KIM J00-S00, both parts of a hyphened name).
 */
function zeroPairsOnly(word: PlacedChar[], digits: PlacedChar[]): boolean {
	if (digits.length === 0 || digits.length % 2 !== 0 || digits.some((c) => c.char !== '0')) return false;
	const letter = (c: PlacedChar | undefined) => c !== undefined && /[A-Za-z]/.test(c.char);
	for (let k = 0; k < digits.length; k += 2) {
		const at = word.indexOf(digits[k]);
		if (word[at + 1] !== digits[k + 1] || word[at + 2]?.char === '0') return false;
		if (!letter(word[at - 1]) && !letter(word[at + 2])) return false;
	}
	return true;
}

/**
 * A word of three or more characters with one look-alike digit among letters, that digit as its
 * letter; or whose only digits are zeros in pairs beside letters, each as O (bench seed 2155: EUN-YU
 * Y00, the surname dropped and the name left one word).
 */
function letterForDigit(word: PlacedChar[]): PlacedChar[] {
	const digits = word.filter((c) => /\d/.test(c.char));
	if (zeroPairsOnly(word, digits) && word.length >= 3) {
		// In the word's case: small in a word with small letters (Ch00 in a title-case name is Choo).
		const o = word.some((c) => /[a-z]/.test(c.char)) ? 'o' : 'O';
		return word.map((c) => (c.char === '0' ? { ...c, char: o, fromDigit: true } : c));
	}
	if (word.length < 3 || digits.length !== 1 || !(digits[0].char in LETTER_FOR_DIGIT)) return word;
	// Hyphens and apostrophes count with the letters where the digit stands inside the word (SO0-JIN: a
	// third-hand probe's name lost to the issuer's at 0.996); at a hyphened word's edge it is as often
	// a speck a crop past the name's end read (8SO-YOUNG).
	const marked = word.some((c) => /['-]/.test(c.char));
	if (marked && (word[0] === digits[0] || word[word.length - 1] === digits[0])) return word;
	if (word.filter((c) => /[A-Za-z'-]/.test(c.char)).length < word.length - 1 - (word[word.length - 1].char === '.' ? 1 : 0)) return word;
	return word.map((c, i) => {
		if (c !== digits[0]) return c;
		const letter = LETTER_FOR_DIGIT[c.char];
		// Lower case inside a lower-case word (Mar1a), capital at a word's start or among capitals.
		const lower = i > 0 && /[a-z]/.test(word[i - 1].char);
		return { ...c, char: lower ? letter.toLowerCase() : letter, fromDigit: true };
	});
}

/**
 * A look-alike digit with a full stop between two words ("WINONA 0. BANERJEE", independent seed 177)
 * is a middle initial read as a digit: its letter. So is one alone, without a stop, where its short
 * box was taken into the word gap (DELPHINE 0 WHITFIELD, independent seed 253).
 */
function initialForDigit(word: PlacedChar[], i: number, words: PlacedChar[][]): PlacedChar[] {
	if (i === 0 || i === words.length - 1 || !(word[0].char in LETTER_FOR_DIGIT)) return word;
	const withStop = word.length === 2 && word[1].char === '.';
	// Boxed alone, only between two of the name's own words: a round mark between a surname and a card
	// word or suffix (a contactless symbol before PLATINUM) is no initial (a read-only review).
	const nameWord = (w: PlacedChar[]) => nameWordAt(w, 0, 1);
	const boxedAlone = word.length === 1 && word[0].shortBox === true && nameWord(words[i - 1]) && nameWord(words[i + 1]);
	if (!withStop && !boxedAlone) return word;
	return [{ ...word[0], char: LETTER_FOR_DIGIT[word[0].char], fromDigit: true }, ...word.slice(1)];
}

/** A digit boxed short in a word gap that is no initial there (before a card word): a mark, no word of the line. */
function strayDigit(word: PlacedChar[]): boolean {
	return word.length === 1 && word[0].shortBox === true && /\d/.test(word[0].char);
}

/**
 * One digit among a word's letters (0SEI, MAR1A) is a letter the model read as its look-alike; the
 * name is then in doubt. A stray digit boxed short is left out: where the words either side stand too
 * far apart for one line without it, the segment parts there as it would have (JOHNATHAN A 0
 * SMITHSON read JOHNATHAN A SMITHSON at 0.996 across it; a read-only review). A segment of stray
 * digits alone is none.
 */
function lettersForDigits(segment: Segment): Segment[] {
	const mapped = segment.words.map(letterForDigit).map(initialForDigit);
	const kept = mapped.flatMap((word, i) => (strayDigit(word) ? [] : [i]));
	if (kept.length === mapped.length) return [mapped.some((word, i) => word !== segment.words[i]) ? { ...segment, words: mapped } : segment];
	const parts: Segment[] = [];
	let part: Segment | null = null;
	kept.forEach((at, k) => {
		const previous = kept[k - 1];
		if (part && previous !== undefined && farApart(mapped[previous], mapped[at], segment.row, segment.pitch)) {
			parts.push(part);
			part = null;
		}
		if (!part) part = { ...segment, words: [], gapCertainty: [] };
		else {
			const across = segment.gapCertainty.slice(previous, at);
			part.gapCertainty.push(Math.min(...across));
		}
		part.words.push(mapped[at]);
	});
	if (part) parts.push(part);
	return parts;
}

/**
 * Product and tier words printed beside a name, long enough that no surname ends in one by chance
 * (GOLD does, REINGOLD; a network's name does too, DELMAESTRO, and NATIONAL ends INTERNATIONAL).
 */
const GLUED_PRODUCT_WORDS = [
	'PLATINUM',
	'SIGNATURE',
	'INFINITE',
	'PREFERRED',
	'PREMIER',
	'PREMIUM',
	'TITANIUM',
	'SAPPHIRE',
	'BUSINESS',
	'CORPORATE',
	'COMMERCIAL',
	'REWARDS',
	'CASHBACK',
	'PRESTIGE',
	'UNLIMITED',
];
/** Letters of the name's own before a glued product word. */
const GLUED_NAME_MIN = 3;

/**
 * A product word printed small right after the name, with no gap the recogniser saw
 * ("CASTELLANOSPLATINUM", independent seed 181, reported at 0.992): the name ends where the product
 * word starts, and where it ends is a guess.
 */
function withoutGluedProductWord(segment: Segment): Segment {
	for (let k = 0; k < segment.words.length; k++) {
		const word = segment.words[k];
		const text = runText(word).toUpperCase();
		const product = GLUED_PRODUCT_WORDS.find((p) => text.endsWith(p));
		if (!product) continue;
		const own = word.slice(0, word.length - product.length);
		const ownText = runText(own);
		if (letters(ownText).length < GLUED_NAME_MIN || NAME_PARTICLES.has(ownText.toLowerCase())) continue;
		return {
			...segment,
			words: [...segment.words.slice(0, k), own],
			gapCertainty: segment.gapCertainty.slice(0, k),
			doubtful: true,
		};
	}
	return segment;
}

function candidateOf(whole: Segment): Candidate | null {
	// Names end on a letter: a full stop after a last word of two letters or more (HOLLOWAY.) is a
	// speck or a border the model read, except after JR or SR.
	const lastWord = whole.words[whole.words.length - 1];
	const dot = lastWord[lastWord.length - 1];
	const trailingDot =
		lastWord.length > 2 &&
		dot.char === '.' &&
		/[A-Za-z]/.test(lastWord[lastWord.length - 2].char) &&
		!NAME_SUFFIX.test(letters(runText(lastWord)));
	// A faint dot may be a thin last letter (AL. for ALI): the name stays in doubt.
	const trimmed: Segment = trailingDot
		? { ...whole, words: [...whole.words.slice(0, -1), lastWord.slice(0, -1)], doubtful: whole.doubtful || dot.prob < 0.45 }
		: whole;
	const segment = trimmed;
	const read = segment.words.map(runText);
	const capitals = segment.words.map(withShapeAlikeCapital);
	// A small l read as a capital I only beside words the recogniser read in small letters itself.
	const written = read.some((t) => /[a-z]/.test(t));
	const restored = capitals.map((t, i) => (written && read[i] === t ? withSmallL(segment.words[i], t) : t));
	// Restored only where every word then reads as a name written in title case.
	const restoredTitle = restored.every((t, i) => isTitleCase(t) || /^[A-Za-z]\.?$/.test(t) || isInnerParticle(restored, i));
	const texts = restoredTitle ? restored : read;
	const nameLike = nameLikeOnly(texts);
	if (!nameLike && cardWordFlags(texts).some(Boolean)) return null;
	if (labelPiece(texts)) return null;
	if (!texts.every((t, i) => isNameWord(t) || isInnerParticle(texts, i))) return null;
	// A name printed in title case is reported as printed; otherwise casing slips are put right.
	const loneLetter = (t: string) => /^[A-Za-z]\.?$/.test(t);
	const titleCase =
		texts.every((t, i) => isTitleCase(t) || loneLetter(t) || isInnerParticle(texts, i)) &&
		texts.some((t) => /[a-z]/.test(t) && !loneLetter(t));
	const text = titleCase ? texts.map((t) => (loneLetter(t) ? t.toUpperCase() : t)).join(' ') : texts.join(' ').toUpperCase();
	const count = letters(text).length;
	if (count < 3 || count > 45) return null;
	// One word's capital put back among words read in title case (Beatriz Q. okonkwo) is the name's
	// rule; every word's is as likely page text in small letters.
	const caseRestored = restored.every((t, i) => t !== read[i] || loneLetter(t) || isInnerParticle(texts, i));
	const smallL = restoredTitle && restored.some((t, i) => t !== capitals[i]);
	return { segment, words: segment.words, text, nameLike, caseRestored, smallL };
}

/** The x extent of characters' print: from the leftmost's left edge to the rightmost's right edge. */
function xSpan(chars: PlacedChar[]): [number, number] {
	return [Math.min(...chars.map((ch) => ch.quad[0].x)), Math.max(...chars.map((ch) => ch.quad[1].x))];
}

/** Where dates (digits round a slash) are in a row: x extent, centre line and height. */
function dateSpans(row: TextRow): Array<{ x0: number; x1: number; y: number; h: number }> {
	const spans: Array<{ x0: number; x1: number; y: number; h: number }> = [];
	let run: PlacedChar[] = [];
	const close = () => {
		if (run.some((c) => c.char === '/') && run.filter((c) => /\d/.test(c.char)).length >= 3) {
			const [x0, x1] = xSpan(run);
			spans.push({ x0, x1, y: row.center.y, h: row.height });
		}
		run = [];
	};
	for (const c of row.chars) {
		if (/[\d/]/.test(c.char)) run.push(c);
		else close();
	}
	close();
	return spans;
}

/**
 * The holder's name: a line of 2-4 name-like words that carries no issuer, network, product or label
 * word, preferring the line nearest the bottom of the card below the number (where cards print it).
 * Confidence is high only for a clear reading: every character sure, every word gap sure, and no
 * other line that could as well be the name. `exclude` holds the characters the number and the date
 * took, `numberOwn` the number's alone (its digits set the number's extent).
 */
export function readName(
	rows: TextRow[],
	numberRows: TextRow[],
	exclude: Set<PlacedChar>,
	numberOwn: Set<PlacedChar> = exclude,
): NameChoice | null {
	const numberY = numberRows.length > 0 ? Math.max(...numberRows.map((r) => r.center.y)) : null;
	// Digits read as a date (or the number): a label's date, in its box or right after it.
	const dateChars = [...exclude].filter((c) => /\d/.test(c.char));
	const readDigits: ReadDigits = { chars: dateChars, boxes: new Set(dateChars.map((c) => c.box)) };
	let found = rows
		.map((row) => ({ ...row, chars: row.chars.filter((c) => !exclude.has(c)) }))
		.filter((row) => row.chars.length > 0)
		.flatMap(segments)
		.flatMap(apartFromSmallLetters)
		.map(splitInitials)
		.flatMap(lettersForDigits)
		.map(withoutGluedProductWord)
		.flatMap((segment) => apartFromLabelBox(segment, readDigits))
		.flatMap(apartFromCardWords)
		.map(candidateOf)
		.filter((c): c is Candidate => c !== null);
	// A name set apart from a page's line is one the line as it was did not give: where it did, that
	// reading stands (a fourth read-only review: Ingrid Bennett | and so on, sure before, lost to an
	// indented Blue River at 0.996 once set apart).
	const readWhole = (c: Candidate) => found.some((o) => !o.segment.pageTrimmed && o.segment.row === c.segment.row && o.text === c.text);
	found = found.filter((c) => !c.segment.pageTrimmed || !readWhole(c));
	if (found.length === 0) return null;
	/** A holder's name has two to four words. */
	const nameWordCount = (count: number) => count >= 2 && count <= 4;
	const multi = (c: Candidate) => nameWordCount(c.words.length);
	const belowNumber = (c: Candidate) => numberY === null || c.segment.row.center.y > numberY;
	// Names start at the card's left text margin; product names and logos sit to the right. A card is
	// flat: its lines run parallel to its number, and text well off that angle (a receipt or a letter
	// under it, third-hand probe: HOFMANN at 37 degrees) is not its own. A short word's direction is
	// rough, and a photo's perspective turns a card's lines a little: only well off counts.
	const onCard = (row: TextRow) => {
		const along = numberRows[0]?.direction;
		return along === undefined || dot(row.direction, along) >= OFF_CARD_COSINE;
	};
	// The number starts at the card's margin on most cards: a name in line with the number's start is at
	// the card's margin even where text beside the card (a receipt under it, parallel) reaches further left.
	// The number's own digits first: a receipt's line lying parallel beside the card can be grouped into
	// the number's row (third-hand seed 56: the number's row starting at the receipt's margin, and the
	// receipt's THANK YOU read as the name at 0.993). Its row's ends count where no block of print
	// stands beside the digits (below): a minimal card's name on the number's row, left of it.
	// A card's name lies across the number's extent, or close to it: a block of lines wholly further off
	// on one side, on the card's angle, is print beside the card, a receipt under it lying parallel
	// (third-hand set 21: THANK YOU, left of a portrait card whose name was read "Jung ji-Woo", reported
	// at 0.997). A line or two there may be the card's own: a minimal card may print its number small in
	// a corner, its name and date beside it (read-only review).
	const ownDigits = numberRows.map((r) => r.chars.filter((c) => numberOwn.has(c) && /\d/.test(c.char)));
	const [rowsStart, rowsEnd] = xExtent(numberRows.map((r) => r.chars));
	let [numberStart, numberEnd] = xExtent(numberRows.map((r, i) => (ownDigits[i].length > 0 ? ownDigits[i] : r.chars)));
	// Labels (VALID THRU, MONTH/YEAR) are printed at a third or so of the number's height, names at
	// two thirds or more: a line that small is a label's, read as words.
	const numberHeight = Math.max(0, ...numberRows.map((r) => r.height));
	const reach = NUMBER_SPAN_REACH * numberHeight;
	const side = (chars: PlacedChar[]): number => {
		const [x0, x1] = xSpan(chars);
		return numberRows.length === 0 ? 0 : x1 < numberStart - reach ? -1 : x0 > numberEnd + reach ? 1 : 0;
	};
	// A receipt's thanks beside the number mark its column, and all beyond it, as the receipt's, however
	// few of its lines were read (a read-only review: a receipt of four lines beside the card, THANK YOU
	// no name, gave its COME AGAIN at 0.996). Only its column: a minimal card's own column may stand on
	// that side, nearer the number, its lines even grouped with the receipt's (a second review).
	const numberChars = new Set(numberRows.flatMap((r) => r.chars));
	const thanks = rows
		.flatMap((row) => receiptThanks(row.chars))
		.map((run): [number, number, number] => [side(run), ...xSpan(run)])
		.filter(([s]) => s !== 0);
	const inReceipt = (ch: PlacedChar) =>
		!numberChars.has(ch) && thanks.some(([s, t0, t1]) => (s < 0 ? ch.quad[0].x <= t1 : ch.quad[1].x >= t0));
	const receiptLine = (c: Candidate) => c.words.flat().some(inReceipt);
	// Each row's characters but the receipt's, found once: the counts below ask for them row by row.
	const cardCharsOf = new Map(rows.map((row) => [row, thanks.length > 0 ? row.chars.filter((ch) => !inReceipt(ch)) : row.chars]));
	const cardChars = (row: TextRow) => cardCharsOf.get(row) ?? row.chars;
	// A side holding the card's expiry is the card's own, however many lines it holds (second read-only
	// review: DEBIT, CVC 123, VALID THRU 12/28 and the name beside a minimal card's number in its corner).
	const expirySides = new Set(
		rows.filter((row) => cardChars(row).some((ch) => exclude.has(ch) && !numberChars.has(ch))).map((row) => side(cardChars(row))),
	);
	const countBeside = () =>
		[-1, 1].map((s) =>
			expirySides.has(s) ? 0 : rows.filter((row) => cardChars(row).length > 0 && onCard(row) && side(cardChars(row)) === s).length,
		);
	// A side of the digits that holds no block of print keeps the number's rows' own end (a read-only
	// review: MAYA PATEL on the number's row, left of it, lost to a tagline under the digits at 0.996).
	const [beforeDigits, afterDigits] = countBeside();
	if (beforeDigits < TEXT_BESIDE_ROWS) numberStart = Math.min(numberStart, rowsStart);
	if (afterDigits < TEXT_BESIDE_ROWS) numberEnd = Math.max(numberEnd, rowsEnd);
	const rowsBeside = countBeside();
	const besideNumber = (c: Candidate) => {
		const s = side(c.words.flat());
		return !receiptLine(c) && (s === 0 || rowsBeside[(s + 1) / 2] < TEXT_BESIDE_ROWS);
	};
	const onCardLine = (c: Candidate) => onCard(c.segment.row) && besideNumber(c);
	const steeplyAcross = (c: Candidate) => {
		const { row } = c.segment;
		const chars = c.words.flat();
		const along = numberRows[0]?.direction;
		const length = distance(quadCenter(chars[0].quad), quadCenter(chars[chars.length - 1].quad));
		return along !== undefined && Math.abs(dot(row.direction, along)) < STEEP_COSINE && length >= DIRECTED_LINE * row.height;
	};
	const margin0 = Math.min(...rows.flatMap((row) => (cardChars(row).length > 0 && onCard(row) ? [cardChars(row)[0].quad[0].x] : [])));
	const atMargin = (c: Candidate) => c.words[0][0].quad[0].x - margin0 < c.segment.row.height * 2;
	const leftAligned = (c: Candidate) => atMargin(c) || Math.abs(c.words[0][0].quad[0].x - numberStart) < c.segment.row.height * 2;
	// Only print that small over or beside a date is taken for a label: a name can be printed small
	// too, and right under the date (independent seed 127: BEATRIZ GARCIA-LOPEZ under EXP 06/28, half
	// the height of a tilted Amex number, lost to the issuer's name above the number, at 0.99).
	const dates = rows.flatMap(dateSpans);
	const besideDate = (c: Candidate, below: number) => {
		const [x0, x1] = xSpan(c.words.flat());
		const y = c.segment.row.center.y;
		return dates.some((d) => y - d.y < d.h * below && d.y - y < d.h * 1.5 && d.x0 < x1 && x0 < d.x1);
	};
	const labelHeight = (c: Candidate) => c.segment.row.height < numberHeight * LABEL_HEIGHT;
	const labelSized = (c: Candidate) => labelHeight(c) && besideDate(c, LABEL_BELOW);
	/** Right under a date, within a line and a half. */
	const nearDateAbove = (c: Candidate) => besideDate(c, 1.5);
	// A date label misread past what the vocabulary knows (VALID THRU read WALID TERG, b2169): its
	// first word a letter off VALID or EXPIRES, and the card's date right after it on its line. It
	// loses a name's place; a name a letter off (KALID, WALID) beside the date on a minimal card stays
	// a candidate, and the line chosen over it stays in doubt.
	const misreadLabel = (c: Candidate) =>
		c.words.length === 2 &&
		MISREAD_LABELS.some((label) => editDistanceAtMostOne(letters(runText(c.words[0])), label)) &&
		dateRightAfter(c.segment.row, c.words[1], readDigits.chars);
	// Being under the number is a weak sign, worth nothing to a line read as badly as a label misread
	// (VALID THRU read VAUB THR at 0.3-0.6 a letter, under the number beside its date, chosen over SEO
	// SEUNGNA above it: bench seed 2173).
	const readClearly = (c: Candidate) => c.words.every((word) => word.every((ch) => !/[A-Za-z]/.test(ch.char) || ch.prob >= CLEAR_LETTER));
	// A line well off the card's angle is no line of the card (third-hand probe: a receipt's THANK YOU
	// across a card's edge, chosen over James D'Arcy by its lower place): any line on the card comes first.
	// Nor are place and margin worth anything to words read all in small letters, their capitals put
	// back, where lines of small letters fill the view: a printed page under the card, its column at
	// the view's left edge and beside the number, split at a gap (third-hand set 19: "usta" as Ust A and
	// "soup" as So Up, chosen over LUCAS WILSON and INES TANAKA). A card prints no such lines; alone, such
	// words are as likely a title-case name read small (Claire da Valle).
	// The card's own small print (a Mastercard's "debit", its logo's "mastercard") is no page, nor is
	// the candidate's own line (a title-case name read small: read-only review).
	const smallRows = rows.filter((row) => smallLettersOnly(row.chars) && !onlyCardWords(row.chars));
	const restoredOnPage = (c: Candidate) =>
		c.caseRestored && smallRows.filter((row) => !row.chars.includes(c.words[0][0])).length >= PAGE_TEXT_ROWS;
	const placed = (c: Candidate) => !c.segment.pageTrimmed && !restoredOnPage(c);
	// The highest line read as a name, well over the number, is where issuers print their names: there a
	// place at the margin is worth nothing against a line of name words read clearly on the number's own
	// row, where minimal cards print the holder's name (a fourth-hand probe: MERIDIAN FCU and GREAT LAKES
	// CU at the top left, chosen at 0.999 over FIONA MCALLISTER and SZYMON GRABOWSKI at the far end of the
	// number's row). Not against a line under the number: a portrait card prints its holder's name at
	// the top and a product's under the number (BLUE CASH under an Amex's digits, MICHAEL O'BRIEN over
	// them, bench seed 2251). Well over, in the number's heights: a name printed small just over the
	// number stands several of its own heights over it (a read-only review). The two lines stay rivals
	// (see `rival`): the choice between them is open.
	const onNumberRow = (c: Candidate) => c.segment.row.chars.some((ch) => numberChars.has(ch));
	const holderPlaced = found.some((c) => multi(c) && onCard(c.segment.row) && readClearly(c) && onNumberRow(c));
	const highest = Math.min(...found.map((c) => c.segment.row.center.y));
	const issuerPlace = (c: Candidate) =>
		holderPlaced && numberY !== null && c.segment.row.center.y === highest && numberY - highest >= RIVAL_APART * numberHeight;
	const score = (c: Candidate) =>
		(onCardLine(c) ? ON_CARD : 0) +
		(labelSized(c) || misreadLabel(c) ? 0 : 8) +
		(multi(c) ? MULTI_WORDS : 0) +
		(leftAligned(c) && placed(c) && !issuerPlace(c) ? 2 : 0) +
		(belowNumber(c) && readClearly(c) && placed(c) ? 1 : 0);
	// Between equals, a reading that is a guess in itself (a digit read as a letter, a name only a
	// little apart from card words) comes after one that is not.
	// Capitals put back on words read in small letters are a guess too: page text beside the card
	// (third-hand set 14: "y or c" beside LUCAS FITZGERALD, nearer the number) restores as well.
	const guessed = (c: Candidate) =>
		c.segment.doubtful || c.caseRestored || c.words.some((w) => w.some((ch) => ch.fromDigit || ch.gapTakenOut || ch.markForLetter)) ? 1 : 0;
	// Then print of a name's size before a legend's (CARDHOLDER NAME over the name, read CAHELET NAOE),
	// and the line nearest the number: a company's name is printed under the holder's, and text beside
	// the card lies further off (a receipt's THANK YOU at its foot). With no number read, the lowest
	// line: names are printed low on most cards.
	const small = (c: Candidate) => (labelHeight(c) ? 1 : 0);
	const fromNumber = (c: Candidate) =>
		numberRows.length > 0
			? Math.min(...numberRows.map((r) => lineOffset(r.center, c.segment.row.center, r.direction).across))
			: -c.segment.row.center.y;
	// Between guesses, words read in small letters with capitals put back, on a page's view, come after
	// words the recogniser read in title case that a page's line was set apart from (third-hand set 58:
	// the page's "we y" as We Y, level with Yejin Kang read beside its page line).
	// Only where such a name was found: other guesses keep their order.
	const trimmedFound = found.some((c) => c.segment.pageTrimmed);
	const pageGuess = (c: Candidate) => (trimmedFound && restoredOnPage(c) ? 1 : 0);
	// And such a name comes after any line of words read as a name without a guess, whatever its score: a
	// page's title-case words lose no name's place (a fifth read-only review: Home Depot over a small ANNA
	// LEE printed over its date, its score lowered as a label's).
	const firmFound = found.some((c) => !c.segment.pageTrimmed && multi(c) && guessed(c) === 0);
	const behind = (c: Candidate) => (firmFound && c.segment.pageTrimmed ? 1 : 0);
	found.sort(
		(a, b) =>
			behind(a) - behind(b) ||
			score(b) - score(a) ||
			guessed(a) - guessed(b) ||
			pageGuess(a) - pageGuess(b) ||
			small(a) - small(b) ||
			fromNumber(a) - fromNumber(b),
	);
	const chosen = found[0];
	const chars = chosen.words.flat();
	const letterChars = chars.filter((c) => /[A-Za-z]/.test(c.char));
	const marks = chars.filter((c) => !/[A-Za-z]/.test(c.char));
	// A name in capitals is reported in capitals, and a title-case word starts with one, whatever case
	// the recogniser gave the letter: where its runner-up is the same letter in the other case (c at
	// 0.63, C at 0.35 in "claire"), that letter is read surely. Elsewhere in a title-case name the
	// case is reported as read (O'Neil, not O'neil), so the runner-up stays a rival.
	const inCapitals = chosen.text === chosen.text.toUpperCase();
	// A particle (da, van) is reported in small letters as read: its first letter's case is no rule's,
	// read as a capital too (third-hand set 23: "Maria Van den Bosch" at 0.994, V at 0.74 with v at 0.25).
	const particle = (w: PlacedChar[]) => NAME_PARTICLES.has(runText(w).toLowerCase());
	const wordStarts = new Set(chosen.words.filter((w) => !particle(w)).map((w) => w[0]));
	const caseSettled = (c: PlacedChar) => inCapitals || wordStarts.has(c);
	/** The runner-up's share where it is the same letter in the other case. */
	const otherCase = (c: PlacedChar) =>
		c.alt && c.alt.char !== c.char && c.alt.char.toLowerCase() === c.char.toLowerCase() ? c.alt.prob : 0;
	const letterProb = (c: PlacedChar) => Math.min(1, c.prob + (caseSettled(c) ? otherCase(c) : 0));
	const min = Math.min(...letterChars.map(letterProb));
	const mean = chars.reduce((sum, c) => sum + (/[A-Za-z]/.test(c.char) ? letterProb(c) : c.prob), 0) / chars.length;
	// A gap the model half saw inside a word may be a lost space ("JAMESLIM"); so may one it saw
	// less where the crop stands blank twice the usual run (independent seed 235: ELEANOR ZAMUNDSEN at
	// 0.999 for ELEANOR Z AMUNDSEN, the class at 0.04-0.06 and the run 2.1-2.5). Of 43,370 letter pairs
	// inside the chosen names' words over seven sets (every crop's reading), 51 had the class between
	// 0.03 and 0.06; the 6 of them with such a run were all in names read wrong (ROBERTSMITH,
	// WALTERAO'HARA, ZAMUNDSEN, CARLOS VON ESSEN BLACK).
	// Between two letters only: a full stop stands apart from its initial (W|. at runs of 3.4-3.7, the
	// class at 0.03-0.07: HENRY W. MACDONALD, third-hand 32).
	const halfSeen = (c: PlacedChar, before: PlacedChar) =>
		c.spaceBefore > 0.06 ||
		(/^[A-Za-z]{2}$/.test(before.char + c.char) && c.spaceBefore > FAINT_GAP_CLASS && (c.inkGapBefore ?? 0) >= FAINT_GAP_RUN);
	const doubtfulSpace = chars.some(
		(c, i) =>
			i > 0 &&
			chars[i - 1].box === c.box &&
			halfSeen(c, chars[i - 1]) &&
			c.spaceBefore < SPACE_THRESHOLD &&
			// The white beside an apostrophe or hyphen raises the space class too (O'|DONNELL).
			!/['-]/.test(chars[i - 1].char + c.char) &&
			chosen.words.every((w) => w[0] !== c),
	);
	// An initial and its full stop are narrower than a letter, so the steps across the gaps beside a
	// middle initial are short even where there are gaps (NOAH P. NOVAK): there the space class's rise
	// is the gap, not a doubt. Only with the stop the model read: a letter split off a word by the same
	// rise (JANE T HOMPSON) looks like an initial without one.
	const middleInitial = (w: number) => w > 0 && w < chosen.words.length - 1 && /^[A-Za-z]\.$/.test(runText(chosen.words[w]));
	const gaps = chosen.segment.gapCertainty
		.slice(0, chosen.words.length - 1)
		.map((g, k) =>
			(g === TIGHT_RISE_GAP && (middleInitial(k) || middleInitial(k + 1))) ||
			(g !== STOP_AS_GAP && (narrowInitialApart(chosen.words, k) || narrowInitialApart(chosen.words, k + 1)))
				? SURE_GAP
				: g,
		);
	// An initial printed with a full stop can lose its small dot: a faint one makes the reading doubtful.
	const faintDot = chosen.words.some((word, i) => {
		const next = chosen.words[i + 1];
		return (
			word.length === 1 &&
			next !== undefined &&
			Math.max(
				next[0].dotBefore,
				...row(chosen)
					.filter((c) => c.char === ' ' && c.along > word[0].along && c.along < next[0].along)
					.map((c) => c.dotBefore),
			) > 0.04
		);
	});
	// A letter read inside the name's extent, or within a line height of its ends, that the name left
	// out may be a word of it: a faint middle initial in a detector box of its own, taken for a line of
	// its own (SIOBHAN [O] MENSAH, the O at 0.38); a last word whose box overlaps the name's and was
	// taken for a stacked line (KIM TAE [JAE]).
	// Letters another field took (an O the date read as its 0) are not left out, nor the name's own
	// letters read again in an overlapping box, where they stand.
	const taken = new Set(chars);
	const extent = extendQuadEnds(spanQuad(chars), 1, 1);
	const near = quadHeight(extent) / 2;
	const again = (c: PlacedChar) =>
		chars.some((n) => n.char.toUpperCase() === c.char.toUpperCase() && distance(quadCenter(n.quad), quadCenter(c.quad)) < near);
	// A letter the model hardly believed in a sliver of a box (an E at 0.02, 14 px high between MARY
	// and O'NEIL at 37) is no word of the name; a faint letter as tall as the name may be its initial.
	const sliver = (r: TextRow, c: PlacedChar) => c.prob < LEFT_OUT_FLOOR && r.height < chosen.segment.row.height * SLIVER_HEIGHT;
	// A word in print well under the name's size, above or below its line, is a legend (CARDHOLDER
	// NAME read as ARI and LDER over a portrait card's name), not a word of the name: names are
	// printed in one size, on one line. A small box on the name's own line still counts (KIM TAE [JAE]).
	const nameRow = chosen.segment.row;
	const legend = (r: TextRow) =>
		r.height < nameRow.height * LEGEND_HEIGHT &&
		lineOffset(nameRow.center, r.center, nameRow.direction).across >= nameRow.height * LEGEND_OFFSET &&
		letters(r.text).length >= LEGEND_LETTERS;
	const leftOut = rows.some(
		(r) =>
			!legend(r) &&
			r.chars.some(
				(c) =>
					!taken.has(c) &&
					!exclude.has(c) &&
					!chosen.segment.labelBeside?.includes(c) &&
					/[A-Za-z]/.test(c.char) &&
					!sliver(r, c) &&
					insideQuad(quadCenter(c.quad), extent) &&
					!again(c),
			),
	);
	// Print the detector boxed alone in a word gap wider than a word gap is a word the name lost, read
	// as anything: a middle initial boxed short and read as a 1 at 0.12 (bench seed 2245: ASTRID F
	// MITCHELL reported ASTRID MITCHELL at 0.994, its gap three letters wide).
	// Only print that may be a letter: one read as a letter or a digit, or as tall as a letter; a full
	// stop's or a comma's speck in a double space is none (a second read-only review).
	const mayBeLetter = (r: TextRow, c: PlacedChar) =>
		c.char !== ' ' && (/[A-Za-z0-9]/.test(c.char) || r.height >= nameRow.height * SLIVER_HEIGHT);
	const lostInGap = chosen.words.slice(1).some((word, k) => {
		const along = (c: PlacedChar) => lineOffset(nameRow.center, quadCenter(c.quad), nameRow.direction).along;
		const [start, end] = [along(chosen.words[k][chosen.words[k].length - 1]), along(word[0])];
		if (end - start < chosen.segment.pitch * WIDE_WORD_GAP) return false;
		return rows.some((r) =>
			r.chars.some((c) => {
				if (taken.has(c) || exclude.has(c) || c.prob < LEFT_OUT_FLOOR || !mayBeLetter(r, c) || again(c)) return false;
				const at = lineOffset(nameRow.center, quadCenter(c.quad), nameRow.direction);
				return at.along > start && at.along < end && at.across < nameRow.height / 2;
			}),
		);
	});
	// A name has no checksum: its weakest letter, and how far it beats the runner-up, bound it.
	// With the runner-up the same letter, the next rival has at most what that letter leaves.
	const margin = Math.min(...letterChars.map((c) => (letterProb(c) > c.prob ? 2 * letterProb(c) - 1 : c.prob - (c.alt?.prob ?? 0))));
	// Hyphens and apostrophes are thin and read less surely; they only need to beat even odds.
	const marksSure = marks.every((c) => c.prob >= 0.45);
	let confidence = min >= 0.7 && margin >= 0.45 && marksSure ? 0.92 + 0.08 * Math.max(0, (mean - 0.8) / 0.2) : Math.min(0.85, 0.88 * mean);
	if (!multi(chosen) || !onCardLine(chosen)) confidence = Math.min(confidence, 0.6);
	// Names do not end on an initial: the surname after it was not read as part of this line.
	if (letters(runText(chosen.words[chosen.words.length - 1])).length === 1) confidence = Math.min(confidence, 0.7);
	if (doubtfulSpace || faintDot || leftOut || lostInGap || gaps.some((g) => g < 0.7)) confidence = Math.min(confidence, 0.8);
	// An apostrophe put back, or half seen and left out, is the recogniser's doubt, not its reading.
	const apostrophe = Math.max(0, ...chars.map((c) => c.apostropheBefore));
	// Beside an apostrophe the model read, the class lingers in the frames around it: no doubt there.
	const nearRead = (i: number) => [i - 1, i, i + 1].some((j) => chars[j]?.char === "'");
	const apostropheDoubt = Math.max(0, ...chars.map((c, i) => (nearRead(i) ? 0 : c.apostropheBefore)));
	// Half seen, it is a doubt other crops do not clear, as a hyphen seen (below): independent seed
	// 223's MILES S. DELLACQUA for DELL'ACQUA, the class at 0.041 before the A in one crop only, was
	// reported at 0.996 from a crop that saw none.
	const apostropheLost = apostrophe < APOSTROPHE_SEEN && apostropheDoubt >= APOSTROPHE_DOUBT;
	if (apostrophe >= APOSTROPHE_SEEN) confidence = Math.min(confidence, 0.85);
	// Two letters read one after the other in one detector box.
	const boxPair = (before: PlacedChar | undefined, c: PlacedChar) =>
		before !== undefined && before.box === c.box && /^[A-Za-z]{2}$/.test(before.char + c.char);
	// A hyphen the model saw in a gap it read as a space (SOO JIN KIM at 0.996 for SOO-JIN KIM, the
	// class at 0.09 there), or put back inside a word; or a gap the model emitted faintly that its
	// crop's columns do not back (see `segments`): a doubt other crops do not clear.
	// So is a letter the model saw between two of the name's letters, in one box, but did not emit: a
	// letter lost (h221: DMITRI BARRA at 0.992 for DMITRI IBARRA, an I at 0.31 in the gap before the B).
	// In 593 name lines read right, of 523 cards in six sets, no gap held one above 0.015. Not before a
	// box's first letter, whose frames are the crop's margin (but see `seamCut`), nor beside a mark (an
	// apostrophe's tick reads as l).
	// So is one seen in the margin of a box that starts within SEAM_MARGIN of its first letter, after
	// another box of the name: a letter cut where the detector parted the boxes.
	const seamCut = (before: PlacedChar | undefined, c: PlacedChar) =>
		before !== undefined &&
		before.box !== c.box &&
		/^[A-Za-z]{2}$/.test(before.char + c.char) &&
		(c.along - c.boxSpan[0]) / chosen.segment.pitch <= SEAM_MARGIN;
	const letterLost = chars.some(
		(c, i) => (boxPair(chars[i - 1], c) || seamCut(chars[i - 1], c)) && (c.letterBefore?.prob ?? 0) >= LETTER_LOST,
	);
	// So is a blank run inside a word, in one box, wider than runs between a word's letters measure,
	// where it parted nothing: under blankOnly's bound, or beside a card word (independent seed 223:
	// MARGARETI D'SOUZA at 0.994 for MARGARET I D'SOUZA, the run before the I 3.5 times the usual
	// one). Splitting there instead (blankOnly at 3.25) read three names wrong, in doubt, that had been
	// read right, and flagged two more, over 4186 cards, for the one name it read right.
	const blankInWord = chosen.words.some((word) =>
		word.some((c, i) => boxPair(word[i - 1], c) && (c.inkGapBefore ?? 0) >= INK_IN_WORD_DOUBT),
	);
	// So is a gap half seen before the last letter of a word that is not the name's last, where a
	// middle initial run into its given name stands (ELEANORJ O'BRIEN at 0.994): the class standing out
	// of its rise between the word's other letters, which in a wide-set close-up reaches 0.03-0.07
	// between every two (PARK HAYOON, independent seed 257). So is such a word ending in a J: a J's hook
	// hides the blank run a gap leaves before it (a probe's ELEANORJ OBRIEN in Open Sans at 0.998, the
	// run 1.5), and a middle initial J is far more common than a given name ending in one (MANOJ, ANUJ,
	// MACIEJ: in doubt). In the fifty-two sets' names no word but a last one ends in a J. So is such a
	// word ending in a doubled A, I, U or Y (TWIN_END: SIENNAA OSEI at 0.997).
	const gluedInitial = chosen.words.slice(0, -1).some((word) => {
		const [before, last] = word.slice(-2);
		// Four letters first: boxPair reads both characters.
		if (letters(runText(word)).length < 4 || !boxPair(before, last)) return false;
		if (last.char === 'J') return true;
		if (TWIN_END.test(before.char + last.char)) return true;
		const background = Math.max(0.002, ...word.slice(1, -1).map((c) => c.spaceBefore));
		return last.spaceBefore >= GLUED_INITIAL_CLASS && last.spaceBefore >= background * LOST_GAP_DOMINANCE;
	});
	const hyphenSeen =
		hyphenRise(chosen) >= HYPHEN_DOUBT ||
		chars.some((c) => c.unbackedGapBefore) ||
		letterLost ||
		blankInWord ||
		apostropheLost ||
		gluedInitial;
	if (hyphenSeen) confidence = Math.min(confidence, 0.8);
	// A name whose first letter sits on its box's very edge may have lost letters the detector cut
	// off (ROBERT read as RT); measured on names read whole, that margin is 0.38 letters or more.
	const first = chosen.words[0][0];
	const onEdge = (first.along - first.boxSpan[0]) / chosen.segment.pitch < 0.3;
	// A line that scores the same leaves the choice open (a company's name printed under the holder's),
	// unless it heads the card well above the name: the issuer's or product's name (BLUE RIVER over
	// JENNIFER MULLER, both above the number).
	const top = Math.min(...rows.filter((row) => row.chars.length > 0).map((row) => row.center.y));
	const heading = (c: Candidate) =>
		c.segment.row.center.y === top && chosen.segment.row.center.y - top >= RIVAL_APART * chosen.segment.row.height;
	// A line off the card's angle that would tie but for it is a rival too: a short line's direction is
	// rough, and a tilted box can turn the holder's own line that far. Not one read as badly as a
	// misread label: a receipt's or a shadow's scrawl across the card's edge (KISKGH STRET at 0.15 a
	// letter, 50 degrees off, third-hand set 7), which its place under the number no longer lifts.
	// Only a line whose direction may be that rough, though: one that runs steeply across the card's lines
	// over several of its heights is print of its own (a receipt under a card, its THANK YOU at 81 degrees
	// and TGH STREET at 60, third-hand set 31, each holding the holder's name read whole at 0.8).
	const offCardTie = (c: Candidate) => !onCardLine(c) && readClearly(c) && score(c) + ON_CARD === score(chosen) && !steeplyAcross(c);
	// A line denied its point under the number for a faint letter still rivals one that only ties with that point.
	const unclearTie = (c: Candidate) => belowNumber(c) && !readClearly(c) && score(c) + 1 === score(chosen);
	// A line set aside only for lying in a block beside the number, that would have won, may be the card's
	// own column beside a short number, its date elsewhere: the choice stays open (second read-only review).
	// A line on the number's own row cannot gain the point for lying under it.
	const besideTie = (c: Candidate) =>
		onCard(c.segment.row) && !besideNumber(c) && !receiptLine(c) && score(c) + ON_CARD + (onNumberRow(c) ? 1 : 0) >= score(chosen);
	const rival = found
		.slice(1)
		.find(
			(c) =>
				(score(c) === score(chosen) || offCardTie(c) || unclearTie(c) || besideTie(c)) &&
				(!heading(c) || issuerPlace(c)) &&
				!c.segment.pageTrimmed,
		);
	if (rival) confidence = Math.min(confidence, 0.75);
	// A line read whole where a gap was taken out (inkJoin) lost a name's words with it: had it kept
	// that gap, it would have tied or won (a read-only review: SAMUELRAMAKRISHNAN, its gap's blank run
	// 1.3 times the usual one, lost to BLUE RIVER above it, reported at 0.996).
	const wordsKept = (c: Candidate) => c.words.length + c.words.flat().filter((ch) => ch.gapTakenOut).length;
	// A name set apart from a page's line is no sign against another line, here or below (a fifth read-only review).
	const others = found.filter((c) => c !== chosen && !c.segment.pageTrimmed);
	const joinedOut = others.some((c) => !multi(c) && nameWordCount(wordsKept(c)) && score(c) + MULTI_WORDS >= score(chosen));
	if (joinedOut) confidence = Math.min(confidence, 0.75);
	// Chosen as a misread label, or over one that would have won as a name (WALID HASSAN 07/33 over
	// SEOUL BRANCH under it: a read-only review).
	if (misreadLabel(chosen) || others.some((c) => misreadLabel(c) && !labelSized(c) && score(c) + 8 >= score(chosen)))
		confidence = Math.min(confidence, 0.8);
	// A name chosen above the number, over a line of words under it taken for a date's label by its
	// size alone: that line may be the holder's name printed small, and the chosen one the issuer's.
	const smallBelow = !belowNumber(chosen) && others.some((c) => labelSized(c) && multi(c) && belowNumber(c));
	// Small print right under a date may be a legend the vocabulary does not know (MOIS ANNEE).
	const underDate = labelHeight(chosen) && !labelSized(chosen) && nearDateAbove(chosen);
	if (smallBelow || underDate) confidence = Math.min(confidence, 0.85);
	// A line of words at the margin would have won over one away from it: a word there that lost is a
	// line of one word, most often a holder's name split at a wide gap, and the line chosen a product's
	// (seed 2121: OLIVIA | KING, their middle initial unread, lost to THE CLASS at 0.998).
	// Not a word off the card's plane, nor its heading (Halcyon over a Diners card's ADA LEE), nor page
	// text in small letters (shou, beside a card lying on a printed page): no holder's name, split or not.
	// Nor a word with a letter put in for a digit (AP1 at a receipt's edge, read API, beside a card held
	// close: third-hand set 37), nor one on a row of a sentence, with words that start in a small letter
	// and are no name's particles (a scanned page's caption, Front of card only., over the card:
	// third-hand set 37). A faint letter does not set a word aside, as a split name's word is read with
	// one as often (OLIVIA with an I at 0.45: a read-only review), nor does lying wholly left of the
	// number (OLIVIA at the margin of a card that prints its number indented).
	const inSentence = (c: Candidate) =>
		runText(c.segment.row.chars)
			.split(' ')
			.some((word) => /^[a-z]/.test(word) && !NAME_PARTICLES.has(letters(word).toLowerCase()));
	const splitFirstWord = (c: Candidate) => !c.words.some((w) => w.some((ch) => ch.fromDigit)) && !inSentence(c);
	const wordAtMargin =
		!atMargin(chosen) &&
		others.some((c) => atMargin(c) && !labelSized(c) && onCardLine(c) && !heading(c) && !c.caseRestored && splitFirstWord(c));
	if (wordAtMargin) confidence = Math.min(confidence, 0.85);
	// A line with a card word that is also a name (MILES VON MAR) may as well be a product line
	// (DELTA MILES) whose holder's line was not read. Not one that starts with such a given name,
	// under the number or right over it, where holders' names are printed and products' rarely, nor
	// cut from before a product's words close after it: of 5012 cards, all 36 names with MILES or
	// LOTTE read right were flagged so, and no card read a product's line as a name.
	const byNumber = (c: Candidate) => belowNumber(c) || fromNumber(c) < NUMBER_NEIGHBOUR * c.segment.row.height;
	const holderLine = numberRows.length > 0 && byNumber(chosen) && !chosen.segment.productTail && startsWithGivenName(chosen.text);
	if ((chosen.nameLike && !holderLine) || guessed(chosen) === 1) confidence = Math.min(confidence, 0.85);
	// Capitals the recogniser read in no word: page text in small letters (would whe, under a card
	// lying on a printed letter: a third-hand probe's "Would Whe" at 0.998) restores as well as a name.
	if (chosen.caseRestored || chosen.smallL) confidence = Math.min(confidence, 0.85);
	// Every word a letter off a card word (VORLD ELITF for WORLD ELITE): product print misread
	// throughout. Names do that rarely (ELISE PRICE), and are then only flagged.
	if (chosen.words.length >= 2 && chosen.words.every((w) => nearFiveLetterCardWord(letters(runText(w)))))
		confidence = Math.min(confidence, 0.8);
	// A letter read from a box much shorter than the name's (an initial the detector boxed short) may
	// be part of another letter (the top of a Y reads V).
	if (chars.some((c) => c.shortBox)) confidence = Math.min(confidence, 0.85);
	// A stroke that may be the edge of the letter before it, read again by the next box (see edgeStroke).
	if (chars.some((c) => c.edgeStroke)) confidence = Math.min(confidence, 0.85);
	// In a name written as printed, a part after a hyphen that starts with a small letter shaped like its
	// capital (third-hand probe: "Joao Brown-okafor" for Brown-Okafor at 0.991): its case is a guess.
	if (!inCapitals && chosen.words.some((w) => w.some((c, i) => c.char === '-' && SHAPE_ALIKE.test(w[i + 1]?.char ?? ''))))
		confidence = Math.min(confidence, 0.85);
	// A lone lower-case letter in a name in capitals may be a mark read as a letter, not an initial.
	if (chosen.words.some((w) => letters(runText(w)).length === 1 && /[a-z]/.test(w[0].char))) confidence = Math.min(confidence, 0.85);
	const clamp = (value: number) => Math.max(0, Math.min(1, value));
	// Another letter in the letter's own case: a digit or a mark is no other name, nor the same letter
	// in the other case, nor a letter of the other case (a small l behind a capital I is one stroke).
	const sameCase = (a: string, b: string) => /[A-Z]/.test(a) === /[A-Z]/.test(b);
	// But a particle's first letter in its other case is another name where the name is written as
	// printed: van den Bosch and Van den Bosch are both names (third-hand set 23: Van at 0.994, its V
	// at 0.74 with v at 0.25; a crop may read it surely, so the ledger keeps it).
	const particleCase = inCapitals ? 0 : Math.max(0, ...chosen.words.filter(particle).map((w) => otherCase(w[0])));
	const letterRival = Math.max(
		particleCase,
		...letterChars.map((c) =>
			c.alt && /[A-Za-z]/.test(c.alt.char) && sameCase(c.alt.char, c.char) && c.alt.char !== c.char ? c.alt.prob : 0,
		),
	);
	return {
		text: chosen.text,
		words: chosen.words,
		row: chosen.segment.row,
		confidence: clamp(onEdge ? Math.min(confidence, 0.8) : confidence),
		...(onEdge ? { apartFromEdge: clamp(confidence) } : {}),
		...(hyphenSeen ? { hyphenSeen: true as const } : {}),
		...(chosen.segment.pageTrimmed ? { pageSetApart: true as const } : {}),
		letterRival,
	};
}
