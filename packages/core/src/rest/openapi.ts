/**
 * The OpenAPI 3.1 document of the REST contract, generated from the route table and the
 * core schemas (`scripts/generate-openapi.ts` writes it to `openapi.json`).
 */
import * as z from 'zod/mini';
import { Activity } from '../schemas/activity.js';
import { Case, CaseInput, CasePatch } from '../schemas/case.js';
import {
  Amount,
  Comment,
  CommentInput,
  Customer,
  DateOnly,
  Money,
  StatusChange,
  Timestamp,
} from '../schemas/common.js';
import {
  ConflictCheck,
  ConflictCheckInput,
  DealRegistration,
  DealRegistrationInput,
  DealRegistrationPatch,
} from '../schemas/deal.js';
import { Lead, LeadInput } from '../schemas/lead.js';
import {
  MdfAllocation,
  MdfBudget,
  MdfClaim,
  MdfClaimInput,
  MdfRequest,
  MdfRequestInput,
} from '../schemas/mdf.js';
import { EnterpriseMetrics, PartnerMetrics } from '../schemas/metrics.js';
import { Partner, PartnerApplication, PartnerPatch } from '../schemas/partner.js';
import {
  IneligibilityReason,
  MembershipApplication,
  Program,
  ProgramEligibility,
  ProgramInput,
  ProgramMembership,
  ProgramPatch,
} from '../schemas/program.js';
import {
  Opportunity,
  OpportunityInput,
  OpportunityPatch,
  Order,
  OrderInput,
  Product,
  Quote,
  QuoteInput,
  QuotePatch,
} from '../schemas/sales.js';
import { Segment, SegmentInput, SegmentPatch } from '../schemas/segment.js';
import { User, Viewer } from '../schemas/viewer.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../schemas/values.js';
import { PROBLEM_CONTENT_TYPE, ProblemDetails } from './problem.js';
import { queryParameters, type QueryParameter } from './query.js';
import {
  CaseAssignmentInput,
  ExtensionDecisionInput,
  ExtensionRequestInput,
  HEADERS,
  ROUTES,
  type Route,
} from './routes.js';

type Schema = z.core.$ZodType;
/** A JSON object of the document. */
export type JsonObject = Record<string, unknown>;

/** An OpenAPI 3.1 document (only the top level is typed). */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: JsonObject & { title: string; version: string };
  servers: JsonObject[];
  security: JsonObject[];
  tags: JsonObject[];
  paths: Record<string, Record<string, JsonObject>>;
  components: {
    schemas: Record<string, JsonObject>;
    parameters: Record<string, JsonObject>;
    headers: Record<string, JsonObject>;
    responses: Record<string, JsonObject>;
    securitySchemes: Record<string, JsonObject>;
  };
}

/** Formats used everywhere, named in requests and responses alike. */
const SHARED_COMPONENTS: Readonly<Record<string, Schema>> = { DateOnly, Timestamp };

/** Response bodies and other server output, by component name. */
const OUTPUT_COMPONENTS: Readonly<Record<string, Schema>> = {
  ...SHARED_COMPONENTS,
  Activity,
  Amount,
  Case,
  Comment,
  ConflictCheck,
  Customer,
  DealRegistration,
  EnterpriseMetrics,
  IneligibilityReason,
  Lead,
  MdfAllocation,
  MdfBudget,
  MdfClaim,
  MdfRequest,
  Money,
  Opportunity,
  Order,
  Partner,
  PartnerMetrics,
  ProblemDetails,
  Product,
  Program,
  ProgramEligibility,
  ProgramMembership,
  Quote,
  Segment,
  StatusChange,
  User,
  Viewer,
};

