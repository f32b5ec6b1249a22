/**
 * npm run screenshots: drives the real n8n editor with Playwright (playwright-core and Debian's
 * /usr/bin/chromium, headless, no browser download) and saves docs/*.png for the README.
 */
import { mkdirSync } from 'fs';
import { join } from 'path';
import { chromium } from 'playwright-core';

import { startDevEnvironment } from '../devkit/devEnvironment';
import { ROOT } from '../devkit/paths';
import { exampleId } from '../devkit/workflows';

const DOCS = join(ROOT, 'docs');
const OWNER = { email: 'owner@example.com', firstName: 'Demo', lastName: 'Owner', password: 'Demo-Passw0rd!' };

async function main(): Promise<void> {
	mkdirSync(DOCS, { recursive: true });
	const env = await startDevEnvironment({ n8nMajor: process.env.CLOVA_SHOTS_N8N === '2' ? '2' : '1', port: 5688, serverPort: '0' });
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	try {
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
		const page = await context.newPage();
		const setup = await page.request.post(`${env.editorUrl}/rest/owner/setup`, { data: OWNER });
		if (!setup.ok()) throw new Error(`owner setup failed: ${setup.status()} ${await setup.text()}`);
		const login = await page.request.post(`${env.editorUrl}/rest/login`, {
			data: { emailOrLdapLoginId: OWNER.email, email: OWNER.email, password: OWNER.password },
		});
		if (!login.ok()) throw new Error(`login failed: ${login.status()} ${await login.text()}`);

		await page.goto(`${env.editorUrl}/workflow/${exampleId('folder-batch-to-spreadsheet.json')}`);
		await page.getByText('CLOVA OCR', { exact: true }).first().waitFor({ timeout: 60_000 });
		await page.keyboard.press('Escape');
		await page.waitForTimeout(1500);

		// 1. the node in the nodes panel
		await page.keyboard.press('Tab');
		const search = page.locator('input[placeholder*="Search"]').first();
		await search.waitFor({ timeout: 15_000 });
		await search.fill('CLOVA');
		await page.waitForTimeout(1200);
		await page.screenshot({ path: join(DOCS, 'nodes-panel.png') });
		// The panel keeps the canvas covered; a reload is the sure way to close it.
		await page.goto(`${env.editorUrl}/workflow/${exampleId('folder-batch-to-spreadsheet.json')}`);
		await page.getByText('CLOVA OCR', { exact: true }).first().waitFor({ timeout: 60_000 });
		await page.waitForTimeout(1000);

		// 2. an execution, then its output table inside the node's panel
		const run = page.getByRole('button', { name: /(Test|Execute) workflow/i }).first();
		await run.click({ force: true });
		await page
			.getByText(/Workflow executed successfully|executed successfully/i)
			.first()
			.waitFor({ timeout: 120_000 })
			.catch(() => undefined);
		await page.waitForTimeout(2000);
		const ocrNode = page.locator('[data-test-id="canvas-node"]', { hasText: 'CLOVA OCR' }).first();
		if (await ocrNode.count()) await ocrNode.dblclick({ force: true });
		else await page.getByText('CLOVA OCR', { exact: true }).first().dblclick({ force: true });
		await page
			.locator('[data-test-id="ndv"], .ndv-wrapper, [data-test-id="node-parameters"]')
			.first()
			.waitFor({ timeout: 15_000 })
			.catch(() => undefined);
		await page.waitForTimeout(1500);
		await page.screenshot({ path: join(DOCS, 'parameters.png') });
		const table = page.getByText('Table', { exact: true }).last();
		if (await table.isVisible().catch(() => false)) await table.click();
		await page.waitForTimeout(1000);
		await page.screenshot({ path: join(DOCS, 'output-table.png') });
		console.log(`saved docs/nodes-panel.png, docs/parameters.png, docs/output-table.png (n8n ${env.version})`);
	} finally {
		await browser.close();
		await env.stop();
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
