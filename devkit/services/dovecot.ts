/**
 * A throwaway IMAP server for tests: Debian's Dovecot with a config of its own (no system service,
 * no /etc/dovecot), one user from a passwd-file, a Maildir in a temp folder, IMAP without TLS on a
 * free 127.0.0.1 port. Mail arrives through dovecot-lda, as a mail server's delivery agent hands it over.
 */
import { execFile, execFileSync, spawn } from 'child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { connect } from 'net';
import { tmpdir, userInfo } from 'os';
import { join } from 'path';

import { stopChild } from './childProcess';
import { freePort, waitFor } from './ports';

const DOVECOT = '/usr/sbin/dovecot';
const DOVECOT_LDA = '/usr/lib/dovecot/dovecot-lda';

/** One message of the Maildir: its file name and the IMAP flags Dovecot keeps in that name. */
export interface StoredMessage {
	file: string;
	/** Maildir flag letters: S is \Seen, R \Answered, F \Flagged, T \Deleted, D \Draft. */
	flags: string;
	/** Still in new/: no IMAP client has looked at the mailbox since it arrived. */
	isNew: boolean;
}

export interface RunningDovecot {
	host: '127.0.0.1';
	port: number;
	user: string;
	password: string;
	/** The user's INBOX as Dovecot keeps it on disk. */
	maildir: string;
	/** Hands a whole RFC 5322 message to dovecot-lda for the user's INBOX. */
	deliver(message: Buffer, envelopeSender: string): Promise<void>;
	/** The INBOX's messages, read from the Maildir's file names. */
	messages(): StoredMessage[];
	stop(): Promise<void>;
}

export function dovecotInstalled(): boolean {
	return existsSync(DOVECOT) && existsSync(DOVECOT_LDA);
}

interface MailOwner {
	uid: number;
	gid: number;
	name: string;
	group: string;
}

/**
 * Whom the mail processes run as. Run by a user, Dovecot runs rootless as that user. Run as root,
 * Dovecot refuses mail access as root, so the mailbox belongs to `nobody`.
 */
function mailOwner(): MailOwner {
	if (process.getuid?.() !== 0) {
		const { uid, gid, username } = userInfo();
		const group = execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim();
		return { uid, gid, name: username, group };
	}
	const uid = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim());
	const gid = Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).trim());
	return { uid, gid, name: 'nobody', group: execFileSync('id', ['-gn', 'nobody'], { encoding: 'utf8' }).trim() };
}

function configText(dir: string, port: number, owner: MailOwner, rootless: boolean): string {
	return [
		`base_dir = ${dir}/run`,
		`state_dir = ${dir}/state`,
		`log_path = ${dir}/dovecot.log`,
		'protocols = imap',
		'listen = 127.0.0.1',
		'ssl = no',
		// Plain passwords over loopback: the test's own user, on a server no one else can reach.
		'disable_plaintext_auth = no',
		'auth_mechanisms = plain login',
		`mail_location = maildir:${dir}/mail/%u`,
		`first_valid_uid = ${owner.uid}`,
		`first_valid_gid = ${owner.gid}`,
		...(rootless
			? [`default_internal_user = ${owner.name}`, `default_internal_group = ${owner.group}`, `default_login_user = ${owner.name}`]
			: []),
		'passdb {',
		'  driver = passwd-file',
		`  args = scheme=PLAIN username_format=%u ${dir}/passwd`,
		'}',
		'userdb {',
		'  driver = passwd-file',
		`  args = username_format=%u ${dir}/passwd`,
		'}',
		// Rootless, the login and anvil processes cannot chroot (a root-only call).
		...(rootless ? ['service anvil {', '  chroot =', '}'] : []),
		'service imap-login {',
		...(rootless ? ['  chroot ='] : []),
		'  inet_listener imap {',
		'    address = 127.0.0.1',
		`    port = ${port}`,
		'  }',
		'  inet_listener imaps {',
		'    port = 0',
		'  }',
		'}',
		// Nothing the test does needs these, and their default ports may be taken.
		'service doveadm {',
		'  inet_listener {',
		'    port = 0',
		'  }',
		'}',
		'',
	].join('\n');
}

