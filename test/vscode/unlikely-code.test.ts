import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { formatProbability } from '../../src/core/probabilities/view-model';
import type { CheckUnlikelyCodeResult } from '../../src/vscode/unlikely-code/check-command';
import { answers, type ScriptedToken } from '../support/fake-server';
import { repoRoot } from '../support/paths';
import { closeAllEditors, configure, resetSettings, waitFor } from './support/editor';
import { useFakeServerEachTest } from './support/fake-server';
import { localServerUrl } from './support/local-server';

const CHECK = 'promptComplete.checkUnlikelyCode';
const ln = Math.log;

async function openText(text: string, language = 'python'): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ content: text, language });
  return vscode.window.showTextDocument(document);
}

async function check(): Promise<CheckUnlikelyCodeResult> {
  return (await vscode.commands.executeCommand<CheckUnlikelyCodeResult>(CHECK))!;
}

function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Prompt Complete');
}

async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
  return (actions ?? []).filter((action) => action.title.startsWith('Replace '));
}

describe('Check Unlikely Code with the local model', () => {
  let baseUrl: string;
  // A file the model never trained on, with one slip: `retrun`.
  const source = fs.readFileSync(path.join(repoRoot, 'bench', 'typing', 'files', 'inventory.py'), 'utf8');
  const text = source.replace('return', 'retrun');
  const slip = text.indexOf('retrun');

  before(() => {
    baseUrl = localServerUrl();
  });

  beforeEach(async () => {
    await configure({ serverUrl: baseUrl, model: '', 'checkUnlikely.threshold': 0.01 });
  });

  afterEach(async () => {
    await closeAllEditors();
    await resetSettings();
  });

  it('marks the slip as a whole word, with a message naming the word the file uses and the model\'s probabilities', async () => {
    const editor = await openText(text);
    const result = await check();
    assert.equal(result.outcome, 'checked', result.message);
    const mark = result.marks.find((m) => m.start === slip);
    assert.ok(mark, `a mark on "retrun": ${JSON.stringify(result.marks.map((m) => m.word))}`);
    assert.equal(mark.end, slip + 'retrun'.length);
    assert.deepEqual(mark.nearWords, ['return']);
    const diagnostic = ourDiagnostics(editor.document.uri).find((d) => editor.document.offsetAt(d.range.start) === mark.start);
    assert.ok(diagnostic, 'the mark is a diagnostic');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Information);
    assert.match(diagnostic.message, new RegExp(`^Likely slip: "retrun" occurs only here, and this file uses "return". ${escape(JSON.stringify(mark.token.text))} has probability [<0-9.]+%; the model expected "`));
    assert.equal(ourDiagnostics(editor.document.uri).length, result.marks.length);
  });

  it('marks every token under the threshold with the all scope, far more than the slips', async () => {
    await openText(text);
    const slips = await check();
    await configure({ 'checkUnlikely.scope': 'all' });
    const all = await check();
    assert.ok(all.marks.length > 5 * slips.marks.length, `${all.marks.length} vs ${slips.marks.length}`);
    assert.ok(all.marks.every((m) => m.word === undefined && m.end - m.start === m.token.length));
  });

  it('reports what the check cost in prompt tokens and requests', async () => {
    await openText(text);
    const result = await check();
    assert.ok(result.promptTokens > 0 && result.requests >= 1);
    assert.match(result.message ?? '', new RegExp(`\\(${result.promptTokens.toLocaleString('en-US')} prompt tokens sent in ${result.requests} request`));
  });

  it('offers the word the file uses first, then the model\'s alternatives for the token; the first fix repairs the slip', async () => {
    const editor = await openText(text);
    const result = await check();
    const mark = result.marks.find((m) => m.start === slip)!;
    const range = new vscode.Range(editor.document.positionAt(mark.start), editor.document.positionAt(mark.end));
    const fixes = await waitFor(async () => {
      const found = await quickFixes(editor.document.uri, range);
      return found.length > 0 ? found : undefined;
    }, 'the quick fixes of the mark');
    assert.deepEqual(fixes.map((f) => f.title), [
      'Replace "retrun" with "return" (used elsewhere in this file)',
      ...mark.alternatives.map((a) => `Replace ${JSON.stringify(mark.token.text)} with ${JSON.stringify(a.text)} (${formatProbability(a.probability)})`),
    ]);
    await vscode.workspace.applyEdit(fixes[0]!.edit!);
    assert.equal(editor.document.getText(), source, 'the file is as it was before the slip');
    assert.equal(ourDiagnostics(editor.document.uri).some((d) => editor.document.offsetAt(d.range.start) === mark.start), false, 'the fixed mark is gone');
  });

  it('puts a model\'s alternative in place of the token when that fix is chosen', async () => {
    const editor = await openText(text);
    const result = await check();
    const mark = result.marks.find((m) => m.start === slip)!;
    const range = new vscode.Range(editor.document.positionAt(mark.start), editor.document.positionAt(mark.end));
    const fixes = await waitFor(async () => {
      const found = await quickFixes(editor.document.uri, range);
      return found.length > 1 ? found : undefined;
    }, 'the quick fixes of the mark');
    await vscode.workspace.applyEdit(fixes[1]!.edit!);
    const tokenStart = mark.start + mark.token.offset;
    assert.equal(editor.document.getText(), text.slice(0, tokenStart) + mark.alternatives[0]!.text + text.slice(tokenStart + mark.token.length));
  });

  it('checks only the selection when there is one', async () => {
    const editor = await openText(text);
    const lineStart = text.lastIndexOf('\n', slip) + 1;
    const lineEnd = text.indexOf('\n', slip);
    editor.selection = new vscode.Selection(editor.document.positionAt(lineStart), editor.document.positionAt(lineEnd));
    const result = await check();
    assert.ok(result.marks.length > 0);
    for (const mark of result.marks) assert.ok(mark.start >= lineStart && mark.end <= lineEnd, JSON.stringify(mark));
  });

  it('moves marks with the text when the user edits above them, and drops a mark the edit touches', async () => {
    const editor = await openText(text);
    const result = await check();
    const before = ourDiagnostics(editor.document.uri).length;
    await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), '# added\n'));
    const moved = ourDiagnostics(editor.document.uri);
    assert.equal(moved.length, before - result.marks.filter((m) => m.start === 0).length);
    const slipMark = result.marks.find((m) => m.start === slip)!;
    assert.ok(moved.some((d) => editor.document.offsetAt(d.range.start) === slipMark.start + '# added\n'.length));
    const at = editor.document.positionAt(slipMark.start + '# added\n'.length);
    await editor.edit((builder) => builder.insert(at, 'x'));
    assert.equal(ourDiagnostics(editor.document.uri).some((d) => d.range.contains(at)), false);
  });

  it('marks as hints when asked', async () => {
    await configure({ 'checkUnlikely.severity': 'hint' });
    const editor = await openText(text);
    await check();
    const diagnostics = ourDiagnostics(editor.document.uri);
    assert.ok(diagnostics.length > 0);
    assert.ok(diagnostics.every((d) => d.severity === vscode.DiagnosticSeverity.Hint));
  });

  it('clears the marks of the file on request', async () => {
    const editor = await openText(text);
    await check();
    await vscode.commands.executeCommand('promptComplete.clearUnlikelyCodeMarks');
    assert.deepEqual(ourDiagnostics(editor.document.uri), []);
  });
});

