// Submitting access requests: each requested item, for each identity, starts one approval in the Approvals service
// for the item's approvers (catalogue.ts), unless the same item is already waiting for that identity (then it is
// reported among the existing requests, as ISC does). All of a submission is checked before anything is written,
// and written in one transaction. The status of a request is read off its approvals, so it follows their decisions,
// reassignments and expiry.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { AccessRequestResponse, AccessRequestTracking } from '../../../contract/access-request-submissions.ts';
import type { AccessRequestType } from '../../../contract/access-requests.ts';
import { ACCESS_REQUEST_REFERENCE } from '../../../contract/generic-approvals.ts';
import { ApiProblem } from '../../errors.ts';
import type { Caller } from '../auth.ts';
import type { Db } from '../db.ts';
import { identityById, type SandboxIdentity } from '../identities.ts';
import type { GenericApprovalStore } from '../generic-approvals/store.ts';
import { approversFor, catalogueItem, type CatalogueItem } from './catalogue.ts';
import type { AccessRequestBody, RequestedItem } from './schemas.ts';

const hex = () => randomBytes(16).toString('hex');
type Detail = { type: CatalogueItem['type']; id: string };

/** A stable 32-bit hash of what was asked for one identity (the spec's `attributesHash`). */
function attributesHash(items: { type: string; id: string }[]): number {
  const digest = createHash('sha256')
    .update(
      items
        .map((i) => `${i.type}:${i.id}`)
        .sort()
        .join(','),
    )
    .digest();
  return digest.readInt32BE(0);
}

function requestedIdentity(id: string, seen: Set<string>): SandboxIdentity {
  const who = identityById(id);
  if (!who) throw new ApiProblem(400, `requestedFor: no identity ${id.slice(0, 80)} exists.`, ['unknown identity']);
  if (who.identityState !== 'ACTIVE') {
    throw new ApiProblem(400, `requestedFor: ${who.name} is inactive; access cannot be requested for them.`, [
      'requestedFor is inactive',
    ]);
  }
  if (seen.has(id)) throw new ApiProblem(400, `requestedFor: ${who.name} is listed twice.`, ['duplicate identity']);
  seen.add(id);
  return who;
}

function requestedItem(item: RequestedItem, seen: Set<string>): CatalogueItem {
  const found = catalogueItem(item.id);
  if (!found) {
    throw new ApiProblem(400, `requestedItems: no requestable ${item.type} ${item.id.slice(0, 80)} exists.`, [
      'unknown requested item',
    ]);
  }
  if (found.type !== item.type) {
    throw new ApiProblem(400, `requestedItems: ${found.name} is a ${found.type}, not a ${item.type}.`, [
      'requested item type mismatch',
    ]);
  }
  if (seen.has(item.id))
    throw new ApiProblem(400, `requestedItems: ${found.name} is listed twice.`, ['duplicate item']);
  seen.add(item.id);
  return found;
}

export class SubmissionStore {
  constructor(
    private readonly db: Db,
    private readonly approvals: GenericApprovalStore,
  ) {}

  /** Checks a submission against the spec's rules; throws the 400 or 403 that names what is wrong. */
  private check(caller: Caller, body: AccessRequestBody, type: AccessRequestType) {
    if (body.requestedForWithRequestedItems) {
      throw new ApiProblem(
        400,
        'requestedForWithRequestedItems is not supported here: send requestedFor and requestedItems.',
        ['requestedForWithRequestedItems is not supported'],
      );
    }
    const seenIds = new Set<string>();
    const identities = body.requestedFor.map((id) => requestedIdentity(id, seenIds));
    const seenItems = new Set<string>();
    const items = body.requestedItems.map((i) => ({ asked: i, item: requestedItem(i, seenItems) }));
    const now = this.approvals.clock.now();
    for (const { asked, item } of items) {
      for (const field of ['startDate', 'removeDate'] as const) {
        const value = asked[field];
        if (value !== undefined && !(Date.parse(value) > now)) {
          throw new ApiProblem(400, `requestedItems: ${field} of ${item.name} must be in the future.`, [
            `${field} must be in the future`,
          ]);
        }
      }
      if (type === 'MODIFY_ACCESS' && !asked.startDate && !asked.removeDate) {
        throw new ApiProblem(400, `requestedItems: MODIFY_ACCESS of ${item.name} needs a startDate or a removeDate.`, [
          'nothing to modify',
        ]);
      }
    }
    if (type === 'REVOKE_ACCESS') {
      const [who] = identities;
      if (identities.length !== 1) {
        throw new ApiProblem(400, 'requestedFor: a REVOKE_ACCESS request names exactly one identity.', [
          'one identity to revoke',
        ]);
      }
      if (who.id === caller.id)
        throw new ApiProblem(400, 'requestedFor: access cannot be revoked from oneself by request.');
      const manager = who.managerAlias && identityById(caller.id)?.alias === who.managerAlias;
      if (!caller.admin && !manager) {
        throw new ApiProblem(
          403,
          `Only ${who.name}'s manager or an admin (ORG_ADMIN) may request to revoke their access.`,
        );
      }
      for (const { asked, item } of items) {
        if (!asked.comment?.trim()) {
          throw new ApiProblem(400, `requestedItems: revoking ${item.name} needs a comment.`, ['comment is required']);
        }
        if (asked.startDate) throw new ApiProblem(400, 'requestedItems: a REVOKE_ACCESS request takes no startDate.');
      }
      if (items.filter((i) => i.item.type === 'ENTITLEMENT').length > 1) {
        throw new ApiProblem(400, 'requestedItems: entitlements are revoked one per request.', ['one entitlement']);
      }
    }
    return { identities, items };
  }

