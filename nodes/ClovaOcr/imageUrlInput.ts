import type { IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ImageSource } from './binaryInput';
import { readCappedBody } from './cappedBody';
import type { CallDeadline } from './callDeadline';
import { startDeadline } from './callDeadline';
import type { PeerResponse } from './httpPeer';
import { CONNECTION_FAILURE_WORDS, declaredLength, discardBody, headerText, redirectHost, systemErrorOf } from './httpPeer';
import { isSendableInvokeUrl } from './invokeUrl';
import { ItemFailure } from './itemFailure';
import { SNIFF_BYTES } from './imageFormat';
import { isLocalAddressHost } from './localAddress';
import { isLoopbackHost } from './loopbackHost';
import { serviceText } from './serviceText';

/**
 * The most the node downloads from an Image URL. The local server takes request bodies up to
 * 20 MB, and a card photo is a fraction of that; the limit is counted while the bytes arrive, so
 * a URL that streams without end costs 20 MB at most.
 */
export const MAX_URL_IMAGE_BYTES = 20 * 1024 * 1024;

/** The error code of an item whose Image URL could not be downloaded (as opposed to a URL refused before any request). */
export const IMAGE_DOWNLOAD_FAILED = 'IMAGE_DOWNLOAD_FAILED';

const URL_FIX =
	'Give the https:// address of the card image (plain http:// only for this machine: localhost, 127.x.x.x, [::1]). As an AI Agent tool, the model fills it through $fromAI.';

const TOOL_URL_FIX =
	'As an AI Agent tool the node downloads only from public https:// addresses, so a model cannot make n8n call this machine or the local network. To allow such addresses, turn on Options > Allow Local Addresses.';

/** At most this much of a URL or of a part of it is quoted in a message, an output field or a name. */
export const SHOWN_URL_CHARS = 200;

/** Text from a URL as messages and outputs may show it: card-number-like digit runs masked, control characters dropped, capped. */
function shownText(text: string): string {
	return serviceText(text, '', SHOWN_URL_CHARS) ?? '';
}

/** The URL as messages and outputs show it: without query string or fragment (they may carry access tokens), masked and capped. */
export function displayUrl(url: URL): string {
	return shownText(`${url.protocol}//${url.host}${url.pathname}`);
}

/** Who may point the node at an address: a person who typed it, or an AI model filling it as a tool. */
export interface UrlPolicy {
	/** Run as an AI Agent tool without Allow Local Addresses: only public https:// addresses. */
	publicHttpsOnly: boolean;
}

/**
 * The Image URL checked before any request: the Invoke URL's rule on the URL as typed (https, or
 * http only to a loopback host written exactly, no user-info), no user name or password, and as a
 * tool only https to a host that is not this machine or a private address.
 */
export function imageUrlOf(ctx: IExecuteFunctions, raw: string, itemIndex: number, policy: UrlPolicy): URL {
	const refuse = (message: string, description = URL_FIX) => new NodeOperationError(ctx.getNode(), message, { itemIndex, description });
	if (raw === '') throw refuse(`Item ${itemIndex} has no Image URL`);
	let url: URL | undefined;
	try {
		url = new URL(raw);
	} catch {
		url = undefined;
	}
	if (!url) throw refuse(`The Image URL of item ${itemIndex} is not a valid URL`);
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw refuse(`The Image URL of item ${itemIndex} must start with https:// (got "${shownText(url.protocol)}")`);
	}
	if (url.username !== '' || url.password !== '') {
		throw refuse(`The Image URL of item ${itemIndex} must not contain a user name or password`);
	}
	if (policy.publicHttpsOnly && url.protocol !== 'https:') {
		throw refuse(`The Image URL of item ${itemIndex} must start with https:// when the node runs as an AI Agent tool`, TOOL_URL_FIX);
	}
	const plainHttpFix =
		'A card image would travel unencrypted. Use its https:// address; plain http:// is only accepted for this machine, written as http://127.0.0.1:PORT, http://localhost:PORT or http://[::1]:PORT.';
	if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
		throw refuse(`The Image URL of item ${itemIndex} uses plain http:// for the remote host "${shownText(url.hostname)}"`, plainHttpFix);
	}
	// The Invoke URL's rule on the text as typed: `http://127.1`, `http://0x7f.1` are loopback only once a parser normalised them.
	if (!isSendableInvokeUrl(raw)) {
		throw refuse(
			url.protocol === 'http:'
				? `The Image URL of item ${itemIndex} uses plain http:// in a form only a local address written exactly may use`
				: `The Image URL of item ${itemIndex} must start with https:// followed by the host`,
			url.protocol === 'http:' ? plainHttpFix : URL_FIX,
		);
	}
	if (policy.publicHttpsOnly && isLocalAddressHost(url.hostname)) {
		throw refuse(
			`The Image URL of item ${itemIndex} points at this machine or a private network address ("${shownText(url.hostname)}")`,
			TOOL_URL_FIX,
		);
	}
	return url;
}

