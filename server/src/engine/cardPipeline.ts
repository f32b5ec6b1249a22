import type { FieldName, FieldReading, Point, Quad } from './types';
import type { Affine } from './affine';
import { compose, invert, mapQuad } from './affine';
import type { RgbImage } from './decode';
import type { PipelineSettings } from './engineSettings';
import { DEFAULT_PIPELINE } from './engineSettings';
import type { TextBox } from './detectText';
import { detectText } from './detectText';
import type { ExtractedFields } from './extractFields';
import { extractFields } from './extractFields';
import { IMPLAUSIBLE_DATE } from './fieldExpiry';
import { checked, longestForBrand, validForBrand } from './fieldNumber';
import { findCardShape } from './findCard';
import { distance, extendQuadEnds, insideQuad, median, quadCenter, quadHeight, unit } from './geometry';
import type { OcrModels } from './models';
import { readNameInDoubt } from './nameRivals';
import { dominantTextAngle, upsideDownProbability } from './orientation';
import type { RecognizedChar, RecognizedLine } from './recognizeText';
import { MAX_REC_WIDTH, cropWidth, recognizeLines } from './recognizeText';
import { resizeRgb, warpRgb } from './resample';
import { differingChars, groupIntoRows } from './textRows';

export interface CardReading {
	fields: Partial<Record<FieldName, FieldReading>>;
	/** Recognised lines in the rectified view, for diagnostics. */
	lines: RecognizedLine[];
	/** Degrees the card was turned in the source (0 = upright), for diagnostics. */
	rotationDeg: number;
	/** The number was read surely only by the closer look: the text was small for the first view. */
	numberSureOnlyCloser?: boolean;
	/** Four digits that may be the expiry with its slash lost, reported only when no date is read. */
	dateGuess?: FieldReading;
	/**
	 * Text was detected within half a line of the view's left or right edge: the card's print runs
	 * past the view, which was placed round the text the coarse pass saw.
	 */
	textAtEdge?: boolean;
}

/** The reading as reported: its date guess stands in for a date no view read. */
export function withDateGuess(reading: CardReading): CardReading {
	const { dateGuess, ...rest } = reading;
	if (!dateGuess || rest.fields.validThru) return rest;
	return { ...rest, fields: { ...rest.fields, validThru: dateGuess } };
}

/** The guess most views made, the surest first among equals. */
function likeliestGuess(guesses: FieldReading[]): FieldReading | undefined {
	const count = (text: string) => guesses.filter((g) => g.text === text).length;
	return [...guesses].sort((a, b) => count(b.text) - count(a.text) || b.confidence - a.confidence)[0];
}

/** The height of a region's text lines: the median of its elongated boxes (single glyphs mislead). */
function lineHeightOf(quads: Quad[]): number {
	const elongated = quads.filter((q) => distance(q[0], q[1]) >= quadHeight(q) * 1.8);
	return median((elongated.length > 0 ? elongated : quads).map(quadHeight));
}

/** view -> source for a view whose x axis runs along `angle` in the source, origin at (ox, oy), k view px per source px. */
function viewTransform(angle: number, origin: { x: number; y: number }, k: number): Affine {
	const cos = Math.cos(angle) / k;
	const sin = Math.sin(angle) / k;
	return { a: cos, b: -sin, c: origin.x, d: sin, e: cos, f: origin.y };
}

/** A view of this size turned half a turn: (x, y) -> (width - x, height - y). */
function halfTurn(width: number, height: number): Affine {
	return { a: -1, b: 0, c: width, d: 0, e: -1, f: height };
}

/** Puts a quad's corners back in reading order for a frame where text runs along +x. */
function uprightCorners(quad: Quad): Quad {
	const [p0, p1, p2, p3] = quad;
	return p1.x - p0.x >= 0 ? quad : [p2, p3, p0, p1];
}

/** Lines whose directions differ by more than this are not one card's (a card lying on a printed page). */
const GROUP_ANGLE_APART = (12 * Math.PI) / 180;
/** Boxes this many times as long as high have a direction steady enough to part groups by. */
const DIRECTED_LENGTH = 3;

/** The direction of a box long enough for it to be its line's; null for a shorter one. */
function lineDirection(quad: Quad): number | null {
	return distance(quad[0], quad[1]) >= quadHeight(quad) * DIRECTED_LENGTH ? Math.atan2(quad[1].y - quad[0].y, quad[1].x - quad[0].x) : null;
}

/** The angle between two line directions, whichever way each was read (0 to 90 degrees). */
function directionsApart(a: number, b: number): number {
	const d = Math.abs(a - b) % Math.PI;
	return Math.min(d, Math.PI - d);
}

/**
 * Groups boxes that sit together (card text is dense; a page or a table top is not), largest text
 * area first, so a caption on a scanned page or a receipt beside the card does not stretch the
 * card's region. Long lines of two directions are two groups however close (a card photographed
 * on a printed letter, turned 20 degrees from its lines: one group read the card in the page's
 * direction, upside down). Shorter boxes never bridge lines of two directions.
 */
export function clustersOf(quads: Quad[], toView: Affine, lineHeight: number): Quad[][] {
	const boxes = quads.map((quad) => {
		const points = mapQuad(toView, quad);
		const xs = points.map((p) => p.x);
		const ys = points.map((p) => p.y);
		return {
			quad,
			x0: Math.min(...xs),
			x1: Math.max(...xs),
			y0: Math.min(...ys),
			y1: Math.max(...ys),
			area: distance(quad[0], quad[1]) * quadHeight(quad),
		};
	});
	const parent = boxes.map((_, i) => i);
	const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
	const reach = lineHeight * 4;
	const gap = (i: number, j: number) => {
		const [a, b] = [boxes[i], boxes[j]];
		return Math.max(Math.max(a.x0, b.x0) - Math.min(a.x1, b.x1), Math.max(a.y0, b.y0) - Math.min(a.y1, b.y1), 0);
	};
	const directions = quads.map(lineDirection);
	const directed = boxes.flatMap((_, i) => (directions[i] !== null ? [i] : []));
	const undirected = boxes.flatMap((_, i) => (directions[i] === null ? [i] : []));
	for (const i of directed) {
		for (const j of directed) {
			if (j > i && gap(i, j) < reach && directionsApart(directions[i] as number, directions[j] as number) <= GROUP_ANGLE_APART)
				parent[find(i)] = find(j);
		}
	}
	// Shorter boxes group among themselves (a number in four boxes of four digits), then each such
	// group joins the nearest long line within reach and every other one of that line's direction,
	// bridging lines of one direction as before but never two directions.
	for (const i of undirected) for (const j of undirected) if (j > i && gap(i, j) < reach) parent[find(i)] = find(j);
	const shortGroups = new Map<number, number[]>();
	for (const i of undirected) {
		const members = shortGroups.get(find(i));
		if (members) members.push(i);
		else shortGroups.set(find(i), [i]);
	}
	for (const members of shortGroups.values()) {
		const near = directed.flatMap((j) => {
			const d = Math.min(...members.map((i) => gap(i, j)));
			return d < reach ? [{ j, d }] : [];
		});
		if (near.length === 0) continue;
		const nearest = near.reduce((a, b) => (b.d < a.d ? b : a));
		for (const { j } of near)
			if (directionsApart(directions[j] as number, directions[nearest.j] as number) <= GROUP_ANGLE_APART)
				parent[find(members[0])] = find(j);
	}
	const areas = new Map<number, number>();
	boxes.forEach((b, i) => areas.set(find(i), (areas.get(find(i)) ?? 0) + b.area));
	return [...areas.entries()].sort((a, b) => b[1] - a[1]).map(([root]) => boxes.filter((_, i) => find(i) === root).map((b) => b.quad));
}

/** Text groups tried in turn when the largest holds no card: a page's caption can outweigh a dark card. */
const MAX_REGIONS = 3;

/**
 * Reads a card wherever it is in the frame and however it is turned: a coarse detection finds the
 * text, its boxes give the text direction and the card's extent, the direction classifier settles
 * upright versus upside down, and a rectified view at a known text size is detected again when the
 * coarse pass saw the text too small or too large. Lines are then recognised from the full-resolution
 * source, so a 12 MP photo or a 300 dpi scan keeps its detail.
 */
export async function readCardFromImage(
	models: OcrModels,
	source: RgbImage,
	now: Date,
	settings: PipelineSettings = DEFAULT_PIPELINE,
): Promise<CardReading> {
	return withoutSureNumberInDoubt(await readNameInDoubt(async () => await readBothPasses(models, source, now, settings)));
}

/** Whether a reading holds a number read at the review line or above. */
function numberReadSurely(reading: Pick<CardReading, 'fields'>): boolean {
	return (reading.fields.number?.confidence ?? 0) >= REVIEW_CONFIDENCE;
}

/** The most a name or date is reported at beside no number read surely. */
const NO_SURE_NUMBER_DOUBT = 0.85;

/**
 * A name and date read where no number was read surely may be no card's: text lying beside it (a
 * receipt's THANK YOU, 0.998, third-hand set 16) reads as well as a card's. They are in doubt: of the
 * 74 names and dates read at 0.9 or more beside an unsure or missing number over thirty-five sets, one
 * was wrong, more than one in 200. The card is flagged for its number anyway.
 */
export function withoutSureNumberInDoubt(reading: CardReading): CardReading {
	return numberReadSurely(reading) ? reading : withNameAndDateAtMost(reading, () => NO_SURE_NUMBER_DOUBT);
}

/** The reading with its name and date each no surer than `most` says for it. */
function withNameAndDateAtMost(reading: CardReading, most: (name: 'name' | 'validThru', field: FieldReading) => number): CardReading {
	const fields = { ...reading.fields };
	for (const name of ['name', 'validThru'] as const) {
		const field = fields[name];
		if (field) fields[name] = { ...field, confidence: Math.min(field.confidence, most(name, field)) };
	}
	return { ...reading, fields };
}

async function readBothPasses(models: OcrModels, source: RgbImage, now: Date, settings: PipelineSettings): Promise<CardReading> {
	const longSide = Math.max(source.width, source.height);
	const { reading: first, textSpread } = await readAtCoarseSide(
		models,
		source,
		now,
		settings,
		settings.coarseSide,
		longSide < FINE_MIN_SIDE,
	);
	if (!finerPassWanted(first, textSpread, longSide, settings.coarseSide)) return withDateGuess(first);
	const finer = Math.min(FINE_COARSE_SIDE, longSide);
	const { reading: second } = await readAtCoarseSide(models, source, now, settings, finer, true);
	const [kept, other] = readingScore(second) > readingScore(first) ? [second, first] : [first, second];
	return withDateGuess(withPassRival(kept, other));
}

/**
 * Whether a first pass's reading of an image `longSide` px long, its text boxes spread over
 * `textSpread` of the frame at `coarseSide`, calls for a second pass at a finer size.
 */
export function finerPassWanted(first: CardReading, textSpread: number, longSide: number, coarseSide: number): boolean {
	// A card a quarter of a 12 MP frame or small on a scanned page has text a few pixels high at the
	// first pass's size: the detector misses lines or the whole card. A large image (2000 px and up)
	// whose first reading has no sure number, or one only its closer look read surely, is looked at
	// again at a finer size, unless it found a number, not in deep doubt, in text spread over much of
	// the frame (a close-up). Spread alone is no sign of a close-up: a key ring or a pen beside a small
	// card is taken for text too. A sure name and date are no sign the print was large enough for the
	// number: bench seed 2151's A4 TIFF read a 19-digit number with a digit lost at 0.5, its small name
	// and date surely.
	const sureNumber = numberReadSurely(first) && !first.numberSureOnlyCloser;
	// Nor is a number read in deep doubt there: digits guessed from a card turned the wrong way round
	// (third-hand seed 55: a 12 MP photo's card, a receipt and a notepad spread over the frame; the card
	// read 804989920992 at 0.11 and 52/20 for 02/25, upside down, and no finer pass looked again).
	const closeUp = textSpread > SMALL_CARD_SPREAD && (first.fields.number?.confidence ?? 0) >= DEEP_DOUBT;
	// A smaller image is looked at again only where no number was read at all, at its full size (up
	// to the finer pass's): print the first pass's size blurs into a patterned card (independent seed
	// 211: a 1080 x 1440 photo of a dotted card, its OCR-B digits 13 px high there, no number found).
	// Not where the first pass saw no text at all (an image of no card: a second look would only cost).
	const unread = first.fields.number === undefined && textSpread > 0 && longSide >= coarseSide * SMALL_FINER_GAIN;
	return !((longSide < FINE_MIN_SIDE && !unread) || sureNumber || closeUp);
}

/**
 * The kept pass's reading, where the other pass read a field differently: which is right is a guess,
 * so the field is in doubt. Beside a pass that read its number surely, a pass that read no number,
 * another one, or the same one in deep doubt (digits under 0.5) did not read the card: its name or
 * date is no rival (NA LEE beside 12 of YOUNGNA LEE's card's 16 digits at 0.45). The other pass's
 * date guess stands in for a missing one.
 */
