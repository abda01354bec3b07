// What is set now: per kind of work, to whom and until when, and where new work really goes — the evaluated chain
// ("goes to Bob Approver; Bob Approver is away too, so to Carol Approver") — with the way to turn it off.
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import {
  CONFIG_TYPE_NAMES,
  endsAt,
  type ConfigTypeEnum,
  type ReassignmentConfigDetails,
  type ReassignmentEvaluation,
} from '../../../../contract/work-reassignment.ts';
import { listed } from '../../../lib/kinds/words.ts';
import { awayUntil, dayOf } from '../../../lib/reassignment/delegations.ts';
import { useEvaluations } from '../api/evaluate-reassignment-configuration.ts';
import { useIdentityNames } from '../identity-name.ts';

/**
 * Where new work goes, from the evaluated chain: "Bob Approver; Bob Approver is away too, so to Carol Approver";
 * `direct` (the configured delegate) while the evaluation is not known.
 */
export function chainWords(
  evaluation: ReassignmentEvaluation | undefined,
  direct: string,
  names: Readonly<Record<string, string>>,
): string {
  const steps = (evaluation?.lookupTrail ?? []).filter((s) => s?.reassignedToId);
  if (!evaluation) return direct;
  if (!steps.length) return `${direct} (not in effect yet)`;
  const name = (id: string) => names[id] || id;
  const [first, ...rest] = steps;
  return [
    name(first!.reassignedToId!),
    ...rest.map((s) => `${name(s.reassignedFromId ?? '')} is away too, so to ${name(s.reassignedToId!)}`),
  ].join('; ');
}

export function CurrentAway({
  identityId,
  details,
  own,
  busy,
  onTurnOff,
}: {
  identityId: string;
  details: readonly ReassignmentConfigDetails[];
  own: boolean;
  busy: boolean;
  onTurnOff: () => void;
}) {
  const types = details.flatMap((d) => (d.configType ? [d.configType] : []));
  const evaluations = useEvaluations(identityId, types);
  const known = Object.fromEntries(
    details.flatMap((d) => (d.targetIdentity?.id ? [[d.targetIdentity.id, d.targetIdentity.name || '']] : [])),
  );
  const ids = evaluations.flatMap((e) =>
    (e.data?.lookupTrail ?? []).flatMap((s) => [s.reassignedFromId ?? '', s.reassignedToId ?? '']),
  );
  const names = useIdentityNames(ids.filter(Boolean), known);
  const [now] = useState(() => Date.now());
  // kinds of work that go the same way, until the same day, are one line
  const groups: { types: ConfigTypeEnum[]; words: string; when: string }[] = [];
  for (const d of details) {
    const type = d.configType;
    if (!type) continue;
    const start = d.startDate ? Date.parse(d.startDate) : NaN;
    const direct = d.targetIdentity?.name || d.targetIdentity?.id || '';
    const words = chainWords(evaluations[types.indexOf(type)]?.data, direct, names);
    const when = `${start > now ? `from ${dayOf(start, now)} ` : ''}${awayUntil(endsAt(d.endDate), now).replace('away ', '')}`;
    const same = groups.find((g) => g.words === words && g.when === when);
    if (same) same.types.push(type);
    else groups.push({ types: [type], words, when });
  }
  return (
    <Alert
      severity="info"
      data-testid="away-current"
      sx={{ mb: 3, '& .MuiAlert-message': { width: '100%' } }}
      action={
        <Button
          color="inherit"
          variant="outlined"
          size="small"
          onClick={onTurnOff}
          disabled={busy}
          sx={{ whiteSpace: 'nowrap' }}
        >
          Turn off
        </Button>
      }
    >
      <Typography component="h2" variant="subtitle1" sx={{ fontWeight: 600 }}>
        {own ? 'You are away' : 'Away is on'}
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }} aria-label="Delegations">
        {groups.map((g) => (
          <li key={g.types.join()} data-testid="away-chain">
            <strong>New {listed(g.types.map((t) => CONFIG_TYPE_NAMES[t]))}</strong> go to {g.words} — {g.when}.
          </li>
        ))}
      </Box>
    </Alert>
  );
}
