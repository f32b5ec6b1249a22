/**
 * Reads a JSON-mode body as it arrives and decodes images[0].data's base64 straight into one
 * Buffer, so a waiting request holds only its image bytes: never the body, its text, or the
 * base64 string JSON.parse would make of it. Everything else (a few hundred bytes) is kept as
 * text, with that string emptied, for JSON.parse and the usual checks.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const EQUALS = 0x3d;
const MAX_KEY_BYTES = 64;
/** The deepest nesting a request body may have: CLOVA's message is 3 levels deep (object, images, image). */
export const MAX_JSON_DEPTH = 32;
/** Bytes a body may hold outside images[0].data: a CLOVA message is a few hundred. */
export const MAX_JSON_TEXT_BYTES = 64 * 1024;
const NOT_BASE64 = -1;
const SPACE = -2;

/** Each byte's base64 value; ASCII whitespace is skipped, as line-wrapped base64 has it. */
const BASE64_VALUE = (() => {
	const table = new Int8Array(256).fill(NOT_BASE64);
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
	for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
	for (const space of ' \t\n\v\f\r') table[space.charCodeAt(0)] = SPACE;
	return table;
})();

/** Accepts exactly what /^[A-Za-z0-9+/]*={0,2}$/ after removing whitespace accepts, decoded as Buffer.from(…, 'base64') would. */
class Base64Decoder {
	private out: Buffer;
	private length = 0;
	private quad = 0;
	private pending = 0;
	private padding = 0;
	/** Base64 characters and padding seen, whitespace not counted. */
	private characters = 0;
	/** Characters of the JSON string, whitespace included. */
	received = 0;
	invalid = false;

	constructor(capacity: number) {
		this.out = Buffer.allocUnsafeSlow(Math.max(3, capacity));
	}

	push(byte: number): void {
		this.received += 1;
		const value = BASE64_VALUE[byte];
		if (value === SPACE || this.invalid) return;
		this.characters += 1;
		if (byte === EQUALS) {
			this.padding += 1;
			if (this.padding > 2) this.invalid = true;
			return;
		}
		if (value === NOT_BASE64 || this.padding > 0) {
			this.invalid = true;
			return;
		}
		this.quad = (this.quad << 6) | value;
		this.pending += 1;
		if (this.pending === 4) {
			this.reserve(3);
			this.out[this.length++] = (this.quad >> 16) & 0xff;
			this.out[this.length++] = (this.quad >> 8) & 0xff;
			this.out[this.length++] = this.quad & 0xff;
			this.quad = 0;
			this.pending = 0;
		}
	}

	/** Nothing seen yet ends the base64 (no padding, nothing invalid): a run of its alphabet can go to pushBase64. */
	get plain(): boolean {
		return !this.invalid && this.padding === 0;
	}

	/** A run of base64 alphabet characters, decoded natively, as push() would take them one by one. */
	pushBase64(text: string): void {
		let i = 0;
		while (this.pending !== 0 && i < text.length) this.push(text.charCodeAt(i++));
		const whole = i + Math.floor((text.length - i) / 4) * 4;
		if (whole > i) {
			this.reserve(((whole - i) / 4) * 3);
			this.length += this.out.write(text.slice(i, whole), this.length, 'base64');
			this.received += whole - i;
			this.characters += whole - i;
		}
		for (i = whole; i < text.length; i++) this.push(text.charCodeAt(i));
	}

	/** The decoded bytes in a Buffer of their own exact size (so it can be handed to a worker whole), or undefined when invalid. */
	finish(): Buffer | undefined {
		if (this.invalid || this.characters % 4 === 1) return undefined;
		this.reserve(2);
		// A last group of 2 or 3 characters carries 1 or 2 bytes; a lone one carries none.
		if (this.pending === 2) this.out[this.length++] = (this.quad >> 4) & 0xff;
		if (this.pending === 3) {
			this.out[this.length++] = (this.quad >> 10) & 0xff;
			this.out[this.length++] = (this.quad >> 2) & 0xff;
		}
		if (this.length === this.out.length) return this.out;
		const exact = Buffer.allocUnsafeSlow(this.length);
		this.out.copy(exact, 0, 0, this.length);
		return exact;
	}

	private reserve(bytes: number): void {
		if (this.length + bytes <= this.out.length) return;
		const grown = Buffer.allocUnsafeSlow(Math.max(this.length + bytes, this.out.length * 2));
		this.out.copy(grown, 0, 0, this.length);
		this.out = grown;
	}
}

const ALPHABET_ONLY = /^[A-Za-z0-9+/]*$/;

