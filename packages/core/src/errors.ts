/** The stable codes every adapter translates its platform's failures into. */
export const PRM_ERROR_CODES = [
  'validation',
  'not_found',
  'conflict',
  'version_conflict',
  'invalid_transition',
  'unauthorized',
  'forbidden',
  'rate_limited',
  'network',
  'timeout',
  'invalid_response',
  'server',
] as const;
export type PrmErrorCode = (typeof PRM_ERROR_CODES)[number];

/** A rejected field: dotted path into the input (`customer.domain`, `products.0.quantity`). */
export interface FieldError {
  path: string;
  message: string;
}

export interface PrmErrorOptions {
  fields?: readonly FieldError[];
  /** HTTP status, when the failure came over HTTP. */
  status?: number;
  /** Seconds to wait before retrying (`rate_limited`, some `server` errors). */
  retryAfter?: number;
  /** The record's current version, on `version_conflict`. */
  currentVersion?: number;
  cause?: unknown;
}

/** Codes a caller may retry without changing its request. */
const RETRYABLE: ReadonlySet<PrmErrorCode> = new Set([
  'network',
  'timeout',
  'rate_limited',
  'server',
]);

/**
 * The one error type of prm-kit. Every adapter method rejects with a `PrmError`; the
 * `code` is stable (switch on it), the `message` is for people.
 */
export class PrmError extends Error {
  override readonly name = 'PrmError';
  readonly code: PrmErrorCode;
  readonly fields: readonly FieldError[];
  readonly status: number | undefined;
  readonly retryAfter: number | undefined;
  readonly currentVersion: number | undefined;

  constructor(code: PrmErrorCode, message: string, options: PrmErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.fields = options.fields ?? [];
    this.status = options.status;
    this.retryAfter = options.retryAfter;
    this.currentVersion = options.currentVersion;
  }

  /** True when repeating the same request later may succeed. */
  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }

  /** The message for one field, if that field was rejected. */
  fieldMessage(path: string): string | undefined {
    return this.fields.find((field) => field.path === path)?.message;
  }

  toJSON() {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      fields: this.fields,
      ...(this.status === undefined ? {} : { status: this.status }),
      ...(this.retryAfter === undefined ? {} : { retryAfter: this.retryAfter }),
      ...(this.currentVersion === undefined ? {} : { currentVersion: this.currentVersion }),
    };
  }
}

/**
 * True for a `PrmError`, also one created by another copy of prm-kit on the page (widget
 * kits are often loaded twice), which `instanceof` would miss.
 */
export function isPrmError(value: unknown, code?: PrmErrorCode): value is PrmError {
  if (value instanceof PrmError) return code === undefined || value.code === code;
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { name?: unknown; code?: unknown };
  return (
    candidate.name === 'PrmError' &&
    (PRM_ERROR_CODES as readonly unknown[]).includes(candidate.code) &&
    (code === undefined || candidate.code === code)
  );
}
