import { createRequire } from 'node:module';
import { defineConfig } from 'tsdown';

/** Scalar's browser bundle, served by `/docs` from the server itself (no CDN): copied next to the bundle. */
const apiReferenceScript = createRequire(import.meta.url).resolve(
  '@scalar/api-reference/browser/standalone.js',
);

/**
 * The only build of the monorepo: the server, its Sentry preload, the deploy-time migrate command, the
 * first-administrator command and the legacy database import.
 * Workspace sources (and the generated Prisma client inside core) are bundled; every npm dependency
 * stays external and must be declared in this package's `dependencies` (`onlyBundle` fails the build
 * otherwise), so `pnpm deploy --prod` of this package runs the bundle.
 */
export default defineConfig({
  entry: {
    main: 'src/main.ts',
    instrument: 'src/instrument.ts',
    migrate: 'src/migrate.ts',
    'create-admin': 'src/create-admin.ts',
    'import-legacy': 'src/import-legacy.ts',
  },
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  sourcemap: true,
  clean: true,
  dts: false,
  fixedExtension: false,
  deps: {
    alwaysBundle: [/^@mathakine\//],
    onlyBundle: [/^@mathakine\//],
    // The drift check (`check`) is a development tool run from source; the bundle never loads it.
    neverBundle: ['@prisma/get-dmmf'],
  },
  copy: [
    { from: '../../prisma/migrations', to: 'dist' },
    { from: apiReferenceScript, to: 'dist/docs', rename: 'scalar-api-reference.js' },
  ],
});
