import { describe, expect, it } from 'vitest';

import { IMPORT_LEGACY_USAGE, runLegacyImportCommand } from './legacy-import-command.ts';

const run = async (argv: string[], url: string | null = 'postgresql://u:p@127.0.0.1:1/target') => {
  let stdout = '';
  let stderr = '';
  const code = await runLegacyImportCommand(argv, {
    database: { url, dataDir: 'memory://' },
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
};

describe('import-legacy (argument handling)', () => {
  it('prints the usage when asked', async () => {
    expect(await run(['--help'])).toEqual({
      code: 0,
      stdout: `${IMPORT_LEGACY_USAGE}\n`,
      stderr: '',
    });
  });

  it.each([
    [[]],
    [['--from', '']],
    [['--from', 'postgresql://x/legacy', '--dry-run', '--verify']],
    [['--from', 'postgresql://x/legacy', '--batch-size', '0']],
    [['--from', 'postgresql://x/legacy', '--batch-size', 'lots']],
    [['--from', 'postgresql://x/legacy', '--unknown']],
  ])('refuses %j with exit 2 before opening any database', async (argv) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(IMPORT_LEGACY_USAGE);
  });

  it('needs a PostgreSQL target', async () => {
    const result = await run(['--from', 'postgresql://x/legacy'], null);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('set DATABASE_URL');
  });

  it('fails cleanly, without printing the password, when the legacy database cannot be reached', async () => {
    const result = await run(['--from', 'postgresql://legacy:s3cret@127.0.0.1:1/legacy']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'cannot open the legacy database postgresql://legacy:***@127.0.0.1:1/legacy',
    );
    expect(result.stderr).not.toContain('s3cret');
  });
});
