// Submitted access requests: one row per requested item and identity, with the approval it started in the
// Approvals service. Created by the submissions plugin when it opens the database (after the approvals' tables).
export const ACCESS_REQUEST_SUBMISSIONS_SCHEMA = `
CREATE TABLE IF NOT EXISTS access_request_submissions (
  -- accountActivityItemId: this item for this identity
  item_id TEXT PRIMARY KEY,
  -- one per requested-for identity of a submission
  access_request_id TEXT NOT NULL,
  requester_id TEXT NOT NULL REFERENCES identities(id),
  requested_for_id TEXT NOT NULL REFERENCES identities(id),
  request_type TEXT NOT NULL CHECK (request_type IN ('GRANT_ACCESS', 'REVOKE_ACCESS', 'MODIFY_ACCESS')),
  object_type TEXT NOT NULL CHECK (object_type IN ('ACCESS_PROFILE', 'ROLE', 'ENTITLEMENT')),
  object_id TEXT NOT NULL,
  object_name TEXT NOT NULL,
  object_description TEXT,
  comment TEXT,
  start_date TEXT,
  remove_date TEXT,
  -- JSON object of strings
  client_metadata TEXT,
  approval_id TEXT NOT NULL REFERENCES generic_approvals(id),
  created TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS access_request_submissions_requester ON access_request_submissions (requester_id, created);
CREATE INDEX IF NOT EXISTS access_request_submissions_requested_for
  ON access_request_submissions (requested_for_id, object_id);
CREATE INDEX IF NOT EXISTS access_request_submissions_request ON access_request_submissions (access_request_id);
`;
