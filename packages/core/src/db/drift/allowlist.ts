/** `prisma/drift-allowlist.json`: database objects the Prisma schema cannot declare (checks, triggers…). */
import { readFile } from 'node:fs/promises';

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
