import { defineConfig } from 'vitest/config';

// Typed linting starts a TypeScript project service: the first test pays for it, which on a saturated
// machine running every package's suite can take minutes (a guard against a hang, not a speed bound).
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 180_000 } });
