// Runs `prisma generate` offline. Prisma's native schema engine cannot be downloaded here and is not
// needed to generate the client, so PRISMA_SCHEMA_ENGINE_BINARY points at an existing file to skip the
// download. The generated client goes to packages/core/src/db/generated (git-ignored).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const require = createRequire(import.meta.url);
const prismaCli = require.resolve('prisma/build/index.js');

const result = spawnSync(
  process.execPath,
  [prismaCli, 'generate', '--config', path.join(root, 'prisma.config.ts')],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    },
  },
);
process.exit(result.status ?? 1);
