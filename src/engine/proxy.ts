import { isLoopbackHost } from './key-policy';

/** Proxy-related settings from VS Code (`http.*`) and the environment. */
export interface ProxySources {
  /** VS Code's `http.proxy`, empty when unset. */
  httpProxy: string;
  /** VS Code's `http.noProxy`. */
  noProxy: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * The proxy URL to reach `serverUrl` through, or undefined for a direct connection. VS Code's
 * `http.proxy` wins over HTTPS_PROXY/HTTP_PROXY; loopback and NO_PROXY / `http.noProxy` hosts are never proxied.
 */
export function chooseProxy(serverUrl: string, sources: ProxySources): string | undefined {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    return undefined;
  }
  if (isLoopbackHost(url.hostname)) return undefined;
  const env = sources.env;
  const fromEnv = url.protocol === 'https:' ? (env.HTTPS_PROXY ?? env.https_proxy ?? env.HTTP_PROXY ?? env.http_proxy) : (env.HTTP_PROXY ?? env.http_proxy);
  const proxy = sources.httpProxy.trim() || fromEnv?.trim();
  if (!proxy) return undefined;
  const bypass = [...sources.noProxy, ...(env.NO_PROXY ?? env.no_proxy ?? '').split(',')];
  if (bypass.some((pattern) => hostMatches(url, pattern.trim()))) return undefined;
  return proxy;
}

function hostMatches(url: URL, pattern: string): boolean {
  if (!pattern) return false;
  if (pattern === '*') return true;
  const [host, port] = pattern.toLowerCase().split(':');
  if (port && port !== (url.port || (url.protocol === 'https:' ? '443' : '80'))) return false;
  const name = url.hostname.toLowerCase();
  const bare = host.replace(/^\*?\./, '');
  return name === bare || name.endsWith(`.${bare}`);
}
