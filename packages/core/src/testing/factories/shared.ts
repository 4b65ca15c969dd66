/** What every factory shares: the db type, the precomputed password hash, unique values. */
import { randomBytes } from 'node:crypto';

import type { Prisma, PrismaClient } from '../../db/generated/client.ts';

export type FactoryDb = PrismaClient | Prisma.TransactionClient;

/**
 * bcrypt (`$2b$`, cost 4) of FACTORY_PASSWORD, precomputed so factories need no bcrypt library.
 * Plaintext: `Factory-Passw0rd!`.
 */
export const FACTORY_PASSWORD = 'Factory-Passw0rd!';
export const FACTORY_PASSWORD_HASH = '$2b$04$GnpS8HIP5UxOHYrJReMjWeqTDv80oStONw73kGNPSKE3mWkKFI9KK';

let sequence = 0;

/** A value unique across this process (counter) and across workers/runs (random suffix). */
export const uniqueSuffix = (): string => {
  sequence += 1;
  return `${sequence}${randomBytes(3).toString('hex')}`;
};

export const DAY_MS = 86_400_000;
export const inDays = (days: number): Date => new Date(Date.now() + days * DAY_MS);

/** A lower-case hex SHA-256-sized value, as stored for tokens. */
export const fakeTokenHash = (): string => randomBytes(32).toString('hex');
