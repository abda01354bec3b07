// What the server's own /auth routes answer and accept: the page and the server both import these, so the two
// can never disagree about a field.

export type ServerMode = 'sandbox' | 'tenant';

/** GET/POST /auth/session: who is signed in. The access token itself never leaves the server. */
export interface SessionView {
  identityId: string;
  /** Display name (or user name) of the signed-in identity. */
  name: string;
  isAdmin: boolean;
  /** ISO 8601: when the access token (and so the session) expires. */
  expiresAt: string;
  mode: ServerMode;
}

/** POST /auth/session: a personal access token, or (sandbox only) one of the demo identities. */
export type SignInBody = { identity: string } | { clientId: string; clientSecret: string };

/** GET /auth/identities (sandbox only): the demo identities offered on the sign-in page. */
export interface DemoIdentity {
  alias: string;
  name: string;
  isAdmin: boolean;
}

/** GET /auth/config: which sign-in methods the server offers. */
export interface AuthConfig {
  mode: ServerMode;
  /** A personal access token (client id + secret) is always accepted. */
  pat: boolean;
  /** "Sign in with SailPoint" (OAuth authorization code + PKCE) is configured. */
  oauth: boolean;
}

/**
 * Names the identity a decision was made by. The page sends it on every state-changing API request it makes from
 * a session (held decisions above all: one made by Alice must never go out with the next user's cookie); the
 * server refuses such a request with a 409 when the session belongs to another identity, and never forwards the
 * header to a tenant.
 */
export const ACTING_IDENTITY_HEADER = 'x-acting-identity';
