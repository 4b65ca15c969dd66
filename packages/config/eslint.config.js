import { defineConfig } from '@mathakine/eslint-config';

// src/env.ts is the only file of the monorepo allowed to read process.env (STYLE.md §8).
export default defineConfig({
  pkg: 'config',
  tsconfigRootDir: import.meta.dirname,
  allowEnv: ['src/env.ts'],
});
