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

const storedRevision = (value: Prisma.JsonValue): string | null =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  typeof value.revision === 'string'
    ? value.revision
    : null;

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
    where: { sourceReference: { in: catalogue.map((def) => starterReference(def.key)) } },
    select: { id: true, sourceReference: true, generationParameters: true },
    orderBy: { id: 'asc' },
  });
  const byReference = new Map<string, (typeof stored)[number]>();
  for (const row of stored) {
    if (row.sourceReference !== null && !byReference.has(row.sourceReference)) {
      byReference.set(row.sourceReference, row);
    }
  }

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
    if (row === undefined || storedRevision(row.generationParameters) === starterRevision(def)) {
      continue;
    }
    await tx.logicChallenge.update({
      where: { id: row.id },
      data: { ...catalogueColumns(def), generationParameters: generationParameters(def) },
      select: { id: true },
    });
    challengesUpdated += 1;
  }
  return { challengesInserted: missing.length, challengesUpdated };
};