export function withPassRival(kept: CardReading, other: CardReading): CardReading {
	const number = kept.fields.number;
	const otherNumber = other.fields.number;
	const onlyKeptSawCard =
		number !== undefined &&
		number.confidence >= REVIEW_CONFIDENCE &&
		(!otherNumber || otherNumber.text !== number.text || otherNumber.confidence < DEEP_DOUBT);
	const fields = { ...kept.fields };
	for (const name of FIELD_NAMES) {
		const field = fields[name];
		const rival = other.fields[name];
		if (name !== 'number' && onlyKeptSawCard) continue;
		if (field && rival && rival.text !== field.text && rival.confidence >= PASS_RIVAL)
			fields[name] = { ...field, confidence: Math.min(field.confidence, 0.85) };
	}
	if (fields.validThru && !onlyKeptSawCard) fields.validThru = keepDoubt(fields.validThru, other.fields.validThru, 'partDateElsewhere');
	if (fields.name) fields.name = NAME_DOUBTS.reduce((name, flag) => keepDoubt(name, other.fields.name, flag), fields.name);
	return { ...kept, fields, dateGuess: kept.dateGuess ?? other.dateGuess };
}

/**
 * Doubts a field keeps from another reading of the card that read it the same, and how sure it may
 * then be: larger digits read beside a date, a date read in part elsewhere (a reading that saw that
 * box as nothing does not clear it), a hyphen the model saw in a name and did not emit (a reading
 * that did not see it does not), a name the closer look read in place of another (a reading that
 * agrees with it does not settle which), a name set apart from a page's line beside it (one read
 * surely does not show it is no page's). The vote over crop heights keeps them all; the other steps
 * that merge readings keep all but the first (keepDoubt).
 */
const KEPT_DOUBTS = { largerPrintBeside: 0.85, partDateElsewhere: 0.85, markSeen: 0.8, viewsDisagree: 0.85, pageSetApart: 0.85 } as const;
/** The doubts of a name that the steps merging readings keep (keepDoubt), and the name's checks (afterNameCheck, afterWidenedReads). */
const NAME_DOUBTS = ['markSeen', 'viewsDisagree', 'pageSetApart'] as const;

/** The name doubts any of `readings` has. */
function nameDoubtsOf(...readings: FieldReading[]): Partial<Pick<FieldReading, (typeof NAME_DOUBTS)[number]>> {
	return Object.fromEntries(NAME_DOUBTS.filter((flag) => readings.some((r) => r[flag])).map((flag) => [flag, true]));
}
const DOUBT_FLAGS = Object.keys(KEPT_DOUBTS) as Array<keyof typeof KEPT_DOUBTS>;

/** The field with the doubt `flag` of another reading of the same text, if that reading had it. */
export function keepDoubt(field: FieldReading, other: FieldReading | undefined, flag: keyof typeof KEPT_DOUBTS): FieldReading {
	if (!other?.[flag] || other.text !== field.text) return field;
	const kept: FieldReading = { ...field, confidence: Math.min(field.confidence, KEPT_DOUBTS[flag]) };
	kept[flag] = true;
	return kept;
}

/** A field the other pass read otherwise at least this surely casts doubt on the kept one. */
const PASS_RIVAL = 0.75;

/** Longer side of the finer first pass over a large image whose card was not read surely. */
const FINE_COARSE_SIDE = 1600;
/**
 * Images this large or larger get it: 12 MP photos and A4 scans at 200 dpi and up. A phone photo of
 * 1600 px would be detected at full size for little gain, and held 130 MB more under load.
 */
const FINE_MIN_SIDE = 2000;
/** How much larger than the first pass's a smaller image must be for a second look at full size to see more. */
const SMALL_FINER_GAIN = 1.5;
/** Text spread over more than this share of the frame's width or height is not a small card. */
const SMALL_CARD_SPREAD = 0.5;

/**
 * Sure fields first, then fields found, then how sure they are. A name the closer look read in place
 * of another counts as sure as the one it replaced: the pass is chosen on what its first view read (a
 * read-only review: a closer look's name tipping the choice to the pass with a decoy date).
 */
export function readingScore(reading: CardReading): number {
	const fields = Object.values(reading.fields).filter((f): f is FieldReading => f !== undefined);
	const confidence = (f: FieldReading) => f.replacedConfidence ?? f.confidence;
	const sure = fields.filter((f) => confidence(f) >= REVIEW_CONFIDENCE).length;
	return sure * 100 + fields.length * 10 + fields.reduce((sum, f) => sum + confidence(f), 0);
}

async function readAtCoarseSide(
	models: OcrModels,
	source: RgbImage,
	now: Date,
	settings: PipelineSettings,
	coarseSide: number,
	lastPass: boolean,
): Promise<{ reading: CardReading; textSpread: number }> {
	const coarseScale = Math.min(1, coarseSide / Math.max(source.width, source.height));
	const coarse = await resizeRgb(
		source,
		Math.max(1, Math.round(source.width * coarseScale)),
		Math.max(1, Math.round(source.height * coarseScale)),
	);
	const coarseBoxes = await detectText(models, coarse, coarseSide);
	const corners = coarseBoxes.flatMap((box) => box.quad);
	const extent = (values: number[], side: number) => (values.length > 0 ? (Math.max(...values) - Math.min(...values)) / side : 0);
	const textSpread = Math.max(
		extent(
			corners.map((p) => p.x),
			coarse.width,
		),
		extent(
			corners.map((p) => p.y),
			coarse.height,
		),
	);
	const toSourceScale: Affine = { a: source.width / coarse.width, b: 0, c: 0, d: 0, e: source.height / coarse.height, f: 0 };
	const sourceQuads = coarseBoxes.map((box) => mapQuad(toSourceScale, box.quad));

	const angle = dominantTextAngle(sourceQuads);
	const clusters =
		sourceQuads.length === 0 ? [] : clustersOf(sourceQuads, invert(viewTransform(angle, { x: 0, y: 0 }, 1)), lineHeightOf(sourceQuads));
	// A card shows at least two lines of text; a lone blob (a shadow, out-of-focus lights behind a small
	// card) can outweigh it, so groups with lines come first.
	const lines = (cluster: Quad[]) => cluster.filter((q) => distance(q[0], q[1]) >= quadHeight(q) * 2).length;
	const regions = [...clusters.filter((c) => lines(c) >= 2), ...clusters.filter((c) => lines(c) < 2)].slice(0, MAX_REGIONS);
	let best: CardReading | null = null;
	// A number joined past page text beside its lines (a portrait card lying on a printed page, the
	// view taking in the page) is a last resort: another group may hold the card alone and read its
	// number surely (third-hand set 6: a view of card and page joined 4787 3378 / 1711 0270 in doubt,
	// where the card's own group read it at 0.999).
	const joinedOnly = (reading: CardReading) =>
		reading.fields.number?.joinedPastText === true && reading.fields.number.confidence < REVIEW_CONFIDENCE;
	const consider = (reading: CardReading) => {
		const current: CardReading | null = best;
		const more = !current || Object.keys(reading.fields).length > Object.keys(current.fields).length;
		if (more || (current !== null && joinedOnly(current) && reading.fields.number !== undefined && !joinedOnly(reading))) best = reading;
		return reading.fields.number !== undefined && !joinedOnly(reading);
	};
	// A group whose number is in doubt may be no card at all: a receipt lying beside it, whose view
	// took in part of the card's number (third-hand set 16: 558174716569 at 0.40 and THANK YOU for the
	// name at 0.998). The other groups are read too, and the first that reads a number surely is the
	// card; failing one, the first group that read a number at all, as before.
	const settle = async (reading: CardReading, region: Quad[]) => {
		const number = reading.fields.number;
		// A date chosen without a label, in a view whose text runs to its edge, may be a decoy whose
		// labelled rival is past the edge (bench seed 2129: a 12 MP photo's view held the number, the
		// name and an unlabelled 03/30, and ended there; EXPIRES END 12/34 beyond it was never read,
		// and 03/30 was reported at 0.998). That card is looked at over its whole extent too.
		const date = reading.fields.validThru;
		const dateMayBeDecoy = date !== undefined && date.label === undefined && reading.textAtEdge === true;
		// So is a number in doubt in such a view: its first or last digits may stand past the edge
		// (third-hand seed 54: a view placed round a 12 MP photo's small card cut its left side off,
		// and 15 of 4904 9350 5617 2840's digits were read at 0.45).
		const numberMayBeCut = number !== undefined && number.confidence < REVIEW_CONFIDENCE && reading.textAtEdge === true;
		// And a name in doubt in such a view, or read as one word in any: the holder's may stand past the
		// view, and it read a label or an issuer's word for it (a fourth-hand probe: a minimal card on a
		// scanned page, its view round the number and the stacked VALID THRU read YARD at 0.65, DIRK VAN DER
		// BERG beyond at the row's end).
		const nameMayBeOff =
			reading.fields.name !== undefined &&
			reading.fields.name.confidence < REVIEW_CONFIDENCE &&
			(reading.textAtEdge === true || !reading.fields.name.text.includes(' '));
		if (!number?.box || (reading.fields.name && date && !dateMayBeDecoy && !numberMayBeCut && !nameMayBeOff))
			return { reading, textSpread };
		// Text found only round the number and a line or two beside it: a date or name printed
		// further off on the card was not in the view. Look at the card's whole extent around the
		// number, detecting afresh: a number runs over half to four fifths of a card's width, or
		// little more than a third printed small (2.7 mm digits in a minimal design, its date at
		// the far end of the name's row: a reach of one number's length cut that date in half).
		const wider = await readRegion(models, source, now, settings, {
			quads: region,
			coarseBoxes,
			sourceQuads,
			coarseScale,
			lineHeight: lineHeightOf(region),
			detectAgain: true,
			reach: 1.5 * distance(number.box[0], number.box[1]),
		});
		return { reading: withWiderView(reading, wider) ?? reading, textSpread };
	};
	let unsureFirst: { reading: CardReading; region: Quad[] } | null = null;
	for (const region of regions) {
		const reading = await readRegion(models, source, now, settings, {
			quads: region,
			coarseBoxes,
			sourceQuads,
			coarseScale,
			lineHeight: lineHeightOf(region),
		});
		if (!consider(reading)) continue;
		if (numberReadSurely(reading)) return await settle(reading, region);
		unsureFirst ??= { reading, region };
	}
	// A number in doubt read in such a view may be print the view could not resolve, as below: the blob
	// is looked at too, and taken where it reads a number surely (bench seed 2217: a card turned 100
	// degrees in a portrait photo, its number, name and date lines one box at the coarse size, read
	// 500927221555 at 0.53, a Maestro length valid by Luhn by chance, TEE and 92/21).
	if (unsureFirst && !lastPass) return await settle(unsureFirst.reading, unsureFirst.region);
	// Lines too small at the coarse size can merge into one blob (a portrait card's name, number and
	// date, 364 px on a 900 x 1600 portrait photo, in one box 123 px high): taken for a line, it sets
	// the view's text size so low that the lines vanish in it. The largest group is read once more in
	// a view as large as views get, detected afresh (a line height of 1 px leaves the view's scale
	// to its largest side), its margin a line and a half of the blob. Not before a finer pass over a
	// large image: that pass sees the lines apart, and a number read here would stop it (independent
	// seed 171: a 12 MP photo's name read YO UE for SO-YOUNG HONG, which the finer pass reads right).
	const largest = regions[0];
	if (largest && lastPass) {
		const reading = await readRegion(models, source, now, settings, {
			quads: largest,
			coarseBoxes,
			sourceQuads,
			coarseScale,
			lineHeight: 1,
			detectAgain: true,
			reach: 1.5 * lineHeightOf(largest),
		});
		// Beside a first reading with a number in doubt, only a number read surely here is the card's. (That
		// reading came from a region, and only a last pass gets here with it: this block always settles it.)
		if (unsureFirst)
			return numberReadSurely(reading)
				? { reading: blobOverUnsure(unsureFirst.reading, reading), textSpread }
				: await settle(unsureFirst.reading, unsureFirst.region);
		if (consider(reading)) return { reading, textSpread };
	}
	// Text too small or too faint to find at the coarse size: look for the card's shape instead,
	// and detect its text in a view the size of a card.
	const shape = findCardShape(coarse);
	if (shape) {
		const quad = mapQuad(toSourceScale, shape);
		const longSide = distance(quad[0], quad[1]);
		const k = Math.min(2, settings.maxViewSide / longSide);
		const cardView = viewTransform(Math.atan2(quad[1].y - quad[0].y, quad[1].x - quad[0].x), quad[0], k);
		const width = Math.round(longSide * k);
		const height = Math.round(quadHeight(quad) * k);
		const boxes = await detectText(models, warpRgb(source, cardView, width, height), Math.max(width, height));
		if (boxes.length > 0) {
			const quads = boxes.map((box) => mapQuad(cardView, box.quad));
			const reading = await readRegion(models, source, now, settings, {
				quads,
				coarseBoxes: boxes,
				sourceQuads: quads,
				coarseScale: k,
				lineHeight: lineHeightOf(quads),
			});
			consider(reading);
		}
	}
	return { reading: best ?? { fields: {}, lines: [], rotationDeg: 0 }, textSpread };
}

