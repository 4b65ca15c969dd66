import { createRequire } from 'node:module';
import { defineConfig } from 'tsdown';

/** Scalar's browser bundle, served by `/docs` from the server itself (no CDN): copied next to the bundle. */
const apiReferenceScript = createRequire(import.meta.url).resolve(
  '@scalar/api-reference/browser/standalone.js',
);

/**
 * npm packages inlined into the bundle (cold start, issue 17). Node 20 has no compile cache, and loading
 * these as ≈ 250 separate files (zod alone is 99) cost every start ≈ 0.15–0.2 s of resolution, reads and
 * compilation. Each one is plain ES-module JavaScript that reads no file of its own at run time, and every
 * importer of it is bundled too, so exactly one copy runs (`instanceof` of zod, tRPC and Hono errors
 * holds; `.ci/smoke.sh` fails if the built server still loads one of them from node_modules).
 * Stay external: Prisma and PGlite (WebAssembly and data files), `pg`, pino (worker transports),
 * prom-client (CommonJS with a circular `@opentelemetry/api` that does not survive bundling), Sentry
 * (instruments modules as they load), `@node-rs/bcrypt` (native), and the integrations loaded only when
 * configured (openai, ioredis, rate-limiter-flexible, nodemailer).
 */
const INLINED_PACKAGES = [
  'zod',
  'jose',
  'cockatiel',
  'superjson',
  'copy-anything',
  '@trpc/server',
  'hono',
  '@hono/node-server',
  '@hono/trpc-server',
  '@scalar/hono-api-reference',
  '@scalar/core',
  'csv-stringify',
];

/** A package and its subpaths (`hono` and `hono/cookie`, not `hono-extra`). */
const packagePattern = (name: string) =>
  new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?:/|$)`);

const INLINED = [/^@mathakine\//, ...INLINED_PACKAGES.map(packagePattern)];

/**
 * The only build of the monorepo: the server, its Sentry preload, the deploy-time migrate command, the
 * first-administrator command and the legacy database import.
 * Workspace sources (and the generated Prisma client inside core) and the INLINED_PACKAGES are bundled;
 * every other npm dependency stays external and must be declared in this package's `dependencies`
 * (`onlyBundle` fails the build when anything else would be inlined), so `pnpm deploy --prod` of this
 * package runs the bundle.
 */
export default defineConfig({
  entry: {
    main: 'src/main.ts',
    instrument: 'src/instrument.ts',
    migrate: 'src/migrate.ts',
    'create-admin': 'src/create-admin.ts',
    'import-legacy': 'src/import-legacy.ts',
    // The embedded database's thread: packages/core/src/db/pglite-engine.ts loads it next to the bundle.
    'pglite-worker': '../../packages/core/src/db/pglite-worker.ts',
  },
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  sourcemap: true,
  clean: true,
  dts: false,
  fixedExtension: false,
  deps: {
    alwaysBundle: INLINED,
    onlyBundle: INLINED,
    // The drift check (`check`) is a development tool run from source; the bundle never loads it.
    neverBundle: ['@prisma/get-dmmf'],
  },
  copy: [
    { from: '../../prisma/migrations', to: 'dist' },
    { from: apiReferenceScript, to: 'dist/docs', rename: 'scalar-api-reference.js' },
  ],
});
