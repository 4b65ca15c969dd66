import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

import { embeddedServerEnv, killServers, listeningPort, spawnServer } from './server-process.ts';

const root = mkdtempSync(path.join(tmpdir(), 'mathakine-idle-gc-'));

afterEach(killServers);
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('idle garbage collection (IDLE_GC_SECONDS)', () => {
  it('collects once the server has served requests and gone quiet, then keeps serving', async () => {
    const server = spawnServer(
      embeddedServerEnv(path.join(root, 'pglite'), { LOG_LEVEL: 'debug', IDLE_GC_SECONDS: '1' }),
    );
    const port = await listeningPort(server);
    expect(server.output()).not.toContain('idle garbage collection');
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    const output = await server.waitForOutput('idle garbage collection');
    const line = output.split('\n').find((l) => l.includes('idle garbage collection')) ?? '';
    expect(line).toMatch(/"durationMs":\d+/);
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exit).toBe(0);
  });
});