/**
 * The reading of a card's whole text group, read surely where the first reading's number was in
 * doubt. Where the first read the same number, the group's view only settles that number: its name
 * and date are as sure as the first reading's, or under 0.9 where the two read them otherwise (third-
 * hand set 31: 03/29 read 08/29 in both views, its 8 at 0.85 with a 3 at 0.10 behind it, in doubt in
 * the first beside its number's doubt and reported at 0.987 from the group's). Where the first read
 * another number, or none a card can have (500927221555), it did not read the card, and the group's
 * reading stands.
 */
export function blobOverUnsure(first: CardReading, blob: CardReading): CardReading {
	if (first.fields.number?.text !== blob.fields.number?.text) return blob;
	return withNameAndDateAtMost(blob, (name, field) => {
		const before = first.fields[name];
		return before?.text === field.text ? before.confidence : WIDER_VIEW_DOUBT;
	});
}

/** The most a field only the view over the card's whole extent found is reported at, and a field that view read otherwise. */
const WIDER_VIEW_DOUBT = 0.85;

/**
 * What the view over a card's whole extent adds to a first reading that lacks a field (or a guess
 * at its date), or null when it adds nothing or read another number (another card, or not the
 * card). What only that view found may lie outside the card (a page's own text beside a scanned
 * card): it is kept, never surely, even a date beside its expiry label (an authorisation form's typed
 * "Expiry: 03/27" beside a copy of the card), unless it is a date on a line of the card (onCardRow):
 * a name there has no such line to vouch for it (its own would be the anchor).
 * A date the first view chose without a label, where the wider view read another one surely (it was
 * looked at because the first view's text ran to its edge), gives way to that one if it stands by its
 * expiry label or the wider view read both, and stays otherwise: in doubt either way. So does a name
 * the first view read in doubt, to a surer one of more words in other letters that the wider view read
 * on the line of the number it read surely, in doubt. Otherwise, when the two views
 * read a field differently, the first view's reading is kept, in doubt if the wider view's is as
 * sure as a rival pass's must be (PASS_RIVAL), and the fields the wider view adds are still taken
 * (HIROSHI ANDERSON read HIROSHIANDERSON there, beside the only date read). Then the
 * reading's lines and turn are the first view's.
 */
export function withWiderView(first: CardReading, wider: CardReading): CardReading | null {
	const number = first.fields.number;
	const whole = wider.fields.number;
	if (number && whole && cutNumberWhole(number, whole, first.textAtEdge === true))
		return { ...first, fields: { ...first.fields, number: { ...whole, confidence: Math.min(whole.confidence, WIDER_VIEW_DOUBT) } } };
	if (!number || wider.fields.number?.text !== number.text) return null;
	const added = FIELD_NAMES.filter((name) => !first.fields[name] && wider.fields[name]);
	const own = first.fields.validThru;
	const seen = wider.fields.validThru;
	// A date the first view read without a label, where the wider view read another one surely: by its
	// expiry label, or beside the first view's date too, that one is taken; otherwise the first stays.
	// Either way in doubt (the views disagree).
	// Only where the first view's text ran to its edge (why the wider view was looked at with every
	// field read); a date the wider view holds as a FROM or SINCE date, or after a cut VALID, is no
	// rival; one by its label off the card's lines (a page's typed "Expiry: 03/27" beside a scanned
	// card) is one, but is not taken. A later date the wider view holds in doubt between a decoy label
	// right before it and an expiry label over it (a pure decoy's is under PASS_RIVAL) is one too: the
	// first view's unlabelled date may be the card's VALID FROM (a read-only review: 05/25 kept at 0.997).
	if (
		added.length === 0 &&
		first.textAtEdge === true &&
		own !== undefined &&
		own.label === undefined &&
		seen &&
		seen.text !== own.text &&
		seen.confidence >= PASS_RIVAL &&
		(seen.label === undefined || seen.label === 'expiry' || (seen.label === 'decoy' && later(seen.text, own.text)))
	) {
		const onCard = onCardRow(seen, [wider.fields.number, agreeing(wider.fields.name, first.fields.name)]);
		// A wider view that read the first view's date too, where the first view never read the other, chose
		// between the two with more of the card in sight (bench seed 2141: a small unlabelled 10/25, then
		// 04/30 past the first view's edge).
		const holds = (lines: CardReading['lines'], date: string) => lines.some((line) => wholeToken(line.text, date));
		// So did one that read other dates beside its own, later than the first view's, where the first
		// view never read it: the expiry is a card's latest date (bench seed 2227: an unlabelled 07/27 over
		// the number, VALID FROM 06/28 and VALID THRU 11/31 past the first view's edge; the wider view read
		// the two as one box, its labels garbled, and took 11/31). Not a date a digit off the first view's:
		// that may be its print, misread (07/29 for 07/27: a read-only review).
		const choseLater = (seen.otherDates?.length ?? 0) > 0 && later(seen.text, own.text) && differingChars(seen.text, own.text) >= 2;
		const choseBetween = (holds(wider.lines, own.text) || choseLater) && !holds(first.lines, seen.text);
		const date = (seen.label === 'expiry' || choseBetween) && onCard ? seen : own;
		return { ...first, fields: { ...first.fields, validThru: { ...date, confidence: Math.min(date.confidence, WIDER_VIEW_DOUBT) } } };
	}
	// A name the first view read in doubt that the wider view read surer, in more words, on the line of
	// the number it read surely: the holder's, past what the first view saw (a fourth-hand probe: a
	// minimal card on a scanned page, the view round its number read the stacked VALID THRU as YARD at
	// 0.65; the wider view, DIRK VAN DER BERG at 0.89 at the number row's far end). Not the same letters
	// parted otherwise (SEAN O BRIEN for SEAN O'BRIEN), nor a line elsewhere (PLEASE SIGN THE BACK: a
	// read-only review). Taken in doubt: the views disagree.
	const ownName = first.fields.name;
	const seenName = wider.fields.name;
	if (
		added.length === 0 &&
		ownName &&
		seenName &&
		ownName.confidence < REVIEW_CONFIDENCE &&
		seenName.confidence >= PASS_RIVAL &&
		seenName.confidence > ownName.confidence &&
		wordCount(seenName.text) > wordCount(ownName.text) &&
		!sameNameLetters(seenName.text, ownName.text) &&
		onCardRow(seenName, [wider.fields.number])
	)
		return { ...first, fields: { ...first.fields, name: { ...seenName, confidence: Math.min(seenName.confidence, WIDER_VIEW_DOUBT) } } };
	// A guess at a date whose slash was lost is worth keeping where the first view read no date at all.
	if (added.length === 0)
		return wider.dateGuess && !first.dateGuess && !first.fields.validThru ? { ...first, dateGuess: wider.dateGuess } : null;
	// A name the first view's closer look read in place of one read at HARDLY_READ_NAME or more is no
	// agreement: its views disagree (read-only reviews).
	const agrees = FIELD_NAMES.every((name) => !first.fields[name] || agreeing(wider.fields[name], first.fields[name]) !== undefined);
	const base = agrees ? wider : first;
	const fields = { ...base.fields };
	for (const name of FIELD_NAMES) {
		const own = first.fields[name];
		const seen = wider.fields[name];
		if (seen && !own)
			fields[name] =
				name === 'validThru' && onCardRow(seen, [wider.fields.number, agreeing(wider.fields.name, first.fields.name)])
					? seen
					: { ...seen, confidence: Math.min(seen.confidence, WIDER_VIEW_DOUBT) };
		else if (seen && own && seen.text !== own.text && seen.confidence >= PASS_RIVAL)
			fields[name] = { ...own, confidence: Math.min(own.confidence, WIDER_VIEW_DOUBT) };
	}
	// Taken from the wider view, the date keeps the first view's doubt, and the other way round.
	const keptFromBoth = (field: FieldReading, name: FieldName, flag: keyof typeof KEPT_DOUBTS) =>
		keepDoubt(keepDoubt(field, first.fields[name], flag), wider.fields[name], flag);
	if (fields.validThru) fields.validThru = keptFromBoth(fields.validThru, 'validThru', 'partDateElsewhere');
	if (fields.name) fields.name = NAME_DOUBTS.reduce((name, flag) => keptFromBoth(name, 'name', flag), fields.name);
	return {
		...base,
		fields,
		numberSureOnlyCloser: wider.numberSureOnlyCloser || first.numberSureOnlyCloser,
		dateGuess: base.dateGuess ?? first.dateGuess,
	};
}

/** The fewest digits of a number in doubt that a wider view's sure number must hold in a row to be its whole. */
const CUT_NUMBER_DIGITS = 12;

/**
 * Whether the wider view's number is the whole of one the first view read in doubt with its text at
 * the view's edge: sure, checked by Luhn, and holding all the first one's digits in a row (the view
 * cut a group at its edge). Taken, never surely: the two views read the number differently.
 */
export function cutNumberWhole(number: FieldReading, whole: FieldReading, textAtEdge: boolean): boolean {
	return (
		textAtEdge &&
		number.confidence < REVIEW_CONFIDENCE &&
		// A checked number may be the whole, in doubt for digits beside it (a code 123 after it).
		!checked(number.text) &&
		whole.confidence >= REVIEW_CONFIDENCE &&
		number.text.length >= CUT_NUMBER_DIGITS &&
		whole.text.length > number.text.length &&
		whole.text.includes(number.text) &&
		checked(whole.text)
	);
}

/** Whether `text` holds `token` with no digit or slash run on to either side of it (10/25 is not in 110/25). */
function wholeToken(text: string, token: string): boolean {
	for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
		const before = text[at - 1] ?? '';
		const after = text[at + token.length] ?? '';
		if (!/[\d/]/.test(before) && !/[\d/]/.test(after)) return true;
	}
	return false;
}

/** `field` when the first view read it the same, so its box places a line of the card. */
function agreeing(field: FieldReading | undefined, first: FieldReading | undefined): FieldReading | undefined {
	return field && first && field.text === first.text && first.replacedConfidence === undefined ? field : undefined;
}

/**
 * Whether a field lies on the line of one the card surely prints (the number, or the name both views
 * read): centred on that line's axis within half its height, about as tall, and running the same way.
 * A date at the end of the name's row (a close-up's 09/32 past LUIS FITZGERALD-SMYTHE, a minimal
 * card's EXP 08/26 past its number) is the card's own print. A page's text beside a scanned card
 * passes only where it stands on a card line's axis, in about the card's type size: a chance that
 * is left, not ruled out (nothing bounds how far along the line it stands).
 */
export function onCardRow(field: FieldReading, anchors: Array<FieldReading | undefined>): boolean {
	const box = field.box;
	if (!box) return false;
	return anchors.some((anchor) => {
		if (!anchor?.box || anchor.confidence < REVIEW_CONFIDENCE) return false;
		const [a0, a1, , a3] = anchor.box;
		const length = distance(a0, a1);
		const height = distance(a0, a3);
		if (length === 0 || height === 0) return false;
		const along = unit(a0, a1);
		const c = quadCenter(box);
		const a = quadCenter(anchor.box);
		const off = Math.abs((c.x - a.x) * along.y - (c.y - a.y) * along.x);
		const fieldLength = distance(box[0], box[1]);
		const fieldHeight = quadHeight(box);
		const cosine = fieldLength === 0 ? 0 : ((box[1].x - box[0].x) * along.x + (box[1].y - box[0].y) * along.y) / fieldLength;
		return (
			off <= height * ROW_AXIS_OFF &&
			fieldHeight >= height * ROW_HEIGHT_RATIO &&
			fieldHeight <= height / ROW_HEIGHT_RATIO &&
			cosine >= ROW_PARALLEL
		);
	});
}

/** How far off a card line's axis (in its heights) a field on that line may be centred. */
const ROW_AXIS_OFF = 0.5;
/** The least height ratio, either way, of a field to the line it stands on (a date printed smaller than the name). */
const ROW_HEIGHT_RATIO = 0.5;
/** Cosine of the largest angle between a field's direction and its line's (about 10 degrees). */
const ROW_PARALLEL = 0.985;

/** A view still tilted more than this (radians) is placed again from its own boxes. */
const TILT_TOLERANCE = (2.5 * Math.PI) / 180;

interface Region {
	/** Boxes measured at too coarse a size to trust: detect again even when their size looks right. */
	detectAgain?: boolean;
	/** How far (source px) the view reaches past the quads, when more than a line and a half. */
	reach?: number;
	/** The text direction, when better known than from `quads`. */
	angle?: number;
	/** Boxes reused from a coarser pass read the name's print too small: detect in every view placed. */
	looseBoxes?: boolean;
	/** A view this region was placed from had text at its side edge: more may stand past it. */
	edgeSeen?: boolean;
	quads: Quad[];
	coarseBoxes: TextBox[];
	sourceQuads: Quad[];
	coarseScale: number;
	lineHeight: number;
}

