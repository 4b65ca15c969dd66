import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import {
  compareSchema,
  EMPTY_ALLOWLIST,
  expectedSchemaFromPrisma,
  normalizeDefault,
  normalizeType,
  type SchemaSnapshot,
} from './drift.ts';

const fixtureSchema = readFileSync(
  path.resolve(import.meta.dirname, '__fixtures__/schema.prisma'),
  'utf8',
);

describe('drift normalisation', () => {
  it('normalises defaults as pg_get_expr prints them', () => {
    expect(normalizeDefault("'padawan'::learner_role")).toBe('padawan');
    expect(normalizeDefault("'{}'::jsonb")).toBe('{}');
    expect(normalizeDefault("'it''s'::character varying")).toBe("it's");
    expect(normalizeDefault("'{}'::text[]")).toBe('{}');
    expect(normalizeDefault('ARRAY[]::text[]')).toBe('{}');
    expect(normalizeDefault("'0'::numeric(5,2)")).toBe('0');
    expect(normalizeDefault('(-1)')).toBe('-1');
    expect(normalizeDefault('CURRENT_TIMESTAMP')).toBe('CURRENT_TIMESTAMP');
  });

  it('treats the default timestamp precision as the same type', () => {
    expect(normalizeType('timestamp(6) with time zone')).toBe('timestamp with time zone');
    expect(normalizeType('"UserRole"')).toBe('userrole');
    expect(normalizeType('character varying(50)')).toBe('character varying(50)');
  });
});

describe('expected schema from Prisma', () => {
  it('maps models, native types, defaults, indexes and relations to database names', () => {
    const expected = expectedSchemaFromPrisma(fixtureSchema);
    const learners = expected.tables.find((t) => t.name === 'learners');
    expect(learners?.columns).toEqual([
      {
        name: 'id',
        field: 'Learner.id',
        type: 'integer',
        nullable: false,
        default: { kind: 'autoincrement' },
      },
      {
        name: 'username',
        field: 'Learner.username',
        type: 'character varying(50)',
        nullable: false,
        default: { kind: 'none' },
      },
      {
        name: 'role',
        field: 'Learner.role',
        type: 'learner_role',
        nullable: false,
        default: { kind: 'value', value: 'padawan' },
      },
      {
        name: 'points',
        field: 'Learner.points',
        type: 'integer',
        nullable: false,
        default: { kind: 'value', value: '0' },
      },
      {
        name: 'created_at',
        field: 'Learner.createdAt',
        type: 'timestamp with time zone',
        nullable: false,
        default: { kind: 'now' },
      },
    ]);
    expect(expected.enums).toEqual([{ name: 'learner_role', labels: ['padawan', 'maitre'] }]);
    expect(expected.indexes).toContainEqual({
      table: 'attempts',
      columns: ['learner_id', 'is_correct'],
      unique: false,
      primary: false,
      name: null,
      method: null,
    });
    expect(expected.foreignKeys).toEqual([
      {
        table: 'attempts',
        columns: ['learner_id'],
        refTable: 'learners',
        refColumns: ['id'],
        onDelete: 'Cascade',
        onUpdate: 'Cascade',
      },
    ]);
  });

  it("rejects a schema that does not parse, with Prisma's message", () => {
    expect(() => expectedSchemaFromPrisma('model {')).toThrow(/The Prisma schema does not parse/);
  });
});

describe('compareSchema', () => {
  it('reports a missing table and ignores the migrations table', () => {
    const expected = expectedSchemaFromPrisma(fixtureSchema);
    const actual: SchemaSnapshot = {
      tables: [{ name: '_mathakine_migrations', columns: [] }],
      views: [],
      enums: [{ name: 'learner_role', labels: ['padawan', 'maitre'] }],
      indexes: [],
      foreignKeys: [],
      checks: [],
      triggers: [],
    };
    const report = compareSchema(expected, actual, EMPTY_ALLOWLIST);
    expect(report.issues.map((i) => i.object)).toContain('table learners');
    expect(report.issues.map((i) => i.object)).not.toContain('table _mathakine_migrations');
  });
});
