import * as path from 'node:path';
import { tokenDisplayText } from '../../server/src/engine/token-text';
import { builtinModelPaths } from '../../server/src/model/builtin-model';
import { trainModel, type TrainedModel } from '../../server/src/model/train-model';
import { readCorpus } from '../../server/src/model/training-data';
import { repoRoot } from '../support/paths';

/** The built-in model as its builder trained it: the numbers the server must reproduce. */
export function trainBuiltinModel(): TrainedModel {
  return trainModel(readCorpus(builtinModelPaths(path.join(repoRoot, 'server')).corpusDir));
}

/** The token as the server shows it: its text, or `bytes:\xNN` when it is not whole UTF-8. */
export function tokenText(model: TrainedModel, token: number): string {
  return tokenDisplayText(model.tokenizer.decode([token]));
}

/** The most likely next token after `prev` as llama.cpp sees it (f32 weights; lowest id on ties). */
export function greedyNext(model: TrainedModel, prev: number): number {
  const row = model.bigrams.logProbabilityRow(prev).map(Math.fround);
  let best = 0;
  for (let token = 1; token < row.length; token++) if (row[token] > row[best]) best = token;
  return best;
}

/** The greedy continuation of `tokens` for `count` steps (stopping at end of text). */
export function greedyContinuation(model: TrainedModel, tokens: readonly number[], count: number): number[] {
  const out: number[] = [];
  let prev = tokens[tokens.length - 1];
  for (let i = 0; i < count; i++) {
    prev = greedyNext(model, prev);
    if (prev === model.special.endOfText) break;
    out.push(prev);
  }
  return out;
}

/** Tokens of a prompt as the server reads it: the start token, then the text. */
export function promptTokens(model: TrainedModel, text: string): number[] {
  return [model.special.startOfText, ...model.tokenizer.encode(text)];
}
