// A bulk decision as the paced runner runs it: one step per request (a whole item's decision, or one of the
// sub-items a search matched), each step knowing its row, so that the selection hears about rows, not requests.
import type { HeldRequest } from '../../../lib/held.ts';
import type { ActionInput, InboxKind, KindRuntime } from '../../../lib/kinds/kind.ts';
import type { BulkResult } from '../../../lib/bulk-resume.ts';

export interface BulkStep {
  /** `<row id>|<sub-item id>` (or `<row id>|` for the whole row): what a resume after sign-in needs. */
  id: string;
  name: string;
  rowId: string;
  kind: InboxKind;
  runtime: KindRuntime;
  request: HeldRequest;
}

export function stepId(rowId: string, subItemId = ''): string {
  return `${rowId}|${subItemId}`;
}

import type { BulkTarget } from './resume-targets.ts';

export type { BulkTarget };

/** The steps of a run: each target's requests for the action its kind has under that name. */
export function planSteps(
  kinds: readonly InboxKind[],
  runtimes: ReadonlyMap<InboxKind, KindRuntime>,
  actionName: string,
  targets: readonly BulkTarget[],
  input: ActionInput,
): BulkStep[] {
  return targets.flatMap((target) => {
    const kind = kinds.find((k) => k.name === target.kind);
    const runtime = kind && runtimes.get(kind);
    if (!kind || !runtime || !kind.actions.some((a) => a.name === actionName)) return [];
    return runtime.requests(actionName, target, input).map((request) => ({
      id: stepId(target.id, request.subItemId),
      name: target.name,
      rowId: target.id,
      kind,
      runtime,
      request,
    }));
  });
}

/**
 * Folds the steps' outcomes into one result per row, reported once every step of the row is known: a row
 * succeeded when all its steps did, failed with the first failure's reason otherwise.
 */
export function rowResults(steps: readonly BulkStep[], onRow: (result: BulkResult) => void) {
  const left = new Map<string, number>();
  const failures = new Map<string, BulkResult>();
  for (const s of steps) left.set(s.rowId, (left.get(s.rowId) ?? 0) + 1);
  const rowOf = new Map(steps.map((s) => [s.id, s] as const));
  return (result: BulkResult) => {
    const step = rowOf.get(result.id);
    if (!step) return;
    if (!result.ok && !failures.has(step.rowId)) failures.set(step.rowId, { ...result, id: step.rowId });
    const remaining = (left.get(step.rowId) ?? 1) - 1;
    left.set(step.rowId, remaining);
    if (remaining > 0) return;
    onRow(failures.get(step.rowId) ?? { id: step.rowId, name: step.name, ok: true });
  };
}

/** The comment a run asks for: required when any target needs one, none when no target takes one. */
export function runCommentRule(kinds: readonly InboxKind[], actionName: string, targets: readonly BulkTarget[]) {
  let need: 'none' | 'optional' | 'required' = 'none';
  let max = Infinity;
  for (const t of targets) {
    const action = kinds.find((k) => k.name === t.kind)?.actions.find((a) => a.name === actionName);
    if (!action || !t.row) continue;
    const rule = action.comment(t.row);
    if (rule.need === 'none') continue;
    max = Math.min(max, rule.max);
    if (rule.need === 'required' || need === 'none') need = rule.need;
  }
  return { need, max: Number.isFinite(max) ? max : 0 } as const;
}