/** Rectifies one text region, settles its orientation, reads its lines and extracts the fields. */
async function readRegion(
	models: OcrModels,
	source: RgbImage,
	now: Date,
	settings: PipelineSettings,
	region: Region,
	depth = 0,
): Promise<CardReading> {
	const { coarseBoxes, sourceQuads, coarseScale, lineHeight } = region;
	const angle = region.angle ?? dominantTextAngle(region.quads);
	const rotate = viewTransform(angle, { x: 0, y: 0 }, 1);
	const inRotated = region.quads.flatMap((quad) => mapQuad(invert(rotate), quad));
	const margin = Math.max(lineHeight * 1.5, region.reach ?? 0);
	const minX = Math.min(...inRotated.map((p) => p.x)) - margin;
	const maxX = Math.max(...inRotated.map((p) => p.x)) + margin;
	const minY = Math.min(...inRotated.map((p) => p.y)) - margin;
	const maxY = Math.max(...inRotated.map((p) => p.y)) + margin;

	const spanX = maxX - minX;
	const spanY = maxY - minY;
	const viewAt = (scale: number, maxSide = settings.maxViewSide, limit = 2) => {
		const k = Math.min(limit, scale, maxSide / Math.max(spanX, spanY));
		const origin = { x: minX * Math.cos(angle) - minY * Math.sin(angle), y: minX * Math.sin(angle) + minY * Math.cos(angle) };
		return {
			k,
			toSource: viewTransform(angle, origin, k),
			width: Math.max(32, Math.round(spanX * k)),
			height: Math.max(32, Math.round(spanY * k)),
		};
	};
	const view = viewAt(settings.targetBoxHeight / Math.max(1, lineHeight));

	// The coarse boxes are good enough when they saw the text at a size the detector reads well.
	const coarseBoxHeight = lineHeight * coarseScale;
	const reuse =
		!region.detectAgain &&
		!region.looseBoxes &&
		coarseBoxHeight >= settings.targetBoxHeight * 0.55 &&
		coarseBoxHeight <= settings.targetBoxHeight * 2;
	let boxes: TextBox[];
	if (reuse) {
		const toView = invert(view.toSource);
		const inside = (quad: Quad) => quad.every((p) => p.x >= -1 && p.y >= -1 && p.x <= view.width + 1 && p.y <= view.height + 1);
		boxes = coarseBoxes.map((box, i) => ({ score: box.score, quad: mapQuad(toView, sourceQuads[i]) })).filter((box) => inside(box.quad));
	} else {
		boxes = await detectText(models, warpRgb(source, view.toSource, view.width, view.height), Math.max(view.width, view.height));
		// Text seen tiny at first looks taller than it is (the detector's boxes have a minimum
		// margin) and its direction is a rough guess, so a small card's first view can be too small
		// or still tilted: its own boxes, seen at a readable size, place the view once more.
		const seenQuads = boxes.map((box) => box.quad);
		const seen = median(seenQuads.map(quadHeight));
		const tilt = Math.abs(dominantTextAngle(seenQuads));
		const tooSmall = seen < settings.targetBoxHeight * 0.75 && view.k < 2;
		if (depth === 0 && boxes.length > 0 && (tooSmall || tilt > TILT_TOLERANCE)) {
			const quads = boxes.map((box) => mapQuad(view.toSource, box.quad));
			// The new view keeps at least the old one's extent (text cut at its edge is still whole
			// there) and takes its direction and text size from the boxes seen now.
			// What stood past this view's edge was never detected, and the new view is placed from what
			// was: a date cut off there (bench seed 2141, A4 scans: an expiry printed after a small
			// decoy date that ended 0.6-0.8 of a line from the edge) is missing from it too.
			const next: Region = {
				quads: [...quads, ...region.quads],
				angle: dominantTextAngle(quads),
				coarseBoxes: boxes,
				sourceQuads: quads,
				coarseScale: view.k,
				lineHeight: lineHeightOf(quads),
				detectAgain: tilt > TILT_TOLERANCE,
				reach: region.reach,
				looseBoxes: region.looseBoxes,
				edgeSeen:
					tooSmall &&
					(textNearSideEdge(seenQuads, view.width, SMALL_VIEW_EDGE_LINES) ||
						textPastGroup(
							seenQuads,
							region.quads.map((quad) => mapQuad(invert(view.toSource), quad)),
						)),
			};
			return await readRegion(models, source, now, settings, next, 1);
		}
	}
	let toSource = view.toSource;
	const { width, height } = view;
	let viewQuads = boxes.map((box) => uprightCorners(box.quad));
	if (viewQuads.length === 0) return { fields: {}, lines: [], rotationDeg: 0 };

	let rotationDeg = (angle * 180) / Math.PI;
	let flipped = false;
	const turn = () => {
		const flip = halfTurn(width, height);
		toSource = compose(toSource, flip);
		flipped = !flipped;
		viewQuads = viewQuads.map((q) => {
			const [tl, tr, br, bl] = mapQuad(flip, q);
			return [br, bl, tl, tr] as Quad;
		});
		rotationDeg += flipped ? 180 : -180;
	};
	const upsideDown = await upsideDownProbability(
		models,
		source,
		viewQuads.map((q) => mapQuad(toSource, q)),
	);
	if (upsideDown > 0.5) turn();

	// Line `i`'s crop from `quad`, a quad in the view, sampled `stretch` times wider.
	const lineCrop = (i: number, quad: Quad, stretch?: number): LineCrop => ({
		quad: mapQuad(toSource, quad),
		score: boxes[i].score,
		...(stretch === undefined ? {} : { stretch }),
	});
	// `sets` sets of the lines in `indices`, recognised one set after another, each put in `base` and read into fields.
	const readingsOf = (indices: number[], recognised: RecognizedLine[], sets: number, base: RecognizedLine[]) =>
		Array.from({ length: sets }, (_, set) => {
			const lines = [...base];
			indices.forEach((i, k) => (lines[i] = { ...recognised[set * indices.length + k], quad: viewQuads[i] }));
			return { lines, ...extractFields(groupIntoRows(lines), now) };
		});
	// Each of `cropsOf` gives every line in `indices` a crop; all crops go to the recogniser in one call,
	// so that an idle worker can take a share of them, and each set is read into fields on its own.
	// Crops `along` (wanted by a later step) go in the same call; their lines come back apart.
	const readCropSets = async (indices: number[], cropsOf: Array<(i: number) => Quad>, base: RecognizedLine[], along: LineCrop[] = []) => {
		const crops = cropsOf.flatMap((cropOf) => indices.map((i) => lineCrop(i, cropOf(i))));
		const recognised = await recognizeLines(models, source, [...crops, ...along]);
		return { readings: readingsOf(indices, recognised, cropsOf.length, base), along: recognised.slice(crops.length) };
	};
	const readCrops = async (indices: number[], cropOf: (i: number) => Quad, base: RecognizedLine[]) =>
		(await readCropSets(indices, [cropOf], base)).readings[0];
	const grown = (grow: number) => (i: number) => (grow === 1 ? viewQuads[i] : resizeQuadHeight(viewQuads[i], grow));
	const read = async (indices: number[], grow: number, base: RecognizedLine[]) => await readCrops(indices, grown(grow), base);
	const all = viewQuads.map((_, i) => i);
	let first = await read(all, 1, []);
	// The direction classifier errs on short or stylised lines; read upside down, a card gives no
	// sure number. Then the other way up is read too (see otherWayUpWins).
	if (!numberReadSurely(first)) {
		turn();
		const other = await read(all, 1, []);
		if (otherWayUpWins(first, other)) first = other;
		else turn();
	}
	// Boxes found at a coarse size round small print are loose (the detector's margin is a least size):
	// the name's letters then take few of the recogniser's frames, too few for a doubled letter or a
	// word gap (a 12 MP photo: YOON BIN WOO's line read YOONBGIN WO at 14.8 px a letter, then voted YON
	// BIN WO; read well, names take 20-30). Such a card is read again from boxes detected in every view placed for it, and that
	// reading taken if it read the same number (or the first read none, or none surely where it reads one surely). The letters counted are the
	// ones read, so a name that lost some to the loose crop looks less crowded than it is.
	const nameFrom = first.sources.name;
	if (
		reuse &&
		nameFrom &&
		looseForName(
			nameFrom.map((i) => first.lines[i].text),
			nameFrom.map((i) => cropWidth(mapQuad(toSource, viewQuads[i]))),
		)
	) {
		const again = await readRegion(models, source, now, settings, { ...region, looseBoxes: true }, depth);
		const number = first.fields.number;
		// A number the loose boxes read unsurely is no reason to keep them over one read surely there
		// (independent seed 193: a 12 MP photo's UnionPay number read 62291187591969 at 0.52, 14
		// digits valid by chance, then, from the same boxes at other heights, 6228229187591969 at
		// 0.973; the boxes detected afresh read all 19 digits at 0.999).
		if (
			number === undefined ||
			again.fields.number?.text === number.text ||
			(number.confidence < REVIEW_CONFIDENCE && numberReadSurely(again))
		)
			return again;
	}
	let fields = first.fields;
	let numberSureOnlyCloser = false;
	// Each view's guess at a date whose slash was lost, in this view's coordinates.
	const guesses = first.dateGuess ? [first.dateGuess] : [];
	const unsure = FIELD_NAMES.filter((name) => (fields[name]?.confidence ?? 0) < REVIEW_CONFIDENCE);
	// Every crop height's reading of the name, for the check past its ends to weigh.
	const nameReadings = [nameReading(first)];
	if (unsure.length > 0) {
		// Only the lines an unsure field came from are read again; a field not found at all, or a
		// date (whose rival may be in another line), sends back every line it could be in.
		const again = new Set<number>();
		for (const name of unsure) {
			const from = first.sources[name];
			if (!from) all.forEach((i) => again.add(i));
			else if (name === 'validThru') all.filter((i) => /[\d/]/.test(first.lines[i].text)).forEach((i) => again.add(i));
			else from.forEach((i) => again.add(i));
		}
		fields = await rereadUnsure(first.fields, async (grows) => {
			const { readings: rereads } = await readCropSets([...again], grows.map(grown), first.lines);
			for (const reread of rereads) {
				if (reread.dateGuess) guesses.push(reread.dateGuess);
				nameReadings.push(nameReading(reread));
			}
			return rereads.map((reread) => reread.fields);
		});
	}
	// A name may be cut short where the detector's box ended early (DUB for DUBOIS) or, read surely,
	// have lost a letter: its line is read once more from crops reaching past its ends. A name already
	// in doubt can only be completed there, never made sure.
	// Also where the crops' vote only moved word gaps or inner apostrophes: the same letters, from the
	// same boxes, and a cut there is as likely (seed 2117: ONKANG first, ON KANG voted at 0.974, while
	// the boxes reaching past the start read HOON KANG, of BIN-HOON KANG).
	// Whether a name's box is read widened (see below): only where the width cap leaves every stretch a crop of its own.
	const widenable = (i: number) => {
		const quad = mapQuad(toSource, viewQuads[i]);
		return new Set([1, ...NAME_STRETCHES].map((stretch) => cropWidth(quad, MAX_REC_WIDTH, stretch))).size === NAME_STRETCHES.length + 1;
	};
	const nameWidenable = nameFrom !== undefined && nameFrom.every(widenable);
	const widenedCrops = (from: number[], stretch: number) => from.map((i) => lineCrop(i, viewQuads[i], stretch));
	// The widened read's first stretch, when it was read ahead beside the name's check.
	let widenedAhead: RecognizedLine[] = [];
	const firstName = first.fields.name;
	// Every reading of the name the checks past its ends made, for the widened reads to weigh.
	const checkReadings: NameReading[] = [];
	if (fields.name && nameFrom && firstName && sameNameLetters(firstName.text, fields.name.text)) {
		// The boxes that start and end the name's line (in the view, text runs along +x).
		const firstBox = nameFrom.reduce((a, b) => (viewQuads[b][0].x < viewQuads[a][0].x ? b : a));
		const lastBox = nameFrom.reduce((a, b) => (viewQuads[b][1].x > viewQuads[a][1].x ? b : a));
		// A check may carry crops a later step wants (`ahead`), read in the same call.
		const checkWith = async ([before, after]: [number, number], ahead: LineCrop[] = []) => {
			const { readings, along } = await readCropSets(
				nameFrom,
				[(i) => extendQuadEnds(viewQuads[i], i === firstBox ? before : 0, i === lastBox ? after : 0)],
				first.lines,
				ahead,
			);
			if (ahead.length > 0) widenedAhead = along;
			checkReadings.push(nameReading(readings[0]));
			return readings[0];
		};
		// The widened read below most often follows (see `widenable`) and wants its first stretch of the
		// name's boxes: read beside this check on an idle worker, it costs the request no time. It goes
		// unused where the check completes the name (DUB for DUBOIS), and is read here where the worker
		// was wanted meanwhile: a crop more, only while a worker was idle. Not under load, where it
		// would take a core from another request.
		const ahead = models.lender?.available() && nameWidenable ? widenedCrops(nameFrom, NAME_STRETCHES[0]) : [];
		let reach: [number, number] = [NAME_REACH, NAME_REACH];
		const seen = (await checkWith(reach, ahead)).fields.name;
		// A check that reads what the first view read (MEIJONES again, where the vote put the gap back) is
		// the same crop's reading again, no rival to the vote.
		let checked = afterNameCheck(fields.name, seen?.text === firstName.text ? undefined : seen);
		// A check that completed the name at an end may have found a deeper cut there (G, then ONG, for
		// SONG): that end is reached for again, as far once more, while the name keeps growing there.
		let grew = grownEnds(fields.name.text, checked.text);
		let rounds = 1;
		while ((grew[0] || grew[1]) && rounds < NAME_REACH_ROUNDS) {
			reach = [reach[0] + (grew[0] ? NAME_REACH : 0), reach[1] + (grew[1] ? NAME_REACH : 0)];
			const longer = afterNameCheck(checked, (await checkWith(reach)).fields.name);
			grew = grownEnds(checked.text, longer.text);
			checked = longer;
			rounds += 1;
		}
		// A letter cut off further than the check reached may be read as nothing at its edge: a second
		// check reaching twice as far before the name must read it the same.
		let settled = edgeSettled(nameReadings, [seen]);
		if (settled !== null) settled = edgeSettled(nameReadings, [seen, (await checkWith([2 * NAME_REACH, NAME_REACH])).fields.name]);
		fields.name = settled === null ? checked : { ...checked, confidence: Math.max(checked.confidence, settled) };
		// The initials' stops are placed by the first view's word indices: only while the name has its words.
		const ends = first.initialEnds ?? [];
		const words = firstName.text.split(' ');
		if (ends.length > 0 && words.length === wordCount(fields.name.text)) {
			const reached = await recognizeLines(
				models,
				source,
				ends.map(({ box }) => lineCrop(box, extendQuadEnds(viewQuads[box], 0, INITIAL_REACH))),
			);
			const stops = ends
				.filter((end, k) => stopPastBox(words[end.word], first.lines[end.box].chars, reached[k].chars))
				.map((end) => end.word);
			fields.name = withInitialStops(fields.name, stops);
		}
	}
	// A name still in doubt is read once more from crops of its boxes sampled wider, as if printed in a
	// wider font: condensed print and tight kerning leave a thin mark or a narrow gap few of the
	// model's frames, which a wider crop gives it (WILLIAMSDAVIS read WILLIAMS-DAVIS at 0.99 twice).
	// A sure name is read from one such crop, for a mark it lost (MI-JUN KANG read MIJUN KANG at 0.971).
	// Only from the boxes the first view read it in, and only where the width cap leaves every stretch
	// a crop of its own (at the cap, two stretches are one crop, and that the first view's at most).
	if (fields.name && nameFrom && firstName && sameNameLetters(firstName.text, fields.name.text) && nameWidenable) {
		const stretches = fields.name.confidence >= REVIEW_CONFIDENCE ? NAME_STRETCHES.slice(0, 1) : NAME_STRETCHES;
		const recognised = [
			...widenedAhead,
			...(await recognizeLines(
				models,
				source,
				stretches.slice(widenedAhead.length > 0 ? 1 : 0).flatMap((stretch) => widenedCrops(nameFrom, stretch)),
			)),
		];
		const widened = readingsOf(nameFrom, recognised, stretches.length, first.lines).map((reading) => reading.fields.name);
		// A crop height or a check past the ends that read the name otherwise, and believed it, is a doubt
		// the widened crops of the same boxes cannot clear.
		const name = fields.name;
		const readOtherwise = [...nameReadings, ...checkReadings].some(
			(r) => r.text !== undefined && r.text !== name.text && r.confidence >= CHECK_NOISE,
		);
		fields.name = afterWidenedReads(name, widened, readOtherwise);
	}
	// The last step that reads: what it reports for a name is capped in closerLookConfidence, and no
	// check after it (rereads, the name's end checks) may raise a name it replaced.
	const lookAgain = fieldsToLookAgain(fields);
	if (lookAgain.length > 0 && FIELD_NAMES.some((name) => fields[name])) {
		const closer = viewAt(view.k * CLOSER_LOOK, settings.maxViewSide * CLOSER_LOOK, 2 * CLOSER_LOOK);
		const closerToSource = flipped ? compose(closer.toSource, halfTurn(closer.width, closer.height)) : closer.toSource;
		const closerBoxes = await detectText(
			models,
			warpRgb(source, closerToSource, closer.width, closer.height),
			Math.max(closer.width, closer.height),
		);
		const quads = closerBoxes.map((box) => uprightCorners(box.quad));
		const recognised = await recognizeLines(
			models,
			source,
			quads.map((quad, i) => ({ quad: mapQuad(closerToSource, quad), score: closerBoxes[i].score })),
		);
		const closerRead = extractFields(groupIntoRows(recognised.map((line, i) => ({ ...line, quad: quads[i] }))), now);
		const second = closerRead.fields;
		const decoyNearby = [...first.lines, ...recognised].some((line) => DECOY_LABEL.test(line.text.toUpperCase()));
		const firstNumber = fields.number?.text;
		const toView = compose(invert(toSource), closerToSource);
		const guess = closerRead.dateGuess;
		if (guess)
			guesses.push({
				...guess,
				box: guess.box ? mapQuad(toView, guess.box) : null,
				parts: guess.parts.map((part) => mapQuad(toView, part)),
			});
		for (const name of lookAgain) {
			const found = second[name];
			if (!found) continue;
			const current = fields[name];
			// The closer view vouches for what it adds when it read the first view's number, or a checked
			// number it read surely and the card is reported with (taken just before: FIELD_NAMES puts the
			// number first).
			const same =
				second.number !== undefined &&
				(second.number.text === firstNumber || (numberSureOnlyCloser && second.number.text === fields.number?.text));
			if (!closerLookTakes(name, found, current, closerRead.datesRead)) continue;
			const confidence = closerLookConfidence(name, found, current, same, decoyNearby, closerRead.datesRead);
			if (name === 'number') numberSureOnlyCloser = confidence >= REVIEW_CONFIDENCE;
			fields[name] = {
				...found,
				confidence,
				box: found.box ? mapQuad(toView, found.box) : null,
				parts: found.parts.map((part) => mapQuad(toView, part)),
				...(name === 'name' ? replacedNameFlags(current, found) : {}),
			};
		}
		const closerDate = second.validThru?.box ? { ...second.validThru, box: mapQuad(toView, second.validThru.box) } : undefined;
		const apart = besideDigitsWereDate(fields.number, first.fields.number, second.number, fields.validThru, closerDate, first.besideNumber);
		if (fields.number && apart !== null) fields.number = { ...fields.number, confidence: Math.max(fields.number.confidence, apart) };
	}
	// A box read as a date's year alone, or after a label's letters, is read again from where its month
	// would start: small labels stacked before large digits in one box (VALID over THRU, an arrow, then
	// 11/32) can take the month with them, read "32" while the decoy ISSUE DATE 02/25 beside it is read
	// whole (third-hand set 31). Only where no date was read surely, and never surer than 0.85: the two
	// crops of that box disagree.
	if ((fields.validThru?.confidence ?? 0) < REVIEW_CONFIDENCE) {
		const numberBoxes = new Set(first.sources.number ?? []);
		const tails = all.flatMap((i) => {
			const start = numberBoxes.has(i) ? null : monthStartBeforeYear(first.lines[i].chars);
			return start === null ? [] : [{ i, start }];
		});
		if (tails.length > 0) {
			const recognised = await recognizeLines(
				models,
				source,
				tails.map(({ i, start }) => lineCrop(i, quadFrom(viewQuads[i], start))),
			);
			// The box keeps its place and what it read before the part (a decoy's ISSUED stays its label),
			// and counts only where it now reads otherwise.
			const changed = tails.flatMap(({ i, start }, k) => {
				const line = withPartReadAgain(first.lines[i], start, recognised[k].chars);
				return line.text === first.lines[i].text ? [] : [{ i, line, year: first.lines[i].text.slice(-2) }];
			});
			const lines = [...first.lines];
			for (const { i, line } of changed) lines[i] = line;
			const reread = extractFields(groupIntoRows(lines), now);
			const found = reread.fields.validThru;
			// Only a date read in such a box, with the year the box read before (a receipt's 1.50 read as
			// 01/50 elsewhere, or a misread year, is no part read apart).
			const digits = (text: string) => text.replace(/\D/g, '');
			const inPart =
				found !== undefined &&
				changed.some(({ line, year }) => found.text.endsWith(`/${year}`) && digits(line.text).includes(digits(found.text)));
			const apart = inPart ? dateReadApart(fields.validThru, found, reread.datesRead) : undefined;
			if (apart) fields.validThru = apart;
		}
	}
	const dateGuess = fields.validThru ? undefined : likeliestGuess(guesses);
	for (const reading of [...Object.values(fields), dateGuess]) {
		if (!reading) continue;
		if (reading.box) reading.box = mapQuad(toSource, reading.box);
		reading.parts = reading.parts.map((part) => mapQuad(toSource, part));
	}
	const textAtEdge = region.edgeSeen === true || textNearSideEdge(viewQuads, width, EDGE_LINES);
	return {
		fields,
		lines: first.lines,
		rotationDeg: ((rotationDeg % 360) + 360) % 360,
		textAtEdge,
		numberSureOnlyCloser,
		...(dateGuess ? { dateGuess } : {}),
	};
}

