// The sandbox's access-request approvals: one row per approval (pending until decided), and its forward history.
// Run by openDb after the work items' schema, so every sandbox database has these tables.
export const ACCESS_REQUEST_SCHEMA = `
CREATE TABLE IF NOT EXISTS access_request_approvals (
  id TEXT PRIMARY KEY,
  access_request_id TEXT NOT NULL,
  owner_id TEXT NOT NULL REFERENCES identities(id),
  requester_id TEXT NOT NULL REFERENCES identities(id),
  requested_for_id TEXT NOT NULL REFERENCES identities(id),
  name TEXT NOT NULL,
  request_type TEXT NOT NULL CHECK (request_type IN ('GRANT_ACCESS', 'REVOKE_ACCESS', 'MODIFY_ACCESS')),
  object_type TEXT NOT NULL CHECK (object_type IN ('ACCESS_PROFILE', 'ROLE', 'ENTITLEMENT')),
  object_id TEXT NOT NULL,
  object_name TEXT NOT NULL,
  object_description TEXT,
  request_created TEXT NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('PENDING', 'APPROVED', 'REJECTED')),
  reviewed_by_id TEXT REFERENCES identities(id),
  reviewer_comment TEXT,
  decided TEXT,
  comment_required_when_rejected INTEGER NOT NULL DEFAULT 0,
  requester_comment TEXT,
  remove_date TEXT,
  current_remove_date TEXT,
  remove_date_update_requested INTEGER NOT NULL DEFAULT 0,
  start_date TEXT,
  privilege_level TEXT,
  -- JSON documents: read whole with the approval, never queried into
  previous_reviewers_comments TEXT,
  sod_violation_context TEXT,
  requested_accounts TEXT,
  client_metadata TEXT,
  CHECK ((state = 'PENDING') = (decided IS NULL)),
  CHECK ((state = 'PENDING') = (reviewed_by_id IS NULL))
);
-- One owner's pending or completed approvals, newest first (the default order) without touching other rows.
CREATE INDEX IF NOT EXISTS access_request_approvals_owner_state_created
  ON access_request_approvals (owner_id, state, created DESC, id DESC);
CREATE INDEX IF NOT EXISTS access_request_approvals_owner_state_modified
  ON access_request_approvals (owner_id, state, modified DESC, id DESC);
-- An admin's view of the whole org.
CREATE INDEX IF NOT EXISTS access_request_approvals_state_created
  ON access_request_approvals (state, created DESC, id DESC);
CREATE TABLE IF NOT EXISTS access_request_forwards (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  approval_id TEXT NOT NULL REFERENCES access_request_approvals(id) ON DELETE CASCADE,
  from_id TEXT NOT NULL REFERENCES identities(id),
  to_id TEXT NOT NULL REFERENCES identities(id),
  -- null when the system reassigned it (automatic reassignment, escalation)
  by_id TEXT REFERENCES identities(id),
  comment TEXT,
  reassignment_type TEXT NOT NULL,
  forwarded TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS access_request_forwards_approval ON access_request_forwards (approval_id, seq);
`;
