/**
 * The mails the mailbox example is proven with: real card photos as attachments, one mail per case
 * a card inbox sees (one card, two cards, a card with an invoice, a card upside down, no
 * attachment, a 20 MB photo), and what each attachment must end up as in the PostgreSQL tables.
 */
import { readFileSync } from 'fs';
import { join } from 'path';

import { readTruth } from '../fixtures';
import { CAPTURES, SAMPLES } from '../paths';
import { invoicePdf } from './invoicePdf';
import type { MailAttachment, MailMessage } from './mime';

/** Where an attachment must land: a customer row, or a review row and why. */
export type Expected =
	{ table: 'customers'; name: string; last4: string } | { table: 'card_review'; reason: RegExp; name?: string; last4?: string };

export interface CardMailAttachment extends MailAttachment {
	expected: Expected;
	/** The full number printed on the card, to prove it is stored and logged nowhere. */
	fullNumber?: string;
}

export interface CardMail extends MailMessage {
	/** What the case is, for test names. */
	label: string;
	messageId: string;
	attachments: CardMailAttachment[];
}

const sampleTruth = readTruth(SAMPLES);
const captureTruth = readTruth(CAPTURES);

function card(
	folder: string,
	fileName: string,
	expected: 'customer' | RegExp,
	as?: { fileName: string; data: Buffer },
): CardMailAttachment {
	const truth = (folder === CAPTURES ? captureTruth : sampleTruth)[fileName];
	if (!truth) throw new Error(`no truth for ${fileName}`);
	const last4 = truth.number.slice(-4);
	const name = as?.fileName ?? fileName;
	return {
		fileName: name,
		contentType: name.endsWith('.png') ? 'image/png' : 'image/jpeg',
		data: as?.data ?? readFileSync(join(folder, fileName)),
		expected:
			expected === 'customer'
				? { table: 'customers', name: truth.name, last4 }
				: { table: 'card_review', reason: expected, name: truth.name, last4 },
		fullNumber: truth.number,
	};
}

/** The 20 MB case: a 12 MP phone photo of a card saved as an uncompressed PNG (3000x2250, 20.3 MB). */
export const LARGE_PHOTO_SOURCE = 'photo12mp-minimalist-001.jpg';

export const INVOICE_LINES = [
	'INVOICE 2026-1117',
	'Northwind Office Supplies',
	'Date: 17 Nov 2026',
	'Paper A4, 10 boxes        EUR 120.00',
	'Toner, 2 units            EUR 180.00',
	'Total due                 EUR 300.00',
	'IBAN DE89 3704 0044 0532 0130 00',
];

const RECIPIENT = 'Card Inbox <cards@crm.test>';

/**
 * The mails, in the order they are delivered (the test delivers the first three before n8n starts). `largePhoto` is the PNG made from LARGE_PHOTO_SOURCE
 * (made by the caller with sharp, which lives in the server's workspace).
 */
export function cardMails(largePhoto: Buffer): CardMail[] {
	const mail = (label: string, from: string, subject: string, attachments: CardMailAttachment[]): CardMail => ({
		label,
		messageId: `${label.replace(/[^a-z0-9]+/gi, '-')}@customers.test`,
		from,
		to: RECIPIENT,
		subject,
		text: 'Hello, my card for the account is attached.\r\nRegards',
		attachments,
	});
	return [
		mail('one card', 'David Garcia <david.garcia@customers.test>', 'My card', [card(SAMPLES, 'photo-000.jpg', 'customer')]),
		mail('two cards', 'Lucas Han <lucas.han@customers.test>', 'Both of our cards', [
			card(SAMPLES, 'hard-002.jpg', 'customer'),
			// Valid thru 01/25: read, but expired, so it waits for a person.
			card(SAMPLES, 'flat-000.png', /expired/),
		]),
		// Last of the mails waiting before n8n starts: the first mails to arrive while n8n runs come while it is still being fetched.
		mail('20 MB photo', 'Park Hoyu <park.hoyu@customers.test>', 'Photo straight from my phone', [
			card(CAPTURES, LARGE_PHOTO_SOURCE, 'customer', { fileName: 'IMG_4032.png', data: largePhoto }),
		]),
		mail('card and invoice', 'Hannah Kim <hannah.kim@customers.test>', 'Card and last invoice', [
			card(SAMPLES, 'flat-001.jpg', 'customer'),
			{
				fileName: 'invoice-2026-1117.pdf',
				contentType: 'application/pdf',
				data: invoicePdf(INVOICE_LINES),
				// Not a card: read as one it gives no clear fields, or no card at all.
				expected: { table: 'card_review', reason: /low_confidence|missing_|luhn_failed|could not read the card/ },
			},
		]),
		mail('card upside down', 'Patricia Martinez <p.martinez@customers.test>', 'Card photo', [
			card(CAPTURES, 'upsideDown-numberAboveName-002.jpg', 'customer'),
		]),
		{
			...mail('no attachment', 'Anna Tanaka <anna.tanaka@customers.test>', 'Forgot the card', []),
			text: 'Sorry, I will send the card tomorrow.',
		},
	];
}

/** The mail sent after n8n restarts: the only one that run may process. */
export function mailAfterRestart(): CardMail {
	return {
		label: 'after restart',
		messageId: 'after-restart@customers.test',
		from: 'Patricia Lopez <patricia.lopez@customers.test>',
		to: RECIPIENT,
		subject: 'New card',
		text: 'My new card.',
		attachments: [card(CAPTURES, 'closeUp-classic-006.jpg', 'customer')],
	};
}
