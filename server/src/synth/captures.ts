import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';

import type { Point } from '../protocol';
import type { PlannedCard } from './benchRender';
import { renderBenchCard } from './benchRender';
import type { SceneImage, SceneOptions, Surface } from './camera';
import { composeScene } from './camera';
import { between, pick } from './random';

export type CaptureKind = 'upright' | 'upsideDown' | 'portrait' | 'scanPdf' | 'scanTiff' | 'photo12mp' | 'closeUp';

export const CAPTURE_KINDS: readonly CaptureKind[] = ['upright', 'upsideDown', 'portrait', 'scanPdf', 'scanTiff', 'photo12mp', 'closeUp'];

export interface Captured {
	format: 'png' | 'jpg' | 'pdf' | 'tiff';
	data: Buffer;
	notes: string;
}

interface Pose {
	rollDeg: number;
	pitchDeg: number;
	yawDeg: number;
}

/** Phone photo sizes as apps hand them over after resizing (long side at most 1600). */
const PHONE_FRAMES: ReadonlyArray<[number, number]> = [
	[1600, 1200],
	[1600, 900],
	[1280, 960],
	[1440, 1080],
	[1200, 900],
	[1024, 768],
	[1600, 1066],
];

/** ID-1 card width in mm; the nominal card is 1012 px across, so 11.82 px per mm. */
const CARD_MM = 85.6;
const A4_MM = { width: 210, height: 297 };

/**
 * The card's corners after tilting it away from the camera (pitch, yaw: a pinhole at 2.2 card
 * widths) and turning it in the image plane (roll), centred on the origin, in nominal pixels.
 */
function poseCorners(width: number, height: number, pose: Pose): Point[] {
	const pitch = (pose.pitchDeg * Math.PI) / 180;
	const yaw = (pose.yawDeg * Math.PI) / 180;
	const roll = (pose.rollDeg * Math.PI) / 180;
	const distance = 2.2 * Math.max(width, height);
	const corners = [
		[-width / 2, -height / 2],
		[width / 2, -height / 2],
		[width / 2, height / 2],
		[-width / 2, height / 2],
	];
	return corners.map(([x0, y0]) => {
		const y1 = y0 * Math.cos(pitch);
		const z1 = y0 * Math.sin(pitch);
		const x2 = x0 * Math.cos(yaw) + z1 * Math.sin(yaw);
		const z2 = -x0 * Math.sin(yaw) + z1 * Math.cos(yaw);
		const k = distance / (distance + z2);
		const px = x2 * k;
		const py = y1 * k;
		return { x: px * Math.cos(roll) - py * Math.sin(roll), y: px * Math.sin(roll) + py * Math.cos(roll) };
	});
}

