/**
 * The API documentation, served by the server itself and usable offline (no CDN):
 * - `/openapi.json`: the OpenAPI 3.1 document of the legacy REST layer, generated from the route table;
 * - `/docs`: Scalar's API reference rendering it, its script served from this server;
 * - `/docs/trpc`: how a frontend installs and uses the typed client, with the procedure list.
 */
import { readFile } from 'node:fs/promises';
import { Scalar } from '@scalar/hono-api-reference';
import type { AnyTRPCRouter } from '@trpc/server';
import { Hono } from 'hono';
import { html } from 'hono/html';

import { API_CONTRACT_VERSION } from '../contract.ts';
import type { ApiEnv } from '../hono-env.ts';
import { markRoute } from '../middleware/metrics.ts';
import { buildOpenApiDocument, type OpenApiDocument } from '../rest/openapi.ts';
import type { RegisteredRoute } from '../rest/router.ts';
import { listProcedures } from '../trpc/procedure-table.ts';

export const DOCS_PATHS = ['/openapi.json', '/docs'] as const;
const SCRIPT_PATH = '/docs/scalar-api-reference.js';

export interface DocsAssets {
  /** Scalar's browser bundle (`@scalar/api-reference/browser/standalone.js`), a file path. */
  apiReferenceScript: string;
}

const INSTALL = 'pnpm add @mathakine/client @trpc/client @trpc/server superjson';

const USAGE = `import { createMathakineClient, type RouterOutputs } from '@mathakine/client';

const api = createMathakineClient({
  url: 'https://api.example.org',   // the server; calls go to <url>/trpc
  credentials: 'include',           // browsers: send the session cookies cross-origin
});

await api.auth.login.mutate({ username: 'padawan', password: '…' });
const page = await api.exercises.list.query({ limit: 10 });
const result = await api.exercises.submitAnswer.mutate({ exerciseId: page.items[0].id, answer: '42' });
type Badges = RouterOutputs['badges']['listEarned'];`;

const ERRORS = `import { appErrorCodeOf } from '@mathakine/client';

try {
  await api.exercises.submitAnswer.mutate({ exerciseId: 1, answer: '42' });
} catch (error) {
  switch (appErrorCodeOf(error)) {       // AppErrorCode: a closed union
    case 'RATE_LIMITED': /* wait */ break;
    case 'EMAIL_VERIFICATION_REQUIRED': /* ask to verify */ break;
    case 'INVALID_INPUT': /* error.data.zodError has the field messages */ break;
  }
}`;

const OWN_LINKS = `import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { transformer, type AppRouter } from '@mathakine/client';

const api = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: 'https://api.example.org/trpc', transformer })],
});`;

const trpcPage = (router: AnyTRPCRouter) => {
  const procedures = listProcedures(router).sort((a, b) => a.path.localeCompare(b.path));
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Mathakine typed API (tRPC)</title>
        <style>
          body {
            font:
              16px/1.5 system-ui,
              sans-serif;
            max-width: 60rem;
            margin: 2rem auto;
            padding: 0 1rem;
            color: #1d1d1f;
          }
          pre {
            background: #f4f4f6;
            padding: 1rem;
            overflow-x: auto;
            border-radius: 6px;
          }
          code {
            font-family: ui-monospace, monospace;
            font-size: 0.9em;
          }
          table {
            border-collapse: collapse;
            width: 100%;
          }
          td,
          th {
            text-align: left;
            padding: 0.25rem 0.5rem;
            border-bottom: 1px solid #ddd;
          }
        </style>
      </head>
      <body>
        <h1>Mathakine typed API (tRPC)</h1>
        <p>
          Contract version <strong>${API_CONTRACT_VERSION}</strong>. New TypeScript clients use the
          typed API under <code>/trpc</code> through <code>@mathakine/client</code>: every input,
          output and error is typed from the server's router. The legacy REST API is documented at
          <a href="/docs">/docs</a> (<a href="/openapi.json">OpenAPI 3.1</a>).
        </p>
        <h2>Install</h2>
        <pre><code>${INSTALL}</code></pre>
        <h2>Use</h2>
        <pre><code>${USAGE}</code></pre>
        <p>
          Dates arrive as <code>Date</code> objects (the superjson transformer). A wrong procedure
          name or a wrong input is a compile-time error. Without cookies, send the access token of
          <code>auth.login</code> as <code>headers: { Authorization: 'Bearer …' }</code>.
        </p>
        <h2>Errors</h2>
        <pre><code>${ERRORS}</code></pre>
        <h2>Your own links (React Query, SSR…)</h2>
        <pre><code>${OWN_LINKS}</code></pre>
        <h2>Procedures</h2>
        <table>
          <thead>
            <tr>
              <th>procedure</th>
              <th>kind</th>
              <th>input</th>
            </tr>
          </thead>
          <tbody>
            ${procedures.map(
              (p) =>
                html`<tr>
                  <td><code>${p.path}</code></td>
                  <td>${p.type}</td>
                  <td>${p.inputs.length > 0 ? 'yes' : '—'}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </body>
    </html>`;
};

/**
 * The documentation routes, built from the live route table and router. The OpenAPI document is built
 * on first request and kept (the tables are fixed once the app is built).
 */
export const docsApp = (options: {
  legacyRoutes: readonly RegisteredRoute[];
  trpcRouter: AnyTRPCRouter;
  assets?: DocsAssets;
}) => {
  const app = new Hono<ApiEnv>();
  let document: OpenApiDocument | undefined;
  let script: Promise<string> | undefined;

  app.get('/openapi.json', markRoute('/openapi.json'), (c) => {
    document ??= buildOpenApiDocument(options.legacyRoutes, { version: API_CONTRACT_VERSION });
    return c.json(document);
  });

  app.get(
    '/docs',
    markRoute('/docs'),
    Scalar({
      url: '/openapi.json',
      cdn: SCRIPT_PATH,
      pageTitle: 'Mathakine API',
      // Offline and private: no web fonts, no telemetry, no hosted client, no AI agent (all of them
      // call Scalar's servers; the browser check of .ci/run fails on any request off this server).
      withDefaultFonts: false,
      telemetry: false,
      hideClientButton: true,
      agent: { disabled: true },
      defaultOpenAllTags: true,
      favicon: 'data:,',
      showDeveloperTools: 'never',
    }),
  );

  app.get(SCRIPT_PATH, markRoute(SCRIPT_PATH), async (c) => {
    const path = options.assets?.apiReferenceScript;
    if (path === undefined) return c.notFound();
    script ??= readFile(path, 'utf8').catch((error: unknown) => {
      script = undefined;
      throw error;
    });
    return c.body(await script, 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
    });
  });

  app.get('/docs/trpc', markRoute('/docs/trpc'), (c) => c.html(trpcPage(options.trpcRouter)));

  return app;
};
