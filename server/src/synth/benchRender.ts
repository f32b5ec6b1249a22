import { createCanvas } from '@napi-rs/canvas';
import type { SKRSContext2D } from '@napi-rs/canvas';

import type { CardDesign, Layout } from './benchDesign';
import { randomDesign } from './benchDesign';
import type { BenchFont } from './benchFonts';
import { registerBenchFonts } from './benchFonts';
import type { CardPlan, Measure, TextItem } from './benchLayouts';
import { PlanError, planCard } from './benchLayouts';
import { drawChip, drawContactless, drawFace, drawHologram, drawNetworkMark } from './cardArt';
import { seededRandom } from './random';

/** A rendered card: straight RGBA pixels, transparent outside the rounded corners. */
export interface CardPixels {
	rgba: Buffer;
	width: number;
	height: number;
}

const fontOf = (font: BenchFont, size: number): string => `${size.toFixed(2)}px "${font.family}"`;

/** Tracked text is drawn glyph by glyph, so width is the glyphs plus tracking between them. */
function measureWith(ctx: SKRSContext2D, text: string, font: BenchFont, size: number, tracking: number): number {
	ctx.font = fontOf(font, size);
	if (tracking === 0) return ctx.measureText(text).width;
	let width = 0;
	for (const ch of text) width += ctx.measureText(ch).width;
	return width + tracking * Math.max(0, [...text].length - 1);
}

function fillTracked(ctx: SKRSContext2D, item: TextItem, dx: number, dy: number): void {
	const width = measureWith(ctx, item.text, item.font, item.size, item.tracking);
	let x = item.align === 'left' ? item.x : item.align === 'right' ? item.x - width : item.x - width / 2;
	ctx.textAlign = 'left';
	if (item.tracking === 0) {
		ctx.fillText(item.text, x + dx, item.y + dy);
		return;
	}
	for (const ch of item.text) {
		ctx.fillText(ch, x + dx, item.y + dy);
		x += ctx.measureText(ch).width + item.tracking;
	}
}

function drawText(ctx: SKRSContext2D, design: CardDesign, item: TextItem): void {
	ctx.font = fontOf(item.font, item.size);
	ctx.textBaseline = 'alphabetic';
	if (item.role !== 'field') {
		ctx.fillStyle = design.palette.secondary;
		fillTracked(ctx, item, 0, 0);
		return;
	}
	if (design.finish === 'flat') {
		ctx.fillStyle = design.palette.ink;
		fillTracked(ctx, item, 0, 0);
		return;
	}
	// Embossed: the raised glyph casts a shadow down-right and catches light up-left; foil on top.
	const depth = Math.max(1, item.size * 0.035);
	ctx.fillStyle = 'rgba(0,0,0,0.55)';
	fillTracked(ctx, item, depth, depth);
	ctx.fillStyle = design.finish === 'embossedGold' ? 'rgba(255,246,200,0.9)' : 'rgba(255,255,255,0.9)';
	fillTracked(ctx, item, -depth * 0.5, -depth * 0.5);
	const foil = ctx.createLinearGradient(0, item.y - item.size, 0, item.y);
	foil.addColorStop(0, design.finish === 'embossedGold' ? '#f1d77c' : '#f2f4f6');
	foil.addColorStop(1, design.finish === 'embossedGold' ? '#c9a033' : '#b9c0c7');
	ctx.fillStyle = foil;
	fillTracked(ctx, item, 0, 0);
}

let measuringContext: SKRSContext2D | undefined;

/** Text widths for planning, from a small shared canvas: the plan is in nominal pixels whatever the render scale. */
export const measureCardText: Measure = (text, font, size, tracking) => {
	registerBenchFonts();
	measuringContext ??= createCanvas(8, 8).getContext('2d');
	return measureWith(measuringContext, text, font, size, tracking);
};

export interface PlannedCard {
	design: CardDesign;
	plan: CardPlan;
}

/** A random design with a clear plan; the rare design no placement fits is drawn again. */
export function planRandomCard(random: () => number, layout: Layout): PlannedCard {
	for (let attempt = 0; ; attempt++) {
		const design = randomDesign(random, layout);
		try {
			return { design, plan: planCard(design, measureCardText, random) };
		} catch (error) {
			if (!(error instanceof PlanError) || attempt >= 20) throw error;
		}
	}
}

/**
 * Draws the card with `pixelWidth` pixels across, so a photo of any size gets a card rendered
 * near its final resolution instead of an upscaled or aliased one. Same design, same card.
 */
export function renderBenchCard({ design, plan }: PlannedCard, pixelWidth: number): CardPixels {
	const scale = pixelWidth / plan.width;
	const width = Math.round(plan.width * scale);
	const height = Math.round(plan.height * scale);
	const canvas = createCanvas(width, height);
	const ctx = canvas.getContext('2d');
	ctx.scale(scale, scale);
	const art = seededRandom(design.artSeed);
	drawFace(ctx, design, plan.width, plan.height, art);
	if (plan.hologram) drawHologram(ctx, plan.hologram.x, plan.hologram.y, plan.hologram.w, plan.hologram.h);
	if (plan.chip && design.chip) drawChip(ctx, design.chip, plan.chip.x, plan.chip.y, plan.chip.vertical);
	if (plan.contactless) drawContactless(ctx, plan.contactless.x, plan.contactless.y, plan.contactless.size, design.palette.secondary);
	drawNetworkMark(ctx, design.truth.brand, plan.logo.right, plan.logo.bottom, plan.logo.height, design.palette.luminance);
	for (const item of plan.texts) drawText(ctx, design, item);
	const image = ctx.getImageData(0, 0, width, height);
	return { rgba: Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), width, height };
}
