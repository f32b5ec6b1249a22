/** What a CLOVA error code means for the user, and whether trying again can help. */
export interface ClovaErrorInfo {
	message: string;
	fix: string;
	retryable: boolean;
}

interface ClovaErrorEntry extends ClovaErrorInfo {
	/** The HTTP status CLOVA sends the code with. */
	httpStatus: number;
	/** The code says the Invoke URL or Secret Key is wrong, so the credentials test fails on it. */
	credentialProblem: boolean;
}

const CONSOLE = 'NAVER Cloud console > CLOVA OCR > Domain > API Gateway integration';

/**
 * CLOVA's common error codes. The local server keeps the same codes and statuses
 * (server/src/protocol/errors.ts); test/clovaRules.test.ts fails when they differ.
 */
export const CLOVA_ERRORS = {
	'0001': {
		httpStatus: 400,
		message: 'CLOVA OCR did not recognise the URL (code 0001)',
		fix: `Copy the APIGW Invoke URL again from ${CONSOLE} into the credentials.`,
		retryable: false,
		credentialProblem: true,
	},
	'0002': {
		httpStatus: 401,
		message: 'CLOVA OCR rejected the secret key (code 0002)',
		fix: `Check the Secret Key in the CLOVA OCR API credentials: copy it again from ${CONSOLE}; a regenerated key replaces the old one.`,
		retryable: false,
		credentialProblem: true,
	},
	'0011': {
		httpStatus: 400,
		message: 'CLOVA OCR found the request body invalid (code 0011)',
		fix: 'Check that the input binary is a real JPEG, PNG, PDF or TIFF file and that Image Format matches it; try Request Mode "Multipart" if JSON fails.',
		retryable: false,
		credentialProblem: false,
	},
	'0021': {
		httpStatus: 400,
		message: 'CLOVA OCR does not support the protocol version (code 0021)',
		fix: 'The node sends version V2; if this persists the service changed its API: report it to the node maintainers.',
		retryable: false,
		credentialProblem: false,
	},
	'0022': {
		httpStatus: 400,
		message: 'CLOVA OCR found the request domain invalid (code 0022)',
		fix: "The Invoke URL belongs to a domain that is not a Document OCR domain with the credit-card model: use that domain's invoke URL.",
		retryable: false,
		credentialProblem: true,
	},
	'0023': {
		httpStatus: 400,
		message: 'CLOVA OCR quota used up (code 0023)',
		fix: 'The domain reached its request count limit. Raise the limit or wait for it to reset in the NAVER Cloud console; retrying now will not help.',
		retryable: false,
		credentialProblem: false,
	},
	'0025': {
		httpStatus: 400,
		message: 'CLOVA OCR rate limit exceeded (code 0025)',
		fix: 'Too many calls at once even after retries: lower Options > Concurrency or raise Options > Max Retries.',
		retryable: true,
		credentialProblem: false,
	},
	'0500': {
		httpStatus: 500,
		message: 'CLOVA OCR had an unknown service error (code 0500)',
		fix: "A temporary fault on NAVER's side, still failing after retries: run the item again later.",
		retryable: true,
		credentialProblem: false,
	},
	'0501': {
		httpStatus: 500,
		message: 'CLOVA OCR had an OCR service error (code 0501)',
		fix: 'The recognition engine failed, still failing after retries: run the item again later or check the image.',
		retryable: true,
		credentialProblem: false,
	},
	'1021': {
		httpStatus: 500,
		message: 'CLOVA OCR found no deployment for the domain (code 1021)',
		fix: 'Deploy the domain in the NAVER Cloud console (CLOVA OCR > Domain > deploy), then run again.',
		retryable: false,
		credentialProblem: true,
	},
} as const satisfies Readonly<Record<string, ClovaErrorEntry>>;

export type ClovaErrorCode = keyof typeof CLOVA_ERRORS;

/** The answer to too many calls at once: the node lowers its concurrency and retries. */
export const RATE_LIMIT_CODE = '0025' satisfies ClovaErrorCode;

function isKnownCode(code: string): code is ClovaErrorCode {
	return Object.prototype.hasOwnProperty.call(CLOVA_ERRORS, code);
}

/** The codes the credentials test reports as a wrong Invoke URL or Secret Key. */
export const CREDENTIAL_PROBLEM_CODES: readonly ClovaErrorCode[] = (Object.keys(CLOVA_ERRORS) as ClovaErrorCode[]).filter(
	(code) => CLOVA_ERRORS[code].credentialProblem,
);

export function describeClovaCode(code: string, httpStatus: number): ClovaErrorInfo {
	if (isKnownCode(code)) return CLOVA_ERRORS[code];
	const retryable = httpStatus >= 500;
	return {
		message: `CLOVA OCR answered HTTP ${httpStatus}${code ? ` with code ${code}` : ''}`,
		fix: retryable
			? 'A server-side fault that did not clear after retries: run the item again later.'
			: "Check the credentials and the input image; the service's own message is in the error details.",
		retryable,
	};
}
