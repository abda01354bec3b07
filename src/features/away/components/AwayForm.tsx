// The Away form: to whom (people search), from when and until when (or until it is turned off), which kinds of
// work, and whether to move what is already waiting — with the one comment that goes with every moved item.
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { APPROVAL_FORWARD_COMMENT_MAX_LENGTH } from '../../../../contract/limits.ts';
import { CONFIG_TYPE_NAMES, CONFIG_TYPES, type ConfigTypeEnum } from '../../../../contract/work-reassignment.ts';
import { IdentityPicker, type IdentityOption } from '../../../components/IdentityPicker.tsx';
import { dayOf } from '../../../lib/reassignment/delegations.ts';

/** What each kind of work means to an approver here. */
const KIND_HELP: Record<ConfigTypeEnum, string> = {
  ACCESS_REQUESTS: 'Approvals of requested roles, access profiles and entitlements',
  CERTIFICATIONS: 'Certification reviews (not listed in this inbox)',
  MANUAL_TASKS: 'Work items: approvals, tasks and forms',
  GENERIC_APPROVALS: 'Other approvals of the Approvals service',
};

export interface AwayFormValues {
  delegate: { id: string; name: string };
  configTypes: ConfigTypeEnum[];
  startDate: string;
  endDate: string | null;
  move: boolean;
  comment: string;
}

