import { RequestValidationError } from '../errors/requestvalidationerror';
import { createCompletionWireFields, type CreateCompletionRequest } from './createcompletionrequest';

/** Throws a {@link RequestValidationError} naming the first field a server would certainly reject. */
export function validateCreateCompletionRequest(request: CreateCompletionRequest): void {
  if (request === null || typeof request !== 'object') throw new RequestValidationError('request', 'must be an object');
  if (typeof request.model !== 'string' || request.model.trim() === '') {
    throw new RequestValidationError('model', 'is required');
  }
  if (!isPrompt(request.prompt)) {
    throw new RequestValidationError('prompt', 'is required (a string, strings, token ids or token-id arrays)');
  }
  requireInteger(request, 'n', 1, Infinity);
  requireInteger(request, 'maxTokens', 0, Infinity);
  requireInteger(request, 'bestOf', 1, Infinity);
  if (request.logprobs !== null) requireInteger(request, 'logprobs', 0, 5);
  requireNumber(request, 'temperature', 0, 2);
  requireNumber(request, 'topP', 0, 1);
  requireNumber(request, 'presencePenalty', -2, 2);
  requireNumber(request, 'frequencyPenalty', -2, 2);
  validateExtraFields(request.extraFields);
}

function validateExtraFields(extraFields: unknown): void {
  if (extraFields === undefined) return;
  if (extraFields === null || typeof extraFields !== 'object' || Array.isArray(extraFields)) {
    throw new RequestValidationError('extraFields', 'must be an object of field names to values');
  }
  const owned = Object.keys(extraFields).find((name) => createCompletionWireFields.includes(name));
  if (owned !== undefined) throw new RequestValidationError('extraFields', `must not set "${owned}", which the request sets itself`);
}

function isPrompt(prompt: unknown): boolean {
  if (typeof prompt === 'string') return true;
  if (!Array.isArray(prompt)) return false;
  return prompt.every((item) =>
    typeof item === 'string' || typeof item === 'number' || (Array.isArray(item) && item.every((id) => typeof id === 'number')),
  );
}

type NumericField = 'n' | 'maxTokens' | 'bestOf' | 'logprobs' | 'temperature' | 'topP' | 'presencePenalty' | 'frequencyPenalty';

function requireNumber(request: CreateCompletionRequest, field: NumericField, min: number, max: number): void {
  const value = request[field];
  if (value === undefined) return;
  if (typeof value !== 'number' || Number.isNaN(value) || value < min || value > max) {
    const range = max === Infinity ? `>= ${min}` : `between ${min} and ${max}`;
    throw new RequestValidationError(field, `must be a number ${range} (got ${String(value)})`);
  }
}

function requireInteger(request: CreateCompletionRequest, field: NumericField, min: number, max: number): void {
  requireNumber(request, field, min, max);
  const value = request[field];
  if (value !== undefined && !Number.isInteger(value)) {
    throw new RequestValidationError(field, `must be an integer (got ${String(value)})`);
  }
}
