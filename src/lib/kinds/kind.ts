// What a kind of approval is, to the inbox: the one interface through which the list, the keyboard, the held
// decisions, the bulk runs, the counts, the history and the CSV know work items, access requests and whatever
// comes next. A kind is one module (src/features/<kind>/kind.ts) exporting one object of this shape; the registry
// (src/app/kinds.ts) lists them. Modelled on excalidraw's action registry: each action is one object with a name,
// a label, a key, a predicate and a perform, and the toolbar, menus and keyboard read the registry.
//
// Types only: the helpers that read them are in ./words.ts and ./actions.ts.
import type { ComponentType, ReactNode } from 'react';
import type { QueryClient, UseQueryOptions } from '@tanstack/react-query';
import type { ConfigTypeEnum } from '../../../contract/work-reassignment.ts';
import type { BulkResult } from '../bulk-resume.ts';
import type { ApiError } from '../http.ts';
import type { HeldRequest } from '../held.ts';
import type { QueueRow } from '../queue/row.ts';
import type { QueueData } from '../queue/stream.ts';

/** A noun in both numbers, for every sentence the UI builds ("1 work item", "3 work items"). */
export interface Nouns {
  one: string;
  many: string;
}

/** Whose queue: undefined = the signed-in identity's own, else another owner's (admins). */
export interface OwnerScope {
  ownerId?: string;
}

export interface QueueScope extends OwnerScope {
  /** How many items a queue loads at most (the "Load up to" setting). */
  bound: number;
}

/** How many items of the kind the owner has, as its API counts them (undefined: not known by this API). */
export interface KindCounts {
  pending: number;
  completed?: number;
}

/** What may be said with a decision: nothing (the API takes no comment), or a comment, optional or required. */
export interface CommentRule {
  need: 'none' | 'optional' | 'required';
  /** The API's limit, from contract/limits.ts. */
  max: number;
}

/** What an action is done to: a row of the queue, or only some of its sub-items (a work item's approval items). */
export interface ActionTarget {
  id: string;
  name: string;
  ownerId?: string;
  /** Only these sub-items (by id); undefined = every pending one of the item. */
  subItemIds?: readonly string[];
}

/** What the person gave for an action: a comment; for a handover, the new owner and whether to notify them. */
export interface ActionInput {
  comment?: string;
  owner?: { id: string; name: string };
  notify?: boolean;
}

/**
 * One thing that may be done to an item of a kind. A `decision` is one of the inbox's single decisions when it is
 * one request (shown at once, held with Undo, then sent) and a bulk run when it is several; a `handover` asks for a
 * new owner and a comment (forward, reassign) and is sent when the person submits it.
 */
export interface KindAction {
  /** 'approve', 'reject', 'complete', 'forward', 'reassign', … — unique within the kind. */
  name: string;
  type: 'decision' | 'handover';
  /** "Approve", "Mark complete", "Forward". */
  label: string;
  /** Past tense for what the toast and the live region say: "Approved", "Marked complete", "Forwarded". */
  done: string;
  /** The shortcut, in the list and on the detail page. */
  key: string;
  /** A handover that can tell the new owner (work items' `sendNotifications`). */
  notifyOption?: boolean;
  /** The button's colour. */
  tone: 'success' | 'error' | 'primary';
  /**
   * Decided sub-item by sub-item (the kind's `partNouns`): on the whole item it decides all its pending sub-items,
   * on a row the search matched in part only those; several ask first, naming how many. Work items' approve/reject.
   */
  perPart?: boolean;
  /** A sentence with the object in it: (what) => `Mark ${what} complete`; default `${label} ${what}`. */
  sentence?: (what: string) => string;
  /** Whether it applies to the row; a string says why not (read out instead of calling anything). */
  available: (row: QueueRow) => true | string;
  comment: (row: QueueRow) => CommentRule;
}

/**
 * What a kind needs only once something is decided — loaded with the first decision, not with the list: how each
 * action is sent, and how its cache follows.
 */
export interface KindRuntime {
  /**
   * The plain requests that carry out `action` (its name): one for a single decision, one per sub-item when the
   * target names some and the API decides them one by one.
   */
  requests: (action: string, target: ActionTarget, input: ActionInput) => HeldRequest[];
  cache: KindCache;
  /**
   * After the server refused a request for good: is the item already decided as the request asks, by `identityId`
   * where the API says who decided? (A page that closed sent it without reading the answer; the next visit's send
   * of the same decision is then refused, and the decision is done, not failed.)
   */
  alreadyDone?: (request: HeldRequest, identityId: string) => Promise<boolean>;
}

/**
 * How a kind's cached data follows a decision: at once when it is shown (optimistic), back when it is undone or
 * refused, and once the server answered (write the answer, refetch what it made stale).
 */
export interface KindCache {
  shown: (queryClient: QueryClient, request: HeldRequest) => void;
  restored: (queryClient: QueryClient, request: HeldRequest) => void;
  settled: (queryClient: QueryClient, requests: readonly HeldRequest[], answers: readonly unknown[]) => Promise<void>;
  /** The kind's lists, counts and details of these owners (undefined: every owner) are stale. */
  refresh: (queryClient: QueryClient, ownerIds?: readonly (string | undefined)[]) => Promise<void>;
}

