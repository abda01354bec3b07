// The v3 Work Items API's shapes, written once from the official spec (work-items.v3.json) and imported by the
// browser app, the server, the benchmark and the end-to-end tests. Almost everything may be null or missing on a real tenant, so
// optional/nullable is the norm: read these tolerantly.

export const WORK_ITEM_STATES = ['Finished', 'Rejected', 'Returned', 'Expired', 'Pending', 'Canceled'] as const;
export type WorkItemState = (typeof WORK_ITEM_STATES)[number];

export const WORK_ITEM_TYPES = [
  'Generic',
  'Certification',
  'Remediation',
  'Delegation',
  'Approval',
  'ViolationReview',
  'Form',
  'PolicyVioloation', // sic: the spec's spelling
  'Challenge',
  'ImpactAnalysis',
  'Signoff',
  'Event',
  'ManualAction',
  'Test',
] as const;
export type WorkItemType = (typeof WORK_ITEM_TYPES)[number];

export interface ApprovalItemDetails {
  id?: string;
  account?: string | null;
  application?: string;
  name?: string | null;
  operation?: string;
  value?: string | null;
  state?: WorkItemState | null;
}

export interface RemediationItemDetails {
  id?: string;
  targetId?: string;
  targetName?: string;
  targetDisplayName?: string;
  applicationName?: string;
  attributeName?: string;
  attributeOperation?: string;
  attributeValue?: string;
  nativeIdentity?: string;
}

/** One choice of a field: the beta spec's `allowedValuesList` entry. */
export interface AllowedValue {
  label?: string;
  value: string;
}

/** A form field (v3 leaves it untyped; shape from the beta spec's FieldDetails). */
export interface FieldDetails {
  name: string;
  displayName?: string | null;
  displayType?: string | null;
  required?: boolean | null;
  allowedValuesList?: AllowedValue[] | null;
  value?: unknown;
}

export interface SectionDetails {
  name?: string;
  label?: string | null;
  formItems?: FormItem[] | null;
}

export type FormItem = SectionDetails | FieldDetails;

export interface FormDetails {
  id?: string | null;
  name?: string | null;
  title?: string;
  subtitle?: string;
  targetUser?: string;
  sections?: SectionDetails[] | null;
}

/** Who forwarded a work item to whom: a sandbox extension, absent on a real tenant. */
export interface ForwardHistoryEntry {
  fromId: string;
  fromName: string;
  toId: string;
  toName: string;
  byId: string;
  byName: string;
  comment: string;
  forwarded: string;
  /**
   * Set when no one forwarded it by hand: work reassignment (an out-of-office delegation, contract/work-reassignment.ts)
   * handed the new item from `fromId` to `toId` as it arrived; `comment` says why.
   */
  reassignmentType?: 'AUTOMATIC_REASSIGNMENT';
}

export interface WorkItem {
  id: string;
  requesterId?: string | null;
  requesterDisplayName?: string | null;
  ownerId?: string | null;
  ownerName?: string;
  created?: string;
  modified?: string | null;
  description?: string;
  state?: WorkItemState;
  type?: WorkItemType;
  remediationItems?: RemediationItemDetails[] | null;
  approvalItems?: ApprovalItemDetails[] | null;
  name?: string | null;
  completed?: string | null;
  numItems?: number | null;
  form?: FormDetails | null;
  errors?: string[];
  /** Sandbox extension (not in v3): the item's forwarding history, oldest first. */
  forwardHistory?: ForwardHistoryEntry[];
}

export interface WorkItemsCount {
  count: number;
}

export interface WorkItemsSummary {
  open: number;
  completed: number;
  total: number;
}

export interface WorkItemForward {
  targetOwnerId: string;
  comment: string;
  sendNotifications?: boolean;
}

/** Body of submit-account-selection: a map keyed on field name. */
export type AccountSelection = Record<string, unknown>;

export interface ErrorMessageDto {
  locale?: string | null;
  localeOrigin?: 'DEFAULT' | 'REQUEST' | null;
  text: string;
}

export interface ErrorResponseDto {
  detailCode?: string;
  trackingId?: string;
  messages?: ErrorMessageDto[];
  causes?: ErrorMessageDto[];
}

export interface IdentityReference {
  type?: string;
  id?: string;
  name?: string;
}

export interface PublicIdentity {
  id: string;
  name: string;
  alias?: string;
  email?: string | null;
  status?: string | null;
  identityState?: 'ACTIVE' | 'INACTIVE_SHORT_TERM' | 'INACTIVE_LONG_TERM' | null;
  manager?: IdentityReference | null;
  attributes?: { key?: string; name?: string; value?: string | null }[];
}

export function isSection(item: FormItem): item is SectionDetails {
  return Array.isArray((item as SectionDetails).formItems);
}
