import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { llamaModelFile } from './llama-model-file';
import { BUILTIN_TRAINING, trainModel } from './train-model';
import { readCorpus, type TrainingDocument } from './training-data';

/** The id the built-in model is served under. */
export const BUILTIN_MODEL_ID = 'prompt-complete-bigram';

// Bump when the builder changes what it writes, so stale model files get rebuilt.
const BUILDER_VERSION = 1;

/** Where the built-in model's inputs and output live, relative to the server's folder. */
export interface BuiltinModelPaths {
  readonly corpusDir: string;
  readonly modelPath: string;
  readonly stampPath: string;
}

/** The corpus (committed) and model file (git-ignored) locations under `serverDir`. */
export function builtinModelPaths(serverDir: string): BuiltinModelPaths {
  const modelPath = path.join(serverDir, 'models', `${BUILTIN_MODEL_ID}.gguf`);
  return { corpusDir: path.join(serverDir, 'corpus'), modelPath, stampPath: `${modelPath}.source` };
}

/** The GGUF bytes of the built-in model trained on these documents. */
export function buildModelFile(documents: readonly TrainingDocument[]): Buffer {
  return llamaModelFile(trainModel(documents, BUILTIN_TRAINING), BUILTIN_MODEL_ID);
}

/** Result of making sure the model file is current. */
export interface EnsuredModel {
  readonly modelPath: string;
  /** Milliseconds spent building, or undefined when the file was already current. */
  readonly buildMs: number | undefined;
}

/**
 * Builds the model file unless one built from the same corpus and builder is already there.
 * Files are written under a temporary name and renamed, so two processes building at once
 * both end with a complete (identical) file.
 */
export function ensureBuiltinModel(paths: BuiltinModelPaths): EnsuredModel {
  const documents = readCorpus(paths.corpusDir);
  const source = sourceFingerprint(documents);
  if (fs.existsSync(paths.modelPath) && readIfExists(paths.stampPath) === source) {
    return { modelPath: paths.modelPath, buildMs: undefined };
  }
  const started = performance.now();
  fs.mkdirSync(path.dirname(paths.modelPath), { recursive: true });
  writeAtomically(paths.modelPath, buildModelFile(documents));
  writeAtomically(paths.stampPath, Buffer.from(source));
  return { modelPath: paths.modelPath, buildMs: performance.now() - started };
}

function sourceFingerprint(documents: readonly TrainingDocument[]): string {
  const hash = createHash('sha256').update(`builder ${BUILDER_VERSION} ${JSON.stringify(BUILTIN_TRAINING)}\n`);
  for (const document of documents) hash.update(`${document.name}\0${document.text}\0`);
  return hash.digest('hex');
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function writeAtomically(file: string, bytes: Buffer): void {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
