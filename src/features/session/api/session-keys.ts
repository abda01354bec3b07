// The session's query key and shape, apart from its hooks so that other features' caches can read the signed-in
// identity without importing the hooks.

export interface Session {
  identityId: string;
  /** Display name (or user name) of the signed-in identity. */
  name: string;
  isAdmin: boolean;
  /** ISO 8601: when the access token (and so the session) expires. */
  expiresAt: string;
  mode: 'sandbox' | 'tenant';
}

export const sessionKeys = {
  all: ['session'] as const,
  current: ['session', 'current'] as const,
  demoIdentities: ['session', 'demo-identities'] as const,
};
