import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { answers, type FakeCompletionServer, type RecordedRequest } from '../support/fake-server';
import { acceptInline, configure, triggerInline, typeText, useQuickSuggestionsOff, waitFor } from './support/editor';
import { useFakeServerEachTest } from './support/fake-server';

/** Writes a file under `dir` (a fresh folder inside the workspace) and returns its URI. */
function writeFile(dir: string, relative: string, text: string): vscode.Uri {
  const file = path.join(dir, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return vscode.Uri.file(file);
}

/** Opens a file with the cursor right after the first occurrence of `after`. */
async function openAfter(uri: vscode.Uri, after: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  const at = document.getText().indexOf(after);
  assert.ok(at >= 0, `${after} is in ${uri.path}`);
  const position = document.positionAt(at + after.length);
  editor.selection = new vscode.Selection(position, position);
  return editor;
}

/** The text before the cursor of the active editor. */
function currentPrefix(): string {
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor, 'an editor is active');
  return editor.document.getText(new vscode.Range(new vscode.Position(0, 0), editor.selection.active));
}

/**
 * Asks for ghost text (Alt+\) until a request from the cursor's position has a prompt that satisfies
 * `matches`. VS Code does not ask a provider again while nothing changed, so each round first types a
 * space and deletes it (`nudge`; a notebook cell is asked once per round without it).
 */
async function promptWhere(server: FakeCompletionServer, matches: (prompt: string) => boolean, what: string, timeoutMs = 30_000, nudge = true): Promise<RecordedRequest> {
  return waitFor(async () => {
    const seen = server.requests.length;
    if (nudge) {
      await vscode.commands.executeCommand('type', { text: ' ' });
      await vscode.commands.executeCommand('deleteLeft');
    }
    const prefix = currentPrefix();
    await triggerInline();
    await server.waitForRequestWhere((request) => request.index > seen && String(request.body.prompt).endsWith(prefix), 5000);
    const latest = server.requests.filter((request) => request.index > seen && String(request.body.prompt).endsWith(prefix)).at(-1)!;
    return matches(String(latest.body.prompt)) ? latest : undefined;
  }, what, timeoutMs);
}

/** The text of the Show Last Request document. */
async function lastRequestText(): Promise<string> {
  await vscode.commands.executeCommand('promptComplete.showLastRequest');
  const document = vscode.window.activeTextEditor?.document;
  assert.equal(document?.uri.scheme, 'prompt-complete-request', 'the last request document is the active editor');
  return document.getText();
}

