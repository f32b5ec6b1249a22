/**
 * A one-page PDF invoice (text in Helvetica, no card on it): the kind of attachment that arrives
 * next to a card photo and must be explained rather than read as a card.
 */

/** Text drawn as PDF string literals: backslashes and parentheses escaped. */
function pdfString(text: string): string {
	return `(${text.replace(/[\\()]/g, (match) => `\\${match}`)})`;
}

export function invoicePdf(lines: string[]): Buffer {
	const content = [
		'BT',
		'/F1 14 Tf',
		'72 770 Td',
		'18 TL',
		...lines.map((line, index) => (index === 0 ? `${pdfString(line)} Tj` : `T* ${pdfString(line)} Tj`)),
		'ET',
	].join('\n');
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
		`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
	];
	let pdf = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((body, index) => {
		offsets.push(Buffer.byteLength(pdf, 'latin1'));
		pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
	});
	const xref = Buffer.byteLength(pdf, 'latin1');
	pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
	pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(pdf, 'latin1');
}
