// The work-item kind: ISC's v3 work items (approvals with approval items, tasks to mark complete, forms, forwards)
// as the inbox knows them — its nouns, queues, counts, detail page, what may be done to a row and how each action is
// sent (actions.ts), and how the cache follows (api/cache.ts).
import { createElement, type ComponentType } from 'react';
import { queryOptions } from '@tanstack/react-query';
import type { ApiError } from '../../lib/http.ts';
import type { DetailPageProps, InboxKind, KindCounts, RowPanelProps } from '../../lib/kinds/kind.ts';
import { paths, routePatterns } from '../../lib/paths.ts';
import { WORK_ITEM_ACTIONS } from './actions.ts';
import { completedWorkItemsQueueQueryOptions } from './api/get-completed-work-items.ts';
import { getWorkItemsSummary } from './api/get-work-items-summary.ts';
import { workItemKeys } from './api/keys.ts';
import { workItemsQueueQueryOptions } from './api/list-work-items.ts';
import { WORK_ITEM_KIND } from './api/queue-row.ts';
import type { FormSlotProps } from './components/FormPanel.tsx';

/** A work item's counts, from the summary call (one request for both). */
function countsQueryOptions({ ownerId }: { ownerId?: string }) {
  return queryOptions<KindCounts, ApiError>({
    queryKey: [...workItemKeys.summary({ ownerId }), 'counts'],
    queryFn: async ({ signal }) => {
      const summary = await getWorkItemsSummary({ ownerId }, signal);
      return { pending: summary.open ?? 0, completed: summary.completed ?? 0 };
    },
  });
}

/** The work-item kind; `Form` is the account-selection form the page shows for a form work item (the forms feature). */
export function workItemKind({ Form }: { Form: ComponentType<FormSlotProps> }): InboxKind {
  return {
    name: WORK_ITEM_KIND,
    nouns: { one: 'work item', many: 'work items' },
    partNouns: { one: 'approval item', many: 'approval items' },
    filterLabel: 'Work items',
    queue: { pending: workItemsQueueQueryOptions, completed: completedWorkItemsQueueQueryOptions },
    counts: countsQueryOptions,
    route: routePatterns.workItem,
    path: (id, { ownerId }) => paths.workItem(id, { ownerId }),
    loadDetailPage: async () => {
      const { WorkItemPage } = await import('./routes/WorkItemPage.tsx');
      return function WorkItemDetail(props: DetailPageProps) {
        return createElement(WorkItemPage, { ...props, Form });
      };
    },
    loadRowPanel: async (): Promise<ComponentType<RowPanelProps>> =>
      (await import('./components/WorkItemRowPanel.tsx')).WorkItemRowPanel,
    actions: WORK_ITEM_ACTIONS,
    // ISC's work items here are the manual tasks (approvals, forms, remediations) work reassignment names so
    workType: () => 'MANUAL_TASKS',
    loadRuntime: async () => (await import('./runtime.ts')).workItemRuntime,
  };
}
