import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TokenProbabilitiesState } from '../../src/vscode/token-probabilities/register';
import { answers, type ScriptedToken } from '../support/fake-server';
import { configure, openWithCursor, triggerInline, waitFor } from './support/editor';
import { useFakeServerEachTest } from './support/fake-server';

const SHOW = 'promptComplete.showTokenProbabilities';
const DELIVER = 'promptComplete.tokenProbabilities.deliverMessage';

/** Three tokens whose probabilities are exact: 90%, 60%, 20%; the last one had a likelier alternative. */
const SCRIPTED: ScriptedToken[] = [
  { text: ' jumps', logprob: Math.log(0.9), top: { ' runs': Math.log(0.05) } },
  { text: ' over', logprob: Math.log(0.6), top: { ' under': Math.log(0.3) } },
  { text: ' the', logprob: Math.log(0.2), top: { ' a': Math.log(0.7) } },
];

async function completeSelectionOf(text: string, selected: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ content: text, language: 'markdown' });
  const editor = await vscode.window.showTextDocument(document);
  const start = text.indexOf(selected);
  editor.selection = new vscode.Selection(document.positionAt(start), document.positionAt(start + selected.length));
  await vscode.commands.executeCommand('promptComplete.completeSelection');
  return editor;
}

async function showView(): Promise<TokenProbabilitiesState> {
  return (await vscode.commands.executeCommand<TokenProbabilitiesState>(SHOW))!;
}

/** Waits until the webview reports it rendered what `accept` looks for. */
async function renderedView(accept: (state: TokenProbabilitiesState) => boolean): Promise<TokenProbabilitiesState> {
  return waitFor(async () => {
    const state = await showView();
    return state.rendered && accept(state) ? state : undefined;
  }, 'the webview to render the completion', 20_000);
}

