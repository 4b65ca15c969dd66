import { describe, expect, it } from 'vitest';

import type { DriftReport, RunDriftCheckOptions } from '@mathakine/core/db/drift';

import { DB_COMMANDS_USAGE, runDbCommand, type DbCommandOptions } from './db-commands.ts';

const run = async (argv: string[], extra: Partial<DbCommandOptions> = {}) => {
  let stdout = '';
  let stderr = '';
  const code = await runDbCommand(argv, {
    database: { url: null, dataDir: 'memory://' },
    migrationsDir: '/nowhere/migrations',
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    ...extra,
  });
  return { code, stdout, stderr };
};

describe('the database commands (argument handling)', () => {
  it('prints the usage: exit 0 when asked, 2 without a command', async () => {
    expect(await run(['help'])).toEqual({ code: 0, stdout: `${DB_COMMANDS_USAGE}\n`, stderr: '' });
    expect((await run([])).code).toBe(2);
  });

  it('refuses an unknown command and a bad rollback count before opening any database', async () => {
    const unknown = await run(['drop-everything']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "drop-everything"');
    const rollback = await run(['rollback', 'two']);
    expect(rollback.code).toBe(1);
    expect(rollback.stderr).toContain('expected a positive number of migrations, got "two"');
  });

  it('runs the drift check only when the entry point provides it', async () => {
    const missing = await run(['check']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('development tool');

    const calls: RunDriftCheckOptions[] = [];
    const report: DriftReport = { ok: false, issues: [], allowed: [], warnings: [] };
    const checked = await run(['check', '--current'], {
      drift: {
        schemaPath: '/repo/prisma/schema.prisma',
        allowlistPath: '/repo/prisma/drift-allowlist.json',
        run: (options) => {
          calls.push(options);
          return Promise.resolve(report);
        },
      },
    });
    expect(checked.code).toBe(1);
    expect(calls).toMatchObject([
      {
        database: { url: null, dataDir: 'memory://' },
        current: true,
        migrationsDir: '/nowhere/migrations',
        schemaPath: '/repo/prisma/schema.prisma',
        allowlistPath: '/repo/prisma/drift-allowlist.json',
      },
    ]);
  });
});
