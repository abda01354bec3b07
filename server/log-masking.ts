// What the request log may show of a URL: the path, and each query parameter's name, with the value of every
// parameter whose name looks like a secret masked. By pattern rather than by a list of names: a client may send
// its secret, a code or a token in the query string under any of the names ISC and OAuth use (client_secret,
// refresh_token, id_token, client_assertion, password, apikey, …), and a list misses the next one. Header values
// are never logged at all (the request serializer writes the method and this URL only).

/** A parameter (or header) name that may carry a secret. */
export const SECRET_NAME = /token|secret|password|passwd|code|key|assertion|credential|signature/i;

function decodedName(raw: string): string {
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    return raw;
  }
}

/** `url` with the value of every secret-looking query parameter replaced by `[redacted]`. */
export function maskUrl(url: string): string {
  const q = url.indexOf('?');
  if (q === -1) return url;
  const masked = url
    .slice(q + 1)
    .split('&')
    .map((part) => {
      const eq = part.indexOf('=');
      const name = eq === -1 ? part : part.slice(0, eq);
      return eq !== -1 && SECRET_NAME.test(decodedName(name)) ? `${name}=[redacted]` : part;
    })
    .join('&');
  return `${url.slice(0, q + 1)}${masked}`;
}