/** How many of a year's digit steps before the year a two-digit month and its slash start. */
const MONTH_STEPS = 4.5;
/** The least share of a box's width before that start: a box with no print before its month is read whole already. */
const ROOM_BEFORE_MONTH = 0.05;
/** The most a date read from the part of a box after its label is reported at. */
const DATE_APART_DOUBT = 0.85;

/**
 * Where, as a share of its box's width, the month of a box read as a date's year alone ("32"), or
 * as a year after a slash with no month before it ("GOTU/33", "/25"), would start: MONTH_STEPS of
 * the year's own digit step before it. Null for a box whose month was read (02/25), whose year has
 * no step to measure (one digit), or that holds no print before that start.
 */
export function monthStartBeforeYear(chars: readonly RecognizedChar[]): number | null {
	const n = chars.length;
	if (n < 2 || !/\d/.test(chars[n - 1].char) || !/\d/.test(chars[n - 2].char)) return null;
	const slash = n >= 3 && chars[n - 3].char === '/';
	const before = chars.slice(0, n - (slash ? 3 : 2)).map((c) => c.char);
	// Digits right before the year are a month read (with its slash) or a longer run of digits (without);
	// without a slash, only a label's letters run into it may stand before it (THRU32; 25.90 is a price).
	const last = before[before.length - 1];
	if (last !== undefined && (/\d/.test(last) || (!slash && !/\p{L}/u.test(last)))) return null;
	const step = chars[n - 1].u0 - chars[n - 2].u0;
	if (step <= 0) return null;
	const start = chars[n - 2].u0 - MONTH_STEPS * step;
	return start >= ROOM_BEFORE_MONTH ? start : null;
}

/** The part of a quad from `u` (a share of its width, along its top and bottom edges) to its end. */
export function quadFrom(quad: Quad, u: number): Quad {
	const [tl, tr, br, bl] = quad;
	const at = (a: Point, b: Point): Point => ({ x: a.x + u * (b.x - a.x), y: a.y + u * (b.y - a.y) });
	return [at(tl, tr), tr, br, at(bl, br)];
}

/**
 * A box's line with its part from `start` (a share of its width) read again as `part`: what it read
 * before that start is kept, and the part's characters are placed in the box.
 */
export function withPartReadAgain(line: RecognizedLine, start: number, part: readonly RecognizedChar[]): RecognizedLine {
	const kept = line.chars.filter((c) => c.u1 <= start);
	const placed = part.map((c) => ({ ...c, u0: start + c.u0 * (1 - start), u1: start + c.u1 * (1 - start) }));
	const chars = [...kept, ...placed];
	return { quad: line.quad, chars, text: chars.map((c) => c.char).join('') };
}

/**
 * The date read with a box read apart from its label (`found`, beside the dates that reading read)
 * over the card's unsure or missing one: taken where there was none, where it is clearly surer, or
 * where that reading read the card's date too and chose this later one (02/25 at 0.85 with its ISSUE
 * label read SSUE, then 11/32 at 0.67 beside it), and then in doubt.
 */
export function dateReadApart(
	current: FieldReading | undefined,
	found: FieldReading | undefined,
	datesRead: readonly string[] = [],
): FieldReading | undefined {
	// A decoy (its label kept before the part) or a date the part hardly read is no reading of the expiry.
	if (!found || found.text === current?.text || found.label === 'decoy' || found.confidence < DEEP_DOUBT) return undefined;
	const takes =
		!current ||
		found.confidence >= current.confidence + CLOSER_MARGIN ||
		(datesRead.includes(current.text) && later(found.text, current.text));
	return takes ? { ...found, confidence: Math.min(found.confidence, DATE_APART_DOUBT) } : undefined;
}

/**
 * Whether the reading of a view turned the other way up is the card's, over the first one. Only a
 * sure number the other way up, with a date and no fewer fields beside it, turns the card: a
 * reading of upside-down digits can pass Luhn by chance, and a date too is unlikely. Where the first
 * way up read no number at all, so does a number valid as read and in doubt only for digits beside
 * it, beside a sure date (third-hand set 27: an upside-down card on a printed page, grouped with the
 * page's lines and turned their way; the other way read its number at 0.85 for the small BIN print
 * under it, its date and name at 0.998, and was dropped, the card then reported unread after 26 s of
 * other looks). Not a number repaired by a runner-up digit: one of nine such digits makes almost any
 * run of misread digits pass Luhn (a read-only review).
 */
