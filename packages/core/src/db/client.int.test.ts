import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

import { getTestDb } from '../testing/index.ts';
import { createDb } from './client.ts';
import { LOCK_STALE_AFTER_MS, lockPathFor } from './pglite.ts';

const tmpRoot = mkdtempSync(path.join(tmpdir(), 'mathakine-client-test-'));
afterAll(() => {
  rmSync(tmpRoot, { recursive: true, force: true });
});

/** A ping bound no busy machine reaches: ping answers false only when the database is gone. */
const PING_MS = 60_000;

/** Child processes still running: killed after each test, whatever its outcome. */
const children = new Set<ChildProcess>();
afterEach(async () => {
  const left = [...children];
  for (const child of left) child.kill('SIGKILL');
  await Promise.all(
    left.map((child) =>
      child.exitCode !== null || child.signalCode !== null
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            child.once('exit', () => {
              resolve();
            });
          }),
    ),
  );
});

/** Runs a TypeScript snippet in a second Node process (tsx); resolves with its exit code and stderr. */
const runTsx = (script: string): Promise<{ status: number | null; stderr: string }> =>
  new Promise((resolve, reject) => {
    const tsx = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx');
    const child = spawn(tsx, ['--eval', script], { stdio: ['ignore', 'ignore', 'pipe'] });
    children.add(child);
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('exit', (status) => {
      children.delete(child);
      resolve({ status, stderr });
    });
  });

describe('createDb on the test database', () => {
  it('answers ping and runs sessions in UTC', async () => {
    const { db, prisma } = await getTestDb();
    expect(await db.ping(PING_MS)).toBe(true);
    const rows = await prisma.$queryRawUnsafe<{ tz: string }[]>(
      "SELECT current_setting('TimeZone') AS tz",
    );
    expect(rows[0]?.tz).toBe('UTC');
  });
});

describe('createDb (embedded PGlite)', () => {
  it('starts the embedded server with its own settings (shared_buffers 32MB, not the 128MB default)', async () => {
    const db = await createDb({ dataDir: 'memory://' });
    try {
      const rows =
        await db.prisma.$queryRawUnsafe<{ shared_buffers: string }[]>('SHOW shared_buffers');
      expect(rows[0]?.shared_buffers).toBe('32MB');
    } finally {
      await db.close();
    }
  });

  it('fails fast, not hangs, when a query runs outside tx inside $transaction (single session)', async () => {
    const db = await createDb({
      dataDir: 'memory://',
      // The transaction's own limit is what must end the self-deadlock; starting it may take as long as a
      // busy machine needs.
      transactionTimeoutMs: 500,
      transactionMaxWaitMs: 60_000,
    });
    try {
      const mistake = db.prisma.$transaction(async (tx) => {
        await tx.$queryRawUnsafe('SELECT 1');
        // The bug this guards against: using the root client inside a transaction. On PGlite it waits for
        // the session the transaction holds.
        await db.prisma.$queryRawUnsafe('SELECT 2');
      });
      // Failing (instead of hanging until the test's own timeout) is the point; how fast is not asserted.
      await expect(mistake).rejects.toThrow(/timeout|expired|closed/i);
      // The database is usable afterwards.
      expect(await db.ping(PING_MS)).toBe(true);
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
    expect(await again.ping(PING_MS)).toBe(true);
    await again.close();
  });

  it('refuses a second process while the folder is open', async () => {
    const dataDir = path.join(tmpRoot, 'shared');
    const db = await createDb({ dataDir });
    try {
      const script = `import { acquireDataDirLock } from ${JSON.stringify(path.resolve(import.meta.dirname, 'pglite.ts'))};
try { acquireDataDirLock(${JSON.stringify(dataDir)}); process.exit(0); } catch (e) { process.stderr.write(String(e.message)); process.exit(3); }`;
      const child = await runTsx(script);
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

  it('replaces a lock whose pid was reused by an unrelated live process (no heartbeat for long)', async () => {
    const dataDir = path.join(tmpRoot, 'reused-pid');
    // The parent process is alive and is not us: what a reused pid looks like after a crash or reboot.
    writeFileSync(lockPathFor(dataDir), `${String(process.ppid)}\n`);
    const old = new Date(Date.now() - LOCK_STALE_AFTER_MS - 60_000);
    utimesSync(lockPathFor(dataDir), old, old);
    const db = await createDb({ dataDir });
    expect(readFileSync(lockPathFor(dataDir), 'utf8').trim()).toBe(String(process.pid));
    await db.close();
    // The same live pid with a fresh lock file is an owner: refused.
    writeFileSync(lockPathFor(dataDir), `${String(process.ppid)}\n`);
    await expect(createDb({ dataDir })).rejects.toThrow(
      `already open by process ${String(process.ppid)}`,
    );
  });

  it('ping never throws: false once closed', async () => {
    const db = await createDb({ dataDir: 'memory://' });
    expect(await db.ping(PING_MS)).toBe(true);
    await db.close();
    expect(await db.ping(PING_MS)).toBe(false);
  });
});
