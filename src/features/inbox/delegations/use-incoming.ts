// The out-of-office delegations whose work comes to the queue's owner (the signed-in identity's own, or `ownerId`).
import { useIncomingDelegations, type IncomingDelegation } from '../../../lib/reassignment/delegations.ts';
import { useSession } from '../../../lib/session/session.ts';

export function useIncoming(ownerId: string | undefined): IncomingDelegation[] {
  const self = useSession().data?.identityId;
  return useIncomingDelegations(ownerId ?? self);
}
