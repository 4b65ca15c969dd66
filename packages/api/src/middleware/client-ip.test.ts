import { describe, expect, it } from 'vitest';

import { resolveClientIp } from './client-ip.ts';

describe('resolveClientIp', () => {
  it('ignores X-Forwarded-For when no proxy is trusted (the header is client-controlled)', () => {
    expect(resolveClientIp('6.6.6.6', '10.0.0.5', 0)).toBe('10.0.0.5');
  });

  it('takes the right-most entry with one trusted hop, never the spoofable first one', () => {
    expect(resolveClientIp('6.6.6.6, 203.0.113.7', '10.0.0.5', 1)).toBe('203.0.113.7');
  });

  it('skips our own proxies with two trusted hops', () => {
    expect(resolveClientIp('6.6.6.6, 203.0.113.7, 10.1.1.1', '10.0.0.5', 2)).toBe('203.0.113.7');
  });

  it('falls back to the socket peer without a header, and strips the IPv4-mapped prefix', () => {
    expect(resolveClientIp(undefined, '::ffff:127.0.0.1', 1)).toBe('127.0.0.1');
    expect(resolveClientIp(undefined, undefined, 1)).toBe('unknown');
  });

  it('uses the left-most entry when the chain is shorter than the trusted hops', () => {
    expect(resolveClientIp('203.0.113.7', '10.0.0.5', 3)).toBe('203.0.113.7');
  });
});