/** Request bodies, by component name. */
const INPUT_COMPONENTS: Readonly<Record<string, Schema>> = {
  ...SHARED_COMPONENTS,
  CaseAssignmentInput,
  CaseInput,
  CasePatch,
  CommentInput,
  ConflictCheckInput,
  DealRegistrationInput,
  DealRegistrationPatch,
  ExtensionDecisionInput,
  ExtensionRequestInput,
  LeadInput,
  MdfClaimInput,
  MdfRequestInput,
  MembershipApplication,
  OpportunityInput,
  OpportunityPatch,
  OrderInput,
  PartnerApplication,
  PartnerPatch,
  ProgramInput,
  ProgramPatch,
  QuoteInput,
  QuotePatch,
  SegmentInput,
  SegmentPatch,
};

const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const pascal = (operation: string) =>
  operation
    .split('.')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

interface Names {
  outputs: Map<Schema, string>;
  inputs: Map<Schema, string>;
}

/**
 * Names every schema the routes use: a named component, `<Item>Page` for a list page,
 * else after the route (`DealsTransitionBody`, `ProgramsEligibilityResponse`).
 */
function nameSchemas(): Names {
  const named = (record: Readonly<Record<string, Schema>>) =>
    new Map<Schema, string>(Object.entries(record).map(([name, schema]) => [schema, name]));
  const outputs = named(OUTPUT_COMPONENTS);
  const inputs = named(INPUT_COMPONENTS);
  for (const route of ROUTES) {
    if (route.response && !outputs.has(route.response)) {
      const items = pageItems(route.response);
      const item = items && outputs.get(items);
      outputs.set(route.response, item ? `${item}Page` : `${pascal(route.operation)}Response`);
    }
    if (route.body && !inputs.has(route.body)) {
      inputs.set(route.body, `${pascal(route.operation)}Body`);
    }
  }
  return { outputs, inputs };
}

/** The item schema of a `page(item)` schema. */
function pageItems(schema: Schema): Schema | undefined {
  const def = schema._zod.def as { type: string; shape?: Record<string, Schema> };
  const items = def.type === 'object' ? def.shape?.items : undefined;
  const itemsDef = items?._zod.def as { type: string; element?: Schema } | undefined;
  return def.shape?.nextCursor && itemsDef?.type === 'array' ? itemsDef.element : undefined;
}

function withoutDialect(json: JsonObject): JsonObject {
  const { $schema: _schema, $id: _id, ...rest } = json;
  return rest;
}

/** JSON Schemas of named schemas, referring to each other by `#/components/schemas/<name>`. */
function jsonSchemas(
  names: Map<Schema, string>,
  io: 'input' | 'output',
): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of names) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    io,
    uri: (id) => `#/components/schemas/${id}`,
  });
  const result: Record<string, JsonObject> = {};
  for (const [id, json] of Object.entries(schemas)) result[id] = withoutDialect(json);
  return result;
}

const inlineSchema = (schema: Schema): JsonObject =>
  withoutDialect(z.toJSONSchema(schema, { io: 'input' }));

/** Query parameters outside a list's filter. */
const OPTION_DESCRIPTIONS: Readonly<Record<string, string>> = {
  search: 'Free text to search the records for.',
  sort: 'The field to sort by; a leading `-` sorts descending.',
  cursor: 'The `nextCursor` of the previous page.',
  limit: `Records per page, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`,
  submit:
    '`true` submits the registration at once (conflict check, auto-decision) instead of keeping a draft.',
  partnerId: 'The partner. Enterprise viewers name one; partner viewers always get their own.',
};

/** Filter fields whose name alone does not say what they match. */
const FILTER_DESCRIPTIONS: Readonly<Record<string, string>> = {
  createdFrom: 'Only records created on or after this date.',
  createdTo: 'Only records created on or before this date.',
  expiringWithinDays: 'Only approved registrations whose protection ends within this many days.',
  unassigned: '`true`: only cases with no assignee.',
  breached: '`true`: only cases past their first-response or resolution due time.',
};

function describeParameter({ name, path, array }: QueryParameter): string {
  if (path[0] !== 'filter') return OPTION_DESCRIPTIONS[name] ?? '';
  return (
    FILTER_DESCRIPTIONS[name] ??
    (array
      ? `Only records whose \`${name}\` is one of these; repeat the parameter for several.`
      : `Only records whose \`${name}\` is this value.`)
  );
}

