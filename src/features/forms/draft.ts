// A draft per work item in sessionStorage: saved on every change, restored when the form mounts, removed once the
// selection is submitted. It survives a sign-in round trip after the session expires (same tab), and dies with the
// tab, so answers never linger on a shared machine.
import { readStoredJson, removeStored, storageKey, writeStored } from '../../lib/storage.ts';

export interface Draft {
  savedAt: string;
  /** Values keyed on field name. */
  values: Record<string, unknown>;
}

const draftName = (workItemId: string) => `form-draft.${workItemId}`;

/** The full storage key of a work item's draft. */
export function draftKey(workItemId: string): string {
  return storageKey(draftName(workItemId));
}

export function loadDraft(workItemId: string): Draft | null {
  const draft = readStoredJson('session', draftName(workItemId)) as Draft | undefined;
  return draft && typeof draft.values === 'object' && draft.values ? draft : null;
}

export function saveDraft(workItemId: string, values: Record<string, unknown>): void {
  // quota or disabled storage: the form still works, only the draft is not kept
  writeStored('session', draftName(workItemId), JSON.stringify({ savedAt: new Date().toISOString(), values }));
}

export function removeDraft(workItemId: string): void {
  removeStored('session', draftName(workItemId));
}
