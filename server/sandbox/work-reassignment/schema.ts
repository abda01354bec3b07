// Work reassignment's tables: one row per identity and kind of work (its delegate and dates), and the tenant-wide
// switch. Dates are ISO instants of one fixed width (text order is time order), so "active at" is a comparison.
export const WORK_REASSIGNMENT_SCHEMA = `
CREATE TABLE IF NOT EXISTS reassignment_configs (
  identity_id TEXT NOT NULL REFERENCES identities(id),
  config_type TEXT NOT NULL
    CHECK (config_type IN ('ACCESS_REQUESTS', 'CERTIFICATIONS', 'MANUAL_TASKS', 'GENERIC_APPROVALS')),
  target_id TEXT NOT NULL REFERENCES identities(id),
  start_date TEXT NOT NULL,
  -- null: permanent
  end_date TEXT,
  created TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES identities(id),
  modified TEXT NOT NULL,
  modified_by TEXT NOT NULL REFERENCES identities(id),
  PRIMARY KEY (identity_id, config_type),
  CHECK (target_id <> identity_id),
  CHECK (end_date IS NULL OR end_date > start_date)
);
-- who delegates to an identity (a non-admin's list shows what comes to them)
CREATE INDEX IF NOT EXISTS reassignment_configs_target ON reassignment_configs (target_id, config_type);

CREATE TABLE IF NOT EXISTS reassignment_tenant_config (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  disabled INTEGER NOT NULL CHECK (disabled IN (0, 1)),
  created TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES identities(id),
  modified TEXT NOT NULL,
  modified_by TEXT NOT NULL REFERENCES identities(id)
);
`;

export interface ConfigRow {
  identity_id: string;
  config_type: string;
  target_id: string;
  start_date: string;
  end_date: string | null;
  created: string;
  created_by: string;
  modified: string;
  modified_by: string;
}

export interface TenantConfigRow {
  disabled: number;
  created: string;
  created_by: string;
  modified: string;
  modified_by: string;
}
