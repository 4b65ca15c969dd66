import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { jsonBody } from '../legacy/body.ts';
import { createLegacyApp } from './index.ts';
import { LEGACY_MODULES } from './modules.ts';
import {
  ANY_VALUE,
  buildOpenApiDocument,
  openApiPath,
  operationIdOf,
  securityOf,
  type JsonSchema,
  type OpenApiDocument,
} from './openapi.ts';
import { ok } from './reply.ts';
import { defineRoute, errorStatusesOf } from './route.ts';
import type { RegisteredRoute } from './router.ts';

const { routes } = createLegacyApp(LEGACY_MODULES);
const document = buildOpenApiDocument(routes, { version: '9.9.9' });

const operationOf = (doc: OpenApiDocument, route: RegisteredRoute) =>
  doc.paths[openApiPath(route.template).path]?.[route.method.toLowerCase()] as
    | (JsonSchema & {
        parameters?: { name: string; in: string; required: boolean }[];
        requestBody?: JsonSchema;
        responses: Record<string, JsonSchema>;
        security: Record<string, string[]>[];
      })
    | undefined;

/** Every (method, path) of a document. */
const operationsIn = (doc: OpenApiDocument) =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
  );

describe('the OpenAPI document of the legacy REST layer', () => {
  /** The document as it goes on the wire. */
  const json = JSON.parse(JSON.stringify(document)) as Record<string, unknown>;

  it('validates against the OpenAPI 3.1 schema', async () => {
    const validator = new Validator();
    const result = await validator.validate(json);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('is checked by a validator that refuses a broken document', async () => {
    const broken = structuredClone(json) as { paths: Record<string, Record<string, JsonSchema>> };
    const login = broken.paths['/api/auth/login']?.post;
    expect(login).toBeDefined();
    if (login) login.responses = { 200: { content: {} } }; // a response without its description
    const result = await new Validator().validate(broken);
    expect(result.valid).toBe(false);
  });

  it('lists every registered route, and nothing else', () => {
    const expected = routes.map((r) => `${r.method} ${openApiPath(r.template).path}`);
    expect(operationsIn(document).sort()).toEqual([...expected].sort());
    expect(expected.length).toBeGreaterThanOrEqual(35);
  });

  it('follows a route added to the table, with no list to edit', () => {
    const fixture = {
      feature: 'fixtures',
      routes: [
        defineRoute({
          method: 'PUT',
          path: '/fixtures/:id{[0-9]+}',
          guard: 'user',
          csrf: true,
          summary: 'A fixture route that renames something',
          params: z.object({ id: z.string() }),
          body: jsonBody(z.object({ name: z.string().max(20) }), {
            required: [{ field: 'name', message: 'Nom requis' }],
          }),
          responses: { 200: z.strictObject({ id: z.number(), name: z.string() }) },
          errors: [400, 404, 409],
          handler: ({ params, body }) => ok({ id: Number(params.id), name: body.name }),
        }),
      ],
    };
    const table = createLegacyApp([...LEGACY_MODULES, fixture]).routes;
    const doc = buildOpenApiDocument(table, { version: '9.9.9' });
    const added = table.find((r) => r.feature === 'fixtures');
    expect(added).toBeDefined();
    const operation = added && operationOf(doc, added);
    expect(operation).toMatchObject({
      operationId: 'putApiFixturesById',
      tags: ['fixtures'],
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9]+$' } },
      ],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: { type: 'object', properties: { name: { type: 'string', maxLength: 20 } } },
          },
        },
      },
    });
    expect(Object.keys(operation?.responses ?? {}).sort()).toEqual(
      ['200', '400', '401', '403', '404', '409', '500', '503'].sort(),
    );
    expect(operationsIn(doc)).toContain('PUT /api/fixtures/{id}');
  });

  it('documents every error status of every route with the legacy error body', () => {
    for (const route of routes) {
      const operation = operationOf(document, route);
      const where = `${route.method} ${route.template}`;
      expect(operation, where).toBeDefined();
      for (const status of errorStatusesOf(route)) {
        const ref = (operation?.responses[String(status)] as { $ref?: string } | undefined)?.$ref;
        expect(ref, `${where} ${status}`).toMatch(
          /^#\/components\/responses\/(Error|ValidationError)/,
        );
      }
      for (const status of Object.keys(route.responses)) {
        expect(operation?.responses[status], `${where} ${status}`).toBeDefined();
      }
    }
    expect(document.components.schemas.LegacyError).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['code', 'message', 'error']),
    });
  });

  it('documents parameters and bodies from the route schemas', () => {
    for (const route of routes) {
      const operation = operationOf(document, route);
      const where = `${route.method} ${route.template}`;
      const pathParams = (operation?.parameters ?? []).filter((p) => p.in === 'path');
      const templateNames = [...route.template.matchAll(/:([A-Za-z_]\w*)/g)].map((m) => m[1]);
      expect(pathParams.map((p) => p.name).sort(), where).toEqual(templateNames.sort());
      expect(operation?.requestBody !== undefined, where).toBe(route.body !== undefined);
    }
    const list = routes.find((r) => r.method === 'GET' && r.template === '/api/exercises');
    const query = list ? operationOf(document, list)?.parameters : [];
    expect(query?.map((p) => p.name)).toEqual(expect.arrayContaining(['skip', 'limit']));
  });

  it('states the authentication and CSRF requirements of each route', () => {
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual(
      ['bearerAuth', 'cookieAuth', 'csrfCookie', 'csrfHeader'].sort(),
    );
    expect(document.components.securitySchemes.cookieAuth).toMatchObject({
      in: 'cookie',
      name: 'access_token',
    });
    expect(document.components.securitySchemes.csrfHeader).toMatchObject({
      in: 'header',
      name: 'X-CSRF-Token',
    });
    for (const route of routes) {
      const security = operationOf(document, route)?.security ?? [];
      const where = `${route.method} ${route.template}`;
      expect(security, where).toEqual(securityOf(route));
      const anonymous = security.some((s) => !('cookieAuth' in s) && !('bearerAuth' in s));
      expect(anonymous, where).toBe(route.guard === 'public' || route.guard === 'public+optional');
      for (const requirement of security) {
        expect('csrfHeader' in requirement && 'csrfCookie' in requirement, where).toBe(route.csrf);
      }
    }
    expect(routes.filter((r) => r.csrf).length).toBeGreaterThan(0);
  });

  it('spells out "any JSON value" instead of an empty schema (renderers drop empty ones)', () => {
    expect(JSON.stringify(document)).not.toMatch(/"(input|additionalProperties|items)":\{\}/);
    const users = routes.find((r) => r.method === 'PUT' && r.template === '/api/users/me');
    const body = users && operationOf(document, users)?.requestBody;
    expect(body).toMatchObject({
      content: { 'application/json': { schema: { additionalProperties: ANY_VALUE } } },
    });
  });

  it('gives every operation a unique id', () => {
    const ids = routes.map((r) => operationIdOf(r.method, openApiPath(r.template).path));
    expect(new Set(ids).size).toBe(ids.length);
    expect(operationIdOf('GET', '/api/users/me/progress')).toBe('getApiUsersMeProgress');
  });
});
