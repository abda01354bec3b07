import { OWNER_ME } from '../../../../contract/access-requests.ts';

/**
 * The page's owner (`?ownerId=`, undefined = my own) as this API's `owner-id`. Without it an admin would get the
 * whole org's approvals, while the work items API gives everyone their own: `me` keeps the two inboxes alike.
 */
export function ownerIdParam(ownerId: string | null | undefined): string {
  return ownerId || OWNER_ME;
}
