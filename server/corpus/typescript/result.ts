export type Result<T, E = Error> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

export function err<E>(error: E): Result<never, E> {
  return { ok: false, error };
}

export function map<T, U, E>(result: Result<T, E>, fn: (value: T) => U): Result<U, E> {
  return result.ok ? ok(fn(result.value)) : result;
}

export function andThen<T, U, E>(result: Result<T, E>, fn: (value: T) => Result<U, E>): Result<U, E> {
  return result.ok ? fn(result.value) : result;
}

export function unwrapOr<T, E>(result: Result<T, E>, fallback: T): T {
  return result.ok ? result.value : fallback;
}

export function tryCatch<T>(fn: () => T): Result<T> {
  try {
    return ok(fn());
  } catch (error) {
    return err(error instanceof Error ? error : new Error(String(error)));
  }
}

export async function tryAsync<T>(promise: Promise<T>): Promise<Result<T>> {
  try {
    return ok(await promise);
  } catch (error) {
    return err(error instanceof Error ? error : new Error(String(error)));
  }
}

export function collect<T, E>(results: readonly Result<T, E>[]): Result<T[], E> {
  const values: T[] = [];
  for (const result of results) {
    if (!result.ok) {
      return result;
    }
    values.push(result.value);
  }
  return ok(values);
}

export interface User {
  name: string;
  email: string;
  age: number;
}

export function parseUser(input: unknown): Result<User, string> {
  if (typeof input !== 'object' || input === null) {
    return err('expected an object');
  }
  const { name, email, age } = input as Record<string, unknown>;
  if (typeof name !== 'string' || name.length === 0) {
    return err('name must be a non-empty string');
  }
  if (typeof email !== 'string' || !email.includes('@')) {
    return err('email must contain @');
  }
  if (typeof age !== 'number' || !Number.isInteger(age) || age < 0) {
    return err('age must be a non-negative integer');
  }
  return ok({ name, email, age });
}

export function parseUsers(json: string): Result<User[], string> {
  const parsed = tryCatch(() => JSON.parse(json) as unknown);
  if (!parsed.ok) {
    return err(`invalid JSON: ${parsed.error.message}`);
  }
  if (!Array.isArray(parsed.value)) {
    return err('expected an array of users');
  }
  return collect(parsed.value.map(parseUser));
}
