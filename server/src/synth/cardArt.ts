import type { SKRSContext2D } from '@napi-rs/canvas';

import type { CardDesign } from './benchDesign';
import { WORDMARK_FONT } from './benchFonts';
import type { CardTruth } from './cardData';
import { between } from './random';

/** Card corner radius in nominal pixels (ISO 7810 ID-1: 3.18 mm on 85.6 mm). */
export const CORNER_RADIUS = 38;

/** The card face: gradient, then a faint pattern clipped to the rounded card. */
export function drawFace(ctx: SKRSContext2D, design: CardDesign, width: number, height: number, random: () => number): void {
	ctx.save();
	ctx.beginPath();
	ctx.roundRect(0, 0, width, height, CORNER_RADIUS);
	ctx.clip();
	const { stops } = design.palette;
	if (design.gradient === 'flat') {
		ctx.fillStyle = stops[0];
	} else {
		const gradient =
			design.gradient === 'radial'
				? ctx.createRadialGradient(
						width * between(random, 0, 1),
						height * between(random, 0, 1),
						10,
						width / 2,
						height / 2,
						Math.max(width, height),
					)
				: ctx.createLinearGradient(0, 0, width * between(random, 0.3, 1), height);
		stops.forEach((stop, i) => gradient.addColorStop(i / (stops.length - 1), stop));
		ctx.fillStyle = gradient;
	}
	ctx.fillRect(0, 0, width, height);
	drawPattern(ctx, design, width, height, random);
	ctx.restore();
}

function drawPattern(ctx: SKRSContext2D, design: CardDesign, width: number, height: number, random: () => number): void {
	ctx.strokeStyle = design.palette.pattern;
	ctx.fillStyle = design.palette.pattern;
	const long = Math.max(width, height);
	switch (design.pattern) {
		case 'arcs': {
			ctx.lineWidth = between(random, 20, 60);
			for (let i = 0; i < 2; i++) {
				ctx.beginPath();
				ctx.arc(width * between(random, 0.4, 1), height * between(random, -0.3, 0.4), long * between(random, 0.25, 0.45), 0, Math.PI * 2);
				ctx.stroke();
			}
			break;
		}
		case 'waves': {
			ctx.lineWidth = between(random, 1.5, 4);
			const phase = random() * Math.PI * 2;
			const amplitude = between(random, 20, 60);
			for (let i = 0; i < 14; i++) {
				ctx.beginPath();
				const y0 = height * (i / 14);
				for (let x = 0; x <= width; x += 8) {
					const y = y0 + amplitude * Math.sin((x / width) * Math.PI * 2 + phase + i * 0.3);
					if (x === 0) ctx.moveTo(x, y);
					else ctx.lineTo(x, y);
				}
				ctx.stroke();
			}
			break;
		}
		case 'stripes': {
			const band = between(random, 30, 90);
			ctx.save();
			ctx.translate(width / 2, height / 2);
			ctx.rotate(between(random, -1, 1));
			for (let x = -long; x < long; x += band * 2.2) ctx.fillRect(x, -long, band, long * 2);
			ctx.restore();
			break;
		}
		case 'dots': {
			// Halftone fading from one corner, as on many debit designs.
			const step = between(random, 16, 26);
			const cx = random() < 0.5 ? 0 : width;
			const cy = random() < 0.5 ? 0 : height;
			for (let y = step / 2; y < height; y += step) {
				for (let x = step / 2; x < width; x += step) {
					const r = (step / 2) * Math.max(0, 1 - Math.hypot(x - cx, y - cy) / (long * 0.7));
					if (r < 0.8) continue;
					ctx.beginPath();
					ctx.arc(x, y, r, 0, Math.PI * 2);
					ctx.fill();
				}
			}
			break;
		}
		case 'guilloche': {
			ctx.lineWidth = 1.2;
			const cx = width * between(random, 0.5, 0.9);
			const cy = height * between(random, 0.2, 0.6);
			const big = long * between(random, 0.25, 0.4);
			const k = 5 + Math.floor(random() * 6);
			for (let ring = 0; ring < 10; ring++) {
				ctx.beginPath();
				for (let t = 0; t <= Math.PI * 2 + 0.01; t += 0.01) {
					const r = big * (0.55 + 0.04 * ring) + big * 0.18 * Math.sin(k * t + ring * 0.35);
					const x = cx + r * Math.cos(t);
					const y = cy + r * Math.sin(t);
					if (t === 0) ctx.moveTo(x, y);
					else ctx.lineTo(x, y);
				}
				ctx.stroke();
			}
			break;
		}
		case 'polygons': {
			for (let i = 0; i < 12; i++) {
				ctx.beginPath();
				const x = between(random, -0.1, 1.1) * width;
				const y = between(random, -0.1, 1.1) * height;
				const size = between(random, 80, 260);
				ctx.moveTo(x, y);
				ctx.lineTo(x + between(random, -1, 1) * size, y + between(random, -1, 1) * size);
				ctx.lineTo(x + between(random, -1, 1) * size, y + between(random, -1, 1) * size);
				ctx.closePath();
				ctx.fill();
			}
			break;
		}
		case 'rings': {
			ctx.lineWidth = 2;
			const cx = width * between(random, 0, 1);
			const cy = height * between(random, 0, 1);
			for (let r = 30; r < long * 1.2; r += between(random, 14, 30)) {
				ctx.beginPath();
				ctx.arc(cx, cy, r, 0, Math.PI * 2);
				ctx.stroke();
			}
			break;
		}
		case 'none':
			break;
	}
}