/** A queue's queryOptions: the kind's whole pending or completed list as rows, streamed. */
export type QueueQueryOptions = UseQueryOptions<QueueData, ApiError, QueueData, readonly unknown[]>;
export type CountsQueryOptions = UseQueryOptions<KindCounts, ApiError, KindCounts, readonly unknown[]>;

/** A filter a kind adds to the list (e.g. priority): the row's `facets[name]` is its value. */
export interface KindFacet {
  name: string;
  /** The URL parameter. */
  param: string;
  label: string;
  /** The "no filter" choice: "Any priority". */
  all: string;
}

/** What a kind's detail page gets from the inbox (the page is the kind's own; the rules are the inbox's). */
export interface DetailPageProps {
  id: string;
  ownerId: string | undefined;
  /** The kind itself (its actions, nouns). */
  kind: InboxKind;
  /** Carries out an action the one way every place does (single decision held with Undo, handover dialog). */
  act: ActOnItem;
  /** "← Back to the inbox" (the exact list it came from). */
  back: ReactNode;
  /** "Next item" in the list it came from. */
  next: ReactNode;
  /** Tells the inbox what the page shows (the row it would be in a list), so shortcuts can say why not. */
  onRow: (row: QueueRow | undefined) => void;
}

/** What a row expanded in place gets. */
export interface RowPanelProps {
  row: QueueRow;
  ownerId: string | undefined;
  kind: InboxKind;
  act: ActOnItem;
  /** The sub-items the list's search matched (undefined: all). */
  matched?: readonly string[];
  /** Nothing is left to decide here: the list moves on. */
  onDone: () => void;
}

/**
 * The one entry point for acting on one item, everywhere (list key, list button, expanded row, detail page): a
 * decision on one item is shown at once, held with Undo and then sent (after a confirmation only when it decides
 * several sub-items, or a prompt when it needs a comment it was not given); a handover opens the forward dialog.
 */
export interface ActLive {
  /** Shown (after a confirmation or a comment, when one was asked for). */
  onShown?: () => void;
  /** The person let it go: nothing shown, nothing sent. */
  onCancelled?: () => void;
  /** The hold is over: on its way now. */
  onSending?: () => void;
  onUndone?: () => void;
  onSent?: () => void;
  onFailed?: (error: unknown) => void;
}

export type ActOnItem = (
  action: KindAction,
  target: ActionTarget & { row?: QueueRow },
  input?: ActionInput,
  live?: ActLive,
) => void;

export interface InboxKind {
  /** QueueRow.kind: unique in the registry. */
  name: string;
  /** The item: "work item" / "work items". */
  nouns: Nouns;
  /** Its sub-items decided one by one, when it has them: "approval item" / "approval items". */
  partNouns?: Nouns;
  /** The kind filter's label: "Work items". */
  filterLabel: string;
  queue: {
    pending: (scope: QueueScope) => QueueQueryOptions;
    completed: (scope: QueueScope) => QueueQueryOptions;
  };
  counts: (scope: OwnerScope) => CountsQueryOptions;
  /** Its items have due dates (the list then offers "Due soonest first" and the due-date filter). */
  dueDates?: boolean;
  /** Its rows carry a priority (QueueRow.priority: the list then offers "Highest priority first"). */
  priorities?: boolean;
  /**
   * When its rows and another kind's are the same thing (QueueRow.sameAs), the row of the kind with the highest
   * precedence is the one listed and acted on (default 0).
   */
  sameAsPrecedence?: number;
  /** Filters of its own (beyond type, application, requester, age). */
  facets?: readonly KindFacet[];
  /** The detail page's route pattern ('/work-items/:id') and a link to it. */
  route: string;
  path: (id: string, scope: OwnerScope) => string;
  /** Loads its detail page (its own chunk). */
  loadDetailPage: () => Promise<ComponentType<DetailPageProps>>;
  /** Loads what a row shows expanded in place (its own chunk); without it the list says it cannot be shown. */
  loadRowPanel?: () => Promise<ComponentType<RowPanelProps>>;
  actions: readonly KindAction[];
  /**
   * Which kind of work a row is to work reassignment (out-of-office delegation): what "Away" moves when that kind
   * is delegated; undefined: the kind is never delegated.
   */
  workType?: (row: QueueRow) => ConfigTypeEnum | undefined;
  /** Loads its runtime (its own chunk: needed from the first decision on, not for the list). */
  loadRuntime: () => Promise<KindRuntime>;
}

/** An item handed over (forwarded, reassigned). */
export interface HandoverItem {
  id: string;
  name: string;
  ownerId?: string;
  kind: string;
}

/** What the handover dialog (src/features/forward) gets: what to hand over, the rules, and how to perform it. */
export interface HandoverDialogProps {
  /** "Forward" / "Forwarded": the dialog's title, button and results say it. */
  action: Pick<KindAction, 'label' | 'done'>;
  items: readonly HandoverItem[];
  /** What the items are ("work items", "items" when mixed). */
  nouns: Nouns;
  comment: CommentRule;
  /** Offer "Send notification". */
  notifyOption: boolean;
  /** Why some selected items are left out, when some are. */
  skipped?: string;
  /** Hands one item over; rejects with the server's refusal. */
  perform: (item: HandoverItem, input: ActionInput) => Promise<void>;
  /** Every item's outcome as soon as it is known (several items). */
  onItemDone?: (result: BulkResult) => void;
  onClose: (outcome: { results: BulkResult[]; owner: { id: string; name: string } | null }) => void;
}
