/**
 * Drift check (`pnpm db:check`): the live catalog of a migrated database against the Prisma schema.
 *
 * Expected side: the Prisma schema parsed by Prisma's own parser (`getDMMF` from `@prisma/get-dmmf`, the wasm
 * build `@prisma/internals` re-exports; it works offline). Actual side: pg_catalog. Compared: tables, columns
 * (type incl. varchar length / timestamptz / jsonb / enums, nullability, default), enum labels, primary keys,
 * unique constraints and indexes, foreign keys with ON DELETE / ON UPDATE. Anything in the database that the
 * schema does not declare is drift, except the migrations table and the allow-list `prisma/drift-allowlist.json`:
 *   { "checks": [...], "indexes": [...], "triggers"?: [...], "foreignKeys"?: [...], "notes": { name: why } }
 * An entry is a constraint / index / trigger name, optionally qualified by its table (`table.name`).
 * Not compared (Prisma features we do not use): operator classes, index NULLS ordering, `@db` on list elements.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { getDMMF, type GetDMMFError } from '@prisma/get-dmmf';

import { createMigrator, MIGRATIONS_TABLE, openSqlSession, type SqlSession } from './migrate.ts';
import { MEMORY_DATA_DIR, openPglite } from './pglite.ts';
import { connectPostgres, quoteIdent, withDatabaseName } from './postgres.ts';

// ---------------------------------------------------------------------------------------------------------
// Live catalog

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

// ---------------------------------------------------------------------------------------------------------
// Expected schema (Prisma DMMF)

type Document = Exclude<ReturnType<typeof getDMMF>, GetDMMFError>;
type Datamodel = Document['datamodel'];
type Model = Datamodel['models'][number];
type Field = Model['fields'][number];

export interface ExpectedColumn {
  name: string;
  field: string;
  type: string;
  /** null = either (Prisma scalar lists). */
  nullable: boolean | null;
  default: ExpectedDefault;
}

export type ExpectedDefault =
  | { kind: 'none' }
  | { kind: 'autoincrement' }
  | { kind: 'now' }
  | { kind: 'expression'; expression: string | null }
  | { kind: 'value'; value: string };

export interface ExpectedIndex {
  table: string;
  /** Column names, `name DESC` for a descending key column (same spelling as IndexSnapshot.columns). */
  columns: string[];
  unique: boolean;
  primary: boolean;
  /** Only set when the schema names it (`map:`). */
  name: string | null;
  method: string | null;
}

export interface ExpectedForeignKey {
  table: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

export interface ExpectedSchema {
  tables: { name: string; model: string; columns: ExpectedColumn[] }[];
  enums: EnumSnapshot[];
  indexes: ExpectedIndex[];
  foreignKeys: ExpectedForeignKey[];
}

const isGetDmmfError = (value: Document | GetDMMFError): value is GetDMMFError =>
  'type' in value && 'error' in value;

// eslint-disable-next-line no-control-regex -- strips ANSI colours from Prisma's validation messages
const stripAnsi = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, '');

export const parsePrismaSchema = (schemaText: string): Datamodel => {
  const result = getDMMF({ datamodel: schemaText });
  if (isGetDmmfError(result)) {
    const raw = result.error instanceof Error ? result.error.message : String(result.error);
    let message = raw;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (parsed !== null && typeof parsed === 'object' && 'message' in parsed)
        message = String(parsed.message);
    } catch {
      // not JSON: keep the raw text
    }
    throw new Error(`The Prisma schema does not parse: ${stripAnsi(message)}`);
  }
  return result.datamodel;
};

const SCALAR_TYPES: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Float: 'double precision',
  Decimal: 'numeric(65,30)',
  Boolean: 'boolean',
  DateTime: 'timestamp(3) without time zone',
  Json: 'jsonb',
  Bytes: 'bytea',
};

