// The on-the-fly compression settings the benchmark weighs against each other for a 250-item JSON page.
import { constants as zlib } from 'node:zlib';
import type { FastifyCompressOptions } from '@fastify/compress';

export interface CompressionCandidate {
  label: string;
  /** What the client asks for. */
  acceptEncoding: string;
  /** @fastify/compress's options; none = the body goes out as it is. */
  compress?: FastifyCompressOptions;
}

/** @fastify/compress streams bodies over its syncThreshold (8 KB on 2 cores) through zlib's thread pool. */
const STREAMED = undefined;
/** Raised over the page's size: the body is compressed in one call on the event loop. */
const ONE_CALL = 1024 * 1024;

const brotli = (quality: number, syncThreshold: number | undefined): FastifyCompressOptions => ({
  encodings: ['br'],
  brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: quality } },
  syncThreshold,
});
const gzip = (level: number, syncThreshold: number | undefined): FastifyCompressOptions => ({
  encodings: ['gzip'],
  zlibOptions: { level },
  syncThreshold,
});

/** The server's setting before this comparison first, then the others; server/app.ts uses "brotli quality 1, in one call". */
export const CANDIDATES: CompressionCandidate[] = [
  { label: 'brotli quality 4, streamed', acceptEncoding: 'br', compress: brotli(4, STREAMED) },
  { label: 'brotli quality 4, in one call', acceptEncoding: 'br', compress: brotli(4, ONE_CALL) },
  { label: 'gzip level 1, streamed', acceptEncoding: 'gzip', compress: gzip(1, STREAMED) },
  { label: 'gzip level 1, in one call', acceptEncoding: 'gzip', compress: gzip(1, ONE_CALL) },
  { label: 'brotli quality 1, in one call', acceptEncoding: 'br', compress: brotli(1, ONE_CALL) },
  { label: 'none', acceptEncoding: 'identity' },
];
