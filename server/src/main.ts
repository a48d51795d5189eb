// The local server's command line: builds the built-in model when needed, listens at once
// (answering 503 while the model loads), and prints the ready line once requests can be served.
import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { CliUsageError, parseCliOptions, USAGE, type CliOptions } from './cli-options';
import { loadLlamaModel } from './engine/llama-model';
import { createCompletionServer } from './http/create-server';
import { BUILTIN_MODEL_ID, builtinModelPaths, ensureBuiltinModel } from './model/builtin-model';

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseCliOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    process.stderr.write(`Error: ${error.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  // This file runs as server/dist/main.mjs; the corpus and models live beside dist/.
  const serverDir = path.resolve(path.dirname(process.argv[1]), '..');
  if (options.buildModelOnly) {
    process.stdout.write(`${resolveModel({ ...options, modelPath: undefined }, serverDir).modelPath}\n`);
    return;
  }
  const { modelPath, modelId } = resolveModel(options, serverDir);

  const model = loadLlamaModel({ modelPath, id: modelId, contextSize: options.contextSize, threads: options.threads });
  model.catch(() => {}); // reported below, once the server is listening
  const server = createCompletionServer({
    modelId,
    model,
    apiKey: options.apiKey,
    listenHost: options.host,
    log: (message) => process.stderr.write(`${message}\n`),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  }).catch((error: NodeJS.ErrnoException) => fail(`cannot listen on ${options.host}:${options.port}: ${error.message}`));

  const loaded = await model.catch((error: Error) => fail(`cannot load the model ${modelPath}: ${error.message}`));
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  process.stdout.write(`Prompt Complete local server listening on http://${host}:${port}/v1 (model: ${modelId})\n`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    const forced = setTimeout(() => process.exit(0), 2000);
    loaded.dispose().finally(() => {
      clearTimeout(forced);
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function resolveModel(options: CliOptions, serverDir: string): { modelPath: string; modelId: string } {
  if (options.modelPath !== undefined) {
    const modelPath = path.resolve(options.modelPath);
    if (!fs.existsSync(modelPath)) fail(`model file not found: ${modelPath}`);
    return { modelPath, modelId: options.modelId ?? path.basename(modelPath).replace(/\.gguf$/i, '') };
  }
  const paths = builtinModelPaths(serverDir);
  if (!fs.existsSync(paths.corpusDir)) fail(`the built-in model's corpus is missing: ${paths.corpusDir}`);
  const ensured = ensureBuiltinModel(paths);
  if (ensured.buildMs !== undefined) {
    const megabytes = (fs.statSync(ensured.modelPath).size / 1e6).toFixed(1);
    process.stdout.write(`Built the built-in model (${megabytes} MB) in ${Math.round(ensured.buildMs)} ms: ${ensured.modelPath}\n`);
  }
  return { modelPath: ensured.modelPath, modelId: options.modelId ?? BUILTIN_MODEL_ID };
}

function fail(message: string): never {
  process.stderr.write(`Error: ${message}\n`);
  process.exit(1);
}

main().catch((error: unknown) => fail((error as Error)?.stack ?? String(error)));