/** Index of the next quote or backslash in chunk from `from`, or its length. */
function nextSpecial(chunk: Buffer, from: number): number {
	const quote = chunk.indexOf(QUOTE, from);
	const backslash = chunk.indexOf(BACKSLASH, from);
	if (quote < 0) return backslash < 0 ? chunk.length : backslash;
	return backslash < 0 ? quote : Math.min(quote, backslash);
}

interface Frame {
	kind: 'object' | 'array';
	/** Array: elements before the current one. */
	index: number;
	/** Object: the key whose value comes next, if readable. */
	key: string | undefined;
	expectKey: boolean;
}

/** skip: another image's data, which is refused anyway (one image per request) and need not be kept to say so. */
type Lexer = 'outside' | 'string' | 'stringEscape' | 'data' | 'dataEscape' | 'dataUnicode' | 'skip' | 'skipEscape';

/** What a JSON escape inside the base64 stands for: whitespace, '/', a \u00XX character, or nothing base64 allows. */
const DATA_ESCAPES: Record<string, number> = { '/': 0x2f, n: 0x0a, r: 0x0d, t: 0x09, f: 0x0c };

export interface JsonImageBodyResult {
	/** The body with images[0].data emptied; '' for an empty body. */
	text: string;
	/** images[0].data, when it was a string: decoded, or undefined when not valid base64; empty when the string was. */
	image?: { data: Buffer | undefined; empty: boolean };
	/** The data string held something JSON itself forbids (a raw control character). */
	malformed: boolean;
}

/**
 * A body JSON.parse must never see: nested too deep (5 million levels cost V8 half a GB and a
 * second on the event loop) or too much text beside the image (a 10 MB array of numbers likewise).
 * Thrown from write(), as soon as the bytes show it, so the rest of the body is never read.
 */
export class JsonBodyRefused extends Error {
	constructor(readonly reason: 'depth' | 'text') {
		super(
			reason === 'depth'
				? `is nested deeper than ${MAX_JSON_DEPTH} levels`
				: `holds more than ${MAX_JSON_TEXT_BYTES / 1024} KB besides images[0].data`,
		);
		this.name = 'JsonBodyRefused';
	}
}

export class JsonImageBody {
	private keptBytes = 0;

	private readonly kept: Buffer[] = [];
	private readonly stack: Frame[] = [];
	private lexer: Lexer = 'outside';
	private key: number[] | undefined;
	private decoder: Base64Decoder | undefined;
	private unicode = '';
	private seen = 0;
	private malformed = false;
	private image: JsonImageBodyResult['image'];

	/** declaredLength (Content-Length) sizes the image buffer once instead of growing it. */
	constructor(private readonly declaredLength: number | undefined) {}

	write(chunk: Buffer): void {
		let keepFrom = 0;
		for (let i = 0; i < chunk.length; i++) {
			const byte = chunk[i];
			switch (this.lexer) {
				case 'outside':
					if (byte === QUOTE) {
						if (this.atDataValue(0)) {
							this.keep(chunk, keepFrom, i + 1);
							this.startData(i + 1);
							this.lexer = 'data';
						} else if (this.atDataValue()) {
							this.keep(chunk, keepFrom, i + 1);
							this.lexer = 'skip';
						} else {
							const top = this.stack[this.stack.length - 1];
							this.key = top?.kind === 'object' && top.expectKey ? [] : undefined;
							this.lexer = 'string';
						}
					} else this.structure(byte);
					break;
				case 'string':
					if (byte === QUOTE) {
						this.lexer = 'outside';
						this.endKey();
					} else {
						if (byte === BACKSLASH) this.lexer = 'stringEscape';
						this.key?.push(byte);
						if (this.key && this.key.length > MAX_KEY_BYTES) this.key = undefined;
					}
					break;
				case 'stringEscape':
					this.key?.push(byte);
					this.lexer = 'string';
					break;
				case 'data':
					if (byte === QUOTE) {
						keepFrom = i;
						this.lexer = 'outside';
						this.endData();
					} else if (byte === BACKSLASH) this.lexer = 'dataEscape';
					else {
						// The run up to the next quote or backslash in one go: a byte at a time, a 19 MB body held the event loop for 200 ms.
						const end = nextSpecial(chunk, i);
						this.dataRun(chunk, i, end);
						i = end - 1;
					}
					break;
				case 'dataEscape':
					this.lexer = 'data';
					if (byte === 0x75 /* u */) {
						this.unicode = '';
						this.lexer = 'dataUnicode';
					} else (this.decoder as Base64Decoder).push(DATA_ESCAPES[String.fromCharCode(byte)] ?? QUOTE);
					break;
				case 'skip':
					if (byte === QUOTE) {
						keepFrom = i;
						this.lexer = 'outside';
					} else if (byte === BACKSLASH) this.lexer = 'skipEscape';
					else i = nextSpecial(chunk, i) - 1;
					break;
				case 'skipEscape':
					this.lexer = 'skip';
					break;
				case 'dataUnicode':
					this.unicode += String.fromCharCode(byte);
					if (this.unicode.length === 4) {
						const code = /^[0-9a-fA-F]{4}$/.test(this.unicode) ? parseInt(this.unicode, 16) : NaN;
						if (Number.isNaN(code)) this.malformed = true;
						// Anything past ASCII is not base64; a quote stands in as one more invalid byte.
						(this.decoder as Base64Decoder).push(code < 0x80 ? code : QUOTE);
						this.lexer = 'data';
					}
					break;
			}
		}
		if (!['data', 'dataEscape', 'dataUnicode', 'skip', 'skipEscape'].includes(this.lexer)) this.keep(chunk, keepFrom, chunk.length);
		this.seen += chunk.length;
	}

