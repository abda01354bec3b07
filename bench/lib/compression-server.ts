// Run by bench/lib/compression.ts as a child process: one Fastify server per on-the-fly compression candidate, each
// with @fastify/compress set as that candidate says, all answering GET / with the same JSON body (a 250-item page
// the benchmark read from the sandbox), so the candidates differ in their compression and nothing else. Prints
// {"<candidate>": port, …} on one line once all listen.
import fs from 'node:fs';
import Fastify from 'fastify';
import compress from '@fastify/compress';
import { CANDIDATES } from './compression-candidates.ts';

const [bodyFile] = process.argv.slice(2);
const body = fs.readFileSync(bodyFile, 'utf8');
const ports: Record<string, number> = {};
for (const candidate of CANDIDATES) {
  const app = Fastify({ logger: false });
  if (candidate.compress) await app.register(compress, candidate.compress);
  app.get('/', (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  ports[candidate.label] = typeof address === 'object' && address ? address.port : 0;
}
console.log(JSON.stringify(ports));
