/** True when `hostname` names this machine (a loopback address or localhost). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  if (/^::ffff:127\./.test(host)) return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Whether an API key may travel to `serverUrl`: over https, to this machine, or over plain http
 * elsewhere only when the user has allowed it.
 */
export function mayCarryKey(serverUrl: string, allowInsecure: boolean): boolean {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  return allowInsecure || isLoopbackHost(url.hostname);
}

/** Raised, where the request is sent, instead of sending the API key over plain http to another machine. */
export class InsecureKeyError extends Error {
  override readonly name = 'InsecureKeyError';
  constructor(serverUrl: string) {
    super(`The API key is not sent over plain http to ${hostOf(serverUrl)}. Use https, or allow it with promptComplete.allowInsecureKey.`);
  }
}

function hostOf(serverUrl: string): string {
  try {
    return new URL(serverUrl).host;
  } catch {
    return serverUrl;
  }
}
