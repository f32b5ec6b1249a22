import type { CardDesign } from './benchDesign';
import type { BenchFont } from './benchFonts';
import { printedGroups } from './benchTruth';
import { between, pick } from './random';

/** Nominal card sizes: ID-1 at 300 dpi, landscape and portrait. */
export const LANDSCAPE = { width: 1012, height: 638 } as const;
export const PORTRAIT = { width: 638, height: 1012 } as const;

/**
 * What a text is, for drawing: `field` texts take the card's finish (embossed or printed ink);
 * `label`, `bank` and `product` are printed in the secondary colour.
 */
export type TextRole = 'field' | 'label' | 'bank' | 'product';

export interface TextItem {
	text: string;
	x: number;
	/** Baseline. */
	y: number;
	size: number;
	font: BenchFont;
	align: 'left' | 'right' | 'center';
	role: TextRole;
	/** Extra space after every character, in pixels. */
	tracking: number;
}

export interface CardPlan {
	width: number;
	height: number;
	texts: TextItem[];
	chip: { x: number; y: number; vertical: boolean } | null;
	contactless: { x: number; y: number; size: number } | null;
	logo: { right: number; bottom: number; height: number };
	hologram: { x: number; y: number; w: number; h: number } | null;
}

/** Measures a text as it will be drawn (width in nominal pixels). */
export type Measure = (text: string, font: BenchFont, size: number, tracking: number) => number;

interface Ctx {
	design: CardDesign;
	measure: Measure;
	random: () => number;
	plan: CardPlan;
}

const MARGIN = 60;

/** Widths of the network marks as drawn by drawNetworkMark, in mark heights. */
const MARK_WIDTH: Record<CardDesign['truth']['brand'], number> = {
	visa: 1.9,
	mastercard: 1.65,
	maestro: 1.65,
	amex: 1.45,
	discover: 3.2,
	jcb: 1.85,
	unionpay: 1.75,
	diners: 3.3,
};

/** Widest network mark plus its gap: what a bottom-right mark can take from a line. */
const LOGO_RESERVE = 290;

function add(c: Ctx, item: Omit<TextItem, 'tracking'> & { tracking?: number }): TextItem {
	const full = { tracking: 0, ...item };
	c.plan.texts.push(full);
	return full;
}

function widthOf(c: Ctx, item: Pick<TextItem, 'text' | 'font' | 'size' | 'tracking'>): number {
	return c.measure(item.text, item.font, item.size, item.tracking);
}

/** The largest size up to `size` at which `text` fits in `maxWidth`. */
function fit(c: Ctx, text: string, font: BenchFont, size: number, maxWidth: number, trackingRatio = 0): number {
	let s = size;
	while (s > 12 && c.measure(text, font, s, s * trackingRatio) > maxWidth) s *= 0.96;
	return s;
}

interface NumberLine {
	groups: string[];
	size: number;
	width: number;
}

function numberLine(c: Ctx, groups: string[], size: number, maxWidth: number): NumberLine {
	const { design } = c;
	const measureAt = (s: number) =>
		groups.reduce((sum, g) => sum + c.measure(g, design.fieldFont, s, s * design.tracking), 0) + s * design.groupGap * (groups.length - 1);
	let s = size;
	while (s > 12 && measureAt(s) > maxWidth) s *= 0.96;
	return { groups, size: s, width: measureAt(s) };
}

/** Draws number groups from `x` (left edge) on baseline `y`; returns the right edge. */
function placeNumber(c: Ctx, line: NumberLine, x: number, y: number): number {
	const { design } = c;
	let at = x;
	for (const group of line.groups) {
		const item = add(c, {
			text: group,
			x: at,
			y,
			size: line.size,
			font: design.fieldFont,
			align: 'left',
			role: 'field',
			tracking: line.size * design.tracking,
		});
		at += widthOf(c, item) + line.size * design.groupGap;
	}
	return at - line.size * design.groupGap;
}

