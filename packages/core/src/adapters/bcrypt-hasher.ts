import { hash, verify } from '@node-rs/bcrypt';

import type { PasswordHasher } from '../kernel/ports.ts';

/** @node-rs/bcrypt: `$2b$` hashes with the configured cost; verifies legacy `$2b$12$` hashes unchanged. */
export const createBcryptHasher = (cost: number): PasswordHasher => ({
  hash: (password) => hash(password, { cost }),
  verify: async (password, hashed) => {
    try {
      return await verify(password, hashed);
    } catch {
      return false;
    }
  },
});
