/**
 * Test factories (STYLE.md §7): each writes one real row with unique values and returns its
 * essential fields (explicit `select`, never a raw row). First argument: a Prisma client or an
 * interactive-transaction client. Parent rows that are not given are created on the fly, so
 * `createAttempt(db)` alone is valid.
 *
 * One file per area in factories/; this barrel is what tests import.
 */
export {
  FACTORY_PASSWORD,
  FACTORY_PASSWORD_HASH,
  uniqueSuffix,
  type FactoryDb,
} from './factories/shared.ts';
export * from './factories/accounts.ts';
export * from './factories/exercises.ts';
export * from './factories/challenges.ts';
export * from './factories/gamification.ts';
export * from './factories/learning.ts';
export * from './factories/platform.ts';