export function otherWayUpWins(first: Pick<ExtractedFields, 'fields'>, other: Pick<ExtractedFields, 'fields' | 'besideNumber'>): boolean {
	const found = (reading: Pick<ExtractedFields, 'fields'>) => Object.keys(reading.fields).length;
	const otherNumber = other.fields.number?.confidence ?? 0;
	const validAsRead = other.besideNumber?.confidence ?? otherNumber;
	const numberTurns =
		otherNumber >= REVIEW_CONFIDENCE ||
		(first.fields.number === undefined &&
			validAsRead >= REVIEW_CONFIDENCE &&
			(other.fields.validThru?.confidence ?? 0) >= REVIEW_CONFIDENCE);
	return (
		numberTurns &&
		otherNumber > (first.fields.number?.confidence ?? 0) &&
		other.fields.validThru !== undefined &&
		found(other) >= found(first)
	);
}

const FIELD_NAMES: FieldName[] = ['number', 'validThru', 'name'];
/** One line's crop as the recogniser takes it: its box in the source, and how much wider to sample it. */
type LineCrop = Parameters<typeof recognizeLines>[2][number];
/** Text this many of its lines from the view's side edge may run past it. */
const EDGE_LINES = 0.5;
/**
 * The same, in a view too small to read in: there the detector misses a word of which it sees only a
 * part, so what ends within a word gap of the edge (a line's height) may have a neighbour past it.
 */
const SMALL_VIEW_EDGE_LINES = 1;

/** Whether a box (in a view `width` wide, text along +x) ends within `lines` of its line heights of a side edge. */
export function textNearSideEdge(quads: Quad[], width: number, lines: number): boolean {
	const line = median(quads.map(quadHeight));
	return boxOutside(quads, line * lines, width - line * lines);
}

/** Whether a box (text along +x) starts left of `from` or ends right of `to`. */
function boxOutside(quads: Quad[], from: number, to: number): boolean {
	return quads.some((q) => Math.min(...q.map((p) => p.x)) < from || Math.max(...q.map((p) => p.x)) > to);
}
/**
 * Whether a box seen in a view too small to read in reaches past the side of the group it was placed
 * round (in view coordinates, text along +x) by half a line or more: print the coarse pass missed
 * stands on that side, and more of it may stand past the view's edge (bench seed 2177, an A4 scan:
 * a small decoy 12/31 seen past the number's end, a line from the edge; VALID THRU 04/35 beyond it
 * was never detected, and 12/31 was reported at 0.991).
 */
export function textPastGroup(quads: Quad[], group: Quad[]): boolean {
	if (group.length === 0) return false;
	const line = median(quads.map(quadHeight));
	const xs = group.flat().map((p) => p.x);
	return boxOutside(quads, Math.min(...xs) - line * PAST_GROUP_LINES, Math.max(...xs) + line * PAST_GROUP_LINES);
}
/** How far past its group's side (in its lines) a box seen in a too small view is print the coarse pass missed. */
const PAST_GROUP_LINES = 0.5;
/** How much larger the second look at a card is, when a field was not found at all. */
const CLOSER_LOOK = 1.5;

/**
 * A name read below this is looked at closer: two lines in one detector box (CARDHOLDER NAME over CHO
 * MINWOO), a product's line chosen where the holder's small name was boxed with the date over it (bench
 * seed 2251: DVENTURE WORKS at 0.8 for KIM WOO MIN, a 12 MP photo's small card), a letter or a gap a
 * larger view reads (ARIUN for ARJUN, EDWI N. I. for EDWIN I). Not names at 0.85, the cap of rules on
 * the line's own print (a capital put back, a rule's word) that a larger view reads the same.
 */
const NAME_LOOK_AGAIN = 0.85;
/**
 * A name read below this is hardly a reading (CAHDOHMIE WON for CHO MINWOO): what the closer look reads
 * in its place stands alone. Above it, the pass is scored on the name its first view read
 * (`replacedConfidence`), and from PASS_RIVAL up, where that name was another pass's rival, the views'
 * disagreement is kept (`viewsDisagree`): a read-only review.
 */
const HARDLY_READ_NAME = 0.65;

/** What a name the closer look reads keeps of the first view's other reading it replaces (see HARDLY_READ_NAME). */
export function replacedNameFlags(
	current: FieldReading | undefined,
	found: FieldReading,
): Pick<FieldReading, 'viewsDisagree' | 'replacedConfidence'> {
	if (!current || current.text === found.text || current.confidence < HARDLY_READ_NAME) return {};
	return { replacedConfidence: current.confidence, ...(current.confidence >= PASS_RIVAL ? { viewsDisagree: true as const } : {}) };
}

/**
 * The fields the closer look is for. A field still not found, or a date or number still in doubt, may
 * be small print the detector did not separate at this size (a date beside its label, an expiry read
 * as its VALID FROM neighbour). A name under NAME_LOOK_AGAIN: what the closer view reads otherwise
 * replaces it only clearly surer (`closerLookTakes`), and stays in doubt (`closerLookConfidence`),
 * however another reading of the card agrees (`viewsDisagree`).
 */
export function fieldsToLookAgain(fields: Partial<Record<FieldName, FieldReading>>): FieldName[] {
	return FIELD_NAMES.filter((name) => {
		const reading = fields[name];
		if (!reading) return true;
		return reading.confidence < (name === 'name' ? NAME_LOOK_AGAIN : REVIEW_CONFIDENCE);
	});
}
/** Label words of dates that are not the expiry, as the first reading of a card may hold them (ISSUE, ISSUED, not ISSUER). */
const DECOY_LABEL = /FROM|SINCE|MEMBER|ISSUE(?!R)/;
/** How much surer a closer look's different reading of a doubtful field must be to replace it. */
const CLOSER_MARGIN = 0.1;
/** The node asks a person to review fields below this; the engine tries harder below it too. */
const REVIEW_CONFIDENCE = 0.9;
/** Crop heights tried on a second reading: the detector's box is a guess at the line's extent. */
const REREAD_HEIGHTS = [1.15, 0.88];

/** A reading below this is a deep doubt: its digits' probabilities average under 0.6. */
const DEEP_DOUBT = 0.5;
/** A reading under this confidence is no rival to the vote's winner. */
const RIVAL_CONFIDENCE = 0.25;

/**
 * A number checked (brand and Luhn) where the first view read none, or only digits no number can be.
 * A first reading valid for its brand without Luhn (UnionPay issues such numbers) counts as read: a
 * misread digit of it passes Luhn one time in ten.
 */
function checkedAnew(found: FieldReading, current: FieldReading | undefined): boolean {
	return checked(found.text) && !(current && validForBrand(current.text) && !joinedPastTextAgain(found, current));
}

/**
 * The first view joined the number's two lines past text beside them, in doubt for that alone; the
 * closer view, at a larger scale, grouped its rows otherwise and read the same checked number surely:
 * as sure as a number the first view had not read, as it was before such joins were made.
 */
function joinedPastTextAgain(found: FieldReading, current: FieldReading): boolean {
	return current.joinedPastText === true && found.text === current.text && found.confidence >= REVIEW_CONFIDENCE;
}

/**
 * The closer view read the first view's checked number surely: the first view's doubt was how its
 * pieces fit together (3963 read apart from 443181725038 and put after it), and the closer view read
 * the same digits in the same order, its own doubts weighed, and the checksum holds for both. Only
 * at its brand's longest length (an Amex's 15, a 19-digit number): the first view's doubt may be digits
 * beside it, a longer number of which this is a part valid by chance, and the closer view may have
 * missed them too.
 */
function sameCheckedNumber(found: FieldReading, current: FieldReading): boolean {
	return found.text === current.text && checked(found.text) && longestForBrand(found.text) && found.confidence >= REVIEW_CONFIDENCE;
}

/**
 * The closer view read the date's expiry label where the first view read no label there, or only a
 * VALID cut short. A first view that saw a FROM or SINCE label on the date is not overruled: the
 * closer view may have missed that label and taken the THRU beside it for this date's.
 */
function labelSeenCloser(found: FieldReading, current: FieldReading | undefined): boolean {
	return found.label === 'expiry' && (current?.label === undefined || current.label === 'cutValid');
}

/**
 * Whether the closer look's reading of a field takes the place of the first view's. A doubtful
 * reading gives way only to a clearly surer one, and then stays in doubt: the two views disagree.
 * Read the same, it stays as doubtful as it was: the closer view sees less around the field (a VALID
 * FROM label beside a date), not more; unless it read the date's expiry label, which the first view
 * did not (0628 read closer as VALID 06/28 THRU), or the same checked number surely.
 */
export function closerLookTakes(
	name: FieldName,
	found: FieldReading,
	current: FieldReading | undefined,
	closerDates: readonly string[] = [],
): boolean {
	if (!current) return true;
	if (current.text === found.text)
		return (
			found.confidence > current.confidence &&
			(joinedPastTextAgain(found, current) ||
				(name === 'validThru' && labelSeenCloser(found, current)) ||
				(name === 'number' && sameCheckedNumber(found, current)))
		);
	// The first view's unlabelled date read closer too, as the earlier of two, the later one beside its
	// expiry label: both views saw two dates, and the labels say which is which, however unsure the
	// expiry's digits (b2169: VALID FROM 05/28 chosen at 0.72 with the expiry read "/32"; closer up,
	// VALID THRU 1/32 at 0.70). `closerLookConfidence` keeps it in doubt.
	if (name === 'validThru' && labelSeenCloser(found, current) && closerDates.includes(current.text) && later(found.text, current.text))
		return true;
	return found.confidence >= current.confidence + CLOSER_MARGIN;
}

/**
 * The first view doubted its number for digits beside it in no date (a minimal card's 09 of 09/23
 * right after the number, its slash lost: a piece of a longer number, for all it knew). The closer
 * view read the same checked number surely and, where those digits stand, the date the card is
 * reported with, surely: they were the date's print. Returns what the number then earns (its
 * reading apart from that doubt, and the closer view's), or null while the doubt stands.
 * `number` is the card's number so far: still the first view's reading, no less sure than the first
 * view made it (a reread that read it otherwise, or a closer view's other number, keeps its doubt).
 * `closerDate` is in the first view's coordinates.
 */
export function besideDigitsWereDate(
	number: FieldReading | undefined,
	firstNumber: FieldReading | undefined,
	closerNumber: FieldReading | undefined,
	reportedDate: FieldReading | undefined,
	closerDate: FieldReading | undefined,
	beside: { at: Point[]; confidence: number } | undefined,
): number | null {
	if (!number || !firstNumber || !beside || beside.confidence < REVIEW_CONFIDENCE || !closerNumber || !closerDate?.box) return null;
	if (number.text !== firstNumber.text || number.confidence < firstNumber.confidence) return null;
	if (closerNumber.text !== number.text || !checked(number.text) || closerNumber.confidence < REVIEW_CONFIDENCE) return null;
	if (closerDate.confidence < REVIEW_CONFIDENCE || reportedDate?.text !== closerDate.text || reportedDate.confidence < REVIEW_CONFIDENCE)
		return null;
	const around = extendQuadEnds(closerDate.box, BESIDE_DATE_REACH, BESIDE_DATE_REACH);
	return beside.at.every((point) => insideQuad(point, around)) ? Math.min(beside.confidence, closerNumber.confidence) : null;
}

/** How far past a date's ends (in its heights) a digit the first view read beside the number may stand and be the date's. */
const BESIDE_DATE_REACH = 0.3;

/**
 * How surely a field found only by the closer look, or read there clearly surer than before, is
 * reported. `same`: the closer view read the number the first did; `decoyNearby`: the card prints a
 * decoy date label (VALID FROM, MEMBER SINCE); `closerDates`: every date the closer view read (`datesRead`).
 */
export function closerLookConfidence(
	name: FieldName,
	found: FieldReading,
	current: FieldReading | undefined,
	same: boolean,
	decoyNearby: boolean,
	closerDates: readonly string[] = [],
): number {
	let confidence = viewedCloser(name, found, current, same, decoyNearby, closerDates);
	// A date taken without a clear margin over the first view's (its labels said which date is the
	// expiry: `closerLookTakes`) is in doubt, however sure the closer view is of its digits.
	if (current && current.text !== found.text && found.confidence < current.confidence + CLOSER_MARGIN)
		confidence = Math.min(confidence, 0.85);
	// Larger digits the first view read beside this date are still there where the closer view did not
	// read them; crops that read the date in part may have lost a digit the closer view misread.
	return (current?.largerPrintBeside || current?.partReadByCrops) && found.text === current.text ? Math.min(confidence, 0.85) : confidence;
}

