import { describe, expect, it } from 'vitest';

import { legacyProfileBodyToInput } from './users.legacy.ts';

describe('legacy PUT /api/users/me body mapping (api-rest-core §6.3.4 steps 1–3)', () => {
  it('groups privacy booleans, moves settings fields into accessibility_settings, drops unknown keys', () => {
    expect(
      legacyProfileBodyToInput({
        full_name: 'Luke',
        username: 'ignored',
        show_in_leaderboards: false,
        marketing_consent: true,
        privacy_settings: { is_public_profile: true },
        timezone: 'Europe/Paris',
        accessibility_settings: { high_contrast: true },
      }),
    ).toEqual({
      fullName: 'Luke',
      accessibilitySettings: {
        high_contrast: true,
        timezone: 'Europe/Paris',
        privacy_settings: { show_in_leaderboards: false, marketing_consent: true },
      },
    });
  });

  it('replaces a non-object accessibility_settings by the moved fields', () => {
    expect(
      legacyProfileBodyToInput({ accessibility_settings: 'x', language_preference: 'en' }),
    ).toEqual({
      accessibilitySettings: { language_preference: 'en' },
    });
  });

  it('keeps a directly sent privacy_settings when no privacy boolean is at the top level', () => {
    expect(legacyProfileBodyToInput({ privacy_settings: { is_public_profile: true } })).toEqual({
      accessibilitySettings: { privacy_settings: { is_public_profile: true } },
    });
  });

  it('leaves nothing when only unknown keys are sent', () => {
    expect(legacyProfileBodyToInput({ role: 'archiviste', total_points: 9 })).toEqual({});
  });
});
