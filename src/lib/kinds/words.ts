// Sentences built from the kinds' nouns: every count the inbox says names what it counts ("3 work items and 2
// access requests", "Reject 31 approval items in 5 work items and 2 access requests?").
import { plural } from '../plural.ts';
import type { ActionTarget, InboxKind, KindAction, Nouns } from './kind.ts';

export function count(n: number, nouns: Nouns): string {
  return plural(n, nouns.one, nouns.many);
}

/** "a, b and c". */
export function listed(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** The item noun that fits rows of these kinds: the kind's own when there is one, "item" when they are mixed. */
export function itemNouns(kinds: readonly InboxKind[]): Nouns {
  return kinds.length === 1 ? kinds[0].nouns : { one: 'item', many: 'items' };
}

/** "5 work items and 2 access requests" for rows counted per kind (kinds without rows left out). */
export function kindCounts(kinds: readonly InboxKind[], counts: ReadonlyMap<string, number>): string {
  const parts = kinds.filter((k) => (counts.get(k.name) ?? 0) > 0).map((k) => count(counts.get(k.name)!, k.nouns));
  return listed(parts) || count(0, { one: 'item', many: 'items' });
}

/** A target and how many sub-items it decides (all its pending ones, or those it names). */
export interface CountedTarget extends ActionTarget {
  kind: string;
  pendingCount: number;
}

/**
 * What a decision (the action's name) on these targets decides, in words: "31 approval items in 5 work items and
 * 2 access requests", "2 access requests", "3 approval items in 1 work item"; sub-items counted only for a kind
 * whose action decides them one by one (`perPart`): "Mark 2 work items complete".
 */
export function decisionObject(
  kinds: readonly InboxKind[],
  targets: readonly CountedTarget[],
  actionName: string,
): string {
  const rows = new Map<string, number>();
  let parts = 0;
  let partNouns: Nouns | undefined;
  for (const t of targets) {
    rows.set(t.kind, (rows.get(t.kind) ?? 0) + 1);
    const kind = kinds.find((k) => k.name === t.kind);
    if (kind?.partNouns && kind.actions.some((a) => a.name === actionName && a.perPart)) {
      partNouns ??= kind.partNouns;
      parts += t.subItemIds ? t.subItemIds.length : t.pendingCount;
    }
  }
  const what = kindCounts(kinds, rows);
  return partNouns ? `${count(parts, partNouns)} in ${what}` : what;
}

/** The action's sentence with its object: "Approve 2 access requests", "Mark 3 work items complete". */
export function actionSentence(action: Pick<KindAction, 'label' | 'sentence'>, what: string): string {
  return action.sentence ? action.sentence(what) : `${action.label} ${what}`;
}

/** "work item" / "access request" of a row's kind ("item" for a kind not registered). */
export function nounOf(kinds: readonly InboxKind[], kind: string): string {
  return kinds.find((k) => k.name === kind)?.nouns.one ?? 'item';
}
