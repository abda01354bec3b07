// Our API layer for the same 13 calls: the ky client (src/lib/http.ts) and one module per operation (request
// function, queryOptions and hook). Built by bench/lib/bytes.ts next to sdk.ts; everything is re-exported so the
// bundler keeps all of it.
export * as http from '../../src/lib/http.ts';
export * as keys from '../../src/features/work-items/api/keys.ts';
export * as listWorkItems from '../../src/features/work-items/api/list-work-items.ts';
export * as getCompletedWorkItems from '../../src/features/work-items/api/get-completed-work-items.ts';
export * as getCountWorkItems from '../../src/features/work-items/api/get-count-work-items.ts';
export * as getCountCompletedWorkItems from '../../src/features/work-items/api/get-count-completed-work-items.ts';
export * as getWorkItemsSummary from '../../src/features/work-items/api/get-work-items-summary.ts';
export * as getWorkItem from '../../src/features/work-items/api/get-work-item.ts';
export * as completeWorkItem from '../../src/features/work-items/api/complete-work-item.ts';
export * as approveApprovalItem from '../../src/features/work-items/api/approve-approval-item.ts';
export * as rejectApprovalItem from '../../src/features/work-items/api/reject-approval-item.ts';
export * as approveApprovalItemsInBulk from '../../src/features/work-items/api/approve-approval-items-in-bulk.ts';
export * as rejectApprovalItemsInBulk from '../../src/features/work-items/api/reject-approval-items-in-bulk.ts';
export * as submitAccountSelection from '../../src/features/work-items/api/submit-account-selection.ts';
export * as sendWorkItemForward from '../../src/features/work-items/api/send-work-item-forward.ts';
