import type * as z from 'zod/mini';
import { PrmError, type FieldError } from './errors.js';
import { englishMessages, isMessageKey, type MessageKey, type PrmMessages } from './messages.js';

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; error: PrmError };

export interface ValidateOptions {
  /** Translations of any subset of the messages; English fills the rest. */
  messages?: Partial<PrmMessages>;
}

type Issue = z.core.$ZodIssue;

/**
 * Checks input against a core schema. Never throws: a rejection is a `validation`
 * `PrmError` with one localized message per field path, ready for a form.
 */
export function validate<S extends z.core.$ZodType>(
  schema: S,
  input: unknown,
  options: ValidateOptions = {},
): ValidationResult<z.output<S>> {
  const messages = { ...englishMessages, ...options.messages };
  let result: z.core.util.SafeParseResult<z.output<S>>;
  try {
    result = (schema as unknown as z.ZodMiniType<z.output<S>>).safeParse(input);
  } catch (cause) {
    // Input that throws when read (a getter, a revoked Proxy) is invalid, not a crash.
    const message = messages.invalid({});
    return {
      ok: false,
      error: new PrmError('validation', message, { fields: [{ path: '', message }], cause }),
    };
  }
  if (result.success) return { ok: true, value: result.data };
  const fields = result.error.issues.map((issue) => toFieldError(issue, input, messages));
  const summary =
    fields.length === 1 && fields[0]
      ? `${fields[0].path || 'Input'}: ${fields[0].message}`
      : `${fields.length} fields need attention.`;
  return { ok: false, error: new PrmError('validation', summary, { fields }) };
}

/** Like `validate`, but returns the value or throws the `validation` `PrmError`. */
export function parse<S extends z.core.$ZodType>(
  schema: S,
  input: unknown,
  options?: ValidateOptions,
): z.output<S> {
  const result = validate(schema, input, options);
  if (!result.ok) throw result.error;
  return result.value;
}

function toFieldError(issue: Issue, input: unknown, messages: PrmMessages): FieldError {
  const path = issue.path.map(String).join('.');
  const key = messageKeyFor(issue, input);
  const message = messages[key]({
    minimum: 'minimum' in issue ? issue.minimum : undefined,
    maximum: 'maximum' in issue ? issue.maximum : undefined,
    options: issue.code === 'invalid_value' ? issue.values.map(String) : undefined,
    expected: issue.code === 'invalid_type' ? issue.expected : undefined,
    keys: issue.code === 'unrecognized_keys' ? issue.keys : undefined,
  });
  return { path, message };
}

function messageKeyFor(issue: Issue, input: unknown): MessageKey {
  // A missing field is required, whatever the schema expected there or tagged its checks with.
  if (ABSENT_CODES.has(issue.code) && valueAt(input, issue.path) === undefined) return 'required';
  // A schema tagged this check with one of our messages.
  if (isMessageKey(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? 'wholeNumber' : 'wrongType';
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) === 1 ? 'required' : 'tooShort';
      if (issue.origin === 'array' || issue.origin === 'set') return 'tooFewItems';
      return 'tooSmall';
    case 'too_big':
      if (issue.origin === 'string') return 'tooLong';
      if (issue.origin === 'array' || issue.origin === 'set') return 'tooManyItems';
      return 'tooBig';
    case 'invalid_format':
      return formatKeys[issue.format] ?? 'invalidFormat';
    case 'invalid_value':
      return 'oneOf';
    case 'unrecognized_keys':
      return 'unknownKeys';
    default:
      return 'invalid';
  }
}

/** Issue codes that, for an absent value, mean the field is missing (enums report `invalid_value`). */
const ABSENT_CODES: ReadonlySet<string> = new Set([
  'invalid_type',
  'invalid_value',
  'invalid_union',
]);

const formatKeys: Partial<Record<string, MessageKey>> = {
  email: 'email',
  url: 'webUrl',
  date: 'date',
  datetime: 'dateTime',
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}
