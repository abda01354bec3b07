// Limits that are part of the API: the server refuses a request that breaks one (a 400 naming the parameter),
// and the page keeps its inputs within them so that it never sends such a request.

/** A collection call's `limit`: 0..250, as the spec's standard collection parameters say; 250 when not sent. */
export const PAGE_LIMIT_MAX = 250;

/** A forward's `comment`: at most this many characters. */
export const COMMENT_MAX_LENGTH = 4000;

/**
 * A collection call's `offset`: 0..2,147,483,647 (the spec's `int32`). A larger one is refused with a 400 that says
 * the bound, not passed to a store that cannot hold it.
 */
export const PAGE_OFFSET_MAX = 2_147_483_647;

/** An access-request approval's decision comment (approve, reject): at most this many characters. */
export const APPROVAL_COMMENT_MAX_LENGTH = 4000;

/** An access-request approval's forward comment: 1..255 characters (the spec's ForwardApprovalDto). */
export const APPROVAL_FORWARD_COMMENT_MAX_LENGTH = 255;
