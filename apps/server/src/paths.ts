import { existsSync } from 'node:fs';
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
