/** The workflows the benchmark imports: our node, and what users build today with HTTP Request. */

export const CREDENTIAL_ID = 'benchClovaCred01';

type WorkflowNode = Record<string, unknown>;

function workflow(id: string, nodes: WorkflowNode[]) {
	const connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: 0 }>> }> = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[String(nodes[i].name)] = { main: [[{ node: String(nodes[i + 1].name), type: 'main', index: 0 }]] };
	}
	return { id, name: `bench ${id}`, active: false, settings: { executionOrder: 'v1' }, nodes, connections };
}

function readFiles(id: string, glob: string): WorkflowNode[] {
	return [
		{ parameters: {}, id: `${id}-start`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] },
		{ parameters: { fileSelector: glob, options: {} }, id: `${id}-read`, name: 'Read Files', type: 'n8n-nodes-base.readWriteFile', typeVersion: 1, position: [220, 0] },
	];
}

export const OCR_NODE = 'CLOVA OCR';
export const HTTP_NODE = 'HTTP Request';
export const FLATTEN_NODE = 'Flatten';

/** Read Files -> CLOVA OCR with every option at its default; only the request mode is chosen. */
export function clovaWorkflow(id: string, glob: string, options: { mode: 'multipart' | 'json'; disabled?: boolean }) {
	return workflow(id, [
		...readFiles(id, glob),
		{
			parameters: options.mode === 'json' ? { requestMode: 'json' } : {},
			id: `${id}-ocr`,
			name: OCR_NODE,
			type: 'n8n-nodes-clova-ocr.clovaOcr',
			typeVersion: 1,
			position: [440, 0],
			credentials: { clovaOcrApi: { id: CREDENTIAL_ID, name: 'bench' } },
			...(options.disabled ? { disabled: true } : {}),
		},
	]);
}

/**
 * What the CLOVA docs' curl example becomes in n8n: a multipart POST with the message field
 * and the file, the secret in a header, then a Code node to flatten images[0].creditCard.result
 * (reading `confidence`, or `confidenceScore` which some responses use instead).
 */
export function httpRequestWorkflow(id: string, glob: string, options: { invokeUrl: string; secret: string; batching?: { size: number; intervalMs: number } }) {
	const message =
		'={{ JSON.stringify({ version: "V2", requestId: $binary.data.fileName, timestamp: 0, images: [{ format: $binary.data.fileExtension, name: $binary.data.fileName }] }) }}';
	const flatten = `return $input.all().map((item) => {
  const image = (item.json.images || [])[0] || {};
  const result = (image.creditCard || {}).result || {};
  const field = (f) => (f ? { text: f.text, confidence: f.confidence ?? f.confidenceScore } : { text: '', confidence: 0 });
  const name = field(result.name), number = field(result.number), validThru = field(result.validThru);
  return { json: { imageName: image.name, inferResult: image.inferResult, name: name.text, number: number.text, validThru: validThru.text,
    nameConfidence: name.confidence, numberConfidence: number.confidence, validThruConfidence: validThru.confidence } };
});`;
	return workflow(id, [
		...readFiles(id, glob),
		{
			parameters: {
				method: 'POST',
				url: options.invokeUrl,
				sendHeaders: true,
				headerParameters: { parameters: [{ name: 'X-OCR-SECRET', value: options.secret }] },
				sendBody: true,
				contentType: 'multipart-form-data',
				bodyParameters: {
					parameters: [
						{ parameterType: 'formData', name: 'message', value: message },
						{ parameterType: 'formBinaryData', name: 'file', inputDataFieldName: 'data' },
					],
				},
				options: options.batching ? { batching: { batch: { batchSize: options.batching.size, batchInterval: options.batching.intervalMs } } } : {},
			},
			id: `${id}-http`,
			name: HTTP_NODE,
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [440, 0],
		},
		{ parameters: { jsCode: flatten }, id: `${id}-code`, name: FLATTEN_NODE, type: 'n8n-nodes-base.code', typeVersion: 2, position: [660, 0] },
	]);
}