function queryParameterObject(parameter: QueryParameter): JsonObject {
  return {
    name: parameter.name,
    in: 'query',
    required: parameter.required,
    description: describeParameter(parameter),
    schema: inlineSchema(parameter.schema),
    ...(parameter.array ? { style: 'form', explode: true } : {}),
  };
}

const ERROR_RESPONSES = {
  400: [
    'BadRequest',
    'The request is malformed: unreadable JSON, or a required header is missing.',
  ],
  401: ['Unauthorized', 'No one is signed in (`unauthorized`).'],
  403: ['Forbidden', 'The viewer’s role may not do this (`forbidden`).'],
  404: ['NotFound', 'The record does not exist or the viewer may not see it (`not_found`).'],
  409: [
    'Conflict',
    'The request conflicts with the record’s state (`conflict`, `invalid_transition`).',
  ],
  412: [
    'PreconditionFailed',
    'The record has changed since the `If-Match` version (`version_conflict`, with `currentVersion`).',
  ],
  422: ['UnprocessableContent', 'The input is rejected (`validation`, with `fields`).'],
  429: [
    'TooManyRequests',
    'Too many requests (`rate_limited`); retry after `Retry-After` seconds.',
  ],
  500: ['ServerError', 'The server failed (`server`).'],
} as const satisfies Record<number, readonly [string, string]>;

type ErrorStatus = keyof typeof ERROR_RESPONSES;

/** The error statuses a route can answer with. */
function errorStatuses(route: Route): ErrorStatus[] {
  const statuses: ErrorStatus[] = [];
  const hasInput = route.body !== undefined || route.query !== undefined;
  if (hasInput || route.idempotencyKey || route.ifMatch) statuses.push(400);
  if (!route.anonymous) statuses.push(401);
  // Every signed-in viewer may read its own session; everything else is role-checked.
  if (route.operation !== 'session') statuses.push(403);
  if (route.pathParams.length > 0) statuses.push(404);
  if (route.idempotencyKey || route.ifMatch) statuses.push(409);
  if (route.ifMatch) statuses.push(412);
  if (hasInput) statuses.push(422);
  statuses.push(429, 500);
  return statuses;
}

const SUCCESS_DESCRIPTIONS = {
  200: 'OK.',
  201: 'Created; a retry with the same `Idempotency-Key` answers with the same record.',
  204: 'Done; no content.',
} as const;

function operationObject(route: Route, names: Names): JsonObject {
  const parameters: JsonObject[] = [
    ...route.pathParams.map((name) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string', minLength: 1 },
    })),
    ...(route.query ? queryParameters(route.query).map(queryParameterObject) : []),
    ...(route.idempotencyKey ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : []),
    ...(route.ifMatch ? [{ $ref: '#/components/parameters/IfMatch' }] : []),
  ];
  const success: JsonObject = { description: SUCCESS_DESCRIPTIONS[route.successStatus] };
  if (route.response) {
    if (route.ifMatch) success.headers = { ETag: { $ref: '#/components/headers/ETag' } };
    success.content = {
      'application/json': { schema: schemaRef(names.outputs.get(route.response) ?? '') },
    };
  }
  const responses: JsonObject = { [String(route.successStatus)]: success };
  for (const status of errorStatuses(route)) {
    responses[String(status)] = { $ref: `#/components/responses/${ERROR_RESPONSES[status][0]}` };
  }
  return {
    operationId: route.operation,
    summary: route.summary,
    tags: [route.operation.split('.')[0]],
    ...(route.anonymous ? { security: [{}, { bearerAuth: [] }] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: schemaRef(names.inputs.get(route.body) ?? '') },
            },
          },
        }
      : {}),
    responses,
  };
}

