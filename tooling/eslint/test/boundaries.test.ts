import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

import { defineConfig, FEATURE_SURFACE_MESSAGE, SHARED_LAYER_MESSAGE } from '../index.js';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Lints a snippet as if it lived in the given package, with the real shared config. */
const lint = async (
  pkg: 'core' | 'api' | 'config' | 'server',
  code: string,
  allowEnv?: boolean | string[],
) => {
  const eslint = new ESLint({
    cwd: here,
    overrideConfigFile: true,
    overrideConfig: [
      ...defineConfig({
        pkg,
        tsconfigRootDir: here,
        ...(allowEnv === undefined ? {} : { allowEnv }),
      }).map((c) =>
        // The fixtures folder is ignored for the real lint run; re-include it here.
        c.ignores ? { ...c, ignores: ['**/dist/**'] } : c,
      ),
    ],
  });
  const [result] = await eslint.lintText(code, { filePath: `${here}fixtures/sample.ts` });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
};

/**
 * Lints a snippet as the core file `relPath` of the fixture tree test/fixtures/core (a kernel, a lib, two
 * features with their index.ts, a deliberate import cycle), with the real core config.
 */
const lintCore = async (relPath: string, code: string) => {
  const eslint = new ESLint({
    cwd: here,
    overrideConfigFile: true,
    overrideConfig: [
      ...defineConfig({ pkg: 'core', tsconfigRootDir: here }).map((c) =>
        c.ignores ? { ...c, ignores: ['**/dist/**'] } : c,
      ),
    ],
  });
  const [result] = await eslint.lintText(code, {
    filePath: `${here}fixtures/core/src/${relPath}`,
  });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
};

const architecture = (messages: string[]) =>
  messages.filter((m) => m.startsWith('boundaries/') || m.startsWith('import-x/'));

describe('core architecture rules', () => {
  it('rejects an import cycle between core files', async () => {
    const messages = await lintCore(
      'progress/cycle-a.ts',
      "import { b } from './cycle-b.ts';\n\nexport const a = 1;\nexport const callB = () => b();\n",
    );
    expect(messages.some((m) => m.startsWith('import-x/no-cycle'))).toBe(true);
  });

  it('accepts an import that closes no cycle', async () => {
    const messages = await lintCore(
      'progress/sample.ts',
      "import { helper } from '../lib/helper.ts';\n\nexport const value = helper;\n",
    );
    expect(architecture(messages)).toEqual([]);
  });

  it("rejects a feature importing another feature's internals", async () => {
    const messages = await lintCore(
      'exercises/sample.ts',
      "import { accountRule } from '../accounts/account.rules.ts';\n\nexport const value = accountRule;\n",
    );
    expect(architecture(messages)).toEqual([`boundaries/dependencies: ${FEATURE_SURFACE_MESSAGE}`]);
  });

  it("accepts a feature importing another feature's index.ts, and its own files", async () => {
    const messages = await lintCore(
      'exercises/sample.ts',
      "import { accountRule } from '../accounts/index.ts';\nimport { kernelValue } from '../kernel/errors.ts';\n" +
        "import { exerciseRule } from './exercise.rules.ts';\n\nexport const value = accountRule + kernelValue + exerciseRule;\n",
    );
    expect(architecture(messages)).toEqual([]);
  });

  it('rejects the kernel or the lib importing a feature, even through its index.ts', async () => {
    for (const file of ['kernel/sample.ts', 'lib/sample.ts']) {
      const messages = await lintCore(
        file,
        "import { accountRule } from '../accounts/index.ts';\n\nexport const value = accountRule;\n",
      );
      expect(architecture(messages), file).toEqual([
        `boundaries/dependencies: ${SHARED_LAYER_MESSAGE}`,
      ]);
    }
  });

  it('accepts the kernel importing the lib, and refuses production code importing test support', async () => {
    const kernel = await lintCore(
      'kernel/sample.ts',
      "import { helper } from '../lib/helper.ts';\n\nexport const value = helper;\n",
    );
    expect(architecture(kernel)).toEqual([]);
    const feature = await lintCore(
      'exercises/sample.ts',
      "import { factory } from '../testing/factories.ts';\n\nexport const value = factory;\n",
    );
    expect(architecture(feature).some((m) => m.startsWith('boundaries/dependencies'))).toBe(true);
  });
});

