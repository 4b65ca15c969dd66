/**
 * The client IP through a configured number of trusted proxy hops (spec README, "Client IP"): each
 * trusted proxy appends the address it received the request from, so with `hops` proxies in front of
 * us the client is the `hops`-th entry from the right of `X-Forwarded-For`. With no trusted hops the
 * header is ignored (it is client-controlled) and the socket peer is the client.
 */
export const resolveClientIp = (
  forwardedFor: string | undefined,
  remoteAddress: string | undefined,
  hops: number,
): string => {
  const peer = normalise(remoteAddress) ?? 'unknown';
  if (hops <= 0 || !forwardedFor) return peer;
  const entries = forwardedFor
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  // The right-most `hops - 1` entries were written by our own proxies; the one before them is the client.
  const candidate = entries[entries.length - hops];
  return normalise(candidate) ?? entries[0] ?? peer;
};

const normalise = (address: string | undefined): string | undefined => {
  if (!address) return undefined;
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
};
