import { BlockList, isIP } from 'net';

/**
 * Addresses of this machine and of private networks: an AI Agent's tool must not be steered at
 * them (n8n's own webhooks on localhost, a router, a cloud metadata service on 169.254.169.254).
 * BlockList also matches IPv4-mapped IPv6 (`[::ffff:127.0.0.1]`) against the IPv4 subnets.
 */
const LOCAL_ADDRESSES = (() => {
	const list = new BlockList();
	for (const [network, prefix] of [
		['0.0.0.0', 8],
		['10.0.0.0', 8],
		['127.0.0.0', 8],
		['169.254.0.0', 16],
		['172.16.0.0', 12],
		['192.168.0.0', 16],
	] as const) {
		list.addSubnet(network, prefix, 'ipv4');
	}
	list.addAddress('::', 'ipv6');
	list.addAddress('::1', 'ipv6');
	list.addSubnet('fc00::', 7, 'ipv6');
	list.addSubnet('fe80::', 10, 'ipv6');
	return list;
})();

/**
 * Whether a URL's parsed hostname (IPv6 in brackets; the parser has already turned `0x7f.1`,
 * `2130706433` and `127.1` into 127.0.0.1) is this machine or a private or link-local address
 * literal, or a `localhost` name. Host names that DNS resolves to such an address are not seen here.
 */
export function isLocalAddressHost(hostname: string): boolean {
	const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
	if (/(^|\.)localhost\.?$/.test(host)) return true;
	const version = isIP(host);
	if (version === 0) return false;
	return LOCAL_ADDRESSES.check(host, version === 6 ? 'ipv6' : 'ipv4');
}
