import { randomUrlToken } from '../lib/tokens.ts';
import type { AccessTokens } from './access-tokens.ts';
import type { AccountMail } from './account-mail.ts';
import type { AccountsDeps } from './accounts-deps.ts';
import type { CsrfTokenDto } from './auth.schemas.ts';
import { makeForgotPassword } from './forgot-password.ts';
import { makeLogin } from './login.ts';
import { makeLogout } from './logout.ts';
import { makeRefresh } from './refresh.ts';
import { makeResendVerification } from './resend-verification.ts';
import { makeResetPassword } from './reset-password.ts';
import { makeResolveAccessToken } from './resolve-access-token.ts';
import { makeValidateToken } from './validate-token.ts';
import { makeVerifyEmail } from './verify-email.ts';

export type { ResolvedActor, TokenState } from './resolve-access-token.ts';

/**
 * Authentication use cases (one file each): login, refresh (rotation with reuse detection), logout,
 * access-token resolution and validation, CSRF token, e-mail verification and resend, password reset.
 */
export const makeAuthService = (deps: AccountsDeps, tokens: AccessTokens, mail: AccountMail) => ({
  login: makeLogin(deps, tokens),
  refresh: makeRefresh(deps, tokens),
  logout: makeLogout(deps),
  resolveAccessToken: makeResolveAccessToken(tokens),
  validateToken: makeValidateToken(deps, tokens),
  /** A fresh double-submit token (43 URL-safe characters); nothing is stored server-side. */
  issueCsrfToken: (): CsrfTokenDto => ({ csrfToken: randomUrlToken() }),
  verifyEmail: makeVerifyEmail(deps),
  resendVerification: makeResendVerification(deps, mail),
  forgotPassword: makeForgotPassword(deps, mail),
  resetPassword: makeResetPassword(deps),
});

export type AuthService = ReturnType<typeof makeAuthService>;
