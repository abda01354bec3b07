// JSON request bodies, read one way everywhere: the text's nesting is measured first (one pass, no recursion,
// nothing built), then Fastify's own parser (which guards against prototype poisoning) reads it. No body of this
// API nests deeper than a few levels; a megabyte of `[[[[…` costs JSON.parse, the poisoning scan and the schema's
// validation a recursion each, so it is refused with a 400 before any of them runs.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ApiProblem } from '../errors.ts';

/** How deeply a JSON body may nest objects and arrays (`{"a": [1]}` is 2). */
export const JSON_MAX_DEPTH = 32;

/** True when `text` opens more than `max` objects or arrays inside one another (strings are skipped). */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // a backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth -= 1;
    }
  }
  return false;
}

type Done = (error: Error | null, body?: unknown) => void;

/** Fastify's JSON parser behind the nesting check, for a scope that installs its own JSON parser. */
export function checkedJsonParser(app: FastifyInstance): (request: FastifyRequest, text: string, done: Done) => void {
  const parse = app.getDefaultJsonParser('error', 'error');
  return (request, text, done) => {
    if (nestsDeeperThan(text, JSON_MAX_DEPTH)) {
      return done(
        new ApiProblem(400, `The JSON body nests deeper than ${JSON_MAX_DEPTH} levels of objects and arrays.`),
      );
    }
    parse(request, text, done);
  };
}

/** The server's JSON parser (every scope that does not install its own). */
export default fp(
  async function jsonBodies(app: FastifyInstance) {
    const parse = checkedJsonParser(app);
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) =>
      parse(request, body.toString(), done),
    );
  },
  { name: 'json-bodies' },
);
