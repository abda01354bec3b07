import { useLocation, useNavigate } from 'react-router';
import Box from '@mui/material/Box';
import { IdentityPicker, type IdentityOption } from '../components/IdentityPicker.tsx';
import { rememberOwner, useOwnerId, useRecentOwners } from '../lib/owner.ts';
import { isCompletedPath, paths, routePatterns } from '../lib/paths.ts';

/**
 * The admin's "Owner" picker: find an identity by name (or alias, email, id) — recently viewed owners are offered
 * before anything is typed — and switch inbox, completed, counts and summary to `?ownerId=<id>`.
 */
export default function OwnerPicker({
  selfId,
  width = { xs: 220, md: 300 },
}: {
  selfId: string;
  /** The box's width (`sx` units): full width in the phone menu. */
  width?: string | number | Record<string, string | number>;
}) {
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

  // A paper-coloured box with room above the field, so the label sits inside it (not half on the app bar) whether
  // the box is empty or holds a name; an empty box says what it shows.
  return (
    <Box sx={{ bgcolor: 'background.paper', borderRadius: 1, color: 'text.primary', px: 1, pt: 1.5, pb: 0.5, width }}>
      <IdentityPicker
        label="Owner"
        value={null}
        onChange={go}
        suggestions={recent}
        suggestionsLabel="Recently viewed"
        excludeIds={ownerId ? [ownerId] : []}
        placeholder={ownerId && ownerId !== selfId ? 'Search by name' : 'My items · search by name'}
        shrinkLabel
        size="small"
        sx={{ width: '100%' }}
      />
    </Box>
  );
}
