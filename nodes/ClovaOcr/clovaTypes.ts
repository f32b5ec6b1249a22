/** The CLOVA credit-card response as the service documents it; every part may be missing. */
export interface ClovaVertex {
	x?: number;
	y?: number;
}

export interface ClovaPoly {
	vertices?: ClovaVertex[];
}

export interface ClovaField {
	text?: string;
	confidence?: number;
	confidenceScore?: number;
	boundingPoly?: ClovaPoly;
	subBoundingPolys?: ClovaPoly[];
}

export interface ClovaImageResult {
	uid?: string;
	name?: string;
	inferResult?: string;
	message?: string;
	validationResult?: { result?: string; message?: string };
	convertedImageInfo?: { width?: number; height?: number; pageIndex?: number };
	creditCard?: {
		result?: {
			name?: ClovaField;
			number?: ClovaField;
			validThru?: ClovaField;
		};
	};
}

export interface ClovaResponse {
	version?: string;
	requestId?: string;
	timestamp?: number;
	images?: ClovaImageResult[];
}

export interface ClovaImageRequest {
	format: string;
	name: string;
	data?: string;
}

export interface ClovaRequestMessage {
	version: 'V2';
	requestId: string;
	timestamp: number;
	images: [ClovaImageRequest];
}
