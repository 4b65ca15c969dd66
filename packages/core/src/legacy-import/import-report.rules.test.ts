import { describe, expect, it } from 'vitest';

import { KEY_OF, runningChecksum } from './checksums.rules.ts';
import {
  countRow,
  emptyCounts,
  formatCountsTable,
  formatFinding,
  LEGACY_TABLES,
  type TableCounts,
} from './import-report.rules.ts';

describe('the import report', () => {
  it('counts accepted, rejected and normalised rows', () => {
    const counts = emptyCounts();
    countRow(counts, [], true);
    countRow(
      counts,
      [{ table: 'users', id: 1, action: 'normalised', column: 'email', reason: 'r' }],
      true,
    );
    countRow(
      counts,
      [{ table: 'users', id: 2, action: 'warning', column: null, reason: 'r' }],
      true,
    );
    countRow(
      counts,
      [{ table: 'users', id: 3, action: 'rejected', column: null, reason: 'r' }],
      false,
    );
    expect(counts).toMatchObject({ source: 4, accepted: 3, rejected: 1, normalised: 1 });
  });

  it('prints one line per table and one line per finding', () => {
    const all = Object.fromEntries(LEGACY_TABLES.map((t) => [t, emptyCounts()])) as Record<
      (typeof LEGACY_TABLES)[number],
      TableCounts
    >;
    all.attempts = { ...emptyCounts(), source: 12, accepted: 10, inserted: 10, rejected: 2 };
    const table = formatCountsTable(all).split('\n');
    expect(table).toHaveLength(LEGACY_TABLES.length + 1);
    expect(table.find((l) => l.startsWith('attempts '))).toMatch(
      /attempts\s+12\s+10\s+10\s+0\s+2\s+0$/,
    );
    expect(
      formatFinding({
        table: 'users',
        id: 4,
        action: 'normalised',
        column: 'role',
        from: 'ADMIN',
        to: 'PADAWAN',
        reason: 'unknown role',
      }),
    ).toBe('normalised users#4.role "ADMIN" -> "PADAWAN": unknown role');
    expect(
      formatFinding({
        table: 'attempts',
        id: 10,
        action: 'rejected',
        column: null,
        reason: 'orphan',
      }),
    ).toBe('rejected   attempts#10: orphan');
    expect(
      formatFinding({
        table: 'users',
        id: 1,
        action: 'dropped',
        column: 'x',
        from: 'y'.repeat(200),
        reason: 'r',
      }),
    ).toContain('...');
  });
});

describe('key checksums', () => {
  it('depend on every key value and on the order, and track the highest id', () => {
    const row = {
      id: 3,
      userId: 1,
      targetId: 2,
      isCorrect: true,
      createdAt: new Date('2025-01-01T00:00:00Z'),
    };
    const a = runningChecksum();
    a.add(KEY_OF.attempts(row));
    const b = runningChecksum();
    b.add(KEY_OF.attempts({ ...row, isCorrect: false }));
    const c = runningChecksum();
    c.add(KEY_OF.attempts(row));
    expect(a.digest()).toBe(c.digest());
    expect(a.digest()).not.toBe(b.digest());
    expect([a.rows, a.maxId]).toEqual([1, 3]);
    const empty = runningChecksum();
    expect(empty.digest()).toMatch(/^[0-9a-f]{64}$/);
    expect(empty.maxId).toBe(0);
  });
});
