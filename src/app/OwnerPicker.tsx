import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import { rememberOwner, useOwnerId, useRecentOwners, type RecentOwner } from './owner.ts';

// Identity search by name comes with a later issue; for now the admin enters an identity id, and the owners
// viewed recently are offered.

function label(option: RecentOwner | string) {
  if (typeof option === 'string') return option;
  return option.name ? `${option.name} (${option.id})` : option.id;
}

/** The admin's "Owner" picker: switches inbox, completed, counts and summary to `?ownerId=<id>`. */
export default function OwnerPicker({ selfId }: { selfId: string }) {
  const recent = useRecentOwners();
  const ownerId = useOwnerId();
  const navigate = useNavigate();
  const location = useLocation();
  const [input, setInput] = useState('');

  const go = (value: RecentOwner | string | null) => {
    const id = (typeof value === 'string' ? value : value?.id)?.trim();
    if (!id) return;
    const params = new URLSearchParams(location.search);
    params.delete('page');
    if (id === selfId) params.delete('ownerId');
    else {
      params.set('ownerId', id);
      rememberOwner(id);
    }
    const path = location.pathname.startsWith('/completed') ? '/completed' : '/inbox';
    const query = params.toString();
    navigate(path + (query ? `?${query}` : ''));
    setInput('');
  };

  return (
    <Box sx={{ bgcolor: 'background.paper', borderRadius: 1, color: 'text.primary' }}>
      <Autocomplete<RecentOwner, false, false, true>
        freeSolo
        size="small"
        options={recent.filter((o) => o.id !== ownerId)}
        getOptionLabel={label}
        value={null}
        inputValue={input}
        onInputChange={(_e, value, reason) => {
          if (reason !== 'reset') setInput(value);
        }}
        onChange={(_e, value) => go(value)}
        sx={{ width: { xs: 200, md: 280 } }}
        renderInput={(params) => (
          <TextField {...params} label="Owner" placeholder="Identity id, then Enter" helperText={null} />
        )}
      />
    </Box>
  );
}
