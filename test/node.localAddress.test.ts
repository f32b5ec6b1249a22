import { isLocalAddressHost } from '../nodes/ClovaOcr/localAddress';

/** Where a tool's Image URL may not point: the edges of each private range, as a URL parser gives the host. */
describe('isLocalAddressHost', () => {
	const hostOf = (url: string) => new URL(url).hostname;

	test.each([
		'https://127.0.0.1/',
		'https://127.255.255.254/',
		'https://0x7f.1/',
		'https://0/',
		'https://10.0.0.0/',
		'https://10.255.255.255/',
		'https://172.16.0.0/',
		'https://172.31.255.255/',
		'https://192.168.0.1/',
		'https://169.254.0.1/',
		'https://localhost/',
		'https://LOCALHOST./',
		'https://a.b.localhost/',
		'https://[::1]/',
		'https://[::ffff:10.0.0.1]/',
		'https://[fc00::1]/',
		'https://[fdff:ffff::1]/',
		'https://[fe80::1]/',
		'https://[febf::1]/',
	])('%s is local', (url) => expect(isLocalAddressHost(hostOf(url))).toBe(true));

	test.each([
		'https://11.0.0.1/',
		'https://172.15.255.255/',
		'https://172.32.0.0/',
		'https://192.169.0.1/',
		'https://169.253.255.255/',
		'https://8.8.8.8/',
		'https://[2001:db8::1]/',
		'https://[fec0::1]/',
		'https://localhost.example.com/',
		'https://mylocalhost/',
		'https://card.example/',
	])('%s is not', (url) => expect(isLocalAddressHost(hostOf(url))).toBe(false));
});
