/** The CLOVA OCR credential as `n8n import:credentials` reads it. */

export interface CredentialRef {
	id: string;
	name: string;
}

export interface ClovaCredential extends CredentialRef {
	type: 'clovaOcrApi';
	data: { invokeUrl: string; secretKey: string };
}

/** The credential examples/*.json name: importing it under this id makes them runnable as they are. */
export const LOCAL_CREDENTIAL: CredentialRef = { id: 'clovaLocal0001', name: 'CLOVA OCR (local server)' };

export function clovaCredential(ref: CredentialRef, invokeUrl: string, secretKey: string): ClovaCredential {
	return { ...ref, type: 'clovaOcrApi', data: { invokeUrl, secretKey } };
}