describe('Context from the rest of the workspace', function () {
  this.timeout(90_000);
  let dir: string;

  useQuickSuggestionsOff();

  beforeEach(() => {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(root, 'the suite runs in a workspace folder');
    dir = fs.mkdtempSync(path.join(root, 'context-'));
  });

  const server = useFakeServerEachTest({
    server: { defaultAnswer: answers.text('') },
    settings: { model: 'test-model', 'inline.debounceMs': 0, fim: 'suffix', 'inline.prefetch': 'off' },
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sends the definition of a name near the cursor, found by the language server in another file', async () => {
    writeFile(dir, 'src/models/invoice.ts', [
      'export class Invoice {',
      '  constructor(readonly customer: string) {}',
      '  addLine(description: string, amountCents: number): void {}',
      '  totalWithVat(rate: number): number { return rate; }',
      '}',
      '',
    ].join('\n'));
    const report = writeFile(dir, 'src/report.ts', [
      "import { Invoice } from './models/invoice';",
      '',
      'export function monthlyReport(invoice: Invoice) {',
      '  return invoice.',
      '}',
      '',
    ].join('\n'));
    await openAfter(report, 'return invoice.');
    const request = await promptWhere(server(), (prompt) => prompt.includes('totalWithVat(rate: number)'), 'the Invoice class to reach the prompt', 60_000);
    const prompt = String(request.body.prompt);
    assert.match(prompt, /\/\/ [^\n]*src\/models\/invoice\.ts\nexport class Invoice \{/, 'the snippet comes under its path');
    assert.ok(prompt.endsWith('return invoice.'), 'the prefix still ends the prompt');
    assert.match(await lastRequestText(), /src\/models\/invoice\.ts, lines 1-5: (type )?definition of a name near the cursor/);
  });

  it('sends code the developer just edited in another file', async () => {
    const pricing = writeFile(dir, 'lib/pricing.py', 'def price(amount):\n    return amount\n\n\n# discounts\n');
    const main = writeFile(dir, 'main.py', 'import sys\n\nprint(sys.argv)\n');
    const pricingEditor = await openAfter(pricing, '# discounts\n');
    await pricingEditor.edit((edit) => edit.insert(pricingEditor.selection.active, 'MEMBER_DISCOUNT_RATE = 0.15\n'));
    await openAfter(main, 'print(sys.argv)\n');
    await promptWhere(server(), (prompt) => prompt.includes('MEMBER_DISCOUNT_RATE = 0.15'), 'the edit to reach the prompt');
    assert.match(await lastRequestText(), /lib\/pricing\.py, lines \d+-\d+: recently edited/);
  });

  it('sends code the developer copied in another file before moving to this one', async () => {
    const helpers = writeFile(dir, 'helpers.py', 'def slugify(title):\n    return title.lower().replace(" ", "-")\n\n\ndef unrelated():\n    pass\n');
    const main = writeFile(dir, 'main.py', 'import sys\n\nprint(sys.argv)\n');
    const helpersEditor = await openAfter(helpers, 'def slugify');
    helpersEditor.selection = new vscode.Selection(new vscode.Position(0, 0), helpersEditor.document.lineAt(1).range.end);
    await vscode.env.clipboard.writeText(helpersEditor.document.getText(helpersEditor.selection));
    await openAfter(main, 'print(sys.argv)\n');
    await promptWhere(server(), (prompt) => prompt.includes('return title.lower().replace(" ", "-")'), 'the copied code to reach the prompt');
    assert.match(await lastRequestText(), /helpers\.py, lines 1-2: recently copied/);
  });

  it('gives Complete Selection the same context as ghost text', async () => {
    await configure({ 'inline.enabled': false });
    const document = await vscode.workspace.openTextDocument({ content: 'def area(width, height):\n    return ', language: 'python' });
    const editor = await vscode.window.showTextDocument(document);
    const end = document.lineAt(1).range.end;
    editor.selection = new vscode.Selection(end, end);
    server().script(answers.text('width * height'));
    await vscode.commands.executeCommand('promptComplete.completeSelection');
    const request = await server().waitForRequest(1);
    assert.match(String(request.body.prompt), /(^|\n)# Untitled-\d+\.py\ndef area\(width, height\):\n {4}return $/);
    assert.match(await lastRequestText(), /Sent: .*\(Complete Selection\)/);
  });

  it('never sends a file the user excluded, while an allowed file edited alongside it does reach the prompt', async () => {
    const secrets = writeFile(dir, '.env', 'API_TOKEN=never-send-this-value\nDATABASE_URL=postgres://user:pw@host/db\n');
    const allowed = writeFile(dir, 'settings.py', 'API_TOKEN_HEADER = "X-Token"\n');
    const client = writeFile(dir, 'client.py', 'import os\n\ntoken = os.environ["API_TOKEN"]\nheaders = {API_TOKEN_HEADER: token}\n');
    // Every way in: open (a tab), visible, edited, and its line selected and copied before moving on.
    for (const uri of [allowed, secrets]) {
      const editor = await openAfter(uri, '\n');
      await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), `# touched ${path.basename(uri.fsPath)}\n`));
    }
    const secretsEditor = vscode.window.activeTextEditor!;
    secretsEditor.selection = new vscode.Selection(new vscode.Position(1, 0), new vscode.Position(1, 'API_TOKEN=never-send-this-value'.length));
    await vscode.env.clipboard.writeText('API_TOKEN=never-send-this-value');
    await openAfter(client, 'headers = {');
    await promptWhere(server(), (prompt) => prompt.includes('API_TOKEN_HEADER = "X-Token"'), 'the allowed file to reach the prompt');
    // Give every gatherer time to have run (the slowest settles in 1.5 s), then look at every request from client.py.
    const deadline = Date.now() + 2500;
    await promptWhere(server(), () => Date.now() > deadline, 'the gatherers to have settled', 20_000);
    const fromClient = server().requests.filter((request) => String(request.body?.prompt ?? '').endsWith('headers = {'));
    assert.ok(fromClient.length >= 2);
    for (const request of fromClient) assert.ok(!request.rawBody.includes('never-send-this-value'), `request ${request.index} carries the excluded file`);
  });

  it('keeps the block within promptComplete.context.maxContextChars', async () => {
    await configure({ 'context.maxContextChars': 400 });
    for (let i = 0; i < 6; i++) {
      const uri = writeFile(dir, `shapes/shape${i}.py`, [
        `class Shape${i}:`,
        ...Array.from({ length: 20 }, (_, j) => `    def area_${j}(self, width, height):\n        return width * height * ${i + j}`),
        '',
      ].join('\n'));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    }
    const main = writeFile(dir, 'main.py', 'def total_area(width, height):\n    return area_3(width, height)\n');
    const editor = await openAfter(main, 'return ');
    const prefix = editor.document.getText(new vscode.Range(new vscode.Position(0, 0), editor.selection.active));
    const request = await promptWhere(server(), (prompt) => prompt.includes('def area_'), 'open editors to reach the prompt');
    const prompt = String(request.body.prompt);
    assert.ok(prompt.endsWith(prefix));
    const block = prompt.slice(0, prompt.length - prefix.length);
    assert.ok(block.length <= 400, `the block is ${block.length} characters`);
    assert.ok(block.length > 200, 'the budget is used, not left empty');
  });

  it('keeps the block byte for byte the same from keystroke to keystroke while its snippets stay the same', async () => {
    for (let i = 0; i < 3; i++) {
      const uri = writeFile(dir, `geometry/part${i}.py`, `def rectangle_area_${i}(width, height):\n    return width * height\n`);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    }
    const main = writeFile(dir, 'main.py', 'width = 3\nheight = 4\nresult = rectangle_area_1(width, height)\n');
    const editor = await openAfter(main, 'result = rectangle_area_1(width, height)');
    const blockOf = (request: RecordedRequest) => {
      const prefix = editor.document.getText(new vscode.Range(new vscode.Position(0, 0), editor.selection.active));
      return String(request.body.prompt).slice(0, -prefix.length);
    };
    // Wait until the gatherers have settled: the block carries all three files and repeats itself.
    let previous = '';
    await waitFor(async () => {
      const request = await promptWhere(server(), (prompt) => [0, 1, 2].every((i) => prompt.includes(`rectangle_area_${i}`)), 'the three files in the block');
      const block = blockOf(request);
      const settled = block === previous;
      previous = block;
      return settled;
    }, 'the block to settle');
    for (const key of [' ', '+', ' ', '1', '0']) {
      const seen = server().requests.length;
      await typeText(editor, key);
      await triggerInline();
      const prefix = currentPrefix();
      const request = await server().waitForRequestWhere((r) => r.index > seen && String(r.body.prompt).endsWith(prefix));
      assert.equal(blockOf(request), previous, `after typing ${JSON.stringify(key)}`);
    }
  });

  it('gives a notebook cell the cells above it (markdown as comments) and the cells below as suffix', async () => {
    const notebookFile = writeFile(dir, 'analysis.ipynb', JSON.stringify({
      cells: [
        { cell_type: 'markdown', metadata: {}, source: ['# Monthly sales\n', 'Totals per region.'] },
        { cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source: ['import pandas as pd\n', 'sales = pd.read_csv("sales.csv")'] },
        { cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source: ['by_region = sales.'] },
        { cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source: ['print(by_region)'] },
      ],
      metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' }, language_info: { name: 'python' } },
      nbformat: 4,
      nbformat_minor: 5,
    }));
    const notebook = await vscode.workspace.openNotebookDocument(notebookFile);
    const notebookEditor = await vscode.window.showNotebookDocument(notebook);
    const cell = notebook.cellAt(2);
    notebookEditor.selections = [new vscode.NotebookRange(2, 3)];
    await vscode.commands.executeCommand('notebook.cell.edit');
    const cellEditor = await waitFor(() => vscode.window.visibleTextEditors.find((e) => e.document === cell.document), 'the cell editor');
    const end = cell.document.lineAt(0).range.end;
    cellEditor.selection = new vscode.Selection(end, end);
    await waitFor(() => vscode.window.activeTextEditor?.document === cell.document, 'the cell editor to have the focus');
    const request = await promptWhere(server(), (prompt) => prompt.endsWith('by_region = sales.'), 'a request from the cell', 30_000, false);
    const prompt = String(request.body.prompt);
    assert.ok(prompt.includes('# # Monthly sales\n# Totals per region.\n\nimport pandas as pd\nsales = pd.read_csv("sales.csv")\n\nby_region = sales.'), prompt);
    assert.equal(request.body.suffix, '\n\nprint(by_region)');
  });

  it('names an untitled file in its language, so the model knows what it is writing', async () => {
    const document = await vscode.workspace.openTextDocument({ content: 'def area(width, height):\n    return ', language: 'python' });
    const editor = await vscode.window.showTextDocument(document);
    const end = document.lineAt(1).range.end;
    editor.selection = new vscode.Selection(end, end);
    const request = await promptWhere(server(), () => true, 'a request');
    assert.match(String(request.body.prompt), /(^|\n)# Untitled-\d+\.py\ndef area\(width, height\):\n {4}return $/);
  });

  it('shows ghost text without waiting for a definition provider that never answers', async () => {
    let asked = 0;
    const never = new Promise<vscode.Location[]>(() => undefined);
    const selector = { pattern: '**/*.hang' };
    const providers = vscode.Disposable.from(
      vscode.languages.registerDefinitionProvider(selector, { provideDefinition: () => (asked++, never) }),
      vscode.languages.registerTypeDefinitionProvider(selector, { provideTypeDefinition: () => (asked++, never) }),
    );
    try {
      const uri = writeFile(dir, 'slow.hang', 'first_value = compute_total(items)\nsecond = first_value + ');
      const editor = await openAfter(uri, 'second = first_value + ');
      await waitFor(() => asked > 0, 'the hanging provider to be asked');
      server().script(answers.text('tax_total'));
      const before = editor.document.getText();
      const started = Date.now();
      const shown = triggerInline();
      await server().waitForRequest(1);
      const waited = Date.now() - started;
      await shown;
      assert.equal(await acceptInline(editor, before), `${before}tax_total`);
      // Waiting for the look-up would take its whole time box (1.5 s): the request went out well before.
      assert.ok(waited < 1000, `the request went out ${waited} ms after the trigger while the provider hung`);
    } finally {
      providers.dispose();
    }
  });
});
