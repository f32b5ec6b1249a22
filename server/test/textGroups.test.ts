/**
 * How the first detection's boxes are grouped into the regions read as cards: no models, only
 * boxes placed as the detector would return them.
 */
import type { Affine } from '../src/engine/affine';
import { clustersOf } from '../src/engine/cardPipeline';
import type { Quad } from '../src/engine/types';

const IDENTITY: Affine = { a: 1, b: 0, c: 0, d: 0, e: 1, f: 0 };
const HEIGHT = 20;

/** A box `length` px long and HEIGHT px high starting at (x, y), its line turned `degrees`. */
function box(x: number, y: number, length: number, degrees: number): Quad {
	const t = (degrees * Math.PI) / 180;
	const along = { x: Math.cos(t), y: Math.sin(t) };
	const down = { x: -Math.sin(t), y: Math.cos(t) };
	const at = (u: number, v: number) => ({ x: x + along.x * u + down.x * v, y: y + along.y * u + down.y * v });
	return [at(0, 0), at(length, 0), at(length, HEIGHT), at(0, HEIGHT)];
}

/** Lines of a printed page at -7 degrees, one every line and a half, left of x = 400. */
const page = Array.from({ length: 10 }, (_, i) => box(40, 40 + i * 30, 330, -7));

describe('clustersOf', () => {
	test('a card lying on a printed page, its lines turned 20 degrees from the page\'s, is a group of its own (third-hand probe: "No credit card found")', () => {
		// The card's lines start just past the page's (within the grouping reach, 4 line heights).
		const card = [box(420, 120, 260, 13), box(420, 170, 200, 13), box(420, 215, 150, 13)];
		// A digit boxed alone beside the card's number: too short to have a direction of its own.
		const speck = box(700, 185, 18, 0);
		const groups = clustersOf([...page, ...card, speck], IDENTITY, HEIGHT);
		expect(groups).toHaveLength(2);
		expect(groups[1]).toEqual(expect.arrayContaining([...card, speck]));
		expect(groups[1]).toHaveLength(card.length + 1);
	});

	test("lines a card's perspective turns a few degrees apart stay one group, and so do the page's own", () => {
		const card = [box(420, 120, 260, 4), box(420, 170, 200, -6), box(420, 215, 150, 1)];
		expect(clustersOf(card, IDENTITY, HEIGHT)).toHaveLength(1);
		// Read either way round: a line at 178 degrees is one at -2.
		expect(clustersOf([box(420, 120, 260, 3), box(680, 190, 260, 178)], IDENTITY, HEIGHT)).toHaveLength(1);
		expect(clustersOf([...page, box(420, 120, 260, -2)], IDENTITY, HEIGHT)).toHaveLength(1);
	});

	test('a short box between two groups of lines joins one of them and bridges nothing', () => {
		const card = [box(440, 120, 260, 13), box(440, 170, 200, 13)];
		const between = box(395, 130, 18, 0);
		const groups = clustersOf([...page, ...card, between], IDENTITY, HEIGHT);
		expect(groups).toHaveLength(2);
		expect(groups.filter((g) => g.includes(between))).toHaveLength(1);
		expect(groups.some((g) => g.includes(page[0]) && g.includes(card[0]))).toBe(false);
	});

	test("a card's number in short boxes still bridges its lines of one direction, as before", () => {
		// Bank name on top and holder's name at the bottom, further apart than the reach (4 line heights),
		// the number between them in four boxes of four digits (too short to have a direction).
		const top = box(100, 100, 300, 2);
		const digits = [0, 1, 2, 3].map((k) => box(100 + k * 70, 160, 55, 0));
		const bottom = box(100, 220, 260, -1);
		expect(clustersOf([top, ...digits, bottom], IDENTITY, HEIGHT)).toHaveLength(1);
		// A box under three times its height has no direction to part groups by (a date tilted 15 degrees).
		expect(clustersOf([top, box(430, 110, 50, 15), ...digits, bottom], IDENTITY, HEIGHT)).toHaveLength(1);
	});

	test('short boxes chain: a number whose first group is out of reach of every line stays whole', () => {
		const digits = [0, 1, 2, 3].map((k) => box(100 + k * 70, 250, 55, 0));
		const beside = box(420, 250, 200, 0);
		const group = clustersOf([box(100, 100, 300, 0), ...digits, beside], IDENTITY, HEIGHT).find((g) => g.includes(digits[0]));
		expect(group).toEqual(expect.arrayContaining([...digits, beside]));
	});

	test('a speck out of reach of every line is a group of its own', () => {
		const card = [box(420, 120, 260, 13), box(420, 170, 200, 13)];
		const far = box(420, 400, 18, 0);
		const groups = clustersOf([...card, far], IDENTITY, HEIGHT);
		expect(groups).toHaveLength(2);
		expect(groups[1]).toEqual([far]);
	});
});
