// The registry: every kind of approval the inbox lists, one line each, in the order the list, the filter and the
// summary show them. A kind is its module (src/features/<kind>/kind.ts: src/lib/kinds/kind.ts says what it holds);
// nothing else in the app names it.
import { lazy } from 'react';
import type { InboxKind } from '../lib/kinds/kind.ts';
import { accessRequestKind } from '../features/access-requests/kind.ts';
import { genericApprovalKind } from '../features/generic-approvals/kind.ts';
import { workItemKind } from '../features/work-items/kind.ts';

// the forms feature's account-selection form, shown by the work-item page for a form work item (its own chunk)
const AccountSelectionForm = lazy(() => import('../features/forms/components/AccountSelectionForm.tsx'));

export const KINDS: readonly InboxKind[] = [
  workItemKind({ Form: AccountSelectionForm }),
  accessRequestKind,
  genericApprovalKind,
];
