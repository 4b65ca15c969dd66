import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

import { runDbCommand } from './db-commands.ts';
import { migrationsDir } from './paths.ts';

const run = async (argv: string[]) => {
  let stdout = '';
  const code = await runDbCommand(argv, {
    // Each command opens its own in-memory database.
    database: { url: null, dataDir: 'memory://' },
    migrationsDir: migrationsDir(),
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stdout += text;
    },
  });
  return { code, stdout };
};

describe('the database commands on an embedded database', () => {
  it('status lists every migration as pending on an empty database', async () => {
    const count = (await readdir(migrationsDir(), { withFileTypes: true })).filter((e) =>
      e.isDirectory(),
    ).length;
    const { code, stdout } = await run(['status']);
    expect(code).toBe(0);
    expect(stdout).toContain(`0 applied, ${count} pending, 0 changed, 0 missing`);
  });

  it('migrate applies the migrations and then the reference data', async () => {
    const { code, stdout } = await run(['migrate']);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /Reference data: \d+ badge\(s\) inserted, 0 updated, \d+ setting\(s\) inserted\./,
    );
  });
});