function sortedByKey<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(
    Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

/** Options of `buildOpenApi`. */
export interface OpenApiOptions {
  /** The document's version: `@prm-kit/core`'s package version. */
  version: string;
}

/** The OpenAPI 3.1 document of the REST contract. Deterministic: the same input, the same JSON. */
export function buildOpenApi(options: OpenApiOptions): OpenApiDocument {
  const names = nameSchemas();
  const outputs = jsonSchemas(names.outputs, 'output');
  const inputs = jsonSchemas(names.inputs, 'input');
  for (const [name, schema] of Object.entries(inputs)) {
    const output = outputs[name];
    if (output && JSON.stringify(output) !== JSON.stringify(schema)) {
      throw new TypeError(`Component "${name}" differs between requests and responses.`);
    }
  }

  const paths: OpenApiDocument['paths'] = {};
  for (const route of ROUTES) {
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operationObject(route, names);
  }

  const tags = [...new Set(ROUTES.map((route) => route.operation.split('.')[0] ?? ''))];
  const problem = { [PROBLEM_CONTENT_TYPE]: { schema: schemaRef('ProblemDetails') } };

  return {
    openapi: '3.1.0',
    info: {
      title: 'prm-kit REST contract',
      version: options.version,
      summary: 'The HTTP form of the prm-kit PrmAdapter: one operation per adapter method.',
      description: [
        'Every operation mirrors one `PrmAdapter` method; its `operationId` is the method path (`deals.create`).',
        '',
        '- Bodies are JSON. Errors are RFC 9457 problem details (`application/problem+json`) whose `code` is the stable `PrmError` code.',
        '- Creates (`POST /{resource}`) require an `Idempotency-Key`: a retry with the same key answers with the first result and never makes a second record.',
        '- Writes that take a record version require `If-Match: "<version>"` and answer with the new `ETag`; a stale version fails with 412 `version_conflict`.',
        "- Lists are cursor-paginated: pass the page's `nextCursor` as `cursor`. Array filters repeat their parameter (`status=draft&status=submitted`).",
        '- Money is `{ amount, currency }` in integer minor units. Timestamps are ISO 8601 with an offset.',
      ].join('\n'),
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [
      {
        url: '/api/prm',
        description: 'Where the host mounts the contract (replace with its base URL).',
      },
    ],
    security: [{ bearerAuth: [] }],
    tags: tags.map((name) => ({ name })),
    paths,
    components: {
      schemas: sortedByKey({ ...outputs, ...inputs }),
      parameters: {
        IdempotencyKey: {
          name: HEADERS.idempotencyKey,
          in: 'header',
          required: true,
          description:
            'A key unique to one user intent (one per form submission), reused by every retry of it.',
          schema: { type: 'string', minLength: 1, maxLength: 255 },
        },
        IfMatch: {
          name: HEADERS.ifMatch,
          in: 'header',
          required: true,
          description: 'The record `version` the caller last read, as a quoted entity tag: `"3"`.',
          schema: { type: 'string', pattern: '^"\\d+"$' },
        },
      },
      headers: {
        ETag: {
          description: 'The returned record’s `version`, as a quoted entity tag: `"4"`.',
          schema: { type: 'string', pattern: '^"\\d+"$' },
        },
        RetryAfter: {
          description: 'Seconds to wait before retrying.',
          schema: { type: 'integer', minimum: 0 },
        },
      },
      responses: Object.fromEntries(
        Object.entries(ERROR_RESPONSES).map(([status, [name, description]]) => [
          name,
          {
            description,
            ...(status === '429'
              ? { headers: { [HEADERS.retryAfter]: { $ref: '#/components/headers/RetryAfter' } } }
              : {}),
            content: problem,
          },
        ]),
      ),
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'The host issues the token; `createRestAdapter({ getToken })` sends it.',
        },
      },
    },
  };
}

/** `buildOpenApi` as the text of `openapi.json`: 2-space JSON and a final newline. */
export function openApiJson(options: OpenApiOptions): string {
  return `${JSON.stringify(buildOpenApi(options), null, 2)}\n`;
}
