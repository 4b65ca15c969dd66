import { describe, expect, it } from 'vitest';

import {
  MAIL_SUBJECTS,
  renderPasswordResetEmail,
  renderVerificationEmail,
} from './mail.templates.ts';

describe('mail templates', () => {
  it('escape every variable in the HTML part', () => {
    const mail = renderVerificationEmail({
      username: '<script>x</script>',
      link: 'https://f.example/verify-email?token=a"b',
    });
    expect(mail.html).not.toContain('<script>x');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.html).toContain('token=a&quot;b');
    expect(mail.subject).toBe(MAIL_SUBJECTS.verification);
  });

  it('carry the link in both parts', () => {
    const mail = renderPasswordResetEmail({
      username: 'luke',
      link: 'https://f.example/reset-password?token=t',
    });
    expect(mail.text).toContain('https://f.example/reset-password?token=t');
    expect(mail.html).toContain('https://f.example/reset-password?token=t');
    expect(mail.subject).toBe('Réinitialisation de ton mot de passe — Mathakine');
  });
});
