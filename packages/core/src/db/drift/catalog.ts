/** The live side of the drift check: the `public` schema's catalog read from pg_catalog. */
import type { SqlSession } from '../migrate.ts';

export interface ColumnSnapshot {
  name: string;
  type: string;
  nullable: boolean;
  default: string | null;
  /** pg_attribute.attidentity: '' (none), 'a' (always), 'd' (by default). */
  identity: string;
}

export interface TableSnapshot {
  name: string;
  columns: ColumnSnapshot[];
}

export interface IndexSnapshot {
  name: string;
  table: string;
  /** Key columns in order, `name DESC` when descending; expression keys are left out (see hasExpressions). */
  columns: string[];
  unique: boolean;
  primary: boolean;
  /** Partial index predicate. */
  predicate: string | null;
  hasExpressions: boolean;
  method: string;
  definition: string;
  /** 'p' / 'u' / 'x' when the index backs a constraint, else null. */
  constraintType: string | null;
}

export type ReferentialAction = 'NoAction' | 'Restrict' | 'Cascade' | 'SetNull' | 'SetDefault';

export interface ForeignKeySnapshot {
  name: string;
  table: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

export interface CheckSnapshot {
  name: string;
  table: string;
  definition: string;
}

export interface EnumSnapshot {
  name: string;
  labels: string[];
}

export interface SchemaSnapshot {
  tables: TableSnapshot[];
  views: string[];
  enums: EnumSnapshot[];
  indexes: IndexSnapshot[];
  foreignKeys: ForeignKeySnapshot[];
  checks: CheckSnapshot[];
  triggers: { name: string; table: string }[];
}

const ACTIONS: Record<string, ReferentialAction> = {
  a: 'NoAction',
  r: 'Restrict',
  c: 'Cascade',
  n: 'SetNull',
  d: 'SetDefault',
};

const toAction = (code: string): ReferentialAction => ACTIONS[code] ?? 'NoAction';

const asArray = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') {
    // '{a,b}' when a driver leaves arrays unparsed.
    const inner = value.replace(/^\{|\}$/g, '');
    return inner === '' ? [] : inner.split(',').map((s) => s.replace(/^"|"$/g, ''));
  }
  return [];
};

/** Reads the `public` schema's catalog. Deterministic order, so two snapshots compare with deep equality. */
export const introspectSchema = async (session: SqlSession): Promise<SchemaSnapshot> => {
  const relations = await session.query<{ name: string; kind: string }>(
    `SELECT c.relname::text AS name, c.relkind::text AS kind
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')
      ORDER BY c.relname`,
  );
  const columns = await session.query<{
    table: string;
    name: string;
    type: string;
    nullable: boolean;
    default: string | null;
    identity: string;
  }>(
    `SELECT c.relname::text AS "table", a.attname::text AS name, format_type(a.atttypid, a.atttypmod) AS type,
            NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS "default", a.attidentity::text AS identity
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
  );
  const enumRows = await session.query<{ name: string; label: string }>(
    `SELECT t.typname::text AS name, e.enumlabel::text AS label
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public'
      ORDER BY t.typname, e.enumsortorder`,
  );
  const indexRows = await session.query<{
    name: string;
    table: string;
    unique: boolean;
    primary: boolean;
    predicate: string | null;
    has_expressions: boolean;
    method: string;
    definition: string;
    columns: unknown;
    constraint_type: string | null;
  }>(
    `SELECT ic.relname::text AS name, tc.relname::text AS "table", i.indisunique AS "unique", i.indisprimary AS "primary",
            pg_get_expr(i.indpred, i.indrelid) AS predicate, i.indexprs IS NOT NULL AS has_expressions,
            am.amname::text AS method, pg_get_indexdef(i.indexrelid) AS definition,
            ARRAY(SELECT a.attname::text || CASE WHEN (i.indoption[k.ord - 1] & 1) = 1 THEN ' DESC' ELSE '' END
                    FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                   ORDER BY k.ord) AS columns,
            (SELECT con.contype::text FROM pg_constraint con
              WHERE con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x') LIMIT 1) AS constraint_type
       FROM pg_index i
       JOIN pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_class tc ON tc.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = tc.relnamespace
       JOIN pg_am am ON am.oid = ic.relam
      WHERE n.nspname = 'public'
      ORDER BY tc.relname, ic.relname`,
  );
  const fkRows = await session.query<{
    name: string;
    table: string;
    ref_table: string;
    columns: unknown;
    ref_columns: unknown;
    on_delete: string;
    on_update: string;
  }>(
    `SELECT con.conname::text AS name, tc.relname::text AS "table", rc.relname::text AS ref_table,
            ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
            ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS ref_columns,
            con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update
       FROM pg_constraint con
       JOIN pg_class tc ON tc.oid = con.conrelid
       JOIN pg_class rc ON rc.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = tc.relnamespace
      WHERE n.nspname = 'public' AND con.contype = 'f'
      ORDER BY tc.relname, con.conname`,
  );
  const checkRows = await session.query<{ name: string; table: string; definition: string }>(
    `SELECT con.conname::text AS name, tc.relname::text AS "table", pg_get_constraintdef(con.oid) AS definition
       FROM pg_constraint con
       JOIN pg_class tc ON tc.oid = con.conrelid
       JOIN pg_namespace n ON n.oid = tc.relnamespace
      WHERE n.nspname = 'public' AND con.contype = 'c'
      ORDER BY tc.relname, con.conname`,
  );
  const triggerRows = await session.query<{ name: string; table: string }>(
    `SELECT t.tgname::text AS name, c.relname::text AS "table"
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND NOT t.tgisinternal
      ORDER BY c.relname, t.tgname`,
  );

  const tables: TableSnapshot[] = relations
    .filter((r) => r.kind === 'r' || r.kind === 'p')
    .map((r) => ({
      name: r.name,
      columns: columns
        .filter((c) => c.table === r.name)
        .map((c) => ({
          name: c.name,
          type: c.type,
          nullable: c.nullable,
          default: c.default,
          identity: c.identity,
        })),
    }));
  const enums: EnumSnapshot[] = [];
  for (const row of enumRows) {
    const last = enums.at(-1);
    if (last !== undefined && last.name === row.name) last.labels.push(row.label);
    else enums.push({ name: row.name, labels: [row.label] });
  }
  return {
    tables,
    views: relations.filter((r) => r.kind === 'v' || r.kind === 'm').map((r) => r.name),
    enums,
    indexes: indexRows.map((r) => ({
      name: r.name,
      table: r.table,
      columns: asArray(r.columns),
      unique: r.unique,
      primary: r.primary,
      predicate: r.predicate,
      hasExpressions: r.has_expressions,
      method: r.method,
      definition: r.definition,
      constraintType: r.constraint_type,
    })),
    foreignKeys: fkRows.map((r) => ({
      name: r.name,
      table: r.table,
      columns: asArray(r.columns),
      refTable: r.ref_table,
      refColumns: asArray(r.ref_columns),
      onDelete: toAction(r.on_delete),
      onUpdate: toAction(r.on_update),
    })),
    checks: checkRows,
    triggers: triggerRows,
  };
};
