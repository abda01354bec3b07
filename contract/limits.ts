// Limits that are part of the API: the server refuses a request that breaks one (a 400 naming the parameter),
// and the page keeps its inputs within them so that it never sends such a request.

/** A collection call's `limit`: 0..250, as the spec's standard collection parameters say; 250 when not sent. */
export const PAGE_LIMIT_MAX = 250;

/** A forward's `comment`: at most this many characters. */
export const COMMENT_MAX_LENGTH = 4000;