/** An IMAP server greets with "* OK" once it accepts connections. */
async function greets(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		const timer = setTimeout(() => {
			socket.destroy();
			resolve(false);
		}, 2_000);
		socket.once('data', (chunk: Buffer) => {
			clearTimeout(timer);
			socket.end('a LOGOUT\r\n');
			resolve(chunk.toString().startsWith('* OK'));
		});
		socket.once('error', () => {
			clearTimeout(timer);
			resolve(false);
		});
	});
}

/** `maildir/cur/<unique>:2,<flags>`; a file still in new/ carries no flags yet. */
function listMaildir(maildir: string): StoredMessage[] {
	const listed = (sub: 'new' | 'cur'): string[] => (existsSync(join(maildir, sub)) ? readdirSync(join(maildir, sub)) : []);
	return [
		...listed('new').map((file) => ({ file, flags: '', isNew: true })),
		...listed('cur').map((file) => ({ file, flags: /:2,([A-Za-z]*)$/.exec(file)?.[1] ?? '', isNew: false })),
	];
}

export async function startDovecot(user = 'cards', password = 'mail-test-9Kp'): Promise<RunningDovecot> {
	if (!dovecotInstalled()) throw new Error(`Dovecot not found (${DOVECOT}, ${DOVECOT_LDA}): apt-get install dovecot-imapd`);
	const rootless = process.getuid?.() !== 0;
	const owner = mailOwner();
	const dir = mkdtempSync(join(tmpdir(), 'clova-dovecot-'));
	// The mail processes (not root) walk into the folder to reach the Maildir.
	chmodSync(dir, 0o755);
	const maildir = join(dir, 'mail', user);
	mkdirSync(maildir, { recursive: true });
	if (!rootless) {
		chownSync(join(dir, 'mail'), owner.uid, owner.gid);
		chownSync(maildir, owner.uid, owner.gid);
	}
	const port = await freePort();
	const config = join(dir, 'dovecot.conf');
	writeFileSync(config, configText(dir, port, owner, rootless));
	writeFileSync(join(dir, 'passwd'), `${user}:{PLAIN}${password}:${owner.uid}:${owner.gid}::${maildir}::\n`);

	// -F: in the foreground, a child of the test, so stopping it cannot miss.
	const server = spawn(DOVECOT, ['-F', '-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
	let stderr = '';
	server.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-10_000)));
	const logTail = (): string => {
		const logFile = join(dir, 'dovecot.log');
		return `${stderr}${existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-6_000) : ''}`;
	};
	const stop = async (): Promise<void> => {
		await stopChild(server, { signal: 'SIGTERM', graceMs: 10_000 });
		rmSync(dir, { recursive: true, force: true });
	};
	try {
		await waitFor(
			'Dovecot',
			30_000,
			async () => await greets(port),
			() => (server.exitCode !== null ? `dovecot exited with ${server.exitCode}` : undefined),
		);
	} catch (error) {
		const log = logTail();
		await stop();
		throw new Error(`${(error as Error).message}\n${log}`);
	}

	const deliver = async (message: Buffer, envelopeSender: string): Promise<void> =>
		await new Promise((resolve, reject) => {
			const lda = execFile(
				DOVECOT_LDA,
				['-c', config, '-d', user, '-f', envelopeSender],
				{ timeout: 120_000, maxBuffer: 1024 * 1024 },
				(error, _stdout, ldaStderr) =>
					error ? reject(new Error(`dovecot-lda failed: ${ldaStderr || error.message}\n${logTail()}`)) : resolve(),
			);
			lda.stdin?.end(message);
		});

	return { host: '127.0.0.1', port, user, password, maildir, deliver, messages: () => listMaildir(maildir), stop };
}
