/**
 * The deny-by-default whitelist of api-rest-core §2.4: the only method + path pairs under `/api` that
 * answer without a token. Exact match, trailing slash ignored; only the listed method (HEAD is not).
 */
const PUBLIC_ROUTES: readonly (readonly [method: string, path: RegExp])[] = [
  ['POST', /^\/api\/auth\/login$/],
  ['POST', /^\/api\/auth\/logout$/],
  ['POST', /^\/api\/auth\/validate-token$/],
  ['GET', /^\/api\/auth\/csrf$/],
  ['POST', /^\/api\/auth\/refresh$/],
  ['POST', /^\/api\/auth\/forgot-password$/],
  ['POST', /^\/api\/auth\/reset-password$/],
  ['GET', /^\/api\/auth\/verify-email$/],
  ['POST', /^\/api\/auth\/resend-verification$/],
  ['POST', /^\/api\/users$/],
  ['GET', /^\/api\/exercises$/],
  ['GET', /^\/api\/exercises\/stats$/],
  ['GET', /^\/api\/exercises\/completed-ids$/],
  ['GET', /^\/api\/exercises\/\d+$/],
  ['GET', /^\/api\/badges\/available$/],
  ['GET', /^\/api\/badges\/rarity$/],
  ['GET', /^\/api\/users\/leaderboard$/],
  ['GET', /^\/api\/challenges\/completed-ids$/],
];

export const isPublicApiRoute = (method: string, path: string): boolean => {
  const normalised = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return PUBLIC_ROUTES.some(([m, re]) => m === method && re.test(normalised));
};
