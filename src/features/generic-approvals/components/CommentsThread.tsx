// An approval's comments, oldest first, and "Add comment" (it decides nothing: sent at once, the thread shows it
// from the answer).
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { APPROVAL_COMMENT_MAX_LENGTH } from '../../../../contract/limits.ts';
import type { Approval } from '../../../../contract/generic-approvals.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { useCommentOnGenericApproval } from '../api/comment-generic-approval.ts';

export function CommentsThread({ approval, canAdd }: { approval: Approval; canAdd: boolean }) {
  const comments = (approval.comments ?? []).filter((c) => c?.comment);
  const [text, setText] = useState('');
  const add = useCommentOnGenericApproval(approval.id);
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      {comments.length === 0 ? (
        <Typography color="text.secondary">No comments yet.</Typography>
      ) : (
        <Box component="ol" sx={{ m: 0, pl: 0, listStyle: 'none', display: 'grid', gap: 1.5 }}>
          {comments.map((c, i) => (
            <li key={c.commentId ?? i} data-testid="approval-comment">
              <Typography sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{c.comment}</Typography>
              <Typography variant="body2" color="text.secondary">
                {c.author?.name || c.author?.identityID || 'Someone'}
                {c.createdDate ? ` · ${formatDateTime(c.createdDate)}` : ''}
              </Typography>
            </li>
          ))}
        </Box>
      )}
      {canAdd && (
        <Box
          component="form"
          sx={{ display: 'grid', gap: 1 }}
          onSubmit={(e) => {
            e.preventDefault();
            if (!text.trim() || add.isPending) return;
            add.mutate(text, { onSuccess: () => setText('') });
          }}
        >
          <TextField
            label="New comment"
            value={text}
            onChange={(e) => setText(e.target.value)}
            multiline
            minRows={2}
            slotProps={{ htmlInput: { maxLength: APPROVAL_COMMENT_MAX_LENGTH } }}
          />
          <Box>
            <Button type="submit" variant="outlined" disabled={!text.trim() || add.isPending}>
              Add comment
            </Button>
          </Box>
          {add.isError && <ErrorAlert error={add.error} title="The comment was not added" />}
        </Box>
      )}
    </Box>
  );
}
