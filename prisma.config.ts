import path from 'node:path';
import { defineConfig } from 'prisma/config';

// Only `prisma generate` is used (migrations are applied by our own command, see README).
export default defineConfig({
  schema: path.join(import.meta.dirname, 'prisma', 'schema.prisma'),
  migrations: { path: path.join(import.meta.dirname, 'prisma', 'migrations') },
});
