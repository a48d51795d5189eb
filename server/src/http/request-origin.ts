import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { ApiError } from '../api-error';

/**
 * Whether a request may come from where it says it does. The server has no key by default, so a web
 * page in the user's browser must not be able to drive it: through DNS rebinding (a page's own name
 * resolving to 127.0.0.1 arrives with that name as `Host`) or as a cross-site request (its `Origin`).
 * Allowed: loopback names (`localhost`, `127.x.x.x`, `[::1]`) and the host the server was told to
 * listen on; listening on every address (`0.0.0.0`, `::`) also allows any IP address, which no
 * rebinding page can use as its name.
 */
export function checkRequestOrigin(request: IncomingMessage, listenHost: string): void {
  const host = request.headers.host;
  if (host !== undefined && !isAllowedHost(hostnameOf(host), listenHost)) {
    throw new ApiError(403, `Requests for host "${host.slice(0, 100)}" are not served here: only this machine's loopback names and the address the server listens on.`, null, 'host_not_allowed');
  }
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== 'null' && !isAllowedHost(originHostname(origin), listenHost)) {
    throw new ApiError(403, 'Requests from web pages of other sites are not served here.', null, 'origin_not_allowed');
  }
}

/** Only JSON bodies: a form or `text/plain` POST is what a web page can send without asking first. */
export function checkJsonContentType(request: IncomingMessage): void {
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/json' || /^application\/[a-z0-9.+-]*\+json$/.test(type)) return;
  throw new ApiError(415, `The request body must be JSON, sent with "Content-Type: application/json"${type ? ` (got "${type.slice(0, 100)}")` : ''}.`, null, 'unsupported_media_type');
}

function isAllowedHost(hostname: string, listenHost: string): boolean {
  const listen = bare(listenHost.toLowerCase());
  if (hostname === 'localhost' || hostname === '::1' || hostname === listen) return true;
  if (isIP(hostname) === 4 && hostname.startsWith('127.')) return true;
  return (listen === '0.0.0.0' || listen === '::' || listen === '') && isIP(hostname) !== 0;
}

/** `Host` without its port, lowercased, IPv6 brackets removed. */
function hostnameOf(host: string): string {
  const value = host.trim().toLowerCase();
  if (value.startsWith('[')) return value.slice(1, value.indexOf(']') === -1 ? undefined : value.indexOf(']'));
  const colon = value.indexOf(':');
  return (colon === -1 ? value : value.slice(0, colon)).replace(/\.$/, '');
}

function originHostname(origin: string): string {
  try {
    return bare(new URL(origin).hostname.toLowerCase());
  } catch {
    return '';
  }
}

function bare(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}
