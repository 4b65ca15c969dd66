import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';

import type { IssuedTokens } from '@mathakine/core';

/** The legacy cookie names (api-rest-core §2.2). */
export const ACCESS_COOKIE = 'access_token';
export const REFRESH_COOKIE = 'refresh_token';
export const CSRF_COOKIE = 'csrf_token';
export const CSRF_HEADER = 'X-CSRF-Token';
export const CSRF_MAX_AGE = 3600;

/** Host-only, Path=/, SameSite=None + Secure in production, Lax otherwise (api-rest-core §2.2). */
export const cookieFlags = (isProduction: boolean, httpOnly: boolean): CookieOptions => ({
  path: '/',
  httpOnly,
  secure: isProduction,
  sameSite: isProduction ? 'None' : 'Lax',
});

/**
 * What the transports need to read and write cookies: Hono's context for REST and tRPC over HTTP, an
 * in-memory jar for `createCaller` tests.
 */
export interface CookieJar {
  get(name: string): string | undefined;
  set(name: string, value: string, options: CookieOptions): void;
  delete(name: string, options: CookieOptions): void;
}

const parsedCookies = new WeakMap<Request, Record<string, string>>();

/**
 * A cookie of the request. The header is parsed once per request (Hono's parser; the first valid value of
 * a repeated name wins, as with `getCookie(c, name)`): auth, CSRF and the procedures read several.
 */
export const requestCookie = (c: Context, name: string): string | undefined => {
  let cookies = parsedCookies.get(c.req.raw);
  if (cookies === undefined) {
    cookies = getCookie(c);
    parsedCookies.set(c.req.raw, cookies);
  }
  return cookies[name];
};

export const honoCookieJar = (c: Context): CookieJar => ({
  get: (name) => requestCookie(c, name),
  set: (name, value, options) => {
    setCookie(c, name, value, options);
  },
  delete: (name, options) => {
    deleteCookie(c, name, { ...options, expires: new Date(0) });
  },
});

/** Sets both token cookies (login, refresh). */
export const setAuthCookies = (jar: CookieJar, isProduction: boolean, tokens: IssuedTokens) => {
  jar.set(ACCESS_COOKIE, tokens.accessToken, {
    ...cookieFlags(isProduction, true),
    maxAge: tokens.accessTokenMaxAge,
  });
  jar.set(REFRESH_COOKIE, tokens.refreshToken, {
    ...cookieFlags(isProduction, true),
    maxAge: tokens.refreshTokenMaxAge,
  });
};

/** Clears both token cookies with the attributes they were set with (so cross-site browsers accept it). */
export const clearAuthCookies = (jar: CookieJar, isProduction: boolean) => {
  jar.delete(ACCESS_COOKIE, cookieFlags(isProduction, true));
  jar.delete(REFRESH_COOKIE, cookieFlags(isProduction, true));
};

export const setCsrfCookie = (jar: CookieJar, isProduction: boolean, token: string) => {
  jar.set(CSRF_COOKIE, token, { ...cookieFlags(isProduction, false), maxAge: CSRF_MAX_AGE });
};
