import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';

import { createLogger } from './logger.ts';

describe('log redaction', () => {
  it('never writes passwords, tokens or credentials headers', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = createLogger({ level: 'info' }, sink);
    log.info(
      {
        password: 'hunter2',
        body: { password: 'hunter2', access_token: 'eyJ.jwt.sig', refresh_token: 'r-token' },
        headers: { authorization: 'Bearer eyJ.jwt.sig', cookie: 'access_token=eyJ.jwt.sig' },
        user: { token: 'verif-token' },
      },
      'login attempt',
    );
    const text = lines.join('');
    expect(text).toContain('login attempt');
    for (const secret of ['hunter2', 'eyJ.jwt.sig', 'r-token', 'verif-token']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[REDACTED]');
  });
});
