import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { buildOpenApi, openApiJson, type JsonObject } from '../../src/rest/openapi.js';
import { queryParameters } from '../../src/rest/query.js';
import { ROUTES } from '../../src/rest/routes.js';

const packageUrl = new URL('../../', import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('package.json', packageUrl), 'utf8')) as {
  version: string;
};
const doc = buildOpenApi({ version });

type Operation = JsonObject & {
  operationId: string;
  parameters?: JsonObject[];
  responses: Record<string, JsonObject>;
  security?: JsonObject[];
  requestBody?: JsonObject;
};

const operations: { path: string; method: string; operation: Operation }[] = Object.entries(
  doc.paths,
).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({
    path,
    method,
    operation: operation as Operation,
  })),
);

/** Resolves a local `$ref` (`#/components/...`) against the document. */
function resolve(ref: string): unknown {
  assert.ok(ref.startsWith('#/'), `not a local ref: ${ref}`);
  let current: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function* walk(value: unknown, path = '#'): Generator<[string, JsonObject]> {
  if (typeof value !== 'object' || value === null) return;
  if (!Array.isArray(value)) yield [path, value as JsonObject];
  for (const [key, child] of Object.entries(value)) yield* walk(child, `${path}/${key}`);
}

/** A parameter, following its `$ref`. */
const param = (p: JsonObject) => (typeof p.$ref === 'string' ? (resolve(p.$ref) as JsonObject) : p);

describe('openapi.json', () => {
  it('is up to date', () => {
    const committed = readFileSync(new URL('openapi.json', packageUrl), 'utf8');
    assert.ok(
      committed === openApiJson({ version }),
      'packages/core/openapi.json is stale: run `pnpm --filter @prm-kit/core generate:openapi`.',
    );
  });

  it('is deterministic', () => {
    assert.equal(openApiJson({ version }), openApiJson({ version }));
  });
});

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with info, servers and bearer security', () => {
    assert.equal(doc.openapi, '3.1.0');
    assert.equal(doc.info.title, 'prm-kit REST contract');
    assert.equal(doc.info.version, version);
    assert.deepEqual(
      doc.servers.map((server) => server.url),
      ['/api/prm'],
    );
    assert.deepEqual(doc.security, [{ bearerAuth: [] }]);
    assert.deepEqual(doc.components.securitySchemes.bearerAuth, {
      ...doc.components.securitySchemes.bearerAuth,
      type: 'http',
      scheme: 'bearer',
    });
  });

  it('every $ref resolves', () => {
    let count = 0;
    for (const [path, node] of walk(doc)) {
      const ref = node.$ref;
      if (ref === undefined) continue;
      assert.ok(typeof ref === 'string', path);
      assert.notEqual(resolve(ref), undefined, `${path}: ${ref}`);
      count += 1;
    }
    assert.ok(count > 100);
  });

  it('has no leftovers of the schema generator', () => {
    for (const [path, node] of walk(doc.components.schemas)) {
      assert.ok(!('$schema' in node) && !('$id' in node) && !('$defs' in node), path);
    }
    assert.ok(!JSON.stringify(doc).includes('__shared'));
  });

  it('component names are valid', () => {
    for (const section of Object.values(doc.components)) {
      for (const name of Object.keys(section)) assert.match(name, /^[a-zA-Z0-9._-]+$/);
    }
  });

  it('every operationId is unique and is an operation of the route table', () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual([...ids].sort(), ROUTES.map((route) => route.operation).sort());
  });

  it('every path parameter is declared, and only those', () => {
    for (const { path, method, operation } of operations) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const declared = (operation.parameters ?? []).map(param).filter((p) => p.in === 'path');
      assert.deepEqual(
        declared.map((p) => p.name),
        inPath,
        `${method} ${path}`,
      );
      for (const p of declared) assert.equal(p.required, true);
    }
  });

  it('no parameter is declared twice', () => {
    for (const { path, method, operation } of operations) {
      const keys = (operation.parameters ?? [])
        .map(param)
        .map((p) => `${String(p.in)}:${String(p.name)}`);
      assert.equal(new Set(keys).size, keys.length, `${method} ${path}`);
    }
  });

  it('every status code key is valid', () => {
    for (const { operation } of operations) {
      for (const status of Object.keys(operation.responses)) assert.match(status, /^[1-5]\d\d$/);
    }
  });
});

describe('each route in the document', () => {
  for (const route of ROUTES) {
    it(route.operation, () => {
      const operation = doc.paths[route.path]?.[route.method.toLowerCase()] as
        Operation | undefined;
      assert.ok(operation);
      assert.equal(operation.operationId, route.operation);
      assert.equal(operation.summary, route.summary);
      const parameters = (operation.parameters ?? []).map(param);
      const headers = parameters.filter((p) => p.in === 'header').map((p) => p.name);
      assert.deepEqual(headers, [
        ...(route.idempotencyKey ? ['Idempotency-Key'] : []),
        ...(route.ifMatch ? ['If-Match'] : []),
      ]);
      const query = parameters.filter((p) => p.in === 'query').map((p) => p.name);
      assert.deepEqual(query, route.query ? queryParameters(route.query).map((p) => p.name) : []);

      const success = operation.responses[String(route.successStatus)];
      assert.ok(success);
      assert.equal('content' in success, route.response !== null);
      assert.equal('headers' in success, route.ifMatch && route.response !== null);
      assert.equal(operation.requestBody !== undefined, route.body !== undefined);

      const errors = Object.keys(operation.responses).filter((status) => status >= '400');
      assert.ok(errors.includes('500') && errors.includes('429'));
      assert.equal(errors.includes('412'), route.ifMatch);
      assert.equal(errors.includes('404'), route.pathParams.length > 0);
      assert.equal(errors.includes('401'), !route.anonymous);
      for (const status of errors) {
        const response = resolve(String(operation.responses[status]?.$ref)) as JsonObject;
        assert.ok(response, status);
        assert.deepEqual(Object.keys(response.content as JsonObject), ['application/problem+json']);
      }
      if (route.anonymous) assert.deepEqual(operation.security?.[0], {});
    });
  }

  it('list filters are described', () => {
    const list = doc.paths['/deals']?.get as Operation;
    const status = list.parameters?.find((p) => p.name === 'status');
    assert.equal(status?.style, 'form');
    assert.equal(status?.explode, true);
    assert.match(String(status?.description), /repeat/);
    const expiring = list.parameters?.find((p) => p.name === 'expiringWithinDays');
    assert.match(String(expiring?.description), /protection/);
  });

  it('reuses entity and problem components', () => {
    const get = doc.paths['/deals/{id}']?.get as Operation;
    assert.deepEqual(get.responses['200']?.content, {
      'application/json': { schema: { $ref: '#/components/schemas/DealRegistration' } },
    });
    const page = doc.components.schemas.DealRegistrationPage as {
      properties: { items: unknown };
    };
    assert.deepEqual(page.properties.items, {
      type: 'array',
      items: { $ref: '#/components/schemas/DealRegistration' },
    });
    assert.ok(doc.components.schemas.ProblemDetails);
  });
});
