import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NEVER_LOGIT } from '../../server/src/model/bigram';
import { buildModelFile, builtinModelPaths, ensureBuiltinModel } from '../../server/src/model/builtin-model';
import type { TrainedModel } from '../../server/src/model/train-model';
import { cutFimExamples, readCorpus } from '../../server/src/model/training-data';
import { repoRoot } from '../support/paths';
import { trainBuiltinModel } from './bigram-expectations';

describe('built-in model builder', function () {
  let model: TrainedModel;
  before(() => {
    model = trainBuiltinModel();
  });

  it('has the 256 byte tokens, the learned pieces and five special tokens', () => {
    assert.equal(model.tokenTexts.length, 256 + 763 + 5);
    assert.deepEqual(
      [model.special.endOfText, model.special.startOfText, model.special.fimPrefix, model.special.fimSuffix, model.special.fimMiddle].map((id) => model.tokenTexts[id]),
      ['<|endoftext|>', '<|startoftext|>', '<|fim_prefix|>', '<|fim_suffix|>', '<|fim_middle|>'],
    );
  });

  it('tokenizes any text, including characters it never saw, back to the same bytes', () => {
    const text = 'const größe = "日本語 🎉";\n\ttab\r\n';
    const tokens = model.tokenizer.encode(text);
    assert.deepEqual(Buffer.from(model.tokenizer.decode(tokens)), Buffer.from(text, 'utf8'));
  });

  it('makes every row of the bigram table a probability distribution', () => {
    for (const prev of [0, 10, 300, model.special.startOfText, model.special.fimMiddle]) {
      const row = model.bigrams.logProbabilityRow(prev);
      const total = row.reduce((sum, logprob) => sum + Math.exp(logprob), 0);
      assert.ok(Math.abs(total - 1) < 1e-9, `row ${prev} sums to ${total}`);
    }
  });

  it('never predicts the start-of-text or FIM marker tokens', () => {
    for (const never of [model.special.startOfText, model.special.fimPrefix, model.special.fimSuffix, model.special.fimMiddle]) {
      assert.equal(model.bigrams.logProbability(10, never), NEVER_LOGIT);
    }
  });

  it('cuts FIM examples whose middle is the rest of one line', () => {
    const [document] = readCorpus(builtinModelPaths(path.join(repoRoot, 'server')).corpusDir);
    for (const example of cutFimExamples(document, 0, 10)) {
      assert.equal(example.prefix + example.middle + example.suffix, document.text);
      assert.ok(!example.middle.includes('\n') && example.middle.length > 0);
      assert.ok(example.suffix === '' || example.suffix.startsWith('\n'));
    }
  });

  it('writes a GGUF v3 file with the model\'s tensors and metadata', () => {
    const bytes = buildModelFile(readCorpus(builtinModelPaths(path.join(repoRoot, 'server')).corpusDir));
    assert.equal(bytes.subarray(0, 4).toString('ascii'), 'GGUF');
    assert.equal(bytes.readUInt32LE(4), 3);
    assert.equal(bytes.readBigUInt64LE(8), 12n);
    assert.ok(bytes.includes(Buffer.from('tokenizer.ggml.fim_mid_token_id')));
  });

  it('builds byte-identical files from the same corpus', () => {
    const documents = readCorpus(builtinModelPaths(path.join(repoRoot, 'server')).corpusDir);
    assert.ok(buildModelFile(documents).equals(buildModelFile(documents)));
  });

  it('builds once and reuses the file until the corpus changes', async () => {
    const serverDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'pc-builder-'));
    try {
      const paths = builtinModelPaths(serverDir);
      await fs.promises.mkdir(paths.corpusDir);
      await fs.promises.writeFile(path.join(paths.corpusDir, 'a.py'), 'def f(x):\n    return x + 1\n'.repeat(20));
      assert.notEqual(ensureBuiltinModel(paths).buildMs, undefined);
      assert.equal(ensureBuiltinModel(paths).buildMs, undefined);
      await fs.promises.writeFile(path.join(paths.corpusDir, 'b.py'), 'print("hello")\n');
      assert.notEqual(ensureBuiltinModel(paths).buildMs, undefined);
    } finally {
      await fs.promises.rm(serverDir, { recursive: true, force: true });
    }
  });

  it('leaves one complete file when two processes build at once', async () => {
    const serverDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'pc-builder-'));
    try {
      await fs.promises.cp(path.join(repoRoot, 'server', 'corpus'), path.join(serverDir, 'corpus'), { recursive: true });
      await fs.promises.mkdir(path.join(serverDir, 'dist'));
      const main = path.join(serverDir, 'dist', 'main.mjs');
      await fs.promises.copyFile(path.join(repoRoot, 'server', 'dist', 'main.mjs'), main);
      const build = () => new Promise<number | null>((resolve) => spawn(process.execPath, [main, '--build-model'], { stdio: 'ignore' }).once('exit', resolve));
      assert.deepEqual(await Promise.all([build(), build()]), [0, 0]);
      const paths = builtinModelPaths(serverDir);
      const expected = buildModelFile(readCorpus(paths.corpusDir));
      assert.ok((await fs.promises.readFile(paths.modelPath)).equals(expected));
      assert.deepEqual((await fs.promises.readdir(path.dirname(paths.modelPath))).filter((f) => f.endsWith('.tmp')), []);
    } finally {
      await fs.promises.rm(serverDir, { recursive: true, force: true });
    }
  });
});
