import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/bcrypt';

import type { PasswordHasher } from '../kernel/ports.ts';
import { createConcurrencyLimit } from '../lib/concurrency-limit.ts';

/**
 * Default bound on concurrent hashes: one less than the cores (at least one), so that a login storm
 * leaves a core to the event loop and to every other route. bcrypt runs on libuv's thread pool (4
 * threads by default), which a storm would otherwise fill entirely (issue 17: another route's p99 ×10.8).
 */
export const defaultBcryptConcurrency = (): number => Math.max(1, availableParallelism() - 1);

export interface BcryptHasherOptions {
  /** Hashes and verifications running at once; the others wait in line (default: cores − 1, ≥ 1). */
  maxConcurrent?: number;
}

/**
 * @node-rs/bcrypt: `$2b$` hashes with the configured cost; verifies legacy `$2b$12$` hashes unchanged.
 * At most `maxConcurrent` hashes or verifications run at once; the others wait (none is refused).
 */
export const createBcryptHasher = (
  cost: number,
  options: BcryptHasherOptions = {},
): PasswordHasher => {
  const limit = createConcurrencyLimit(options.maxConcurrent ?? defaultBcryptConcurrency());
  return {
    hash: (password) => limit.run(() => hash(password, { cost })),
    verify: async (password, hashed) => {
      try {
        return await limit.run(() => verify(password, hashed));
      } catch {
        return false;
      }
    },
  };
};
