import { hash, verify } from '@node-rs/bcrypt';

/** Password hashing port: bcrypt in production (native, off the event loop), low cost in tests. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a mismatch or an unparseable hash; never throws for a bad hash. */
  verify(password: string, hashed: string): Promise<boolean>;
}

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
