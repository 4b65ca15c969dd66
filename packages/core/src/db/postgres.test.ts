import { describe, expect, it } from 'vitest';

import { createStatementNamer } from './postgres.ts';

describe('createStatementNamer', () => {
  it('gives one text one stable name, two texts two names', () => {
    const name = createStatementNamer();
    const a = name({ sql: 'SELECT 1' });
    expect(a).toMatch(/^mk_[0-9a-f]{24}$/);
    expect(name({ sql: 'SELECT 1' })).toBe(a);
    expect(createStatementNamer()({ sql: 'SELECT 1' })).toBe(a); // same on every connection / process
    expect(name({ sql: 'SELECT 2' })).not.toBe(a);
  });

  it('leaves texts past its bound unnamed (run unprepared) and keeps naming the known ones', () => {
    const name = createStatementNamer(2);
    const a = name({ sql: 'SELECT $1' });
    const b = name({ sql: 'SELECT $1, $2' });
    expect(name({ sql: 'SELECT $1, $2, $3' })).toBe('');
    expect(name({ sql: 'SELECT $1' })).toBe(a);
    expect(name({ sql: 'SELECT $1, $2' })).toBe(b);
  });

  it('tells apart texts of the same length', () => {
    const name = createStatementNamer();
    const texts = ['SELECT $1 AS a', 'SELECT $1 AS b', 'SELECT $2 AS a', 'SELECT $1 AS a'];
    const names = texts.map((sql) => name({ sql }));
    expect(new Set(names).size).toBe(3);
    expect(names[3]).toBe(names[0]);
    // A text built afresh (not the same string instance) gets its known name.
    expect(name({ sql: ['SELECT ', '$1', ' AS b'].join('') })).toBe(names[1]);
  });
});
