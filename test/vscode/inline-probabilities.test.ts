import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ForkSuggestionResult } from '../../src/vscode/commands/fork-suggestion';
import { answers, type ScriptedToken } from '../support/fake-server';
import { acceptInline, closeAllEditors, configure, openWithCursor, resetSettings, triggerInline, typeText, useQuickSuggestionsOff, waitFor } from './support/editor';
import { useFakeServerEachTest } from './support/fake-server';
import { localServerUrl } from './support/local-server';

const ln = Math.log;

/** ` total += price * count;` where the model doubted ` price` (10%; ` cost` 25%). */
const DOUBT_AT_PRICE: ScriptedToken[] = [
  { text: ' total', logprob: ln(0.95) },
  { text: ' +=', logprob: ln(0.9) },
  { text: ' price', logprob: ln(0.1), top: { ' cost': ln(0.25) } },
  { text: ' *', logprob: ln(0.8) },
  { text: ' count;', logprob: ln(0.9) },
];

describe('Inline suggestions and their probabilities', function () {
  useQuickSuggestionsOff();

  const server = useFakeServerEachTest({
    // Context from the workspace (the untitled file's name) would head every prompt: these tests are about the probabilities.
    settings: { model: 'test-model', 'inline.debounceMs': 0, fim: 'suffix', 'inline.prefetch': 'off', 'inline.trimBelowProbability': 0.3, 'context.maxContextChars': 0 },
  });

  it('asks for logprobs by default', async () => {
    await resetSettings();
    await configure({ serverUrl: server().baseUrl, model: 'test-model', 'inline.debounceMs': 0 });
    server().script(answers.text('1;'));
    await openWithCursor('let x = |');
    await triggerInline();
    assert.equal((await server().waitForRequest(1)).body.logprobs, 2);
  });

  it('shows only the part of a suggestion the model was sure of, so Tab accepts that', async () => {
    server().script(answers.tokens(DOUBT_AT_PRICE));
    const editor = await openWithCursor('let total = 0;\n|\n');
    await triggerInline();
    await server().waitForRequest(1);
    assert.equal(await acceptInline(editor), 'let total = 0;\n total +=\n');
  });

  it('shows the rest once the user has typed past the doubtful token, without asking again', async () => {
    server().script(answers.tokens(DOUBT_AT_PRICE));
    const editor = await openWithCursor('let total = 0;\n|\n');
    await triggerInline();
    await server().waitForRequest(1);
    await typeText(editor, ' total += price');
    await triggerInline();
    assert.equal(await acceptInline(editor), 'let total = 0;\n total += price * count;\n');
    assert.equal(server().requests.length, 1);
  });

  it('shows the whole suggestion from a server that gives no logprobs', async () => {
    server().script(answers.tokens(DOUBT_AT_PRICE, { withoutLogprobs: true }));
    const editor = await openWithCursor('let total = 0;\n|\n');
    await triggerInline();
    await server().waitForRequest(1);
    assert.equal(await acceptInline(editor), 'let total = 0;\n total += price * count;\n');
  });

  it('asks a server that refuses logprobs again without them, shows its suggestion, and leaves them out from then on', async () => {
    server().script(answers.jsonError(400, 'Unsupported param: logprobs'), answers.text('42;'), answers.text('43;'));
    const editor = await openWithCursor('const answer = |');
    await triggerInline();
    assert.equal((await server().waitForRequest(1)).body.logprobs, 2);
    assert.equal('logprobs' in (await server().waitForRequest(2)).body, false);
    assert.equal(await acceptInline(editor), 'const answer = 42;');
    await typeText(editor, '\nconst other = ');
    await triggerInline();
    assert.equal('logprobs' in (await server().waitForRequest(3)).body, false, 'remembered for this server');
  });

  it('asks with logprobs again after Forget Server Quirks', async () => {
    server().script(answers.jsonError(400, 'Unsupported param: logprobs'), answers.text('1;'), answers.text('2;'));
    const editor = await openWithCursor('let a = |');
    await triggerInline();
    await server().waitForRequest(2);
    await acceptInline(editor);
    await vscode.commands.executeCommand('promptComplete.forgetServerQuirks');
    await typeText(editor, '\nlet b = ');
    await triggerInline();
    assert.equal((await server().waitForRequest(3)).body.logprobs, 2);
  });

  it('shows the most confident of several candidates first', async () => {
    await configure({ n: 3 });
    server().script(answers.choices([
      { tokens: [{ text: 'second()', logprob: ln(0.5) }] },
      { tokens: [{ text: 'first()', logprob: ln(0.9) }] },
      { tokens: [{ text: 'third()', logprob: ln(0.4) }] },
    ]));
    const editor = await openWithCursor('call(|');
    await triggerInline();
    await server().waitForRequest(1);
    assert.equal(await acceptInline(editor), 'call(first()');
  });

  it('forks a shown suggestion: the doubtful token gets the model\'s alternative and the server continues from there', async () => {
    server().script(answers.tokens(DOUBT_AT_PRICE), answers.tokens([{ text: ' * quantity;', logprob: ln(0.9) }]));
    const editor = await openWithCursor('let total = 0;\n|\n');
    await triggerInline();
    await server().waitForRequest(1);
    const forked = await waitFor(async () => {
      const result = await vscode.commands.executeCommand<ForkSuggestionResult>('promptComplete.forkSuggestion');
      return result?.kind === 'forked' ? result : undefined;
    }, 'the suggestion to be shown and forked');
    assert.equal(forked.alternative, ' cost');
    assert.equal((await server().waitForRequest(2)).body.prompt, 'let total = 0;\n total += cost');
    assert.equal(await acceptInline(editor), 'let total = 0;\n total += cost * quantity;\n');
  });

  it('ends a stream the model has lost its way in, closing the connection', async () => {
    await configure({ 'inline.stopAfterUnsureTokens': 3 });
    const lost = [{ text: ' total', logprob: ln(0.9) }, ...Array.from({ length: 40 }, (_, i) => ({ text: ` w${i}`, logprob: ln(0.05) }))];
    server().script(answers.tokens(lost, { chunkDelayMs: 20 }));
    const editor = await openWithCursor('let x =|');
    await triggerInline();
    assert.equal(await (await server().waitForRequest(1)).ended, 'aborted');
    assert.equal(await acceptInline(editor), 'let x = total');
  });
});