/** yyyy-mm-dd of a local day. */
const dayInput = (at: number) => {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const dayStart = (day: string) => new Date(`${day}T00:00:00`).getTime();

export function AwayForm({
  identityId,
  ownerName,
  leaver,
  busy,
  initial,
  onSubmit,
}: {
  identityId: string;
  /** Whose work: "You" or the owner's name. */
  ownerName: string;
  /** An admin handing over a leaver's work: permanent, every kind, everything waiting moved. */
  leaver: boolean;
  busy: boolean;
  /** What is configured now (changing an Away starts from it): its dates as stored, `endsAt` null when permanent. */
  initial?: {
    delegate: IdentityOption | null;
    configTypes: ConfigTypeEnum[];
    startsAt?: number | null;
    endsAt?: number | null;
  };
  onSubmit: (values: AwayFormValues) => void;
}) {
  const [now] = useState(() => Date.now());
  const today = dayInput(now);
  const [delegate, setDelegate] = useState<IdentityOption | null>(initial?.delegate ?? null);
  const configured = !!initial?.configTypes.length;
  const [from, setFrom] = useState(initial?.startsAt ? dayInput(Math.max(initial.startsAt, now)) : today);
  const [until, setUntil] = useState(dayInput(initial?.endsAt ?? now + 7 * 86_400_000));
  const [permanent, setPermanent] = useState(leaver || (configured && initial?.endsAt === null));
  const [types, setTypes] = useState<ConfigTypeEnum[]>(
    initial?.configTypes.length ? initial.configTypes : [...CONFIG_TYPES],
  );
  // already away: saving a change moves nothing unless asked again
  const [move, setMove] = useState(!configured);
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);

  const delegateName = delegate?.name || delegate?.id || '';
  const defaultComment = delegate
    ? leaver
      ? `${ownerName} has left: their waiting work moves to ${delegateName}.`
      : `${ownerName} is away${permanent ? '' : ` until ${dayOf(dayStart(until))}`}: this moves to ${delegateName}.`
    : '';
  const text = comment || defaultComment;
  const problems = {
    delegate: !delegate ? 'Choose who gets the work.' : undefined,
    types: types.length === 0 ? 'Choose at least one kind of work.' : undefined,
    until:
      !permanent && (!until || dayStart(until) <= Math.max(dayStart(from), now))
        ? 'The end must be after the start and in the future.'
        : undefined,
    comment:
      move && text.trim().length > APPROVAL_FORWARD_COMMENT_MAX_LENGTH
        ? `At most ${APPROVAL_FORWARD_COMMENT_MAX_LENGTH} characters.`
        : undefined,
  };
  const invalid = Object.values(problems).some(Boolean);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (invalid || !delegate || busy) return;
    // a start of today is now (a minute back, for clocks that differ a little), so it applies at once
    const startAt = from === today ? Date.now() - 60_000 : dayStart(from);
    onSubmit({
      delegate: { id: delegate.id, name: delegateName },
      configTypes: types,
      startDate: new Date(startAt).toISOString(),
      endDate: permanent ? null : new Date(dayStart(until)).toISOString(),
      move,
      comment: text.trim(),
    });
  };

  const toggle = (type: ConfigTypeEnum) =>
    setTypes((now) =>
      now.includes(type) ? now.filter((t) => t !== type) : CONFIG_TYPES.filter((t) => t === type || now.includes(t)),
    );

  return (
    <Box
      component="form"
      onSubmit={submit}
      noValidate
      aria-label="Away"
      sx={{ display: 'grid', gap: 3, maxWidth: 640 }}
    >
      <IdentityPicker
        label={leaver ? 'Hand the work over to' : 'Who gets your work'}
        value={delegate}
        onChange={setDelegate}
        excludeIds={[identityId]}
        required
        error={tried && !!problems.delegate}
        helperText={tried && problems.delegate}
      />
      <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, display: 'grid', gap: 1.5 }}>
        <Typography component="legend" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
          When
        </Typography>
        <RadioGroup
          value={permanent ? 'off' : 'dates'}
          onChange={(e) => setPermanent(e.target.value === 'off')}
          aria-label="Until when"
        >
          <FormControlLabel value="dates" control={<Radio />} label="Between two dates" />
          <FormControlLabel value="off" control={<Radio />} label="Until I turn it off" />
        </RadioGroup>
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <TextField
            type="date"
            label="From"
            value={from}
            onChange={(e) => setFrom(e.target.value || today)}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: today } }}
            sx={{ flex: '1 1 160px' }}
          />
          {!permanent && (
            <TextField
              type="date"
              label="Back on"
              value={until}
              onChange={(e) => setUntil(e.target.value)}
              error={tried && !!problems.until}
              helperText={(tried && problems.until) || 'Work goes back to you from this day.'}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: from } }}
              sx={{ flex: '1 1 160px' }}
            />
          )}
        </Box>
      </Box>
      <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
        <Typography component="legend" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
          Which work
        </Typography>
        <FormGroup>
          {CONFIG_TYPES.map((type) => (
            <FormControlLabel
              key={type}
              control={<Checkbox checked={types.includes(type)} onChange={() => toggle(type)} />}
              label={
                <span>
                  {CONFIG_TYPE_NAMES[type][0]!.toUpperCase() + CONFIG_TYPE_NAMES[type].slice(1)}
                  <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
                    {KIND_HELP[type]}
                  </Typography>
                </span>
              }
              sx={{ alignItems: 'flex-start', '& .MuiCheckbox-root': { pt: 0.5 } }}
            />
          ))}
        </FormGroup>
        {tried && problems.types && <FormHelperText error>{problems.types}</FormHelperText>}
      </Box>
      <Box>
        <FormControlLabel
          control={<Checkbox checked={move} onChange={(e) => setMove(e.target.checked)} />}
          label={leaver ? 'Also move everything waiting now' : 'Also move what is waiting now'}
        />
        <FormHelperText sx={{ mt: 0 }}>
          Delegation only reaches work that arrives from now on. This also forwards every pending item of these kinds
          {leaver ? ` of ${ownerName}` : ''} to the delegate, with one comment, and lists what could not be moved.
        </FormHelperText>
        {move && (
          <TextField
            label="Comment on the moved items"
            value={text}
            onChange={(e) => setComment(e.target.value)}
            multiline
            minRows={2}
            fullWidth
            error={!!problems.comment}
            helperText={problems.comment}
            sx={{ mt: 2 }}
          />
        )}
      </Box>
      <Box>
        <Button type="submit" variant="contained" disabled={busy}>
          {configured ? 'Save changes' : leaver ? 'Hand over' : 'Turn on Away'}
        </Button>
      </Box>
    </Box>
  );
}
