/**
 * npm run screenshots: drives the real n8n editor with Playwright (playwright-core and Debian's
 * /usr/bin/chromium, headless, no browser download) and saves docs/*.png for the README.
 */
import { mkdirSync } from 'fs';
import { homedir, tmpdir } from 'os';
import { join } from 'path';
import { chromium } from 'playwright-core';
import type { Locator, Page } from 'playwright-core';

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
		// The dev user folder is kept between runs: an owner set up by an earlier run is fine.
		if (!setup.ok() && !/already setup/i.test(await setup.text())) {
			throw new Error(`owner setup failed: ${setup.status()} ${await setup.text()}`);
		}
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
		// The input panel lists the sample files with the folder they were read from, a path of this
		// machine: the shot holds the node's own panel and its output only.
		const parameters = page.locator('[data-test-id="node-parameters"]').first();
		const output = page.locator('[data-test-id="output-panel"]').first();
		await showTable(page);
		await shoot(page, join(DOCS, 'parameters.png'), [parameters, output], { wholeDialogHeight: true });

		// 3. the output table on its own, as wide as the editor allows: a wider window, the node's
		// panel dragged to the left edge so the output panel takes the room.
		await page.keyboard.press('Escape');
		await page.setViewportSize({ width: 1920, height: 1000 });
		await page.waitForTimeout(800);
		if (await ocrNode.count()) await ocrNode.dblclick({ force: true });
		else await page.getByText('CLOVA OCR', { exact: true }).first().dblclick({ force: true });
		await output.waitFor({ timeout: 15_000 });
		await dragMainPanelLeft(page);
		await showTable(page);
		await shoot(page, join(DOCS, 'output-table.png'), [output], { wholeDialogHeight: false });
		console.log(`saved docs/nodes-panel.png, docs/parameters.png, docs/output-table.png (n8n ${env.version})`);
	} finally {
		await browser.close();
		await env.stop();
	}
}

/** The output panel in Table mode (n8n remembers the last mode, so click it when shown). */
async function showTable(page: Page): Promise<void> {
	const table = page.locator('[data-test-id="ndv-output-panel"], [data-test-id="output-panel"]').getByText('Table', { exact: true }).last();
	if (await table.isVisible().catch(() => false)) await table.click();
	await page.waitForTimeout(1000);
}

/** Drags the node's own panel by its handle to the window's left edge, widening the output panel. */
async function dragMainPanelLeft(page: Page): Promise<void> {
	const parameters = page.locator('[data-test-id="node-parameters"]').first();
	const box = await parameters.boundingBox();
	if (!box) return;
	// The drag handle shows on hovering the panel's top edge.
	await page.mouse.move(box.x + box.width / 2, box.y - 60);
	const handle = page.locator('[data-test-id="panel-drag-button"]').first();
	const handleBox = await handle.boundingBox().catch(() => null);
	if (!handleBox) return;
	await page.mouse.move(handleBox.x + handleBox.width / 2, handleBox.y + handleBox.height / 2);
	await page.mouse.down();
	await page.mouse.move(10, handleBox.y + handleBox.height / 2, { steps: 20 });
	await page.mouse.up();
	await page.waitForTimeout(800);
}

/**
 * Saves the part of the window that holds the given elements (from top to bottom of the node's dialog
 * when asked, so the node panel's title shows), after checking that none of their text holds a path
 * of this machine.
 */
async function shoot(page: Page, path: string, parts: Locator[], options: { wholeDialogHeight: boolean }): Promise<void> {
	const machinePaths = [ROOT, homedir(), tmpdir()];
	const boxes = [];
	for (const part of parts) {
		const text = await part.innerText();
		const leak = machinePaths.find((machinePath) => text.includes(machinePath));
		if (leak) throw new Error(`${path}: the shot would show a path of this machine (${leak})`);
		const box = await part.boundingBox();
		if (!box) throw new Error(`${path}: a part of the shot is not on screen`);
		boxes.push(box);
	}
	const dialog = options.wholeDialogHeight ? await page.locator('[data-test-id="ndv"]').first().boundingBox() : null;
	const viewport = page.viewportSize() ?? { width: 1440, height: 900 };
	const left = Math.max(0, Math.min(...boxes.map((box) => box.x)));
	const right = Math.min(viewport.width, Math.max(...boxes.map((box) => box.x + box.width)) + 8);
	const top = Math.max(0, dialog ? dialog.y : Math.min(...boxes.map((box) => box.y)));
	const bottom = Math.min(viewport.height, dialog ? dialog.y + dialog.height : Math.max(...boxes.map((box) => box.y + box.height)));
	await page.screenshot({ path, clip: { x: left, y: top, width: right - left, height: bottom - top } });
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
