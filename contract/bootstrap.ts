// What the server embeds in the page it serves for the inbox (a JSON data block, never a script that runs): the
// signed-in identity's session and the first page of each of its pending lists, exactly as GET /auth/session and the
// inbox's first list requests answer them. The page seeds its cache from it and asks again at once.
import type { PendingApproval } from './access-requests.ts';
import type { SessionView } from './session.ts';
import type { WorkItem } from './work-items.ts';

/** The id of the `<script type="application/json">` element that carries it. */
export const BOOTSTRAP_ELEMENT_ID = 'wi-bootstrap';

/** The inbox's first list request, the one whose answer is embedded: its page size is the API's largest. */
export const BOOTSTRAP_LIST_LIMIT = 250;

export interface Bootstrap {
  session: SessionView;
  /** GET /v3/work-items?limit=250&offset=0&count=true of the signed-in identity (absent when that failed). */
  workItems?: { items: WorkItem[]; total: number };
  /** GET /v3/access-request-approvals/pending?owner-id=me&limit=250&offset=0&count=true (absent when that failed). */
  accessRequests?: { items: PendingApproval[]; total: number };
  /** When the server read them (epoch ms). */
  at: number;
}
