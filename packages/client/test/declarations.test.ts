import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The published declarations (`dist/index.d.ts`, built by `pnpm build`; turbo builds before testing):
 * self-contained, importing only the client's peer dependencies, and free of anything of the server.
 */
const dts = fileURLToPath(new URL('../dist/index.d.ts', import.meta.url));

describe('the bundled declarations', () => {
  const text = existsSync(dts) ? readFileSync(dts, 'utf8') : '';

  it('exist (run `pnpm --filter @mathakine/client build` first)', () => {
    expect(text.length).toBeGreaterThan(1_000);
  });

  it('import only the peer dependencies', () => {
    const sources = [...text.matchAll(/\bfrom\s+"([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(sources)).toEqual(new Set(['@trpc/client', '@trpc/server', 'superjson']));
    expect(text).not.toMatch(/\bimport\(/);
  });

  it('carry nothing of the server: no Prisma, no core, no logger, no HTTP framework, no bigint', () => {
    for (const leak of [/prisma/i, /@mathakine\//, /\bpino\b/, /\bLogger\b/, /\bhono\b/i]) {
      expect(text, String(leak)).not.toMatch(leak);
    }
    expect(text).not.toMatch(/\bbigint\b|\b\d+n\b/);
    expect(text).not.toMatch(/\bany\b/);
    expect(text).not.toMatch(/\.ts["']/);
    // The server context is opaque (tsdown.config.ts), and nothing else of it is declared.
    expect(text).toContain('type TrpcContext = object;');
    expect(text).not.toMatch(/\bCore\b|\bActor\b|\bCookieJar\b/);
  });

  it('export the client API', () => {
    const exported = /export \{([^}]+)\};?\s*$/.exec(text)?.[1] ?? '';
    const names = exported.split(',').map((n) => n.trim().replace(/^type /, ''));
    expect(names.sort()).toEqual(
      [
        'AppErrorCode',
        'AppErrorData',
        'AppRouter',
        'MathakineClientError',
        'MathakineClientOptions',
        'RouterInputs',
        'RouterOutputs',
        'appErrorCodeOf',
        'createMathakineClient',
        'isMathakineError',
        'transformer',
      ].sort(),
    );
  });
});