describe('Inline suggestions trimmed with the local model\'s probabilities', () => {
  let baseUrl: string;

  before(() => {
    baseUrl = localServerUrl();
  });

  afterEach(async () => {
    await closeAllEditors();
    await resetSettings();
  });

  it('cuts the ghost text before the first token the model gave less than the threshold', async () => {
    const prompt = 'import * as fs from \'node:fs\';\n\nexport function read';
    const threshold = 0.2;
    await configure({ serverUrl: baseUrl, model: '', temperature: 0, maxTokens: 24, 'inline.debounceMs': 0, fim: 'suffix', 'inline.trimBelowProbability': threshold, 'inline.stopAfterUnsureTokens': 0 });
    const reference = await (await fetch(`${baseUrl}/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'prompt-complete-bigram', prompt, max_tokens: 24, temperature: 0, logprobs: 2 }),
    })).json() as { choices: { text: string; logprobs: { tokens: string[]; token_logprobs: number[] } }[] };
    const { tokens, token_logprobs: logprobs } = reference.choices[0]!.logprobs;
    const firstUnsure = logprobs.findIndex((logprob) => Math.exp(logprob) < threshold);
    assert.ok(firstUnsure > 0, `the reference has a sure start and an unsure token: ${JSON.stringify(logprobs.map(Math.exp))}`);
    const expected = tokens.slice(0, firstUnsure).join('');
    const editor = await openWithCursor(`${prompt}|`, 'typescript');
    await triggerInline();
    assert.equal(await acceptInline(editor, prompt), prompt + expected);
  });
});
