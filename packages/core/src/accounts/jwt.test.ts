import { describe, expect, it } from 'vitest';

import {
  accessTokenKey,
  memoizeTokenVerification,
  signAccessToken,
  verifyAccessToken,
} from './jwt.ts';

const key = accessTokenKey('a-test-secret-of-at-least-thirty-two-chars!');
const issuedAt = new Date('2026-03-01T10:00:00.000Z');
const ttlSeconds = 900;
const at = (secondsAfterIssue: number) => new Date(issuedAt.getTime() + secondsAfterIssue * 1000);
const claims = { sub: 'lea', role: 'padawan' as const, sid: 7, uid: 42 };

/** The real verification, counting its calls. */
const countingVerify = () => {
  const calls: string[] = [];
  const verify = (token: string, now: Date) => {
    calls.push(token);
    return verifyAccessToken(key, token, now);
  };
  return { calls, verify };
};

describe('memoizeTokenVerification', () => {
  it('verifies a token once and answers its later uses with the same claims', async () => {
    const token = await signAccessToken(key, claims, issuedAt, ttlSeconds);
    const { calls, verify } = countingVerify();
    const verified = memoizeTokenVerification(verify);

    const first = await verified(token, at(1));
    const second = await verified(token, at(600));
    expect(first).toMatchObject({ sub: 'lea', role: 'padawan', sid: 7, uid: 42, type: 'access' });
    expect(second).toEqual(first);
    expect(calls).toHaveLength(1);
  });

  it('refuses a remembered token from the second its expiry is reached, as jose does', async () => {
    const token = await signAccessToken(key, claims, issuedAt, ttlSeconds);
    const verified = memoizeTokenVerification((t, now) => verifyAccessToken(key, t, now));
    expect(await verified(token, at(ttlSeconds - 1))).not.toBeNull();
    // jose refuses at exp itself (`exp` must be after the current second): the memo agrees.
    expect(await verifyAccessToken(key, token, at(ttlSeconds))).toBeNull();
    expect(await verified(token, at(ttlSeconds))).toBeNull();
    expect(await verified(token, at(ttlSeconds - 1))).not.toBeNull();
  });

  it('never remembers a refusal: a tampered or foreign token is verified, and refused, every time', async () => {
    const token = await signAccessToken(key, claims, issuedAt, ttlSeconds);
    const [header, payload, signature] = token.split('.');
    const tampered = `${header}.${payload}.${signature?.startsWith('A') ? 'B' : 'A'}${signature?.slice(1)}`;
    const foreign = await signAccessToken(
      accessTokenKey('another-secret-of-at-least-thirty-two-chars'),
      claims,
      issuedAt,
      ttlSeconds,
    );
    const { calls, verify } = countingVerify();
    const verified = memoizeTokenVerification(verify);

    for (const bad of [tampered, foreign, tampered, foreign]) {
      expect(await verified(bad, at(1))).toBeNull();
    }
    expect(calls).toEqual([tampered, foreign, tampered, foreign]);
    // The genuine token is still accepted next to them.
    expect(await verified(token, at(1))).not.toBeNull();
  });

  it('holds at most maxEntries tokens, dropping the oldest first', async () => {
    const tokens = await Promise.all(
      [1, 2, 3].map((sid) => signAccessToken(key, { ...claims, sid }, issuedAt, ttlSeconds)),
    );
    const [t1, t2, t3] = tokens;
    if (t1 === undefined || t2 === undefined || t3 === undefined) throw new Error('three tokens');
    const { calls, verify } = countingVerify();
    const verified = memoizeTokenVerification(verify, 2);

    for (const token of [t1, t2, t3]) await verified(token, at(1)); // t3 evicts t1
    await verified(t2, at(2));
    await verified(t3, at(2));
    expect(calls).toEqual([t1, t2, t3]);
    const again = await verified(t1, at(2));
    expect(again?.sid).toBe(1);
    expect(calls).toEqual([t1, t2, t3, t1]);
  });
});
