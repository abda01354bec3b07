import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import { SearchField, SelectField } from '../../../components/fields.tsx';
import type { TableParams } from '../hooks/table-params.ts';
import { typeLabel } from '../rules.ts';

/** Quick filter, type filter and sort over the loaded page; extra actions (bulk buttons) go on the right. */
export function ListToolbar({
  params,
  onChange,
  types,
  children,
}: {
  params: TableParams;
  onChange: (changes: Partial<TableParams>) => void;
  types: string[];
  children?: ReactNode;
}) {
  const typeOptions = params.type && !types.includes(params.type) ? [...types, params.type] : types;
  return (
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center', mb: 2 }}>
      <SearchField
        label="Filter this page"
        placeholder="Name, description, requester or id"
        value={params.q}
        onChange={(q) => onChange({ q })}
        sx={{ minWidth: 280, flex: '1 1 280px', maxWidth: 420 }}
      />
      <SelectField label="Type" value={params.type} onChange={(type) => onChange({ type })} sx={{ minWidth: 160 }}>
        <option value="">All types</option>
        {typeOptions.map((t) => (
          <option key={t} value={t}>
            {typeLabel(t)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Sort"
        value={params.sort}
        onChange={(sort) => onChange({ sort: sort === 'oldest' ? 'oldest' : 'newest' })}
        sx={{ minWidth: 150 }}
      >
        <option value="newest">Newest first</option>
        <option value="oldest">Oldest first</option>
      </SelectField>
      <Box sx={{ flexGrow: 1 }} />
      {children}
    </Box>
  );
}
