import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { SDKError } from '../../src/client';
import { buildProbabilityView } from '../../src/core/probabilities/view-model';
import { english, type Translate } from '../../src/core/translate';
import { usageSummary } from '../../src/core/usage';
import { CaCertificates } from '../../src/engine/ca-file';
import { describeError } from '../../src/engine/describe-error';
import { describeSentRequest } from '../../src/engine/sent-request';
import { readSettings } from '../../src/engine/settings';
import { describeMark, fixTitle, wordFixTitle } from '../../src/vscode/unlikely-code/describe-mark';
import { repoRoot } from '../support/paths';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { collectMessages, bundleFile } = require(path.join(repoRoot, 'scripts', 'l10n-bundle.js')) as {
  collectMessages(): Record<string, string>;
  bundleFile: string;
};

/** The files of the editor layer, where every text people read must come from a translation call. */
function editorLayerFiles(): { file: string; source: ts.SourceFile }[] {
  const src = path.join(repoRoot, 'src');
  const files = ['extension.ts', ...fs.readdirSync(path.join(src, 'vscode'), { recursive: true, encoding: 'utf8' }).map((file) => path.join('vscode', file))];
  return files.filter((file) => file.endsWith('.ts')).sort().map((file) => ({
    file: file.split(path.sep).join('/'),
    source: ts.createSourceFile(file, fs.readFileSync(path.join(src, file), 'utf8'), ts.ScriptTarget.Latest, true),
  }));
}

/** `t(…)`, `this.t(…)`, `vscode.l10n.t(…)`: a translation call, as scripts/l10n-bundle.js finds them. */
function isTranslateCall(node: ts.Node): node is ts.CallExpression {
  if (!ts.isCallExpression(node)) return false;
  const callee = node.expression;
  return ts.isIdentifier(callee) ? callee.text === 't' : ts.isPropertyAccessExpression(callee) && callee.name.text === 't';
}

/** `log.info(…)`, `this.log.warn(…)`, `deps.log.error(…)`: a line of the output channel, which stays English. */
function isLogCall(node: ts.Node): boolean {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return false;
  const { expression, name } = node.expression;
  return ['trace', 'debug', 'info', 'warn', 'error'].includes(name.text) && /\blog$/.test(expression.getText());
}

/** A string literal's text with `${…}` for each substitution and without codicons such as `$(lock)`. */
function literalText(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression): string {
  const text = ts.isTemplateExpression(node) ? node.head.text + node.templateSpans.map((span) => `\${…}${span.literal.text}`).join('') : node.text;
  return text.replace(/\$\([\w~-]+\)/g, '');
}

/** Where a string was found: `vscode/status-bar.ts:89: '$(lock) Complete'`. */
function place(file: string, node: ts.Node): string {
  return `${file}:${node.getSourceFile().getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText().slice(0, 120)}`;
}

/** Calls whose string arguments people read: the arguments that are (all when undefined). */
const SHOWING_CALLS: Record<string, number[] | undefined> = {
  showInformationMessage: undefined,
  showWarningMessage: undefined,
  showErrorMessage: undefined,
  setStatusBarMessage: [0],
  createWebviewPanel: [1],
};
/** `new vscode.X(…)` whose string arguments people read. */
const SHOWING_CONSTRUCTORS: Record<string, number[]> = { Diagnostic: [1], CodeAction: [0], MarkdownString: [0], Hover: [0] };
/** Properties people read: of options, quick pick items, progress reports, status bar items, answers. */
const SHOWN_PROPERTIES = new Set(['title', 'placeHolder', 'prompt', 'tooltip', 'detail', 'description', 'label', 'message', 'hoverMessage', 'error']);
/** Properties people read when assigned (`item.text = …`); in object literals these are mostly data. */
const SHOWN_ASSIGNED_PROPERTIES = new Set([...SHOWN_PROPERTIES, 'text', 'name']);

/**
 * The English literals an expression shown to people can evaluate to without a translation call: through
 * `?:`, `??`, `||`, `+`, templates and the initializers of the local constants it names.
 */
function untranslated(expression: ts.Expression, seen = new Set<ts.Node>()): ts.Node[] {
  if (seen.has(expression)) return [];
  seen.add(expression);
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return /[A-Za-z]{2,}/.test(literalText(expression)) ? [expression] : [];
  if (ts.isTemplateExpression(expression)) {
    const own = /[A-Za-z]{2,}/.test(literalText(expression).replace(/\$\{…\}/g, ' ')) ? [expression] : [];
    return [...own, ...expression.templateSpans.flatMap((span) => untranslated(span.expression, seen))];
  }
  if (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression) || ts.isNonNullExpression(expression)) return untranslated(expression.expression, seen);
  if (ts.isConditionalExpression(expression)) return [...untranslated(expression.whenTrue, seen), ...untranslated(expression.whenFalse, seen)];
  if (ts.isBinaryExpression(expression) && [ts.SyntaxKind.PlusToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(expression.operatorToken.kind)) {
    return [...untranslated(expression.left, seen), ...untranslated(expression.right, seen)];
  }
  if (ts.isIdentifier(expression)) return declaredValues(expression).flatMap((value) => untranslated(value, seen));
  return [];
}

