import type { ErrorCode } from './errors';
import type { FieldName, FieldReading } from '../engine/types';
import type { ClovaFormat, ImageFamily } from './imageFormat';

export type RequestMode = 'json' | 'multipart';

/** A credit-card request that passed every protocol check, with the image bytes decoded. */
export interface CreditCardRequest {
	mode: RequestMode;
	version: 'V2';
	requestId: string;
	/** Normalised to a number: the docs' own JSON sample sends the string "0". */
	timestamp: number;
	image: {
		format: ClovaFormat;
		name: string;
		data: Buffer;
		/** What the bytes are, whichever format the request named: they are decoded as this. */
		family: ImageFamily;
		/** Multipart only: what the client declared for the file part. */
		fileName?: string;
		mimeType?: string;
	};
}

// A success answer carries what the engine read, in the engine's own shapes: one definition of a field.
export type { FieldName, FieldReading, Point, Quad } from '../engine/types';

export type RecognitionOutcome =
	| { kind: 'success'; width: number; height: number; fields: Partial<Record<FieldName, FieldReading>> }
	/** The image was read but holds no card: 200 with inferResult FAILURE. */
	| { kind: 'failure'; message: string; width?: number; height?: number }
	/** The image could not be read: 200 with inferResult ERROR, as in the docs' failure sample. */
	| { kind: 'error'; message: string }
	/** The request is malformed in a way only decoding shows (second page, wrong bytes): 400 0011. */
	| { kind: 'invalid'; message: string }
	/** The service itself cannot answer now (overload 0025, engine fault 0501). */
	| { kind: 'serviceError'; code: Extract<ErrorCode, '0025' | '0500' | '0501'>; message?: string };

export type Recognizer = (request: CreditCardRequest) => Promise<RecognitionOutcome>;

/** A place in the recognition queue, held while the request body is read. */
export interface Admission {
	/** Recognises the request and gives the place back. */
	recognize: Recognizer;
	/** Gives the place back unused, when the body never became a request. */
	release(): void;
}