describe('Check Unlikely Code with servers that cannot score text', () => {
  const server = useFakeServerEachTest({
    settings: { model: 'test-model' },
  });

  it('says clearly that a server refusing echo cannot score existing text, and marks nothing', async () => {
    server().script(answers.jsonError(400, "Setting 'echo' and 'logprobs' at the same time is not supported for this model."));
    const editor = await openText('x = 1\n');
    const result = await check();
    assert.equal(result.outcome, 'unsupported');
    assert.match(result.message ?? '', /needs a server that scores existing text \(echo with logprobs/);
    assert.deepEqual(ourDiagnostics(editor.document.uri), []);
  });

  it('says so too for a server that ignores echo and scores only what it generates', async () => {
    const tokens: ScriptedToken[] = [{ text: ' y', logprob: ln(0.5) }];
    server().script(answers.tokens(tokens));
    await openText('x = 1\n');
    assert.equal((await check()).outcome, 'unsupported');
  });

  it('sends one request per window, each with echo and no new tokens', async () => {
    const text = 'x = 1\n';
    server().script(answers.tokens([{ text: 'x', logprob: ln(0.5) }, { text: ' =', logprob: ln(0.5) }, { text: ' 1', logprob: ln(0.5) }, { text: '\n', logprob: ln(0.5) }]));
    await openText(text);
    const result = await check();
    assert.equal(result.outcome, 'checked', result.message);
    const { body } = await server().waitForRequest(1);
    assert.deepEqual([body.prompt, body.echo, body.max_tokens, body.logprobs], [text, true, 0, 5]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
