/**
 * Admission of the submit transactions (exercise submit, challenge attempt): at most as many at once as
 * the database serves (`Database.transactionSlots`), a bounded line, a bounded wait. Past either bound the
 * submit is refused before it starts (nothing written) with the database-busy 503 and `Retry-After`,
 * instead of piling up on the pool until Prisma's transaction-start timeout.
 */
import { DB_DEFAULTS } from '../db/client.ts';
import { databaseBusy } from '../db/prisma-errors.ts';
import type { Database } from '../db/types.ts';
import { createAdmission, type Admission } from '../lib/concurrency-limit.ts';

/**
 * Submits waiting at most (a memory bound for a flood): the wait bound is what sheds load, since a line
 * served within the wait can be long (PGlite's one session at ≈ 30 submits/s serves ≈ 150 in 5 s).
 */
export const ATTEMPT_QUEUE_MAX = 1_000;

export type AttemptAdmission = Admission;

/** One per process (createCore shares it between both submits); the wait bound is the transactions'. */
export const createAttemptAdmission = (
  db: Pick<Database, 'transactionSlots'>,
  options: { maxWaitMs?: number; maxQueued?: number } = {},
): AttemptAdmission =>
  createAdmission({
    slots: db.transactionSlots,
    maxQueued: options.maxQueued ?? ATTEMPT_QUEUE_MAX,
    maxWaitMs: options.maxWaitMs ?? DB_DEFAULTS.transactionMaxWaitMs,
    refused: () => databaseBusy(),
  });
