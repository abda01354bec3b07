import { ApiProblem } from '../../errors.ts';
import type { WorkItem, WorkItemsSummary } from '../../../contract/work-items.ts';
import type { Caller } from '../auth.ts';
import type { Db } from '../db.ts';
import { toWorkItems, type ApprovalItemRow, type ForwardRow, type WorkItemRow } from './rows.ts';

/** The sandbox's reads: pages, counts and single items, each as the caller may see it. */
export class WorkItemQueries {
  private readonly read;

  constructor(protected readonly db: Db) {
    const p = db.prepare.bind(db);
    this.read = {
      get: p('SELECT * FROM work_items WHERE id = ?'),
      pendingPage: p(
        `SELECT id FROM work_items WHERE owner_id = ? AND state = 'Pending'
         ORDER BY created DESC, id DESC LIMIT ? OFFSET ?`,
      ),
      completedPage: p(
        `SELECT id FROM work_items WHERE owner_id = ? AND completed IS NOT NULL
         ORDER BY completed DESC, id DESC LIMIT ? OFFSET ?`,
      ),
      rowsByIds: p('SELECT * FROM work_items WHERE id IN (SELECT value FROM json_each(?))'),
      pendingCount: p(`SELECT count(*) AS n FROM work_items WHERE owner_id = ? AND state = 'Pending'`),
      completedCount: p('SELECT count(*) AS n FROM work_items WHERE owner_id = ? AND completed IS NOT NULL'),
      approvalsFor: p(
        `SELECT * FROM approval_items WHERE work_item_id IN (SELECT value FROM json_each(?))
         ORDER BY work_item_id, position`,
      ),
      forwardsFor: p(
        `SELECT * FROM forward_history WHERE work_item_id IN (SELECT value FROM json_each(?))
         ORDER BY work_item_id, seq`,
      ),
    };
  }

  // Lists are newest first: pending by created (then id) descending, completed by completed descending.

  listPending(ownerId: string, limit: number, offset: number): WorkItem[] {
    return this.loadOrdered(this.read.pendingPage.all(ownerId, limit, offset) as { id: string }[]);
  }

  listCompleted(ownerId: string, limit: number, offset: number): WorkItem[] {
    return this.loadOrdered(this.read.completedPage.all(ownerId, limit, offset) as { id: string }[]);
  }

  countPending(ownerId: string): number {
    return (this.read.pendingCount.get(ownerId) as { n: number }).n;
  }

  countCompleted(ownerId: string): number {
    return (this.read.completedCount.get(ownerId) as { n: number }).n;
  }

  /** Reads counts in one snapshot so summary's numbers always add up. */
  summary(ownerId: string): WorkItemsSummary {
    return this.db.transaction(() => {
      const open = this.countPending(ownerId);
      const completed = this.countCompleted(ownerId);
      return { open, completed, total: open + completed };
    })();
  }

  /** The item as the caller may see it: 404 when unknown, 403 when it belongs to someone else. */
  get(caller: Caller, id: string): WorkItem {
    return this.load(this.readable(caller, id));
  }

  /**
   * Another owner's item, asked for by a non-admin, answers 403 rather than 404: ids are unguessable 32-hex
   * values (a 403 reveals nothing useful), forward's spec lists 403 but no 404, and an approver who followed
   * a stale link after forwarding learns why the item is gone instead of being told it never existed.
   */
  protected readable(caller: Caller, id: string): WorkItemRow {
    const row = this.read.get.get(id) as WorkItemRow | undefined;
    if (!row) throw new ApiProblem(404, `Work item ${id} was not found.`);
    if (!caller.admin && row.owner_id !== caller.id) {
      throw new ApiProblem(403, `Work item ${id} belongs to another identity; only its owner or an admin may use it.`);
    }
    return row;
  }

  /** Like readable, and 400 unless the item is still pending (a completed item cannot change). */
  protected pending(caller: Caller, id: string): WorkItemRow {
    const row = this.readable(caller, id);
    if (row.state !== 'Pending') {
      throw new ApiProblem(400, `Work item ${id} is already completed (state ${row.state}); it cannot be changed.`);
    }
    return row;
  }

  /** The item as it is stored now (after a write in the same transaction). */
  protected reload(id: string): WorkItem {
    return this.load(this.read.get.get(id) as WorkItemRow);
  }

  private load(row: WorkItemRow): WorkItem {
    return this.assemble([row])[0];
  }

  private loadOrdered(ids: { id: string }[]): WorkItem[] {
    if (ids.length === 0) return [];
    const rows = this.read.rowsByIds.all(JSON.stringify(ids.map((r) => r.id))) as WorkItemRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return this.assemble(ids.map((r) => byId.get(r.id)!));
  }

  private assemble(rows: WorkItemRow[]): WorkItem[] {
    const ids = JSON.stringify(rows.map((r) => r.id));
    return toWorkItems(
      rows,
      this.read.approvalsFor.all(ids) as ApprovalItemRow[],
      this.read.forwardsFor.all(ids) as ForwardRow[],
    );
  }
}