/** Why a download failed: `peer` when the image host (or the way to it) failed, `input` when what it sent cannot be used. */
class DownloadProblem extends Error {
	constructor(
		message: string,
		readonly description: string,
		readonly code: string,
		readonly blame: 'peer' | 'input' = 'peer',
		readonly httpStatus?: number,
	) {
		super(message);
	}
}

function fileNameOf(url: URL): string | undefined {
	let last = url.pathname.split('/').pop() ?? '';
	try {
		last = decodeURIComponent(last);
	} catch {
		// a broken %-escape: keep the name as written
	}
	return last === '' ? undefined : shownText(last);
}

function stoppedProblem(deadline: CallDeadline, shown: string, timeoutMs: number): DownloadProblem {
	return deadline.stopReason() === 'cancelled'
		? new DownloadProblem(`The download of ${shown} was stopped: the execution was cancelled`, 'Run the item again.', 'CANCELLED')
		: new DownloadProblem(
				`The image at ${shown} did not download within ${timeoutMs / 1000} s`,
				'Check that the address answers quickly, or raise Options > Timeout.',
				'TIMEOUT',
			);
}

function tooLarge(shown: string, declared?: number): DownloadProblem {
	const limitMb = MAX_URL_IMAGE_BYTES / 1024 / 1024;
	return new DownloadProblem(
		declared === undefined
			? `The image at ${shown} is larger than ${limitMb} MB`
			: `The image at ${shown} is ${(declared / 1024 / 1024).toFixed(1)} MB, over the ${limitMb} MB the node downloads`,
		'The download was stopped there. Give a smaller image (a card photo of 2000 px width is well under 5 MB).',
		'TOO_LARGE',
		'input',
	);
}

function statusProblem(response: PeerResponse, url: URL, shown: string): DownloadProblem {
	const status = response.statusCode;
	if (status < 300 || status >= 400) {
		return new DownloadProblem(
			`The image at ${shown} answered HTTP ${status}`,
			'Check that the address is right and publicly readable.',
			`HTTP_${status}`,
			'peer',
			status,
		);
	}
	// A broken Location: the message names no target.
	const host = redirectHost(response, url);
	return new DownloadProblem(
		`The image at ${shown} answered with a redirect (HTTP ${status})${host === undefined ? '' : ` to ${shownText(host)}`}`,
		'The node does not follow redirects, since their target was never checked. Give the final address of the image.',
		`HTTP_${status}`,
		'peer',
		status,
	);
}

/** A connection failure in words: NodeApiError swaps a message holding ECONNRESET & co for a generic one. */
function networkWords(error: unknown): { code: string; words: string } {
	const code = systemErrorOf(error).code || 'NETWORK';
	return { code, words: CONNECTION_FAILURE_WORDS[code] ?? 'network error' };
}

