/**
 * The legacy import end to end (PostgreSQL only, project int-pg): a legacy database built from the
 * legacy schema and filled with awkward rows, imported into a freshly migrated database of ours.
 */
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createCore } from '../core.ts';
import { Prisma, type PrismaClient } from '../db/generated/client.ts';
import type { Ctx } from '../kernel/deps.ts';
import { testCoreConfig } from '../testing/accounts.ts';
import {
  createEmptyDatabase,
  createLegacySchema,
  createTestDatabase,
  seedAwkwardLegacyData,
  type AwkwardLegacyManifest,
  type EmptyDatabase,
  type TestDatabase,
} from '../testing/index.ts';
import { importLegacy, type ImportLegacyResult } from './import-legacy.ts';
import type { Finding } from './import-report.rules.ts';
import { openLegacySource } from './legacy-source.ts';

const log = pino({ level: 'silent' });
const ctx: Ctx = { actor: null, log, requestId: 'legacy-import' };
const NOW = new Date('2026-01-15T12:00:00Z');

let legacy: EmptyDatabase;
let legacyUrl: string;
let manifest: AwkwardLegacyManifest;
const opened: TestDatabase[] = [];

/** A digest of every row of every table of a PostgreSQL database (the source). */
const sourceSnapshot = async (url: string): Promise<Record<string, string>> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    );
    const out: Record<string, string> = {};
    for (const { name } of rows) {
      const r = await client.query<{ d: string }>(
        `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS d FROM "${name}" t`,
      );
      out[name] = r.rows[0]?.d ?? '';
    }
    return out;
  } finally {
    await client.end();
  }
};

