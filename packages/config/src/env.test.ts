import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

import { readEnvironment } from './env.ts';

const dirs: string[] = [];
const withDotEnv = (content: string): string => {
  const dir = mkdtempSync(join(tmpdir(), 'mathakine-config-'));
  dirs.push(dir);
  writeFileSync(join(dir, '.env'), content);
  return dir;
};

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('readEnvironment', () => {
  it('fills unset variables from .env in development, real variables winning', () => {
    const cwd = withDotEnv('PORT=4000\nFRONTEND_URL=http://localhost:3000\n');
    const { env, notices } = readEnvironment({ cwd, processEnv: { PORT: '5000' } });
    expect(env.PORT).toBe('5000');
    expect(env.FRONTEND_URL).toBe('http://localhost:3000');
    expect(notices.join('')).toContain('.env');
  });

  it('never reads .env in production', () => {
    const cwd = withDotEnv('SECRET_KEY=from-file\n');
    const { env } = readEnvironment({ cwd, processEnv: { ENVIRONMENT: 'production' } });
    expect(env.SECRET_KEY).toBeUndefined();
  });

  it('never reads .env under a test runner', () => {
    const cwd = withDotEnv('PORT=4000\n');
    expect(readEnvironment({ cwd, processEnv: { VITEST: 'true' } }).env.PORT).toBeUndefined();
  });

  it('ignores a .env that would switch production on', () => {
    const cwd = withDotEnv('NODE_ENV=production\nPORT=4000\n');
    const { env, notices } = readEnvironment({ cwd, processEnv: {} });
    expect(env.PORT).toBeUndefined();
    expect(notices.join('')).toContain('ignored');
  });

  it('works without a .env file', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'mathakine-config-'));
    dirs.push(cwd);
    expect(readEnvironment({ cwd, processEnv: { PORT: '1' } })).toEqual({
      env: { PORT: '1' },
      notices: [],
    });
  });
});
