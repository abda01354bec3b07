// An item's page, any kind: the kind's own page (DetailPageProps) with what the inbox adds to every one of them —
// the shortcuts, the way back to the exact list it came from, "Next item" in that list, the one rule for decisions
// (use-act.tsx) and the forward dialog.
import { useCallback, useEffect, useState, type ComponentType } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import { useNotify } from '../../../components/notify.tsx';
import { useKinds } from '../../../lib/kinds/context.ts';
import type { DetailPageProps, HandoverDialogProps, InboxKind } from '../../../lib/kinds/kind.ts';
import { noteOpened, useBackToList } from '../../../lib/list-position.ts';
import { useOwnerId } from '../../../lib/owner.ts';
import type { QueueRow } from '../../../lib/queue/row.ts';
import { preloadDecisions, useAct } from '../decisions/use-act.tsx';
import { useHandover } from '../decisions/use-handover.tsx';
import { DelegatedItemNote } from '../delegations/DelegationNotices.tsx';
import { DetailTriage } from '../keyboard/DetailTriage.tsx';
import { useNextItem } from '../next/use-next-item.ts';

function NextItemButton({ currentId, ownerId, primary }: { currentId: string; ownerId?: string; primary: boolean }) {
  const navigate = useNavigate();
  const { next } = useNextItem(currentId, ownerId);
  return (
    <Button
      variant={primary ? 'contained' : 'outlined'}
      data-action="next"
      disabled={!next}
      title={next ? `Next: ${next.row.name}` : undefined}
      onClick={() => {
        if (!next) return;
        noteOpened(next.row.id, next.index);
        navigate(next.kind.path(next.row.id, { ownerId }));
      }}
    >
      Next item
    </Button>
  );
}

export function DetailRoute({
  kind,
  Page,
  HandoverDialog,
  loadHandoverDialog,
}: {
  kind: InboxKind;
  Page: ComponentType<DetailPageProps>;
  HandoverDialog?: ComponentType<HandoverDialogProps>;
  loadHandoverDialog?: () => void;
}) {
  const { id = '' } = useParams();
  const ownerId = useOwnerId();
  const kinds = useKinds();
  const notify = useNotify();
  const navigate = useNavigate();
  const [row, setRow] = useState<QueueRow | undefined>();
  const onRow = useCallback((r: QueueRow | undefined) => setRow(r), []);
  const backTo = useBackToList(ownerId);
  useEffect(() => noteOpened(id), [id]);
  // an item's page is where decisions are made: what makes them comes with it
  useEffect(() => preloadDecisions([kind]), [kind]);
  const handover = useHandover(HandoverDialog, {
    onClosed: ({ results, owner }, { action, targets }) => {
      if (!owner || !results.some((r) => r.ok)) return;
      notify(`${action.done} “${targets[0].name}” to ${owner.name}`);
      navigate(backTo.path);
    },
  });
  const { act, dialog } = useAct(({ action, kind: of, targets }) => {
    loadHandoverDialog?.();
    handover.open({ action, targets: targets.map((t) => ({ ...t, kind: of.name })) });
  });
  const back = (
    <>
      <Link component={RouterLink} to={backTo.path} sx={{ display: 'inline-block', mb: 1 }} data-shortcut="back">
        {backTo.label}
      </Link>
      <DelegatedItemNote row={row} ownerId={ownerId} />
    </>
  );
  return (
    <>
      <DetailTriage kinds={kinds} kind={kind} row={row} />
      <Page
        key={id}
        id={id}
        ownerId={ownerId}
        kind={kind}
        act={act}
        back={back}
        next={<NextItemButton currentId={id} ownerId={ownerId} primary={!row} />}
        onRow={onRow}
      />
      {dialog}
      {handover.dialog}
    </>
  );
}
