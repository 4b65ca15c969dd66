import { webcrypto } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';

import { isDbId } from '../lib/db-id.ts';
import type { RoleName } from './auth.rules.ts';

/**
 * Access tokens: HS256 JWTs with the legacy claim names (`sub` = username, `role`, `type: "access"`,
 * `exp`) plus `sid` (the session, i.e. the refresh-token family), `uid`, `iat` and `jti`.
 */
export interface AccessClaims {
  sub: string;
  role: RoleName;
  type: 'access';
  sid: number;
  uid: number;
  exp: number;
  iat: number;
  jti: string;
}

/**
 * The HS256 key, built once when the auth service is built: the secret's bytes and, imported on first use
 * and kept, the WebCrypto key jose signs and verifies with (importing it on every request cost ≈ 0.06 ms
 * of CPU per authenticated request).
 */
export interface AccessTokenKey {
  readonly bytes: Uint8Array;
  cryptoKey: Promise<webcrypto.CryptoKey> | null;
}
export const accessTokenKey = (secret: string): AccessTokenKey => ({
  bytes: new TextEncoder().encode(secret),
  cryptoKey: null,
});

const cryptoKeyOf = (key: AccessTokenKey): Promise<webcrypto.CryptoKey> => {
  key.cryptoKey ??= webcrypto.subtle.importKey(
    'raw',
    key.bytes,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );
  return key.cryptoKey;
};

export const signAccessToken = async (
  key: AccessTokenKey,
  claims: { sub: string; role: RoleName; sid: number; uid: number },
  now: Date,
  ttlSeconds: number,
): Promise<string> => {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ role: claims.role, type: 'access', sid: claims.sid, uid: claims.uid })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .setJti(crypto.randomUUID())
    .sign(await cryptoKeyOf(key));
};

/** The claims of a valid, unexpired access token, or null (bad signature, expired, wrong type…). */
export const verifyAccessToken = async (
  key: AccessTokenKey,
  token: string,
  now: Date,
): Promise<AccessClaims | null> => {
  try {
    const { payload } = await jwtVerify(token, await cryptoKeyOf(key), {
      algorithms: ['HS256'],
      currentDate: now,
    });
    if (
      payload.type !== 'access' ||
      typeof payload.sub !== 'string' ||
      // PostgreSQL `integer` ids: a signed token naming anything else (2³¹, 1.5, -1) is not ours.
      !isDbId(payload.sid) ||
      !isDbId(payload.uid) ||
      typeof payload.role !== 'string' ||
      typeof payload.exp !== 'number'
    ) {
      return null;
    }
    return payload as unknown as AccessClaims;
  } catch (err) {
    if (err instanceof errors.JOSEError || err instanceof TypeError) return null;
    throw err;
  }
};

/** How many verified access tokens a process remembers (≈ 300 bytes each). */
export const VERIFIED_TOKENS_MAX = 10_000;

/**
 * `verify` memoised per token string. A learner sends the same access token on every request, and jose's
 * WebCrypto HMAC check cost ≈ 0.19 ms of CPU per authenticated request (issue 17). Only tokens that
 * verified are kept, keyed by the whole string (signature included), so nothing unverified is ever
 * accepted; each later use re-checks the expiry as jose does (`exp` must be after the current second).
 * At most `maxEntries` tokens, the oldest dropped first. What follows the signature check (the session,
 * its revocation, the user) is not cached here.
 */
export const memoizeTokenVerification = (
  verify: (token: string, now: Date) => Promise<AccessClaims | null>,
  maxEntries: number = VERIFIED_TOKENS_MAX,
) => {
  const verified = new Map<string, Readonly<AccessClaims>>();
  return async (token: string, now: Date): Promise<Readonly<AccessClaims> | null> => {
    const known = verified.get(token);
    if (known !== undefined) {
      if (known.exp > Math.floor(now.getTime() / 1000)) return known;
      verified.delete(token);
      return null;
    }
    const claims = await verify(token, now);
    if (claims !== null) {
      if (verified.size >= maxEntries) {
        const oldest = verified.keys().next();
        if (oldest.done !== true) verified.delete(oldest.value);
      }
      verified.set(token, claims);
    }
    return claims;
  };
};