/** The EMV chip; `vertical` for cards printed in portrait. */
export function drawChip(ctx: SKRSContext2D, kind: 'gold' | 'silver', x: number, y: number, vertical: boolean): void {
	const w = vertical ? 86 : 112;
	const h = vertical ? 112 : 86;
	const gradient = ctx.createLinearGradient(x, y, x + w, y + h);
	gradient.addColorStop(0, kind === 'gold' ? '#ecd17a' : '#e4e7ea');
	gradient.addColorStop(1, kind === 'gold' ? '#a9822b' : '#8f979e');
	ctx.fillStyle = gradient;
	ctx.beginPath();
	ctx.roundRect(x, y, w, h, 13);
	ctx.fill();
	ctx.strokeStyle = kind === 'gold' ? 'rgba(80,60,10,0.6)' : 'rgba(40,40,40,0.5)';
	ctx.lineWidth = 2;
	const across = vertical ? [w / 3, (2 * w) / 3] : [h / 3, (2 * h) / 3];
	for (const d of across) {
		ctx.beginPath();
		if (vertical) {
			ctx.moveTo(x + d, y);
			ctx.lineTo(x + d, y + h);
		} else {
			ctx.moveTo(x, y + d);
			ctx.lineTo(x + w, y + d);
		}
		ctx.stroke();
	}
	ctx.beginPath();
	ctx.roundRect(x + w * 0.3, y + h * 0.3, w * 0.4, h * 0.4, 6);
	ctx.stroke();
}

/** The contactless symbol: four arcs, opening to the right. */
export function drawContactless(ctx: SKRSContext2D, x: number, y: number, size: number, color: string): void {
	ctx.strokeStyle = color;
	ctx.lineWidth = size * 0.08;
	ctx.lineCap = 'round';
	for (let i = 1; i <= 4; i++) {
		ctx.beginPath();
		ctx.arc(x - size * 0.4, y, (size * i) / 4.5, -Math.PI / 4, Math.PI / 4);
		ctx.stroke();
	}
	ctx.lineCap = 'butt';
}

export function drawHologram(ctx: SKRSContext2D, x: number, y: number, w: number, h: number): void {
	const gradient = ctx.createLinearGradient(x, y, x + w, y + h);
	['#d4f1ff', '#f7d6ff', '#fff6c9', '#d3ffe0', '#e0e4ff'].forEach((c, i, all) => gradient.addColorStop(i / (all.length - 1), c));
	ctx.fillStyle = gradient;
	ctx.beginPath();
	ctx.roundRect(x, y, w, h, 6);
	ctx.fill();
	ctx.strokeStyle = 'rgba(120,120,160,0.5)';
	ctx.lineWidth = 1;
	for (let i = 1; i < 6; i++) {
		ctx.beginPath();
		ctx.moveTo(x + (w * i) / 6, y + 4);
		ctx.lineTo(x + (w * (i - 0.5)) / 6, y + h - 4);
		ctx.stroke();
	}
}

function circles(ctx: SKRSContext2D, right: number, bottom: number, h: number, left: string, rightColor: string, overlap: string): number {
	const r = h / 2;
	const cx2 = right - r;
	const cx1 = cx2 - r * 1.25;
	const cy = bottom - r;
	ctx.fillStyle = left;
	ctx.beginPath();
	ctx.arc(cx1, cy, r, 0, Math.PI * 2);
	ctx.fill();
	ctx.fillStyle = rightColor;
	ctx.beginPath();
	ctx.arc(cx2, cy, r, 0, Math.PI * 2);
	ctx.fill();
	ctx.save();
	ctx.beginPath();
	ctx.arc(cx1, cy, r, 0, Math.PI * 2);
	ctx.clip();
	ctx.fillStyle = overlap;
	ctx.beginPath();
	ctx.arc(cx2, cy, r, 0, Math.PI * 2);
	ctx.fill();
	ctx.restore();
	return cx1 - r;
}

