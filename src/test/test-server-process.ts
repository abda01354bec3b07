// Runs in a child Node process (not in jsdom): the real server with its sandbox, for the app's hook tests.
// Talks to the parent over IPC: `ready` with the URL, one `request` per answered HTTP request, `pong` on `ping`.
import { startTestServer } from '../../server/test/server.ts';

const env = JSON.parse(process.env.TEST_SERVER_ENV ?? '{}') as Record<string, string>;
const send = (message: unknown) => process.send?.(message);

const server = await startTestServer(env, { onResponse: (request) => send({ type: 'request', request }) });
process.on('message', (message: { type?: string; id?: number }) => {
  if (message?.type === 'ping') send({ type: 'pong', id: message.id });
  if (message?.type === 'close') void server.close().then(() => process.exit(0));
});
process.on('disconnect', () => void server.close().then(() => process.exit(0)));
send({ type: 'ready', url: server.url });
