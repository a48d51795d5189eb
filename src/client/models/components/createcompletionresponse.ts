import { completionChoiceFromWire, type CompletionChoice } from './completionchoice';
import { completionUsageFromWire, type CompletionUsage } from './completionusage';
import { isObject, optionalNumber, optionalString, ShapeMismatch } from './shape';

/** The body of a completion response (the seed's `create_completion_response`). */
export interface CreateCompletionResponse {
  id: string;
  object: string;
  created: number;
  model: string;
  systemFingerprint?: string;
  choices: CompletionChoice[];
  usage?: CompletionUsage;
}

/** One server-sent event of a streamed completion: the response shape with partial `text` per choice. */
export type CreateCompletionStreamChunk = CreateCompletionResponse;

/**
 * Maps a parsed wire body; throws {@link ShapeMismatch} when it has no `choices` array or a choice's
 * index is not below `choiceCount` (the request's `n`). Extra fields are ignored.
 */
export function createCompletionResponseFromWire(raw: unknown, choiceCount: number): CreateCompletionResponse {
  if (!isObject(raw)) throw new ShapeMismatch('the body is not a JSON object');
  if (!Array.isArray(raw.choices)) throw new ShapeMismatch('the body has no "choices" array');
  const response: CreateCompletionResponse = {
    id: optionalString(raw.id) ?? '',
    object: optionalString(raw.object) ?? 'text_completion',
    created: optionalNumber(raw.created) ?? 0,
    model: optionalString(raw.model) ?? '',
    choices: raw.choices.map((choice, position) => completionChoiceFromWire(choice, position, choiceCount)),
  };
  const systemFingerprint = optionalString(raw.system_fingerprint);
  if (systemFingerprint !== undefined) response.systemFingerprint = systemFingerprint;
  const usage = completionUsageFromWire(raw.usage);
  if (usage !== undefined) response.usage = usage;
  return response;
}