/** The same digest of our database's tables, through Prisma. */
const targetSnapshot = async (prisma: PrismaClient): Promise<Record<string, string>> => {
  const tables = await prisma.$queryRaw<{ name: string }[]>(
    Prisma.sql`SELECT table_name::text AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const rows = await prisma.$queryRaw<{ d: string }[]>(
      Prisma.raw(
        `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS d FROM "${name}" t`,
      ),
    );
    out[name] = rows[0]?.d ?? '';
  }
  return out;
};

const freshTarget = async (): Promise<TestDatabase> => {
  const target = await createTestDatabase();
  opened.push(target);
  return target;
};

const runImport = async (
  target: TestDatabase,
  mode: 'import' | 'dry-run' | 'verify' = 'import',
): Promise<{ result: ImportLegacyResult; findings: Finding[] }> => {
  const findings: Finding[] = [];
  const source = await openLegacySource(legacyUrl);
  try {
    const result = await importLegacy({
      source,
      db: target.db,
      mode,
      now: NOW,
      batchSize: 3,
      onFinding: (f) => findings.push(f),
    });
    return { result, findings };
  } finally {
    await source.close();
  }
};

beforeAll(async () => {
  legacy = await createEmptyDatabase();
  if (legacy.url === null) throw new Error('int-pg runs only with DATABASE_URL');
  legacyUrl = legacy.url;
  await createLegacySchema(legacyUrl);
  manifest = await seedAwkwardLegacyData(legacyUrl);
});
afterAll(async () => {
  for (const target of opened) await target.dispose();
  await legacy.dispose();
});

describe('legacy import', () => {
  it('imports every learner, attempt and badge, and the verification passes', async () => {
    const before = await sourceSnapshot(legacyUrl);
    const target = await freshTarget();
    const { result, findings } = await runImport(target);

    expect(result.verification?.ok).toBe(true);
    expect(result.counts.users).toMatchObject({ source: 8, accepted: 8, inserted: 8, rejected: 0 });
    expect(result.counts.attempts).toMatchObject({
      accepted: manifest.valid.attempts,
      rejected: manifest.rejected.attempts,
    });
    expect(result.counts.logic_challenge_attempts).toMatchObject({
      accepted: manifest.valid.logic_challenge_attempts,
      rejected: manifest.rejected.logic_challenge_attempts,
    });
    expect(result.counts.user_achievements).toMatchObject({
      accepted: manifest.valid.user_achievements,
      rejected: manifest.rejected.user_achievements,
    });
    expect(result.counts.edtech_events.rejected).toBe(manifest.rejected.edtech_events);
    expect(result.skipped).toMatchObject({ user_sessions: 1, notifications: 1, progress: 1 });
    expect(result.caches?.exerciseProgress).toBeGreaterThan(0);
    expect(result.verification?.cacheMismatches).toEqual({
      exerciseProgress: 0,
      users: 0,
      challenges: 0,
      attemptDailyCounts: 0,
    });

    // Nothing was written to the source.
    expect(await sourceSnapshot(legacyUrl)).toEqual(before);

    const { prisma } = target;
    const users = await prisma.user.findMany({
      orderBy: { id: 'asc' },
      select: {
        id: true,
        email: true,
        role: true,
        totalPoints: true,
        isEmailVerified: true,
        preferences: true,
      },
    });
    expect(users.map((u) => [u.id, u.email, u.totalPoints])).toEqual(
      manifest.learners.map((l) => [l.id, l.email, l.totalPoints]),
    );
    expect(users.map((u) => u.role)).toEqual([
      'MAITRE',
      'PADAWAN',
      'PADAWAN',
      'PADAWAN',
      'GARDIEN',
      'PADAWAN',
      'ARCHIVISTE',
      'PADAWAN',
    ]);
    expect(users[2]?.isEmailVerified).toBe(false);
    expect(users[0]?.preferences).toEqual({ high_contrast: true, language_preference: 'fr' });
    expect(users[3]?.preferences).toEqual({});

    // Reasons are reported for the awkward values.
    const about = (table: string, id: number, column: string | null) =>
      findings
        .filter((f) => f.table === table && f.id === id && f.column === column)
        .map((f) => f.action);
    expect(about('users', 3, 'email')).toEqual(['normalised']);
    expect(about('users', 4, 'role')).toEqual(['normalised']);
    expect(about('users', 4, 'accessibility_settings')).toEqual(['normalised']);
    expect(about('attempts', 10, 'user_id')).toEqual(['rejected']);
    expect(about('user_achievements', 8, 'achievement_id')).toEqual(['rejected']);
    expect(about('edtech_events', 3, 'event')).toEqual(['rejected']);

    // Badges: matched by code, pinned ones kept only when earned, in order.
    const pins = await prisma.userPinnedBadge.findMany({
      orderBy: [{ userId: 'asc' }, { position: 'asc' }],
      select: { userId: true, position: true, award: { select: { achievementId: true } } },
    });
    expect(pins.map((p) => [p.userId, p.position, p.award.achievementId])).toEqual([
      [1, 1, 1],
      [1, 2, 2],
      [7, 1, 3],
      [7, 2, 4],
    ]);
    const custom = await prisma.achievement.findUniqueOrThrow({
      where: { code: 'legacy_custom' },
      select: { id: true },
    });
    expect(
      await prisma.userAchievement.count({ where: { userId: 5, achievementId: custom.id } }),
    ).toBe(1);

    // Derived caches: two UTC days in a row for gardien_lc (23:59 and 00:01).
    const gardien = await prisma.user.findUniqueOrThrow({
      where: { id: 5 },
      select: {
        totalAttempts: true,
        correctAttempts: true,
        bestStreak: true,
        lastActivityDate: true,
      },
    });
    expect(gardien).toEqual({
      totalAttempts: 2,
      correctAttempts: 2,
      bestStreak: 2,
      lastActivityDate: new Date('2025-04-06T00:00:00Z'),
    });

    // Sequences moved past the legacy ids.
    const next = await prisma.user.create({
      data: { username: 'after_cutover', email: 'after@example.org', hashedPassword: 'x' },
      select: { id: true },
    });
    expect(next.id).toBeGreaterThan(8);
    // The starter catalogue is back, on new ids.
    const starters = await prisma.logicChallenge.findMany({
      where: { sourceReference: { startsWith: 'starter:' } },
      select: { id: true },
    });
    expect(starters.length).toBeGreaterThan(0);
    expect(Math.min(...starters.map((s) => s.id))).toBeGreaterThan(3);
  });

  it('lets every active learner log in with the legacy password, by username or e-mail', async () => {
    const target = await freshTarget();
    await runImport(target);
    const core = createCore({
      db: target.db,
      log,
      clock: { now: () => new Date() },
      config: testCoreConfig(),
    });
    for (const [i, learner] of manifest.learners.entries()) {
      const client = { ip: `198.51.100.${i + 1}`, userAgent: 'legacy-import' };
      for (const identifier of [learner.username, learner.email]) {
        const login = core.auth.login(
          ctx,
          { username: identifier, password: learner.password },
          client,
        );
        if (learner.canLogIn) expect((await login).user.id).toBe(learner.id);
        else await expect(login).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      }
    }
    await expect(
      core.auth.login(
        ctx,
        { username: 'padawan1', password: 'wrong' },
        { ip: '198.51.100.99', userAgent: null },
      ),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('changes nothing when run again, and verifies the imported database', async () => {
    const target = await freshTarget();
    await runImport(target);
    const once = await targetSnapshot(target.prisma);
    const { result } = await runImport(target);
    expect(await targetSnapshot(target.prisma)).toEqual(once);
    for (const counts of Object.values(result.counts)) {
      expect(counts).toMatchObject({ inserted: 0, updated: 0 });
    }
    expect(result.caches).toEqual({ exerciseProgress: 0, users: 0, challenges: 0 });
    expect(result.sequencesMoved).toEqual([]);
    expect(result.verification?.ok).toBe(true);

    const verify = await runImport(target, 'verify');
    expect(verify.result.verification?.ok).toBe(true);
    expect(await targetSnapshot(target.prisma)).toEqual(once);

    // A damaged import is caught: an attempt lost and a cache gone stale.
    await target.prisma.attempt.delete({ where: { id: 3 } });
    const damaged = await runImport(target, 'verify');
    expect(damaged.result.verification?.ok).toBe(false);
    const attempts = damaged.result.verification?.tables.find((t) => t.table === 'attempts');
    expect(attempts).toMatchObject({ expected: 9, found: 8, ok: false });
    expect(damaged.result.verification?.cacheMismatches.exerciseProgress).toBeGreaterThan(0);
  });

  it('writes nothing in a dry run and still reports every finding', async () => {
    const target = await freshTarget();
    const before = await targetSnapshot(target.prisma);
    const { result, findings } = await runImport(target, 'dry-run');
    expect(await targetSnapshot(target.prisma)).toEqual(before);
    expect(result.verification).toBeNull();
    expect(result.counts.users).toMatchObject({ source: 8, accepted: 8, inserted: 0 });
    expect(result.counts.attempts.rejected).toBe(manifest.rejected.attempts);
    expect(findings.filter((f) => f.action === 'rejected')).toHaveLength(result.findings.rejected);
  });

  it('reads the source in a read-only session', async () => {
    const source = await openLegacySource(legacyUrl);
    try {
      await expect(
        source.all(`INSERT INTO settings (key, value) VALUES ('x', 'y')`),
      ).rejects.toThrow(/read-only transaction/);
    } finally {
      await source.close();
    }
  });

  it('refuses a target that already holds other accounts on the legacy ids', async () => {
    const target = await freshTarget();
    await target.prisma.user.create({
      data: { id: 1, username: 'someone_else', email: 'else@example.org', hashedPassword: 'x' },
      select: { id: true },
    });
    await expect(runImport(target)).rejects.toThrow(/already holds other accounts/);
    expect(await target.prisma.attempt.count()).toBe(0);
  });
});
