import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { getTestDb } from '../testing/index.ts';
import { createDb } from './client.ts';
import { lockPathFor } from './pglite.ts';

const tmpRoot = mkdtempSync(path.join(tmpdir(), 'mathakine-client-test-'));
afterAll(() => {
  rmSync(tmpRoot, { recursive: true, force: true });
});

describe('createDb on the test database', () => {
  it('answers ping and runs sessions in UTC', async () => {
    const { db, prisma } = await getTestDb();
    expect(await db.ping(2_000)).toBe(true);
    const rows = await prisma.$queryRawUnsafe<{ tz: string }[]>(
      "SELECT current_setting('TimeZone') AS tz",
    );
    expect(rows[0]?.tz).toBe('UTC');
  });
});

describe('createDb (embedded PGlite)', () => {
  it('fails fast, not hangs, when a query runs outside tx inside $transaction (single session)', async () => {
    const db = await createDb({
      dataDir: 'memory://',
      transactionTimeoutMs: 500,
      transactionMaxWaitMs: 500,
    });
    try {
      const started = Date.now();
      const mistake = db.prisma.$transaction(async (tx) => {
        await tx.$queryRawUnsafe('SELECT 1');
        // The bug this guards against: using the root client inside a transaction. On PGlite it waits for
        // the session the transaction holds.
        await db.prisma.$queryRawUnsafe('SELECT 2');
      });
      await expect(mistake).rejects.toThrow(/timeout|expired|closed/i);
      expect(Date.now() - started).toBeLessThan(5_000);
      // The database is usable afterwards.
      expect(await db.ping(2_000)).toBe(true);
    } finally {
      await db.close();
    }
  });

  it('locks its data folder: a second open in this process fails clearly; close releases the lock', async () => {
    const dataDir = path.join(tmpRoot, 'locked');
    const first = await createDb({ dataDir });
    try {
      expect(readFileSync(lockPathFor(dataDir), 'utf8').trim()).toBe(String(process.pid));
      await expect(createDb({ dataDir })).rejects.toThrow(/already open by this process/);
    } finally {
      await first.close();
    }
    expect(existsSync(lockPathFor(dataDir))).toBe(false);
    const again = await createDb({ dataDir });
    expect(await again.ping(2_000)).toBe(true);
    await again.close();
  });

  it('refuses a second process while the folder is open', async () => {
    const dataDir = path.join(tmpRoot, 'shared');
    const db = await createDb({ dataDir });
    try {
      const script = `import { acquireDataDirLock } from ${JSON.stringify(path.resolve(import.meta.dirname, 'pglite.ts'))};
try { acquireDataDirLock(${JSON.stringify(dataDir)}); process.exit(0); } catch (e) { process.stderr.write(String(e.message)); process.exit(3); }`;
      const tsx = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx');
      const child = spawnSync(tsx, ['--eval', script], { encoding: 'utf8', timeout: 30_000 });
      expect(child.status).toBe(3);
      expect(child.stderr).toContain(`already open by process ${process.pid}`);
    } finally {
      await db.close();
    }
  });

  it('replaces a stale lock left by a dead process', async () => {
    const dataDir = path.join(tmpRoot, 'stale');
    // A pid far above pid_max on Linux: never alive.
    writeFileSync(lockPathFor(dataDir), '99999999\n');
    const db = await createDb({ dataDir });
    expect(readFileSync(lockPathFor(dataDir), 'utf8').trim()).toBe(String(process.pid));
    await db.close();
  });

  it('ping never throws: false once closed', async () => {
    const db = await createDb({ dataDir: 'memory://' });
    expect(await db.ping(1_000)).toBe(true);
    await db.close();
    expect(await db.ping(1_000)).toBe(false);
  });
});