  submit(caller: Caller, body: AccessRequestBody): AccessRequestResponse {
    const type: AccessRequestType = body.requestType ?? 'GRANT_ACCESS';
    const { identities, items } = this.check(caller, body, type);
    // Already waiting: a pending access-request approval for the same identity, item and kind of request, whether
    // submitted here or seeded.
    const waiting = this.db.prepare(
      `SELECT g.reference_id AS access_request_id FROM generic_approvals g
       WHERE g.requestee_id = ? AND g.status = 'PENDING' AND g.reference_type = '${ACCESS_REQUEST_REFERENCE}'
         AND EXISTS (SELECT 1 FROM json_each(g.requested_target) j
           WHERE json_extract(j.value, '$.id') = ? AND json_extract(j.value, '$.requestType') = ?)`,
    );
    const insert = this.db.prepare(
      `INSERT INTO access_request_submissions (item_id, access_request_id, requester_id, requested_for_id,
         request_type, object_type, object_id, object_name, object_description, comment, start_date, remove_date,
         client_metadata, approval_id, created)
       VALUES (@itemId, @requestId, @requester, @requestedFor, @type, @objectType, @objectId, @name, @description,
         @comment, @startDate, @removeDate, @metadata, @approvalId, @created)`,
    );
    return this.approvals.write(() => {
      this.approvals.lifecycle.expireDue(this.approvals.clock.now());
      const response = { newRequests: [] as AccessRequestTracking[], existingRequests: [] as AccessRequestTracking[] };
      for (const requestee of identities) {
        const requestId = hex();
        const started: Detail[] = [];
        const already: Detail[] = [];
        const alreadyIds = new Set<string>();
        for (const { asked, item } of items) {
          const detail = { type: item.type, id: item.id };
          const existing = waiting.get(requestee.id, item.id, type) as { access_request_id: string } | undefined;
          if (existing) {
            already.push(detail);
            alreadyIds.add(existing.access_request_id);
            continue;
          }
          const approvalId = this.startApproval(caller, requestee, item, asked, type, requestId);
          insert.run({
            itemId: hex(),
            requestId,
            requester: caller.id,
            requestedFor: requestee.id,
            type,
            objectType: item.type,
            objectId: item.id,
            name: item.name,
            description: item.description,
            comment: asked.comment?.trim() || null,
            startDate: asked.startDate ? new Date(asked.startDate).toISOString() : null,
            removeDate: asked.removeDate ? new Date(asked.removeDate).toISOString() : null,
            metadata: JSON.stringify({ ...body.clientMetadata, ...asked.clientMetadata }),
            approvalId,
            created: this.approvals.clock.iso(),
          });
          started.push(detail);
        }
        const tracking = (details: Detail[], ids: string[]): AccessRequestTracking => ({
          requestedFor: requestee.id,
          requestedItemsDetails: details,
          attributesHash: attributesHash(details),
          accessRequestIds: ids,
        });
        if (started.length) response.newRequests.push(tracking(started, [requestId]));
        if (already.length) response.existingRequests.push(tracking(already, [...alreadyIds]));
      }
      return response;
    });
  }

  /** The approval an item starts for its approvers, in the Approvals service. */
  private startApproval(
    caller: Caller,
    requestee: SandboxIdentity,
    item: CatalogueItem,
    asked: RequestedItem,
    type: AccessRequestType,
    requestId: string,
  ): string {
    const { criteria, approvers } = approversFor(item, requestee);
    const verb = type === 'REVOKE_ACCESS' ? { en: 'Remove', de: 'Entzug von', fr: 'Retrait de' } : null;
    const approvalId = this.approvals.createApproval({
      id: randomUUID(),
      type: 'ACCESS_REQUEST_APPROVAL',
      priority: item.priority,
      name: [
        {
          locale: 'en_US',
          value: verb ? `${verb.en} ${item.name} from ${requestee.name}` : `${item.name} for ${requestee.name}`,
        },
        {
          locale: 'de_DE',
          value: verb ? `${verb.de} ${item.name} für ${requestee.name}` : `${item.name} für ${requestee.name}`,
        },
        {
          locale: 'fr_FR',
          value: verb ? `${verb.fr} ${item.name} pour ${requestee.name}` : `${item.name} pour ${requestee.name}`,
        },
      ],
      description: [{ locale: 'en_US', value: item.description }],
      requesterId: caller.id,
      requesteeId: requestee.id,
      criteria,
      approvers,
      reference: { type: ACCESS_REQUEST_REFERENCE, id: requestId, name: 'Access Request' },
      requestedTarget: [
        {
          id: item.id,
          name: item.name,
          targetType: item.type,
          requestType: type,
          reauthRequired: item.priority === 'HIGH',
          ...(asked.removeDate ? { removalDate: new Date(asked.removeDate).toISOString() } : {}),
        },
      ],
      additionalAttributes: asked.comment?.trim() ? { justification: asked.comment.trim() } : {},
      staticAttributes: { serviceName: 'AccessRequestService', requestedAppName: item.app },
      configTargets: [[item.type, item.id]],
    });
    const comment = asked.comment?.trim();
    if (comment) this.approvals.lifecycle.addComment(approvalId, caller.id, comment, this.approvals.clock.now());
    return approvalId;
  }
}