function viewedCloser(
	name: FieldName,
	found: FieldReading,
	current: FieldReading | undefined,
	same: boolean,
	decoyNearby: boolean,
	closerDates: readonly string[],
): number {
	// A number read checked where the first view read none is vouched for by its checksum, as any
	// first view's number is; the two views' agreement would add nothing to it.
	if (name === 'number' && (checkedAnew(found, current) || (current && sameCheckedNumber(found, current)))) return found.confidence;
	// A date read beside its expiry label where the first view read none (047930735 for VALID FROM
	// 04/33 and VALID THRU 08/35 run together), the same date without a label, or a date no card
	// prints (07/3?) is no guess at which date is which: a decoy nearby or a first reading to replace
	// casts no doubt.
	// So is a first reading the closer view read as well, as another date, earlier than the labelled
	// one: both views saw two dates, and the later one beside its expiry label is the expiry (the
	// first view took VALID FROM 01/27 for want of the labels the closer view read over 05/29).
	// Or the first reading was taken over an earlier date its crop read beside it (`laterSeenBeside`),
	// and the closer view read that date too and a later one beside its label (committed sample t11-005:
	// 04/36 taken at 0.50 over 04/25, the closer view reading 04/25 and VALID THRU 04/30).
	const labelled =
		name === 'validThru' &&
		labelSeenCloser(found, current) &&
		(!current ||
			current.text === found.text ||
			current.confidence <= IMPLAUSIBLE_DATE ||
			[current.text, current.laterThan].some((date) => date !== undefined && closerDates.includes(date) && later(found.text, date)));
	if (labelled) return Math.min(found.confidence, same ? 1 : 0.8);
	// Otherwise the same card must give the same number seen closer, or what the closer view adds is
	// unsure. A field that replaces another leaves the two views in disagreement; a date found only
	// closer up, on a card with a decoy date, may be that one (the closer view can miss its label).
	return Math.min(found.confidence, same ? 1 : 0.8, current || (name === 'validThru' && decoyNearby) ? 0.85 : 1);
}

/** A check reading of a name below this confidence is too unsure to cast doubt. */
const CHECK_NOISE = 0.7;
/** How far past each end of a name's line the check crop reaches, in line heights. */
const NAME_REACH = 0.6;
/** Checks of a name growing at an end, each reaching NAME_REACH further there. */
const NAME_REACH_ROUNDS = 3;

/** A crop's reading of the name, with what it earns apart from a first letter on its box's edge. */
interface NameReading {
	text?: string;
	confidence: number;
	apartFromEdge?: number;
}

function nameReading(read: { fields: Partial<Record<FieldName, FieldReading>>; nameApartFromEdge?: number }): NameReading {
	const name = read.fields.name;
	return { text: name?.text, confidence: name?.confidence ?? 0, apartFromEdge: read.nameApartFromEdge };
}

/**
 * A name doubted for its first letter on its box's very edge (letters the detector cut off, ROBERT
 * read as RT) is as sure as its checks when crops reaching past that edge read the same name
 * surely, and every crop height read it alike with no other doubt: nothing was cut off. The crop
 * heights share the box's edge, so only the checks can tell. Returns that confidence, or null when
 * the doubt stands.
 */
export function edgeSettled(readings: NameReading[], checks: Array<FieldReading | undefined>): number | null {
	const text = checks[0]?.text;
	if (text === undefined || !readings.some((r) => r.apartFromEdge !== undefined)) return null;
	if (!checks.every((check) => check?.text === text && check.confidence >= REVIEW_CONFIDENCE)) return null;
	const apart = readings.map((r) => (r.text === text ? (r.apartFromEdge ?? r.confidence) : 0));
	const sure = checks.map((check) => check?.confidence ?? 0);
	return apart.every((value) => value >= REVIEW_CONFIDENCE) ? Math.min(...sure, ...apart) : null;
}

/** Whether the longer reading added letters to the first word's start, and to the last word's end. */
export function grownEnds(short: string, long: string): [boolean, boolean] {
	const a = short.split(' ');
	const b = long.split(' ');
	if (a.length !== b.length) return [false, false];
	const grown = (from: string, to: string, at: 'start' | 'end') =>
		to.length > from.length && (at === 'start' ? to.endsWith(from) : to.startsWith(from));
	return [grown(a[0], b[0], 'start'), grown(a[a.length - 1], b[b.length - 1], 'end')];
}

/**
 * The name after its check reading from crops reaching past the line's ends: completed when the
 * check only adds letters at the ends of the same words (never surer than before, nor than 0.85);
 * a sure name read otherwise there is put in doubt; a name already in doubt is only ever completed.
 */
