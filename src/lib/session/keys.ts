// The session's query key and shape, apart from its hooks so that other features' caches can read the signed-in
// identity without importing the hooks.
import type { SessionView } from '../../../contract/session.ts';

export type Session = SessionView;

export const sessionKeys = {
  all: ['session'] as const,
  current: ['session', 'current'] as const,
  demoIdentities: ['session', 'demo-identities'] as const,
};
