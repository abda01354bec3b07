// What a key says when it cannot act on the focused row: read in the live region instead of calling anything.
import type { InboxKind, KindAction } from '../../../lib/kinds/kind.ts';
import { listed } from '../../../lib/kinds/words.ts';
import type { QueueRow } from '../../../lib/queue/row.ts';

const article = (noun: string) => (/^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`);

/** Undefined when the action may go ahead. */
export function keyRefusal(
  kinds: readonly InboxKind[],
  key: string,
  row: QueueRow,
  kind: InboxKind | undefined,
  action: KindAction | undefined,
  pending: boolean,
): string | undefined {
  if (!kind) return `“${row.name}” is of a kind this inbox no longer knows`;
  if (!action) {
    const others = kinds.filter((k) => k.actions.some((a) => a.key === key));
    const label = others[0]?.actions.find((a) => a.key === key)?.label ?? key;
    return `“${row.name}” is ${article(kind.nouns.one)}: ${label} is for ${listed(others.map((k) => k.nouns.many))}`;
  }
  if (!pending) return `“${row.name}” is decided already`;
  const available = action.available(row);
  return available === true ? undefined : available;
}
