import { useMemo, useState, type ReactNode, type Ref } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { SxProps, Theme } from '@mui/material/styles';
import { usePublicIdentities } from '../lib/identities/public-identities.ts';
import type { PublicIdentity } from '../../contract/work-items.ts';
import { useDebouncedValue } from '../lib/use-debounced-value.ts';

/** How long typing must pause before a search goes out. */
export const IDENTITY_SEARCH_DEBOUNCE_MS = 250;

/** An identity as the picker shows it: a found one, or a suggestion known only by id and maybe a name. */
export type IdentityOption = Pick<PublicIdentity, 'id'> & Partial<Omit<PublicIdentity, 'id'>>;

function optionLabel(option: IdentityOption): string {
  return option.name || option.alias || option.email || option.id;
}

function optionDetail(option: IdentityOption): string {
  const parts = [option.alias, option.email].filter((p): p is string => !!p && p !== option.name);
  return parts.length ? parts.join(' · ') : option.name ? '' : 'Identity id';
}

export interface IdentityPickerProps {
  /** The accessible label: "Forward to", "Owner". */
  label: string;
  value: IdentityOption | null;
  onChange: (identity: IdentityOption | null) => void;
  /** Identities not to offer (e.g. the current owner). */
  excludeIds?: readonly string[];
  /** Offered while nothing is typed (e.g. recently viewed owners), under `suggestionsLabel`. */
  suggestions?: readonly IdentityOption[];
  suggestionsLabel?: string;
  placeholder?: string;
  /** The label always sits above the box, so the placeholder (e.g. what an empty box means) is always shown. */
  shrinkLabel?: boolean;
  helperText?: ReactNode;
  error?: boolean;
  required?: boolean;
  disabled?: boolean;
  size?: 'small' | 'medium';
  inputRef?: Ref<HTMLInputElement>;
  onBlur?: () => void;
  sx?: SxProps<Theme>;
}

/**
 * Find a person by what you know of them: first or last name, alias or an email prefix (a 32-hex id works too).
 * Searches `GET /v3/public-identities` as you type (debounced), so it works the same against a real tenant.
 */
export function IdentityPicker({
  label,
  value,
  onChange,
  excludeIds = [],
  suggestions = [],
  suggestionsLabel = 'Recent',
  placeholder = 'Type a name, alias or email',
  shrinkLabel,
  helperText,
  error,
  required,
  disabled,
  size = 'medium',
  inputRef,
  onBlur,
  sx,
}: IdentityPickerProps) {
  const [input, setInput] = useState('');
  // While a chosen identity's label is in the box, there is nothing to search for.
  const typed = value && input === optionLabel(value) ? '' : input.trim();
  const search = useDebouncedValue(typed, IDENTITY_SEARCH_DEBOUNCE_MS);
  const query = usePublicIdentities({ search });
  const waiting = typed !== '' && (typed !== search || query.isFetching);

  const options = useMemo(() => {
    const excluded = new Set(excludeIds);
    const list = typed === '' ? suggestions : search === '' ? [] : (query.data?.items ?? []);
    return list.filter((o) => !excluded.has(o.id));
  }, [excludeIds, suggestions, typed, search, query.data]);
  const showingSuggestions = typed === '' && options.length > 0;

  const noOptionsText = query.isError
    ? `Search failed: ${query.error.message}`
    : typed === ''
      ? 'Type a name, alias or email to search'
      : waiting
        ? 'Searching…'
        : `No one matches “${typed}”`;

  return (
    <Autocomplete<IdentityOption, false, false, false>
      value={value}
      onChange={(_event, next) => onChange(next)}
      inputValue={input}
      onInputChange={(_event, next) => setInput(next)}
      options={options}
      // The server filters; the options are already what matches.
      filterOptions={(x) => x}
      getOptionLabel={optionLabel}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      autoHighlight
      onKeyDown={(event) => {
        // A pasted 32-hex id and Enter picks that identity even before (or without) a search answer.
        const id = typed.toLowerCase();
        if (event.key !== 'Enter' || !/^[0-9a-f]{32}$/.test(id) || excludeIds.includes(id)) return;
        (event as typeof event & { defaultMuiPrevented?: boolean }).defaultMuiPrevented = true;
        event.preventDefault();
        onChange(options.find((o) => o.id === id) ?? { id });
      }}
      groupBy={showingSuggestions ? () => suggestionsLabel : undefined}
      loading={waiting}
      loadingText="Searching…"
      noOptionsText={noOptionsText}
      disabled={disabled}
      size={size}
      sx={sx}
      onBlur={onBlur}
      renderOption={({ key, ...props }, option) => (
        <Box component="li" key={key} {...props}>
          <Box sx={{ minWidth: 0 }}>
            <Typography component="span" sx={{ display: 'block' }}>
              {optionLabel(option)}
            </Typography>
            {optionDetail(option) && (
              <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
                {optionDetail(option)}
              </Typography>
            )}
          </Box>
        </Box>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          placeholder={placeholder}
          required={required}
          error={error}
          helperText={helperText}
          inputRef={inputRef}
          slotProps={{
            ...params.slotProps,
            ...(shrinkLabel && { inputLabel: { ...params.slotProps.inputLabel, shrink: true } }),
            input: {
              ...params.slotProps.input,
              endAdornment: (
                <>
                  {waiting && <CircularProgress color="inherit" size={18} aria-label="Searching" />}
                  {params.slotProps.input.endAdornment}
                </>
              ),
            },
          }}
        />
      )}
    />
  );
}
