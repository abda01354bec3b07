// A draft per work item in sessionStorage: saved on every change, restored when the form mounts, removed once the
// selection is submitted. It survives a sign-in round trip after the session expires (same tab), and dies with the
// tab, so answers never linger on a shared machine.

const PREFIX = 'work-items-inbox:form-draft:';

export interface Draft {
  savedAt: string;
  /** Values keyed on field name. */
  values: Record<string, unknown>;
}

export function draftKey(workItemId: string): string {
  return `${PREFIX}${workItemId}`;
}

function storage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined; // storage disabled by the browser
  }
}

export function loadDraft(workItemId: string): Draft | null {
  try {
    const text = storage()?.getItem(draftKey(workItemId));
    if (!text) return null;
    const draft = JSON.parse(text) as Draft;
    return draft && typeof draft.values === 'object' && draft.values ? draft : null;
  } catch {
    return null;
  }
}

export function saveDraft(workItemId: string, values: Record<string, unknown>): void {
  try {
    storage()?.setItem(draftKey(workItemId), JSON.stringify({ savedAt: new Date().toISOString(), values }));
  } catch {
    // quota or disabled storage: the form still works, only the draft is not kept
  }
}

export function removeDraft(workItemId: string): void {
  try {
    storage()?.removeItem(draftKey(workItemId));
  } catch {
    // nothing to do
  }
}