const nativeTypeToPg = (name: string, args: readonly string[]): string => {
  const a = args.join(',');
  const withArgs = (base: string) => (a === '' ? base : `${base}(${a})`);
  switch (name) {
    case 'VarChar':
      return withArgs('character varying');
    case 'Char':
      return withArgs('character');
    case 'Text':
      return 'text';
    case 'Uuid':
      return 'uuid';
    case 'Citext':
      return 'citext';
    case 'Inet':
      return 'inet';
    case 'Xml':
      return 'xml';
    case 'Bit':
      return withArgs('bit');
    case 'VarBit':
      return withArgs('bit varying');
    case 'SmallInt':
      return 'smallint';
    case 'Integer':
      return 'integer';
    case 'BigInt':
      return 'bigint';
    case 'Oid':
      return 'oid';
    case 'Real':
      return 'real';
    case 'DoublePrecision':
      return 'double precision';
    case 'Decimal':
      return withArgs('numeric');
    case 'Money':
      return 'money';
    case 'Boolean':
      return 'boolean';
    case 'Timestamp':
      return a === '' ? 'timestamp without time zone' : `timestamp(${a}) without time zone`;
    case 'Timestamptz':
      return a === '' ? 'timestamp with time zone' : `timestamp(${a}) with time zone`;
    case 'Date':
      return 'date';
    case 'Time':
      return a === '' ? 'time without time zone' : `time(${a}) without time zone`;
    case 'Timetz':
      return a === '' ? 'time with time zone' : `time(${a}) with time zone`;
    case 'Json':
      return 'json';
    case 'JsonB':
      return 'jsonb';
    case 'ByteA':
      return 'bytea';
    default:
      return name.toLowerCase();
  }
};

/** Canonical spelling of a column type, so `timestamp(6) with time zone` (the default precision) = `timestamp with time zone`. */
export const normalizeType = (type: string): string =>
  type
    .toLowerCase()
    .replaceAll('"', '')
    .replace(/^(timestamp|time)\(6\)/, '$1')
    .replace(/\s+/g, ' ')
    .trim();

const CAST = /::(?:"[^"]+"|[a-z_][\w]*(?: [a-z_]+)*)(?:\(\d+(?:,\s*\d+)?\))?(?:\[\])*$/i;

