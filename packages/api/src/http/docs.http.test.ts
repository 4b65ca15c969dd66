import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it, onTestFinished } from 'vitest';

import { API_CONTRACT_VERSION } from '../contract.ts';
import { openApiPath } from '../rest/openapi.ts';
import { createTestApp } from '../testing/index.ts';
import { listProcedures } from '../trpc/procedure-table.ts';
import { appRouter } from '../trpc/routers/_app.ts';

interface Document {
  openapi: string;
  info: { version: string };
  paths: Record<string, Record<string, unknown>>;
}

/**
 * The `/api/*` handlers Hono actually registered (`app.routes`: whatever declared them, the route table
 * or not) that `/openapi.json` does not document. Middleware (`ALL`) is not an operation.
 */
const undocumentedApiRoutes = (
  routes: readonly { method: string; path: string }[],
  document: Document,
): string[] => [
  ...new Set(
    routes
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
      .filter(
        (r) => document.paths[openApiPath(r.path).path]?.[r.method.toLowerCase()] === undefined,
      )
      .map((r) => `${r.method} ${r.path}`),
  ),
];

describe('the documentation routes', () => {
  it('document every /api handler the server registers (Hono’s own route list)', async () => {
    const { app } = await createTestApp();
    const document = (await (await app.request('/openapi.json')).json()) as Document;
    const registered = app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'));
    expect(registered.length).toBeGreaterThanOrEqual(35);
    expect(undocumentedApiRoutes(app.routes, document)).toEqual([]);
    // A handler registered beside the route table (app.get('/api/…')) would be caught.
    const extra = { method: 'GET', path: '/api/undocumented/:id{[0-9]+}' };
    expect(undocumentedApiRoutes([...app.routes, extra], document)).toEqual([
      'GET /api/undocumented/:id{[0-9]+}',
    ]);
  });

  it('serve the OpenAPI document of the app’s own route table, valid and complete', async () => {
    const { app, legacyRoutes } = await createTestApp();
    const res = await app.request('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const document = (await res.json()) as Document;
    expect(document.openapi).toBe('3.1.1');
    expect(document.info.version).toBe(API_CONTRACT_VERSION);
    const missing = legacyRoutes.filter(
      (r) => document.paths[openApiPath(r.template).path]?.[r.method.toLowerCase()] === undefined,
    );
    expect(missing.map((r) => `${r.method} ${r.template}`)).toEqual([]);
    const result = await new Validator().validate(document as unknown as Record<string, unknown>);
    expect(result.valid).toBe(true);
  });

  it('render the API reference from local assets only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docs-assets-'));
    const script = join(dir, 'standalone.js');
    writeFileSync(script, 'window.Scalar = { createApiReference() {} };');
    const { app } = await createTestApp({ docsAssets: { apiReferenceScript: script } });

    const page = await app.request('/docs');
    expect(page.status).toBe(200);
    const markup = await page.text();
    expect(markup).toContain('<script src="/docs/scalar-api-reference.js">');
    expect(markup).toContain('"url": "/openapi.json"');
    expect(markup).toContain('"withDefaultFonts": false');
    expect(markup).not.toMatch(/<script src="https?:/);

    const asset = await app.request('/docs/scalar-api-reference.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await asset.text()).toContain('createApiReference');
  });

  it('answer 404 for the reference script when the server has no assets', async () => {
    const { app } = await createTestApp();
    expect((await app.request('/docs/scalar-api-reference.js')).status).toBe(404);
  });

  it('document the typed API: install, use, and every procedure', async () => {
    const { app } = await createTestApp();
    const res = await app.request('/docs/trpc');
    expect(res.status).toBe(200);
    const markup = await res.text();
    expect(markup).toContain('pnpm add @mathakine/client');
    expect(markup).toContain('createMathakineClient');
    for (const procedure of listProcedures(appRouter)) {
      expect(markup).toContain(`<code>${procedure.path}</code>`);
    }
  });

  it('answer during maintenance, like the probes', async () => {
    const { app, core } = await createTestApp();
    await core.settings.setSwitch('maintenance_mode', true);
    onTestFinished(() => core.settings.setSwitch('maintenance_mode', false));
    expect((await app.request('/openapi.json')).status).toBe(200);
    expect((await app.request('/docs/trpc')).status).toBe(200);
    expect((await app.request('/api/exercises')).status).toBe(503);
  });
});