function placeName(c: Ctx, x: number, y: number, size: number, maxWidth: number, align: TextItem['align'] = 'left'): TextItem {
	const { design } = c;
	const tracking = design.finish === 'flat' ? 0.02 : 0.06;
	const s = fit(c, design.truth.name, design.nameFont, size, maxWidth, tracking);
	return add(c, { text: design.truth.name, x, y, size: s, font: design.nameFont, align, role: 'field', tracking: s * tracking });
}

/** A small caption ("CARD NUMBER") whose baseline sits just above a field's slot. */
function caption(c: Ctx, text: string, x: number, slotTop: number): void {
	add(c, { text, x, y: slotTop - 8, size: 15, font: c.design.labelFont, align: 'left', role: 'label' });
}

/**
 * One labelled date starting at `x` on baseline `y`: the label left, above, inline or absent,
 * as the design says. Returns the right edge.
 */
function placeDate(
	c: Ctx,
	label: string,
	date: string,
	x: number,
	y: number,
	size: number,
	placement: CardDesign['expiryLabel']['placement'],
): number {
	const { design } = c;
	const labelSize = Math.max(14, size * 0.4);
	let at = x;
	if (placement === 'left' && label) {
		const lines = label.split('\n');
		let widest = 0;
		lines.forEach((line, i) => {
			const item = add(c, {
				text: line,
				x: at,
				y: y - size * 0.35 + (i - (lines.length - 1) / 2) * labelSize * 1.3 + labelSize * 0.4,
				size: labelSize,
				font: design.labelFont,
				align: 'left',
				role: 'label',
			});
			widest = Math.max(widest, widthOf(c, item));
		});
		at += widest + size * 0.3;
	} else if (placement === 'above' && label) {
		add(c, { text: label, x: at, y: y - size * 0.95, size: labelSize, font: design.labelFont, align: 'left', role: 'label' });
	}
	const text = placement === 'inline' && label ? `${label} ${date}` : date;
	const item = add(c, {
		text,
		x: at,
		y,
		size,
		font: design.fieldFont,
		align: 'left',
		role: 'field',
		tracking: size * design.tracking * 0.5,
	});
	return at + widthOf(c, item);
}

/** Width placeDate would take, for right-aligning or checking room. */
function dateWidth(c: Ctx, label: string, date: string, size: number, placement: CardDesign['expiryLabel']['placement']): number {
	const { design } = c;
	const labelSize = Math.max(14, size * 0.4);
	let width = 0;
	if (placement === 'left' && label)
		width += Math.max(...label.split('\n').map((l) => c.measure(l, design.labelFont, labelSize, 0))) + size * 0.3;
	const text = placement === 'inline' && label ? `${label} ${date}` : date;
	width += c.measure(text, design.fieldFont, size, size * design.tracking * 0.5);
	if (placement === 'above' && label) width = Math.max(width, c.measure(label, design.labelFont, labelSize, 0));
	return width;
}

/**
 * The expiry with its decoys: a VALID FROM date goes left of it on the same line, an unlabelled
 * issue date left of it (smaller) when the design puts it there. Returns the right edge.
 */
function placeDates(c: Ctx, x: number, y: number, size: number): number {
	const { design } = c;
	let at = x;
	const validFrom = design.decoys.find((d) => d.kind === 'validFrom');
	if (validFrom) {
		const placement = design.expiryLabel.placement === 'left' ? 'left' : 'above';
		const label = placement === 'left' ? 'VALID\nFROM' : (validFrom.label ?? 'VALID FROM');
		at = placeDate(c, label, validFrom.text, at, y, size, placement) + size * 1.1;
	}
	const issue = design.decoys.find((d) => d.kind === 'issueDate');
	if (issue && design.issueNearExpiry) {
		const item = add(c, { text: issue.text, x: at, y, size: size * 0.7, font: design.fieldFont, align: 'left', role: 'field' });
		at += widthOf(c, item) + size * 1.0;
	}
	return placeDate(c, design.expiryLabel.text, design.truth.validThru, at, y, size, design.expiryLabel.placement);
}

