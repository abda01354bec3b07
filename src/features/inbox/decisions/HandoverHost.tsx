// The forward dialog the app gives the inbox, with what the inbox brings to it: what is handed over, the comment
// rule, and how each one is performed — the kind's requests sent one by one, its cache following. Its own chunk,
// loaded when someone forwards.
import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { BulkResult } from '../../../lib/bulk-resume.ts';
import { sendRequest } from '../../../lib/http.ts';
import { runtimeOf } from '../../../lib/kinds/runtime.ts';
import { useKinds } from '../../../lib/kinds/context.ts';
import type { ActionInput, HandoverDialogProps, HandoverItem } from '../../../lib/kinds/kind.ts';
import { itemNouns } from '../../../lib/kinds/words.ts';
import type { QueueRow } from '../../../lib/queue/row.ts';
import { rememberForwards } from '../../../lib/recent-forwards.ts';
import type { HandoverOpen, HandoverOutcome } from './use-handover.tsx';

export default function HandoverHost({
  open,
  Dialog,
  onItemDone,
  onClose,
}: {
  open: HandoverOpen;
  Dialog: React.ComponentType<HandoverDialogProps>;
  onItemDone?: (result: BulkResult) => void;
  onClose: (outcome: HandoverOutcome) => void;
}) {
  const kinds = useKinds();
  const queryClient = useQueryClient();
  const { action, targets, skipped } = open;

  const perform = useCallback(
    async (item: HandoverItem, input: ActionInput) => {
      const kind = kinds.find((k) => k.name === item.kind);
      const own = kind?.actions.find((a) => a.type === 'handover' && a.name === action.name);
      if (!kind || !own) throw new Error(`${action.label} does not apply to this item.`);
      const { cache, requests: build } = await runtimeOf(kind);
      const requests = build(own.name, item, input);
      const answers: unknown[] = [];
      for (const request of requests) {
        answers.push(await sendRequest(request));
        cache.shown(queryClient, request);
      }
      await cache.settled(queryClient, requests, answers);
      if (input.owner) rememberForwards([item.id], input.owner.name);
    },
    [kinds, queryClient, action],
  );

  const involved = kinds.filter((k) => targets.some((t) => t.kind === k.name));
  const actions = involved.map((k) => k.actions.find((a) => a.name === action.name)).filter((a) => !!a);
  const rules = targets.flatMap((t) => (t.row ? [action.comment(t.row)] : []));
  const known = rules.length ? rules : [action.comment({} as QueueRow)];
  const need = known.some((r) => r.need === 'required')
    ? 'required'
    : known.some((r) => r.need === 'optional')
      ? 'optional'
      : 'none';
  return (
    <Dialog
      action={action}
      items={targets.map((t) => ({ id: t.id, name: t.name, ownerId: t.ownerId, kind: t.kind }))}
      nouns={itemNouns(involved)}
      comment={{ need, max: Math.min(...known.map((r) => r.max)) }}
      notifyOption={actions.every((a) => a.notifyOption)}
      skipped={skipped}
      perform={perform}
      onItemDone={onItemDone}
      onClose={(outcome) => {
        for (const kind of involved) {
          void runtimeOf(kind).then(({ cache }) =>
            cache.refresh(queryClient, [...targets.map((t) => t.ownerId), outcome.owner?.id]),
          );
        }
        onClose(outcome);
      }}
    />
  );
}
