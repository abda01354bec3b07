// sendWorkItemForward: POST /v3/work-items/{id}/forward — hands a work item to another identity.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson, type ApiError } from '../../../lib/http.ts';
import type { WorkItem, WorkItemForward } from '../../../../contract/work-items.ts';
import { invalidateOwner, writeWorkItem } from './cache.ts';
import { findCachedWorkItem, workItemQueryOptions } from './get-work-item.ts';

export interface ForwardWorkItemVariables extends WorkItemForward {
  workItemId: string;
}

/** v3 answers 200 with no body; a body holding the forwarded work item (the sandbox's) is used when present. */
export async function sendWorkItemForward({
  workItemId,
  targetOwnerId,
  comment,
  sendNotifications,
}: ForwardWorkItemVariables): Promise<WorkItem | undefined> {
  const body: WorkItemForward = { targetOwnerId, comment };
  if (sendNotifications !== undefined) body.sendNotifications = sendNotifications;
  const answer = await sendJson<WorkItem | undefined>(
    'post',
    `work-items/${encodeURIComponent(workItemId)}/forward`,
    body,
  );
  return answer && typeof answer === 'object' && typeof answer.id === 'string' ? answer : undefined;
}

export function useForwardWorkItem() {
  const queryClient = useQueryClient();
  return useMutation<
    WorkItem | undefined,
    ApiError,
    ForwardWorkItemVariables,
    { previousOwnerId: string | null | undefined }
  >({
    mutationFn: sendWorkItemForward,
    onMutate: ({ workItemId }) => ({ previousOwnerId: findCachedWorkItem(queryClient, workItemId)?.ownerId }),
    onSuccess: async (item, { workItemId, targetOwnerId }, context) => {
      if (item) writeWorkItem(queryClient, item);
      // Without an answer the cached copy names the old owner: stale, but not refetched (it may now be forbidden).
      else
        await queryClient.invalidateQueries({
          queryKey: workItemQueryOptions(workItemId).queryKey,
          refetchType: 'none',
        });
      await Promise.all([
        invalidateOwner(queryClient, context?.previousOwnerId),
        invalidateOwner(queryClient, targetOwnerId),
      ]);
    },
  });
}