function datesWidth(c: Ctx, size: number): number {
	const { design } = c;
	let width = dateWidth(c, design.expiryLabel.text, design.truth.validThru, size, design.expiryLabel.placement);
	const validFrom = design.decoys.find((d) => d.kind === 'validFrom');
	if (validFrom) {
		const placement = design.expiryLabel.placement === 'left' ? 'left' : 'above';
		width +=
			dateWidth(c, placement === 'left' ? 'VALID\nFROM' : (validFrom.label ?? 'VALID FROM'), validFrom.text, size, placement) + size * 1.1;
	}
	const issue = design.decoys.find((d) => d.kind === 'issueDate');
	if (issue && design.issueNearExpiry) width += c.measure(issue.text, design.fieldFont, size * 0.7, 0) + size;
	return width;
}

/** Decoys that live away from the expiry: MEMBER SINCE and an unlabelled issue date by the chip. */
function placeLooseDecoys(c: Ctx, memberSince: { x: number; y: number; align: TextItem['align'] }, issue: { x: number; y: number }): void {
	const { design } = c;
	for (const decoy of design.decoys) {
		if (decoy.kind === 'memberSinceYY' || decoy.kind === 'memberSinceYYYY') {
			add(c, {
				text: `${decoy.label ?? 'MEMBER SINCE'} ${decoy.text}`,
				x: memberSince.x,
				y: memberSince.y,
				size: 22,
				font: design.fieldFont,
				align: memberSince.align,
				role: 'field',
			});
		} else if (decoy.kind === 'issueDate' && !design.issueNearExpiry) {
			add(c, { text: decoy.text, x: issue.x, y: issue.y, size: 24, font: design.fieldFont, align: 'left', role: 'field' });
		}
	}
}

/** Bank name, product name and network mark; returns the bottom of the top band. `nameLineY` null: no name line to share. */
function placeBranding(c: Ctx, nameLineY: number | null): number {
	const { design, plan } = c;
	const { width, height } = plan;
	const topRight = design.bankPlacement === 'topRight';
	const logoHeight = design.portrait ? 56 : between(c.random, 58, 78);
	const logoOnTop = design.logoPlacement === 'topRight';
	// A bank name sharing the top row with the mark must stop short of it.
	const besideLogo = logoOnTop && !topRight ? logoHeight * MARK_WIDTH[design.truth.brand] + 30 : 0;
	const bankSize = fit(
		c,
		design.bank,
		design.labelFont,
		(design.portrait ? 30 : 38) * design.bankSize,
		Math.min(width * (design.portrait ? 0.8 : 0.62), width - 2 * MARGIN - besideLogo),
	);
	const bankX = topRight ? width - MARGIN : MARGIN;
	add(c, {
		text: design.bank,
		x: bankX,
		y: 70 + bankSize * 0.8,
		size: bankSize,
		font: design.labelFont,
		align: topRight ? 'right' : 'left',
		role: 'bank',
	});
	let topBand = 70 + bankSize;
	plan.logo = logoOnTop
		? { right: width - MARGIN, bottom: 70 + (topRight ? bankSize + 20 + logoHeight : logoHeight), height: logoHeight }
		: { right: width - MARGIN, bottom: height - 48, height: logoHeight };
	if (logoOnTop) topBand = Math.max(topBand, plan.logo.bottom);
	if (design.product) {
		const size = design.portrait ? 22 : 26;
		const placement = design.productPlacement;
		if (placement === 'belowBank') {
			add(c, {
				text: design.product,
				x: bankX,
				y: 70 + bankSize + size * 1.2,
				size,
				font: design.labelFont,
				align: topRight ? 'right' : 'left',
				role: 'product',
			});
			topBand += size * 1.3;
		} else if (placement === 'opposite' && !logoOnTop && !topRight) {
			add(c, {
				text: design.product,
				x: width - MARGIN,
				y: 70 + bankSize * 0.8,
				size,
				font: design.labelFont,
				align: 'right',
				role: 'product',
			});
		} else if (placement === 'nameLine' && nameLineY !== null) {
			add(c, { text: design.product, x: width - MARGIN, y: nameLineY, size, font: design.labelFont, align: 'right', role: 'product' });
		} else if (!logoOnTop) {
			add(c, {
				text: design.product,
				x: width - MARGIN,
				y: plan.logo.bottom - logoHeight * 1.1 - 14,
				size: size * 0.85,
				font: design.labelFont,
				align: 'right',
				role: 'product',
			});
		} else {
			add(c, {
				text: design.product,
				x: width - MARGIN,
				y: plan.logo.bottom + size * 1.3,
				size: size * 0.85,
				font: design.labelFont,
				align: 'right',
				role: 'product',
			});
		}
	}
	return topBand;
}