/** The initializers of the variables of that name declared in the blocks around `name`. */
function declaredValues(name: ts.Identifier): ts.Expression[] {
  const values: ts.Expression[] = [];
  for (let scope: ts.Node | undefined = name.parent; scope; scope = scope.parent) {
    if (!ts.isBlock(scope) && !ts.isSourceFile(scope)) continue;
    for (const statement of scope.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.name.text === name.text && declaration.initializer) values.push(declaration.initializer);
      }
    }
  }
  return values;
}

/** Every place in the editor layer that shows people an English literal instead of a translation. */
function untranslatedShownStrings(): string[] {
  const found: string[] = [];
  for (const { file, source } of editorLayerFiles()) {
    const report = (expression: ts.Expression | undefined) => {
      if (expression) for (const node of untranslated(expression)) found.push(place(file, node));
    };
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
        if (Object.hasOwn(SHOWING_CALLS, name)) node.arguments.forEach((argument, i) => (SHOWING_CALLS[name]?.includes(i) ?? true) && report(argument));
      } else if (ts.isNewExpression(node)) {
        const callee = node.expression;
        const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
        for (const i of Object.hasOwn(SHOWING_CONSTRUCTORS, name) ? SHOWING_CONSTRUCTORS[name]! : []) report(node.arguments?.[i]);
      } else if (ts.isPropertyAssignment(node) && SHOWN_PROPERTIES.has(node.name.getText())) {
        report(node.initializer);
      } else if (ts.isShorthandPropertyAssignment(node) && SHOWN_PROPERTIES.has(node.name.text)) {
        report(node.name);
      } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken
        && ts.isPropertyAccessExpression(node.left) && SHOWN_ASSIGNED_PROPERTIES.has(node.left.name.text)) {
        report(node.right);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return [...new Set(found)];
}

/**
 * Strings with words in the editor layer that are not the extension's text to people, outside
 * translation calls and log lines: `file: text` (`${…}` for a substitution) and why each is not translated.
 */
const NOT_TRANSLATED: Record<string, string> = {
  'extension.ts: Prompt Complete': 'the output channel\'s name, by which people and the tests find the log',
  'vscode/unlikely-code/marks.ts: Prompt Complete': 'the diagnostics\' source, by which the quick fixes find their marks',
  'vscode/commands/complete-selection.ts: Complete Selection': 'the purpose of its requests; Show Last Request translates it',
  'vscode/client-provider.ts: configured proxy': 'a log line\'s words for a proxy URL it cannot parse',
  'vscode/low-confidence-decorations.ts: none none dotted none': 'CSS',
  'vscode/streaming-insert.ts: the document changed while the completion was arriving; the text inserted so far was kept': 'an error message for the log; Complete Selection tells people in its own words',
  'vscode/token-probabilities/html.ts: Token Probabilities': 'the English default of a title the panel passes translated',
};

