import { memo, useState, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { usePhone } from '../../../components/use-phone.ts';
import { SearchField, SelectField } from '../../../components/fields.tsx';
import { useKinds } from '../../../lib/kinds/context.ts';
import type { Facet, Facets } from '../../../lib/queue/query-index.ts';
import { sortChoices, type ListParams, type ListVariant } from './list-params.ts';
import { formatCount } from '../../../lib/plural.ts';

type ParamsChange = Partial<Omit<ListParams, 'facets'>> & { facets?: Record<string, string> };

/**
 * One facet's choices with their counts, plus the URL's value when no row has it (a pasted link): the select shows
 * what is applied. Memoised: typing in the search box does not re-render the filters.
 */
const FacetSelect = memo(function FacetSelect({
  label,
  all,
  value,
  facets,
  onChange,
}: {
  label: string;
  all: string;
  value: string;
  facets: Facet[];
  onChange: (value: string) => void;
}) {
  const choices =
    value && !facets.some((f) => f.value === value) ? [...facets, { value, label: value, count: 0 }] : facets;
  return (
    <SelectField
      label={label}
      value={value}
      onChange={onChange}
      sx={{ minWidth: 140, flex: { xs: '1 1 140px', sm: '0 1 180px' } }}
    >
      <option value="">{all}</option>
      {choices.map((f) => (
        <option key={f.value} value={f.value}>
          {f.label} ({formatCount(f.count)})
        </option>
      ))}
    </SelectField>
  );
});

const FACETS = [
  { field: 'type', label: 'Type', all: 'All types', facet: 'types' },
  { field: 'application', label: 'Application', all: 'All applications', facet: 'applications' },
  { field: 'requester', label: 'Requester', all: 'All requesters', facet: 'requesters' },
] as const;

/** Search, filters (type, application, requester, age) and sort over the whole list; extra actions on the right. */
export function ListToolbar({
  variant,
  search,
  onSearch,
  params,
  onChange,
  facets,
  sortLocked,
  phoneSettings,
  children,
}: {
  variant: ListVariant;
  search: string;
  onSearch: (text: string) => void;
  params: ListParams;
  onChange: (changes: ParamsChange) => void;
  facets: Facets;
  /** The list is in the server's order (above the bound): the sort cannot change. */
  sortLocked: boolean;
  /** Shown with the filters on a phone only ("Load up to", which has its own place on wide screens). */
  phoneSettings?: ReactNode;
  children?: ReactNode;
}) {
  const phone = usePhone();
  const kinds = useKinds();
  const [open, setOpen] = useState(false);
  const choices = sortChoices(variant, kinds);
  const search_ = (
    <SearchField
      label="Search the list"
      placeholder="Name, requester, application, account, value or id"
      value={search}
      onChange={onSearch}
      sx={phone ? { width: '100%' } : { minWidth: 240, flex: '1 1 300px', maxWidth: 460 }}
    />
  );
  const filters = (
    <>
      <SelectField
        label="Kind"
        value={params.kind ?? ''}
        onChange={(kind) => onChange({ kind })}
        sx={{ minWidth: 140, flex: { xs: '1 1 140px', sm: '0 1 180px' } }}
      >
        <option value="">All kinds</option>
        {kinds.map((k) => (
          <option key={k.name} value={k.name}>
            {k.filterLabel} ({formatCount(facets.kinds.find((f) => f.value === k.name)?.count ?? 0)})
          </option>
        ))}
      </SelectField>
      {FACETS.map(({ field, label, all, facet }) => (
        <FacetSelect
          key={field}
          label={label}
          all={all}
          value={params[field]}
          facets={facets[facet]}
          onChange={(value) => onChange({ [field]: value })}
        />
      ))}
      {/* one filter per facet name, however many kinds have it (priority) */}
      {kinds.flatMap((k, i) =>
        (k.facets ?? []).flatMap((f) =>
          kinds.slice(0, i).some((earlier) => earlier.facets?.some((e) => e.name === f.name))
            ? []
            : [
                <FacetSelect
                  key={f.name}
                  label={f.label}
                  all={f.all}
                  value={params.facets[f.name] ?? ''}
                  facets={facets.extra[f.name] ?? []}
                  onChange={(value) => onChange({ facets: { [f.name]: value } })}
                />,
              ],
        ),
      )}
      <SelectField
        label="Age"
        value={params.age}
        onChange={(age) => onChange({ age: age === '7' || age === '30' ? age : '' })}
        sx={{ minWidth: 140, flex: { xs: '1 1 140px', sm: '0 0 auto' } }}
      >
        <option value="">Any age</option>
        <option value="7">Older than 7 days</option>
        <option value="30">Older than 30 days</option>
      </SelectField>
      {kinds.some((k) => k.dueDates) && variant === 'pending' && (
        <SelectField
          label="Due"
          value={params.due ?? ''}
          onChange={(due) => onChange({ due: due === '1' || due === '7' ? due : '' })}
          sx={{ minWidth: 140, flex: { xs: '1 1 140px', sm: '0 0 auto' } }}
        >
          <option value="">Any due date</option>
          <option value="1">Expires soon (a day)</option>
          <option value="7">Due within 7 days</option>
        </SelectField>
      )}
      <SelectField
        label="Sort"
        value={sortLocked ? 'server' : params.sort}
        onChange={(sort) => onChange({ sort: choices.find((c) => c.value === sort)?.value })}
        disabled={sortLocked}
        sx={{ minWidth: 170, flex: { xs: '1 1 140px', sm: '0 0 auto' } }}
      >
        {sortLocked && <option value="server">Server&apos;s order</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </SelectField>
    </>
  );

  if (phone) {
    // The phone: the search box, then the filters and sort folded under one button that says how many apply.
    const applied =
      (['kind', 'type', 'application', 'requester', 'age', 'due'] as const).filter((f) => params[f]).length +
      Object.values(params.facets).filter(Boolean).length;
    return (
      <Box sx={{ display: 'grid', gap: 1, mb: 1.5 }}>
        {search_}
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <Button
            variant="outlined"
            aria-expanded={open}
            aria-controls="list-filters"
            onClick={() => setOpen((o) => !o)}
            sx={{ flex: '1 1 auto' }}
          >
            {open ? 'Hide filters and sort' : 'Filters and sort'}
            {applied > 0 && ` (${applied} applied)`}
          </Button>
          {children}
        </Box>
        {open && (
          <Box id="list-filters" sx={{ display: 'grid', gap: 1.5, pt: 1 }}>
            {filters}
            {phoneSettings}
          </Box>
        )}
      </Box>
    );
  }

  return (
    <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'center', mb: 1.5 }}>
      {search_}
      {filters}
      {children}
    </Box>
  );
}
