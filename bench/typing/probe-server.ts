import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The active editor's state as the probe extension reported it. */
export interface EditorState {
  seq: number;
  /** When the extension host read it (Date.now, the same clock as the bench's). */
  at: number;
  reason: string;
  /** The document's file name. */
  file: string;
  version: number;
  text: string;
  /** The cursor (the selection's active end) as an offset into `text`. */
  offset: number;
  anchor: number;
}

/** Receives the probe extension's reports; the typist reads the editor through it. */
export interface ProbeServer {
  /** The URL to set as `benchProbe.url`. */
  readonly url: string;
  /** The latest state, if any arrived. */
  latest(): EditorState | undefined;
  /**
   * The first state newer than `afterSeq` for `file` (the latest one when several arrived), or the
   * latest one when none arrives within `timeoutMs`.
   */
  next(afterSeq: number, file: string | undefined, timeoutMs: number): Promise<EditorState | undefined>;
  /**
   * The state once the document or the cursor has changed from `from` (a key's effect), the latest one
   * when several arrived; the latest one as it is when nothing changes within `timeoutMs`.
   */
  changedFrom(from: EditorState, timeoutMs: number): Promise<EditorState>;
  /** Every state received since the last call, in order; clears the record. */
  takeHistory(): EditorState[];
  close(): Promise<void>;
}

export async function startProbeServer(): Promise<ProbeServer> {
  let latest: EditorState | undefined;
  let history: EditorState[] = [];
  const waiters = new Set<() => void>();
  const server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      try {
        const state = JSON.parse(Buffer.concat(parts).toString('utf8')) as EditorState;
        if (!latest || state.seq > latest.seq) latest = state;
        history.push(state);
        for (const wake of waiters) wake();
      } catch {
        // A malformed report is dropped; the next one carries the whole state again.
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/probe`,
    latest: () => latest,
    next: (afterSeq, file, timeoutMs) => new Promise((resolve) => {
      const fresh = () => latest && latest.seq > afterSeq && (file === undefined || latest.file === file);
      if (fresh()) {
        resolve(latest);
        return;
      }
      const done = () => {
        clearTimeout(timer);
        waiters.delete(check);
        resolve(latest);
      };
      const check = () => {
        if (fresh()) done();
      };
      const timer = setTimeout(done, timeoutMs);
      waiters.add(check);
    }),
    changedFrom: (from, timeoutMs) => new Promise((resolve) => {
      const changed = () => latest !== undefined && latest.seq > from.seq && latest.file === from.file
        && (latest.version !== from.version || latest.offset !== from.offset || latest.anchor !== from.anchor);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(check);
        resolve(latest ?? from);
      };
      const check = () => {
        if (changed()) done();
      };
      const timer = setTimeout(done, timeoutMs);
      waiters.add(check);
      check();
    }),
    takeHistory: () => {
      const taken = history;
      history = [];
      return taken;
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
