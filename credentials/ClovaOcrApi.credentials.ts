import type {
	IAuthenticateGeneric,
	IAuthenticateRuleResponseSuccessBody,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { CLOVA_ERRORS, CREDENTIAL_PROBLEM_CODES } from '../nodes/ClovaOcr/clovaErrors';
import { CREDENTIAL_TEST_URL } from '../nodes/ClovaOcr/invokeUrl';

/**
 * n8n's rules can only fail a test (a body value, read with lodash's get, equal to a given one),
 * so the test passes only on an answer carrying a CLOVA error code that is not a credential
 * problem. CLOVA's codes are four-digit strings ("0011"): the key `code.3` reads the code's fourth
 * character, which is undefined for an answer without a `code` (a redirect, a proxy or login page,
 * another service, an empty body), for a numeric code ({"code":404}) and for a string shorter than
 * four characters, so all of these fail. "Only digits, exactly four" is not expressible as an
 * equality, so a longer string code still passes.
 */
const notClovaRule: IAuthenticateRuleResponseSuccessBody = {
	type: 'responseSuccessBody',
	properties: {
		key: 'code.3',
		value: undefined,
		message:
			'The Invoke URL did not answer as CLOVA OCR does (no error code in its answer: a redirect, a proxy page or another service?). Copy the APIGW Invoke URL again from the NAVER Cloud console (CLOVA OCR > Domain > API Gateway integration), or use the URL the local server prints.',
	},
};

/** A failed test names the problem and its fix in the words the node uses at run time. */
const credentialProblemRules: IAuthenticateRuleResponseSuccessBody[] = [
	notClovaRule,
	...CREDENTIAL_PROBLEM_CODES.map((code): IAuthenticateRuleResponseSuccessBody => ({
		type: 'responseSuccessBody',
		properties: { key: 'code', value: code, message: `${CLOVA_ERRORS[code].message}. ${CLOVA_ERRORS[code].fix}` },
	})),
];

export class ClovaOcrApi implements ICredentialType {
	name = 'clovaOcrApi';

	displayName = 'CLOVA OCR API';

	icon: Icon = { light: 'file:clovaOcr.svg', dark: 'file:clovaOcr.dark.svg' };

	documentationUrl = 'https://api.ncloud-docs.com/docs/en/ai-application-service-ocr-ocrdocumentocr-creditcard';

	properties: INodeProperties[] = [
		{
			displayName: 'Invoke URL',
			name: 'invokeUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://xxxxxxxx.apigw.ntruss.com/custom/v1/12345/0123abcd...',
			description:
				'The APIGW Invoke URL of your CLOVA OCR domain (NAVER Cloud console > CLOVA OCR > Domain > API Gateway integration). The /document/credit-card suffix is optional. For the local server use http://127.0.0.1:8866.',
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The Secret Key generated for the domain (NAVER Cloud console > CLOVA OCR > Domain > API Gateway integration > Secret Key). Sent as the X-OCR-SECRET header.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'X-OCR-SECRET': '={{$credentials.secretKey}}',
			},
		},
	};

	// An empty body is the cheapest call that still checks the secret: a good secret is
	// answered 400 with code 0011 (body invalid), a wrong one 401 with code 0002.
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: CREDENTIAL_TEST_URL,
			headers: { 'Content-Type': 'application/json' },
			body: {},
			json: true,
			ignoreHttpStatusErrors: true,
			// A redirect would carry the X-OCR-SECRET header to wherever it points (n8n follows them by default).
			disableFollowRedirect: true,
		},
		rules: credentialProblemRules,
	};
}
