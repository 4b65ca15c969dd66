import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';

import { ACCESS_LINE_FIELDS } from '@mathakine/api';

import { createLogger, REDACT_PATHS } from './logger.ts';

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

describe('the access line', () => {
  it('has no field a redaction path names (it is written without the redaction pass)', () => {
    const topLevel = REDACT_PATHS.filter((p) => !/[.[]/.test(p));
    expect(topLevel.length).toBeGreaterThan(0);
    for (const field of ACCESS_LINE_FIELDS) expect(topLevel).not.toContain(field);
    // Nested paths only reach into objects; every access-line value is a string, a number or null.
    expect(
      REDACT_PATHS.filter((p) => /[.[]/.test(p)).every(
        (p) => p.startsWith('*') || p.startsWith('req.'),
      ),
    ).toBe(true);
    expect(ACCESS_LINE_FIELDS).not.toContain('req');
  });
});
