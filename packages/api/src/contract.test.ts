import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { API_CONTRACT_VERSION } from './contract.ts';

describe('the contract version', () => {
  it('is the version of the published client (one version for both APIs)', () => {
    const manifest = JSON.parse(
      readFileSync(new URL('../../client/package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    expect(manifest.version).toBe(API_CONTRACT_VERSION);
    expect(API_CONTRACT_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
