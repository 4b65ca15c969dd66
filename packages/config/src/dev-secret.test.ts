import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

import { DEV_SECRET_FILE, keptDevSecret } from './dev-secret.ts';
import { ConfigError, loadConfig, type EnvSource } from './index.ts';

const STRONG_SECRET = 'q7F!x2Lm9Pz#R4tVb8Nc1Kd6Hs3Wj5Ye0Ug';

const roots: string[] = [];
/** A fresh local data folder: the embedded database would live in `<root>/pglite`. */
const dataDir = (): string => {
  const root = mkdtempSync(path.join(tmpdir(), 'mathakine-dev-secret-'));
  roots.push(root);
  return path.join(root, 'pglite');
};
const secretFileOf = (dir: string): string => path.join(path.dirname(dir), DEV_SECRET_FILE);

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const devLoad = (env: EnvSource) => loadConfig(env, { keepDevSecret: true });

describe('development key kept in the local data folder', () => {
  it('gives the same key to two loads with the same data folder (a pnpm dev restart)', () => {
    const dir = dataDir();
    const first = devLoad({ MATHAKINE_DATA_DIR: dir });
    const second = devLoad({ MATHAKINE_DATA_DIR: dir });
    expect(first.secretKey).toBe(second.secretKey);
    expect(first.secretKeyGenerated).toBe(true);
    expect(first.warnings.join('\n')).toContain(`generated into ${secretFileOf(dir)}`);
    expect(second.warnings.join('\n')).toContain(`kept in ${secretFileOf(dir)}`);
    expect(readFileSync(secretFileOf(dir), 'utf8').trim()).toBe(first.secretKey);
  });

  it('writes a strong key readable by its owner only (0600)', () => {
    const dir = dataDir();
    const { secretKey } = devLoad({ MATHAKINE_DATA_DIR: dir });
    expect(secretKey.length).toBeGreaterThanOrEqual(32);
    expect(statSync(secretFileOf(dir)).mode & 0o777).toBe(0o600);
  });

  it('gives another data folder another key', () => {
    const a = devLoad({ MATHAKINE_DATA_DIR: dataDir() });
    const b = devLoad({ MATHAKINE_DATA_DIR: dataDir() });
    expect(a.secretKey).not.toBe(b.secretKey);
  });

  it('replaces a weak or empty key file', () => {
    const dir = dataDir();
    devLoad({ MATHAKINE_DATA_DIR: dir });
    writeFileSync(secretFileOf(dir), 'changeme\n');
    const replaced = devLoad({ MATHAKINE_DATA_DIR: dir });
    expect(replaced.secretKey).not.toBe('changeme');
    expect(readFileSync(secretFileOf(dir), 'utf8').trim()).toBe(replaced.secretKey);
  });

  it('a SECRET_KEY set in the environment wins and no file is written', () => {
    const dir = dataDir();
    const config = devLoad({ MATHAKINE_DATA_DIR: dir, SECRET_KEY: STRONG_SECRET });
    expect(config.secretKey).toBe(STRONG_SECRET);
    expect(config.secretKeyGenerated).toBe(false);
    expect(keptDevSecret(dir)).toMatchObject({ kind: 'kept', created: true });
  });

  it('production ignores the file: its SECRET_KEY is used, and without one it still refuses to start', () => {
    const dir = dataDir();
    const devKey = devLoad({ MATHAKINE_DATA_DIR: dir }).secretKey;
    const prod = {
      ENVIRONMENT: 'production',
      DATABASE_URL: 'postgresql://app:pw@db.internal:5432/mathakine',
      FRONTEND_URL: 'https://mathakine.fun',
      MATHAKINE_DATA_DIR: dir,
    };
    expect(devLoad({ ...prod, SECRET_KEY: STRONG_SECRET }).secretKey).toBe(STRONG_SECRET);
    expect(() => devLoad(prod)).toThrow(ConfigError);
    expect(readFileSync(secretFileOf(dir), 'utf8').trim()).toBe(devKey);
  });

  it('test runs and in-memory databases keep a per-process key (no file)', () => {
    const dir = dataDir();
    const underVitest = devLoad({ MATHAKINE_DATA_DIR: dir, VITEST: 'true' });
    expect(devLoad({ MATHAKINE_DATA_DIR: dir, VITEST: 'true' }).secretKey).not.toBe(
      underVitest.secretKey,
    );
    expect(keptDevSecret(dir)).toMatchObject({ kind: 'kept', created: true });
    const memory = devLoad({ MATHAKINE_DATA_DIR: 'memory://x' });
    expect(memory.warnings.join('\n')).toContain('random key was generated for this process');
  });

  it('an explicit environment without the option writes nothing', () => {
    const dir = dataDir();
    const a = loadConfig({ MATHAKINE_DATA_DIR: dir });
    const b = loadConfig({ MATHAKINE_DATA_DIR: dir });
    expect(a.secretKey).not.toBe(b.secretKey);
    expect(keptDevSecret(dir)).toMatchObject({ kind: 'kept', created: true });
  });
});
