import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, URL-safe base64 without padding: 43 characters (the legacy token format). */
export const randomUrlToken = (): string => randomBytes(32).toString('base64url');

/** What the database stores for a bearer secret (verification, reset, refresh tokens). */
export const sha256Hex = (value: string): string =>
  createHash('sha256').update(value, 'utf8').digest('hex');

export const hmacUrlToken = (key: string, value: string): string =>
  createHmac('sha256', key).update(value, 'utf8').digest('base64url');

/** Constant-time string equality (lengths compared first, which leaks only the length). */
export const safeEqual = (a: string, b: string): boolean => {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
};
