import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useDemoIdentities, useSession, useSignIn } from '../../../lib/session/session.ts';
import { oauthLoginUrl, useAuthConfig } from '../api/auth-config.ts';
import { safeReturnTo } from '../components/return-to.ts';

interface PatForm {
  clientId: string;
  clientSecret: string;
}

export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const expired = params.get('expired') === '1';
  const session = useSession();
  const demo = useDemoIdentities();
  const signIn = useSignIn();
  const authConfig = useAuthConfig();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<PatForm>({ defaultValues: { clientId: '', clientSecret: '' } });

  useEffect(() => {
    document.title = 'Sign in · Work Items Inbox';
    return () => {
      document.title = 'Work Items Inbox';
    };
  }, []);

  // Already signed in (e.g. a second tab): go straight on. Not while a sign-in of this page is finishing.
  if (session.data && !signIn.isPending && !signIn.isSuccess) return <Navigate to={returnTo} replace />;

  const onSuccess = () => navigate(returnTo, { replace: true });
  const identities = demo.data ?? [];
  const sandbox = identities.length > 0;

  return (
    <Box
      component="main"
      sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default', p: 2 }}
    >
      <Paper variant="outlined" sx={{ width: '100%', maxWidth: 460, p: { xs: 3, sm: 4 } }}>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
          <Typography variant="h4" component="h1">
            Sign in
          </Typography>
          {demo.isSuccess && (
            <Chip size="small" label={sandbox ? 'Sandbox' : 'Tenant'} data-testid="mode" variant="outlined" />
          )}
        </Stack>
        <Typography color="text.secondary" sx={{ mb: 3 }}>
          Work Items Inbox — approve and reject access requests from SailPoint Identity Security Cloud.
        </Typography>
        {expired && (
          <Alert severity="warning" sx={{ mb: 2 }} role="status">
            Your session has expired. Sign in again to continue where you were.
          </Alert>
        )}
        {signIn.isError && (
          <Box sx={{ mb: 2 }}>
            <ErrorAlert error={signIn.error} title="Sign-in failed" />
          </Box>
        )}
        {demo.isPending && <Skeleton variant="rounded" height={120} sx={{ mb: 3 }} />}
        {authConfig.data?.oauth && (
          <>
            <Button variant="contained" fullWidth href={oauthLoginUrl(returnTo)} sx={{ mb: 3 }}>
              Sign in with SailPoint
            </Button>
            <Divider sx={{ mb: 3 }}>or</Divider>
          </>
        )}
        {sandbox && (
          <Box component="section" aria-labelledby="demo-heading" sx={{ mb: 3 }}>
            <Typography id="demo-heading" variant="h6" component="h2" gutterBottom>
              Demo identities
            </Typography>
            <Stack spacing={1}>
              {identities.map((identity) => (
                <Button
                  key={identity.alias}
                  variant="outlined"
                  disabled={signIn.isPending}
                  onClick={() => signIn.mutate({ identity: identity.alias }, { onSuccess })}
                  sx={{ justifyContent: 'space-between', textTransform: 'none' }}
                >
                  <span>Sign in as {identity.name}</span>
                  {identity.isAdmin && (
                    <Box component="span" sx={{ fontSize: '0.75rem' }}>
                      admin
                    </Box>
                  )}
                </Button>
              ))}
            </Stack>
          </Box>
        )}
        {sandbox && <Divider sx={{ mb: 3 }}>or</Divider>}
        <Box
          component="form"
          aria-labelledby="pat-heading"
          noValidate
          onSubmit={handleSubmit((values) => signIn.mutate(values, { onSuccess }))}
        >
          <Typography id="pat-heading" variant="h6" component="h2" gutterBottom>
            Personal access token
          </Typography>
          <Stack spacing={2}>
            <TextField
              label="Client ID"
              autoComplete="username"
              required
              error={!!errors.clientId}
              helperText={errors.clientId?.message}
              {...register('clientId', { required: 'Enter the client ID of your personal access token' })}
            />
            <TextField
              label="Client secret"
              type="password"
              autoComplete="current-password"
              required
              error={!!errors.clientSecret}
              helperText={errors.clientSecret?.message}
              {...register('clientSecret', { required: 'Enter the client secret' })}
            />
            <Button type="submit" variant="contained" disabled={signIn.isPending}>
              Sign in with token
            </Button>
          </Stack>
        </Box>
      </Paper>
    </Box>
  );
}
