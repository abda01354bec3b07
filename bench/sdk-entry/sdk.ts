// The 13 work-item calls through the official SDK (sailpoint-api-client's v3 WorkItemsApi, with its axios), as a
// browser app would make them. Built by bench/lib/bytes.ts with the same Vite as the app, to compare shipped bytes.
// The package's root entry also pulls its Node-only configuration (fs, proxy-agent, js-yaml); the browser-usable
// path is the v3 API module itself, which is what is imported here (the smallest the SDK allows).
import { WorkItemsApi } from 'sailpoint-api-client/dist/v3/api';
import { Configuration } from 'sailpoint-api-client/dist/v3/configuration';

export function workItemCalls(basePath: string, accessToken: string) {
  // The API class is typed with the Node configuration; the browser-safe v3 one has every field it reads.
  const api = new WorkItemsApi(new Configuration({ basePath, accessToken }) as never);
  return {
    list: () => api.listWorkItems({ limit: 250, offset: 0, count: true }),
    completed: () => api.getCompletedWorkItems({ limit: 250, offset: 0, count: true }),
    count: () => api.getCountWorkItems({}),
    countCompleted: () => api.getCountCompletedWorkItems({}),
    summary: () => api.getWorkItemsSummary({}),
    get: (id: string) => api.getWorkItem({ id }),
    complete: (id: string) => api.completeWorkItem({ id }),
    approve: (id: string, approvalItemId: string) => api.approveApprovalItem({ id, approvalItemId }),
    reject: (id: string, approvalItemId: string) => api.rejectApprovalItem({ id, approvalItemId }),
    approveAll: (id: string) => api.approveApprovalItemsInBulk({ id }),
    rejectAll: (id: string) => api.rejectApprovalItemsInBulk({ id }),
    submit: (id: string, body: Record<string, unknown>) => api.submitAccountSelection({ id, requestBody: body }),
    forward: (id: string, targetOwnerId: string, comment: string) =>
      api.sendWorkItemForward({ id, workItemForward: { targetOwnerId, comment } }),
  };
}
