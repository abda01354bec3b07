// The sandbox's Approvals service: one row per approval, its approvers (with their serial step, whether their turn
// has come and what they decided), its comments, its reassignments, and the configs approvals are created under.
// Created by the generic-approvals plugin when it opens the database (IF NOT EXISTS: every start, every process).
export const GENERIC_APPROVALS_SCHEMA = `
CREATE TABLE IF NOT EXISTS generic_approvals (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'EXPIRED', 'CANCELLED')),
  priority TEXT NOT NULL CHECK (priority IN ('HIGH', 'MEDIUM', 'LOW')),
  medium TEXT NOT NULL DEFAULT 'EMAIL',
  -- JSON [{value, locale}]
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  requester_id TEXT REFERENCES identities(id),
  requestee_id TEXT REFERENCES identities(id),
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  -- when it expires (null: its timeout is off) and what expiry makes of it
  due TEXT,
  timeout_result TEXT NOT NULL CHECK (timeout_result IN ('EXPIRED', 'APPROVED')),
  completed TEXT,
  criteria_type TEXT NOT NULL CHECK (criteria_type IN ('SERIAL', 'PARALLEL')),
  approve_calc TEXT NOT NULL CHECK (approve_calc IN ('COUNT', 'PERCENT')),
  approve_value INTEGER NOT NULL,
  reject_calc TEXT NOT NULL CHECK (reject_calc IN ('COUNT', 'PERCENT')),
  reject_value INTEGER NOT NULL,
  serial_step INTEGER NOT NULL DEFAULT 0,
  escalation_step INTEGER NOT NULL DEFAULT 0,
  is_escalated INTEGER NOT NULL DEFAULT 0,
  requires_comment TEXT NOT NULL CHECK (requires_comment IN ('APPROVAL', 'REJECTION', 'ALL', 'OFF')),
  reference_type TEXT,
  reference_id TEXT,
  reference_name TEXT,
  batch_id TEXT,
  batch_size INTEGER,
  -- JSON documents: read whole with the approval (filters look into requested_target with json_each)
  requested_target TEXT NOT NULL,
  additional_attributes TEXT NOT NULL,
  static_attributes TEXT,
  approval_config TEXT NOT NULL,
  CHECK ((status = 'PENDING') = (completed IS NULL))
);
-- Pending approvals by deadline: what has expired is found without a scan.
CREATE INDEX IF NOT EXISTS generic_approvals_pending_due ON generic_approvals (due) WHERE status = 'PENDING';
CREATE INDEX IF NOT EXISTS generic_approvals_created ON generic_approvals (created DESC, id DESC);
CREATE INDEX IF NOT EXISTS generic_approvals_requester ON generic_approvals (requester_id, created DESC);
CREATE INDEX IF NOT EXISTS generic_approvals_requestee ON generic_approvals (requestee_id, created DESC);
CREATE INDEX IF NOT EXISTS generic_approvals_reference ON generic_approvals (reference_id, reference_type);

CREATE TABLE IF NOT EXISTS generic_approval_approvers (
  approval_id TEXT NOT NULL REFERENCES generic_approvals(id) ON DELETE CASCADE,
  identity_id TEXT NOT NULL REFERENCES identities(id),
  -- 1, 2, … the steps of a serial chain; 0 for parallel approvers
  serial_order INTEGER NOT NULL,
  position INTEGER NOT NULL,
  -- their turn has come (parallel: from the start; serial: once the step before is approved)
  active INTEGER NOT NULL DEFAULT 0,
  decision TEXT CHECK (decision IN ('APPROVED', 'REJECTED')),
  decided TEXT,
  PRIMARY KEY (approval_id, identity_id),
  CHECK ((decision IS NULL) = (decided IS NULL))
);
-- An approver's queue: what is assigned to them, without touching other rows.
CREATE INDEX IF NOT EXISTS generic_approval_approvers_identity
  ON generic_approval_approvers (identity_id, active, approval_id);

CREATE TABLE IF NOT EXISTS generic_approval_comments (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  approval_id TEXT NOT NULL REFERENCES generic_approvals(id) ON DELETE CASCADE,
  author_id TEXT NOT NULL REFERENCES identities(id),
  comment TEXT NOT NULL,
  created TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS generic_approval_comments_approval ON generic_approval_comments (approval_id, seq);

CREATE TABLE IF NOT EXISTS generic_approval_reassignments (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  approval_id TEXT NOT NULL REFERENCES generic_approvals(id) ON DELETE CASCADE,
  -- null when an admin added an approver rather than replacing one
  from_id TEXT REFERENCES identities(id),
  to_id TEXT NOT NULL REFERENCES identities(id),
  -- null when the system reassigned it (escalation)
  by_id TEXT REFERENCES identities(id),
  comment_id TEXT,
  type TEXT NOT NULL CHECK (type IN ('ESCALATION', 'MANUAL_REASSIGNMENT', 'AUTO_REASSIGNMENT')),
  at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS generic_approval_reassignments_approval
  ON generic_approval_reassignments (approval_id, seq);

CREATE TABLE IF NOT EXISTS generic_approval_configs (
  config_id TEXT NOT NULL,
  scope TEXT NOT NULL,
  -- JSON ApprovalConfig as it was put
  config TEXT NOT NULL,
  modified TEXT NOT NULL,
  PRIMARY KEY (config_id, scope)
);
`;

/** The tables above, in the order a dump of them lists them. */
export const GENERIC_APPROVAL_TABLES = [
  'generic_approvals',
  'generic_approval_approvers',
  'generic_approval_comments',
  'generic_approval_reassignments',
  'generic_approval_configs',
] as const;
