import { useLocation, useNavigate } from 'react-router';
import Box from '@mui/material/Box';
import { IdentityPicker, type IdentityOption } from '../features/identities/components/IdentityPicker.tsx';
import { rememberOwner, useOwnerId, useRecentOwners } from '../lib/owner.ts';
import { isCompletedPath, paths, routePatterns } from '../lib/paths.ts';

/**
 * The admin's "Owner" picker: find an identity by name (or alias, email, id) — recently viewed owners are offered
 * before anything is typed — and switch inbox, completed, counts and summary to `?ownerId=<id>`.
 */
export default function OwnerPicker({ selfId }: { selfId: string }) {
  const recent = useRecentOwners();
  const ownerId = useOwnerId();
  const navigate = useNavigate();
  const location = useLocation();

  const go = (owner: IdentityOption | null) => {
    const id = owner?.id.trim();
    if (!id) return;
    const params = new URLSearchParams(location.search);
    params.delete('page');
    if (id === selfId) params.delete('ownerId');
    else {
      params.set('ownerId', id);
      rememberOwner(id, owner?.name);
    }
    navigate(paths.list(isCompletedPath(location.pathname) ? routePatterns.completed : routePatterns.inbox, params));
  };

  return (
    <Box sx={{ bgcolor: 'background.paper', borderRadius: 1, color: 'text.primary' }}>
      <IdentityPicker
        label="Owner"
        value={null}
        onChange={go}
        suggestions={recent}
        suggestionsLabel="Recently viewed"
        excludeIds={ownerId ? [ownerId] : []}
        placeholder="Search by name"
        size="small"
        sx={{ width: { xs: 200, md: 280 } }}
      />
    </Box>
  );
}
