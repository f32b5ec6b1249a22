/**
 * Projective geometry: homographies, a pinhole projection of a card tilted in 3-D, and a bilinear,
 * alpha-aware perspective warp that composites the flat card into a scene.
 */

export type Pt = [number, number];
/** Row-major 3x3. */
export type Mat3 = number[];

/** The homography taking the four src points to the four dst points (Gauss-Jordan on the 8x8 system). */
export function solveHomography(src: Pt[], dst: Pt[]): Mat3 {
	const A: number[][] = [];
	for (let i = 0; i < 4; i++) {
		const [x, y] = src[i];
		const [u, v] = dst[i];
		A.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
		A.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
	}
	const n = 8;
	for (let c = 0; c < n; c++) {
		let p = c;
		for (let r = c + 1; r < n; r++) if (Math.abs(A[r][c]) > Math.abs(A[p][c])) p = r;
		[A[c], A[p]] = [A[p], A[c]];
		for (let r = 0; r < n; r++) {
			if (r === c) continue;
			const f = A[r][c] / A[c][c];
			for (let k = c; k <= n; k++) A[r][k] -= f * A[c][k];
		}
	}
	const h = A.map((row, i) => row[n] / row[i]);
	return [h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], 1];
}

export function apply(H: Mat3, x: number, y: number): Pt {
	const w = H[6] * x + H[7] * y + H[8];
	return [(H[0] * x + H[1] * y + H[2]) / w, (H[3] * x + H[4] * y + H[5]) / w];
}

export function mul(A: Mat3, B: Mat3): Mat3 {
	const r: number[] = new Array<number>(9).fill(0);
	for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) for (let k = 0; k < 3; k++) r[i * 3 + j] += A[i * 3 + k] * B[k * 3 + j];
	return r;
}

export function inv(m: Mat3): Mat3 {
	const [a, b, c, d, e, f, g, h, i] = m;
	const A = e * i - f * h;
	const B = -(d * i - f * g);
	const C = d * h - e * g;
	const det = a * A + b * B + c * C;
	return [
		A / det,
		-(b * i - c * h) / det,
		(b * f - c * e) / det,
		B / det,
		(a * i - c * g) / det,
		-(a * f - c * d) / det,
		C / det,
		-(a * h - b * g) / det,
		(a * e - b * d) / det,
	];
}

export const scaleM = (s: number): Mat3 => [s, 0, 0, 0, s, 0, 0, 0, 1];

export interface CardPose {
	/** Degrees, in the card's plane. */
	roll: number;
	/** Degrees, about the image's x axis. */
	pitch: number;
	/** Degrees, about the image's y axis. */
	yaw: number;
	/** Where the card's centre lands, in image pixels. */
	cx: number;
	cy: number;
	/** Focal length in pixels; a huge one gives a flat (scanner) projection. */
	f: number;
}

/** Corners (top-left, top-right, bottom-right, bottom-left) of a wPx x hPx card seen through a pinhole camera. */
export function projectCard(wPx: number, hPx: number, o: CardPose): Pt[] {
	const rad = Math.PI / 180;
	const [cr, sr] = [Math.cos(o.roll * rad), Math.sin(o.roll * rad)];
	const [cp, sp] = [Math.cos(o.pitch * rad), Math.sin(o.pitch * rad)];
	const [cyw, syw] = [Math.cos(o.yaw * rad), Math.sin(o.yaw * rad)];
	const corners: Pt[] = [
		[-wPx / 2, -hPx / 2],
		[wPx / 2, -hPx / 2],
		[wPx / 2, hPx / 2],
		[-wPx / 2, hPx / 2],
	];
	return corners.map(([x, y]) => {
		const X = x * cr - y * sr;
		const Y = x * sr + y * cr;
		const Z = 0;
		const Y2 = Y * cp - Z * sp;
		const Z2 = Y * sp + Z * cp;
		const X3 = X * cyw + Z2 * syw;
		const Z3 = -X * syw + Z2 * cyw;
		const k = o.f / (o.f + Z3);
		return [o.cx + X3 * k, o.cy + Y2 * k] as Pt;
	});
}

export interface Img {
	data: Uint8ClampedArray | Uint8Array | Buffer;
	width: number;
	height: number;
}

/**
 * Composites src (RGBA, straight alpha) over dst (RGBA) within bbox, sampling src through Hinv
 * (dst pixel -> src pixel). gain scales the card's colours, for exposure differences between card and scene.
 */
export function warpOver(dst: Img, src: Img, Hinv: Mat3, bbox: [number, number, number, number], gain = 1): void {
	const [bx0, by0, bx1, by1] = bbox;
	const x0 = Math.max(0, Math.floor(bx0));
	const y0 = Math.max(0, Math.floor(by0));
	const x1 = Math.min(dst.width - 1, Math.ceil(bx1));
	const y1 = Math.min(dst.height - 1, Math.ceil(by1));
	const sw = src.width;
	const sh = src.height;
	const s = src.data;
	const d = dst.data;
	const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = Hinv;
	for (let y = y0; y <= y1; y++) {
		const Y = y + 0.5;
		for (let x = x0; x <= x1; x++) {
			const X = x + 0.5;
			const w = h6 * X + h7 * Y + h8;
			const sx = (h0 * X + h1 * Y + h2) / w - 0.5;
			const sy = (h3 * X + h4 * Y + h5) / w - 0.5;
			if (sx < -1 || sy < -1 || sx > sw || sy > sh) continue;
			const ix = Math.floor(sx);
			const iy = Math.floor(sy);
			const fx = sx - ix;
			const fy = sy - iy;
			let r = 0;
			let g = 0;
			let b = 0;
			let A = 0;
			for (let t = 0; t < 4; t++) {
				const xx = ix + (t & 1);
				const yy = iy + (t >> 1);
				if (xx < 0 || yy < 0 || xx >= sw || yy >= sh) continue;
				const wt = (t & 1 ? fx : 1 - fx) * (t >> 1 ? fy : 1 - fy);
				const k = (yy * sw + xx) * 4;
				// Colours weighted by alpha, so the transparent corners outside the card's rounded edge do not bleed in.
				const a = s[k + 3] * wt;
				if (a === 0) continue;
				r += s[k] * a;
				g += s[k + 1] * a;
				b += s[k + 2] * a;
				A += a;
			}
			if (A <= 0.5) continue;
			const al = Math.min(1, A / 255);
			const o = (y * dst.width + x) * 4;
			d[o] = d[o] * (1 - al) + (r / A) * gain * al;
			d[o + 1] = d[o + 1] * (1 - al) + (g / A) * gain * al;
			d[o + 2] = d[o + 2] * (1 - al) + (b / A) * gain * al;
		}
	}
}
