import type { ErrorEvent } from '@sentry/node';
import { describe, expect, it } from 'vitest';

import { scrubEvent } from './sentry-scrub.ts';

const event = (overrides: Partial<ErrorEvent>): ErrorEvent => ({ type: undefined, ...overrides });

describe('Sentry scrubbing', () => {
  it('drops probe noise', () => {
    expect(scrubEvent(event({ request: { url: 'http://x/health' } }))).toBeNull();
    expect(scrubEvent(event({ request: { url: 'http://x/metrics' } }))).toBeNull();
  });

  it('removes cookies, bodies and credentials, and keeps the user by id only', () => {
    const scrubbed = scrubEvent(
      event({
        request: {
          url: 'http://x/api/users/me',
          cookies: { access_token: 'jwt' },
          data: '{"password":"hunter2"}',
          headers: { authorization: 'Bearer jwt', 'x-csrf-token': 'c', 'user-agent': 'UA' },
        },
        user: { id: '42', email: 'luke@example.com', ip_address: '1.2.3.4' },
        extra: { nested: { refresh_token: 'r', keep: 'yes' } },
      }),
    );
    expect(scrubbed?.request).toEqual({
      url: 'http://x/api/users/me',
      headers: { authorization: '[Filtered]', 'x-csrf-token': '[Filtered]', 'user-agent': 'UA' },
    });
    expect(scrubbed?.user).toEqual({ id: '42' });
    expect(scrubbed?.extra).toEqual({ nested: { refresh_token: '[Filtered]', keep: 'yes' } });
    expect(JSON.stringify(scrubbed)).not.toContain('hunter2');
  });
});
