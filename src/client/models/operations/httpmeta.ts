/** What was sent and what came back, minus bodies and request headers (which carry the key). */
export interface HttpMeta {
  request: { method: string; url: string };
  response: { status: number; headers: Record<string, string | string[]> };
}
