import type { ServerConfig } from '../config.ts';
import { TenantUnreachable, type DemoIdentitySignIn, type Transport } from './tenant-gateway.ts';
import { ApiProblem } from '../errors.ts';

/** A real tenant at SAIL_BASE_URL, over HTTP; no call waits longer than PROXY_TIMEOUT_MS. */
export function httpTransport(config: Pick<ServerConfig, 'sailBaseUrl' | 'proxyTimeoutMs'>): Transport {
  const base = config.sailBaseUrl;
  if (!base) throw new Error('an HTTP tenant gateway needs SAIL_BASE_URL');
  return async (call) => {
    const url = new URL(call.path, base).toString();
    const timeoutMs = Math.min(call.timeoutMs ?? config.proxyTimeoutMs, config.proxyTimeoutMs);
    try {
      const response = await fetch(url, {
        method: call.method,
        headers: call.headers,
        body: call.body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      return {
        status: response.status,
        text: await response.text(),
        retryAfter: response.headers.get('retry-after') ?? undefined,
      };
    } catch (error) {
      const name = (error as Error).name;
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      throw new TenantUnreachable(url, timedOut ? timeoutMs : undefined, { cause: error });
    }
  };
}

/** A real tenant has no demo identities. */
export const noDemoIdentities: DemoIdentitySignIn = () => {
  throw new ApiProblem(400, 'Signing in by identity is only possible in the sandbox: use a personal access token.');
};
