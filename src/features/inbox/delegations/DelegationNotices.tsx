// What the inbox says about out-of-office delegations made to the person whose queue it shows: whose work is
// coming to them and until when (above the list), and on an item's page that a delegation brought it here.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import { CONFIG_TYPE_NAMES, type ConfigTypeEnum } from '../../../../contract/work-reassignment.ts';
import type { QueueRow } from '../../../lib/queue/row.ts';
import { listed } from '../../../lib/kinds/words.ts';
import { awayUntil, delegationNote, delegationOf } from '../../../lib/reassignment/delegations.ts';
import { useIncoming } from './use-incoming.ts';

const work = (types: readonly ConfigTypeEnum[]) => listed(types.map((t) => CONFIG_TYPE_NAMES[t]));

/** "Alice Approver is away until 20 Dec: their access requests and work items come to you." One line per person. */
export default function IncomingDelegationsNotice({ ownerId }: { ownerId: string | undefined }) {
  const incoming = useIncoming(ownerId);
  if (!incoming.length) return null;
  const whom = ownerId ? 'this inbox' : 'you';
  return (
    <Alert severity="info" sx={{ mb: 2 }} data-testid="incoming-delegations" role="status">
      {incoming.map((d) => (
        <Box key={d.fromId} component="span" sx={{ display: 'block' }}>
          <strong>{d.fromName}</strong> is {awayUntil(d.until)}: their {work(d.configTypes)} come to {whom}.
        </Box>
      ))}
    </Alert>
  );
}

/** On an item's page: "Delegated by Alice Approver, away until 20 Dec", when a delegation brought it here. */
export function DelegatedItemNote({ row, ownerId }: { row: QueueRow | undefined; ownerId: string | undefined }) {
  const incoming = useIncoming(ownerId);
  const delegation = row && !row.completed ? delegationOf(row, incoming) : undefined;
  if (!delegation) return null;
  return (
    <Alert severity="info" sx={{ mb: 2 }} data-testid="delegated-note">
      {delegationNote(delegation)}
    </Alert>
  );
}
