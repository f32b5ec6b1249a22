/**
 * examples/mailbox-attachment-to-postgres.json as a user runs it: `npm run test:mail`.
 * A private Dovecot (IMAP on 127.0.0.1, one user, a Maildir in a temp folder) receives real MIME
 * mails through dovecot-lda; `n8n start` has the example active with its Email Trigger (IMAP) on
 * that mailbox, this package installed from its tarball, the local CLOVA-compatible server reading
 * the card photos with its real engine, and n8n's Postgres node writing a throwaway PostgreSQL
 * (which also holds n8n's own database, so every table can be searched for card numbers).
 */
import { execFileSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import sharp from 'sharp';

import { LOCAL_CREDENTIAL, clovaCredential } from '../devkit/credentials';
import { startLocalServer } from '../devkit/localServer/launch';
import type { RunningServer } from '../devkit/localServer/launch';
import type { CardMail, CardMailAttachment } from '../devkit/mail/cardMails';
import { LARGE_PHOTO_SOURCE, cardMails, mailAfterRestart } from '../devkit/mail/cardMails';
import { imapCredential, postgresCredential } from '../devkit/mail/credentials';
import { buildMime } from '../devkit/mail/mime';
import type { RunningEditor } from '../devkit/n8n/editor';
import { startEditor } from '../devkit/n8n/editor';
import { N8nInstance } from '../devkit/n8n/instance';
import { N8N_VERSIONS, ensureN8n, n8nMajors, packNodePackage } from '../devkit/n8n/runtime';
import { CAPTURES } from '../devkit/paths';
import type { RunningDovecot } from '../devkit/services/dovecot';
import { startDovecot } from '../devkit/services/dovecot';
import { freePort, waitFor } from '../devkit/services/ports';
import type { RunningPostgres } from '../devkit/services/postgres';
import { postgresBinDir, startPostgres } from '../devkit/services/postgres';
import { exampleId, exampleWorkflow } from '../devkit/workflows';

const EXAMPLE = 'mailbox-attachment-to-postgres.json';
const EXAMPLE_ID = exampleId(EXAMPLE);
const SECRET = 'mail-secret-7Hq';
/** Mails delivered before `n8n start` wait in the INBOX, as they do while n8n is down. */
const DELIVERED_BEFORE_START = 3;
const PROCESSING_TIMEOUT_MS = 150_000;
/** 1.x logs the workflow once its trigger has connected, 2.x the trigger node. */
const TRIGGER_LIVE = /Activated workflow "CLOVA OCR: card photos from a mailbox to a PostgreSQL|Activated trigger node "New Card Email"/g;

interface CustomerRow {
	name: string;
	last4: string;
	email: string;
	messageId: string;
	attachment: string;
	fileName: string;
	timesRead: number;
}

interface ReviewRow {
	messageId: string;
	attachment: string;
	fileName: string;
	reason: string;
	name: string;
	last4: string;
	timesSeen: number;
}

/** What beforeAll started; a test only runs once it has. */
function running<T>(value: T | undefined, what: string): T {
	if (value === undefined) throw new Error(`${what} did not start`);
	return value;
}

/** The example's own schema, from its sticky note: the tables a user creates are the ones tested. */
function exampleSchema(): string {
	const note = (exampleWorkflow(EXAMPLE).nodes as Array<{ type: string; parameters: { content?: string } }>).find(
		(node) => node.type === 'n8n-nodes-base.stickyNote',
	);
	const sql = /```sql\n([\s\S]*?)```/.exec(note?.parameters.content ?? '')?.[1];
	if (!sql) throw new Error(`${EXAMPLE} has no sticky note with the tables' SQL`);
	return sql;
}

/** A comparator by a text key in code-unit order: the same whatever PostgreSQL's collation. */
function byKey<T>(key: (row: T) => string): (a: T, b: T) => number {
	return (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

function reviewKey(row: { messageId: string; attachment: string }): string {
	return `${row.messageId} ${row.attachment}`;
}

/** The forms a full card number could be written in: its digits, and in groups of four. */
function numberForms(digits: string): string[] {
	return [digits, digits.replace(/(\d{4})(?=\d)/g, '$1 ')];
}

const runtimes = n8nMajors(process.env.CLOVA_MAIL_N8N ?? '2,1').map((major) => [N8N_VERSIONS[major], major] as const);

let postgres: RunningPostgres | undefined;
let ocrServer: RunningServer | undefined;
let tarball = '';
let largePhoto: Buffer = Buffer.alloc(0);

beforeAll(async () => {
	ocrServer = await startLocalServer(['--secret', SECRET, '--quiet']);
	postgres = await startPostgres();
	largePhoto = await sharp(join(CAPTURES, LARGE_PHOTO_SOURCE)).resize(3000, 2250).png({ compressionLevel: 0 }).toBuffer();
	// A tarball built beforehand (CLOVA_MAIL_TARBALL) spares the build when only the example changed.
	tarball = process.env.CLOVA_MAIL_TARBALL ?? packNodePackage();
}, 600_000);

afterAll(async () => {
	await ocrServer?.stop();
	await postgres?.stop();
}, 120_000);

describe.each(runtimes)('the mailbox example on n8n %s', (version, major) => {
	const crm = `crm_${major}`;
	const n8nDatabase = `n8n_${major}`;
	const mails = (): CardMail[] => cardMails(largePhoto);
	let dovecot: RunningDovecot | undefined;
	let n8n: N8nInstance | undefined;
	let editor: RunningEditor | undefined;
	let failed = false;
	const logFile = (): string => join(running(n8n, 'n8n').userFolder, 'n8n.log');

	async function customers(): Promise<CustomerRow[]> {
		const rows = await running(postgres, 'PostgreSQL').query(
			crm,
			'SELECT name, card_last4, email, message_id, attachment, file_name, times_read FROM customers',
		);
		return rows
			.map(([name, last4, email, messageId, attachment, fileName, timesRead]) => ({
				...{ name, last4, email, messageId, attachment, fileName },
				timesRead: Number(timesRead),
			}))
			.sort(byKey((row) => row.name));
	}

	async function reviews(): Promise<ReviewRow[]> {
		const rows = await running(postgres, 'PostgreSQL').query(
			crm,
			`SELECT message_id, attachment, coalesce(file_name, ''), reason, coalesce(name, ''), coalesce(card_last4, ''), times_seen
			 FROM card_review`,
		);
		return rows
			.map(([messageId, attachment, fileName, reason, name, last4, timesSeen]) => ({
				...{ messageId, attachment, fileName, reason, name, last4 },
				timesSeen: Number(timesSeen),
			}))
			.sort(byKey(reviewKey));
	}

	async function deliver(mail: CardMail): Promise<void> {
		await running(dovecot, 'Dovecot').deliver(buildMime(mail), /<([^>]+)>/.exec(mail.from)?.[1] ?? mail.from);
	}

	/** How often n8n's log says the example's trigger went live: 1.x and 2.x each log it their own way. */
	function activations(): number {
		return (readFileSync(logFile(), 'utf8').match(TRIGGER_LIVE) ?? []).length;
	}

	/**
	 * Mails the trigger fetched, by its own count. More than were delivered means a mail was fetched
	 * twice (1.x runs a fetch per arrival, overlapping ones included), possibly in two executions at
	 * once: the example's Claim Mail (one atomic insert into mail_seen) is what keeps such a mail from
	 * being read again.
	 */
	function fetchedMails(): number {
		return [...readFileSync(logFile(), 'utf8').matchAll(/Process (\d+) new emails/g)].reduce((sum, match) => sum + Number(match[1]), 0);
	}

	/**
	 * Starts n8n and waits until the trigger has the INBOX open. Only then is a delivery an arrival:
	 * 2.x fetches on arrivals (and on a restart once it has read mail before), so mail delivered
	 * while it connects for the first time waits for the next arrival.
	 */
	async function startN8n(): Promise<void> {
		const before = existsSync(logFile()) ? activations() : 0;
		editor = await startEditor(running(n8n, 'n8n'), {
			port: await freePort(),
			stdio: { file: logFile() },
			group: true,
			timeoutMs: 180_000,
		});
		await waitFor('the Email Trigger (IMAP)', 120_000, async () => activations() > before);
	}

	/** Executions of the example n8n has not finished: a second read of a mail could still be on its way. */
	async function unfinishedExecutions(): Promise<number> {
		const [[count]] = await running(postgres, 'PostgreSQL').query(
			n8nDatabase,
			`SELECT count(*) FROM execution_entity WHERE "workflowId" = '${EXAMPLE_ID}' AND status IN ('new', 'running', 'waiting')`,
		);
		return Number(count);
	}

	/** Waits until the tables hold as many rows as expected and no execution is left (then the caller checks the rows). */
	async function rowsReach(customerCount: number, reviewCount: number): Promise<void> {
		await waitFor(`${customerCount} customers and ${reviewCount} review rows`, PROCESSING_TIMEOUT_MS, async () => {
			const [c, r] = [await customers(), await reviews()];
			return c.length >= customerCount && r.length >= reviewCount && (await unfinishedExecutions()) === 0;
		});
	}

	/** The rows `delivered` must have left: one per attachment, each naming its attachment, or one per mail without. */
	function expectRowsOf(delivered: CardMail[], customerRows: CustomerRow[], reviewRows: ReviewRow[]): void {
		const expectedCustomers: CustomerRow[] = [];
		const expectedReviews: Array<Omit<ReviewRow, 'reason'> & { reason: RegExp | string }> = [];
		for (const mail of delivered) {
			const sender = /<([^>]+)>/.exec(mail.from)?.[1] ?? '';
			if (mail.attachments.length === 0) {
				const row = { messageId: `<${mail.messageId}>`, attachment: '(none)', fileName: '', reason: 'no_attachment' };
				expectedReviews.push({ ...row, name: '', last4: '', timesSeen: 1 });
			}
			mail.attachments.forEach((attachment: CardMailAttachment, index) => {
				const where = { messageId: `<${mail.messageId}>`, attachment: `attachment_${index}`, fileName: attachment.fileName };
				const { expected } = attachment;
				if (expected.table === 'customers') {
					expectedCustomers.push({ name: expected.name, last4: expected.last4, email: sender, ...where, timesRead: 1 });
				} else {
					expectedReviews.push({ ...where, reason: expected.reason, name: expected.name ?? '', last4: expected.last4 ?? '', timesSeen: 1 });
				}
			});
		}
		expect(customerRows).toEqual(expectedCustomers.sort(byKey((row) => row.name)));
		expect(reviewRows).toHaveLength(expectedReviews.length);
		const sortedExpected = expectedReviews.sort(byKey(reviewKey));
		reviewRows.forEach((row, index) => {
			const expected = sortedExpected[index];
			// What the engine makes of the invoice (which fields, which reasons) is its own: only where it lands is fixed.
			const isInvoice = expected.fileName.endsWith('.pdf');
			expect({ ...row, reason: '', ...(isInvoice ? { name: '', last4: '' } : {}) }).toEqual({ ...expected, reason: '' });
			expect(row.reason).toMatch(expected.reason);
		});
	}

	/** Runs a step and remembers a failure, so afterAll shows n8n's log only when it can explain one. */
	async function noting<T>(step: () => Promise<T>): Promise<T> {
		try {
			return await step();
		} catch (error) {
			failed = true;
			throw error;
		}
	}

	beforeAll(
		async () =>
			await noting(async () => {
				const pg = running(postgres, 'PostgreSQL');
				dovecot = await startDovecot();
				await pg.createDatabase(crm);
				await pg.createDatabase(n8nDatabase);
				await pg.query(crm, exampleSchema());
				n8n = new N8nInstance(ensureN8n(major), {
					DB_TYPE: 'postgresdb',
					DB_POSTGRESDB_HOST: pg.host,
					DB_POSTGRESDB_PORT: String(pg.port),
					DB_POSTGRESDB_DATABASE: n8nDatabase,
					DB_POSTGRESDB_USER: pg.user,
					DB_POSTGRESDB_PASSWORD: '',
					// The most n8n says about a run: if a number slipped into a log line, it would be here.
					N8N_LOG_LEVEL: 'debug',
					N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
				});
				await n8n.installPackage(tarball);
				await n8n.importJson('credentials', [
					clovaCredential(LOCAL_CREDENTIAL, running(ocrServer, 'the local server').url, SECRET),
					imapCredential(dovecot),
					postgresCredential(pg, crm),
				]);
				await n8n.importJson('workflow', [exampleWorkflow(EXAMPLE)]);
				await n8n.activate(EXAMPLE_ID);
			}),
		900_000,
	);

	afterAll(async () => {
		await editor?.stop();
		if (failed && n8n) {
			const log = readFileSync(logFile(), 'utf8')
				.split('\n')
				.filter((line) => !/^\s*$|\bdebug\b.*(Polling|Pruning|heartbeat)/i.test(line));
			console.log(`[mail] n8n ${version} log, last lines:\n${log.slice(-120).join('\n')}`);
		}
		await dovecot?.stop();
		n8n?.dispose();
	}, 120_000);

	test(
		'mails waiting before n8n starts and mails arriving while it runs: every card once, the rest in review, every mail marked read',
		async () =>
			await noting(async () => {
				const all = mails();
				for (const mail of all.slice(0, DELIVERED_BEFORE_START)) await deliver(mail);
				await startN8n();
				const backlogRows = (await customers()).length + (await reviews()).length;
				const arriving = Date.now();
				for (const mail of all.slice(DELIVERED_BEFORE_START)) await deliver(mail);
				const count = (table: 'customers' | 'card_review'): number =>
					all.reduce(
						(sum, mail) =>
							sum +
							(mail.attachments.length === 0
								? Number(table === 'card_review')
								: mail.attachments.filter((a) => a.expected.table === table).length),
						0,
					);
				await rowsReach(count('customers'), count('card_review'));
				console.log(
					`[mail] n8n ${version}: ${all.length} mails (${DELIVERED_BEFORE_START} waiting before the start, ${backlogRows} of their rows written once the trigger was live; the trigger fetched ${fetchedMails()}) in the tables ${((Date.now() - arriving) / 1000).toFixed(1)} s after the last deliveries began`,
				);

				const reviewRows = await reviews();
				console.log(
					`[mail] n8n ${version}: review rows\n${reviewRows.map((row) => `  ${row.messageId} ${row.attachment} ${row.fileName}: ${row.reason}`).join('\n')}`,
				);
				expectRowsOf(all, await customers(), reviewRows);
				// Every mail marked \Seen by the trigger (the Maildir keeps it as the S flag in the file name).
				const stored = running(dovecot, 'Dovecot').messages();
				expect(stored).toHaveLength(all.length);
				expect(stored.filter((message) => !message.flags.includes('S'))).toEqual([]);
			}),
		300_000,
	);

	test(
		'after a restart of n8n only the mail that arrived since is processed',
		async () =>
			await noting(async () => {
				await running(editor, 'n8n').stop();
				editor = undefined;
				await startN8n();
				const after = mailAfterRestart();
				await deliver(after);
				const all = [...mails(), after];
				const customerCount = all.reduce((sum, mail) => sum + mail.attachments.filter((a) => a.expected.table === 'customers').length, 0);
				await rowsReach(customerCount, 0);
				// A mail read twice would show as times_read or times_seen 2, or as a row too many.
				expectRowsOf(all, await customers(), await reviews());
				const stored = running(dovecot, 'Dovecot').messages();
				expect(stored).toHaveLength(all.length);
				expect(stored.filter((message) => !message.flags.includes('S'))).toEqual([]);
				const statuses = await running(postgres, 'PostgreSQL').query(
					n8nDatabase,
					`SELECT status, count(*) FROM execution_entity WHERE "workflowId" = '${EXAMPLE_ID}' GROUP BY status`,
				);
				expect(statuses.map(([status]) => status)).toEqual(['success']);
			}),
		300_000,
	);

	test('the example claims a mail with one atomic insert: of eight executions fetching it at once, one reads it', async () => {
		const claim = (exampleWorkflow(EXAMPLE).nodes as Array<{ name: string; parameters: { query?: string } }>).find(
			(node) => node.name === 'Claim Mail',
		)?.parameters.query;
		if (!claim?.includes('$1')) throw new Error(`${EXAMPLE} has no Claim Mail query taking the mail's id as $1`);
		const pg = running(postgres, 'PostgreSQL');
		// Every mail the earlier tests delivered was claimed once, under the id the CRM rows carry.
		const claimed = (await pg.query(crm, 'SELECT mail_id FROM mail_seen')).map(([id]) => id).sort();
		expect(claimed).toEqual([...mails(), mailAfterRestart()].map((mail) => `<${mail.messageId}>`).sort());
		const id = `<race-${major}@customers.test>`;
		const answers = await Promise.all(Array.from({ length: 8 }, async () => await pg.query(crm, claim.replace('$1', `'${id}'`))));
		// psql prints each statement's tag after its rows: one insert went in, seven found the id taken.
		const rows = answers.flat().map((row) => row.join('\t'));
		expect(rows.filter((row) => row === id)).toHaveLength(1);
		expect(rows.filter((row) => row === 'INSERT 0 0')).toHaveLength(7);
	});

	test('no full card number in any table (the CRM and n8n’s own database) or in n8n’s log', async () => {
		const pg = running(postgres, 'PostgreSQL');
		const bin = running(postgresBinDir(), 'PostgreSQL binaries');
		const dump = (database: string): string =>
			execFileSync(join(bin, 'pg_dump'), ['-h', pg.host, '-p', String(pg.port), '-U', pg.user, '--data-only', database], {
				encoding: 'utf8',
				maxBuffer: 256 * 1024 * 1024,
				// Its warnings about n8n's circular foreign keys concern restoring, not reading.
				stdio: ['ignore', 'pipe', 'pipe'],
			});
		const places: Record<string, string> = {
			[`database ${crm}`]: dump(crm),
			[`database ${n8nDatabase}`]: dump(n8nDatabase),
			'n8n log': readFileSync(logFile(), 'utf8'),
		};
		const numbers = [...mails(), mailAfterRestart()].flatMap((mail) =>
			mail.attachments.flatMap((a) => (a.fullNumber ? [a.fullNumber] : [])),
		);
		expect(numbers).toHaveLength(7);
		// The dumps hold the rows the earlier tests checked: an empty dump would pass for the wrong reason.
		expect(places[`database ${crm}`]).toContain('DAVID GARCIA');
		expect(places[`database ${n8nDatabase}`]).toContain('DAVID GARCIA');
		const found = Object.entries(places).flatMap(([place, text]) =>
			numbers.flatMap((number) =>
				numberForms(number)
					.filter((form) => text.includes(form))
					.map((form) => `${form.slice(-4)} in ${place}`),
			),
		);
		expect(found).toEqual([]);
	});

	test(`runs on n8n ${version}`, () => expect(n8n?.runtime.version).toBe(version));
});
