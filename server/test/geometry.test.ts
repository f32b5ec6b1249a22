import { belowLine, lineOffset } from '../src/engine/geometry';

describe('offsets from a text line', () => {
	test('below a line is positive, above it negative, whichever way the line is tilted', () => {
		const level = { x: 1, y: 0 };
		expect(belowLine({ x: 0, y: 0 }, { x: 50, y: 10 }, level)).toBe(10);
		expect(belowLine({ x: 0, y: 0 }, { x: 50, y: -10 }, level)).toBe(-10);
		// A line rising to the right at 30 degrees (image y grows downwards): a point on it is on no side,
		// one straight under its start is below it by its depth times the cosine.
		const rising = { x: Math.cos(Math.PI / 6), y: -Math.sin(Math.PI / 6) };
		expect(belowLine({ x: 0, y: 0 }, { x: 100 * rising.x, y: 100 * rising.y }, rising)).toBeCloseTo(0);
		expect(belowLine({ x: 0, y: 0 }, { x: 0, y: 20 }, rising)).toBeCloseTo(20 * rising.x);
		// An upside-down line runs right to left: what is below it on the card stands higher in the image.
		expect(belowLine({ x: 0, y: 0 }, { x: 0, y: -20 }, { x: -1, y: 0 })).toBe(20);
	});

	test('lineOffset gives the distance across unsigned, and the distance along', () => {
		const offset = lineOffset({ x: 10, y: 10 }, { x: 40, y: -30 }, { x: 1, y: 0 });
		expect(offset).toEqual({ along: 30, across: 40 });
	});
});