describe('package boundary rules', () => {
  it('rejects hono in packages/core', async () => {
    const messages = await lint(
      'core',
      "import { Hono } from 'hono';\nexport const app = new Hono();\n",
    );
    expect(
      messages.some((m) => m.startsWith('no-restricted-imports') && m.includes('packages/core')),
    ).toBe(true);
  });

  it('rejects @trpc, @sentry and prom-client in packages/core', async () => {
    for (const mod of ['@trpc/server', '@sentry/node', 'prom-client']) {
      const messages = await lint('core', `import * as m from '${mod}';\nexport const x = m;\n`);
      expect(
        messages.some((m) => m.startsWith('no-restricted-imports')),
        mod,
      ).toBe(true);
    }
  });

  it('rejects Prisma in packages/api', async () => {
    const messages = await lint(
      'api',
      "import { PrismaClient } from '@prisma/client';\nexport const c = PrismaClient;\n",
    );
    expect(
      messages.some((m) => m.startsWith('no-restricted-imports') && m.includes('Prisma')),
    ).toBe(true);
  });

  it('rejects deep imports into a package src folder', async () => {
    const messages = await lint(
      'api',
      "import { x } from '@mathakine/core/src/errors';\nexport const y = x;\n",
    );
    expect(messages.some((m) => m.startsWith('no-restricted-imports'))).toBe(true);
  });

  it('rejects process.env outside the env module', async () => {
    const messages = await lint('core', 'export const port = process.env.PORT;\n');
    expect(messages.some((m) => m.startsWith('no-restricted-syntax'))).toBe(true);
  });

  it('rejects the other spellings of an environment read', async () => {
    for (const code of [
      "export const port = process['env'].PORT;\n",
      'export const port = globalThis.process.env.PORT;\n',
      'const { env } = process;\nexport const port = env.PORT;\n',
    ]) {
      const messages = await lint('core', code);
      expect(
        messages.some((m) => m.startsWith('no-restricted-syntax')),
        code,
      ).toBe(true);
    }
    const imported = await lint(
      'api',
      "import { env } from 'node:process';\nexport const port = env.PORT;\n",
    );
    expect(imported.some((m) => m.startsWith('no-restricted-imports'))).toBe(true);
  });

  it('allows process.env only in the files listed in allowEnv', async () => {
    const code = 'export const port = process.env.PORT;\n';
    const elsewhere = await lint('config', code, ['other/env.ts']);
    expect(elsewhere.some((m) => m.startsWith('no-restricted-syntax'))).toBe(true);
    const inEnvModule = await lint('config', code, ['fixtures/sample.ts']);
    expect(inEnvModule.filter((m) => m.startsWith('no-restricted'))).toEqual([]);
  });

  it('rejects core and api imports in packages/config', async () => {
    const messages = await lint(
      'config',
      "import { createCore } from '@mathakine/core';\nexport const c = createCore;\n",
    );
    expect(messages.some((m) => m.startsWith('no-restricted-imports') && m.includes('leaf'))).toBe(
      true,
    );
  });

  it('rejects SQL built with the Unsafe raw query methods (audit S-3.1)', async () => {
    const messages = await lint(
      'core',
      'declare const db: { $queryRawUnsafe(q: string): Promise<unknown> };\n' +
        'export const f = (id: string) => db.$queryRawUnsafe(`SELECT * FROM users WHERE id = ${id}`);\n',
    );
    expect(messages.some((m) => m.startsWith('no-restricted-properties'))).toBe(true);
  });

  it('rejects floating promises', async () => {
    const messages = await lint('core', 'const f = async () => 1;\nf();\n');
    expect(messages.some((m) => m.startsWith('@typescript-eslint/no-floating-promises'))).toBe(
      true,
    );
  });

  it('accepts an allowed import', async () => {
    const messages = await lint('api', "import { z } from 'zod';\nexport const s = z.string();\n");
    expect(messages.filter((m) => m.startsWith('no-restricted'))).toEqual([]);
  });
});
