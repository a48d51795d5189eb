import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { runSuiteInCodeServer } from '../../test/launchers/code-server-suite';
import { createProfile } from '../../test/support/code-server';
import { repoRoot } from '../../test/support/paths';
import { PROVIDER_TIME_CONFIG_FILE, type ProviderTimeConfig, type ProviderTiming } from './provider-time-config';

/** What the instant server answers: a comment at the end of the cursor's line, which no filter drops. */
const INSTANT_ANSWER = '  # scaled copy';

/**
 * Runs out/bench/typing/provider-time.js in code-server's extension host against a server that answers
 * at once, and returns its per-call timings.
 */
export async function measureProviderTime(calls: number): Promise<ProviderTiming[]> {
  const server = await startInstantServer();
  const profile = createProfile();
  try {
    const config: ProviderTimeConfig = { serverUrl: server.baseUrl, resultsFile: path.join(profile.root, 'provider-time.json'), calls };
    fs.writeFileSync(path.join(profile.workspaceDir, PROVIDER_TIME_CONFIG_FILE), JSON.stringify(config));
    const exitCode = await runSuiteInCodeServer({
      profile,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out', 'bench', 'typing', 'provider-time.js'),
      timeoutMs: 240_000,
    });
    if (!fs.existsSync(config.resultsFile)) throw new Error(`the provider-time script exited with ${exitCode} and wrote no results`);
    return JSON.parse(fs.readFileSync(config.resultsFile, 'utf8')) as ProviderTiming[];
  } finally {
    profile.remove();
    await server.close();
  }
}

/** A Completions server that answers every request at once with the same short text. */
async function startInstantServer(): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const envelope = { id: 'cmpl-instant', object: 'text_completion', created: 0, model: 'oracle' };
  const server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(parts).toString('utf8') || '{}') as { stream?: boolean };
      if (body.stream) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(`data: ${JSON.stringify({ ...envelope, choices: [{ text: INSTANT_ANSWER, index: 0, logprobs: null, finish_reason: null }] })}\n\n`);
        res.write(`data: ${JSON.stringify({ ...envelope, choices: [{ text: '', index: 0, logprobs: null, finish_reason: 'stop' }] })}\n\n`);
        res.end('data: [DONE]\n\n');
      } else {
        const json = JSON.stringify({ ...envelope, choices: [{ text: INSTANT_ANSWER, index: 0, logprobs: null, finish_reason: 'stop' }] });
        res.writeHead(200, { 'content-type': 'application/json' }).end(json);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
