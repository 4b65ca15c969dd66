import { z } from 'zod';

import { toLegacyJson } from '../legacy/format.ts';
import { isJsonResponse, type LegacyReply } from './reply.ts';
import type { LegacyRoute } from './route.ts';

/**
 * Test-time check that a reply is one the route declares: a declared status of the right kind, and a JSON
 * body that, as written on the wire, matches the declared schema (the HTTP tests then prove the schemas).
 * Throws on a mismatch (the request ends in a 500 and the error names the route).
 */
export const checkReply = (route: LegacyRoute, template: string, reply: LegacyReply): void => {
  const spec = route.responses[reply.status as keyof typeof route.responses];
  const where = `${route.method} ${template} → ${reply.status}`;
  if (spec === undefined) throw new Error(`${where}: status not declared`);
  if (reply.kind === 'json') {
    if (!isJsonResponse(spec)) throw new Error(`${where}: declared as ${spec.kind}, not JSON`);
    const wire: unknown = JSON.parse(toLegacyJson(reply.body));
    const parsed = spec.safeParse(wire);
    if (!parsed.success) {
      throw new Error(`${where}: body does not match its schema\n${z.prettifyError(parsed.error)}`);
    }
    return;
  }
  if (isJsonResponse(spec) || spec.kind !== reply.kind) {
    throw new Error(`${where}: a ${reply.kind} reply is not what the route declares`);
  }
};
