/**
 * Query strings of the REST contract. A query schema (a list query, or the small query of
 * routes such as `GET /programs/eligibility`) maps to URL parameters by one rule:
 *
 * - every top-level field is a parameter of the same name, except an object field (`filter`),
 *   whose fields are parameters in their own right: `?status=draft&partnerId=p1&limit=50`;
 * - an array repeats its parameter (`status=draft&status=submitted`); an empty array is
 *   omitted, which reads back as "no filter";
 * - booleans are `true` / `false`, numbers are decimal, strings are as given.
 *
 * Decoding follows the schema's shape, so the parameter types never have to be listed twice,
 * and validates with `validate()`: field paths of a rejection are paths into the query
 * object (`filter.status.0`, `limit`), exactly as a local adapter reports them; an unknown
 * parameter is rejected under its own name.
 */
import type * as z from 'zod/mini';
import { PrmError, type FieldError } from '../errors.js';
import { englishMessages } from '../messages.js';
import type { ResourceName } from '../schemas/activity.js';
import { listQueries, type ListQueries } from '../schemas/list.js';
import { validate, type ValidateOptions, type ValidationResult } from '../validation.js';

/** How a parameter's text becomes a value before validation. */
export type ParamKind = 'string' | 'number' | 'boolean';

/** One URL parameter of a query schema. */
export interface QueryParameter {
  /** The parameter name in the URL. */
  name: string;
  /** Where the value lives in the query object: `['filter', 'status']`, `['limit']`. */
  path: readonly [string] | readonly [string, string];
  /** The field's schema without its `optional` wrapper (for documentation). */
  schema: z.core.$ZodType;
  /** The parameter repeats, one value per array item. */
  array: boolean;
  kind: ParamKind;
  /** The query is invalid without it. */
  required: boolean;
}

interface Def {
  type: string;
  innerType?: z.core.$ZodType;
  element?: z.core.$ZodType;
}

const defOf = (schema: z.core.$ZodType): Def => schema._zod.def;

const WRAPPERS: ReadonlySet<string> = new Set([
  'optional',
  'nullable',
  'default',
  'prefault',
  'nonoptional',
  'readonly',
  'catch',
]);

/** The schema inside `optional`, `nullable`, `default` and similar wrappers. */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (let def = defOf(current); WRAPPERS.has(def.type) && def.innerType; def = defOf(current)) {
    current = def.innerType;
  }
  return current;
}

const isOptional = (schema: z.core.$ZodType): boolean => schema._zod.optin !== undefined;

function kindOf(schema: z.core.$ZodType): ParamKind {
  const type = defOf(unwrap(schema)).type;
  return type === 'number' || type === 'boolean' ? type : 'string';
}

const layouts = new WeakMap<z.core.$ZodType, readonly QueryParameter[]>();

/**
 * The URL parameters of a query schema, in the schema's field order (`filter` fields in
 * place of `filter`). Throws when two parameters would share a name.
 */
export function queryParameters(schema: z.core.$ZodObject): readonly QueryParameter[] {
  const cached = layouts.get(schema);
  if (cached) return cached;
  const parameters: QueryParameter[] = [];
  const add = (
    name: string,
    path: QueryParameter['path'],
    field: z.core.$ZodType,
    required: boolean,
  ) => {
    if (parameters.some((parameter) => parameter.name === name)) {
      throw new TypeError(`Query parameter "${name}" appears twice in one query schema.`);
    }
    const inner = unwrap(field);
    const def = defOf(inner);
    const array = def.type === 'array' && def.element !== undefined;
    const kind = kindOf(array && def.element ? def.element : inner);
    parameters.push({ name, path, schema: inner, array, kind, required });
  };
  for (const [key, field] of Object.entries(schema._zod.def.shape)) {
    const inner = unwrap(field);
    const required = !isOptional(field);
    if (defOf(inner).type === 'object') {
      const shape = (inner as z.core.$ZodObject)._zod.def.shape;
      for (const [name, nested] of Object.entries(shape)) {
        add(name, [key, name], nested, required && !isOptional(nested));
      }
    } else {
      add(key, [key], field, required);
    }
  }
  layouts.set(schema, parameters);
  return parameters;
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function toText(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

/**
 * Encodes a query object as URL parameters. Fields the schema does not know are left out,
 * as a local adapter's parse would strip them.
 */
export function encodeQuery(schema: z.core.$ZodObject, query: unknown): URLSearchParams {
  const params = new URLSearchParams();
  for (const parameter of queryParameters(schema)) {
    const value = valueAt(query, parameter.path);
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      params.append(parameter.name, toText(item));
    }
  }
  return params;
}

const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** Text as the kind the schema expects; anything else stays text so validation names it. */
function fromText(text: string, kind: ParamKind): unknown {
  if (kind === 'number') return NUMBER.test(text) ? Number(text) : text;
  if (kind === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  return text;
}

/**
 * Decodes URL parameters with a query schema and validates the result. Never throws: a
 * rejection is a `validation` `PrmError` (unknown parameters by name, other fields by their
 * path in the query object).
 */
export function decodeQuery<S extends z.core.$ZodObject>(
  schema: S,
  params: URLSearchParams,
  options: ValidateOptions = {},
): ValidationResult<z.output<S>> {
  const layout = queryParameters(schema);
  const query: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const name of new Set(params.keys())) {
    const parameter = layout.find((candidate) => candidate.name === name);
    if (!parameter) {
      unknown.push(name);
      continue;
    }
    const values = params.getAll(name).map((text) => fromText(text, parameter.kind));
    // A scalar given twice stays an array, so validation rejects it with a type message.
    const value = parameter.array || values.length > 1 ? values : values[0];
    const [head, field] = parameter.path;
    if (field === undefined) query[head] = value;
    else ((query[head] ??= {}) as Record<string, unknown>)[field] = value;
  }
  const result = validate(schema, query, options);
  if (unknown.length === 0) return result;
  const unknownKeys = options.messages?.unknownKeys ?? englishMessages.unknownKeys;
  const fields: FieldError[] = [
    ...unknown.map((name) => ({ path: name, message: unknownKeys({ keys: [name] }) })),
    ...(result.ok ? [] : result.error.fields),
  ];
  const summary =
    fields.length === 1 && fields[0]
      ? `${fields[0].path}: ${fields[0].message}`
      : `${fields.length} fields need attention.`;
  return { ok: false, error: new PrmError('validation', summary, { fields }) };
}

/** Encodes a resource's list query (`adapter.<resource>.list(query)`) as URL parameters. */
export function encodeListQuery<R extends ResourceName>(
  resource: R,
  query: ListQueries[R] = {},
): URLSearchParams {
  return encodeQuery(listQueries[resource], query);
}

/** Decodes and validates the URL parameters of `GET /<resource>`. Never throws. */
export function decodeListQuery<R extends ResourceName>(
  resource: R,
  params: URLSearchParams,
  options?: ValidateOptions,
): ValidationResult<z.output<(typeof listQueries)[R]>> {
  // TypeScript cannot follow a generic index into the schema's output type; this is that type.
  return decodeQuery(listQueries[resource], params, options) as ValidationResult<
    z.output<(typeof listQueries)[R]>
  >;
}
