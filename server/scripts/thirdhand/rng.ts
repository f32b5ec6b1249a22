/**
 * A small seeded PRNG (sfc32 seeded through splitmix32) and seeded value noise. Every image is rebuilt
 * from (seed, capture, index) alone, and each stage forks its own stream so that a change in one stage
 * does not shift the draws of the next.
 */

/** FNV-1a with a murmur-style finish: a 32-bit seed from a string. */
export function hashStr(s: string): number {
	let h = 2166136261 >>> 0;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 16777619);
	}
	h ^= h >>> 13;
	h = Math.imul(h, 0x5bd1e995);
	return (h ^ (h >>> 15)) >>> 0;
}

export class Rng {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	constructor(seed: number) {
		let s = seed >>> 0;
		const splitmix = (): number => {
			s = (s + 0x9e3779b9) | 0;
			let z = s;
			z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
			z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
			return (z ^ (z >>> 16)) >>> 0;
		};
		this.a = splitmix();
		this.b = splitmix();
		this.c = splitmix();
		this.d = splitmix();
		for (let i = 0; i < 12; i++) this.u32();
	}

	static from(...parts: Array<string | number>): Rng {
		return new Rng(hashStr(parts.join('|')));
	}

	u32(): number {
		const t = (((this.a + this.b) | 0) + this.d) | 0;
		this.d = (this.d + 1) | 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) | 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.c = (this.c + t) | 0;
		return t >>> 0;
	}

	/** Uniform in [0, 1). */
	next(): number {
		return this.u32() / 4294967296;
	}

	range(a: number, b: number): number {
		return a + (b - a) * this.next();
	}

	/** Integer in [a, b], both ends included. */
	int(a: number, b: number): number {
		return a + Math.floor(this.next() * (b - a + 1));
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(arr: readonly T[]): T {
		return arr[Math.floor(this.next() * arr.length)];
	}

	wpick<T>(pairs: ReadonlyArray<readonly [T, number]>): T {
		const total = pairs.reduce((s, p) => s + p[1], 0);
		let r = this.next() * total;
		for (const [v, w] of pairs) {
			r -= w;
			if (r < 0) return v;
		}
		return pairs[pairs.length - 1][0];
	}

	/** Standard normal (Box-Muller). */
	gauss(): number {
		const u = Math.max(1e-12, this.next());
		const v = this.next();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	sign(): number {
		return this.next() < 0.5 ? -1 : 1;
	}

	/** Fisher-Yates, in place. */
	shuffle<T>(arr: T[]): T[] {
		for (let i = arr.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[arr[i], arr[j]] = [arr[j], arr[i]];
		}
		return arr;
	}

	/** An independent stream; the tag keeps sibling forks apart. */
	fork(tag = ''): Rng {
		return new Rng((this.u32() ^ hashStr(tag)) >>> 0);
	}
}

export interface Noise {
	noise(x: number, y: number): number;
	fbm(x: number, y: number, octaves?: number): number;
}

/** Smooth 2-D value noise on a 256x256 lattice, and its fractal sum. */
export function makeNoise(rng: Rng): Noise {
	const N = 256;
	const vals = new Float32Array(N * N);
	for (let i = 0; i < vals.length; i++) vals[i] = rng.next();
	const lattice = (ix: number, iy: number): number => vals[((iy & 255) << 8) | (ix & 255)];
	const smooth = (t: number): number => t * t * (3 - 2 * t);
	const noise = (x: number, y: number): number => {
		const ix = Math.floor(x);
		const iy = Math.floor(y);
		const fx = smooth(x - ix);
		const fy = smooth(y - iy);
		const a = lattice(ix, iy);
		const b = lattice(ix + 1, iy);
		const c = lattice(ix, iy + 1);
		const d = lattice(ix + 1, iy + 1);
		return a + (b - a) * fx + (c - a) * fy + (a - b - c + d) * fx * fy;
	};
	const fbm = (x: number, y: number, octaves = 4): number => {
		let s = 0;
		let amp = 0.5;
		let f = 1;
		let total = 0;
		for (let o = 0; o < octaves; o++) {
			s += amp * noise(x * f, y * f);
			total += amp;
			amp *= 0.5;
			// Not 2, so the octaves' lattices never line up.
			f *= 2.03;
		}
		return s / total;
	};
	return { noise, fbm };
}