async function fetchImage(ctx: IExecuteFunctions, url: URL, timeoutMs: number, deadline: CallDeadline): Promise<ImageSource> {
	const shown = displayUrl(url);
	let response: PeerResponse | undefined;
	let requestError: unknown;
	try {
		response = (await ctx.helpers.httpRequest({
			method: 'GET',
			url: url.href,
			encoding: 'stream',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			// The URL was checked, a redirect target would not be.
			disableFollowRedirect: true,
			timeout: timeoutMs,
			abortSignal: deadline.signal,
			headers: { Accept: 'image/jpeg, image/png, application/pdf, image/tiff;q=0.9, */*;q=0.1' },
		})) as PeerResponse;
	} catch (error) {
		requestError = error;
	}
	if (!response) {
		if (deadline.stopReason()) throw stoppedProblem(deadline, shown, timeoutMs);
		const { code, words } = networkWords(requestError);
		throw new DownloadProblem(
			`The image at ${shown} could not be downloaded (${words})`,
			'Check that the address is right and reachable from the n8n server.',
			code,
		);
	}
	if (response.statusCode < 200 || response.statusCode > 299) {
		discardBody(response);
		throw statusProblem(response, url, shown);
	}
	// One deadline for connecting, the headers and the whole body: a server trickling bytes cannot hold the item.
	const reading = await readCappedBody(response.body, MAX_URL_IMAGE_BYTES, deadline.signal, declaredLength(response.headers));
	if (reading.kind === 'tooLarge') throw tooLarge(shown, reading.declared);
	if (reading.kind === 'stopped') throw stoppedProblem(deadline, shown, timeoutMs);
	if (reading.kind === 'failed') {
		const { code, words } = networkWords(reading.error);
		throw new DownloadProblem(`The download of ${shown} broke off (${words})`, 'Run the item again.', code);
	}
	const bytes = reading.body;
	const fileName = fileNameOf(url);
	return {
		fileName,
		mimeType: headerText(response.headers, 'content-type'),
		fileExtension: fileName?.includes('.') ? fileName.split('.').pop() : undefined,
		size: bytes.length,
		head: bytes.subarray(0, SNIFF_BYTES),
		openStream: async () => bytes,
	};
}

/** The image behind an item's Image URL, downloaded whole (at most MAX_URL_IMAGE_BYTES) within the timeout. */
export async function downloadImage(ctx: IExecuteFunctions, url: URL, timeoutMs: number, itemIndex: number): Promise<ImageSource> {
	let image: ImageSource | undefined;
	let problem: unknown;
	const deadline = startDeadline(timeoutMs, ctx.getExecutionCancelSignal?.());
	try {
		image = await fetchImage(ctx, url, timeoutMs, deadline);
	} catch (error) {
		problem = error;
	} finally {
		deadline.dispose();
	}
	if (image && image.size > 0) return image;
	const shown = displayUrl(url);
	const failure =
		problem instanceof DownloadProblem
			? problem
			: problem === undefined
				? new DownloadProblem(
						`The image at ${shown} is empty`,
						'The address answered with no bytes. Check that it points at the image itself.',
						'EMPTY',
						'input',
					)
				: new DownloadProblem(`The image at ${shown} could not be downloaded`, 'Run the item again.', 'NETWORK');
	const message = `Item ${itemIndex}: ${failure.message}`;
	if (failure.blame === 'input') {
		throw new ItemFailure(new NodeOperationError(ctx.getNode(), message, { itemIndex, description: failure.description }), 'INVALID_INPUT');
	}
	// The image host failed: an API error as n8n shows HTTP failures, with the status where there was one.
	const httpCode = failure.httpStatus === undefined ? undefined : String(failure.httpStatus);
	// Not under a key NodeApiError reads as a status (code, errorCode...): it would swap the message for a generic one.
	const details: JsonObject = { message, failureCode: failure.code };
	if (httpCode !== undefined) details.httpCode = httpCode;
	const error = new NodeApiError(ctx.getNode(), details, { itemIndex, message, description: failure.description, httpCode });
	throw new ItemFailure(error, IMAGE_DOWNLOAD_FAILED);
}
