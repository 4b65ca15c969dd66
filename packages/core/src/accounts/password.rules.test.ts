import { describe, expect, it } from 'vitest';

import { isWeakPassword, PASSWORD_MESSAGES, passwordPolicyViolation } from './password.rules.ts';

describe('password policy', () => {
  it('accepts a password with 8+ characters, a digit and an upper-case letter', () => {
    expect(passwordPolicyViolation('Padawan2026')).toBeNull();
    expect(passwordPolicyViolation('Éléphant9')).toBeNull();
  });

  it('reports the first violated rule in the legacy order', () => {
    expect(passwordPolicyViolation('Ab1')).toBe(PASSWORD_MESSAGES.tooShort);
    expect(passwordPolicyViolation('Abcdefghij')).toBe(PASSWORD_MESSAGES.noDigit);
    expect(passwordPolicyViolation('abcdefgh1')).toBe(PASSWORD_MESSAGES.noUppercase);
  });

  it('refuses more than 72 UTF-8 bytes instead of truncating', () => {
    expect(passwordPolicyViolation(`A1${'é'.repeat(36)}`)).toBe(PASSWORD_MESSAGES.tooLong);
    expect(passwordPolicyViolation(`A1${'a'.repeat(70)}`)).toBeNull();
  });

  it('never trims', () => {
    expect(passwordPolicyViolation('  Abc1   ')).toBeNull();
  });

  it('flags weak administrator passwords', () => {
    expect(isWeakPassword('Admin123')).toBe(true);
    expect(isWeakPassword('Grand-Archiviste-2026')).toBe(false);
  });
});
