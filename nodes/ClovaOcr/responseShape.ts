import type { ClovaResponse } from './clovaTypes';

/**
 * Checks a parsed success answer against the documented response shape before anything reads it:
 * every field may be missing, but one that is present must have its documented type, so a
 * service or proxy answering `message` as an object or `vertices` as a string fails the item with
 * a clear error instead of a TypeError deep in the mapping. Returns where the first problem is
 * (a path such as `images[0].creditCard.result.number.boundingPoly.vertices`), or undefined.
 */
export function responseShapeProblem(body: unknown): string | undefined {
	if (!isObject(body)) return 'the answer is not a JSON object';
	if (!Array.isArray(body.images)) return body.images === undefined ? 'images is missing' : 'images is not an array';
	if (body.images.length === 0) return 'images is empty';
	return (
		optional(body, 'version', 'string', '') ??
		optional(body, 'requestId', 'string', '') ??
		optional(body, 'timestamp', 'number', '') ??
		imageProblem(body.images[0], 'images[0]')
	);
}

/** The body as ClovaResponse, once responseShapeProblem found nothing. */
export function asClovaResponse(body: unknown): ClovaResponse {
	return body as ClovaResponse;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(path: string, key: string): string {
	return path === '' ? key : `${path}.${key}`;
}

function optional(parent: Json, key: string, type: 'string' | 'number' | 'object', path: string): string | undefined {
	const value = parent[key];
	if (value === undefined || value === null) return undefined;
	const ok =
		type === 'object' ? isObject(value) : type === 'number' ? typeof value === 'number' && Number.isFinite(value) : typeof value === type;
	return ok ? undefined : `${join(path, key)} is not ${type === 'object' ? 'an object' : `a ${type}`}`;
}

function imageProblem(image: unknown, path: string): string | undefined {
	if (!isObject(image)) return `${path} is not an object`;
	for (const key of ['uid', 'name', 'inferResult', 'message']) {
		const problem = optional(image, key, 'string', path);
		if (problem) return problem;
	}
	for (const key of ['validationResult', 'convertedImageInfo', 'creditCard']) {
		const problem = optional(image, key, 'object', path);
		if (problem) return problem;
	}
	const creditCard = image.creditCard as Json | undefined;
	const cardPath = join(path, 'creditCard');
	const resultProblem = creditCard && optional(creditCard, 'result', 'object', cardPath);
	if (resultProblem) return resultProblem;
	const result = creditCard?.result as Json | undefined;
	if (!result) return undefined;
	for (const key of ['name', 'number', 'validThru']) {
		const problem =
			optional(result, key, 'object', join(cardPath, 'result')) ?? fieldProblem(result[key], join(join(cardPath, 'result'), key));
		if (problem) return problem;
	}
	return undefined;
}

function fieldProblem(field: unknown, path: string): string | undefined {
	if (!isObject(field)) return undefined;
	const scalar =
		optional(field, 'text', 'string', path) ??
		optional(field, 'confidence', 'number', path) ??
		optional(field, 'confidenceScore', 'number', path) ??
		optional(field, 'boundingPoly', 'object', path);
	if (scalar) return scalar;
	const boundingPoly = polyProblem(field.boundingPoly, join(path, 'boundingPoly'));
	if (boundingPoly) return boundingPoly;
	const subs = field.subBoundingPolys;
	if (subs === undefined || subs === null) return undefined;
	if (!Array.isArray(subs)) return `${join(path, 'subBoundingPolys')} is not an array`;
	for (const [index, poly] of subs.entries()) {
		if (!isObject(poly)) return `${join(path, 'subBoundingPolys')}[${index}] is not an object`;
		const problem = polyProblem(poly, `${join(path, 'subBoundingPolys')}[${index}]`);
		if (problem) return problem;
	}
	return undefined;
}

function polyProblem(poly: unknown, path: string): string | undefined {
	if (!isObject(poly)) return undefined;
	const vertices = poly.vertices;
	if (vertices === undefined || vertices === null) return undefined;
	if (!Array.isArray(vertices)) return `${join(path, 'vertices')} is not an array`;
	for (const [index, vertex] of vertices.entries()) {
		const vertexPath = `${join(path, 'vertices')}[${index}]`;
		if (!isObject(vertex)) return `${vertexPath} is not an object`;
		const problem = optional(vertex, 'x', 'number', vertexPath) ?? optional(vertex, 'y', 'number', vertexPath);
		if (problem) return problem;
	}
	return undefined;
}
