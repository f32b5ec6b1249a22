import type { INodeProperties } from 'n8n-workflow';

const IMAGE_FORMATS_TEXT = 'JPEG, PNG, single-page PDF or single-page TIFF';

/**
 * The node's description, which n8n also gives an AI Agent as the tool's description (the
 * Tool Description option at "Set Automatically"): it says what goes in and what comes back.
 */
export const NODE_DESCRIPTION =
	'Read a credit card image (binary file or image URL) with NAVER CLOVA OCR or a local CLOVA-compatible server. Returns JSON per image: name, number (masked to first 6 + last 4 digits when used as a tool), validThru (MM/YY), cardBrand, luhnValid, isExpired, per-field confidences, and needsReview with reviewReasons when a field is unsure.';

export const nodeProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Recognize Credit Card',
				value: 'recognizeCreditCard',
				description: 'Read the holder name, card number and valid-thru date from a card image',
				action: 'Recognize a credit card',
			},
		],
		default: 'recognizeCreditCard',
	},
	{
		displayName: 'Input',
		name: 'imageSource',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Binary File',
				value: 'binary',
				description: 'A file on the input item: a mail attachment, an upload, a file read from disk',
			},
			{
				name: 'Image URL',
				value: 'url',
				description: 'An https:// address the node downloads the image from; what an AI Agent gives when the node is its tool',
			},
		],
		default: 'binary',
		description: 'Where the card image comes from',
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: { show: { imageSource: ['binary'] } },
		hint: 'The binary field holding the card image. Several: attachment_0, attachment_1 or attachment_*. Or a file itself: {{ $binary.data }}.',
		description: `${IMAGE_FORMATS_TEXT}, up to 50 MB. Each file read gives one output item, which names its field in binaryPropertyName.`,
	},
	{
		displayName: 'Image URL',
		name: 'imageUrl',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { imageSource: ['url'] } },
		placeholder: 'e.g. https://example.com/card.jpg',
		hint: "As an AI Agent's tool, let the model fill it: {{ $fromAI('imageUrl', 'https URL of the card image', 'string') }}",
		description: `Address of the card image: https://, or plain http:// only to this machine. As an AI Agent tool, only public https:// addresses (see Options > Allow Local Addresses). Redirects are not followed; ${IMAGE_FORMATS_TEXT}, up to 20 MB.`,
	},
	{
		displayName: 'Request Mode',
		name: 'requestMode',
		type: 'options',
		options: [
			{
				name: 'JSON (Base64)',
				value: 'json',
				description: 'Sends the image base64-encoded inside a JSON body (about 33% larger)',
			},
			{
				name: 'Multipart (Streamed File)',
				value: 'multipart',
				description: "Uploads the file as multipart/form-data, streamed from n8n's binary storage",
			},
		],
		default: 'multipart',
		description: 'How the image is sent to CLOVA OCR',
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return flat fields (name, number, validThru, confidences, checks) instead of the raw CLOVA response',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Allow Local Addresses',
				name: 'allowLocalAddresses',
				type: 'boolean',
				default: false,
				description:
					'Whether an Image URL may point at this machine or a private network address (127.x, 10.x, 172.16-31.x, 192.168.x, 169.254.x, localhost, [::1], fc00::/7, fe80::/10) and use plain http:// to this machine when the node runs as an AI Agent tool. Off, a tool downloads only from public https:// addresses, so a model steered by a prompt cannot make n8n call its own webhooks or the local network.',
			},
			{
				displayName: 'Concurrency',
				name: 'concurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 64 },
				default: 10,
				description:
					'Maximum number of requests in flight at once. The node lowers it by itself when CLOVA answers with its rate-limit code 0025; executions running at the same time in one n8n process share that limit per Invoke URL.',
			},
			{
				displayName: 'Confidence Threshold',
				name: 'confidenceThreshold',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
				default: 0.9,
				description: 'Fields recognised with a lower confidence set Needs Review (simplified output only)',
			},
			{
				displayName: 'Image Format',
				name: 'imageFormat',
				type: 'options',
				options: [
					{ name: 'Auto (From File Contents)', value: 'auto' },
					{ name: 'JPEG (.jpeg)', value: 'jpeg' },
					{ name: 'JPG (.jpg)', value: 'jpg' },
					{ name: 'PDF (Single Page)', value: 'pdf' },
					{ name: 'PNG', value: 'png' },
					{ name: 'TIF (Single Page)', value: 'tif' },
					{ name: 'TIFF (Single Page)', value: 'tiff' },
				],
				default: 'auto',
				description: "The format sent to CLOVA OCR. Auto reads it from the file's bytes, then its mime type and extension.",
			},
			{
				displayName: 'Image Name',
				name: 'imageName',
				type: 'string',
				default: '',
				placeholder: 'e.g. card-{{ $json.customerId }}',
				description: 'Name sent with the image and echoed back as imageName. Defaults to the file name.',
			},
			{
				displayName: 'Include Bounding Polygons',
				name: 'includeBoundingPolys',
				type: 'boolean',
				default: false,
				description: 'Whether to add the vertices of each field and its sub-parts (simplified output only)',
			},
			{
				displayName: 'Include Raw Response',
				name: 'includeRawResponse',
				type: 'boolean',
				default: false,
				description: 'Whether to add the image result exactly as CLOVA returned it under rawResponse (simplified output only)',
			},
			{
				displayName: 'Keep Binary',
				name: 'keepBinary',
				type: 'boolean',
				default: false,
				description:
					'Whether to pass the card image on to the next node. Off by default so card images are not kept in later steps or execution logs.',
			},
			{
				displayName: 'Mask Number',
				name: 'maskNumber',
				type: 'options',
				options: [
					{ name: 'As Returned', value: 'asReturned', description: 'The number exactly as CLOVA returned it' },
					{ name: 'Last 4 Only', value: 'last4', description: 'Mask everything but the last four digits' },
					{ name: 'PCI (First 6 + Last 4)', value: 'pci', description: 'Keep the BIN and last four digits, mask the rest' },
				],
				default: 'asReturned',
				description:
					'How the number field is output. Checks (brand, Luhn) run on the unmasked number before masking. Unset, a node used as an AI Agent tool masks PCI-style, so the full number never reaches the model.',
			},
			{
				displayName: 'Max Retries',
				name: 'maxRetries',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 10 },
				default: 4,
				description:
					'How often to retry a call that failed for a passing reason (rate limit 0025, 5xx, reset connection, timeout), with growing randomised delays',
			},
			{
				displayName: 'Timeout (Seconds)',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 600 },
				default: 60,
				description:
					'How long to wait for one answer before it counts as a timeout; with Image URL, also the most the whole download may take',
			},
		],
	},
];
