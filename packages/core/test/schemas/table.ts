/**
 * Table-driven schema tests: a valid sample, and rows that break it one way each. Every row
 * asserts exactly which field paths are reported and with which human message.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as z from 'zod/mini';
import type { FieldError } from '../../src/errors.js';
import { englishMessages } from '../../src/messages.js';
import { validate } from '../../src/validation.js';

export const m = englishMessages;

/** Patch value that deletes the key. */
export const MISSING = Symbol('missing');

/** Dotted paths (`customer.contact.email`, `products.0.quantity`) to replacement values. */
export type Patch = Readonly<Record<string, unknown>>;

export interface InvalidRow {
  name: string;
  patch: Patch;
  /** Every field the rejection must report, in order. */
  fields: readonly FieldError[];
}

/** A row that breaks the sample in one place and expects that one field back. */
export const row = (name: string, patch: Patch, path: string, message: string): InvalidRow => ({
  name,
  patch,
  fields: [{ path, message }],
});

/** A copy of `sample` with `patch` applied. */
export function patched(sample: unknown, patch: Patch): unknown {
  const copy: unknown = structuredClone(sample);
  for (const [path, value] of Object.entries(patch)) {
    const keys = path.split('.');
    const last = keys.pop();
    let target = copy as Record<string, unknown>;
    for (const key of keys) target = target[key] as Record<string, unknown>;
    if (last === undefined) throw new Error(`empty patch path in ${JSON.stringify(patch)}`);
    if (value === MISSING) delete target[last];
    else target[last] = value;
  }
  return copy;
}

/** The fields `validate` reports for `input`; fails the test when `input` is accepted. */
export function rejectedFields(schema: z.core.$ZodType, input: unknown): readonly FieldError[] {
  const result = validate(schema, input);
  assert.equal(result.ok, false, 'expected the input to be rejected');
  if (result.ok) return [];
  assert.equal(result.error.code, 'validation');
  for (const field of result.error.fields) {
    assert.notEqual(field.message, 'Invalid input', `${field.path} has zod's generic message`);
  }
  return result.error.fields;
}

/**
 * One `describe` per schema: the sample passes unchanged (it is already normalised), and
 * every row is rejected with exactly its fields.
 */
export function schemaTable(
  name: string,
  schema: z.core.$ZodType,
  sample: unknown,
  rows: readonly InvalidRow[],
): void {
  describe(name, () => {
    it('accepts the valid sample unchanged', () => {
      const result = validate(schema, sample);
      assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.error.fields));
      assert.deepEqual(result.value, sample);
    });
    for (const invalid of rows) {
      it(`rejects ${invalid.name}`, () => {
        assert.deepEqual(rejectedFields(schema, patched(sample, invalid.patch)), invalid.fields);
      });
    }
  });
}
