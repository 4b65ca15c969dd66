import { describe, expect, it } from 'vitest';

import { duplicateAddress, mapUser, resolveDuplicateEmails } from './user-rows.rules.ts';

const NOW = new Date('2026-01-15T12:00:00Z');
const HASH = '$2b$12$zECcTKdKiTEiqt1SmNlafOYQHom5ccud4nuBaH1Nzn.k76Wg6dAcC';
const ctx = { emailRewrites: new Map<number, string>(), now: NOW };

const legacyUser = (over: Record<string, unknown> = {}) => ({
  id: 7,
  username: 'luke',
  email: 'luke@example.org',
  hashed_password: HASH,
  role: 'PADAWAN',
  is_active: true,
  is_email_verified: true,
  created_at: new Date('2025-01-01T00:00:00Z'),
  updated_at: new Date('2025-02-01T00:00:00Z'),
  total_points: 120,
  current_level: 2,
  experience_points: 20,
  jedi_rank: 'youngling',
  ...over,
});

describe('mapUser', () => {
  it('keeps the bcrypt hash byte for byte and derives nothing stale', () => {
    const { row, findings } = mapUser(legacyUser(), ctx);
    expect(row).toMatchObject({
      id: 7,
      username: 'luke',
      email: 'luke@example.org',
      hashedPassword: HASH,
      role: 'PADAWAN',
      isActive: true,
      isEmailVerified: true,
      totalPoints: 120,
      preferences: {},
      createdAt: new Date('2025-01-01T00:00:00Z'),
    });
    expect(findings).toEqual([]);
  });

  it('lower-cases the e-mail and reports it', () => {
    const { row, findings } = mapUser(legacyUser({ email: 'Luke@Example.org' }), ctx);
    expect(row?.email).toBe('luke@example.org');
    expect(findings).toMatchObject([
      { action: 'normalised', column: 'email', to: 'luke@example.org' },
    ]);
  });

  it('rewrites the address of a case-insensitive duplicate and unverifies it', () => {
    const rewrites = new Map([[7, 'luke+legacy-7@example.org']]);
    const { row, findings } = mapUser(legacyUser(), { emailRewrites: rewrites, now: NOW });
    expect(row).toMatchObject({ email: 'luke+legacy-7@example.org', isEmailVerified: false });
    expect(findings[0]?.reason).toMatch(/log in by username/);
  });

  it('defaults NULLs the way the legacy code read them, and reports them', () => {
    const { row, findings } = mapUser(
      legacyUser({
        role: null,
        is_active: null,
        created_at: null,
        updated_at: null,
        total_points: null,
      }),
      ctx,
    );
    expect(row).toMatchObject({
      role: 'PADAWAN',
      isActive: true,
      createdAt: NOW,
      updatedAt: NOW,
      totalPoints: 0,
    });
    expect(findings.map((f) => f.column)).toEqual([
      'role',
      'current_level',
      'experience_points',
      'created_at',
    ]);
  });

  it('maps roles, onboarding fields and preferences, dropping what does not fit', () => {
    const { row, findings } = mapUser(
      legacyUser({
        role: 'ADMIN',
        grade_system: 'SUISSE',
        grade_level: 14,
        preferred_difficulty: 'chevalier',
        accessibility_settings: '{"timezone": "Europe/Zurich"}',
        current_level: 9,
        experience_points: 20,
        jedi_rank: 'master',
      }),
      ctx,
    );
    expect(row).toMatchObject({
      role: 'PADAWAN',
      gradeSystem: 'SUISSE',
      gradeLevel: null,
      preferredAgeGroup: null,
      preferences: { timezone: 'Europe/Zurich' },
    });
    expect(findings.map((f) => [f.column, f.action])).toEqual([
      ['role', 'normalised'],
      ['grade_system', 'normalised'],
      ['grade_level', 'dropped'],
      ['preferred_difficulty', 'dropped'],
      ['current_level', 'dropped'],
      ['jedi_rank', 'dropped'],
    ]);
  });

  it('maps preferred_difficulty age groups in either encoding', () => {
    expect(mapUser(legacyUser({ preferred_difficulty: '12-14' }), ctx).row?.preferredAgeGroup).toBe(
      'GROUP_12_14',
    );
    const label = mapUser(legacyUser({ preferred_difficulty: 'GROUP_13_15' }), ctx);
    expect(label.row?.preferredAgeGroup).toBe('GROUP_12_14');
    expect(label.findings).toMatchObject([
      { column: 'preferred_difficulty', action: 'normalised' },
    ]);
  });

  it('keeps the best streak (the current one is rebuilt from attempts)', () => {
    expect(mapUser(legacyUser({ best_streak: 3, current_streak: 5 }), ctx).row?.bestStreak).toBe(5);
    expect(
      mapUser(legacyUser({ best_streak: null, current_streak: null }), ctx).row?.bestStreak,
    ).toBe(0);
  });

  it('clamps negative points to 0', () => {
    const { row, findings } = mapUser(
      legacyUser({ total_points: -5, current_level: null, experience_points: null }),
      ctx,
    );
    expect(row?.totalPoints).toBe(0);
    expect(findings).toMatchObject([{ column: 'total_points', from: -5, to: 0 }]);
  });

  it('warns about a hash no bcrypt verifier accepts, but keeps the account', () => {
    const { row, findings } = mapUser(legacyUser({ hashed_password: 'plain' }), ctx);
    expect(row?.hashedPassword).toBe('plain');
    expect(findings).toMatchObject([{ action: 'warning', column: 'hashed_password' }]);
  });

  it.each([
    [{ id: null }, 'no id'],
    [{ username: ' ' }, 'no username'],
    [{ email: null }, 'no e-mail'],
    [{ hashed_password: null }, 'no password hash'],
  ])('rejects a row without an identity: %o', (over, reason) => {
    const { row, findings } = mapUser(legacyUser(over), ctx);
    expect(row).toBeNull();
    expect(findings).toMatchObject([{ action: 'rejected', reason }]);
  });
});

describe('resolveDuplicateEmails', () => {
  it('keeps the verified account, then the oldest, and rewrites the others', () => {
    const rewrites = resolveDuplicateEmails([
      { id: 2, email: 'Bob@X.org', isEmailVerified: false },
      { id: 5, email: 'bob@x.org', isEmailVerified: true },
      { id: 9, email: 'BOB@x.org ', isEmailVerified: false },
      { id: 3, email: 'alice@x.org', isEmailVerified: false },
    ]);
    expect([...rewrites]).toEqual([
      [2, 'bob+legacy-2@x.org'],
      [9, 'bob+legacy-9@x.org'],
    ]);
  });

  it('keeps the lowest id when none is verified', () => {
    const rewrites = resolveDuplicateEmails([
      { id: 4, email: 'a@x.org', isEmailVerified: false },
      { id: 1, email: 'A@x.org', isEmailVerified: false },
    ]);
    expect([...rewrites]).toEqual([[4, 'a+legacy-4@x.org']]);
  });

  it('stays within 100 characters', () => {
    const long = `${'l'.repeat(90)}@x.org`;
    expect(duplicateAddress(long, 12)).toBe('legacy-12@x.org');
    expect(duplicateAddress('nodomain', 3)).toBe('nodomain+legacy-3@invalid.invalid');
  });
});
