import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { createBcryptHasher } from '@mathakine/core';
import { createDb } from '@mathakine/core/db';

import { runDbCommand, type DbCommandOptions } from './db-commands.ts';
import { migrationsDir } from './paths.ts';

const run = async (
  argv: string[],
  // Each command opens its own in-memory database unless given a folder.
  dataDir = 'memory://',
  environment?: DbCommandOptions['environment'],
) => {
  let stdout = '';
  const code = await runDbCommand(argv, {
    database: { url: null, dataDir },
    migrationsDir: migrationsDir(),
    ...(environment ? { environment } : {}),
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

describe('seed-demo', () => {
  it('creates the demo account with some history in development, once; refuses anywhere else', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'mathakine-seed-demo-'));
    try {
      expect((await run(['migrate'], dir)).code).toBe(0);
      for (const environment of [
        undefined,
        { name: 'production', isProduction: true },
        { name: 'development', isProduction: true },
        { name: 'staging', isProduction: false },
      ]) {
        const refused = await run(['seed-demo'], dir, environment);
        expect(refused.code, JSON.stringify(environment)).toBe(1);
        expect(refused.stdout).toContain('seed-demo refused');
      }
      const refusedDb = await createDb({ url: null, dataDir: dir });
      try {
        expect(await refusedDb.prisma.user.count()).toBe(0);
      } finally {
        await refusedDb.close();
      }

      const development = { name: 'development', isProduction: false };
      const seeded = await run(['seed-demo'], dir, development);
      expect(seeded.code).toBe(0);
      expect(seeded.stdout).toContain('Demo account "ObiWan" (password "HelloThere123!")');
      const again = await run(['seed-demo'], dir, development);
      expect(again.code).toBe(0);
      expect(again.stdout).not.toContain('Demo account');

      const db = await createDb({ url: null, dataDir: dir });
      try {
        const obiwan = await db.prisma.user.findUniqueOrThrow({
          where: { username: 'ObiWan' },
          select: {
            id: true,
            role: true,
            isEmailVerified: true,
            hashedPassword: true,
            totalAttempts: true,
            correctAttempts: true,
            totalChallengeAttempts: true,
            correctChallengeAttempts: true,
            currentStreak: true,
          },
        });
        expect(obiwan).toMatchObject({
          role: 'PADAWAN',
          isEmailVerified: true,
          totalAttempts: 3,
          correctAttempts: 2,
          totalChallengeAttempts: 3,
          correctChallengeAttempts: 2,
          currentStreak: 1,
        });
        expect(await createBcryptHasher(4).verify('HelloThere123!', obiwan.hashedPassword)).toBe(
          true,
        );
        expect(await db.prisma.logicChallengeAttempt.count({ where: { userId: obiwan.id } })).toBe(
          3,
        );
        expect(await db.prisma.exerciseProgress.count({ where: { userId: obiwan.id } })).toBe(3);
      } finally {
        await db.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