export function afterNameCheck(name: FieldReading, seen: FieldReading | undefined): FieldReading {
	if (!seen || seen.text === name.text) return name;
	if (completes(name.text, seen.text)) {
		const doubts = nameDoubtsOf(name, seen);
		// A sure name that a check completes only unsurely: past the box's end the longer crop takes in a
		// mark beside the name as a letter (BYVONNE, LEEB: independent seed 207; in 31 sets all five such
		// completions were wrong). The name stands, in doubt, since a letter may still have been cut off.
		if (name.confidence >= REVIEW_CONFIDENCE && seen.confidence < REVIEW_CONFIDENCE)
			return { ...name, confidence: Math.min(name.confidence, 0.85), ...doubts };
		return { ...seen, confidence: Math.min(seen.confidence, name.confidence, 0.85), ...doubts };
	}
	if (name.confidence < REVIEW_CONFIDENCE) return name;
	// The same words read otherwise cast doubt (GIULIA for GULIA); a word more only when read surely,
	// since a longer crop may also take in a mark beside the name.
	// Letters that agree with gaps that do not (KWON MISUNG, KWON MI SUNG) leave the gaps in doubt.
	const sameLetters = seen.text.replace(/ /g, '') === name.text.replace(/ /g, '');
	const sameWords = sameLetters || wordCount(seen.text) === wordCount(name.text);
	// A less sure reading that only drops a thin mark (OHARA for O'HARA), or a reading the model
	// itself hardly believes that lost a whole chunk of the name (RAF AEL), is the longer crop's
	// noise, not a rival; one letter more or less (GIULIA, GULIA) still is.
	const marksDropped = seen.text === name.text.replace(/['-]/g, '') && seen.confidence < name.confidence;
	const truncated = seen.confidence < CHECK_NOISE && letterCount(seen.text) < letterCount(name.text) - 2;
	if (marksDropped || truncated) return name;
	return sameWords || seen.confidence >= REVIEW_CONFIDENCE ? { ...name, confidence: Math.min(name.confidence, 0.8) } : name;
}

/** How much wider than its box's own proportions a crop of a name in doubt is sampled: two, to agree. */
const NAME_STRETCHES = [1.3, 1.6];

/** A name's letters, marks and gaps aside. */
function nameLetters(text: string): string {
	return text.replace(/[^A-Za-z]/g, '');
}

/** Below this many crop pixels a letter (at the recogniser's 48 px height), a name's box is loose round its print. */
const LOOSE_NAME_PX = 16;

/** Whether the name's lines, `texts` read from crops `widths` px wide, give its letters too few pixels each. */
export function looseForName(texts: string[], widths: number[]): boolean {
	const count = texts.reduce((sum, text) => sum + letterCount(text), 0);
	return count >= 4 && widths.reduce((sum, width) => sum + width, 0) / count < LOOSE_NAME_PX;
}

/** How many letters a name has, marks and gaps aside. */
function letterCount(text: string): number {
	return nameLetters(text).length;
}

/** Marks in a name's text: hyphens, apostrophes and initials' full stops. */
function markCount(text: string): number {
	return text.replace(/[^'.-]/g, '').length;
}

/**
 * The name after readings of its boxes' crops sampled wider. A sure name one of them reads surely
 * with a mark more is the marked name, in doubt. For a name in doubt: where every widened crop reads
 * the same name surely, that is the reading. The name it confirms is reported as surely as the less
 * sure of them, unless another crop read it otherwise and believed it (`readOtherwise`), or saw a
 * hyphen in it that it did not emit (`markSeen`): the widened crops are of the same boxes. Another
 * name they agree on, one of them surely and neither under the check's noise, replaces it, still in
 * doubt, since two crops of one line share what misleads them, and only when it drops nothing: the
 * widened crops keep the boxes' ends, which the check past the ends may have reached beyond (NG
 * HAYOON for JANG HAYOON), and do not reach the full stops put back past an initial's box.
 */
export function afterWidenedReads(name: FieldReading, widened: Array<FieldReading | undefined>, readOtherwise = false): FieldReading {
	if (name.confidence >= REVIEW_CONFIDENCE) {
		// A sure name a widened crop reads surely with a mark more, its letters the same: the mark was
		// lost in the narrower crops; the marked name is taken, in doubt.
		const marked = widened.find(
			(r) =>
				r !== undefined &&
				r.confidence >= REVIEW_CONFIDENCE &&
				nameLetters(r.text) === nameLetters(name.text) &&
				markCount(r.text) > markCount(name.text),
		);
		return marked ? { ...marked, confidence: Math.min(marked.confidence, WIDENED_OTHER_NAME) } : name;
	}
	if (widened.length === 0) return name;
	const [read] = widened;
	if (!read || !widened.every((r) => r !== undefined && r.text === read.text && r.confidence >= CHECK_NOISE)) return name;
	const sure = Math.min(...widened.map((r) => r?.confidence ?? 0));
	if (read.text === name.text)
		return readOtherwise || NAME_DOUBTS.some((flag) => name[flag]) || sure < REVIEW_CONFIDENCE ? name : { ...name, confidence: sure };
	// Another name needs one of them sure; the other may be less so (a letter the narrower crops lost,
	// DANIEL W WILLIAMS at 0.98 and 0.82 for WILLAMS): it is reported in doubt either way.
	if (!widened.some((r) => r !== undefined && r.confidence >= REVIEW_CONFIDENCE)) return name;
	const dropsNothing =
		letterCount(read.text) >= letterCount(name.text) &&
		markCount(read.text) >= markCount(name.text) &&
		wordCount(read.text) >= wordCount(name.text);
	return dropsNothing ? { ...read, confidence: Math.min(sure, WIDENED_OTHER_NAME) } : name;
}

/** A name the widened crops read otherwise is reported no surer than this. */
const WIDENED_OTHER_NAME = 0.85;

/**
 * How far past a box ending on a middle initial its check crop reaches, in line heights: into the
 * next word's first letter, so the gap after the initial is read as a gap (a stop at 0.6 was not seen).
 */
const INITIAL_REACH = 1;
/** A stop the check crop read after the initial needs this much... */
const STOP_SEEN = 0.5;
/** ...or the full stop class this high in the blank frames after it (the model reads a lone dot in a wide gap as blank). */
const STOP_IN_GAP = 0.1;

/**
 * Whether the crop reaching past the end of a box whose reading ends on `initial` read a full stop
 * right after the box's own letters, or the stop class rose in the gap there. It must read those
 * letters the same and something after them, so the gap it weighs is the one where the box ended.
 */
export function stopPastBox(initial: string, boxChars: RecognizedChar[], reached: RecognizedChar[]): boolean {
	const own = boxChars.filter((c) => c.char !== ' ').map((c) => c.char.toUpperCase());
	const seen = reached.filter((c) => c.char !== ' ');
	if (own.length === 0 || own[own.length - 1] !== initial.toUpperCase()) return false;
	if (seen.length < own.length || own.some((ch, i) => seen[i].char.toUpperCase() !== ch)) return false;
	if (reached[reached.length - 1] === seen[own.length - 1]) return false;
	const at = reached.indexOf(seen[own.length - 1]) + 1;
	const next = reached[at];
	// The gap's blank frames lie before a space the model read there and after it.
	const gap = next.char === ' ' ? reached.slice(at, at + 2) : [next];
	return (next.char === '.' && next.prob >= STOP_SEEN) || gap.some((c) => c.dotBefore >= STOP_IN_GAP);
}

/**
 * The name with a full stop after each middle initial whose box's reaching crop read one (word
 * indices in `stops`). Found only past the detector's box, a stop is never reported sure.
 */
export function withInitialStops(name: FieldReading, stops: number[]): FieldReading {
	const words = name.text.split(' ');
	const put = stops.filter((w) => w > 0 && w < words.length - 1 && /^[A-Za-z]$/.test(words[w]));
	if (put.length === 0) return name;
	for (const w of put) words[w] = `${words[w]}.`;
	return { ...name, text: words.join(' '), confidence: Math.min(name.confidence, 0.85) };
}

/**
 * The longer reading only adds letters at the ends of the same words (JUAN for UAN): the first was cut
 * short. A name of one word, which no card prints alone, is also completed by whole words before or
 * after it (bench seed 2155: SEUNGJI, the OH before it boxed across the line and read as U at 0.08).
 */
function completes(short: string, long: string): boolean {
	const a = short.split(' ');
	const b = long.split(' ');
	if (a.length === 1 && b.length >= 2 && b.length <= 4) return b.includes(a[0]);
	return (
		a.length === b.length &&
		long.length > short.length &&
		a.every((word, i) => b[i].length >= word.length && (b[i].startsWith(word) || b[i].endsWith(word)))
	);
}

/** The quad grown or shrunk across the text line about its centre line. */
function resizeQuadHeight(quad: Quad, factor: number): Quad {
	const [tl, tr, br, bl] = quad;
	const grow = (top: { x: number; y: number }, bottom: { x: number; y: number }) => {
		const mx = (top.x + bottom.x) / 2;
		const my = (top.y + bottom.y) / 2;
		return [
			{ x: mx + (top.x - mx) * factor, y: my + (top.y - my) * factor },
			{ x: mx + (bottom.x - mx) * factor, y: my + (bottom.y - my) * factor },
		];
	};
	const [ntl, nbl] = grow(tl, bl);
	const [ntr, nbr] = grow(tr, br);
	return [ntl, ntr, nbr, nbl];
}

/**
 * Whether date a (MM/YY) is later than date b. No month check: a date no card prints (69/29) is read
 * at 0.4 at most, under the 0.5 a rival needs to be compared at all.
 */
function later(a: string, b: string): boolean {
	const when = (date: string) => {
		const [month, year] = date.split('/').map(Number);
		return year * 12 + month;
	};
	return when(a) > when(b);
}

/**
 * Whether two readings of a name have the same letters and marks, word gaps and inner apostrophes
 * aside: the name the crops voted for is then the first view's, read from the same boxes.
 */
export function sameNameLetters(a: string, b: string): boolean {
	const bare = (text: string) => withoutInnerApostrophes(text).replace(/ /g, '');
	return bare(a) === bare(b);
}

/** The words of a reported name: its text keeps one space between words. */
function wordCount(text: string): number {
	return text.split(' ').length;
}

/** The text without apostrophes inside words (DELL'ACQUA as DELLACQUA). */
function withoutInnerApostrophes(text: string): string {
	return text.replace(/(?<=[A-Za-z])'(?=[A-Za-z])/g, '');
}

/**
 * A reading of the name the vote chose, in the same letters, with a mark the vote ran over; or
 * null. A holder's name has two words or more: where the vote went to one word and a crop read
 * word gaps in it that the others ran together (MEIJONES, MEI JONES), the gaps are the name's. An
 * apostrophe inside a word is thin and often left out (DELLACQUA in two crops, DELL'ACQUA in the
 * third): a crop that read it, or put it back, saw it. The likeliest such reading is taken, unless
 * a crop read the vote's text surely (a crop that saw a trace of an apostrophe is in doubt) or the
 * marked reading is too faint to be a rival. A gap read inside a word of a longer name is no such
 * mark (THOMP SON is a misreading as often as not).
 */
function nameWithMarks(voted: string, readings: FieldReading[], votes: Map<string, number>): string | null {
	if (readings.some((r) => r.text === voted && r.confidence >= REVIEW_CONFIDENCE)) return null;
	const apostrophes = (text: string) => text.length - withoutInnerApostrophes(text).length;
	const oneWord = wordCount(voted) === 1;
	const letters = (text: string) => withoutInnerApostrophes(oneWord && wordCount(text) <= 4 ? text.replace(/ /g, '') : text);
	const marked = [...votes.entries()].filter(
		([text]) =>
			text !== voted &&
			letters(text) === letters(voted) &&
			wordCount(text) >= wordCount(voted) &&
			apostrophes(text) >= apostrophes(voted) &&
			readings.some((r) => r.text === text && r.confidence >= RIVAL_CONFIDENCE),
	);
	return marked.sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** The surest of some readings, the first among equals; undefined for none. */
function surest(readings: FieldReading[]): FieldReading | undefined {
	return readings.reduce<FieldReading | undefined>((a, b) => (!a || b.confidence > a.confidence ? b : a), undefined);
}

/**
 * The text a crop's reading votes for. A date whose month was read as one digit lost the other
 * (h207: GOOD THRU 11/33 read "1/33" by two crops, "11/33" by the third): it is the same print as
 * the surest reading, not itself short, of the same year whose month is 10, 11 or 12 and holds that
 * digit, read at even odds or better. No such reading, or a crop that read the short one's own text
 * whole (01/33): it votes for itself, its lost digit taken for a 0.
 */
function votedFor(reading: FieldReading, readings: FieldReading[]): string {
	if (!reading.shortMonth) return reading.text;
	if (readings.some((r) => !r.shortMonth && r.text === reading.text)) return reading.text;
	const [month, year] = reading.text.split('/');
	const whole = readings.filter((r) => {
		const [m, y] = r.text.split('/');
		return !r.shortMonth && y === year && /^1[0-2]$/.test(m) && m.includes(month[1]) && r.confidence >= DEEP_DOUBT;
	});
	return surest(whole)?.text ?? reading.text;
}

/**
 * A later date than the voted one, read by a crop that read the voted one beside it as well; or
 * null. A card is valid from, or a member since, before it expires: the crop that read both dates
 * took the later for the expiry, and the crops that read only the earlier, with digits beside it
 * that no date took, may have read the later in part (b2207: VALID FROM 01/20 and VALID THRU 08/23
 * in small OCR-A read "01/20 823", the labels unread; one crop read "01/20 8/23"). Not over a crop
 * that read the voted date with no such digits (the later date may be its VALID FROM misread, 03/21
 * as 03/27: a read-only review), beside a label of its own, or beside other dates it read too and
 * still chose it (b2201: an issue date 09/24 chosen beside VALID FROM 10/23 read whole; a crop that
 * read 10/23 as 10/28 took 10/28).
 */
function laterSeenBeside(voted: string, readings: FieldReading[], votes: Map<FieldReading, string>): string | null {
	const forVoted = readings.filter((r) => votes.get(r) === voted);
	if (forVoted.some((r) => !r.digitsBeside || r.label !== undefined || (r.otherDates?.length ?? 0) > 0)) return null;
	const seen = readings.filter(
		(r) => r.otherDates?.includes(voted) && later(r.text, voted) && r.label !== 'decoy' && r.confidence >= DEEP_DOUBT,
	);
	return surest(seen)?.text ?? null;
}

/**
 * A date read surely beside its expiry label, where the vote went to a date every crop that read it
 * read beside a decoy label (VALID FROM, MEMBER SINCE); or null. The decoy's crops read it in doubt
 * for its label, and two of them outvote a third that read the expiry label and its date whole
 * (bench seed 2227: VALID FROM 05/30 at 0.5 in two crops, VALID THRU 04/34 at 0.954 in the third,
 * cut at the first view's edge).
 */
export function expiryOverDecoy(voted: string, readings: FieldReading[], votes: Map<FieldReading, string>): string | null {
	const forVoted = readings.filter((r) => votes.get(r) === voted);
	if (forVoted.length === 0 || forVoted.some((r) => r.label !== 'decoy')) return null;
	// A card expires after it was issued: an expiry before the decoy's date is a misread (a read-only review).
	const expiries = readings.filter((r) => r.label === 'expiry' && r.confidence >= REVIEW_CONFIDENCE && later(r.text, voted));
	return surest(expiries)?.text ?? null;
}

/**
 * Reads the card again with other crop heights and keeps, per field, the surest reading. Readings
 * that disagree cannot both be sure: when two sure readings differ, neither is reported as sure.
 */
export async function rereadUnsure(
	first: Partial<Record<FieldName, FieldReading>>,
	readAt: (grows: readonly number[]) => Promise<Array<Partial<Record<FieldName, FieldReading>>>>,
): Promise<Partial<Record<FieldName, FieldReading>>> {
	const attempts = [first, ...(await readAt(REREAD_HEIGHTS))];
	const merged: Partial<Record<FieldName, FieldReading>> = {};
	for (const name of FIELD_NAMES) {
		const readings = attempts.flatMap((fields) => (fields[name] ? [fields[name]] : []));
		if (readings.length === 0) continue;
		// Readings vote with their confidence; the surest reading of the winning text is reported.
		const votedAs = new Map(readings.map((r) => [r, votedFor(r, readings)]));
		const votes = new Map<string, number>();
		for (const [r, text] of votedAs) votes.set(text, (votes.get(text) ?? 0) + r.confidence);
		const voted = [...votes.entries()].sort((a, b) => b[1] - a[1])[0][0];
		const marked = name === 'name' ? nameWithMarks(voted, readings, votes) : null;
		const dateOverVote =
			name === 'validThru' ? (expiryOverDecoy(voted, readings, votedAs) ?? laterSeenBeside(voted, readings, votedAs)) : null;
		const winner = marked ?? dateOverVote ?? voted;
		const withWinner = readings.filter((r) => r.text === winner);
		const best = withWinner.reduce((a, b) => (b.confidence > a.confidence ? b : a));
		const rivals = readings.filter((r) => r.text !== winner && votedAs.get(r) !== winner && r.confidence >= RIVAL_CONFIDENCE);
		const agreeing = withWinner.length;
		let confidence = best.confidence;
		// Two sure readings that differ leave the field open; an unsure dissent counts only when it is
		// not outvoted by crops that agree with the winning reading.
		if (rivals.some((r) => r.confidence >= REVIEW_CONFIDENCE)) confidence = Math.min(confidence, 0.6);
		else if (rivals.length >= agreeing) confidence = Math.min(confidence, 0.8);
		// One crop alone, which the others read as nothing or as something else they fairly believe,
		// is a guess: on small print it is most often a neighbouring date or word. A number has its
		// checksum and brand lengths to vouch for it instead.
		else if ((agreeing === 1 && name !== 'number') || rivals.some((r) => r.confidence >= 0.7)) confidence = Math.min(confidence, 0.85);
		// A date the detector's own crop hardly believed (a digit at 0.3) and one other crop read the
		// same surely: that crop may share the misread (OCR-A's 1 read as 3), and nothing checks a
		// date's digits.
		else if (
			name === 'validThru' &&
			first[name]?.text === winner &&
			first[name].confidence < DEEP_DOUBT &&
			withWinner.filter((r) => r.confidence >= REVIEW_CONFIDENCE).length === 1
		)
			confidence = Math.min(confidence, 0.85);
		// A later date another crop read at 0.5 or more, beside crops that read only this one: the latest
		// date is the expiry, and this one may be its VALID FROM (seed 2059: 10/30 read by the detector's
		// crop at 0.62 beside 04/27, which two crops that read 10/30 as 10730 made sure).
		else if (name === 'validThru' && rivals.some((r) => r.confidence >= DEEP_DOUBT && later(r.text, winner)))
			confidence = Math.min(confidence, 0.85);
		// A VALID read cut short before this date (it may have been VALID FROM) is cleared by a crop that
		// read an expiry label there, not by one that read no label at all (seed 2053: VAUID in two
		// crops and FRUIP in the third, whose 08/24 at 0.995 was the VALID FROM date).
		else if (name === 'validThru' && withWinner.some((r) => r.label === 'cutValid') && !withWinner.some((r) => r.label === 'expiry'))
			confidence = Math.min(confidence, 0.85);
		// The detector's own crop read this date in doubt and another crop read it otherwise: the surer
		// crop may only have missed what made the first one doubt (digits beside it, read as one digit).
		else if (name === 'validThru' && rivals.length > 0 && first[name]?.text === winner && first[name].confidence < REVIEW_CONFIDENCE)
			confidence = Math.min(confidence, 0.85);
		// Crops that all read the same unsure text back it up, but never past the review line on their own.
		else if (confidence < REVIEW_CONFIDENCE && agreeing === attempts.length) confidence = Math.min(0.89, confidence + 0.05);
		// Taken over the vote, a mark, a later date or an expiry over a decoy is never sure, however many
		// crops there are; nor is a month some crop read as one digit: its print may hold a 0 lost there
		// as well as a 1. That crop's reading is 0 and its digit, or 11 where it saw a 1's stroke before
		// its 1 (fieldExpiry's lostOne): the same text as the whole readings, and no less a doubt.
		const shortFor = readings.some(
			(r) => votedAs.get(r) === winner && (r.text !== winner || (r.shortMonth === true && winner.startsWith('1'))),
		);
		// A date some crop read under a decoy's label (FROM, SINCE, ISSUED) is in doubt however sure the
		// others: they may have missed or misread the label (third-hand seed 56: ISSUED 11/25 read
		// "ISSUER 11/25" by two crops, which a MONTH/YEAR label beside it made the expiry at 0.98, the
		// expiry 12/33 under a stacked VALID THRU read as garbage).
		const decoySeen = name === 'validThru' && withWinner.some((r) => r.label === 'decoy');
		if (marked !== null || dateOverVote !== null || shortFor || decoySeen) confidence = Math.min(confidence, 0.85);
		// What one crop saw (larger digits beside the date, the date read in part elsewhere, a hyphen in
		// the name) is still there where another crop did not see it.
		const field: FieldReading = { ...best, confidence };
		// Taken for crops that read the month as one digit, on no crop's sure reading of it whole: a
		// closer view's sure reading may share that crop's misread (a 0 lost there read as a 1).
		if (shortFor && !withWinner.some((r) => r.confidence >= REVIEW_CONFIDENCE)) field.partReadByCrops = true;
		if (dateOverVote !== null) field.laterThan = voted;
		// A join's doubt stands alone only where the crops agreed: a rival reading is a doubt of its own.
		if (field.joinedPastText && (rivals.length > 0 || confidence < best.confidence)) delete field.joinedPastText;
		for (const flag of DOUBT_FLAGS)
			if (withWinner.some((r) => r[flag])) {
				field.confidence = Math.min(field.confidence, KEPT_DOUBTS[flag]);
				field[flag] = true;
			}
		merged[name] = field;
	}
	return merged;
}
