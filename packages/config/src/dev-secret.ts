import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { secretKeyProblem } from './secrets.ts';

/** File name of the development key, next to the embedded database folder (`.data/dev-secret`). */
export const DEV_SECRET_FILE = 'dev-secret';

export type KeptDevSecret =
  | { kind: 'kept'; secret: string; file: string; created: boolean }
  | { kind: 'unavailable'; reason: string };

const isMissing = (err: unknown): boolean =>
  err instanceof Error && 'code' in err && err.code === 'ENOENT';

const newSecret = (): string => randomBytes(48).toString('base64url');

/**
 * Development only: the signing key kept in the local data folder, so tokens survive a restart of
 * `pnpm dev` (tsx watch restarts the process on every save). `dataDir` is the embedded database folder
 * (MATHAKINE_DATA_DIR); the key lives next to it, in `<parent>/dev-secret` (mode 0600), created on
 * first use. Two processes starting together agree on one key: creation is exclusive (`wx`), the
 * loser reads the winner's file. An unreadable or weak file is replaced. Never used in production.
 */
export const keptDevSecret = (dataDir: string): KeptDevSecret => {
  if (dataDir.startsWith('memory://')) {
    return { kind: 'unavailable', reason: 'the embedded database is in memory' };
  }
  const folder = path.dirname(path.resolve(dataDir));
  const file = path.join(folder, DEV_SECRET_FILE);
  try {
    try {
      const existing = readFileSync(file, 'utf8').trim();
      if (secretKeyProblem(existing) === null) {
        return { kind: 'kept', secret: existing, file, created: false };
      }
      // Damaged or hand-edited into something weak: replace it atomically.
      const secret = newSecret();
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, `${secret}\n`, { mode: 0o600 });
      renameSync(temporary, file);
      return { kind: 'kept', secret, file, created: true };
    } catch (err) {
      if (!isMissing(err)) throw err;
    }
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const secret = newSecret();
    try {
      writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
      return { kind: 'kept', secret, file, created: true };
    } catch (err) {
      if (!(err instanceof Error && 'code' in err && err.code === 'EEXIST')) throw err;
      // Another process created it between our read and our write: use theirs.
      return { kind: 'kept', secret: readFileSync(file, 'utf8').trim(), file, created: false };
    }
  } catch (err) {
    return {
      kind: 'unavailable',
      reason: `${file}: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
};
