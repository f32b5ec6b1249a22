import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { startBatch } from './batch';
import { NODE_DESCRIPTION, nodeProperties } from './description';
import { outputItems } from './outputItems';
import { recognizeItems } from './recognizeItems';
import { CREDENTIAL_NAME } from './transport';

export class ClovaOcr implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CLOVA OCR',
		name: 'clovaOcr',
		icon: { light: 'file:clovaOcr.svg', dark: 'file:clovaOcr.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] === "recognizeCreditCard" ? "Recognize Credit Card" : $parameter["operation"] }}',
		description: NODE_DESCRIPTION,
		defaults: {
			name: 'CLOVA OCR',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: CREDENTIAL_NAME,
				required: true,
			},
		],
		properties: nodeProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		if (items.length === 0) return [[]];
		const batch = await startBatch(this);
		const outcomes = await recognizeItems(batch, items).finally(batch.release);
		return [outputItems(batch, items, outcomes)];
	}
}
