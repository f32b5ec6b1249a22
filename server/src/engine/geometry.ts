import type { Point, Quad } from './types';

/** Andrew's monotone chain; returns the hull counter-clockwise without repeating the first point. */
export function convexHull(points: Point[]): Point[] {
	const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
	if (sorted.length <= 2) return sorted;
	const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
	const lower: Point[] = [];
	for (const p of sorted) {
		while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
		lower.push(p);
	}
	const upper: Point[] = [];
	for (let i = sorted.length - 1; i >= 0; i--) {
		const p = sorted[i];
		while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
		upper.push(p);
	}
	return lower.slice(0, -1).concat(upper.slice(0, -1));
}

export interface RotatedRect {
	center: Point;
	/** Along the text direction. */
	width: number;
	height: number;
	/** Radians, of the width axis, in (-pi/2, pi/2]. */
	angle: number;
}

/** Smallest-area enclosing rectangle by rotating calipers over the hull edges. */
export function minAreaRect(points: Point[]): RotatedRect {
	const hull = convexHull(points);
	if (hull.length === 1) return { center: hull[0], width: 1, height: 1, angle: 0 };
	let best: RotatedRect | null = null;
	let bestArea = Infinity;
	for (let i = 0; i < hull.length; i++) {
		const a = hull[i];
		const b = hull[(i + 1) % hull.length];
		const angle = Math.atan2(b.y - a.y, b.x - a.x);
		const cos = Math.cos(angle);
		const sin = Math.sin(angle);
		let minU = Infinity;
		let maxU = -Infinity;
		let minV = Infinity;
		let maxV = -Infinity;
		for (const p of hull) {
			const u = p.x * cos + p.y * sin;
			const v = -p.x * sin + p.y * cos;
			minU = Math.min(minU, u);
			maxU = Math.max(maxU, u);
			minV = Math.min(minV, v);
			maxV = Math.max(maxV, v);
		}
		const area = (maxU - minU) * (maxV - minV);
		if (area < bestArea) {
			bestArea = area;
			const cu = (minU + maxU) / 2;
			const cv = (minV + maxV) / 2;
			best = {
				center: { x: cu * cos - cv * sin, y: cu * sin + cv * cos },
				width: maxU - minU,
				height: maxV - minV,
				angle,
			};
		}
	}
	return normaliseRect(best as RotatedRect);
}

/** Each row's leftmost and rightmost pixel of a blob: only those can be on its hull. */
export type RowSpans = Map<number, [number, number]>;

export function addToRowSpans(spans: RowSpans, x: number, y: number): void {
	const row = spans.get(y);
	if (!row) spans.set(y, [x, x]);
	else {
		if (x < row[0]) row[0] = x;
		if (x > row[1]) row[1] = x;
	}
}

/** The smallest rectangle around a blob given by its row spans; a pixel covers [x, x+1) x [y, y+1). */
export function rowSpansRect(spans: RowSpans): RotatedRect {
	const corners: Point[] = [];
	for (const [y, [x0, x1]] of spans) corners.push({ x: x0, y }, { x: x0, y: y + 1 }, { x: x1 + 1, y }, { x: x1 + 1, y: y + 1 });
	return minAreaRect(corners);
}

/** Makes width the longer side (text runs along it) and keeps the angle near horizontal. */
function normaliseRect(rect: RotatedRect): RotatedRect {
	let { width, height, angle } = rect;
	if (height > width) {
		[width, height] = [height, width];
		angle += Math.PI / 2;
	}
	while (angle > Math.PI / 2) angle -= Math.PI;
	while (angle <= -Math.PI / 2) angle += Math.PI;
	return { center: rect.center, width, height, angle };
}

