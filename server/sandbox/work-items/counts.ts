// Each owner's pending and completed work-item counts, kept by the database itself: triggers on work_items move
// them inside the statement that changes a row (a decision that completes an item, a completion, a form
// submission, a forward, the seed's inserts), so they commit or roll back with it and a crash cannot leave them
// apart. The inbox asks for the pending count with every page; counting it is a walk over every index entry of
// the owner's queue (100,000 at the benchmark's scale), reading it here is one row.

/** Run by openDb after the work items' schema. */
export const WORK_ITEM_COUNTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS work_item_counts (
  owner_id TEXT PRIMARY KEY REFERENCES identities(id),
  pending INTEGER NOT NULL CHECK (pending >= 0),
  completed INTEGER NOT NULL CHECK (completed >= 0)
);
-- Pending is state = 'Pending' and completed is completed IS NOT NULL: the conditions of the list queries.
CREATE TRIGGER IF NOT EXISTS work_item_counts_insert AFTER INSERT ON work_items
BEGIN
  INSERT INTO work_item_counts (owner_id, pending, completed)
    VALUES (NEW.owner_id, NEW.state = 'Pending', NEW.completed IS NOT NULL)
    ON CONFLICT (owner_id) DO UPDATE SET
      pending = pending + excluded.pending, completed = completed + excluded.completed;
END;
CREATE TRIGGER IF NOT EXISTS work_item_counts_delete AFTER DELETE ON work_items
BEGIN
  UPDATE work_item_counts SET
      pending = pending - (OLD.state = 'Pending'), completed = completed - (OLD.completed IS NOT NULL)
    WHERE owner_id = OLD.owner_id;
END;
-- A forward moves the item to another owner's counts; a completion moves it from pending to completed.
CREATE TRIGGER IF NOT EXISTS work_item_counts_update AFTER UPDATE OF owner_id, state, completed ON work_items
BEGIN
  UPDATE work_item_counts SET
      pending = pending - (OLD.state = 'Pending'), completed = completed - (OLD.completed IS NOT NULL)
    WHERE owner_id = OLD.owner_id;
  INSERT INTO work_item_counts (owner_id, pending, completed)
    VALUES (NEW.owner_id, NEW.state = 'Pending', NEW.completed IS NOT NULL)
    ON CONFLICT (owner_id) DO UPDATE SET
      pending = pending + excluded.pending, completed = completed + excluded.completed;
END;
`;

/** The counts from the rows themselves: what the kept counts must always equal. */
export const RECOUNT_SQL = `SELECT owner_id, sum(state = 'Pending') AS pending, sum(completed IS NOT NULL) AS completed
  FROM work_items GROUP BY owner_id`;

/**
 * Sets the counts from the rows, once per database (the meta key says it was done): a database created before the
 * counts existed holds rows the triggers never saw. Later writes keep them, whichever process makes them.
 */
export const INITIALISE_COUNTS_SQL = `
DELETE FROM work_item_counts;
INSERT INTO work_item_counts (owner_id, pending, completed) ${RECOUNT_SQL};
`;

export const COUNTS_META_KEY = 'work_item_counts_since';
