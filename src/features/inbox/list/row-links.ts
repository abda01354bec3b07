// What a row shows that its kind decides: where it opens, and which of its sub-items a search matched.
import { useCallback, useMemo } from 'react';
import { useKinds } from '../../../lib/kinds/context.ts';
import { count } from '../../../lib/kinds/words.ts';
import type { QueueRow } from '../../../lib/queue/row.ts';
import { delegationNote, delegationOf } from '../../../lib/reassignment/delegations.ts';
import { useIncoming } from '../delegations/use-incoming.ts';
import type { TableSelection } from './QueueTableRow.tsx';
import { formatCount } from '../../../lib/plural.ts';

export function useRowLinks(
  ownerId: string | undefined,
  partial: ReadonlyMap<string, readonly string[]>,
  selection: TableSelection | undefined,
) {
  const kinds = useKinds();
  const byName = useMemo(() => new Map(kinds.map((k) => [k.name, k] as const)), [kinds]);
  const href = useCallback(
    (row: QueueRow) => byName.get(row.kind)?.path(row.id, { ownerId }) ?? '#',
    [byName, ownerId],
  );
  // a row someone's out-of-office delegation brought here says so (unless a search note takes the line)
  const incoming = useIncoming(ownerId);
  const note = useCallback(
    (row: QueueRow) => {
      const matched = partial.get(row.id);
      const nouns = byName.get(row.kind)?.partNouns;
      if (!matched || !nouns) {
        const delegation = row.completed ? undefined : delegationOf(row, incoming);
        return delegation && delegationNote(delegation);
      }
      return `${formatCount(matched.length)} of ${count(row.pendingCount, { one: `pending ${nouns.one}`, many: `pending ${nouns.many}` })} match`;
    },
    [byName, partial, incoming],
  );
  // a row selected while the search matched only some of its sub-items is selected with those
  const scoped = useMemo<TableSelection | undefined>(
    () =>
      selection && {
        ...selection,
        toggle: (id: string) => selection.toggle(id, partial.get(id)),
        setMany: (ids: string[], on: boolean) => selection.setMany(ids, on, partial),
      },
    [selection, partial],
  );
  return { href, note, selection: scoped };
}