/** Canonical text of a column default: outer casts and quotes removed. */
export const normalizeDefault = (expr: string): string => {
  let s = expr.trim();
  for (;;) {
    const next = s.replace(CAST, '').trim();
    const unwrapped =
      /^\((.*)\)$/s.test(next) && !/^\(.*\)\s*\(/.test(next) ? next.slice(1, -1).trim() : next;
    if (unwrapped === s) break;
    s = unwrapped;
  }
  if (/^'.*'$/s.test(s)) return s.slice(1, -1).replaceAll("''", "'");
  if (/^array\[\]$/i.test(s)) return '{}';
  return s;
};

const normalizeExpression = (expr: string): string =>
  expr
    .toLowerCase()
    .replace(/::(?:"[^"]+"|[a-z_][\w]*(?: [a-z_]+)*)(?:\(\d+(?:,\s*\d+)?\))?(?:\[\])*/g, '')
    .replace(/[\s()"]/g, '');

const enumLabelFor = (datamodel: Datamodel, enumName: string, value: string): string => {
  const e = datamodel.enums.find((x) => x.name === enumName);
  const v = e?.values.find((x) => x.name === value);
  return v?.dbName ?? value;
};

const pgArrayLiteral = (values: readonly unknown[]): string =>
  `{${values.map((v) => String(v)).join(',')}}`;

const expectedDefault = (datamodel: Datamodel, field: Field): ExpectedDefault => {
  if (!field.hasDefaultValue || field.default === undefined) return { kind: 'none' };
  const d: unknown = field.default;
  if (d !== null && typeof d === 'object' && !Array.isArray(d) && 'name' in d) {
    const fn = d as { name: string; args: readonly unknown[] };
    switch (fn.name) {
      case 'autoincrement':
        return { kind: 'autoincrement' };
      case 'now':
        return { kind: 'now' };
      case 'dbgenerated':
        return { kind: 'expression', expression: fn.args.length > 0 ? String(fn.args[0]) : null };
      case 'uuid':
      case 'cuid':
      case 'nanoid':
      case 'ulid':
        // Generated by the client: no database default.
        return { kind: 'none' };
      default:
        return { kind: 'expression', expression: null };
    }
  }
  if (Array.isArray(d)) {
    const values =
      field.kind === 'enum' ? d.map((v) => enumLabelFor(datamodel, field.type, String(v))) : d;
    return { kind: 'value', value: pgArrayLiteral(values) };
  }
  if (field.kind === 'enum')
    return { kind: 'value', value: enumLabelFor(datamodel, field.type, String(d)) };
  return { kind: 'value', value: String(d) };
};

const modelTable = (model: Model): string => model.dbName ?? model.name;
const fieldColumn = (field: Field): string => field.dbName ?? field.name;

const columnType = (datamodel: Datamodel, field: Field): string => {
  let base: string;
  if (field.kind === 'enum') {
    const e = datamodel.enums.find((x) => x.name === field.type);
    base = e?.dbName ?? field.type;
  } else if (field.nativeType !== null && field.nativeType !== undefined) {
    base = nativeTypeToPg(field.nativeType[0], field.nativeType[1]);
  } else {
    base = SCALAR_TYPES[field.type] ?? field.type.toLowerCase();
  }
  return normalizeType(field.isList ? `${base}[]` : base);
};

export const expectedSchemaFromPrisma = (schemaText: string): ExpectedSchema => {
  const datamodel = parsePrismaSchema(schemaText);
  const modelsByName = new Map(datamodel.models.map((m) => [m.name, m]));
  const columnOf = (model: Model, fieldName: string): string => {
    const field = model.fields.find((f) => f.name === fieldName);
    return field === undefined ? fieldName : fieldColumn(field);
  };

  const tables = datamodel.models.map((model) => ({
    name: modelTable(model),
    model: model.name,
    columns: model.fields
      .filter((f) => f.kind === 'scalar' || f.kind === 'enum')
      .map((f) => ({
        name: fieldColumn(f),
        field: `${model.name}.${f.name}`,
        type: columnType(datamodel, f),
        nullable: f.isList ? null : !f.isRequired,
        default: expectedDefault(datamodel, f),
      })),
  }));

  const indexes: ExpectedIndex[] = datamodel.indexes
    .filter((ix) => modelsByName.has(ix.model))
    .flatMap((ix) => {
      const model = modelsByName.get(ix.model);
      if (model === undefined) return [];
      return [
        {
          table: modelTable(model),
          columns: ix.fields.map(
            (f) => `${columnOf(model, f.name)}${f.sortOrder === 'desc' ? ' DESC' : ''}`,
          ),
          unique: ix.type === 'unique' || ix.type === 'id',
          primary: ix.type === 'id',
          name: ix.dbName ?? null,
          method: ix.algorithm === undefined ? null : ix.algorithm.toLowerCase(),
        },
      ];
    });
  // Models with a compound id declared via @@id appear in `primaryKey` (and in indexes as type 'id').

  const foreignKeys: ExpectedForeignKey[] = [];
  for (const model of datamodel.models) {
    for (const field of model.fields) {
      const from = field.relationFromFields ?? [];
      if (field.kind !== 'object' || from.length === 0) continue;
      const target = modelsByName.get(field.type);
      if (target === undefined) continue;
      const fromFields = from.map((name) => model.fields.find((f) => f.name === name));
      const allRequired = fromFields.every((f) => f?.isRequired === true);
      foreignKeys.push({
        table: modelTable(model),
        columns: from.map((name) => columnOf(model, name)),
        refTable: modelTable(target),
        refColumns: (field.relationToFields ?? []).map((name) => columnOf(target, name)),
        onDelete:
          (field.relationOnDelete as ReferentialAction | undefined) ??
          (allRequired ? 'Restrict' : 'SetNull'),
        onUpdate: (field.relationOnUpdate as ReferentialAction | undefined) ?? 'Cascade',
      });
    }
  }

  const enums = datamodel.enums.map((e) => ({
    name: e.dbName ?? e.name,
    labels: e.values.map((v) => v.dbName ?? v.name),
  }));
  return { tables, enums, indexes, foreignKeys };
};

// ---------------------------------------------------------------------------------------------------------
// Allow-list and comparison

export interface DriftAllowlist {
  checks: string[];
  indexes: string[];
  triggers: string[];
  foreignKeys: string[];
  notes: Record<string, string>;
}

export const EMPTY_ALLOWLIST: DriftAllowlist = {
  checks: [],
  indexes: [],
  triggers: [],
  foreignKeys: [],
  notes: {},
};

const stringList = (value: unknown, key: string, file: string): string[] => {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new Error(`${file}: "${key}" must be an array of names.`);
  }
  return value;
};

/** Reads the allow-list; a missing file is an empty allow-list. */
export const readAllowlist = async (file: string): Promise<DriftAllowlist> => {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY_ALLOWLIST;
    throw err;
  }
  const parsed: unknown = JSON.parse(text);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error(`${file}: expected a JSON object.`);
  const o = parsed as Record<string, unknown>;
  const notes: Record<string, string> = {};
  if (o.notes !== undefined) {
    if (o.notes === null || typeof o.notes !== 'object' || Array.isArray(o.notes))
      throw new Error(`${file}: "notes" must be an object.`);
    for (const [k, v] of Object.entries(o.notes)) notes[k] = String(v);
  }
  return {
    checks: stringList(o.checks, 'checks', file),
    indexes: stringList(o.indexes, 'indexes', file),
    triggers: stringList(o.triggers, 'triggers', file),
    foreignKeys: stringList(o.foreignKeys, 'foreignKeys', file),
    notes,
  };
};

export interface DriftIssue {
  /** e.g. `column users.email`, `index users_email_idx`. */
  object: string;
  message: string;
}

export interface DriftReport {
  ok: boolean;
  issues: DriftIssue[];
  /** Allow-listed objects found in the database (not drift). */
  allowed: string[];
  /** Allow-list entries that match nothing (stale, not a failure). */
  warnings: string[];
}

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

const defaultMatches = (expected: ExpectedDefault, actual: ColumnSnapshot): string | null => {
  const actualText = actual.default;
  switch (expected.kind) {
    case 'none':
      return actualText === null ? null : `has default ${actualText}, schema declares none`;
    case 'autoincrement':
      return actual.identity !== '' || (actualText !== null && /^nextval\(/i.test(actualText))
        ? null
        : `should be autoincrement (a sequence default), has ${actualText ?? 'no default'}`;
    case 'now': {
      const n = actualText === null ? '' : normalizeDefault(actualText).toLowerCase();
      return /^(now\(\)|current_timestamp(\(\d\))?|transaction_timestamp\(\))$/.test(n)
        ? null
        : `should default to now(), has ${actualText ?? 'no default'}`;
    }
    case 'expression':
      if (actualText === null)
        return `should have the default ${expected.expression ?? '(a database expression)'}, has none`;
      if (expected.expression === null) return null;
      return normalizeExpression(expected.expression) === normalizeExpression(actualText) ||
        normalizeExpression(normalizeDefault(expected.expression)) ===
          normalizeExpression(normalizeDefault(actualText))
        ? null
        : `default is ${actualText}, schema says dbgenerated("${expected.expression}")`;
    case 'value': {
      if (actualText === null) return `should default to ${expected.value}, has none`;
      const got = normalizeDefault(actualText);
      if (got === expected.value) return null;
      const gn = Number(got);
      const en = Number(expected.value);
      if (
        got !== '' &&
        expected.value !== '' &&
        Number.isFinite(gn) &&
        Number.isFinite(en) &&
        gn === en
      )
        return null;
      if (got.toLowerCase() === expected.value.toLowerCase() && /^(true|false)$/i.test(got))
        return null;
      try {
        if (JSON.stringify(JSON.parse(got)) === JSON.stringify(JSON.parse(expected.value)))
          return null;
      } catch {
        // not JSON
      }
      return `default is ${actualText}, schema says ${JSON.stringify(expected.value)}`;
    }
  }
};

const allowedBy = (list: readonly string[], table: string, name: string): string | null =>
  list.find((entry) => entry === name || entry === `${table}.${name}`) ?? null;

export const compareSchema = (
  expected: ExpectedSchema,
  snapshot: SchemaSnapshot,
  allowlist: DriftAllowlist,
): DriftReport => {
  let actual = snapshot;
  // The migrate runner's bookkeeping table is always allowed, with whatever it carries.
  const ours = (x: { table: string }) => x.table !== MIGRATIONS_TABLE;
  actual = {
    ...actual,
    tables: actual.tables.filter((t) => t.name !== MIGRATIONS_TABLE),
    indexes: actual.indexes.filter(ours),
    foreignKeys: actual.foreignKeys.filter(ours),
    checks: actual.checks.filter(ours),
    triggers: actual.triggers.filter(ours),
  };
  const issues: DriftIssue[] = [];
  const allowed: string[] = [];
  const usedAllowEntries = new Set<string>();
  const add = (object: string, message: string) => issues.push({ object, message });
  const allow = (entry: string, what: string) => {
    usedAllowEntries.add(entry);
    const note = allowlist.notes[entry];
    allowed.push(note === undefined ? what : `${what}: ${note}`);
  };

  // Enums
  const actualEnums = new Map(actual.enums.map((e) => [e.name, e]));
  for (const e of expected.enums) {
    const a = actualEnums.get(e.name);
    if (a === undefined) add(`enum ${e.name}`, 'missing');
    else if (!sameList(a.labels, e.labels))
      add(
        `enum ${e.name}`,
        `labels are [${a.labels.join(', ')}], schema says [${e.labels.join(', ')}]`,
      );
  }
  const expectedEnumNames = new Set(expected.enums.map((e) => e.name));
  for (const a of actual.enums)
    if (!expectedEnumNames.has(a.name))
      add(`enum ${a.name}`, 'exists in the database but not in the schema');

  // Tables and columns
  const actualTables = new Map(actual.tables.map((t) => [t.name, t]));
  for (const t of expected.tables) {
    const a = actualTables.get(t.name);
    if (a === undefined) {
      add(`table ${t.name}`, `missing (model ${t.model})`);
      continue;
    }
    const actualColumns = new Map(a.columns.map((c) => [c.name, c]));
    for (const c of t.columns) {
      const object = `column ${t.name}.${c.name}`;
      const ac = actualColumns.get(c.name);
      if (ac === undefined) {
        add(object, `missing (field ${c.field})`);
        continue;
      }
      const actualType = normalizeType(ac.type);
      if (actualType !== c.type)
        add(object, `type is ${actualType}, schema says ${c.type} (field ${c.field})`);
      if (c.nullable !== null && ac.nullable !== c.nullable) {
        add(
          object,
          `is ${ac.nullable ? 'NULL' : 'NOT NULL'}, schema says ${c.nullable ? 'optional (NULL)' : 'required (NOT NULL)'} (field ${c.field})`,
        );
      }
      const d = defaultMatches(c.default, ac);
      if (d !== null) add(object, `${d} (field ${c.field})`);
    }
    const declared = new Set(t.columns.map((c) => c.name));
    for (const ac of a.columns)
      if (!declared.has(ac.name))
        add(`column ${t.name}.${ac.name}`, 'exists in the database but not in the schema');
  }
  const expectedTables = new Set(expected.tables.map((t) => t.name));
  for (const a of actual.tables) {
    if (expectedTables.has(a.name)) continue;
    add(`table ${a.name}`, 'exists in the database but not in the schema');
  }
  for (const v of actual.views) add(`view ${v}`, 'exists in the database but not in the schema');

  // Primary keys, unique constraints and indexes
  const remaining = [...actual.indexes];
  const take = (pred: (ix: IndexSnapshot) => boolean): IndexSnapshot | undefined => {
    const i = remaining.findIndex(pred);
    if (i < 0) return undefined;
    const [found] = remaining.splice(i, 1);
    return found;
  };
  for (const e of expected.indexes) {
    const what = e.primary ? 'primary key' : e.unique ? 'unique index' : 'index';
    const object = `${what} ${e.table}(${e.columns.join(', ')})`;
    const found = take(
      (ix) =>
        ix.table === e.table &&
        ix.primary === e.primary &&
        ix.unique === e.unique &&
        ix.predicate === null &&
        !ix.hasExpressions &&
        sameList(ix.columns, e.columns),
    );
    if (found === undefined) {
      add(object, 'missing');
      continue;
    }
    if (e.name !== null && found.name !== e.name)
      add(object, `is named ${found.name}, schema maps it to ${e.name}`);
    if (e.method !== null && found.method !== e.method)
      add(object, `uses ${found.method}, schema says ${e.method}`);
  }
  for (const ix of remaining) {
    const entry = allowedBy(allowlist.indexes, ix.table, ix.name);
    if (entry !== null) allow(entry, `index ${ix.table}.${ix.name}`);
    else add(`index ${ix.name}`, `exists in the database but not in the schema: ${ix.definition}`);
  }

  // Foreign keys
  const remainingFks = [...actual.foreignKeys];
  for (const e of expected.foreignKeys) {
    const object = `foreign key ${e.table}(${e.columns.join(', ')}) → ${e.refTable}(${e.refColumns.join(', ')})`;
    const i = remainingFks.findIndex(
      (fk) =>
        fk.table === e.table &&
        fk.refTable === e.refTable &&
        sameList(fk.columns, e.columns) &&
        sameList(fk.refColumns, e.refColumns),
    );
    const fk = i < 0 ? undefined : remainingFks.splice(i, 1)[0];
    if (fk === undefined) {
      add(object, 'missing');
      continue;
    }
    if (fk.onDelete !== e.onDelete)
      add(object, `ON DELETE is ${fk.onDelete}, schema says ${e.onDelete}`);
    if (fk.onUpdate !== e.onUpdate)
      add(object, `ON UPDATE is ${fk.onUpdate}, schema says ${e.onUpdate}`);
  }
  for (const fk of remainingFks) {
    const entry = allowedBy(allowlist.foreignKeys, fk.table, fk.name);
    if (entry !== null) allow(entry, `foreign key ${fk.table}.${fk.name}`);
    else add(`foreign key ${fk.table}.${fk.name}`, 'exists in the database but not in the schema');
  }

  // CHECK constraints and triggers: Prisma cannot declare them, so each must be allow-listed.
  for (const c of actual.checks) {
    const entry = allowedBy(allowlist.checks, c.table, c.name);
    if (entry !== null) allow(entry, `check ${c.table}.${c.name}`);
    else add(`check ${c.table}.${c.name}`, `not in the allow-list: ${c.definition}`);
  }
  for (const t of actual.triggers) {
    const entry = allowedBy(allowlist.triggers, t.table, t.name);
    if (entry !== null) allow(entry, `trigger ${t.table}.${t.name}`);
    else add(`trigger ${t.table}.${t.name}`, 'not in the allow-list');
  }

  const warnings = [
    ...allowlist.checks,
    ...allowlist.indexes,
    ...allowlist.triggers,
    ...allowlist.foreignKeys,
  ]
    .filter((entry) => !usedAllowEntries.has(entry))
    .map((entry) => `allow-list entry ${entry} matches nothing in the database`);

  return { ok: issues.length === 0, issues, allowed, warnings };
};

export const formatDriftReport = (report: DriftReport): string => {
  const lines: string[] = [];
  if (report.ok) lines.push('Drift check passed: the database matches prisma/schema.prisma.');
  else {
    lines.push(
      `Drift check FAILED: ${report.issues.length} difference(s) between the migrated database and the Prisma schema:`,
    );
    for (const i of report.issues) lines.push(`  ✗ ${i.object}: ${i.message}`);
  }
  if (report.allowed.length > 0) {
    lines.push(`Allow-listed (${report.allowed.length}):`);
    for (const a of report.allowed) lines.push(`  · ${a}`);
  }
  for (const w of report.warnings) lines.push(`  ! ${w}`);
  return lines.join('\n');
};

export interface CheckDriftOptions {
  schemaPath: string;
  allowlistPath: string;
}

/** Compares the database behind `session` (already migrated) with the Prisma schema file. */
export const checkDrift = async (
  session: SqlSession,
  options: CheckDriftOptions,
): Promise<DriftReport> => {
  const expected = expectedSchemaFromPrisma(await readFile(options.schemaPath, 'utf8'));
  const allowlist = await readAllowlist(options.allowlistPath);
  return compareSchema(expected, await introspectSchema(session), allowlist);
};

export interface RunDriftCheckOptions extends CheckDriftOptions {
  database: { url: string | null; dataDir: string };
  /** Check the configured database as it is, instead of migrating a fresh empty one. */
  current: boolean;
  migrationsDir: string;
  onProgress?: (line: string) => void;
}

/**
 * `pnpm db:check`: migrates a fresh empty database (in-memory PGlite, or a throwaway database on the
 * DATABASE_URL server, dropped afterwards) and compares it with the Prisma schema; prints the report.
 */
export const runDriftCheck = async (options: RunDriftCheckOptions): Promise<DriftReport> => {
  const progress = options.onProgress ?? (() => undefined);
  const finish = (report: DriftReport): DriftReport => {
    progress(formatDriftReport(report));
    return report;
  };
  const { url } = options.database;

  if (options.current) {
    if (url !== null) {
      const session = await openSqlSession({ kind: 'postgres', url });
      try {
        return finish(await checkDrift(session, options));
      } finally {
        await session.close();
      }
    }
    const opened = await openPglite({ dataDir: options.database.dataDir });
    try {
      return finish(
        await checkDrift(await openSqlSession({ kind: 'pglite', pglite: opened.pglite }), options),
      );
    } finally {
      await opened.close();
    }
  }

  if (url === null) {
    progress('Drift check on a fresh in-memory PGlite database');
    const opened = await openPglite({ dataDir: MEMORY_DATA_DIR });
    try {
      const target = { kind: 'pglite', pglite: opened.pglite } as const;
      await createMigrator(target, { migrationsDir: options.migrationsDir }).up();
      return finish(await checkDrift(await openSqlSession(target), options));
    } finally {
      await opened.close();
    }
  }

  const name = `mathakine_drift_${randomBytes(6).toString('hex')}`;
  progress(`Drift check on a fresh PostgreSQL database ${name}`);
  const admin = await connectPostgres(url);
  try {
    await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
    try {
      const target = { kind: 'postgres', url: withDatabaseName(url, name) } as const;
      await createMigrator(target, { migrationsDir: options.migrationsDir }).up();
      const session = await openSqlSession(target);
      try {
        return finish(await checkDrift(session, options));
      } finally {
        await session.close();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
};