/** Space the bottom-right logo and product leave for text on the name and number lines. */
function rightReserve(c: Ctx, baseline: number): number {
	const { plan, design } = c;
	let reserve = 0;
	if (design.logoPlacement === 'bottomRight' && baseline > plan.logo.bottom - plan.logo.height - 40)
		reserve = plan.logo.height * MARK_WIDTH[design.truth.brand] + 30;
	const product = plan.texts.find((t) => t.role === 'product' && Math.abs(t.y - baseline) < 40);
	if (product) reserve = Math.max(reserve, widthOf(c, product) + 40);
	return reserve;
}

function placeChip(c: Ctx, x: number, y: number): void {
	const { design, plan } = c;
	if (design.chip) plan.chip = { x, y, vertical: design.portrait };
	if (design.contactless) plan.contactless = { x: x + (design.portrait ? 150 : 180), y: y + (design.portrait ? 56 : 43), size: 52 };
	if (design.hologram) plan.hologram = { x: plan.width - MARGIN - 120, y: y + 10, w: 120, h: 70 };
}

function classic(c: Ctx): void {
	const { design, random } = c;
	const nameY = between(random, 548, 568);
	const top = placeBranding(c, nameY);
	const chipY = Math.max(top + 25, between(random, 170, 215));
	placeChip(c, between(random, 75, 100), chipY);
	const line = numberLine(c, printedGroups(design.truth.number), between(random, 58, 74), LANDSCAPE.width - 2 * MARGIN - 20);
	const numberY = Math.max(chipY + 86 + line.size * 0.95, between(random, 370, 395));
	const numberX = (LANDSCAPE.width - line.width) / 2;
	placeNumber(c, line, numberX, numberY);
	if (design.amexCode)
		add(c, {
			text: design.amexCode,
			x: numberX + line.width,
			y: numberY - line.size - 14,
			size: 24,
			font: design.fieldFont,
			align: 'right',
			role: 'field',
		});
	if (design.binUnderNumber)
		add(c, {
			text: design.truth.number.slice(0, 4),
			x: numberX,
			y: numberY + 30,
			size: 20,
			font: design.fieldFont,
			align: 'left',
			role: 'field',
		});
	const dateSize = between(random, 32, 42);
	const datesY = Math.min(nameY - 55, numberY + between(random, 70, 90));
	const room = datesWidth(c, dateSize);
	const datesX = Math.min(LANDSCAPE.width - MARGIN - room, LANDSCAPE.width * between(random, 0.38, 0.52));
	placeDates(c, Math.max(MARGIN, datesX), datesY, dateSize);
	placeName(c, between(random, 70, 95), nameY, between(random, 38, 48), LANDSCAPE.width - 2 * MARGIN - rightReserve(c, nameY) - 20);
	placeLooseDecoys(c, { x: LANDSCAPE.width - MARGIN, y: datesY - 50, align: 'right' }, { x: 340, y: chipY + 60 });
}