/**
 * The network's mark, right-aligned at `right` with its bottom at `bottom`, `h` tall. Shapes and
 * wordmarks only, in the networks' colours, enough for a reader to see a logo and not a name.
 */
export function drawNetworkMark(
	ctx: SKRSContext2D,
	brand: CardTruth['brand'],
	right: number,
	bottom: number,
	h: number,
	faceLuminance: number,
): void {
	const onDark = faceLuminance < 0.3;
	ctx.textAlign = 'right';
	ctx.textBaseline = 'alphabetic';
	switch (brand) {
		case 'visa':
			ctx.font = `${h * 0.9}px "${WORDMARK_FONT.family}"`;
			ctx.fillStyle = onDark ? '#ffffff' : '#1a1f71';
			ctx.fillText('VISA', right, bottom - h * 0.1);
			break;
		case 'mastercard':
			circles(ctx, right, bottom, h, '#eb001b', '#f79e1b', '#ff5f00');
			break;
		case 'maestro':
			circles(ctx, right, bottom, h, '#0099df', '#e7001d', '#6c6bbd');
			break;
		case 'amex': {
			ctx.fillStyle = '#2e77bc';
			ctx.fillRect(right - h * 1.45, bottom - h * 1.1, h * 1.45, h * 1.1);
			ctx.fillStyle = '#ffffff';
			ctx.textAlign = 'center';
			ctx.font = `${h * 0.26}px "${WORDMARK_FONT.family}"`;
			ctx.fillText('AMERICAN', right - h * 0.725, bottom - h * 0.62);
			ctx.fillText('EXPRESS', right - h * 0.725, bottom - h * 0.24);
			break;
		}
		case 'discover': {
			ctx.font = `${h * 0.55}px "${WORDMARK_FONT.family}"`;
			ctx.fillStyle = onDark ? '#ffffff' : '#231f20';
			ctx.fillText('DISC  VER', right, bottom - h * 0.25);
			const width = ctx.measureText('VER').width;
			ctx.fillStyle = '#f58220';
			ctx.beginPath();
			ctx.arc(right - width - h * 0.3, bottom - h * 0.45, h * 0.22, 0, Math.PI * 2);
			ctx.fill();
			break;
		}
		case 'jcb': {
			const w = h * 0.55;
			['#0e4c96', '#e21836', '#007b40'].forEach((c, i) => {
				ctx.fillStyle = c;
				ctx.beginPath();
				ctx.roundRect(right - (3 - i) * (w + 4), bottom - h, w, h, 8);
				ctx.fill();
			});
			ctx.fillStyle = '#ffffff';
			ctx.textAlign = 'center';
			ctx.font = `${h * 0.5}px "${WORDMARK_FONT.family}"`;
			['J', 'C', 'B'].forEach((c, i) => ctx.fillText(c, right - (3 - i) * (w + 4) + w / 2, bottom - h * 0.3));
			break;
		}
		case 'unionpay': {
			const w = h * 0.55;
			['#e21836', '#00447c', '#007b84'].forEach((c, i) => {
				ctx.fillStyle = c;
				ctx.beginPath();
				const x = right - (3 - i) * w * 0.9;
				ctx.moveTo(x + w * 0.25, bottom - h);
				ctx.lineTo(x + w, bottom - h);
				ctx.lineTo(x + w * 0.75, bottom);
				ctx.lineTo(x, bottom);
				ctx.closePath();
				ctx.fill();
			});
			ctx.fillStyle = '#ffffff';
			ctx.textAlign = 'center';
			ctx.font = `${h * 0.22}px "${WORDMARK_FONT.family}"`;
			ctx.fillText('UnionPay', right - w * 1.35, bottom - h * 0.4);
			break;
		}
		case 'diners': {
			ctx.fillStyle = onDark ? '#ffffff' : '#0079be';
			ctx.beginPath();
			ctx.arc(right - h * 0.5, bottom - h * 0.5, h * 0.45, 0, Math.PI * 2);
			ctx.fill();
			ctx.font = `${h * 0.32}px "${WORDMARK_FONT.family}"`;
			ctx.fillText('Diners Club', right - h * 1.1, bottom - h * 0.35);
			break;
		}
	}
	ctx.textAlign = 'left';
}
