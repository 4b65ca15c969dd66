import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { createArchiviste, createUser, getTestDb, resetDb } from '@mathakine/core/testing';

import { actorOf, createTestApp, signedInAs } from '../testing/index.ts';

/**
 * Hostile input never yields a 5xx on the back office: every `/api/admin` route (from the route table, so
 * later routes are covered too), every declared query parameter and body field, odd values, raw bodies.
 */
const ODD_VALUES: unknown[] = [
  null,
  -1,
  2 ** 31,
  1e308,
  1.5,
  true,
  [],
  { nested: { deep: [null] } },
  '',
  '99999999999999999999',
  'x'.repeat(20_000),
  'a\u0000b',
  '\ud800',
  '=cmd|"/c calc"!A1',
];

const RAW_BODIES = [
  '',
  'null',
  '[]',
  '"x"',
  '{"a":',
  '\u0000',
  JSON.stringify({ settings: { a: 1 } }),
];

const fieldsOf = (schema: z.ZodType | undefined): string[] => {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, unknown>;
  };
  return Object.keys(json.properties ?? {});
};

const queryText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** A query value as a client would send it; a lone surrogate becomes the invalid UTF-8 it would be. */
const encoded = (value: unknown): string => {
  try {
    return encodeURIComponent(queryText(value));
  } catch {
    return '%ED%A0%80';
  }
};

let prismaReady: Awaited<ReturnType<typeof getTestDb>>['prisma'];

beforeAll(async () => {
  prismaReady = (await getTestDb()).prisma;
  await resetDb(prismaReady);
});

describe('/api/admin/* under hostile input', () => {
  it('never answers a 5xx', async () => {
    const admin = await createArchiviste(prismaReady);
    const target = await createUser(prismaReady);
    const { app, legacyRoutes } = await createTestApp({
      resolveAuth: signedInAs({ ...actorOf(admin), role: 'archiviste' }),
    });
    const routes = legacyRoutes.filter((r) => r.template.startsWith('/api/admin/'));
    for (const route of routes) {
      // A real row for the id parameters, except for the deletions (the target must survive the loop).
      const id = route.method === 'DELETE' ? '987654' : String(target.id);
      const path = route.template.replace(/:[A-Za-z_]+(\{[^}]+\})?/g, id);
      const check = async (
        url: string,
        init: { headers?: Record<string, string>; body?: string } = {},
      ) => {
        const res = await app.request(url, { method: route.method, ...init });
        await res.arrayBuffer();
        expect(res.status, `${route.method} ${url} ${(init.body ?? '').slice(0, 60)}`).toBeLessThan(
          500,
        );
      };
      for (const field of fieldsOf(route.query)) {
        for (const value of ODD_VALUES) {
          await check(`${path}?${field}=${encoded(value)}`);
        }
      }
      if (!route.body) continue;
      const headers = { 'Content-Type': 'application/json' };
      for (const raw of RAW_BODIES) await check(path, { headers, body: raw });
      for (const field of fieldsOf(route.body.schema)) {
        for (const value of ODD_VALUES) {
          await check(path, { headers, body: JSON.stringify({ [field]: value }) });
          if (field === 'settings') {
            await check(path, {
              headers,
              body: JSON.stringify({
                settings: { max_export_rows: value, maintenance_mode: value },
              }),
            });
          }
        }
      }
    }
    // The loop's config writes leave maintenance in any state; the admin area answers regardless.
    expect((await app.request('/api/admin/health')).status).toBe(200);
  });
});
