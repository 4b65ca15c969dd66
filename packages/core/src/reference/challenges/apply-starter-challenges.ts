import { createHash } from 'node:crypto';

import { Prisma } from '../../db/generated/client.ts';
import { starterReference, type StarterChallenge } from './starter-challenge.types.ts';
import { STARTER_CHALLENGES } from './starter-challenges.ts';

export interface ApplyStarterChallengesResult {
  challengesInserted: number;
  challengesUpdated: number;
}

/** `generation_parameters.source` of a catalogue row (the AI writes `"ai"`; admins write nothing). */
export const STARTER_SOURCE = 'starter_catalogue';

/**
 * Serialises concurrent appliers (two instances deploying at once), as there is no unique index on the
 * key: a transaction-level advisory lock, next to the migration lock key (628 425 463).
 */
const APPLY_LOCK_KEY = 628_425_464;

/** The columns the catalogue owns. `is_active`, `is_archived`, `view_count`, `success_rate` stay the database's. */
const catalogueColumns = (def: StarterChallenge) => ({
  title: def.title,
  description: def.description,
  challengeType: def.challengeType,
  ageGroup: def.ageGroup,
  difficulty: def.difficulty,
  question: def.question,
  correctAnswer: def.correctAnswer,
  choices: def.choices ?? Prisma.DbNull,
  solutionExplanation: def.solutionExplanation,
  visualData: def.visualData,
  hints: def.hints,
  difficultyRating: def.difficultyRating,
  estimatedTimeMinutes: def.estimatedTimeMinutes,
  tags: def.tags,
});

/** A digest of what the catalogue says about one challenge: it changes exactly when the entry does. */
export const starterRevision = (def: StarterChallenge): string =>
  createHash('sha256')
    .update(JSON.stringify({ ...catalogueColumns(def), choices: def.choices }))
    .digest('hex')
    .slice(0, 16);

const generationParameters = (def: StarterChallenge) => ({
  source: STARTER_SOURCE,
  key: def.key,
  revision: starterRevision(def),
});

const storedRevision = (value: unknown): string | null =>
  typeof value === 'object' &&
  value !== null &&
  'revision' in value &&
  typeof value.revision === 'string'
    ? value.revision
    : null;

/** A stored starter row as the catalogue sees it. */
interface StoredStarter {
  sourceReference: string | null;
  generationParameters: unknown;
}

/** The first row (in id order) of each starter reference: the one the catalogue owns. */
const firstByReference = <R extends StoredStarter>(rows: readonly R[]): Map<string, R> => {
  const byReference = new Map<string, R>();
  for (const row of rows) {
    if (row.sourceReference !== null && !byReference.has(row.sourceReference)) {
      byReference.set(row.sourceReference, row);
    }
  }
  return byReference;
};

/** Whether a stored row was written from this catalogue entry (its revision is the entry's). */
const writtenFrom = (row: StoredStarter, def: StarterChallenge): boolean =>
  storedRevision(row.generationParameters) === starterRevision(def);

/** The references of the catalogue's entries, as stored in `source_reference`. */
export const starterReferences = (
  catalogue: readonly StarterChallenge[] = STARTER_CHALLENGES,
): string[] => catalogue.map((def) => starterReference(def.key));

/**
 * Whether `applyStarterChallenges` would write nothing, given the stored rows of the catalogue's
 * references in id order: every entry has its row, written from the entry as it is now.
 */
export const starterCatalogueIsCurrent = (
  rows: readonly StoredStarter[],
  catalogue: readonly StarterChallenge[] = STARTER_CHALLENGES,
): boolean => {
  const byReference = firstByReference(rows);
  return catalogue.every((def) => {
    const row = byReference.get(starterReference(def.key));
    return row !== undefined && writtenFrom(row, def);
  });
};

/**
 * Brings the starter catalogue of a database up to date, inside the caller's transaction:
 * - a challenge is found by `source_reference = "starter:<key>"` (rows without one, the admins' and the
 *   AI's, are never read nor touched);
 * - a missing one is inserted (active, not archived);
 * - an existing one is rewritten only when its catalogue entry changed since it was written (the
 *   revision in `generation_parameters`): an admin's edit of a starter challenge survives until the
 *   catalogue itself changes that challenge; `is_active` / `is_archived` are never touched.
 * Idempotent: a second call writes nothing and returns zeros.
 */
export const applyStarterChallenges = async (
  tx: Prisma.TransactionClient,
  catalogue: readonly StarterChallenge[] = STARTER_CHALLENGES,
): Promise<ApplyStarterChallengesResult> => {
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${APPLY_LOCK_KEY}::bigint)`;
  const stored = await tx.logicChallenge.findMany({
    where: { sourceReference: { in: starterReferences(catalogue) } },
    select: { id: true, sourceReference: true, generationParameters: true },
    orderBy: { id: 'asc' },
  });
  const byReference = firstByReference(stored);

  const missing = catalogue.filter((def) => !byReference.has(starterReference(def.key)));
  if (missing.length > 0) {
    await tx.logicChallenge.createMany({
      data: missing.map((def) => ({
        ...catalogueColumns(def),
        sourceReference: starterReference(def.key),
        generationParameters: generationParameters(def),
      })),
    });
  }

  let challengesUpdated = 0;
  for (const def of catalogue) {
    const row = byReference.get(starterReference(def.key));
    if (row === undefined || writtenFrom(row, def)) continue;
    await tx.logicChallenge.update({
      where: { id: row.id },
      data: { ...catalogueColumns(def), generationParameters: generationParameters(def) },
      select: { id: true },
    });
    challengesUpdated += 1;
  }
  return { challengesInserted: missing.length, challengesUpdated };
};
