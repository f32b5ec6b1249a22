/** One entry of truth.json, keyed by image file name. */
export interface HeldoutTruth {
	/** Exactly as printed on the card. */
	name: string;
	/** Digits only. */
	number: string;
	/** MM/YY, whatever the card prints (MM/YY or MM/YYYY). */
	validThru: string;
	layout: string;
	capture: string;
	notes: string;
}
