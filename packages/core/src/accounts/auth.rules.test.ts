import { describe, expect, it } from 'vitest';

import {
  accessScopeOf,
  isEmailIdentifier,
  normaliseEmail,
  roleFromDb,
  roleToDb,
} from './auth.rules.ts';

describe('access scope', () => {
  const created = new Date('2026-01-01T10:00:00Z');
  it('is full when verified', () => {
    expect(
      accessScopeOf(
        { isEmailVerified: true, createdAt: created },
        new Date('2027-01-01T00:00:00Z'),
        45,
      ),
    ).toBe('full');
  });
  it('is full during the grace period, then exercises_only', () => {
    expect(
      accessScopeOf(
        { isEmailVerified: false, createdAt: created },
        new Date('2026-01-01T10:44:59Z'),
        45,
      ),
    ).toBe('full');
    expect(
      accessScopeOf(
        { isEmailVerified: false, createdAt: created },
        new Date('2026-01-01T10:45:00Z'),
        45,
      ),
    ).toBe('exercises_only');
  });
});

describe('identity helpers', () => {
  it('maps roles both ways', () => {
    expect(roleFromDb('ARCHIVISTE')).toBe('archiviste');
    expect(roleToDb('maitre')).toBe('MAITRE');
  });
  it('normalises e-mails and detects e-mail identifiers', () => {
    expect(normaliseEmail('  Luke@Example.ORG ')).toBe('luke@example.org');
    expect(isEmailIdentifier('luke@example.org')).toBe(true);
    expect(isEmailIdentifier('luke')).toBe(false);
  });
});
