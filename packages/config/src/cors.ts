/** Origins a browser may call from while developing the frontend (never in production). */
export const DEV_ORIGINS = [
  'http://localhost:3000',
  'http://localhost:5173',
  'http://127.0.0.1:3000',
  'http://127.0.0.1:5173',
] as const;

/** The historical Render frontend, added when FRONTEND_URL names mathakine on another host. */
export const RENDER_FRONTEND_ORIGIN = 'https://mathakine-frontend.onrender.com';

const isIpOrLocal = (host: string): boolean =>
  /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[') || !host.includes('.');

/** `https://x.y` → `https://www.x.y`; `https://www.x.y` → `https://x.y` (same scheme and port). */
export const wwwTwin = (origin: string): string | null => {
  const url = new URL(origin);
  if (isIpOrLocal(url.hostname)) return null;
  const host = url.hostname.startsWith('www.') ? url.hostname.slice(4) : `www.${url.hostname}`;
  if (!host.includes('.')) return null;
  url.hostname = host;
  return url.origin;
};

/**
 * Allowed CORS origins (platform.md §2.7, api-rest-core.md §2.9), exact match:
 * development adds the localhost ports 3000/5173 and their 127.0.0.1 twins; both add FRONTEND_URL,
 * its www twin, the Render frontend when FRONTEND_URL names mathakine but not render.com, and the
 * extra CORS_ORIGINS. Production never allows localhost (audit X10). Deduplicated, order kept.
 */
export const buildCorsOrigins = (input: {
  isProduction: boolean;
  frontendUrl: string | null;
  extraOrigins?: readonly string[];
}): string[] => {
  const origins: string[] = input.isProduction ? [] : [...DEV_ORIGINS];
  if (input.frontendUrl !== null) {
    const origin = new URL(input.frontendUrl).origin;
    origins.push(origin);
    const twin = wwwTwin(origin);
    if (twin !== null) origins.push(twin);
    const raw = input.frontendUrl.toLowerCase();
    if (raw.includes('mathakine') && !raw.includes('render.com'))
      origins.push(RENDER_FRONTEND_ORIGIN);
  }
  for (const extra of input.extraOrigins ?? []) origins.push(new URL(extra).origin);
  return [...new Set(origins)];
};
