import type * as z from 'zod/mini';
import { isPrmError, type PrmErrorCode } from '../errors.js';
import { validate } from '../validation.js';

/** A broken promise of the contract, with what was expected and what came back. */
export class ConformanceFailure extends Error {
  override readonly name = 'ConformanceFailure';
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceFailure(message);
}

export function checkEqual<T>(actual: T, expected: T, what: string): void {
  if (!Object.is(actual, expected)) {
    throw new ConformanceFailure(
      `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
    );
  }
}

/** The value matches the core schema: what a component will rely on. */
export function checkSchema<S extends z.core.$ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const result = validate(schema, value);
  if (result.ok) return result.value;
  const fields = result.error.fields.map((f) => `${f.path || '(root)'}: ${f.message}`).join('; ');
  throw new ConformanceFailure(`${what} does not match the core schema — ${fields}`);
}

/**
 * The call rejects with a PrmError of `code` (one of `codes`), and, when `field` is given,
 * names that field path in `fields`.
 */
export async function checkRejects(
  call: () => Promise<unknown>,
  codes: PrmErrorCode | readonly PrmErrorCode[],
  what: string,
  field?: string,
): Promise<void> {
  const expected = typeof codes === 'string' ? [codes] : codes;
  let result: unknown;
  try {
    result = await call();
  } catch (error) {
    if (!isPrmError(error)) {
      throw new ConformanceFailure(
        `${what}: expected a PrmError (${expected.join(' or ')}), got ${describe(error)}`,
      );
    }
    check(
      expected.includes(error.code),
      `${what}: expected code ${expected.join(' or ')}, got "${error.code}" (${error.message})`,
    );
    if (field !== undefined) {
      check(
        error.fields.some((f) => f.path === field),
        `${what}: expected a field error on "${field}", got [${error.fields.map((f) => f.path).join(', ')}]`,
      );
    }
    return;
  }
  throw new ConformanceFailure(
    `${what}: expected a "${expected.join('" or "')}" error, but it resolved with ${describe(result)}`,
  );
}

function describe(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    return JSON.stringify(value)?.slice(0, 200) ?? String(value);
  } catch {
    return String(value);
  }
}
