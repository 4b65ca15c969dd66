import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { ZRegisterInput } from '@mathakine/core';

import { coreFieldOf } from '../legacy/inputs.ts';
import { checkReply } from './check-reply.ts';
import { createLegacyApp } from './index.ts';
import { LEGACY_MODULES } from './modules.ts';
import { isJsonResponse, ok } from './reply.ts';
import { defineRoute, errorStatusesOf } from './route.ts';
import { isPublicRoute } from './router.ts';

const { routes } = createLegacyApp(LEGACY_MODULES);

/** `/api/x/:id{[0-9]+}/y` → `['id']`. */
const templateParams = (template: string) =>
  [...template.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]);

/** A concrete path for a template (digits for every parameter). */
const samplePath = (template: string) => template.replace(/:[A-Za-z_]+(\{[^}]+\})?/g, '1');

describe('the legacy route table', () => {
  it('registers every declared route once, in module order', () => {
    const declared = LEGACY_MODULES.flatMap((m) =>
      m.routes.map((r) => `${r.method} /api${r.path}`),
    );
    expect(routes.map((r) => `${r.method} ${r.template}`)).toEqual(declared);
    expect(new Set(declared).size).toBe(declared.length);
    expect(routes.length).toBeGreaterThanOrEqual(35);
  });

  it('gives every route a summary, its success responses and its documented errors', () => {
    for (const route of routes) {
      const where = `${route.method} ${route.template}`;
      expect(route.summary.length, where).toBeGreaterThan(10);
      const successes = Object.keys(route.responses);
      // Only DELETE /api/users/{id} never succeeds (it documents its refusals instead).
      expect(successes.length > 0 || route.errors.length > 0, where).toBe(true);
      expect(errorStatusesOf(route), where).toContain(500);
      if (route.guard !== 'public' && route.guard !== 'public+optional') {
        expect(errorStatusesOf(route), where).toContain(401);
      }
    }
  });

  it('declares a params schema exactly for templates with parameters, with the same names', () => {
    for (const route of routes) {
      const names = templateParams(route.template);
      const where = `${route.method} ${route.template}`;
      if (names.length === 0) {
        expect(route.params, where).toBeUndefined();
        continue;
      }
      expect(route.params, where).toBeInstanceOf(z.ZodObject);
      const shape = (route.params as z.ZodObject).shape;
      expect(Object.keys(shape).sort(), where).toEqual([...names].sort());
    }
  });

  it('exposes JSON Schemas of every input and success response (what OpenAPI and fuzzing read)', () => {
    for (const route of routes) {
      const where = `${route.method} ${route.template}`;
      for (const input of [route.params, route.query, route.body?.schema]) {
        if (!input) continue;
        const schema = z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' });
        expect(schema.type, where).toBe('object');
      }
      for (const spec of Object.values(route.responses)) {
        const response = isJsonResponse(spec) ? spec : spec.kind === 'sse' ? spec.event : null;
        if (!response) continue;
        // Response schemas are plain data: representable without any fallback.
        expect(() => z.toJSONSchema(response, { io: 'output' }), where).not.toThrow();
      }
    }
  });

  it('points body fields the core validates itself back to their core schema', () => {
    const register = routes.find((r) => r.method === 'POST' && r.template === '/api/users/');
    const body = register?.body?.schema;
    expect(body).toBeInstanceOf(z.ZodPipe);
    const shape = ((body as z.ZodPipe).in as z.ZodObject).shape;
    expect(coreFieldOf(shape.username as z.ZodType)).toBe(ZRegisterInput.shape.username);
    expect(coreFieldOf(shape.full_name as z.ZodType)).toBe(ZRegisterInput.shape.fullName);
  });

  it('reads a body only on methods that carry one, each with a legacy reading style', () => {
    for (const route of routes) {
      if (!route.body) continue;
      expect(['POST', 'PUT', 'PATCH'], `${route.method} ${route.template}`).toContain(route.method);
      expect(['legacy', 'pydantic', 'lenient']).toContain(route.body.style);
    }
  });
});

