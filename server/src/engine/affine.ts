import type { Point, Quad } from './types';

/** x' = a x + b y + c, y' = d x + e y + f: maps a rectified card view back onto the source image. */
export interface Affine {
	a: number;
	b: number;
	c: number;
	d: number;
	e: number;
	f: number;
}

export function applyAffine(t: Affine, p: Point): Point {
	return { x: t.a * p.x + t.b * p.y + t.c, y: t.d * p.x + t.e * p.y + t.f };
}

export function mapQuad(t: Affine, quad: Quad): Quad {
	return quad.map((p) => applyAffine(t, p)) as Quad;
}

/** first applied, then second: second(first(p)). */
export function compose(second: Affine, first: Affine): Affine {
	return {
		a: second.a * first.a + second.b * first.d,
		b: second.a * first.b + second.b * first.e,
		c: second.a * first.c + second.b * first.f + second.c,
		d: second.d * first.a + second.e * first.d,
		e: second.d * first.b + second.e * first.e,
		f: second.d * first.c + second.e * first.f + second.f,
	};
}

export function invert(t: Affine): Affine {
	const det = t.a * t.e - t.b * t.d;
	const a = t.e / det;
	const b = -t.b / det;
	const d = -t.d / det;
	const e = t.a / det;
	return { a, b, c: -(a * t.c + b * t.f), d, e, f: -(d * t.c + e * t.f) };
}

/** Pixels of the source per pixel of the view, along the view's x axis. */
export function affineScale(t: Affine): number {
	return Math.hypot(t.a, t.d);
}