/** Corners top-left, top-right, bottom-right, bottom-left for text read left to right. */
export function rectCorners(rect: RotatedRect): Quad {
	const cos = Math.cos(rect.angle);
	const sin = Math.sin(rect.angle);
	const hw = rect.width / 2;
	const hh = rect.height / 2;
	const at = (u: number, v: number): Point => ({ x: rect.center.x + u * cos - v * sin, y: rect.center.y + u * sin + v * cos });
	return [at(-hw, -hh), at(hw, -hh), at(hw, hh), at(-hw, hh)];
}

export function lerp(a: Point, b: Point, t: number): Point {
	return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
}

/** The part of a text quad between fractions u0 and u1 of its width. */
export function subQuad(quad: Quad, u0: number, u1: number): Quad {
	const [tl, tr, br, bl] = quad;
	return [lerp(tl, tr, u0), lerp(tl, tr, u1), lerp(bl, br, u1), lerp(bl, br, u0)];
}

/** The middle value (the upper of the two middle ones for an even count); 0 for none. */
export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export function distance(a: Point, b: Point): number {
	return Math.hypot(a.x - b.x, a.y - b.y);
}

/** The unit vector from a towards b (a zero-length step gives a tiny one, not NaN). */
export function unit(a: Point, b: Point): Point {
	const length = Math.max(distance(a, b), 1e-6);
	return { x: (b.x - a.x) / length, y: (b.y - a.y) / length };
}

/** The quad lengthened along its text line, by these multiples of its height before and after. */
export function extendQuadEnds(quad: Quad, before: number, after: number): Quad {
	const [tl, tr, br, bl] = quad;
	const length = Math.max(1, distance(tl, tr));
	const reach = distance(tl, bl);
	const ux = (tr.x - tl.x) / length;
	const uy = (tr.y - tl.y) / length;
	const back = (p: { x: number; y: number }) => ({ x: p.x - ux * reach * before, y: p.y - uy * reach * before });
	const on = (p: { x: number; y: number }) => ({ x: p.x + ux * reach * after, y: p.y + uy * reach * after });
	return [back(tl), on(tr), on(br), back(bl)];
}

/** Whether the point lies inside a convex quad (corners in order, either way round). */
export function insideQuad(point: Point, quad: Quad): boolean {
	const sides = quad.map((a, i) => {
		const b = quad[(i + 1) % 4];
		return (b.x - a.x) * (point.y - a.y) - (b.y - a.y) * (point.x - a.x);
	});
	return sides.every((side) => side >= 0) || sides.every((side) => side <= 0);
}

/** The dot product of two vectors: for unit directions, the cosine of the angle between them. */
export function dot(a: Point, b: Point): number {
	return a.x * b.x + a.y * b.y;
}

/** How far `to` stands from `from` along a text line's unit direction, and (unsigned) across it. */
export function lineOffset(from: Point, to: Point, direction: Point): { along: number; across: number } {
	const dx = to.x - from.x;
	const dy = to.y - from.y;
	return { along: dx * direction.x + dy * direction.y, across: Math.abs(belowLine(from, to, direction)) };
}

/**
 * How far `to` stands under the text line through `from` running in `direction`, across it: with
 * image y growing downwards, positive down the page the text is printed on, negative above the line.
 */
export function belowLine(from: Point, to: Point, direction: Point): number {
	return -(to.x - from.x) * direction.y + (to.y - from.y) * direction.x;
}

/**
 * Whether `to` stands after `from` on a line running in `direction`: ahead of it by less than
 * `reach`, and off the line by less than `across`.
 */
export function aheadOnLine(from: Point, to: Point, direction: Point, reach: number, across: number): boolean {
	const offset = lineOffset(from, to, direction);
	return offset.along > 0 && offset.along < reach && offset.across < across;
}

/** A box's height: the length of its left edge (top left to bottom left). */
export function quadHeight(quad: Quad): number {
	return distance(quad[0], quad[3]);
}

export function quadCenter(quad: Quad): Point {
	return { x: (quad[0].x + quad[1].x + quad[2].x + quad[3].x) / 4, y: (quad[0].y + quad[1].y + quad[2].y + quad[3].y) / 4 };
}