describe('the deny-by-default list, derived from the declarations', () => {
  it('is the public whitelist of api-rest-core §2.4', () => {
    const publicRoutes = routes
      .filter((r) => isPublicRoute(routes, r.method, samplePath(r.template)))
      .map((r) => `${r.method} ${r.template}`);
    expect(publicRoutes).toEqual([
      'POST /api/auth/login',
      'GET /api/auth/csrf',
      'POST /api/auth/validate-token',
      'POST /api/auth/refresh',
      'POST /api/auth/logout',
      'POST /api/auth/forgot-password',
      'POST /api/auth/reset-password',
      'GET /api/auth/verify-email',
      'POST /api/auth/resend-verification',
      'POST /api/users/',
      'GET /api/exercises',
      'GET /api/exercises/stats',
      'GET /api/exercises/completed-ids',
      'GET /api/exercises/:id{[0-9]+}',
      'GET /api/badges/available',
      'GET /api/badges/rarity',
      'GET /api/challenges/completed-ids',
      // Whitelisted, but its guard answers anonymous callers 401 (§2.4 special case).
      'GET /api/users/leaderboard',
    ]);
  });

  it('follows a new public declaration without any list to edit', () => {
    const fixture = {
      feature: 'fixture',
      routes: [
        defineRoute({
          method: 'GET',
          path: '/fixture/open/:id{[0-9]+}',
          guard: 'public+optional',
          summary: 'A public fixture route',
          params: z.object({ id: z.string() }),
          responses: { 200: z.object({ id: z.string() }) },
          errors: [],
          handler: ({ params }) => ok({ id: params.id }),
        }),
      ],
    };
    const table = createLegacyApp([...LEGACY_MODULES, fixture]).routes;
    expect(isPublicRoute(table, 'GET', '/api/fixture/open/7')).toBe(true);
    expect(isPublicRoute(table, 'GET', '/api/fixture/open/7/')).toBe(true);
    expect(isPublicRoute(table, 'HEAD', '/api/fixture/open/7')).toBe(false);
    expect(isPublicRoute(routes, 'GET', '/api/fixture/open/7')).toBe(false);
  });
});

describe('the test-time reply check', () => {
  const route = defineRoute({
    method: 'GET',
    path: '/fixture',
    guard: 'public',
    summary: 'A fixture route',
    responses: { 200: z.strictObject({ n: z.number() }) },
    errors: [],
    handler: () => ok({ n: 1 }),
  });

  it('accepts a declared reply and refuses a stray field, a wrong type or an undeclared status', () => {
    expect(() => {
      checkReply(route, '/api/fixture', ok({ n: 1 }));
    }).not.toThrow();
    expect(() => {
      checkReply(route, '/api/fixture', ok({ n: 1, extra: true }));
    }).toThrow(/does not match its schema/);
    expect(() => {
      checkReply(route, '/api/fixture', ok({ n: 'one' }));
    }).toThrow(/does not match its schema/);
    expect(() => {
      checkReply(route, '/api/fixture', { kind: 'json', status: 201, body: { n: 1 } });
    }).toThrow(/status not declared/);
  });
});

describe('one writer', () => {
  const restDir = fileURLToPath(new URL('.', import.meta.url));
  const sources = readdirSync(restDir)
    .filter((f) => f.endsWith('.ts') && !f.includes('.test'))
    .map((f) => ({ file: f, text: readFileSync(join(restDir, f), 'utf8') }));

  it('no REST source writes a body itself (handlers return replies; legacy/writer.ts writes them)', () => {
    expect(sources.length).toBeGreaterThan(10);
    for (const { file, text } of sources) {
      expect(text, file).not.toMatch(/\bc\.(json|body|html)\(/);
      expect(text, file).not.toMatch(/new Response\(/);
    }
  });
});
