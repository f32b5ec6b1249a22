/**
 * The IMAP and PostgreSQL credentials examples/mailbox-attachment-to-postgres.json names, as
 * `n8n import:credentials` reads them: importing them under these ids makes the example runnable as it is.
 */
import type { CredentialRef } from '../credentials';
import type { RunningPostgres } from '../services/postgres';
import type { RunningDovecot } from '../services/dovecot';

export const IMAP_CREDENTIAL: CredentialRef = { id: 'imapCardsInbox01', name: 'IMAP (card inbox)' };

export const POSTGRES_CREDENTIAL: CredentialRef = { id: 'postgresCrm00001', name: 'PostgreSQL (CRM)' };

export function imapCredential(mail: RunningDovecot): CredentialRef & { type: 'imap'; data: Record<string, unknown> } {
	return {
		...IMAP_CREDENTIAL,
		type: 'imap',
		// No TLS: the server listens on loopback only. A real mailbox takes secure: true and port 993.
		data: { user: mail.user, password: mail.password, host: mail.host, port: mail.port, secure: false, allowUnauthorizedCerts: false },
	};
}

export function postgresCredential(
	postgres: RunningPostgres,
	database: string,
): CredentialRef & { type: 'postgres'; data: Record<string, unknown> } {
	return {
		...POSTGRES_CREDENTIAL,
		type: 'postgres',
		data: {
			host: postgres.host,
			port: postgres.port,
			database,
			user: postgres.user,
			password: '',
			ssl: 'disable',
			allowUnauthorizedCerts: false,
		},
	};
}
