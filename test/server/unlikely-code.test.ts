import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Gpt } from '../../src/client';
import { checkUnlikelyCode } from '../../src/engine/unlikely-code';
import type { TrainedModel } from '../../server/src/model/train-model';
import { repoRoot } from '../support/paths';
import { tokenText, trainBuiltinModel } from './bigram-expectations';
import { startLocalServer, type LocalServer } from './local-server';

// A file the model never trained on, with one slip: `retrun`.
const SOURCE = fs.readFileSync(path.join(repoRoot, 'bench', 'typing', 'files', 'inventory.py'), 'utf8');
const TEXT = SOURCE.replace('return', 'retrun');
const THRESHOLD = 0.0001;

/** The marks the bigram table itself gives TEXT: every token after the first below the threshold, whitespace left out. */
function expectedMarks(model: TrainedModel, text: string): { text: string; offset: number; probability: number }[] {
  const tokens = model.tokenizer.encode(text);
  const marks: { text: string; offset: number; probability: number }[] = [];
  let offset = tokenText(model, tokens[0]!).length;
  for (let i = 1; i < tokens.length; i++) {
    const piece = tokenText(model, tokens[i]!);
    const probability = Math.exp(model.bigrams.logProbability(tokens[i - 1]!, tokens[i]!));
    if (probability < THRESHOLD && piece.trim() !== '') marks.push({ text: piece, offset, probability });
    offset += piece.length;
  }
  return marks;
}

describe('local server: Check Unlikely Code', function () {
  let server: LocalServer;
  let gpt: Gpt;
  let model: TrainedModel;

  before(async function () {
    model = trainBuiltinModel();
    server = await startLocalServer();
    gpt = new Gpt({ serverURL: server.baseUrl });
  });
  after(async () => {
    await gpt?.close();
    await server?.stop();
  });

  it('marks exactly the tokens the model gives less than the threshold, with its own probabilities', async () => {
    const report = await checkUnlikelyCode(gpt, { text: TEXT, model: server.modelId, threshold: THRESHOLD, windowChars: 100_000, contextChars: 1000 });
    const expected = expectedMarks(model, TEXT);
    assert.deepEqual(report.marks.map((m) => [m.text, m.offset]), expected.map((m) => [m.text, m.offset]));
    report.marks.forEach((mark, i) => assert.ok(Math.abs(mark.probability - expected[i]!.probability) < 1e-9 + expected[i]!.probability * 1e-4, mark.text));
  });

  it('marks the slip', async () => {
    const report = await checkUnlikelyCode(gpt, { text: TEXT, model: server.modelId, threshold: THRESHOLD, windowChars: 100_000, contextChars: 1000 });
    const slip = TEXT.indexOf('retrun');
    assert.ok(report.marks.some((m) => m.offset >= slip && m.offset < slip + 'retrun'.length), JSON.stringify(report.marks.map((m) => m.text)));
  });

  it('gives the same marks window by window as in one request', async () => {
    const whole = await checkUnlikelyCode(gpt, { text: TEXT, model: server.modelId, threshold: THRESHOLD, windowChars: 100_000, contextChars: 1000 });
    const windowed = await checkUnlikelyCode(gpt, { text: TEXT, model: server.modelId, threshold: THRESHOLD, windowChars: 400, contextChars: 100 });
    assert.ok(windowed.requests > 3, `${windowed.requests} requests`);
    assert.deepEqual(windowed.marks.map((m) => [m.text, m.offset]), whole.marks.map((m) => [m.text, m.offset]));
    assert.ok(windowed.promptTokens > whole.promptTokens, 'the context of each window is paid for again');
  });
});
