/**
 * The engine's own vocabulary: geometry, what it reads from a card, and how a reading ends. None
 * of it knows the HTTP API; the server maps these outcomes to CLOVA answers (src/engineAnswers.ts).
 */

export interface Point {
	x: number;
	y: number;
}

export type Quad = [Point, Point, Point, Point];

export type FieldName = 'name' | 'number' | 'validThru';

export interface FieldReading {
	text: string;
	confidence: number;
	/** In the original image's pixel coordinates. */
	box: Quad | null;
	/** One per digit group or word. */
	parts: Quad[];
	/**
	 * A date's label as read beside it: an expiry label; a FROM or SINCE label (decoy), alone or
	 * besides an expiry label; or a VALID cut short that may be VALID FROM.
	 */
	label?: DateLabel;
	/**
	 * A date with digits printed larger than it beside it: the expiry may be there, read in part,
	 * and a crop that did not read them does not clear the doubt.
	 */
	largerPrintBeside?: true;
	/**
	 * A date chosen while a box elsewhere held a date read in part (its slash alone): the expiry may
	 * be there, and a crop that read that box as nothing does not clear the doubt.
	 */
	partDateElsewhere?: true;
	/**
	 * A name where the model saw a hyphen it did not emit (SOO JIN KIM, the hyphen class at 0.1 in the
	 * gap) or a letter (DMITRI BARRA, an I at 0.31 before the B), or emitted a space faintly where its
	 * crop stood no blanker than between letters (THOMP SON): a crop that did not see it does not clear
	 * the doubt.
	 */
	markSeen?: true;
	/**
	 * A number joined from two lines with text beside them (a portrait card on a printed page): in
	 * doubt, and a closer view that reads it surely reads it as if the first view had read none.
	 */
	joinedPastText?: true;
	/**
	 * A date whose month was read as one digit (1/27): cards print two, so one was lost, and a crop
	 * that read 11/27, 10/27 or 12/27 read the same print whole.
	 */
	shortMonth?: true;
	/** The other dates its view read as printed (a VALID FROM 01/20 beside 08/23), decoys' included. */
	otherDates?: string[];
	/** A date with more digits on its line or beside it that no date took: another date read in part. */
	digitsBeside?: true;
	/**
	 * A date the crops' vote took over crops that read it in part (a month's digit lost), where no crop
	 * read it whole surely (see `rereadUnsure`): a closer view that reads it surely does not clear the
	 * doubt.
	 */
	partReadByCrops?: true;
	/**
	 * A date the crops' vote took over this earlier one, which crops read alone (see `rereadUnsure`): a
	 * closer view that reads both, the later beside its expiry label, says which is the expiry.
	 */
	laterThan?: string;
	/**
	 * A name the closer look read in place of the first view's other reading (`readRegion`): the views
	 * disagree, and another reading of the card that agrees with the closer look does not settle it.
	 */
	viewsDisagree?: true;
	/**
	 * A name set apart from a printed page's line boxed beside it (a page has title-case words too): a
	 * crop that reads it surely, or read whole, does not clear the doubt.
	 */
	pageSetApart?: true;
	/** How sure the first view was of the other name the closer look read this one in place of (at 0.65 or more). */
	replacedConfidence?: number;
}

export type DateLabel = 'expiry' | 'decoy' | 'cutValid';

export type CardFields = Partial<Record<FieldName, FieldReading>>;

/**
 * What an image's bytes are. The engine does not sniff them: the caller says (the server has its
 * format rule in protocol/imageFormat.ts), and a PDF or TIFF is then checked for a single page.
 */
export type ImageFamily = 'jpeg' | 'png' | 'pdf' | 'tiff';

/** An image file as it arrived, with what it is. */
export interface EncodedImage {
	data: Buffer;
	family: ImageFamily;
}

/** How reading one image ended, once it was read (recognizeCard). */
export type ReadOutcome =
	/** A card was found: at least its number or its expiry date was read. */
	| { kind: 'card'; width: number; height: number; fields: CardFields }
	/** The image was decoded but holds no card. */
	| { kind: 'noCard'; message: string; width?: number; height?: number }
	/** The image bytes cannot be decoded (damaged, truncated, encrypted). */
	| { kind: 'unreadable'; message: string }
	/** The image is not something the engine takes: a second page, too many pixels. */
	| { kind: 'badInput'; message: string };

/** How a request to the engine ended: read, or not read at all. */
export type EngineOutcome =
	| ReadOutcome
	/** Every worker is taken and the queue is full: try again later. */
	| { kind: 'busy' }
	/** The engine failed (a worker crashed, recognition threw, no worker could start); the message is for logs, not clients. */
	| { kind: 'fault'; message: string };
