// Query keys for work reassignment (out-of-office delegations, /v2025/reassignment-configurations), from one
// factory: the list (one's own and those made to one; an admin's: everyone's), one identity's configuration, and
// the evaluated chains. A change to any configuration invalidates `all`: chains cross identities.

export const reassignmentKeys = {
  all: ['reassignment'] as const,
  list: () => [...reassignmentKeys.all, 'list'] as const,
  configuration: (identityId: string) => [...reassignmentKeys.all, 'configuration', identityId] as const,
  evaluation: (identityId: string, configType: string) =>
    [...reassignmentKeys.all, 'evaluate', identityId, configType] as const,
};
