import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { builtinModelPaths } from '../../server/src/model/builtin-model';
import { repoRoot } from '../support/paths';
import { trainBuiltinModel } from './bigram-expectations';
import { postCompletion, runServerCli, startLocalServer, type LocalServer } from './local-server';

/** Polls `condition` until it holds or `timeoutMs` passes. */
async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('local server: process, models and queueing', function () {
  let server: LocalServer;
  let neverEnd: Record<number, number>;

  before(async function () {
    // Long generations must not end early by sampling the end-of-text token.
    neverEnd = { [trainBuiltinModel().special.endOfText]: -100 };
    server = await startLocalServer();
  });
  after(async () => server?.stop());

  it('lists the built-in model at GET /v1/models', async () => {
    const response = await fetch(`${server.baseUrl}/models`);
    const body = (await response.json()) as any;
    assert.equal(body.object, 'list');
    assert.deepEqual(body.data.map((m: any) => m.id), ['prompt-complete-bigram']);
    assert.equal(server.modelId, 'prompt-complete-bigram');
  });

  it('answers concurrent requests each with its own completion', async () => {
    const prompts = ['import ', 'class ', 'def ', 'const '];
    const alone = [];
    for (const prompt of prompts) alone.push((await postCompletion(server.baseUrl, { model: server.modelId, prompt, max_tokens: 20, temperature: 0 })).body.choices[0].text);
    const together = await Promise.all(prompts.map((prompt) => postCompletion(server.baseUrl, { model: server.modelId, prompt, max_tokens: 20, temperature: 0 })));
    assert.deepEqual(together.map((r) => r.body.choices[0].text), alone);
  });

  it('makes a request wait until the generation before it has finished', async () => {
    const events: string[] = [];
    const first = fetch(`${server.baseUrl}/completions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: server.modelId, prompt: 'x', max_tokens: 2000, temperature: 1, seed: 3, stream: true, logit_bias: neverEnd }),
    }).then(async (response) => {
      const reader = response.body!.getReader();
      let firstChunk = true;
      for (;;) {
        const { done } = await reader.read();
        if (done) break;
        if (firstChunk) events.push('first started');
        firstChunk = false;
      }
      events.push('first done');
    });
    await waitFor(() => events.includes('first started'), 10000, 'the first stream to start');
    await postCompletion(server.baseUrl, { model: server.modelId, prompt: 'y', max_tokens: 1 }).then(() => events.push('second done'));
    await first;
    assert.deepEqual(events, ['first started', 'first done', 'second done']);
  });

  it('stops generating when the client disconnects mid-stream', async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.baseUrl}/completions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: server.modelId, prompt: 'x', max_tokens: 4000, temperature: 1, seed: 4, stream: true, logit_bias: neverEnd }),
      signal: controller.signal,
    });
    await response.body!.getReader().read();
    controller.abort();
    await waitFor(() => server.output().includes('cancelled: the client disconnected'), 10000, 'the server to report the cancellation');
    const next = await postCompletion(server.baseUrl, { model: server.modelId, prompt: 'y', max_tokens: 1 });
    assert.equal(next.status, 200);
  });
});

describe('local server: command line', function () {
  it('serves a GGUF given with --model under its file name', async () => {
    const builtin = builtinModelPaths(path.join(repoRoot, 'server')).modelPath;
    const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'pc-model-'));
    const modelFile = path.join(dir, 'my-coder.gguf');
    await fs.promises.copyFile(builtin, modelFile);
    const server = await startLocalServer(['--model', modelFile]);
    try {
      assert.equal(server.modelId, 'my-coder');
      const models = (await (await fetch(`${server.baseUrl}/models`)).json()) as any;
      assert.deepEqual(models.data.map((m: any) => m.id), ['my-coder']);
      const { status, body } = await postCompletion(server.baseUrl, { model: 'my-coder', prompt: 'import ', max_tokens: 3 });
      assert.equal(status, 200);
      assert.equal(body.model, 'my-coder');
    } finally {
      await server.stop();
      await fs.promises.rm(dir, { recursive: true, force: true });
    }
  });

  it('exits with status 0 on SIGTERM', async () => {
    const server = await startLocalServer();
    const exited = new Promise<number | null>((resolve) => server.process.once('exit', (code) => resolve(code)));
    server.process.kill('SIGTERM');
    assert.equal(await exited, 0);
  });

  it('exits with status 2 and the usage for an unknown flag', async () => {
    const { code, output } = await runServerCli(['--no-such-flag']);
    assert.equal(code, 2);
    assert.match(output, /unknown argument: --no-such-flag/);
    assert.match(output, /Usage:/);
  });

  it('exits with status 2 for a port that is not a number', async () => {
    const { code, output } = await runServerCli(['--port', 'eighty']);
    assert.equal(code, 2);
    assert.match(output, /--port must be a whole number/);
  });

  it('exits with status 1 when the model file does not exist', async () => {
    const { code, output } = await runServerCli(['--port', '0', '--model', path.join(os.tmpdir(), 'missing-model.gguf')]);
    assert.equal(code, 1);
    assert.match(output, /model file not found/);
  });
});
