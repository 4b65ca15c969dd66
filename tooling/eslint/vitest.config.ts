import { defineConfig } from 'vitest/config';

// Typed linting starts a TypeScript project service: the first test pays for it.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 60_000 } });