/**
 * Small print in the lower left, rows at a fixed pitch up from the bottom: name over number, or
 * number over name; the expiry joins the number's line when it fits, else takes a row of its own.
 */
function minimalist(c: Ctx): void {
	const { design, random } = c;
	const x = between(random, 60, 80);
	const line = numberLine(c, printedGroups(design.truth.number), between(random, 28, 36), 560);
	const nameSize = between(random, 24, 30);
	const dateSize = between(random, 24, 30);
	const joined =
		design.variant !== 0 &&
		x + line.width + 50 + datesWidth(c, dateSize) < LANDSCAPE.width - MARGIN - (design.logoPlacement === 'bottomRight' ? LOGO_RESERVE : 0);
	const order: Array<'name' | 'number' | 'dates'> = design.variant === 1 ? ['number', 'name'] : ['name', 'number'];
	if (!joined) order.push('dates');
	const pitch = between(random, 46, 52);
	const bottom = between(random, 578, 590);
	const rows = order.map((_, i) => bottom - (order.length - 1 - i) * pitch);
	placeBranding(c, rows[order.indexOf('name')]);
	placeChip(c, between(random, 70, 95), between(random, 200, 250));
	order.forEach((part, i) => {
		if (part === 'name') placeName(c, x, rows[i], nameSize, 560);
		else if (part === 'dates') placeDates(c, x, rows[i], dateSize);
		else {
			const right = placeNumber(c, line, x, rows[i]);
			if (joined) placeDates(c, right + 50, rows[i], dateSize);
		}
	});
	placeLooseDecoys(c, { x: LANDSCAPE.width - MARGIN, y: rows[0] - 70, align: 'right' }, { x: 250, y: 260 });
}

function numberAboveName(c: Ctx): void {
	const { design, random } = c;
	const numberY = between(random, 420, 450);
	const nameY = Math.min(numberY + between(random, 80, 100), 572);
	placeBranding(c, nameY);
	placeChip(c, between(random, 70, 95), between(random, 165, 205));
	const x = between(random, 65, 95);
	const line = numberLine(c, printedGroups(design.truth.number), between(random, 50, 62), LANDSCAPE.width - x - MARGIN);
	placeNumber(c, line, x, numberY);
	if (design.amexCode)
		add(c, {
			text: design.amexCode,
			x: x + line.width,
			y: numberY - line.size - 12,
			size: 24,
			font: design.fieldFont,
			align: 'right',
			role: 'field',
		});
	const dateSize = between(random, 30, 38);
	const room = datesWidth(c, dateSize);
	const nameMax = LANDSCAPE.width - x - MARGIN - rightReserve(c, nameY);
	const productOnNameLine = c.plan.texts.some((t) => t.role === 'product' && t.y === nameY);
	if (design.variant === 0 && room < 330 && !productOnNameLine) {
		// Expiry at the right end of the name line; the name gets what is left.
		const datesX = LANDSCAPE.width - MARGIN - room - (design.logoPlacement === 'bottomRight' ? rightReserve(c, nameY) : 0);
		placeDates(c, datesX, nameY, dateSize);
		placeName(c, x, nameY, between(random, 34, 42), datesX - x - 40);
	} else {
		placeDates(c, Math.min(x + between(random, 250, 380), LANDSCAPE.width - MARGIN - room), numberY - line.size - 28, dateSize);
		placeName(c, x, nameY, between(random, 34, 42), nameMax);
	}
	placeLooseDecoys(c, { x: LANDSCAPE.width - MARGIN, y: 300, align: 'right' }, { x: 250, y: 240 });
}

