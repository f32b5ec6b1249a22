/**
 * The node and the local server are separate packages, so each keeps its own copy of the CLOVA
 * rules they share. These tables pin both copies to the same answers (and to the contract in
 * shared/reference/clova-common.md): a change to one side alone fails here.
 */
import type { IDataObject, INode, INodeType, INodeTypes } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { ClovaOcrApi } from '../credentials/ClovaOcrApi.credentials';
import { ClovaOcr } from '../nodes/ClovaOcr/ClovaOcr.node';
import * as nodeErrors from '../nodes/ClovaOcr/clovaErrors';
import * as nodeFormats from '../nodes/ClovaOcr/imageFormat';
import { PLAIN_HTTP_REFUSED_URL, creditCardEndpoint } from '../nodes/ClovaOcr/invokeUrl';
import * as nodeLoopback from '../nodes/ClovaOcr/loopbackHost';
import * as serverErrors from '../server/src/protocol/errors';
import * as serverFormats from '../server/src/protocol/imageFormat';
import * as serverLoopback from '../server/src/protocol/loopbackHost';

describe('loopback hosts: plain http:// from the node, a listener without a secret on the server', () => {
	const HOSTS: Array<[string, boolean]> = [
		['127.0.0.1', true],
		['127.5.5.5', true],
		['127.255.255.255', true],
		['::1', true],
		['[::1]', true],
		['localhost', true],
		['LocalHost', true],
		// Names some resolvers send to the network: counted as remote.
		['LOCALHOST.', false],
		['app.localhost', false],
		['127.0.0.1.nip.io', false],
		['localhost.evil.com', false],
		['evil-localhost', false],
		['127.0.0.1.', false],
		// Every interface, not loopback.
		['0.0.0.0', false],
		['::', false],
		['[::]', false],
		// Loopback only in spellings a URL parser normalises first: counted as remote here.
		['127.1', false],
		['127.0.0.01', false],
		['0:0:0:0:0:0:0:1', false],
		['::ffff:127.0.0.1', false],
		['127.256.0.1', false],
		['127.0.0', false],
		['128.0.0.1', false],
		['10.0.0.1', false],
		['192.168.1.10', false],
		['abc.apigw.ntruss.com', false],
		['', false],
		[' localhost', false],
	];

	test.each(HOSTS)('%j is loopback: %s', (host, expected) => {
		expect({ node: nodeLoopback.isLoopbackHost(host), server: serverLoopback.isLoopbackHost(host) }).toEqual({
			node: expected,
			server: expected,
		});
	});

	test('both packages build the rule from the same pattern', () => {
		expect(nodeLoopback.LOOPBACK_HOST_PATTERN).toBe(serverLoopback.LOOPBACK_HOST_PATTERN);
	});

	describe('the credentials test agrees with the node on http:// URLs', () => {
		const nodeTypes = {
			getByName: () => new ClovaOcr() as INodeType,
			getByNameAndVersion: () => new ClovaOcr() as INodeType,
			getKnownTypes: () => ({}),
		} as unknown as INodeTypes;
		const node: INode = { id: 'rules', name: 'Rules', type: 'clovaOcr', typeVersion: 1, position: [0, 0], parameters: {} };
		const workflow = new Workflow({ id: 'rules', nodes: [node], connections: {}, active: false, nodeTypes });
		const expression = new ClovaOcrApi().test.request.url as string;

		/** The URL n8n's credentials tester would call, through n8n's own expression evaluator. */
		function credentialTestUrl(invokeUrl: string): string {
			return workflow.expression.getParameterValue(expression, null, 0, 0, node.name, [], 'internal', {
				$credentials: { invokeUrl, secretKey: 's' },
			} as unknown as IDataObject) as string;
		}

		/** What the node calls, or null when it refuses plain http to that host. */
		function nodeEndpoint(invokeUrl: string): string | null {
			const endpoint = creditCardEndpoint(invokeUrl);
			if (typeof endpoint === 'string') return endpoint;
			if (/plain http:\/\//.test(endpoint.message)) return null;
			throw new Error(endpoint.message);
		}

		/** Hosts a URL keeps as typed, so the node's parsed hostname and the test's raw text agree on them. */
		const urlHosts = HOSTS.filter(([host]) => {
			try {
				return new URL(`http://${host}:8866/`).hostname === host.toLowerCase();
			} catch {
				return false;
			}
		});

		test.each(urlHosts)('http://%s:8866/custom/v1/1/k is sent on: %s', (host, expected) => {
			const invokeUrl = `http://${host}:8866/custom/v1/1/k`;
			const viaNode = nodeEndpoint(invokeUrl);
			const viaTest = credentialTestUrl(invokeUrl);
			expect({ node: viaNode !== null, credentialsTest: viaTest !== PLAIN_HTTP_REFUSED_URL }).toEqual({
				node: expected,
				credentialsTest: expected,
			});
			if (viaNode !== null) expect(new URL(viaTest).href).toBe(new URL(viaNode).href);
		});

		test.each([
			['HTTP://LOCALHOST:8866/', true],
			['http://127.0.0.1', true],
			['http://[::1]:8866/document/credit-card/', true],
			['  http://localhost:8866/custom/v1/1/k/document/credit-card  ', true],
			['https://abc.apigw.ntruss.com/custom/v1/1/k/', true],
			// The authority ends at @: the host is evil.com, whatever comes before.
			['http://localhost:80@evil.com/', false],
			['http://localhost@evil.com/', false],
			['http://127.0.0.1:8866@evil.com/', false],
			// Parsers accept http: without slashes.
			['http:evil.com/custom', false],
			['http:/evil.com/custom', false],
		])('%j is sent on: %s', (invokeUrl, expected) => {
			const viaNode = nodeEndpoint(invokeUrl);
			const viaTest = credentialTestUrl(invokeUrl);
			expect({ node: viaNode !== null, credentialsTest: viaTest !== PLAIN_HTTP_REFUSED_URL }).toEqual({
				node: expected,
				credentialsTest: expected,
			});
			if (viaNode !== null) expect(new URL(viaTest).href).toBe(new URL(viaNode).href);
		});

		test('loopback spelled so only a URL parser sees it is refused by both: one rule, on the URL as typed', () => {
			for (const invokeUrl of [
				'http://127.1:8866',
				'http://127.0.0.01:8866',
				'http://[0:0:0:0:0:0:0:1]:8866',
				'\u0001http://127.0.0.1:8866',
			]) {
				expect(nodeEndpoint(invokeUrl)).toBeNull();
				expect(credentialTestUrl(invokeUrl)).toBe(PLAIN_HTTP_REFUSED_URL);
			}
		});
	});
});

describe('error codes and the HTTP status each travels with', () => {
	// shared/reference/clova-common.md, "Common error responses".
	const CODES: Array<[string, number]> = [
		['0001', 400],
		['0002', 401],
		['0011', 400],
		['0021', 400],
		['0022', 400],
		['0023', 400],
		['0025', 400],
		['0500', 500],
		['0501', 500],
		['1021', 500],
	];

	test('both packages know exactly the documented codes', () => {
		const documented = CODES.map(([code]) => code).sort();
		expect({ node: Object.keys(nodeErrors.CLOVA_ERRORS).sort(), server: Object.keys(serverErrors.CLOVA_ERRORS).sort() }).toEqual({
			node: documented,
			server: documented,
		});
	});

	test.each(CODES)('%s is HTTP %d', (code, status) => {
		const node = nodeErrors.CLOVA_ERRORS[code as nodeErrors.ClovaErrorCode];
		const server = serverErrors.CLOVA_ERRORS[code as serverErrors.ErrorCode];
		expect({ node: node?.httpStatus, server: server?.httpStatus }).toEqual({ node: status, server: status });
	});

	test('both packages read rate limiting from the same code (a 400, not a 429)', () => {
		expect({ node: nodeErrors.RATE_LIMIT_CODE, server: serverErrors.RATE_LIMIT_CODE }).toEqual({ node: '0025', server: '0025' });
	});

	test("the credentials test fails on the codes the node calls credential problems, with the node's words", () => {
		const rules = new ClovaOcrApi().test.rules ?? [];
		// The first rule fails an answer without a four-character code (not CLOVA): test/node.hostilePeers.test.ts.
		expect(rules[0].properties).toMatchObject({ key: 'code.3', value: undefined });
		expect(rules.slice(1).map((rule) => rule.properties)).toEqual(
			nodeErrors.CREDENTIAL_PROBLEM_CODES.map((code) => ({
				key: 'code',
				value: code,
				message: `${nodeErrors.CLOVA_ERRORS[code].message}. ${nodeErrors.CLOVA_ERRORS[code].fix}`,
			})),
		);
		expect([...nodeErrors.CREDENTIAL_PROBLEM_CODES].sort()).toEqual(['0001', '0002', '0022', '1021']);
	});
});

describe('image formats and their magic bytes', () => {
	const bytes = (...parts: Array<string | number[] | Buffer>): Buffer =>
		Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));

	const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF\0');
	const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d], 'IHDR');
	const PDF = bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
	const TIFF_LE = bytes('II*\0', [0x08, 0x00, 0x00, 0x00]);
	const TIFF_BE = bytes('MM\0*', [0x00, 0x00, 0x00, 0x08]);

	test('both packages accept the documented format names', () => {
		const documented = ['jpg', 'jpeg', 'png', 'pdf', 'tif', 'tiff'];
		expect({ node: [...nodeFormats.CLOVA_FORMATS], server: [...serverFormats.CLOVA_FORMATS] }).toEqual({
			node: documented,
			server: documented,
		});
	});

	test('both packages identify families by the same magic bytes', () => {
		expect(nodeFormats.FAMILY_MAGIC).toEqual(serverFormats.FAMILY_MAGIC);
	});

	test.each([
		['jpg', JPEG],
		['jpeg', bytes([0xff, 0xd8, 0xff, 0xe1], 'Exif\0\0')],
		['png', PNG],
		['pdf', PDF],
		['tif', TIFF_LE],
		['tiff', TIFF_BE],
	] as Array<[nodeFormats.ClovaFormat, Buffer]>)("a %s file is read as its format's family by both", (format, file) => {
		const family = nodeFormats.FAMILY_OF_FORMAT[format];
		expect({ node: nodeFormats.sniffImageFamily(file), server: serverFormats.sniffImageFamily(file) }).toEqual({
			node: family,
			server: family,
		});
	});

	test.each([
		['GIF87a', bytes('GIF87a', [0x01, 0x00, 0x01, 0x00])],
		['GIF89a', bytes('GIF89a', [0x01, 0x00, 0x01, 0x00])],
		['WebP', bytes('RIFF', [0x24, 0x00, 0x00, 0x00], 'WEBPVP8 ')],
		['BMP', bytes('BM', [0x3a, 0x00, 0x00, 0x00])],
		['HEIC', bytes([0x00, 0x00, 0x00, 0x18], 'ftypheic')],
		['ZIP', bytes([0x50, 0x4b, 0x03, 0x04])],
		['BigTIFF', bytes('II+\0', [0x08, 0x00])],
		['text', bytes('name,number\n')],
		['an empty file', Buffer.alloc(0)],
		['a PNG cut after 7 bytes', PNG.subarray(0, 7)],
		['a JPEG cut after 2 bytes', JPEG.subarray(0, 2)],
		['"%PDF" without the dash', bytes('%PDF1.7')],
		['a TIFF header one byte short', TIFF_LE.subarray(0, 3)],
		['JPEG bytes not at the start', bytes([0x00], JPEG)],
	])('%s is no format CLOVA reads, to both', (_label, file) => {
		expect({ node: nodeFormats.sniffImageFamily(file), server: serverFormats.sniffImageFamily(file) }).toEqual({
			node: null,
			server: null,
		});
	});
});
