import * as assert from 'node:assert/strict';
import { InlineRequest, MAX_INLINE_CHARS } from '../../../src/engine/inline-request';
import { useEngineOnFakeServer } from '../../support/engine-on-fake-server';
import { answers } from '../../support/fake-server';

async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('inline request', () => {
  const { server, engine } = useEngineOnFakeServer({ model: 'm', fim: 'suffix' });

  it('in single-line mode stops generating at the end of the line and closes the connection', async () => {
    server().script(answers.text('first line\nsecond line\nthird line\nfourth line', { chunkDelayMs: 30 }));
    const request = new InlineRequest(engine(), { prefix: 'x = ', suffix: ')', multiline: false });
    const result = await request.result;
    assert.match(result.texts[0], /^first line\n/);
    assert.doesNotMatch(result.texts[0], /third/);
    assert.equal(await (await server().waitForRequest(1)).ended, 'aborted', 'the rest was never sent');
  });

  it('in multi-line mode stops once the completion starts repeating the code below the cursor', async () => {
    server().script(answers.text('  return a + b;\n}\n\nfunction other() {\n  return 0;\n}\n', { chunkDelayMs: 20 }));
    const request = new InlineRequest(engine(), { prefix: 'function add(a, b) {\n', suffix: '\n\nfunction other() {\n  return 0;\n}\n', multiline: true });
    const result = await request.result;
    assert.doesNotMatch(result.texts[0], /return 0/);
    assert.equal(await (await server().waitForRequest(1)).ended, 'aborted');
  });

  it('cuts off a server that streams without end', async () => {
    const endless = Array.from({ length: 5000 }, () => ({ text: 'abcdefgh'.repeat(50), logprob: -0.1 }));
    server().script(answers.tokens(endless, { chunkDelayMs: 2 }));
    const result = await new InlineRequest(engine(), { prefix: 'x', suffix: '', multiline: true }, { n: 1 }).result;
    assert.ok(result.texts[0].length <= MAX_INLINE_CHARS + 400, `${result.texts[0].length} chars`);
    assert.equal(await (await server().waitForRequest(1)).ended, 'aborted');
  });

  it('keeps the whole answer when the stream ends on its own', async () => {
    server().script(answers.text('a + b;'));
    const result = await new InlineRequest(engine(), { prefix: 'return ', suffix: '', multiline: false }).result;
    assert.deepEqual(result.texts, ['a + b;']);
    assert.equal(result.model, 'm');
  });

  it('can serve a keystroke that agrees with how its answer began, and no other', async () => {
    server().script(answers.tokens([{ text: 'console', logprob: -0.1 }, { text: '.log(value);\n', logprob: -0.1 }, { text: 'next();', logprob: -0.1 }], { chunkDelayMs: 200 }));
    const request = new InlineRequest(engine(), { prefix: 'x;\n', suffix: '\n}', multiline: true });
    await until(() => request.completeLines().length > 0, 'the first token');
    assert.equal(request.canServe('x;\n', '\n}'), true, 'nothing typed yet');
    assert.equal(request.canServe('x;\ncons', '\n}'), true, 'typed text the answer begins with');
    assert.equal(request.canServe('x;\nconsole.l', '\n}'), true, 'typed text that goes on from all that has arrived, while more may come');
    assert.equal(request.canServe('x;\nconz', '\n}'), false, 'typed text differs from the answer');
    assert.equal(request.canServe('x;\ncons', '\n};'), false, 'the text after the cursor changed');
    assert.equal(request.canServe('y;\ncons', '\n}'), false, 'the text before changed');
    request.abort();
    await assert.rejects(request.result);
    assert.equal(request.canServe('x;\n', '\n}'), false, 'an aborted request serves nobody');
  });

  it('may serve a keystroke typed before any of its answer has arrived, until the answer disagrees', async () => {
    server().script(answers.tokens([{ text: 'bc', logprob: -0.1 }], { latencyMs: 300 }));
    const request = new InlineRequest(engine(), { prefix: 'a', suffix: '', multiline: false });
    await server().waitForRequest(1);
    assert.equal(request.canServe('ax', ''), true, 'nothing has arrived that says otherwise');
    await request.result;
    assert.equal(request.canServe('ax', ''), false);
    assert.equal(request.canServe('ab', ''), true);
  });

  it('cannot serve what the user typed past the end of its answer', async () => {
    server().script(answers.text('bc'));
    const request = new InlineRequest(engine(), { prefix: 'a', suffix: '', multiline: false });
    await request.result;
    assert.equal(request.canServe('abc', ''), false);
  });

  it('has the first complete line long before a slow block ends', async () => {
    server().script(answers.text('first line\n  second line\n  third line\n  fourth line\n  fifth line', { chunkDelayMs: 150 }));
    const request = new InlineRequest(engine(), { prefix: 'block:\n', suffix: '', multiline: true });
    while (!request.done && !request.completeLines()[0]) await request.more();
    assert.equal(request.done, false, 'the rest is still arriving');
    assert.deepEqual(request.completeLines(), ['first line\n']);
    request.abort();
  });

  it('tells whoever waits for more text that the request has ended', async () => {
    server().script(answers.text('only'));
    const request = new InlineRequest(engine(), { prefix: 'a', suffix: '', multiline: true });
    while (!request.done) await request.more();
    await request.more();
    assert.deepEqual((await request.result).texts, ['only']);
  });
});