function bounds(points: Point[]): { width: number; height: number } {
	const xs = points.map((p) => p.x);
	const ys = points.map((p) => p.y);
	return { width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
}

/**
 * Scales the posed corners by `scale` and puts their box at a random spot in the frame, keeping
 * `margin` pixels clear (negative margins let the card run off the edge by that much).
 */
function placeCorners(
	posed: Point[],
	scale: number,
	frame: { width: number; height: number },
	margin: { x: number; y: number },
	random: () => number,
): Point[] {
	const xs = posed.map((p) => p.x * scale);
	const ys = posed.map((p) => p.y * scale);
	const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
	const low = { x: margin.x - minX, y: margin.y - minY };
	const high = { x: frame.width - margin.x - maxX, y: frame.height - margin.y - maxY };
	const cx = high.x > low.x ? between(random, low.x, high.x) : (low.x + high.x) / 2;
	const cy = high.y > low.y ? between(random, low.y, high.y) : (low.y + high.y) / 2;
	return posed.map((p) => ({ x: cx + p.x * scale, y: cy + p.y * scale }));
}

/** A point inside the card quad, by bilinear interpolation of its corners. */
function pointOnCard(corners: Point[], u: number, v: number): Point {
	const top = { x: corners[0].x + (corners[1].x - corners[0].x) * u, y: corners[0].y + (corners[1].y - corners[0].y) * u };
	const bottom = { x: corners[3].x + (corners[2].x - corners[3].x) * u, y: corners[3].y + (corners[2].y - corners[3].y) * u };
	return { x: top.x + (bottom.x - top.x) * v, y: top.y + (bottom.y - top.y) * v };
}

/** Font size of the smallest of the three fields, in nominal pixels. */
function smallestFieldSize({ design, plan }: PlannedCard): number {
	const { name, number, validThru } = design.truth;
	const sizes = plan.texts
		.filter((t) => t.role === 'field' && (t.text === name || t.text.endsWith(validThru) || number.includes(t.text.replace(/ /g, ''))))
		.map((t) => t.size);
	return Math.min(...sizes);
}

/** Phone photos never shrink the smallest field below this font size: a person could not read it either. */
const MIN_FIELD_PX = 17;

/** The scale for a wanted fill, raised to keep text legible as long as the card still fits. */
function legibleScale(card: PlannedCard, wanted: number, fits: number): number {
	return Math.min(Math.max(wanted, MIN_FIELD_PX / smallestFieldSize(card)), fits);
}

const edgeLength = (corners: Point[]): number => Math.hypot(corners[1].x - corners[0].x, corners[1].y - corners[0].y);

/** Renders the card at the size it appears, slightly over for the near side of a tilt. */
function cardPixelsFor(card: PlannedCard, corners: Point[]): ReturnType<typeof renderBenchCard> {
	const across = Math.max(edgeLength(corners), Math.hypot(corners[2].x - corners[3].x, corners[2].y - corners[3].y));
	return renderBenchCard(card, Math.max(200, Math.min(3200, across * 1.05)));
}

interface PhotoLook {
	surface: Surface;
	noise: [number, number];
	blur: [number, number];
	glareChance: number;
}

function photoOptions(random: () => number, frame: { width: number; height: number }, corners: Point[], look: PhotoLook): SceneOptions {
	const cardWidth = edgeLength(corners);
	const glare =
		random() < look.glareChance
			? {
					at: pointOnCard(corners, random(), random()),
					radius: cardWidth * between(random, 0.15, 0.45),
					strength: between(random, 0.2, 0.6),
					streak: random() < 0.3,
				}
			: null;
	// Most phone shots are reasonably sharp; a few are soft.
	const blur =
		random() < 0.7 ? between(random, look.blur[0], (look.blur[0] + look.blur[1]) / 2) : between(random, look.blur[0], look.blur[1]);
	return {
		...frame,
		surface: look.surface,
		corners,
		shadow: between(random, 0.15, 0.5),
		falloff: random() < 0.6 ? between(random, 0.05, 0.35) : 0,
		vignette: between(random, 0, 0.3),
		cast: pick(random, ['#ffffff', '#fff1dc', '#ffe6c8', '#e6eeff', '#f4f4f4', '#e0e0e0']),
		glare,
		noiseSigma: between(random, look.noise[0], look.noise[1]),
		blurSigma: blur,
		motionBlur: random() < 0.08 ? { length: between(random, 3, 7) * (frame.width / 1600), angleDeg: random() * 180 } : null,
	};
}

function describe(pose: Pose, options: SceneOptions, extra: string): string {
	const parts = [
		`${options.width}x${options.height}`,
		`roll ${pose.rollDeg.toFixed(1)}`,
		`tilt ${pose.pitchDeg.toFixed(0)}/${pose.yawDeg.toFixed(0)}`,
		`card ${edgeLength(options.corners).toFixed(0)} px`,
		`blur ${options.blurSigma.toFixed(1)}`,
		`noise ${options.noiseSigma.toFixed(1)}`,
	];
	if (options.glare) parts.push(`glare ${options.glare.strength.toFixed(2)}${options.glare.streak ? ' streak' : ''}`);
	if (options.motionBlur) parts.push(`shake ${options.motionBlur.length.toFixed(0)} px`);
	return `${parts.join(', ')}${extra}`;
}

async function jpeg(scene: SceneImage, quality: number): Promise<Buffer> {
	return await sharp(scene.data, { raw: { width: scene.width, height: scene.height, channels: 3 } })
		.jpeg({ quality: Math.round(quality) })
		.toBuffer();
}

const SURFACES: readonly Surface[] = ['wood', 'desk', 'fabric', 'stone', 'desk'];

/** A phone photo of the card on a table: upright, upside down or with the phone held in portrait. */
async function phonePhoto(card: PlannedCard, kind: 'upright' | 'upsideDown' | 'portrait', random: () => number): Promise<Captured> {
	const [w, h] = pick(random, PHONE_FRAMES);
	const frame = kind === 'portrait' ? { width: h, height: w } : { width: w, height: h };
	const base = kind === 'upright' ? 0 : kind === 'upsideDown' ? 180 : pick(random, [90, 270]);
	const pose = { rollDeg: base + between(random, -20, 20), pitchDeg: between(random, -12, 12), yawDeg: between(random, -12, 12) };
	const posed = poseCorners(card.plan.width, card.plan.height, pose);
	const box = bounds(posed);
	const fits = Math.min(frame.width / box.width, frame.height / box.height);
	const scale = legibleScale(card, between(random, 0.5, 0.92) * fits, 0.96 * fits);
	const corners = placeCorners(posed, scale, frame, { x: frame.width * 0.02, y: frame.height * 0.02 }, random);
	const options = photoOptions(random, frame, corners, {
		surface: pick(random, SURFACES),
		noise: [1.5, 7],
		blur: [0, 1.3],
		glareChance: 0.35,
	});
	const quality = between(random, 60, 92);
	const scene = await composeScene(cardPixelsFor(card, corners), options, random);
	return { format: 'jpg', data: await jpeg(scene, quality), notes: describe(pose, options, `, q${Math.round(quality)}`) };
}

/** A full-resolution 12 MP phone photo (4032x3024) with the card covering 15-60% of its width. */
async function photo12mp(card: PlannedCard, random: () => number): Promise<Captured> {
	const frame = { width: 4032, height: 3024 };
	const pose = { rollDeg: between(random, -20, 20), pitchDeg: between(random, -15, 15), yawDeg: between(random, -15, 15) };
	const posed = poseCorners(card.plan.width, card.plan.height, pose);
	const box = bounds(posed);
	const wanted = (between(random, 0.15, 0.6) * frame.width) / Math.max(card.plan.width, card.plan.height);
	const scale = legibleScale(card, wanted, 0.96 * Math.min(frame.width / box.width, frame.height / box.height));
	const corners = placeCorners(posed, scale, frame, { x: 60, y: 60 }, random);
	const options = photoOptions(random, frame, corners, {
		surface: pick(random, SURFACES),
		noise: [2, 8],
		blur: [0.4, 2.4],
		glareChance: 0.3,
	});
	const quality = between(random, 75, 95);
	const scene = await composeScene(cardPixelsFor(card, corners), options, random);
	return { format: 'jpg', data: await jpeg(scene, quality), notes: describe(pose, options, `, q${Math.round(quality)}`) };
}

/** The card filling 85-100% of the frame; its rounded corners may be cut, never its text. */
async function closeUp(card: PlannedCard, random: () => number): Promise<Captured> {
	const [w, h] = pick(random, [
		[1600, 1200],
		[1600, 1000],
		[1280, 960],
		[1440, 1080],
		[1200, 800],
	] as const);
	const frame = card.plan.width >= card.plan.height ? { width: w, height: h } : { width: h, height: w };
	const pose = { rollDeg: between(random, -3, 3), pitchDeg: between(random, -6, 6), yawDeg: between(random, -6, 6) };
	const posed = poseCorners(card.plan.width, card.plan.height, pose);
	const box = bounds(posed);
	const fill = between(random, 0.85, 1.03);
	const scale = fill * Math.min(frame.width / box.width, frame.height / box.height);
	// Text stays 24 nominal px (2.4%) inside the card edge: never crop more than 1.5% a side.
	const margin = { x: -0.015 * box.width * scale, y: -0.015 * box.height * scale };
	const corners = placeCorners(posed, scale, frame, margin, random);
	const options = photoOptions(random, frame, corners, {
		surface: pick(random, SURFACES),
		noise: [1, 5],
		blur: [0, 1.0],
		glareChance: 0.25,
	});
	options.shadow = between(random, 0, 0.3);
	const scene = await composeScene(cardPixelsFor(card, corners), options, random);
	if (random() < 0.2) {
		const png = await sharp(scene.data, { raw: { width: scene.width, height: scene.height, channels: 3 } })
			.png()
			.toBuffer();
		return { format: 'png', data: png, notes: describe(pose, options, ', png') };
	}
	const quality = between(random, 70, 94);
	return { format: 'jpg', data: await jpeg(scene, quality), notes: describe(pose, options, `, q${Math.round(quality)}`) };
}

/** A flatbed scan of an A4 page at 200-300 dpi with the card lying anywhere on the glass. */
async function scanPage(card: PlannedCard, random: () => number): Promise<{ scene: SceneImage; dpi: number; notes: string }> {
	const dpi = pick(random, [200, 200, 240, 300, 300, 300]);
	const frame = { width: Math.round((A4_MM.width / 25.4) * dpi), height: Math.round((A4_MM.height / 25.4) * dpi) };
	const pose = { rollDeg: random() < 0.4 ? between(random, -0.3, 0.3) : between(random, -5, 5), pitchDeg: 0, yawDeg: 0 };
	const scale = ((CARD_MM / 25.4) * dpi) / (card.plan.width >= card.plan.height ? card.plan.width : card.plan.height);
	const margin = (5 / 25.4) * dpi;
	const corners = placeCorners(poseCorners(card.plan.width, card.plan.height, pose), scale, frame, { x: margin, y: margin }, random);
	const options: SceneOptions = {
		...frame,
		surface: 'paper',
		corners,
		shadow: between(random, 0.08, 0.25),
		falloff: 0,
		vignette: 0,
		cast: pick(random, ['#ffffff', '#fbfaf6', '#f6f8fb']),
		glare: null,
		noiseSigma: between(random, 0.8, 2.5),
		blurSigma: between(random, 0.3, 0.8),
		motionBlur: null,
	};
	const scene = await composeScene(cardPixelsFor(card, corners), options, random);
	return {
		scene,
		dpi,
		notes: `A4 at ${dpi} dpi, ${frame.width}x${frame.height}, skew ${pose.rollDeg.toFixed(1)}, card ${edgeLength(corners).toFixed(0)} px, noise ${options.noiseSigma.toFixed(1)}`,
	};
}

/** A4 in PDF points. */
const A4_POINTS = { width: (A4_MM.width / 25.4) * 72, height: (A4_MM.height / 25.4) * 72 };

async function scanPdf(card: PlannedCard, random: () => number): Promise<Captured> {
	const { scene, notes } = await scanPage(card, random);
	const quality = between(random, 75, 92);
	// No metadata update: pdf-lib would stamp the current time and the same seed would give other bytes.
	const doc = await PDFDocument.create({ updateMetadata: false });
	const image = await doc.embedJpg(await jpeg(scene, quality));
	const page = doc.addPage([A4_POINTS.width, A4_POINTS.height]);
	page.drawImage(image, { x: 0, y: 0, width: A4_POINTS.width, height: A4_POINTS.height });
	return { format: 'pdf', data: Buffer.from(await doc.save()), notes: `${notes}, jpeg q${Math.round(quality)} in PDF` };
}

/** Keeps TIFFs well under the server's default 20 MB body once base64 has added its third. */
const TIFF_BUDGET = 12 * 1024 * 1024;

async function scanTiff(card: PlannedCard, random: () => number): Promise<Captured> {
	const { scene, dpi, notes } = await scanPage(card, random);
	const compression = pick(random, ['lzw', 'deflate', 'jpeg'] as const);
	const encode = async (method: 'lzw' | 'deflate' | 'jpeg') =>
		await sharp(scene.data, { raw: { width: scene.width, height: scene.height, channels: 3 } })
			.tiff({
				compression: method,
				quality: 90,
				predictor: method === 'jpeg' ? 'none' : 'horizontal',
				xres: dpi / 25.4,
				yres: dpi / 25.4,
				resolutionUnit: 'inch',
			})
			.toBuffer();
	let data = await encode(compression);
	let used: string = compression;
	if (data.length > TIFF_BUDGET && compression !== 'jpeg') {
		used = `jpeg (${compression} was ${(data.length / 1e6).toFixed(1)} MB)`;
		data = await encode('jpeg');
	}
	return { format: 'tiff', data, notes: `${notes}, ${used} TIFF` };
}

export async function capture(kind: CaptureKind, card: PlannedCard, random: () => number): Promise<Captured> {
	switch (kind) {
		case 'upright':
		case 'upsideDown':
		case 'portrait':
			return await phonePhoto(card, kind, random);
		case 'photo12mp':
			return await photo12mp(card, random);
		case 'closeUp':
			return await closeUp(card, random);
		case 'scanPdf':
			return await scanPdf(card, random);
		case 'scanTiff':
			return await scanTiff(card, random);
	}
}
