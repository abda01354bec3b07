// Away: an out-of-office delegation (ISC's work reassignment) for oneself — or, for an admin viewing another owner
// (`?ownerId=`), a leaver's hand-over — and, with it, moving what is already waiting, which delegation alone never
// does. Its own chunk, loaded when first visited.
import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ConfigTypeEnum } from '../../../../contract/work-reassignment.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import type { BulkPhase, BulkResult } from '../../../lib/bulk-resume.ts';
import { useKinds } from '../../../lib/kinds/context.ts';
import { useOwnerId, useRecentOwners } from '../../../lib/owner.ts';
import { useSession } from '../../../lib/session/session.ts';
import { useBulkRun } from '../../../lib/use-bulk-run.ts';
import { evaluationQueryOptions } from '../api/evaluate-reassignment-configuration.ts';
import { useReassignmentConfiguration } from '../api/get-reassignment-configuration.ts';
import { AwayForm, type AwayFormValues } from '../components/AwayForm.tsx';
import { CurrentAway } from '../components/CurrentAway.tsx';
import { MoveResults } from '../components/MoveResults.tsx';
import { identityName } from '../identity-name.ts';
import { moveOne, planMove, refreshAfterMove, type MoveTarget } from '../move-waiting.ts';
import { configuredDates, configuredTypes, useSaveAway } from '../save-away.ts';

interface MoveState {
  phase: BulkPhase | 'planning';
  skipped: BulkResult[];
  total: number;
  beyondBound: number;
  to: string;
  toById: Map<string, string>;
}

export function AwayPage() {
  const session = useSession().data;
  const ownerId = useOwnerId();
  const recent = useRecentOwners();
  const selfId = session?.identityId ?? '';
  const leaver = !!ownerId && ownerId !== selfId;
  const identityId = leaver ? ownerId : selfId;
  const configuration = useReassignmentConfiguration(identityId);
  const save = useSaveAway(identityId, configuration.data);
  const kinds = useKinds();
  const queryClient = useQueryClient();
  const [move, setMove] = useState<MoveState | null>(null);
  const bulk = useBulkRun<MoveTarget>({ onItemDone: useCallback(() => {}, []) });

  const ownerName = leaver
    ? configuration.data?.identity?.name || recent.find((o) => o.id === ownerId)?.name || ownerId
    : session?.name || 'You';
  const details = (configuration.data?.configDetails ?? []).filter((d) => !!d?.configType);

  const submit = async (values: AwayFormValues) => {
    setMove(null);
    try {
      await save.mutateAsync({
        delegateId: values.delegate.id,
        configTypes: values.configTypes,
        startDate: values.startDate,
        endDate: values.endDate,
      });
    } catch {
      return; // the mutation's error is shown
    }
    if (!values.move) return;
    setMove({ phase: 'planning', skipped: [], total: 0, beyondBound: 0, to: values.delegate.name, toById: new Map() });
    // what is waiting goes where new work goes now: the end of the evaluated chain of its kind of work
    const destinations = new Map<ConfigTypeEnum, { id: string; name: string }>();
    for (const type of values.configTypes) {
      const evaluation = await queryClient
        .fetchQuery({ ...evaluationQueryOptions(identityId, type), staleTime: 0 })
        .catch(() => undefined);
      const id =
        evaluation?.reassignToId && evaluation.reassignToId !== identityId
          ? evaluation.reassignToId
          : values.delegate.id;
      destinations.set(type, {
        id,
        name: id === values.delegate.id ? values.delegate.name : await identityName(queryClient, id),
      });
    }
    const plan = await planMove(queryClient, kinds, leaver ? ownerId : undefined, (type) => destinations.get(type));
    const skipped = plan.skipped.map((s) => ({ id: s.id, name: s.name, ok: false, message: s.message }));
    const toById = new Map(plan.targets.map((t) => [t.id, t.to.name] as const));
    const names = [...new Set([...destinations.values()].map((d) => d.name))];
    setMove({
      phase: 'running',
      skipped,
      total: plan.targets.length + skipped.length,
      beyondBound: plan.beyondBound,
      to: names.join(' / '),
      toById,
    });
    await bulk.run(plan.targets, (target) => moveOne(queryClient, target, values.comment));
    await refreshAfterMove(queryClient, plan.targets, leaver ? ownerId : undefined);
    setMove((m) => m && { ...m, phase: 'done' });
  };

  const busy = save.isPending || (move !== null && move.phase !== 'done');
  const known = details[0]?.targetIdentity?.id
    ? { id: details[0].targetIdentity.id, name: details[0].targetIdentity.name ?? undefined }
    : null;
  return (
    <Box>
      <Typography variant="h4" component="h1" sx={{ mb: 1 }}>
        {leaver ? `Hand over ${ownerName}’s work` : 'Away'}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 3, maxWidth: 720 }}>
        {leaver
          ? `For someone who has left: everything that comes to ${ownerName} from now on goes to the person you choose, until you turn it off — and, with “move everything waiting”, what already waits goes there too, in one run.`
          : 'While you are out, work that comes to you goes to someone else. What already waits stays with you unless you also move it.'}
      </Typography>
      {configuration.isError && <ErrorAlert error={configuration.error} title="Away could not be read" />}
      {save.isError && <ErrorAlert error={save.error} title="Away was not changed" />}
      {details.length > 0 && (
        <CurrentAway
          identityId={identityId}
          details={details}
          own={!leaver}
          busy={busy}
          onTurnOff={() => {
            setMove(null);
            save.mutate(null);
          }}
        />
      )}
      {move && (
        <MoveResults
          phase={move.phase === 'done' ? 'done' : move.phase}
          results={[...move.skipped, ...bulk.results]}
          total={move.total}
          to={move.to}
          toOf={(id) => move.toById.get(id) ?? move.to}
          beyondBound={move.beyondBound}
          onCancel={bulk.cancel}
        />
      )}
      {configuration.isSuccess && (
        <AwayForm
          key={`${identityId}:${configuredTypes(configuration.data).join()}`}
          identityId={identityId}
          ownerName={ownerName}
          leaver={leaver}
          busy={busy}
          initial={{
            delegate: known,
            configTypes: configuredTypes(configuration.data),
            ...configuredDates(configuration.data),
          }}
          onSubmit={(values) => void submit(values)}
        />
      )}
    </Box>
  );
}
