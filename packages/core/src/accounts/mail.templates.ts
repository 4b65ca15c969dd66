/**
 * Our French e-mail templates (platform §5.2: subjects and links are contract, the wording is ours).
 * Every variable is HTML-escaped in the HTML part.
 */
export const MAIL_SUBJECTS = {
  verification: 'Bienvenue ! Active ton compte Mathakine',
  passwordReset: 'Réinitialisation de ton mot de passe — Mathakine',
} as const;

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);

interface TemplateInput {
  username: string;
  link: string;
}

interface Rendered {
  subject: string;
  text: string;
  html: string;
}

const layout = (title: string, subtitle: string, body: string): string => `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;background:#0f172a;font-family:Arial,sans-serif">
<div style="max-width:600px;margin:0 auto;background:#ffffff">
<div style="background:linear-gradient(135deg,#1e1b4b,#0f172a);color:#ffffff;padding:24px;text-align:center">
<h1 style="margin:0;font-size:24px">${escapeHtml(title)}</h1>
<p style="margin:8px 0 0">${escapeHtml(subtitle)}</p></div>
<div style="padding:24px;color:#0f172a">${body}</div>
<div style="padding:16px;text-align:center;color:#64748b;font-size:12px">© 2025 Mathakine — L'Ordre Jedi des Mathématiques</div>
</div></body></html>`;

const button = (link: string, label: string) =>
  `<p style="text-align:center"><a href="${escapeHtml(link)}" style="display:inline-block;background:#06b6d4;color:#ffffff;padding:12px 24px;border-radius:6px;text-decoration:none">${escapeHtml(label)}</a></p>`;

export const renderVerificationEmail = ({ username, link }: TemplateInput): Rendered => ({
  subject: MAIL_SUBJECTS.verification,
  text:
    `Bonjour ${username},\n\nBienvenue dans l'académie Mathakine ! Pour activer ton compte, ouvre ce lien :\n${link}\n\n` +
    `Ce lien expire dans 24 heures.\n\nSi tu n'es pas à l'origine de cette inscription, ignore ce message.\n\n— Mathakine`,
  html: layout(
    'Bienvenue — Mathakine',
    'Vérification de ton adresse email',
    `<p>Bonjour ${escapeHtml(username)},</p><p>Bienvenue dans l'académie Mathakine ! Pour activer ton compte, clique sur le bouton :</p>` +
      button(link, 'Activer mon compte') +
      `<p style="color:#f59e0b">Ce lien expire dans 24 heures.</p>` +
      `<p>Si le bouton ne fonctionne pas, copie ce lien dans ton navigateur :<br>${escapeHtml(link)}</p>`,
  ),
});

export const renderPasswordResetEmail = ({ username, link }: TemplateInput): Rendered => ({
  subject: MAIL_SUBJECTS.passwordReset,
  text:
    `Bonjour ${username},\n\nTu as demandé à réinitialiser ton mot de passe. Ouvre ce lien pour en choisir un nouveau :\n${link}\n\n` +
    `Ce lien expire dans 1 heure et ne sert qu'une fois.\n\nSi tu n'as rien demandé, ignore ce message : ton mot de passe reste inchangé.\n\n— Mathakine`,
  html: layout(
    'Réinitialisation — Mathakine',
    'Réinitialisation de mot de passe',
    `<p>Bonjour ${escapeHtml(username)},</p><p>Tu as demandé à réinitialiser ton mot de passe.</p>` +
      button(link, 'Réinitialiser mon mot de passe') +
      `<p style="color:#f59e0b">Ce lien expire dans 1 heure et ne sert qu'une fois.</p>` +
      `<p>Si le bouton ne fonctionne pas, copie ce lien dans ton navigateur :<br>${escapeHtml(link)}</p>` +
      `<p>Si tu n'as rien demandé, ignore ce message : ton mot de passe reste inchangé.</p>`,
  ),
});
