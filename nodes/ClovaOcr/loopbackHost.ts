/**
 * The hosts that count as this machine, where plain http:// cannot be overheard: the node sends
 * the secret and the card image over http:// only to these. The local server keeps an identical
 * copy (server/src/protocol/loopbackHost.ts); test/clovaRules.test.ts fails when they differ.
 *
 * Only names answered without asking DNS: `localhost`, a 127.0.0.0/8 dotted quad, and ::1.
 * Other spellings of loopback (`localhost.`, `app.localhost`, `127.1`) count as remote, because
 * some resolvers send them to the network; refusing them only costs the user typing 127.0.0.1.
 */

/** One decimal octet 0-255 without leading zeros (`01` is octal to some parsers). */
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';

/**
 * A loopback host, unanchored, for building larger patterns such as the credentials test's
 * check of an http:// URL. Written without `{n}` quantifiers so it can sit inside an n8n
 * `{{ }}` expression.
 */
export const LOOPBACK_HOST_PATTERN = `(?:localhost|127\\.${OCTET}\\.${OCTET}\\.${OCTET}|::1|\\[::1\\])`;

const LOOPBACK_HOST = new RegExp(`^${LOOPBACK_HOST_PATTERN}$`, 'i');

/** `host` as a URL's hostname gives it (IPv6 in brackets) or as an address to listen on. */
export function isLoopbackHost(host: string): boolean {
	return LOOPBACK_HOST.test(host);
}
