/** What a CLOVA error code means for the user, and whether trying again can help. */
export interface ClovaErrorInfo {
	message: string;
	fix: string;
	retryable: boolean;
}

const CONSOLE = 'NAVER Cloud console > CLOVA OCR > Domain > API Gateway integration';

export const CLOVA_ERRORS: Readonly<Record<string, ClovaErrorInfo>> = {
	'0001': {
		message: 'CLOVA OCR did not recognise the URL (code 0001)',
		fix: `Copy the APIGW Invoke URL again from ${CONSOLE} into the credentials.`,
		retryable: false,
	},
	'0002': {
		message: 'CLOVA OCR rejected the secret key (code 0002)',
		fix: `Check the Secret Key in the CLOVA OCR API credentials: copy it again from ${CONSOLE}; a regenerated key replaces the old one.`,
		retryable: false,
	},
	'0011': {
		message: 'CLOVA OCR found the request body invalid (code 0011)',
		fix: 'Check that the input binary is a real JPEG, PNG, PDF or TIFF file and that Image Format matches it; try Request Mode "Multipart" if JSON fails.',
		retryable: false,
	},
	'0021': {
		message: 'CLOVA OCR does not support the protocol version (code 0021)',
		fix: 'The node sends version V2; if this persists the service changed its API: report it to the node maintainers.',
		retryable: false,
	},
	'0022': {
		message: 'CLOVA OCR found the request domain invalid (code 0022)',
		fix: 'The Invoke URL belongs to a domain that is not a Document OCR domain with the credit-card model: use that domain\'s invoke URL.',
		retryable: false,
	},
	'0023': {
		message: 'CLOVA OCR quota used up (code 0023)',
		fix: 'The domain reached its request count limit. Raise the limit or wait for it to reset in the NAVER Cloud console; retrying now will not help.',
		retryable: false,
	},
	'0025': {
		message: 'CLOVA OCR rate limit exceeded (code 0025)',
		fix: 'Too many calls at once even after retries: lower Options > Concurrency or raise Options > Max Retries.',
		retryable: true,
	},
	'0500': {
		message: 'CLOVA OCR had an unknown service error (code 0500)',
		fix: 'A temporary fault on NAVER\'s side, still failing after retries: run the item again later.',
		retryable: true,
	},
	'0501': {
		message: 'CLOVA OCR had an OCR service error (code 0501)',
		fix: 'The recognition engine failed, still failing after retries: run the item again later or check the image.',
		retryable: true,
	},
	'1021': {
		message: 'CLOVA OCR found no deployment for the domain (code 1021)',
		fix: 'Deploy the domain in the NAVER Cloud console (CLOVA OCR > Domain > deploy), then run again.',
		retryable: false,
	},
};

export function describeClovaCode(code: string, httpStatus: number): ClovaErrorInfo {
	const known = CLOVA_ERRORS[code];
	if (known) return known;
	const retryable = httpStatus >= 500;
	return {
		message: `CLOVA OCR answered HTTP ${httpStatus}${code ? ` with code ${code}` : ''}`,
		fix: retryable
			? 'A server-side fault that did not clear after retries: run the item again later.'
			: 'Check the credentials and the input image; the service\'s own message is in the error details.',
		retryable,
	};
}