function nameAboveNumber(c: Ctx): void {
	const { design, random } = c;
	const numberY = between(random, 545, 575);
	const nameY = numberY - between(random, 70, 85);
	placeBranding(c, nameY);
	placeChip(c, between(random, 70, 95), between(random, 160, 200));
	const x = between(random, 65, 95);
	const line = numberLine(c, printedGroups(design.truth.number), between(random, 46, 58), LANDSCAPE.width - x - MARGIN);
	const right = placeNumber(c, line, x, numberY);
	const dateSize = between(random, 30, 36);
	const room = datesWidth(c, dateSize);
	const productOnNameLine = c.plan.texts.some((t) => t.role === 'product' && t.y === nameY);
	if (design.variant === 0 && room < 330 && !productOnNameLine) {
		const datesX = LANDSCAPE.width - MARGIN - room;
		placeDates(c, datesX, nameY, dateSize);
		placeName(c, x, nameY, between(random, 34, 42), datesX - x - 40);
	} else if (design.variant === 1 && right + 40 + room < LANDSCAPE.width - MARGIN) {
		placeDates(c, right + 40, numberY, dateSize);
		placeName(c, x, nameY, between(random, 34, 42), LANDSCAPE.width - x - MARGIN);
	} else {
		placeDates(c, x, nameY - between(random, 60, 75), dateSize);
		placeName(c, x, nameY, between(random, 34, 42), LANDSCAPE.width - x - MARGIN);
	}
	placeLooseDecoys(c, { x: LANDSCAPE.width - MARGIN, y: 330, align: 'right' }, { x: 250, y: 240 });
}

/** Portrait cards: chip up top, fields stacked in the lower half in one of three orders. */
function portrait(c: Ctx, twoLines: boolean): void {
	const { design, random } = c;
	const { width } = PORTRAIT;
	placeBranding(c, null);
	placeChip(c, between(random, 55, 80), between(random, 190, 260));
	const x = between(random, 50, 70);
	const maxWidth = width - x - MARGIN + 10;
	const groups = printedGroups(design.truth.number);
	const split = Math.ceil(groups.length / 2);
	const lines = twoLines ? [groups.slice(0, split), groups.slice(split)] : [groups];
	const size = twoLines ? between(random, 46, 60) : between(random, 36, 46);
	const fitted = lines.map((g) => numberLine(c, g, size, maxWidth));
	const numberSize = Math.min(...fitted.map((l) => l.size));
	const numberHeight = numberSize * 1.3 * (lines.length - 1);
	const nameSize = between(random, 28, 36);
	const dateSize = between(random, 28, 34);
	const labelGap = design.fieldLabels ? 24 : 0;
	const step = (s: number) => s * 1.25 + 26 + labelGap;
	const order = [
		['number', 'name', 'dates'],
		['name', 'number', 'dates'],
		['number', 'dates', 'name'],
	][design.variant];
	const blockHeight = order.reduce(
		(sum, part) => sum + (part === 'number' ? step(numberSize) + numberHeight : step(part === 'name' ? nameSize : dateSize)),
		0,
	);
	const logoTop = design.logoPlacement === 'bottomRight' ? c.plan.logo.bottom - c.plan.logo.height - 30 : PORTRAIT.height - 60;
	let y = Math.max(560, Math.min(between(random, 600, 700), logoTop - blockHeight)) + labelGap;
	for (const part of order) {
		if (part === 'number') {
			if (design.fieldLabels) caption(c, 'CARD NUMBER', x, y);
			for (const line of fitted) {
				placeNumber(c, numberLine(c, line.groups, numberSize, maxWidth), x, y + numberSize * 0.8);
				y += numberSize * 1.3;
			}
			y += 26 + labelGap - numberSize * 0.05;
		} else if (part === 'name') {
			if (design.fieldLabels) caption(c, pick(random, ['CARD HOLDER', 'NAME', 'CARDHOLDER NAME']), x, y);
			placeName(c, x, y + nameSize * 0.8, nameSize, maxWidth);
			y += step(nameSize);
		} else {
			placeDates(c, x, y + dateSize * 0.8, dateSize);
			y += step(dateSize);
		}
	}
	placeLooseDecoys(c, { x: width - MARGIN, y: 470, align: 'right' }, { x: 60, y: 420 });
}

