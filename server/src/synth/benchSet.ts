import type { CardDesign, Layout } from './benchDesign';
import { LAYOUTS } from './benchDesign';
import { registerBenchFonts } from './benchFonts';
import type { PlannedCard } from './benchRender';
import { planRandomCard } from './benchRender';
import type { CaptureKind } from './captures';
import { CAPTURE_KINDS, capture } from './captures';
import type { CardTruth } from './cardData';
import { seededRandom } from './random';
import type { Finish } from './renderCard';

export type { CaptureKind } from './captures';
export { CAPTURE_KINDS } from './captures';
export type { Layout } from './benchDesign';
export { LAYOUTS } from './benchDesign';

export interface BenchCard {
	/** `<capture>-<layout>-<index>`, e.g. scanPdf-classic-007. */
	id: string;
	layout: Layout;
	capture: CaptureKind;
	/** Name exactly as printed (upper case), number digits only, validThru MM/YY. */
	truth: CardTruth;
	format: 'png' | 'jpg' | 'pdf' | 'tiff';
	data: Buffer;
	/** The number's font family. */
	font: string;
	finish: Finish;
	/** Design and capture details, for reading failures. */
	notes: string;
}

export interface BenchSetOptions {
	seed: number;
	perCapture: number;
	captures?: readonly CaptureKind[];
	/** Cycled per capture kind, so with perCapture >= layouts.length every layout appears in every kind. */
	layouts?: readonly Layout[];
}

/** Mixes seed, capture kind and index into one 32-bit seed, so each card can be regenerated alone. */
export function benchCardSeed(seed: number, capture: CaptureKind, index: number): number {
	let h = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b);
	h ^= Math.imul(CAPTURE_KINDS.indexOf(capture) + 1, 0xc2b2ae35);
	h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
	h ^= Math.imul(index + 1, 0x27d4eb2f);
	h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
	return (h ^ (h >>> 16)) >>> 0;
}

function designNotes(design: CardDesign): string {
	const parts = [design.fieldFont.label, design.finish, design.palette.kind, design.pattern];
	parts.push(
		design.expiryLabel.placement === 'none'
			? 'no expiry label'
			: `${design.expiryLabel.text.replace('\n', ' ')} ${design.expiryLabel.placement}`,
	);
	for (const decoy of design.decoys) parts.push(`decoy ${decoy.label ?? 'unlabelled'} ${decoy.text}`);
	if (design.product) parts.push(`${design.product} ${design.productPlacement}`);
	if (design.nameFont !== design.fieldFont) parts.push(`name in ${design.nameFont.label}`);
	return parts.join(', ');
}

/** One card of the set, exactly as generateBenchSet makes it at this position. */
export async function generateBenchCard(seed: number, captureKind: CaptureKind, index: number, layout: Layout): Promise<BenchCard> {
	registerBenchFonts();
	const random = seededRandom(benchCardSeed(seed, captureKind, index));
	const planned: PlannedCard = planRandomCard(random, layout);
	const captured = await capture(captureKind, planned, random);
	const { design } = planned;
	return {
		id: `${captureKind}-${layout}-${String(index).padStart(3, '0')}`,
		layout,
		capture: captureKind,
		truth: design.truth,
		format: captured.format,
		data: captured.data,
		font: design.fieldFont.label,
		finish: design.finish,
		notes: `${designNotes(design)}; ${captured.notes}`,
	};
}

/** The set card by card, so a consumer can score and drop each image instead of holding them all. */
export async function* benchCards(options: BenchSetOptions): AsyncGenerator<BenchCard> {
	const captures = options.captures ?? CAPTURE_KINDS;
	const layouts = options.layouts ?? LAYOUTS;
	if (layouts.length === 0) throw new Error('layouts must not be empty');
	for (const captureKind of captures) {
		for (let i = 0; i < options.perCapture; i++) yield await generateBenchCard(options.seed, captureKind, i, layouts[i % layouts.length]);
	}
}

/**
 * A reproducible benchmark set: `perCapture` cards for each capture kind, layouts cycled, all
 * randomness from the seed (same seed, same bytes).
 */
export async function generateBenchSet(options: BenchSetOptions): Promise<BenchCard[]> {
	const cards: BenchCard[] = [];
	for await (const card of benchCards(options)) cards.push(card);
	return cards;
}
