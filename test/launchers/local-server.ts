import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../support/paths';
import { startGroupProcess, type GroupProcess } from './processes';

/** The project's local completion server (llama.cpp on the built-in model), started for a test run. */
export interface LocalServer {
  /** `http://127.0.0.1:PORT/v1` */
  readonly baseUrl: string;
  readonly process: GroupProcess;
  stop(): Promise<void>;
}

const entry = path.join(repoRoot, 'server', 'dist', 'main.mjs');

/** Starts `node server/dist/main.mjs --port 0` and resolves with its URL once it says it listens. */
export async function startLocalServer(timeoutMs = 120_000): Promise<LocalServer> {
  if (!fs.existsSync(entry)) throw new Error(`${path.relative(repoRoot, entry)} is missing (is server/src/main.ts built?)`);
  const server = startGroupProcess(process.execPath, [entry, '--port', '0'], { name: 'local-server', cwd: repoRoot });
  try {
    const match = await server.waitForOutput(/listening on (http:\/\/127\.0\.0\.1:\d+\/v1)/, timeoutMs);
    return { baseUrl: match[1], process: server, stop: () => server.stop() };
  } catch (err) {
    await server.stop();
    throw err;
  }
}
