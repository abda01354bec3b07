// An approval's rules in words, for its page: who must approve ("1 of 3 approvers must approve; Bob Approver
// approved"), the serial step, and what its expiry will do.
import type { Approval, ApprovalIdentity } from '../../../../contract/generic-approvals.ts';

const person = (a: { name?: string | null; identityID?: string | null } | null | undefined) =>
  a?.name || a?.identityID || 'someone';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Its approvers, in chain order for a serial approval. */
export function approversOf(approval: Approval): ApprovalIdentity[] {
  const all = (approval.approvers ?? approval.assignedTo ?? []).filter((a): a is ApprovalIdentity => !!a);
  return approval.approvalCriteria?.type === 'SERIAL'
    ? [...all].sort((a, b) => (a.serialOrder ?? 0) - (b.serialOrder ?? 0))
    : all;
}

/** "1 of 3 approvers must approve; Bob Approver approved", "2 approvers in turn; step 1 of 2 (Alice Approver)". */
export function criteriaInWords(approval: Approval): string {
  const criteria = approval.approvalCriteria;
  const approvers = approversOf(approval);
  const n = approvers.length;
  const value = criteria?.approval?.value ?? 1;
  let rule: string;
  if (criteria?.type === 'SERIAL') {
    const step = approval.serialStep ?? 0;
    const current = approvers.find((a) => a.serialOrder === step);
    rule = `${plural(n, 'approver', 'approvers')} in turn, each must approve`;
    if (step > 0) rule += `; step ${step} of ${n}${current ? ` (${person(current)})` : ''}`;
  } else if (criteria?.approval?.calculationType === 'PERCENT') {
    rule = `${value}% of the ${plural(n, 'approver', 'approvers')} must approve`;
  } else if (n <= 1) {
    rule = 'Its approver must approve';
  } else {
    rule = `${Math.min(value, n)} of ${n} approvers must approve`;
  }
  const approved = (approval.approvedBy ?? []).map(person);
  const rejected = (approval.rejectedBy ?? []).map(person);
  const said = [
    ...(approved.length ? [`${approved.join(', ')} approved`] : []),
    ...(rejected.length ? [`${rejected.join(', ')} rejected`] : []),
  ];
  return `${rule}; ${said.length ? said.join('; ') : 'nobody has decided yet'}`;
}

/** What its expiry will do (or did). */
export function expiryInWords(approval: Approval): string {
  const timeout = approval.approvalConfig?.timeoutConfig;
  if (timeout?.enabled === false || !approval.dueDate) return 'It does not expire.';
  return timeout?.timeoutResult === 'APPROVED'
    ? 'If nobody decides by then, it is approved.'
    : 'If nobody decides by then, it expires and is rejected.';
}

/** The additional attributes (a JSON object of strings, as text) and the static ones, as label–value pairs. */
export function attributeRows(approval: Approval): [string, string][] {
  const rows: [string, string][] = [];
  const flat = (prefix: string, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) flat(prefix ? `${prefix}.${k}` : k, v);
    } else {
      rows.push([prefix, typeof value === 'string' ? value : JSON.stringify(value)]);
    }
  };
  let additional: unknown = undefined;
  try {
    additional = approval.additionalAttributes ? JSON.parse(approval.additionalAttributes) : undefined;
  } catch {
    // not JSON: shown as it is
    additional = { additionalAttributes: approval.additionalAttributes };
  }
  if (additional && typeof additional === 'object') flat('', additional);
  if (approval.staticAttributes) flat('', approval.staticAttributes);
  return rows;
}
