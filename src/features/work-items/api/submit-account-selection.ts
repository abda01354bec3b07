// submitAccountSelection: POST /v3/work-items/{id}/submit-account-selection — the form's answer, keyed on field name.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson, type ApiError } from '../../../lib/http.ts';
import type { AccountSelection, WorkItem } from '../../../../contract/work-items.ts';
import { settleWorkItem } from './cache.ts';

export interface SubmitAccountSelectionVariables {
  workItemId: string;
  selection: AccountSelection;
}

export function submitAccountSelection({ workItemId, selection }: SubmitAccountSelectionVariables) {
  return sendJson<WorkItem>('post', `work-items/${encodeURIComponent(workItemId)}/submit-account-selection`, selection);
}

export function useSubmitAccountSelection() {
  const queryClient = useQueryClient();
  return useMutation<WorkItem, ApiError, SubmitAccountSelectionVariables>({
    mutationFn: submitAccountSelection,
    onSuccess: (item) => settleWorkItem(queryClient, item),
  });
}
