import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

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
			// Expressions cannot throw, so a plain-http remote URL is steered to a host whose name is the fix.
			url: '={{ /^http:\\/\\/(?!(localhost|127\\.\\d+\\.\\d+\\.\\d+|\\[::1\\])(:|\\/|$))/i.test(String($credentials.invokeUrl).trim()) ? "https://use-https-plain-http-is-only-for-localhost.invalid/document/credit-card" : String($credentials.invokeUrl).trim().replace(/\\/+$/, "").replace(/\\/document\\/credit-card$/, "") + "/document/credit-card" }}',
			headers: { 'Content-Type': 'application/json' },
			body: {},
			json: true,
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: '0002',
					message:
						'Secret key rejected (CLOVA code 0002). Copy the Secret Key of this domain from NAVER Cloud console > CLOVA OCR > Domain > API Gateway integration.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: '0001',
					message: 'The Invoke URL was not recognised (CLOVA code 0001). Copy the APIGW Invoke URL of the domain again.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: '0022',
					message: 'The Invoke URL points to another domain type (CLOVA code 0022). Use the invoke URL of a Document OCR domain with the credit-card model.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: '1021',
					message: 'The domain has no deployment (CLOVA code 1021). Deploy the domain in the NAVER Cloud console, then test again.',
				},
			},
		],
	};
}