/** Every literal with two or more words in the editor layer outside translation calls and log lines, as `file: text`. */
function wordyLiterals(): { key: string; where: string }[] {
  const found: { key: string; where: string }[] = [];
  for (const { file, source } of editorLayerFiles()) {
    const visit = (node: ts.Node): void => {
      if (isLogCall(node) || ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isLiteralTypeNode(node)) return;
      if (isTranslateCall(node)) {
        // The message is the translation's key; the other arguments may still hold words.
        node.arguments.slice(1).forEach(visit);
        return;
      }
      if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node))
        && !(ts.isPropertyAssignment(node.parent) && node.parent.name === node)) {
        const text = literalText(node);
        // The page's markup is a template of tags and attributes, not words.
        if (/[A-Za-z]{2,} [A-Za-z]{2,}/.test(text.replace(/\$\{…\}/g, ' ')) && !text.startsWith('<!DOCTYPE html>')) {
          found.push({ key: `${file}: ${text}`, where: place(file, node) });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** A `t` that reads a translation bundle as VS Code does: the English message is the key. */
function translator(bundle: Record<string, string>): Translate {
  return (message, ...args) => english(bundle[message] ?? message, ...args);
}

describe('localization', () => {
  it('keeps l10n/bundle.l10n.json, the file a translation copies, in step with the messages in the code', () => {
    assert.deepEqual(JSON.parse(fs.readFileSync(bundleFile, 'utf8')), collectMessages(), 'run node scripts/l10n-bundle.js');
  });

  it('fills numbered placeholders in English', () => {
    assert.equal(english('{0} of {1}, {0} again, {2} missing', 'one', 2), 'one of 2, one again, {2} missing');
  });

  it('shows the token counts, a failure and a setting problem in the language of a bundle', () => {
    const t = translator({
      'Tokens today: {0}; this session: {1}.': 'Jetons aujourd’hui : {0} ; cette session : {1}.',
      '{0} ({1} prompt, {2} completion)': '{0} ({1} invite, {2} réponse)',
      'rate limited by the server (429){0}': 'limité par le serveur (429){0}',
      'must be true or false': 'doit être true ou false',
      '{0}; using {1}': '{0} ; {1} est utilisé',
    });
    const count = { promptTokens: 10, completionTokens: 2, estimated: false };
    assert.equal(usageSummary(count, count, 0, t), 'Jetons aujourd’hui : 12 (10 invite, 2 réponse) ; cette session : 12 (10 invite, 2 réponse).');
    const rateLimited = new SDKError({ message: 'API error 429', statusCode: 429, contentType: 'application/json', body: '', headers: {}, details: undefined });
    const failure = describeError(rateLimited, 'http://h/v1', t);
    assert.match(failure.reason, /^limité par le serveur \(429\)/);
    const { problems } = readSettings((key) => (key === 'inline.enabled' ? 'yes' : undefined), t);
    assert.equal(problems[0]?.message, 'doit être true ou false ; true est utilisé');
  });

  it('shows no English literal where the editor layer shows text: messages, progress, quick picks, status bar, hovers, quick fixes', () => {
    assert.deepEqual(untranslatedShownStrings(), [], 'wrap these in vscode.l10n.t (or the t of the function), then run npm run l10n');
  });

  it('keeps every other string with words in the editor layer in a translation call or a log line, or says why not', () => {
    const literals = wordyLiterals();
    assert.deepEqual(literals.filter(({ key }) => !(key in NOT_TRANSLATED)).map(({ where }) => where), [],
      'people read these: wrap them in vscode.l10n.t and run npm run l10n; if they never see one, add it to NOT_TRANSLATED with why');
    assert.deepEqual(Object.keys(NOT_TRANSLATED).filter((key) => !literals.some((literal) => literal.key === key)), [], 'no longer in the code');
  });

  it('shows the CA file warning, Show Last Request, the unlikely-code marks and the probability labels in the language of a bundle', async () => {
    const t = translator({
      'Not using promptComplete.network.caCertificatesFile ({0}): {1}; trusting the system\'s certificates only':
        'promptComplete.network.caCertificatesFile ({0}) n\'est pas utilisé : {1} ; seuls les certificats du système sont reconnus',
      'it is not a regular file': 'ce n\'est pas un fichier ordinaire',
      'Prompt Complete: the last request sent': 'Prompt Complete : la dernière requête envoyée',
      'Sent:    {0} ({1})': 'Envoyée : {0} ({1})',
      'inline': 'en ligne',
      'Unlikely here: {0} has probability {1}; the model expected {2}': 'Improbable ici : {0} a une probabilité de {1} ; le modèle attendait {2}',
      'Replace {0} with {1} ({2})': 'Remplacer {0} par {1} ({2})',
      'Replace {0} with {1} (used elsewhere in this file)': 'Remplacer {0} par {1} (utilisé ailleurs dans ce fichier)',
      'no probability': 'pas de probabilité',
    });
    const warnings: string[] = [];
    const certificates = new CaCertificates((warning) => warnings.push(warning(t)));
    certificates.current('/dev/zero');
    await certificates.loading;
    assert.deepEqual(warnings, ['promptComplete.network.caCertificatesFile (/dev/zero) n\'est pas utilisé : ce n\'est pas un fichier ordinaire ; seuls les certificats du système sont reconnus']);

    const sent = describeSentRequest({ sentAt: '2026-11-30T10:00:00.000Z', purpose: 'inline', url: 'http://h/v1/completions', headerNames: [], body: { prompt: 'x' }, fim: 'none' }, t);
    assert.match(sent, /^Prompt Complete : la dernière requête envoyée\n\nEnvoyée : 2026-11-30T10:00:00.000Z \(en ligne\)\n/);

    const mark = { token: { offset: 0, length: 4, text: 'trun' }, probability: 0.0002, alternatives: [{ text: 'turn', probability: 0.7 }], word: 'retrun' };
    assert.equal(describeMark(mark, t), 'Improbable ici : "trun" a une probabilité de <0.1% ; le modèle attendait "turn" 70%');
    assert.equal(fixTitle(mark, mark.alternatives[0]!, t), 'Remplacer "trun" par "turn" (70%)');
    assert.equal(wordFixTitle(mark, 'return', t), 'Remplacer "retrun" par "return" (utilisé ailleurs dans ce fichier)');

    const view = buildProbabilityView({ source: 'inline', model: 'm', text: 'ab', logprobs: { tokens: ['a', 'b'], tokenLogprobs: [null, -0.5] } }, t);
    assert.equal(view.kind === 'tokens' && view.tokens[0]?.probabilityLabel, 'pas de probabilité');
  });
});
