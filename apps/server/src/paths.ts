import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * The SQL migrations folder: next to the bundle in production (`dist/migrations`, copied at build), or
 * the repository's `prisma/migrations` when running from source.
 */
export const migrationsDir = (): string => {
  const candidates = [
    new URL('./migrations', import.meta.url),
    new URL('../../../prisma/migrations', import.meta.url),
  ];
  for (const candidate of candidates) {
    const dir = fileURLToPath(candidate);
    if (existsSync(dir)) return dir;
  }
  throw new Error('The migrations folder was not found next to the server or in the repository.');
};

/**
 * Scalar's browser bundle for `/docs`: next to the bundle in production (`dist/docs`, copied at build),
 * else the development dependency when running from source; undefined when neither exists (the page
 * then renders without its script, and the server still starts).
 */
export const apiReferenceScript = (): string | undefined => {
  const bundled = fileURLToPath(new URL('./docs/scalar-api-reference.js', import.meta.url));
  if (existsSync(bundled)) return bundled;
  try {
    return createRequire(import.meta.url).resolve('@scalar/api-reference/browser/standalone.js');
  } catch {
    return undefined;
  }
};