describe('Token Probabilities view', () => {
  const server = useFakeServerEachTest({
    settings: { model: 'test-model', fim: 'suffix', logprobs: 2, 'inline.enabled': false, 'context.maxContextChars': 0 },
    // The view is a webview, which closeAllEditors() (text editors) leaves open.
    cleanUp: async () => { await vscode.commands.executeCommand('workbench.action.closeAllEditors'); },
  });

  it('renders each token of the latest Complete Selection with the probability the server gave it', async () => {
    server().script(answers.tokens(SCRIPTED));
    await completeSelectionOf('Intro.\nThe quick brown fox\nEnd.', 'The quick brown fox');
    const state = await renderedView((s) => s.rendered!.tokens.length === 3);
    assert.equal(state.view.kind, 'tokens');
    assert.deepEqual(state.rendered!.tokens, [
      { text: ' jumps', probabilityLabel: '90%', band: 'likely' },
      { text: ' over', probabilityLabel: '60%', band: 'uncertain' },
      { text: ' the', probabilityLabel: '20%', band: 'unlikely' },
    ]);
    assert.equal(state.rendered!.confidenceLabel, '57%');
  });

  it('shows the alternatives at each token, most likely first, with their probabilities', async () => {
    server().script(answers.tokens(SCRIPTED));
    await completeSelectionOf('The quick brown fox', 'The quick brown fox');
    const state = await showView();
    assert.ok(state.view.kind === 'tokens');
    assert.deepEqual(state.view.tokens[2]!.alternatives.map((a) => [a.text, a.probabilityLabel, a.sampled]), [
      [' a', '70%', false],
      [' the', '20%', true],
    ]);
  });

  it('re-asks the server from a chosen alternative and replaces the inserted text from that token with the branch', async () => {
    server().script(answers.tokens(SCRIPTED), answers.text(' lazy dog.'));
    const editor = await completeSelectionOf('Intro.\nThe quick brown fox\nEnd.', 'The quick brown fox');
    await showView();
    const chosen = await vscode.commands.executeCommand<TokenProbabilitiesState>(DELIVER, { type: 'choose', tokenIndex: 2, alternative: ' a' });

    const request = await server().waitForRequest(2);
    assert.equal(request.body.prompt, 'The quick brown fox jumps over a');
    assert.equal(request.body.suffix, '\nEnd.');
    assert.equal(request.body.model, 'test-model');
    assert.deepEqual(chosen!.branch && [chosen!.branch.status, chosen!.branch.kept, chosen!.branch.alternative, chosen!.branch.continuation],
      ['ready', ' jumps over', ' a', ' lazy dog.']);
    const rendered = await renderedView((s) => s.rendered!.branchText !== '');
    assert.equal(rendered.rendered!.branchText, ' jumps over a lazy dog.');

    await vscode.commands.executeCommand(DELIVER, { type: 'insert' });
    assert.equal(editor.document.getText(), 'Intro.\nThe quick brown fox jumps over a lazy dog.\nEnd.');
  });

  it('inserts the branch of an inline suggestion, whole, at the cursor of the editor', async () => {
    // The first token is unsure (50%): trimming would show nothing, and this test is about the branch.
    await configure({ 'inline.enabled': true, 'inline.debounceMs': 0, 'inline.trimBelowProbability': 0 });
    server().script(answers.tokens([{ text: 'a', logprob: Math.log(0.5), top: { b: Math.log(0.4) } }, { text: ' + b;', logprob: Math.log(0.9) }]));
    const editor = await openWithCursor('x = |\n');
    await triggerInline();
    await waitFor(async () => {
      const { view } = await showView();
      return view.kind === 'tokens' && view.source === 'inline';
    }, 'the inline suggestion to reach the view');
    // No more suggestions: every request from here on is the branch's.
    await configure({ 'inline.enabled': false });
    server().script(answers.text(' - a;'));
    const requestsBefore = server().requests.length;

    await vscode.commands.executeCommand(DELIVER, { type: 'choose', tokenIndex: 0, alternative: 'b' });
    const branchRequest = await server().waitForRequest(requestsBefore + 1);
    assert.equal(branchRequest.body.prompt, 'x = b');
    assert.equal(branchRequest.body.suffix, '\n');
    await vscode.commands.executeCommand(DELIVER, { type: 'insert' });
    assert.equal(editor.document.getText(), 'x = b - a;\n');
  });

  it('says so, and names the setting, when the completion came without probabilities', async () => {
    await configure({ logprobs: 0 });
    server().script(answers.text(' world'));
    await completeSelectionOf('hello', 'hello');
    assert.equal((await server().waitForRequest(1)).body.logprobs, undefined);
    const state = await renderedView((s) => s.rendered!.kind === 'noLogprobs');
    assert.deepEqual(state.view, { kind: 'noLogprobs', source: 'completeSelection', model: 'test-model', text: ' world' });
  });
});

describe('low-confidence decorations', () => {
  const server = useFakeServerEachTest({
    settings: { model: 'test-model', fim: 'suffix', logprobs: 2, 'inline.enabled': false, 'context.maxContextChars': 0 },
  });

  it('underline the inserted tokens under 30% after Complete Selection, with the probability on hover', async () => {
    server().script(answers.tokens(SCRIPTED));
    const editor = await completeSelectionOf('The quick brown fox', 'The quick brown fox');
    const { lowConfidence } = (await vscode.commands.executeCommand<TokenProbabilitiesState>(DELIVER, {}))!;
    const inserted = editor.document.getText().indexOf(' the');
    assert.deepEqual(lowConfidence, {
      document: editor.document.uri.toString(),
      marks: [{ start: inserted, end: inserted + 4, hover: 'Prompt Complete: the model was unsure here (token probability 20%)' }],
    });
  });

  it('go away on the next edit of the document', async () => {
    server().script(answers.tokens(SCRIPTED));
    const editor = await completeSelectionOf('The quick brown fox', 'The quick brown fox');
    await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), '# '));
    const { lowConfidence } = (await vscode.commands.executeCommand<TokenProbabilitiesState>(DELIVER, {}))!;
    assert.equal(lowConfidence, undefined);
  });

  it('are not shown when promptComplete.highlightLowConfidence is off', async () => {
    await configure({ highlightLowConfidence: false });
    server().script(answers.tokens(SCRIPTED));
    await completeSelectionOf('The quick brown fox', 'The quick brown fox');
    await server().waitForRequest(1);
    const { lowConfidence } = (await vscode.commands.executeCommand<TokenProbabilitiesState>(DELIVER, {}))!;
    assert.equal(lowConfidence, undefined);
  });
});
