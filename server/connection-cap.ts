// One client address may hold at most MAX_CONNECTIONS_PER_ADDRESS of this copy's connections: a client opening
// sockets by the thousand (and sending their headers slowly) once held all of MAX_CONNECTIONS, so that everyone
// else's connections were closed as they arrived. Over its share, an address's new connection is closed at once;
// other addresses are not affected. The load balancer's own addresses (TRUST_PROXY) are exempt: behind one, every
// connection comes from it, and it is the balancer that must limit each client (README, Deployment).
import type { Server } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';
import type { ServerConfig } from './config.ts';

/** Whether a connection from `address` comes through the trusted load balancer (TRUST_PROXY). */
function trustedProxy(trustProxy: ServerConfig['trustProxy']): (address: string) => boolean {
  if (trustProxy === false) return () => false;
  if (trustProxy === true) return () => true;
  const trusted = proxyAddr.compile(trustProxy.split(',').map((entry) => entry.trim()));
  return (address) => trusted(address, 0);
}

export function capConnectionsPerAddress(server: Server, max: number, trustProxy: ServerConfig['trustProxy']): void {
  const exempt = trustedProxy(trustProxy);
  const open = new Map<string, number>();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress;
    if (address === undefined || exempt(address)) return;
    const count = (open.get(address) ?? 0) + 1;
    if (count > max) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
