import type { Statement } from 'better-sqlite3';
import { ApiProblem } from '../../errors.ts';
import type { WorkItem, WorkItemsSummary } from '../../../contract/work-items.ts';
import type { Caller } from '../auth.ts';
import type { Db } from '../db.ts';
import { createIdentityNames, jsonArray, pageJsonSql } from './page-json.ts';
import {
  APPROVAL_ITEM_COLUMNS,
  WORK_ITEM_COLUMNS,
  approvalItemRow,
  nameOf,
  toWorkItems,
  workItemRow,
  type ForwardRow,
  type WorkItemRow,
} from './rows.ts';

/** One page of a list and how many items the whole list holds, read in one snapshot so they agree. */
export interface Page {
  items: WorkItem[];
  total: number;
}

/** One page of a list as the JSON text of its items (page-json.ts), and how many items the whole list holds. */
export interface JsonPage {
  body: Buffer;
  total: number;
}

/** A work item as the API writes it: the JSON text of its response schema (for the items SQLite leaves out). */
export type WriteItem = (item: WorkItem) => string;

/**
 * A list's rows in its order (newest first) and in reverse, the same as JSON texts (page-json.ts), and its kept
 * count (see counts.ts).
 */
interface ListStatements {
  newestFirst: Statement;
  oldestFirst: Statement;
  newestFirstJson: Statement;
  oldestFirstJson: Statement;
  count: Statement;
}

/** Which end of a list a page is read from, and how much of it (WorkItemQueries.window). */
interface Window {
  total: number;
  take: number;
  skip: number;
  fromOldest: boolean;
}

const EMPTY_PAGE = Buffer.from('[]');

/** The sandbox's reads: pages, counts and single items, each as the caller may see it. */
export class WorkItemQueries {
  private readonly read;
  private readonly lists: Record<'pending' | 'completed', ListStatements>;

  constructor(protected readonly db: Db) {
    const p = db.prepare.bind(db);
    this.read = {
      get: p('SELECT * FROM work_items WHERE id = ?'),
      approvalsFor: p(
        `SELECT ${APPROVAL_ITEM_COLUMNS} FROM approval_items WHERE work_item_id IN (SELECT value FROM json_each(?))
         ORDER BY work_item_id, position`,
      ).raw(),
      forwardsFor: p(
        `SELECT * FROM forward_history WHERE work_item_id IN (SELECT value FROM json_each(?))
         ORDER BY work_item_id, seq`,
      ),
    };
    createIdentityNames(db);
    // Lists are newest first: pending by created (then id) descending, completed by completed descending. The
    // rows come straight from the page query: SQLite reads a row only for the entries it returns, not for those the
    // OFFSET skips. Each list's page is read as rows (page: the mapping of rows.ts) and as JSON (pageJson, the list
    // route's: page-json.ts).
    const list = (where: string, order: string, column: 'pending' | 'completed'): ListStatements => {
      const rows = (direction: 'ASC' | 'DESC') =>
        p(
          `SELECT ${WORK_ITEM_COLUMNS} FROM work_items WHERE owner_id = ? AND ${where}
           ORDER BY ${order} ${direction}, id ${direction} LIMIT ? OFFSET ?`,
        ).raw();
      const json = (direction: 'ASC' | 'DESC') => p(pageJsonSql(where, order, direction)).raw();
      return {
        newestFirst: rows('DESC'),
        oldestFirst: rows('ASC'),
        newestFirstJson: json('DESC'),
        oldestFirstJson: json('ASC'),
        count: p(`SELECT ${column} FROM work_item_counts WHERE owner_id = ?`).pluck(),
      };
    };
    this.lists = {
      pending: list(`state = 'Pending'`, 'created', 'pending'),
      completed: list('completed IS NOT NULL', 'completed', 'completed'),
    };
  }

  pendingPage(ownerId: string, limit: number, offset: number): Page {
    return this.page(this.lists.pending, ownerId, limit, offset);
  }

  completedPage(ownerId: string, limit: number, offset: number): Page {
    return this.page(this.lists.completed, ownerId, limit, offset);
  }

  /** pendingPage's items as the list answers them: the JSON text that its response schema writes of them. */
  pendingPageJson(ownerId: string, limit: number, offset: number, write: WriteItem): JsonPage {
    return this.pageJson(this.lists.pending, ownerId, limit, offset, write);
  }

  /** completedPage's items as the list answers them: the JSON text that its response schema writes of them. */
  completedPageJson(ownerId: string, limit: number, offset: number, write: WriteItem): JsonPage {
    return this.pageJson(this.lists.completed, ownerId, limit, offset, write);
  }

  countPending(ownerId: string): number {
    return this.count(this.lists.pending, ownerId);
  }

  countCompleted(ownerId: string): number {
    return this.count(this.lists.completed, ownerId);
  }

  private count(list: ListStatements, ownerId: string): number {
    return (list.count.get(ownerId) as number | undefined) ?? 0;
  }

  /**
   * OFFSET walks the index entry by entry (about 100,000 of them for the last page of a 100,000-item queue). With
   * the list's exact count at hand, a page in the older half is read from the oldest end instead and reversed, so
   * no page walks more than half the list. Called in the page's transaction, so the count and the rows agree.
   */
  private window(list: ListStatements, ownerId: string, limit: number, offset: number): Window {
    const total = this.count(list, ownerId);
    const take = Math.min(limit, total - offset);
    const fromOldest = total - offset - take;
    return fromOldest < offset
      ? { total, take, skip: fromOldest, fromOldest: true }
      : { total, take, skip: offset, fromOldest: false };
  }

  private page(list: ListStatements, ownerId: string, limit: number, offset: number): Page {
    return this.db.transaction(() => {
      const { total, take, skip, fromOldest } = this.window(list, ownerId, limit, offset);
      if (take <= 0) return { items: [], total };
      const rows = (fromOldest ? list.oldestFirst : list.newestFirst).all(ownerId, take, skip) as unknown[][];
      if (fromOldest) rows.reverse();
      return { items: this.assemble(rows.map(workItemRow)), total };
    })();
  }

  /** page() as JSON text: SQLite writes each item, but one with a form, which `write` writes from the mapping. */
  private pageJson(list: ListStatements, ownerId: string, limit: number, offset: number, write: WriteItem): JsonPage {
    return this.db.transaction(() => {
      const { total, take, skip, fromOldest } = this.window(list, ownerId, limit, offset);
      if (take <= 0) return { body: EMPTY_PAGE, total };
      const statement = fromOldest ? list.oldestFirstJson : list.newestFirstJson;
      const rows = statement.all({ owner: ownerId, ownerName: nameOf(ownerId), limit: take, offset: skip }) as [
        Buffer | null,
        string,
      ][];
      if (fromOldest) rows.reverse();
      const items = rows.map(
        ([json, id]) => json ?? Buffer.from(write(this.load(this.read.get.get(id) as WorkItemRow))),
      );
      return { body: jsonArray(items), total };
    })();
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

  private assemble(rows: WorkItemRow[]): WorkItem[] {
    const ids = JSON.stringify(rows.map((r) => r.id));
    return toWorkItems(
      rows,
      (this.read.approvalsFor.all(ids) as unknown[][]).map(approvalItemRow),
      this.read.forwardsFor.all(ids) as ForwardRow[],
    );
  }
}