interface Box {
	left: number;
	top: number;
	right: number;
	bottom: number;
	what: string;
}

function boxesOf(plan: CardPlan, design: CardDesign, measure: Measure): Box[] {
	const boxes: Box[] = plan.texts.map((t) => {
		const width = measure(t.text, t.font, t.size, t.tracking);
		const left = t.align === 'left' ? t.x : t.align === 'right' ? t.x - width : t.x - width / 2;
		return { left, right: left + width, top: t.y - t.size * 0.74, bottom: t.y + t.size * 0.04, what: t.text };
	});
	const { logo, chip, contactless, hologram } = plan;
	boxes.push({
		left: logo.right - logo.height * MARK_WIDTH[design.truth.brand],
		right: logo.right,
		top: logo.bottom - logo.height * 1.1,
		bottom: logo.bottom,
		what: 'logo',
	});
	if (chip)
		boxes.push({
			left: chip.x,
			top: chip.y,
			right: chip.x + (chip.vertical ? 86 : 112),
			bottom: chip.y + (chip.vertical ? 112 : 86),
			what: 'chip',
		});
	if (contactless) {
		const { x, y, size } = contactless;
		boxes.push({ left: x - size * 0.45, right: x + size * 0.55, top: y - size * 0.5, bottom: y + size * 0.5, what: 'contactless' });
	}
	if (hologram)
		boxes.push({ left: hologram.x, top: hologram.y, right: hologram.x + hologram.w, bottom: hologram.y + hologram.h, what: 'hologram' });
	return boxes;
}

/** The first collision or text off the card, or null when every text stands clear. */
export function planProblem(plan: CardPlan, design: CardDesign, measure: Measure): string | null {
	const boxes = boxesOf(plan, design, measure);
	const pad = 3;
	for (const box of boxes) {
		if (box.left < 24 || box.right > plan.width - 24 || box.top < 24 || box.bottom > plan.height - 20) return `${box.what} off the card`;
	}
	for (let i = 0; i < boxes.length; i++) {
		for (let j = i + 1; j < boxes.length; j++) {
			const a = boxes[i];
			const b = boxes[j];
			if (a.left < b.right + pad && b.left < a.right + pad && a.top < b.bottom + pad && b.top < a.bottom + pad)
				return `${a.what} overlaps ${b.what}`;
		}
	}
	return null;
}

/**
 * Where every text and mark of the card goes, in nominal pixels. Positions are drawn afresh
 * until nothing collides, so a random layout never hides or crowds a field.
 */
export function planCard(design: CardDesign, measure: Measure, random: () => number): CardPlan {
	let problem = '';
	for (let attempt = 0; attempt < 60; attempt++) {
		const plan = planOnce(design, measure, random);
		const found = planProblem(plan, design, measure);
		if (found === null) return plan;
		problem = found;
	}
	throw new PlanError(`No clear ${design.layout} layout for this design (${problem}).`);
}

export class PlanError extends Error {}

function planOnce(design: CardDesign, measure: Measure, random: () => number): CardPlan {
	const size = design.portrait ? PORTRAIT : LANDSCAPE;
	const plan: CardPlan = { ...size, texts: [], chip: null, contactless: null, logo: { right: 0, bottom: 0, height: 0 }, hologram: null };
	const c: Ctx = { design, measure, random, plan };
	switch (design.layout) {
		case 'classic':
			classic(c);
			break;
		case 'minimalist':
			minimalist(c);
			break;
		case 'numberAboveName':
			numberAboveName(c);
			break;
		case 'nameAboveNumber':
			nameAboveNumber(c);
			break;
		case 'portraitOneLine':
			portrait(c, false);
			break;
		case 'portraitTwoLines':
			portrait(c, true);
			break;
	}
	return plan;
}
