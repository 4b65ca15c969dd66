import { describe, expect, it } from 'vitest';

import { auditDetails, REDACTED, summariseChanges, toAuditJson } from './audit.rules.ts';

describe('audit summaries', () => {
  it('keeps only the changed fields, as from/to pairs of plain JSON', () => {
    const before = { title: 'Ancien', difficulty: 'INITIE', tags: ['a'], updatedAt: new Date(0) };
    const after = { title: 'Nouveau', difficulty: 'INITIE', tags: ['a', 'b'] };
    expect(summariseChanges(before, after)).toEqual({
      title: { from: 'Ancien', to: 'Nouveau' },
      tags: { from: ['a'], to: ['a', 'b'] },
    });
  });

  it('never writes a secret: password, hash, token and key fields are redacted, at any depth', () => {
    const changes = summariseChanges(
      { hashedPassword: '$2b$12$old', email: 'a@b.c' },
      { hashedPassword: '$2b$12$new', email: 'x@y.z' },
    );
    expect(changes.hashedPassword).toEqual({ from: REDACTED, to: REDACTED });
    expect(JSON.stringify(changes)).not.toContain('$2b$');
    const nested = auditDetails({ before: { apiKey: 'sk-live', nested: { resetToken: 't0k3n' } } });
    expect(JSON.stringify(nested)).not.toMatch(/sk-live|t0k3n/);
  });

  it('bounds what it stores: long strings, long lists and deep objects are cut', () => {
    const long = 'x'.repeat(5000);
    const json = toAuditJson({ text: long, list: Array.from({ length: 100 }, (_, i) => i) });
    const text = JSON.stringify(json);
    expect(text.length).toBeLessThan(600);
    let deep: unknown = 'leaf';
    for (let i = 0; i < 50; i += 1) deep = { deep };
    expect(JSON.stringify(toAuditJson(deep))).toContain('…');
  });

  it('stores null for empty details and turns dates and bigints into strings', () => {
    expect(auditDetails(null)).toBeNull();
    expect(auditDetails({})).toBeNull();
    expect(auditDetails({ at: new Date('2026-01-02T03:04:05Z'), n: 10n })).toEqual({
      at: '2026-01-02T03:04:05.000Z',
      n: '10',
    });
  });
});

describe('storable details', () => {
  it('replaces NUL and lone surrogates, in values and keys, and never cuts a pair in two', () => {
    expect(toAuditJson({ 'k\0': 'a\0b', s: '\ud800x' })).toEqual({
      'k\uFFFD': 'a\uFFFDb',
      s: '\uFFFDx',
    });
    const cut = toAuditJson(`${'a'.repeat(199)}💥`);
    expect(cut).toBe(`${'a'.repeat(199)}\uFFFD…`);
  });
});