	end(): JsonImageBodyResult {
		return { text: Buffer.concat(this.kept).toString('utf8'), image: this.image, malformed: this.malformed };
	}

	private dataRun(chunk: Buffer, from: number, to: number): void {
		const decoder = this.decoder as Base64Decoder;
		const text = chunk.toString('latin1', from, to);
		if (decoder.plain && ALPHABET_ONLY.test(text)) {
			decoder.pushBase64(text);
			return;
		}
		for (let i = from; i < to; i++) {
			if (chunk[i] < 0x20) this.malformed = true;
			else decoder.push(chunk[i]);
		}
	}

	/** Copied, not sliced: a slice would keep the whole socket chunk, base64 and all, alive. */
	private keep(chunk: Buffer, from: number, to: number): void {
		if (to <= from) return;
		this.keptBytes += to - from;
		if (this.keptBytes > MAX_JSON_TEXT_BYTES) throw new JsonBodyRefused('text');
		this.kept.push(Buffer.from(chunk.subarray(from, to)));
	}

	private structure(byte: number): void {
		const top = this.stack[this.stack.length - 1];
		if ((byte === 0x7b /* { */ || byte === 0x5b) /* [ */ && this.stack.length >= MAX_JSON_DEPTH) throw new JsonBodyRefused('depth');
		if (byte === 0x7b /* { */) this.stack.push({ kind: 'object', index: 0, key: undefined, expectKey: true });
		else if (byte === 0x5b /* [ */) this.stack.push({ kind: 'array', index: 0, key: undefined, expectKey: false });
		else if (byte === 0x7d /* } */ || byte === 0x5d /* ] */) this.stack.pop();
		else if (byte === 0x2c /* , */ && top) {
			if (top.kind === 'array') top.index += 1;
			else {
				top.expectKey = true;
				top.key = undefined;
			}
		} else if (byte === 0x3a /* : */ && top?.kind === 'object') top.expectKey = false;
	}

	private endKey(): void {
		const top = this.stack[this.stack.length - 1];
		if (top?.kind !== 'object' || !top.expectKey) return;
		top.key = undefined;
		if (!this.key) return;
		try {
			top.key = JSON.parse(`"${Buffer.from(this.key).toString('utf8')}"`) as string;
		} catch {
			// Not a valid key; JSON.parse of the whole text reports it.
		}
		this.key = undefined;
	}

	/** The value position of images[index].data (of any image's but the first when index is undefined) in the top-level object. */
	private atDataValue(index?: number): boolean {
		const [root, images, first] = this.stack;
		return (
			this.stack.length === 3 &&
			root.kind === 'object' &&
			root.key === 'images' &&
			images.kind === 'array' &&
			(index === undefined ? images.index > 0 : images.index === index) &&
			first.kind === 'object' &&
			first.key === 'data' &&
			!first.expectKey
		);
	}

	private startData(offset: number): void {
		const remaining = this.declaredLength !== undefined ? this.declaredLength - this.seen - offset : 0;
		// A repeated key starts over, as JSON.parse keeps the last one.
		this.decoder = new Base64Decoder(remaining > 0 ? Math.ceil((remaining * 3) / 4) : 64 * 1024);
	}

	private endData(): void {
		const decoder = this.decoder as Base64Decoder;
		this.image = { data: decoder.finish(), empty: decoder.received === 0 };
		this.decoder = undefined;
	}
}
