import type {
	IAuthenticateGeneric,
	IAuthenticateRuleResponseSuccessBody,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { CLOVA_ERRORS, CREDENTIAL_PROBLEM_CODES } from '../nodes/ClovaOcr/clovaErrors';
import { CREDENTIAL_TEST_URL } from '../nodes/ClovaOcr/invokeUrl';

/** A failed test names the problem and its fix in the words the node uses at run time. */
const credentialProblemRules: IAuthenticateRuleResponseSuccessBody[] = CREDENTIAL_PROBLEM_CODES.map((code) => ({
	type: 'responseSuccessBody',
	properties: { key: 'code', value: code, message: `${CLOVA_ERRORS[code].message}. ${CLOVA_ERRORS[code].fix}` },
}));

export class ClovaOcrApi implements ICredentialType {
	name = 'clovaOcrApi';

	displayName = 'CLOVA OCR API';

	icon = 'file:clovaOcr.svg' as const;

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
		},
		rules: credentialProblemRules,
	};
}
