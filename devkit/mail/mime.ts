/**
 * Mail as a mail client writes it: RFC 5322 headers, a multipart/mixed body, a text part, and each
 * attachment base64-encoded in 76-character lines with its file name in Content-Disposition.
 */
import { randomBytes } from 'crypto';

export interface MailAttachment {
	fileName: string;
	contentType: string;
	data: Buffer;
}

export interface MailMessage {
	from: string;
	to: string;
	subject: string;
	text: string;
	attachments: MailAttachment[];
	/** The Message-ID without angle brackets; made up when not given. */
	messageId?: string;
	date?: Date;
}

const CRLF = '\r\n';

/** Base64 in lines of 76 characters, as RFC 2045 asks of a transfer encoding. */
function base64Lines(data: Buffer): string {
	const encoded = data.toString('base64');
	const lines: string[] = [];
	for (let offset = 0; offset < encoded.length; offset += 76) lines.push(encoded.slice(offset, offset + 76));
	return lines.join(CRLF);
}

/** A header value outside ASCII goes in as an RFC 2047 encoded word; the tests' values are ASCII. */
function headerValue(value: string): string {
	return /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

/** RFC 5322's date format (Date.toUTCString gives "GMT" where "+0000" is the standard zone form). */
function mailDate(date: Date): string {
	return date.toUTCString().replace('GMT', '+0000');
}

export function messageIdOf(message: MailMessage): string {
	return message.messageId ?? `${randomBytes(8).toString('hex')}@clova-ocr.test`;
}

/** The whole message as bytes, CRLF line ends, ready for an MTA or a delivery agent. */
export function buildMime(message: MailMessage): Buffer {
	const boundary = `=_clova_${randomBytes(12).toString('hex')}`;
	const headers = [
		`From: ${headerValue(message.from)}`,
		`To: ${headerValue(message.to)}`,
		`Subject: ${headerValue(message.subject)}`,
		`Date: ${mailDate(message.date ?? new Date())}`,
		`Message-ID: <${messageIdOf(message)}>`,
		'MIME-Version: 1.0',
	];
	const textPart = ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', message.text];
	if (message.attachments.length === 0) {
		return Buffer.from([...headers, ...textPart].join(CRLF) + CRLF, 'utf8');
	}
	const parts = [
		textPart.join(CRLF),
		...message.attachments.map((attachment) =>
			[
				`Content-Type: ${attachment.contentType}; name="${attachment.fileName}"`,
				'Content-Transfer-Encoding: base64',
				`Content-Disposition: attachment; filename="${attachment.fileName}"`,
				'',
				base64Lines(attachment.data),
			].join(CRLF),
		),
	];
	const body = [
		'This is a multi-part message in MIME format.',
		...parts.map((part) => `--${boundary}${CRLF}${part}`),
		`--${boundary}--`,
		'',
	].join(CRLF);
	return Buffer.from([...headers, `Content-Type: multipart/mixed; boundary="${boundary}"`, '', body].join(CRLF), 'utf8');
}
