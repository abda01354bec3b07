// When a comment counts as written: the rule for "a comment is required" (to reject, to forward), in one place
// for the page and for every kind's routes on the server.

/**
 * Characters that show nothing: Unicode whitespace and separators (`\p{Z}`, and tabs and line breaks) and format
 * characters (`\p{Cf}`: zero-width spaces and joiners, direction marks, the byte-order mark). A comment made of
 * these alone says nothing.
 */
const INVISIBLE = /[\s\p{Z}\p{Cf}]/gu;

/** True when the comment has something a reader can see: not empty, not only whitespace or format characters. */
export function hasCommentText(comment: string | null | undefined): boolean {
  return typeof comment === 'string' && comment.replace(INVISIBLE, '') !== '';
}
