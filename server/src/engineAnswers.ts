/**
 * The one place where engine outcomes become CLOVA answers. The engine speaks of cards, unreadable
 * images and faults; the protocol of inferResult and error codes. Nothing else translates.
 *
 *   engine outcome  ->  CLOVA answer
 *   card            ->  200, inferResult SUCCESS
 *   noCard          ->  200, inferResult FAILURE
 *   unreadable      ->  200, inferResult ERROR (as the docs' failure sample)
 *   badInput        ->  400, code 0011 (e.g. a second page)
 *   busy            ->  400, code 0025 (clients back off and retry)
 *   fault           ->  500, code 0501 (the engine's message stays in the server)
 */
import type { CardEngine } from './engine/cardRecognizer';
import type { EngineOutcome } from './engine/types';
import type { Admission, CreditCardRequest, RecognitionOutcome, Recognizer } from './protocol';

export function clovaOutcome(outcome: EngineOutcome): RecognitionOutcome {
	switch (outcome.kind) {
		case 'card':
			return { kind: 'success', width: outcome.width, height: outcome.height, fields: outcome.fields };
		case 'noCard':
			return { kind: 'failure', message: outcome.message, width: outcome.width, height: outcome.height };
		case 'unreadable':
			return { kind: 'error', message: outcome.message };
		case 'badInput':
			return { kind: 'invalid', message: outcome.message };
		case 'busy':
			return { kind: 'serviceError', code: '0025' };
		case 'fault':
			// The cause (a stack, a worker's exit) is no business of the client's: CLOVA's own message goes out.
			return { kind: 'serviceError', code: '0501' };
	}
}

function imageOf(request: CreditCardRequest) {
	return { data: request.image.data, family: request.image.family };
}

/** The engine as the request listener sees it: a recognizer and a queue to be admitted to. */
export function clovaRecognition(engine: Pick<CardEngine, 'recognize' | 'admit'>): {
	recognize: Recognizer;
	admit: () => Admission | undefined;
} {
	return {
		recognize: async (request) => clovaOutcome(await engine.recognize(imageOf(request))),
		admit: () => {
			const admission = engine.admit();
			if (!admission) return undefined;
			return {
				recognize: async (request) => clovaOutcome(await admission.recognize(imageOf(request))),
				release: () => admission.release(),
			};
		},
	};
}
