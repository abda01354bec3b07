// A completed work item's form: the submitted selection, read-only.
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { displayValue, type FormModel, type FormNode } from './form-model.ts';

function ReadOnlyNodes({ nodes, depth }: { nodes: FormNode[]; depth: number }) {
  const fields = nodes.filter((n) => n.type === 'field');
  const sections = nodes.filter((n) => n.type === 'section');
  return (
    <>
      {fields.length > 0 && (
        <Box
          component="dl"
          sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'minmax(160px, 260px) 1fr' }, gap: 1, m: 0 }}
        >
          {fields.map((n) => (
            <Box key={n.model.key} sx={{ display: 'contents' }}>
              <Typography component="dt" color="text.secondary">
                {n.model.label}
              </Typography>
              <Typography component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }} data-field={n.model.field.name}>
                {displayValue(n.model)}
              </Typography>
            </Box>
          ))}
        </Box>
      )}
      {sections.map((n) => (
        <Box
          key={n.key}
          component="section"
          aria-label={n.label || undefined}
          sx={{
            mt: fields.length > 0 ? 2 : 0,
            ...(depth > 0 && { pl: 2, borderLeft: 3, borderColor: 'divider', borderLeftStyle: 'solid' }),
          }}
        >
          {n.label && (
            <Typography component={depth === 0 ? 'h3' : 'h4'} variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
              {n.label}
            </Typography>
          )}
          <ReadOnlyNodes nodes={n.children} depth={depth + 1} />
        </Box>
      ))}
    </>
  );
}

export function SubmittedSelection({ model }: { model: FormModel }) {
  return (
    <Box data-testid="submitted-selection">
      <Stack spacing={2}>
        <ReadOnlyNodes nodes={model.nodes} depth={0} />
      </Stack>
    </Box>
  );
}
