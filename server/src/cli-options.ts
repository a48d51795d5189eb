/** Settings given on the command line. */
export interface CliOptions {
  readonly port: number;
  readonly host: string;
  /** A GGUF model to serve instead of the built-in one. */
  readonly modelPath: string | undefined;
  /** The id to serve the model under (default: the file name without `.gguf`). */
  readonly modelId: string | undefined;
  readonly apiKey: string | undefined;
  readonly contextSize: number | undefined;
  readonly threads: number;
  /** Only build the built-in model (if it is missing or stale), then exit. */
  readonly buildModelOnly: boolean;
  readonly help: boolean;
}

export const DEFAULT_PORT = 8012;

export const USAGE = `Usage: npm run serve -- [options]

Serves an OpenAI-style legacy Completions API (POST /v1/completions, GET /v1/models, GET /health).

Options:
  --port N          port to listen on (default ${DEFAULT_PORT}; 0 picks a free port)
  --host ADDRESS    address to listen on (default 127.0.0.1)
  --model FILE      serve this GGUF model instead of the built-in bigram model
  --model-id ID     id to serve the model under (default: the file name without .gguf)
  --api-key KEY     require "Authorization: Bearer KEY" on every /v1 request
  --ctx-size N      context size in tokens (default: the model's, at most 8192)
  --threads N       CPU threads for llama.cpp (default 1)
  --build-model     only build the built-in model (when missing or stale), then exit
  -h, --help        show this help`;

/** Thrown for a command line that cannot be used; the message says why. */
export class CliUsageError extends Error {}

/** Parses `--flag value` / `--flag=value` arguments. */
export function parseCliOptions(args: readonly string[]): CliOptions {
  const values = new Map<string, string>();
  let help = false;
  let buildModelOnly = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-h' || arg === '--help') {
      help = true;
      continue;
    }
    if (arg === '--build-model') {
      buildModelOnly = true;
      continue;
    }
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (!match || !KNOWN_FLAGS.has(match[1])) throw new CliUsageError(`unknown argument: ${arg}`);
    const value = match[2] ?? args[++i];
    if (value === undefined) throw new CliUsageError(`--${match[1]} needs a value`);
    values.set(match[1], value);
  }
  return {
    port: integerFlag(values, 'port', 0, 65535) ?? DEFAULT_PORT,
    host: values.get('host') ?? '127.0.0.1',
    modelPath: values.get('model'),
    modelId: nonEmpty(values, 'model-id'),
    apiKey: nonEmpty(values, 'api-key'),
    contextSize: integerFlag(values, 'ctx-size', 16, 1 << 20),
    threads: integerFlag(values, 'threads', 1, 256) ?? 1,
    buildModelOnly,
    help,
  };
}

const KNOWN_FLAGS = new Set(['port', 'host', 'model', 'model-id', 'api-key', 'ctx-size', 'threads']);

function integerFlag(values: ReadonlyMap<string, string>, name: string, min: number, max: number): number | undefined {
  const text = values.get(name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) throw new CliUsageError(`--${name} must be a whole number from ${min} to ${max}, not "${text}"`);
  return value;
}

function nonEmpty(values: ReadonlyMap<string, string>, name: string): string | undefined {
  const value = values.get(name);
  if (value === '') throw new CliUsageError(`--${name} must not be empty`);
  return value;
}
